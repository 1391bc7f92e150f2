package cn.perfledger.app.integrity;

import cn.perfledger.app.eventstore.EventTable;
import cn.perfledger.app.eventstore.StoredEvent;
import cn.perfledger.app.integrity.IntegrityReport.ChainBreak;
import cn.perfledger.app.integrity.IntegrityReport.Status;
import cn.perfledger.app.integrity.IntegrityReport.StreamResult;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.domain.evaluation.EvaluationId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Service;

/**
 * Verifies hash chains straight from {@code DomainEventEntry}: raw rows read with JDBC in sequence order, every
 * keyed link recomputed ({@link ChainHash}), the first broken link of each stream reported ({@link StreamWalk}),
 * then the stream compared with its keyed head ({@link StreamHeads}) and its last seal ({@link IntegritySeals}).
 * Nothing is read through Axon or a cache, so what is checked is exactly what is stored.
 *
 * <p>What is caught: a changed payload, metadata, time stamp or identifier (also with the hash recomputed without
 * the key), a deleted, inserted or swapped event, stripped chain keys, deleted last events (the head is ahead),
 * a deleted stream (its head, or its last seal, still lists it), an altered head. What is not: see the threat
 * model in docs/ARCHITECTURE.md (an older genuine head restored together with the deletion of the events after
 * it, before the next seal; anything done by someone holding the key).
 *
 * <p>Cost: one indexed range scan per stream, two SHA-256 and one HMAC over each event's bytes plus a metadata
 * parse (figures measured in the issue note).
 */
@Service
public class IntegrityVerifier {

    /** The most streams listed in a whole-store report (the totals always count all of them). */
    public static final int MAX_LISTED_STREAMS = 1_000;
    /** The scope name of the whole store. */
    public static final String ALL = "*";

    private final EventTable events;
    private final StreamHeads heads;
    private final IntegritySeals seals;
    private final IntegrityKeys keys;
    private final IntegrityAnchor anchor;
    private final Clock clock;

    public IntegrityVerifier(EventTable events, StreamHeads heads, IntegritySeals seals, IntegrityKeys keys,
            IntegrityAnchor anchor, Clock clock) {
        this.events = events;
        this.heads = heads;
        this.seals = seals;
        this.keys = keys;
        this.anchor = anchor;
        this.clock = clock;
    }

    /**
     * The streams a department-year's figures replay from: its budget ledger and evaluation, its department, and
     * the rubric versions named by the first event of the ledger and the evaluation streams.
     */
    public List<String> streamsOf(FiscalYearId fiscalYearId) {
        List<String> streams = new ArrayList<>(List.of(fiscalYearId.toString(),
                new EvaluationId(fiscalYearId).toString(), fiscalYearId.department().code()));
        for (String stream : List.of(fiscalYearId.toString(), new EvaluationId(fiscalYearId).toString())) {
            events.event(stream, 0).map(IntegrityVerifier::rubricVersionOf)
                    .filter(rubric -> !streams.contains(rubric)).ifPresent(streams::add);
        }
        return streams;
    }

    /** {@code rubricVersion} of a FiscalYearOpened / EvaluationStarted payload, null if none. */
    static String rubricVersionOf(StoredEvent row) {
        try {
            JsonNode rubric = ChainLinks.METADATA_READER.readTree(row.payload()).get("rubricVersion");
            return rubric != null && rubric.isTextual() ? rubric.textValue() : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** Every stream of a department-year (a stream without events is listed with 0 events). */
    public IntegrityReport verifyFiscalYear(FiscalYearId fiscalYearId) {
        List<StreamWalk> walks = new ArrayList<>();
        for (String aggregate : streamsOf(fiscalYearId)) {
            walks.add(walk(aggregate, -1));
        }
        return report(fiscalYearId.toString(), walks);
    }

    /** One aggregate stream. */
    public IntegrityReport verifyAggregate(String aggregateId) {
        return report(aggregateId, List.of(walk(aggregateId, -1)));
    }

    /** Every stream of the store (and every stream a head or the last seal names); lists only the unusual ones. */
    public IntegrityReport verifyAll() {
        anchor.ensureAnchored();
        Map<String, StreamHeads.Head> allHeads = heads.all();
        Set<String> named = new TreeSet<>(allHeads.keySet());
        List<StreamWalk> listed = new ArrayList<>();
        Totals totals = new Totals();
        StreamWalk[] current = new StreamWalk[1];
        Consumer<StreamWalk> finish = walk -> {
            walk.finish(heads, allHeads.get(walk.aggregateId), seals.sealedHead(walk.aggregateId).orElse(null));
            named.remove(walk.aggregateId);
            totals.add(walk);
            if (walk.status() != IntegrityReport.StreamStatus.INTACT) {
                listed.add(walk);
            }
        };
        events.everyStream(row -> {
            if (current[0] == null || !current[0].aggregateId.equals(row.aggregateIdentifier())) {
                if (current[0] != null) {
                    finish.accept(current[0]);
                }
                current[0] = newWalk(row.aggregateIdentifier(), allHeads.get(row.aggregateIdentifier()), -1);
            }
            current[0].accept(row);
        });
        if (current[0] != null) {
            finish.accept(current[0]);
        }
        for (String gone : named) {
            StreamWalk walk = newWalk(gone, allHeads.get(gone), -1);
            finish.accept(walk);
        }
        listed.sort((a, b) -> Boolean.compare(b.broken(), a.broken()));
        boolean truncated = listed.size() > MAX_LISTED_STREAMS;
        List<StreamWalk> shown = truncated ? listed.subList(0, MAX_LISTED_STREAMS) : listed;
        return build(ALL, shown, totals, truncated);
    }

    /** Walks one stream, noting the link and event count at {@code checkpoint} (−1: none), then checks its head. */
    StreamWalk walk(String aggregateId, long checkpoint) {
        anchor.ensureAnchored();
        StreamHeads.Head head = heads.find(aggregateId).orElse(null);
        IntegritySeals.SealedHead sealed = seals.sealedHead(aggregateId).orElse(null);
        StreamWalk walk = newWalk(aggregateId, head, checkpoint);
        if (sealed != null) {
            walk.noteLinkAt(sealed.sequenceNumber());
        }
        events.streamAfter(aggregateId, -1, walk::accept);
        walk.finish(heads, head, sealed);
        return walk;
    }

    private StreamWalk newWalk(String aggregateId, StreamHeads.Head head, long checkpoint) {
        Long legacy = heads.legacyUpTo(head);
        StreamWalk walk = new StreamWalk(aggregateId, keys, legacy == null ? -1 : legacy, checkpoint);
        if (head != null) {
            walk.noteLinkAt(head.sequenceNumber());
        }
        return walk;
    }

    private IntegrityReport report(String scope, List<StreamWalk> walks) {
        Totals totals = new Totals();
        walks.forEach(totals::add);
        return build(scope, walks, totals, false);
    }

    private IntegrityReport build(String scope, List<StreamWalk> shown, Totals totals, boolean truncated) {
        List<StreamResult> streams = shown.stream().map(StreamWalk::result).toList();
        Status status = totals.broken > 0 ? Status.BROKEN
                : totals.unchained > 0 ? Status.INTACT_WITH_UNCHAINED : Status.INTACT;
        return new IntegrityReport(scope, status, status != Status.BROKEN, summary(scope, status, totals, streams),
                clock.instant(), totals.streams, totals.events, totals.chained, totals.unchained, totals.broken,
                streams, truncated);
    }

    private static String summary(String scope, Status status, Totals totals, List<StreamResult> streams) {
        String what = (ALL.equals(scope) ? "全部记录" : scope) + "：已校验 " + totals.streams + " 条记录链、"
                + totals.events + " 条记录";
        return switch (status) {
            case INTACT -> what + "，哈希链完整";
            case INTACT_WITH_UNCHAINED -> what + "，哈希链完整；其中 " + totals.unchained + " 条记录写于启用哈希链之前（未入链）";
            case BROKEN -> {
                ChainBreak first = streams.stream().filter(s -> s.firstBreak() != null).findFirst()
                        .map(StreamResult::firstBreak).orElse(null);
                yield what + "，发现 " + totals.broken + " 条记录链断裂" + (first == null ? "" : "；首个：" + first.rule());
            }
        };
    }

    private static final class Totals {
        int streams;
        long events;
        long chained;
        long unchained;
        int broken;

        void add(StreamWalk walk) {
            if (walk.eventCount == 0 && !walk.broken()) {
                return;
            }
            streams++;
            events += walk.eventCount;
            chained += walk.chainedEvents;
            unchained += walk.unchainedEvents;
            if (walk.broken()) {
                broken++;
            }
        }
    }
}
