package cn.perfledger.app.ui;

import cn.perfledger.app.query.YearQueries;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.projections.evaluation.IndicatorReport;
import cn.perfledger.projections.scoring.ScoredItem;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The names of what an event is about, for the lists of events that show its code (the why page, lineage): budget
 * line → unit / source / kind / project / classification names, indicator → its name, rubric item → its name. The
 * indicators and items are those of the basis shown; a code without a name stays a code.
 */
@Component
public class SubjectNames {

    private final LedgerLines lines;
    private final YearQueries queries;

    public SubjectNames(LedgerLines lines, YearQueries queries) {
        this.lines = lines;
        this.queries = queries;
    }

    public Map<String, String> of(FiscalYearId id, LocalDate asOf, Instant knownAt) {
        Map<String, String> names = new LinkedHashMap<>(lines.labels(id));
        try {
            for (IndicatorReport.Row row : queries.indicators(id, asOf, knownAt).result().indicators()) {
                names.putIfAbsent(row.indicatorId(), "指标：" + row.name());
            }
        } catch (RuntimeException noEvaluation) {
            // a year without an evaluation (or before its rubric) has no indicators to name
        }
        queries.scoredTable(id, asOf, knownAt).ifPresent(table -> items(table.result().items(), names));
        return names;
    }

    private static void items(List<ScoredItem> items, Map<String, String> names) {
        for (ScoredItem item : items) {
            names.putIfAbsent(item.code(), "评分项：" + item.name());
            items(item.children(), names);
        }
    }
}
