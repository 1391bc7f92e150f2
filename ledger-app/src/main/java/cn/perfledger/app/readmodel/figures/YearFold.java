package cn.perfledger.app.readmodel.figures;

import cn.perfledger.app.query.CanonicalJson;
import cn.perfledger.domain.budget.BudgetEvent.ExpenditureRecorded;
import cn.perfledger.domain.budget.BudgetEvent.ExpenditureReversed;
import cn.perfledger.domain.budget.BudgetEvent.FiscalYearOpened;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.domain.evaluation.EvaluationEvent.EvaluationStarted;
import cn.perfledger.projections.basis.Basis;
import cn.perfledger.projections.basis.RecordedEvent;
import cn.perfledger.projections.basis.Replay;
import cn.perfledger.projections.ledger.CarryOverReport;
import cn.perfledger.projections.ledger.ExecutionReport;
import cn.perfledger.projections.ledger.LedgerMetrics;
import cn.perfledger.projections.scoring.SelfEvaluationFold;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * One department-year's {@link SelfEvaluationFold} as the processor keeps it in memory: which events it contains
 * (a prefix of every stream, by aggregate sequence number), the replay position of the last event folded, and the
 * JSON of its views. Not thread-safe; only the processor thread touches it.
 */
final class YearFold {

    /** The four documents of a row, as canonical JSON text ({@code evaluation} null without a rubric). */
    record Documents(String execution, String carryOver, String indicators, String evaluation) {
    }

    /** How {@link #advance} brought the fold up to date. */
    enum Step { UNCHANGED, INCREMENTAL, REFOLD }

    private final FiscalYearId year;
    /** asOf = the year's 12-31; knownAt is not a filter here (events are selected by global index). */
    private final Basis basis;
    private SelfEvaluationFold fold;
    /** The highest aggregate sequence number folded (or passed over as effective after asOf), per stream. */
    private final Map<String, Long> applied = new HashMap<>();
    /** The last admitted event folded, in replay order (effective date, global sequence); null if none. */
    private RecordedEvent last;
    private long lastGlobalIndex = -1;
    private int eventsApplied;
    private final Set<String> rubricVersions = new TreeSet<>();
    /** The rubric versions already in {@code year_figures_rubric} for this year. */
    private final Set<String> rubricVersionsRecorded = new TreeSet<>();
    private Documents documents;

    private YearFold(FiscalYearId year) {
        this.year = year;
        this.basis = new Basis(year.year().lastDay(), Instant.MAX);
    }

    /** The year folded from scratch over {@code visible} (its events and its rubrics' up to some global index). */
    static YearFold replay(FiscalYearId year, List<RecordedEvent> visible) {
        YearFold state = new YearFold(year);
        state.refold(visible);
        return state;
    }

    /**
     * Brings the fold up to {@code visible}: the events it does not contain yet are folded incrementally when they
     * all come after the last folded one in replay order, else the year is folded again from {@code visible}.
     */
    Step advance(List<RecordedEvent> visible) {
        List<RecordedEvent> fresh = new ArrayList<>();
        for (RecordedEvent event : visible) {
            if (event.sequenceNumber() > applied.getOrDefault(event.aggregateId(), -1L)) {
                fresh.add(event);
            }
        }
        return advance(fresh, () -> visible);
    }

    /**
     * {@link #advance(List)} reading only the streams' tails: the events of each stream (in sequence order) after
     * the last one folded, up to global index {@code upTo}. A write then costs its own events, not a pass over the
     * year (issue 14); {@code visible} (the year up to {@code upTo}) is taken only when the year is folded again.
     */
    Step advance(List<List<RecordedEvent>> streams, long upTo, Supplier<List<RecordedEvent>> visible) {
        List<RecordedEvent> fresh = new ArrayList<>();
        for (List<RecordedEvent> stream : streams) {
            if (stream.isEmpty()) {
                continue;
            }
            long after = applied.getOrDefault(stream.get(0).aggregateId(), -1L);
            for (int i = firstAfter(stream, after); i < stream.size(); i++) {
                RecordedEvent event = stream.get(i);
                if (event.globalSequence() <= upTo) {
                    fresh.add(event);
                }
            }
        }
        return advance(fresh, visible);
    }

    /** The position of the first event of {@code stream} (ascending sequence numbers) after sequence {@code after}. */
    private static int firstAfter(List<RecordedEvent> stream, long after) {
        int low = 0;
        int high = stream.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (stream.get(mid).sequenceNumber() <= after) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private Step advance(List<RecordedEvent> fresh, Supplier<List<RecordedEvent>> visible) {
        if (fresh.isEmpty()) {
            return Step.UNCHANGED;
        }
        List<RecordedEvent> admitted = fresh.stream().filter(basis::admits).sorted(Basis.REPLAY_ORDER).toList();
        if (!admitted.isEmpty() && last != null && Basis.REPLAY_ORDER.compare(admitted.get(0), last) < 0
                && !admitted.stream().filter(e -> Basis.REPLAY_ORDER.compare(e, last) < 0).allMatch(this::commutes)) {
            refold(visible.get()); // back-dated: it belongs before events already folded, and its place matters
            return Step.REFOLD;
        }
        admitted.forEach(this::fold);
        fresh.forEach(this::note);
        documents = null;
        return Step.INCREMENTAL;
    }

    private void refold(List<RecordedEvent> visible) {
        fold = new SelfEvaluationFold();
        applied.clear();
        rubricVersions.clear();
        last = null;
        lastGlobalIndex = -1;
        eventsApplied = 0;
        documents = null;
        // the same selection and order as every as-of replay (Replay.select)
        for (RecordedEvent event : Replay.select(visible, basis)) {
            fold(event);
        }
        visible.forEach(this::note);
    }

    private void fold(RecordedEvent event) {
        fold.accept(event);
        if (last == null || Basis.REPLAY_ORDER.compare(event, last) > 0) {
            last = event;
        }
        eventsApplied++;
    }

    /**
     * Whether a back-dated event may be folded now, after events that come after it in replay order, with the same
     * result as in its place: a voucher or a reversal only adds its amount to its line's spent (reversed) total and
     * month — sums, whose order does not matter — unless an execution notice dated on or after it has been folded
     * (a notice takes the ledger's figures as they stood at its date). Everything else is folded again in order.
     */
    private boolean commutes(RecordedEvent event) {
        if (!(event.payload() instanceof ExpenditureRecorded) && !(event.payload() instanceof ExpenditureReversed)) {
            return false;
        }
        return fold.ledger().notices().stream()
                .noneMatch(n -> !n.notice().effectiveDate().isBefore(event.effectiveDate()));
    }

    private void note(RecordedEvent event) {
        applied.merge(event.aggregateId(), event.sequenceNumber(), Math::max);
        lastGlobalIndex = Math.max(lastGlobalIndex, event.globalSequence());
        if (event.payload() instanceof FiscalYearOpened opened) {
            rubricVersions.add(opened.rubricVersion().value());
        } else if (event.payload() instanceof EvaluationStarted started) {
            rubricVersions.add(started.rubricVersion().value());
        }
    }

    /** The row's documents: the same views of the fold, serialized the same way, as the as-of queries. */
    Documents documents() {
        if (documents == null) {
            documents = new Documents(
                    json(ExecutionReport.of(new LedgerMetrics(fold.ledger()))),
                    json(CarryOverReport.of(new LedgerMetrics(fold.ledger()))),
                    json(fold.indicatorReport()),
                    fold.scoredTable().map(YearFold::json).orElse(null));
        }
        return documents;
    }

    private static String json(Object view) {
        return new String(CanonicalJson.bytes(view), StandardCharsets.UTF_8);
    }

    FiscalYearId year() {
        return year;
    }

    /** The stream positions folded, {@code aggregate@sequence;…} in aggregate order: what the row is bound to. */
    String boundStreams() {
        StringBuilder out = new StringBuilder();
        new java.util.TreeMap<>(applied).forEach((aggregate, sequence) -> out.append(out.length() == 0 ? "" : ";")
                .append(aggregate).append('@').append(sequence));
        return out.toString();
    }

    Basis basis() {
        return basis;
    }

    long lastGlobalIndex() {
        return lastGlobalIndex;
    }

    int eventsApplied() {
        return eventsApplied;
    }

    /** The rubric versions the year names (opened with, evaluated against) not yet in {@code year_figures_rubric}. */
    List<String> rubricVersionsToRecord() {
        return rubricVersions.stream().filter(r -> !rubricVersionsRecorded.contains(r)).toList();
    }

    void rubricVersionRecorded(String rubricVersion) {
        rubricVersionsRecorded.add(rubricVersion);
    }
}
