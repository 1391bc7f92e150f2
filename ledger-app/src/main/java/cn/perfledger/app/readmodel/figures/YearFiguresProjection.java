package cn.perfledger.app.readmodel.figures;

import cn.perfledger.app.command.NotFoundException;
import cn.perfledger.app.integrity.ReadModelSeal;
import cn.perfledger.app.query.YearQueries;
import cn.perfledger.domain.budget.BudgetEvent;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.domain.evaluation.EvaluationEvent;
import cn.perfledger.domain.rubric.RubricEvent;
import cn.perfledger.projections.basis.RecordedEvent;
import cn.perfledger.projections.scoring.SelfEvaluationFold;
import java.sql.Date;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import cn.perfledger.app.store.DerivedWrites;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code year_figures}: per department-year, the canonical JSON of its execution report, 结转结余 report,
 * indicator report and scored 自评表 at the basis "everything recorded up to the processor's position, asOf =
 * the year's 12-31". Runs in the tracking processor {@value #PROCESSING_GROUP}.
 *
 * <h2>Folded every batch, written at most once per interval</h2>
 * Every batch folds the years it touched (cheap: the tail of each stream). Computing a row's four documents, its
 * MAC and the UPDATE cost far more, and a burst of single writes would pay them once per write, competing with
 * the writes themselves for the CPU (issue 14). So a year's row is written in the batch's transaction only if it
 * was not written within the last {@code ledger.read-models.year-figures.write-interval} (default 1 s); otherwise
 * the year is marked in {@code year_figures_pending} (once, in the same transaction as the token) and a trailing
 * write, {@link #writePending()}, writes it from the fold when its interval has passed and removes the mark, in
 * one transaction. A row is always written from a fold, so it names exactly the stream positions
 * ({@code bound_streams}, {@code last_global_index}) it contains, never more. The token may pass events the row
 * does not show yet; the mark says so durably: after a crash, the instance whose processor holds the segment folds
 * every marked year from its events and writes it, without waiting for the year's next write. A lock keeps the
 * trailing write and the processor's batch (from its flush to its commit or rollback) apart, so neither sees the
 * other's folds half-done or waits on the other's rows. An interval of 0 writes every batch.
 *
 * <h2>One fold, the replay's</h2>
 * The figures come from {@link SelfEvaluationFold} fed with the very {@link RecordedEvent}s the as-of queries fold
 * ({@link YearQueries#events}: the year's budget and evaluation streams plus the streams of the rubric versions it
 * names, read through {@code EventHistory}, i.e. Axon's serializer and upcasters), selected and ordered as a replay
 * is (effective date ≤ 12-31, then effective date, then global sequence) and serialized by the same
 * {@code CanonicalJson}. Nothing here computes a figure.
 *
 * <h2>Out-of-order events</h2>
 * The handlers only note which years (and rubric versions) the batch touched and the highest global index seen.
 * When the batch commits, each touched year — and every year that names a touched rubric version
 * ({@code year_figures_rubric}) — is brought up to date with its events of global index ≤ that position
 * ({@link YearFold#advance}): the events its in-memory fold does not contain yet (per stream, by aggregate sequence
 * number) are folded incrementally when they all come after the last folded event in replay order; if one of them
 * is back-dated (it belongs before an event already folded), the year is folded again from its history. A year
 * without an in-memory fold — after a restart, after a reset, or evicted (at most {@value #FOLDS_IN_MEMORY} are
 * kept) — is folded from its history. So the row always equals a replay in (effective date, global sequence)
 * order of the events up to the position, whatever order the events were recorded or delivered in.
 *
 * <h2>Idempotent</h2>
 * An event already in the fold (its stream's sequence number ≤ the one applied) changes nothing; a redelivered
 * batch rewrites the same row. The fold tracks stream prefixes rather than one global watermark, so an event
 * that fills a gap in the global index (a transaction that committed late) is still folded. If the batch's
 * transaction rolls back, the in-memory folds are dropped and rebuilt from the store on the next batch.
 *
 * <h2>Resettable, single-threaded</h2>
 * {@link #reset()} empties both tables and the folds before a replay from the first event
 * ({@link YearFiguresReadModel#rebuild()}). Every event goes to one segment ({@code YearFiguresConfiguration}
 * registers a sequential policy): a rubric event refreshes years whose own events may come from any stream.
 */
@Component
@ProcessingGroup(YearFiguresProjection.PROCESSING_GROUP)
public class YearFiguresProjection {

    public static final String PROCESSING_GROUP = "year-figures";

    /** Department-year folds kept in memory (least recently used evicted; an evicted year is refolded). */
    static final int FOLDS_IN_MEMORY = 16;

    private static final String BATCH = YearFiguresProjection.class.getName() + ".batch";
    private static final Logger log = LoggerFactory.getLogger(YearFiguresProjection.class);

    /** How the processor has brought years up to date since start (for tests and diagnostics). */
    public record Stats(long coldFolds, long incrementalSteps, long refolds) {
    }

    private final JdbcTemplate jdbc;
    private final YearQueries queries;
    private final ReadModelSeal seal;
    private final Clock clock;
    private final Map<FiscalYearId, YearFold> folds = Collections.synchronizedMap(
            new LinkedHashMap<>(FOLDS_IN_MEMORY * 2, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<FiscalYearId, YearFold> eldest) {
                    return size() > FOLDS_IN_MEMORY;
                }
            });
    private final AtomicLong coldFolds = new AtomicLong();
    private final AtomicLong incrementalSteps = new AtomicLong();
    private final AtomicLong refolds = new AtomicLong();
    private final AtomicLong rowWrites = new AtomicLong();

    private final long writeIntervalNanos;
    private final TransactionTemplate transaction;
    private final ObjectProvider<EventProcessingConfiguration> processing;
    /** Held by the processor thread from a batch's flush to its commit or rollback, and by the trailing write. */
    private final ReentrantLock writing = new ReentrantLock();
    /** When each year's row was last written (System.nanoTime), by this instance. */
    private final Map<FiscalYearId, Long> writtenAt = new HashMap<>();
    private ScheduledExecutorService trailing;

    public YearFiguresProjection(JdbcTemplate jdbc, YearQueries queries, ReadModelSeal seal, Clock clock,
            PlatformTransactionManager transactionManager, ObjectProvider<EventProcessingConfiguration> processing,
            @Value("${ledger.read-models.year-figures.write-interval:1s}") Duration writeInterval) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.seal = seal;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
        this.processing = processing;
        if (writeInterval.isNegative()) {
            throw new IllegalArgumentException("ledger.read-models.year-figures.write-interval: 不能为负数: "
                    + writeInterval);
        }
        this.writeIntervalNanos = writeInterval.toNanos();
    }

    @PostConstruct
    void startTrailingWrites() {
        long tick = Math.max(20, TimeUnit.NANOSECONDS.toMillis(writeIntervalNanos) / 4);
        trailing = Executors.newSingleThreadScheduledExecutor(r -> {
            // it writes only rows derived from the events: its commits need not be forced (DerivedWrites)
            Thread thread = new Thread(() -> {
                DerivedWrites.markCurrentThread();
                r.run();
            }, "year-figures-trailing-write");
            thread.setDaemon(true);
            return thread;
        });
        trailing.scheduleWithFixedDelay(() -> {
            try {
                writePending();
            } catch (RuntimeException e) {
                // the marks stay; the next tick tries again
                log.warn("year_figures trailing write failed, retried on the next tick: {}", e.toString());
            }
        }, tick, tick, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stopTrailingWrites() {
        trailing.shutdownNow();
    }

    @EventHandler
    void on(BudgetEvent event, TrackingToken token) {
        batch().touch(event.fiscalYearId(), token);
    }

    @EventHandler
    void on(EvaluationEvent event, TrackingToken token) {
        batch().touch(event.evaluationId().fiscalYearId(), token);
    }

    @EventHandler
    void on(RubricEvent event, TrackingToken token) {
        Batch batch = batch();
        batch.rubrics.add(event.rubricVersionId().value());
        batch.position(token);
    }

    @ResetHandler
    void reset() {
        writing.lock();
        try {
            folds.clear();
            writtenAt.clear();
            jdbc.update("DELETE FROM year_figures_pending");
            jdbc.update("DELETE FROM year_figures_rubric");
            jdbc.update("DELETE FROM year_figures");
        } finally {
            writing.unlock();
        }
    }

    public Stats stats() {
        return new Stats(coldFolds.get(), incrementalSteps.get(), refolds.get());
    }

    /** How many rows this instance has written (in batches and trailing writes) since start. */
    public long rowWrites() {
        return rowWrites.get();
    }

    /** Whether some year's row is behind what the processor has folded (a trailing write is due). */
    public boolean writesPending() {
        Integer marked = jdbc.queryForObject("SELECT COUNT(*) FROM year_figures_pending", Integer.class);
        return marked != null && marked > 0;
    }

    /**
     * The trailing write: every marked year whose interval has passed is written from its fold (folded from its
     * events first if it is not in memory — after a restart, or evicted) and its mark removed, in one transaction
     * per year. Only on the instance whose processor holds the segment: another instance's folds are not current,
     * and its writes would race the owner's marks.
     */
    void writePending() {
        if (!holdsSegment()) {
            return;
        }
        writing.lock();
        try {
            // the table, not memory, says which years are behind: marks an earlier owner of the segment left count
            List<FiscalYearId> marked = jdbc.query("SELECT fiscal_year_id FROM year_figures_pending"
                    + " ORDER BY fiscal_year_id", (rs, i) -> FiscalYearId.parse(rs.getString(1)));
            long now = System.nanoTime();
            for (FiscalYearId year : marked) {
                if (!due(year, now)) {
                    continue;
                }
                // up to everything recorded by now: that contains all the token has passed, whoever moved it
                // (events it delivers later are then already in the fold and change nothing)
                transaction.executeWithoutResult(status -> {
                    refresh(year, Long.MAX_VALUE, true);
                    jdbc.update("DELETE FROM year_figures_pending WHERE fiscal_year_id = ?", year.toString());
                });
                writtenAt.put(year, now);
            }
        } catch (RuntimeException e) {
            folds.clear(); // a rolled-back write may have left a fold ahead of nothing; rebuilt from the store
            throw e;
        } finally {
            writing.unlock();
        }
    }

    private boolean holdsSegment() {
        EventProcessingConfiguration config = processing.getIfAvailable();
        if (config == null) {
            return false;
        }
        return config.eventProcessor(PROCESSING_GROUP, StreamingEventProcessor.class)
                .map(p -> p.isRunning() && !p.processingStatus().isEmpty()).orElse(false);
    }

    private boolean due(FiscalYearId year, long now) {
        Long last = writtenAt.get(year);
        return last == null || now - last >= writeIntervalNanos;
    }

    /** What the current batch touched; flushed once, when the batch's unit of work prepares to commit. */
    private static final class Batch {
        private final Set<FiscalYearId> years = new LinkedHashSet<>();
        private final Set<String> rubrics = new LinkedHashSet<>();
        private long position = -1;
        /** Rows the flush wrote; their write times count once committed. */
        private final Set<FiscalYearId> written = new LinkedHashSet<>();
        private long flushedAt;

        void touch(FiscalYearId year, TrackingToken token) {
            years.add(year);
            position(token);
        }

        void position(TrackingToken token) {
            long index = token == null ? Long.MAX_VALUE : token.position().orElse(Long.MAX_VALUE);
            position = Math.max(position, index);
        }
    }

    private Batch batch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        return unitOfWork.getOrComputeResource(BATCH, key -> {
            Batch batch = new Batch();
            unitOfWork.onPrepareCommit(u -> flush(batch));
            unitOfWork.afterCommit(u -> committed(batch));
            unitOfWork.onRollback(u -> folds.clear());
            unitOfWork.onCleanup(u -> {
                if (writing.isHeldByCurrentThread()) {
                    writing.unlock();
                }
            });
            return batch;
        });
    }

    private void committed(Batch batch) {
        if (!writing.isHeldByCurrentThread()) {
            return;
        }
        for (FiscalYearId year : batch.written) {
            writtenAt.put(year, batch.flushedAt);
        }
    }

    private void flush(Batch batch) {
        writing.lock(); // released when the unit of work cleans up, after its commit or rollback
        batch.flushedAt = System.nanoTime();
        Set<FiscalYearId> years = new LinkedHashSet<>(batch.years);
        for (String rubric : batch.rubrics) {
            years.addAll(jdbc.query("SELECT fiscal_year_id FROM year_figures_rubric WHERE rubric_version_id = ?"
                    + " ORDER BY fiscal_year_id", (rs, i) -> FiscalYearId.parse(rs.getString(1)), rubric));
        }
        for (FiscalYearId year : years) {
            boolean write = due(year, batch.flushedAt);
            if (refresh(year, batch.position, write)) {
                if (write) {
                    batch.written.add(year);
                    jdbc.update("DELETE FROM year_figures_pending WHERE fiscal_year_id = ?", year.toString());
                } else {
                    // a point lookup, and an insert only for the first batch of a burst
                    jdbc.update("INSERT INTO year_figures_pending (fiscal_year_id) SELECT CAST(? AS VARCHAR(128))"
                            + " WHERE NOT EXISTS (SELECT 1 FROM year_figures_pending WHERE fiscal_year_id = ?)",
                            year.toString(), year.toString());
                }
            }
        }
    }

    /** Brings the year's fold up to {@code upTo} and, if {@code write}, writes its row; false if it has no events. */
    private boolean refresh(FiscalYearId year, long upTo, boolean write) {
        YearQueries.YearStreams streams;
        try {
            streams = queries.streams(year);
        } catch (NotFoundException e) {
            return false; // an evaluation without a ledger stream yet: nothing to show
        }
        // the year up to upTo, a pass over all its events: only for a cold fold or a refold
        Supplier<List<RecordedEvent>> visible = () -> streams.index().stream()
                .filter(e -> e.globalSequence() <= upTo).toList();
        YearFold fold = folds.get(year);
        if (fold == null) {
            List<RecordedEvent> all = visible.get();
            if (all.isEmpty()) {
                return false;
            }
            fold = YearFold.replay(year, all);
            folds.put(year, fold);
            coldFolds.incrementAndGet();
        } else {
            switch (fold.advance(streams.streams(), upTo, visible)) {
                case INCREMENTAL -> incrementalSteps.incrementAndGet();
                case REFOLD -> refolds.incrementAndGet();
                case UNCHANGED -> { }
            }
        }
        // recorded at once, written or not: a rubric event must find the year even before its first row
        recordRubricVersions(fold);
        if (write) {
            write(fold);
        }
        return true;
    }

    private void write(YearFold fold) {
        YearFold.Documents documents = fold.documents();
        String id = fold.year().toString();
        String now = DateTimeUtils.formatInstant(clock.instant());
        SqlParameterValue evaluation = new SqlParameterValue(Types.VARCHAR, documents.evaluation());
        String bound = fold.boundStreams();
        String mac = YearFiguresReadModel.seal(seal, id, fold.basis().asOf(), fold.lastGlobalIndex(),
                fold.eventsApplied(), documents.execution(), documents.carryOver(), documents.indicators(),
                documents.evaluation(), bound);
        int updated = jdbc.update("UPDATE year_figures SET as_of = ?, last_global_index = ?, events_applied = ?,"
                + " execution_json = ?, carryover_json = ?, indicators_json = ?, evaluation_json = ?, updated_at = ?,"
                + " bound_streams = ?, row_mac = ? WHERE fiscal_year_id = ?", Date.valueOf(fold.basis().asOf()),
                fold.lastGlobalIndex(), fold.eventsApplied(), documents.execution(), documents.carryOver(),
                documents.indicators(), evaluation, now, bound, mac, id);
        if (updated == 0) {
            jdbc.update("INSERT INTO year_figures (fiscal_year_id, department_id, fiscal_year, as_of, last_global_index,"
                    + " events_applied, execution_json, carryover_json, indicators_json, evaluation_json, updated_at,"
                    + " bound_streams, row_mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id,
                    fold.year().department().code(), fold.year().year().year(), Date.valueOf(fold.basis().asOf()),
                    fold.lastGlobalIndex(), fold.eventsApplied(), documents.execution(), documents.carryOver(),
                    documents.indicators(), evaluation, now, bound, mac);
        }
        rowWrites.incrementAndGet();
    }

    private void recordRubricVersions(YearFold fold) {
        String id = fold.year().toString();
        for (String rubric : fold.rubricVersionsToRecord()) {
            Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM year_figures_rubric WHERE rubric_version_id = ?"
                    + " AND fiscal_year_id = ?", Integer.class, rubric, id);
            if (known == null || known == 0) {
                jdbc.update("INSERT INTO year_figures_rubric (rubric_version_id, fiscal_year_id) VALUES (?, ?)", rubric,
                        id);
            }
            fold.rubricVersionRecorded(rubric);
        }
    }
}
