package cn.perfledger.app.integrity;

import cn.perfledger.app.integrity.IntegrityReport.ChainBreak;
import cn.perfledger.app.integrity.IntegrityReport.Status;
import cn.perfledger.app.integrity.IntegrityReport.StreamResult;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.domain.evaluation.EvaluationId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Verifies hash chains straight from {@code DomainEventEntry}: raw rows read with JDBC in sequence order, every
 * link recomputed ({@link ChainHash}), the first broken link of each stream reported ({@link StreamWalk}).
 * Nothing is read through Axon or a cache, so what is checked is exactly what is stored.
 *
 * <p>What a chain can and cannot show: a changed payload, metadata, time stamp or identifier, a deleted or
 * inserted event in the middle of a stream, swapped events and stripped chain keys are all caught at the first
 * affected event. Deleting the <em>last</em> events of a stream, or rewriting a whole stream's tail with freshly
 * computed hashes, leaves a valid (shorter or different) chain: that is what an exported digest
 * ({@link IntegrityDigests}) kept outside the ledger catches. Snapshots are derived data and are not chained.
 *
 * <p>Cost: one indexed range scan per stream and two SHA-256 over each event's bytes plus a metadata parse,
 * estimated at 1–2 s per 100,000 events (not yet measured on a year that large).
 */
@Service
public class IntegrityVerifier {

    /** The most streams listed in a whole-store report (the totals always count all of them). */
    public static final int MAX_LISTED_STREAMS = 1_000;
    /** The scope name of the whole store. */
    public static final String ALL = "*";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public IntegrityVerifier(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The streams of a department-year: its budget ledger and its evaluation. */
    public static List<String> streamsOf(FiscalYearId fiscalYearId) {
        return List.of(fiscalYearId.toString(), new EvaluationId(fiscalYearId).toString());
    }

    /** Both streams of a department-year (a stream without events is listed with 0 events). */
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

    /** Every stream of the store, in aggregate id order; lists only broken or unchained streams. */
    public IntegrityReport verifyAll() {
        List<StreamWalk> listed = new ArrayList<>();
        Totals totals = new Totals();
        StreamWalk[] current = new StreamWalk[1];
        Consumer<StreamWalk> finish = walk -> {
            totals.add(walk);
            if (walk.status() != IntegrityReport.StreamStatus.INTACT) {
                listed.add(walk);
            }
        };
        scan("SELECT " + StoredEvent.COLUMNS + " FROM DomainEventEntry ORDER BY aggregateIdentifier, sequenceNumber",
                new Object[0], row -> {
                    if (current[0] == null || !current[0].aggregateId.equals(row.aggregateIdentifier())) {
                        if (current[0] != null) {
                            finish.accept(current[0]);
                        }
                        current[0] = new StreamWalk(row.aggregateIdentifier());
                    }
                    current[0].accept(row);
                });
        if (current[0] != null) {
            finish.accept(current[0]);
        }
        listed.sort((a, b) -> Boolean.compare(b.broken(), a.broken()));
        boolean truncated = listed.size() > MAX_LISTED_STREAMS;
        List<StreamWalk> shown = truncated ? listed.subList(0, MAX_LISTED_STREAMS) : listed;
        return build(ALL, shown, totals, truncated);
    }

    /** Walks one stream, noting the link and event count at {@code checkpoint} (−1: none). */
    StreamWalk walk(String aggregateId, long checkpoint) {
        StreamWalk walk = new StreamWalk(aggregateId, checkpoint);
        scan("SELECT " + StoredEvent.COLUMNS + " FROM DomainEventEntry WHERE aggregateIdentifier = ?"
                + " ORDER BY sequenceNumber", new Object[] {aggregateId}, walk::accept);
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
        String what = (ALL.equals(scope) ? "全部事件" : scope) + "：已校验 " + totals.streams + " 个事件流、"
                + totals.events + " 个事件";
        return switch (status) {
            case INTACT -> what + "，哈希链完整";
            case INTACT_WITH_UNCHAINED -> what + "，哈希链完整；其中 " + totals.unchained + " 个事件写于启用哈希链之前（未入链）";
            case BROKEN -> {
                ChainBreak first = streams.stream().filter(s -> s.firstBreak() != null).findFirst()
                        .map(StreamResult::firstBreak).orElse(null);
                yield what + "，发现 " + totals.broken + " 个事件流断裂" + (first == null ? "" : "；首个：" + first.rule());
            }
        };
    }

    private void scan(String sql, Object[] args, Consumer<StoredEvent> consumer) {
        jdbc.query(con -> {
            var statement = con.prepareStatement(sql);
            statement.setFetchSize(1000);
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            return statement;
        }, rs -> {
            consumer.accept(StoredEvent.read(rs));
        });
    }

    private static final class Totals {
        int streams;
        long events;
        long chained;
        long unchained;
        int broken;

        void add(StreamWalk walk) {
            if (walk.eventCount == 0) {
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
