package cn.perfledger.app.readmodel.figures;

import cn.perfledger.app.query.CanonicalJson;
import cn.perfledger.domain.common.FiscalYearId;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Reads the {@code year_figures} read model; {@link #rebuild()} replays it from the first event. */
@Service
public class YearFiguresReadModel {

    private final JdbcTemplate jdbc;
    private final StreamingProcessorReplay replay;

    public YearFiguresReadModel(JdbcTemplate jdbc, StreamingProcessorReplay replay) {
        this.jdbc = jdbc;
        this.replay = replay;
    }

    /** The stored figures of the department-year, if the processor has written them. */
    public Optional<StoredYearFigures> find(FiscalYearId year) {
        return jdbc.query("SELECT * FROM year_figures WHERE fiscal_year_id = ?", (rs, i) -> {
            String execution = rs.getString("execution_json");
            String carryOver = rs.getString("carryover_json");
            String indicators = rs.getString("indicators_json");
            String evaluation = rs.getString("evaluation_json");
            return new StoredYearFigures(rs.getString("fiscal_year_id"), rs.getDate("as_of").toLocalDate(),
                    rs.getLong("last_global_index"), rs.getInt("events_applied"), rs.getString("updated_at"),
                    new StoredYearFigures.Digests(digest(execution), digest(carryOver), digest(indicators),
                            digest(evaluation)),
                    execution, carryOver, indicators, evaluation);
        }, year.toString()).stream().findFirst();
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
