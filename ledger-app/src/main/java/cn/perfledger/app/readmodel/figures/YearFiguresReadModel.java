package cn.perfledger.app.readmodel.figures;

import cn.perfledger.app.integrity.IntegrityReport.BreakKind;
import cn.perfledger.app.integrity.IntegrityStatus;
import cn.perfledger.app.integrity.ReadModelSeal;
import cn.perfledger.app.query.BasisResult;
import cn.perfledger.app.query.CanonicalJson;
import cn.perfledger.app.query.YearQueries;
import cn.perfledger.domain.common.FiscalYearId;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;
import org.axonframework.common.DateTimeUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Reads the {@code year_figures} read model; {@link #rebuild()} replays it from the first event. A row is served
 * only if its keyed MAC ({@link ReadModelSeal}) verifies; otherwise the figures come from a replay of the events
 * ({@code source = "replay"}) and the answer's integrity names the altered row. Either way the answer carries the
 * integrity of the streams the figures come from.
 */
@Service
public class YearFiguresReadModel {

    private static final Logger log = LoggerFactory.getLogger(YearFiguresReadModel.class);
    static final String TABLE = "year_figures";

    private final JdbcTemplate jdbc;
    private final StreamingProcessorReplay replay;
    private final ReadModelSeal seal;
    private final YearQueries queries;

    public YearFiguresReadModel(JdbcTemplate jdbc, StreamingProcessorReplay replay, ReadModelSeal seal,
            YearQueries queries) {
        this.jdbc = jdbc;
        this.replay = replay;
        this.seal = seal;
        this.queries = queries;
    }

    /** The MAC of a row (columns in this order). */
    static String seal(ReadModelSeal seal, String id, LocalDate asOf, long lastGlobalIndex, int eventsApplied,
            String execution, String carryOver, String indicators, String evaluation, String boundStreams) {
        return seal.seal(TABLE, id, asOf, lastGlobalIndex, eventsApplied, ReadModelSeal.document(execution),
                ReadModelSeal.document(carryOver), ReadModelSeal.document(indicators),
                ReadModelSeal.document(evaluation), boundStreams);
    }

    /** The stored figures of the department-year, if the processor has written them. */
    public Optional<StoredYearFigures> find(FiscalYearId year) {
        return find(year, queries::integrityOf);
    }

    /**
     * The same, the streams' integrity taken from {@code streamIntegrity} (answers across many years judge a year
     * not in memory by its heads); a row that does not verify is replayed, so its year is read whatever it says.
     */
    public Optional<StoredYearFigures> find(FiscalYearId year,
            java.util.function.Function<FiscalYearId, IntegrityStatus> streamIntegrity) {
        Optional<Row> row = jdbc.query("SELECT * FROM year_figures WHERE fiscal_year_id = ?", (rs, i) -> new Row(
                rs.getString("fiscal_year_id"), rs.getDate("as_of").toLocalDate(), rs.getLong("last_global_index"),
                rs.getInt("events_applied"), rs.getString("updated_at"), rs.getString("execution_json"),
                rs.getString("carryover_json"), rs.getString("indicators_json"), rs.getString("evaluation_json"),
                rs.getString("bound_streams"), rs.getString("row_mac")), year.toString()).stream().findFirst();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Row r = row.get();
        IntegrityStatus integrity = streamIntegrity.apply(year);
        if (!seal.verifies(r.mac(), TABLE, r.id(), r.asOf(), r.lastGlobalIndex(), r.eventsApplied(),
                ReadModelSeal.document(r.execution()), ReadModelSeal.document(r.carryOver()),
                ReadModelSeal.document(r.indicators()), ReadModelSeal.document(r.evaluation()), r.boundStreams())) {
            log.warn("year_figures row of {} does not verify (edited, or written before row MACs): answered from a"
                    + " replay instead", year);
            return Optional.of(fromReplay(year, r, queries.integrityOf(year).with(new IntegrityStatus.Problem(TABLE + ":" + year, null,
                    BreakKind.READ_MODEL_ALTERED, "读模型 year_figures 中 " + year + " 的行与其 MAC 不符（被改动，或写于"
                            + "启用读模型 MAC 之前）：未采用，本答复的数字由记录回放得出"))));
        }
        return Optional.of(new StoredYearFigures(r.id(), r.asOf(), r.lastGlobalIndex(), r.eventsApplied(),
                r.updatedAt(), digests(r.execution(), r.carryOver(), r.indicators(), r.evaluation()), "read-model",
                r.boundStreams(), integrity, r.execution(), r.carryOver(), r.indicators(), r.evaluation()));
    }

    /** The same four documents from a replay at (12-31, now): what the processor would have written by now. */
    private StoredYearFigures fromReplay(FiscalYearId year, Row row, IntegrityStatus integrity) {
        BasisResult<?> execution = queries.execution(year, row.asOf(), null);
        String executionJson = json(execution.result());
        String carryOver = json(queries.carryOver(year, execution.asOf(), execution.knownAt()).result());
        String indicators = json(queries.indicators(year, execution.asOf(), execution.knownAt()).result());
        String evaluation;
        try {
            evaluation = json(queries.evaluation(year, execution.asOf(), execution.knownAt()).result());
        } catch (cn.perfledger.app.command.NotFoundException e) {
            evaluation = null; // no published rubric yet
        }
        return new StoredYearFigures(row.id(), execution.asOf(), execution.lastGlobalSequence(),
                execution.eventsAdmitted(), DateTimeUtils.formatInstant(execution.knownAt()),
                digests(executionJson, carryOver, indicators, evaluation), "replay", null, integrity, executionJson,
                carryOver, indicators, evaluation);
    }

    private static String json(Object view) {
        return new String(CanonicalJson.bytes(view), StandardCharsets.UTF_8);
    }

    private static StoredYearFigures.Digests digests(String execution, String carryOver, String indicators,
            String evaluation) {
        return new StoredYearFigures.Digests(digest(execution), digest(carryOver), digest(indicators),
                digest(evaluation));
    }

    private record Row(String id, LocalDate asOf, long lastGlobalIndex, int eventsApplied, String updatedAt,
            String execution, String carryOver, String indicators, String evaluation, String boundStreams,
            String mac) {
    }

    /**
     * Rebuilds the read model: the {@value YearFiguresProjection#PROCESSING_GROUP} processor is stopped, its tokens
     * reset (the reset handler empties the tables and the in-memory folds) and started again; it then replays
     * every event in the background.
     */
    public void rebuild() {
        replay.replayFromStart(YearFiguresProjection.PROCESSING_GROUP);
    }

    private static String digest(String json) {
        return json == null ? null : CanonicalJson.sha256(json.getBytes(StandardCharsets.UTF_8));
    }
}
