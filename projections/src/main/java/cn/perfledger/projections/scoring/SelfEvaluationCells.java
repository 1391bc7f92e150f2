package cn.perfledger.projections.scoring;

import cn.perfledger.projections.evaluation.IndicatorReport;
import cn.perfledger.projections.evaluation.ItemExplanation;
import java.util.ArrayList;
import java.util.List;

/**
 * The cells of the official 自评表 that are made of a scored leaf's inputs, written once for every place that shows
 * the table (the pages and the Excel export).
 */
public final class SelfEvaluationCells {

    private SelfEvaluationCells() {
    }

    /** 实际完成值: a group share, an indicator's actual with its completion rate, a ledger metric, points. */
    public static String actual(ScoredItem leaf) {
        for (ScoredInput input : leaf.inputs()) {
            if (input.kind() == InputKind.INDICATOR_GROUP) {
                return input.display();
            }
        }
        List<String> parts = new ArrayList<>();
        for (ScoredInput input : leaf.inputs()) {
            switch (input.kind()) {
                case INDICATOR -> {
                    IndicatorReport.Row row = input.indicator();
                    parts.add(row == null || row.actualText() == null ? input.display()
                            : row.actualText() + (row.completionRateDisplay() == null ? ""
                                    : "（完成率 " + row.completionRateDisplay() + "）"));
                }
                case JUDGEMENT -> parts.add(input.value() == null ? "缺少评分" : "评价人评分");
                default -> parts.add(input.display());
            }
        }
        return parts.isEmpty() ? "—" : String.join("；", parts);
    }

    /** 年度指标值 of a leaf scored from exactly one indicator, else null. */
    public static String target(ScoredItem leaf) {
        List<IndicatorReport.Row> indicators = leaf.inputs().stream().filter(i -> i.kind() == InputKind.INDICATOR)
                .map(ScoredInput::indicator).filter(java.util.Objects::nonNull).toList();
        return indicators.size() == 1 ? indicators.get(0).targetText() : null;
    }

    /** The leaf's rule in words ({@code 分档：…}), or null for a leaf without a rule. */
    public static String ruleText(ScoredItem leaf) {
        return leaf.rule() == null ? null : leaf.rule().label() + "：" + leaf.rule().description();
    }

    /**
     * 评分依据 as the 自评表 shows it: the department's own words — the explanation recorded for the item, else the
     * evaluator's 评分依据 of a judged item — and for a computed item without them the arithmetic of its current
     * inputs; then the recorded 偏差原因 and 改进措施. Never the rubric's rule prose or its provenance (the lineage
     * page shows those). Null when there is nothing to say (a judged item not yet scored).
     */
    public static String basis(ScoredItem item) {
        ItemExplanation explanation = item.explanation();
        String basis = explanation == null ? null : explanation.basis();
        if (blank(basis)) {
            basis = !blank(item.judgementBasis()) ? item.judgementBasis() : item.computation();
        }
        ItemExplanation shown = new ItemExplanation(null, blank(basis) ? null : basis,
                explanation == null ? null : explanation.deviationReason(),
                explanation == null ? null : explanation.improvement(), null);
        String text = shown.text();
        return text.isEmpty() ? null : text;
    }

    /**
     * What the department itself wrote of an item, for a form's one 评分依据 or 偏差原因 column (a layout the 自评表
     * import reads back): under a deviation column a computed item's 偏差原因 (with its 改进措施), else its 评分依据;
     * a judged item's evaluator's 评分依据 unless an explanation gives one. Never the computed arithmetic: written
     * into a form and imported again, it would come back as the department's words.
     */
    public static String departmentText(ScoredItem item, boolean deviationColumn) {
        ItemExplanation explanation = item.explanation();
        boolean judged = item.rule() != null && "judgement".equals(item.rule().kind());
        if (judged || !deviationColumn) {
            String basis = explanation == null ? null : explanation.basis();
            return !blank(basis) ? basis : item.judgementBasis();
        }
        if (explanation == null || blank(explanation.deviationReason())) {
            return null;
        }
        return explanation.deviationReason()
                + (blank(explanation.improvement()) ? "" : "\n改进措施：" + explanation.improvement());
    }

    /** Whether a column's header names the deviation (偏差原因, 未完成原因分析, 偏差原因分析及改进措施). */
    public static boolean deviationColumn(String header) {
        return header != null && (header.contains("原因") || header.contains("偏差"));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /**
     * The names of the groups between a level-2 item and a leaf deeper than level 3, each followed by " / " (the
     * official table has three levels of columns, so deeper groups are written before the leaf's name).
     */
    public static String groupsBetween(ScoredItem second, ScoredItem leaf) {
        List<String> between = new ArrayList<>();
        return pathTo(second, leaf, between) && !between.isEmpty() ? String.join(" / ", between) + " / " : "";
    }

    private static boolean pathTo(ScoredItem from, ScoredItem target, List<String> between) {
        for (ScoredItem child : from.children()) {
            if (child == target) {
                return true;
            }
            between.add(child.name());
            if (pathTo(child, target, between)) {
                return true;
            }
            between.remove(between.size() - 1);
        }
        return false;
    }
}
