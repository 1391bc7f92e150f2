package cn.perfledger.projections.scoring;

import cn.perfledger.projections.evaluation.IndicatorReport;
import java.math.BigDecimal;
import java.util.List;

/**
 * One input a scored item used, kept as data so that a lineage can trace it back to events: {@code kind} and
 * {@code code} name the source (which metric, which indicator, which judgement item, which bonus entry).
 *
 * @param value     the exact value the rule read (a rate as a fraction, an entered score, signed points), or null
 *                  when the input is missing or undefined
 * @param display   the value as shown (percent with two decimals, 元, points), or the reason it is missing
 * @param figures   the figures the value was computed from
 * @param indicator for an indicator: its target, actual, completion rate and status; otherwise null
 */
public record ScoredInput(InputKind kind, String kindLabel, String code, String name, BigDecimal value,
        String display, List<Figure> figures, IndicatorReport.Row indicator) {

    public ScoredInput {
        figures = List.copyOf(figures);
    }

    static ScoredInput of(InputKind kind, String code, String name, BigDecimal value, String display,
            List<Figure> figures, IndicatorReport.Row indicator) {
        return new ScoredInput(kind, kind.label(), code, name, value, display, figures, indicator);
    }
}
