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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code year_figures}: per department-year, the canonical JSON of its execution report, 结转结余 report,
 * indicator report and scored 自评表 at the basis "everything recorded up to the processor's position, asOf =
 * the year's 12-31". Runs in the tracking processor {@value #PROCESSING_GROUP}; rows are written in the
 * processor's transaction, together with its token.
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

    public YearFiguresProjection(JdbcTemplate jdbc, YearQueries queries, ReadModelSeal seal, Clock clock) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.seal = seal;
        this.clock = clock;
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
        folds.clear();
        jdbc.update("DELETE FROM year_figures_rubric");
        jdbc.update("DELETE FROM year_figures");
    }

    public Stats stats() {
        return new Stats(coldFolds.get(), incrementalSteps.get(), refolds.get());
    }

    /** What the current batch touched; flushed once, when the batch's unit of work prepares to commit. */
    private static final class Batch {
        private final Set<FiscalYearId> years = new LinkedHashSet<>();
        private final Set<String> rubrics = new LinkedHashSet<>();
        private long position = -1;

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
            unitOfWork.onRollback(u -> folds.clear());
            return batch;
        });
    }

    private void flush(Batch batch) {
        Set<FiscalYearId> years = new LinkedHashSet<>(batch.years);
        for (String rubric : batch.rubrics) {
            years.addAll(jdbc.query("SELECT fiscal_year_id FROM year_figures_rubric WHERE rubric_version_id = ?"
                    + " ORDER BY fiscal_year_id", (rs, i) -> FiscalYearId.parse(rs.getString(1)), rubric));
        }
        for (FiscalYearId year : years) {
            refresh(year, batch.position);
        }
    }

    private void refresh(FiscalYearId year, long upTo) {
        YearQueries.YearStreams streams;
        try {
            streams = queries.streams(year);
        } catch (NotFoundException e) {
            return; // an evaluation without a ledger stream yet: nothing to show
        }
        // the year up to upTo, a pass over all its events: only for a cold fold or a refold
        Supplier<List<RecordedEvent>> visible = () -> streams.index().stream()
                .filter(e -> e.globalSequence() <= upTo).toList();
        YearFold fold = folds.get(year);
        if (fold == null) {
            List<RecordedEvent> all = visible.get();
            if (all.isEmpty()) {
                return;
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
        write(fold);
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
