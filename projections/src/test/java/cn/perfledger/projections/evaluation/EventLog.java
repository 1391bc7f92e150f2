package cn.perfledger.projections.evaluation;

import cn.perfledger.domain.budget.BudgetEvent;
import cn.perfledger.domain.common.LedgerEvent;
import cn.perfledger.domain.evaluation.EvaluationEvent;
import cn.perfledger.domain.rubric.RubricEvent;
import cn.perfledger.projections.basis.RecordedEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * An in-memory event store for tests: events are added with their recording time (default: 09:00 UTC on their
 * effective date) and get global sequence numbers in recording order, as the store would assign them.
 */
public final class EventLog {

    private record Entry(Object payload, Instant recordedAt, int order) {
    }

    private final List<Entry> entries = new ArrayList<>();

    public EventLog add(Object payload, Instant recordedAt) {
        entries.add(new Entry(payload, recordedAt, entries.size()));
        return this;
    }

    /** Recorded on its effective date, after the events added before it. */
    public EventLog add(Object payload) {
        return add(payload, recordedOn(effectiveDate(payload)).plusSeconds(entries.size()));
    }

    public static Instant recordedOn(LocalDate date) {
        return date.atTime(9, 0).toInstant(ZoneOffset.UTC);
    }

    public int size() {
        return entries.size();
    }

    /** The events as the store holds them: global sequence in recording order. */
    public List<RecordedEvent> events() {
        List<Entry> byRecording = new ArrayList<>(entries);
        byRecording.sort(Comparator.comparing(Entry::recordedAt).thenComparingInt(Entry::order));
        List<RecordedEvent> events = new ArrayList<>();
        for (Entry entry : byRecording) {
            long sequence = events.size();
            events.add(new RecordedEvent(sequence, aggregateId(entry.payload()), sequence, "event-" + sequence,
                    entry.recordedAt(), effectiveDate(entry.payload()), entry.payload(), Map.of()));
        }
        return events;
    }

    static LocalDate effectiveDate(Object payload) {
        if (payload instanceof LedgerEvent e) {
            return e.effectiveDate();
        }
        throw new IllegalArgumentException("not a domain event: " + payload);
    }

    private static String aggregateId(Object payload) {
        if (payload instanceof BudgetEvent e) {
            return e.fiscalYearId().toString();
        } else if (payload instanceof EvaluationEvent e) {
            return e.evaluationId().toString();
        }
        return ((RubricEvent) payload).rubricVersionId().toString();
    }
}
