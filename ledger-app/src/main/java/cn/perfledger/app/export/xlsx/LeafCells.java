package cn.perfledger.app.export.xlsx;

import cn.perfledger.domain.evaluation.Direction;
import cn.perfledger.projections.evaluation.IndicatorReport;
import cn.perfledger.projections.scoring.InputKind;
import cn.perfledger.projections.scoring.ScoredInput;
import cn.perfledger.projections.scoring.ScoredItem;
import cn.perfledger.projections.scoring.SelfEvaluationCells;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cells of a leaf's row as the department entered them: the 年度指标值 and 实际完成值 texts of its one indicator
 * (for a form that prints 指标性质 and 度量单位 apart, the comparator, the bare number and the unit), nothing for a
 * judged item's 实际完成值, the ledger's value for an item the ledger computes.
 */
record LeafCells(String target, String actual, String direction, String unit, String bareTarget, String bareActual) {

    /** A target that is a comparator, a number and a unit: “≥95%”, “等于100%”, “≤30万元”. */
    private static final Pattern SPLIT = Pattern.compile("(≥|≤|>|<|=|等于)?\\s*([+-]?\\d+(?:\\.\\d+)?)\\s*(\\S*)");

    static LeafCells of(ScoredItem leaf) {
        List<IndicatorReport.Row> indicators = leaf.inputs().stream().filter(i -> i.kind() == InputKind.INDICATOR)
                .map(ScoredInput::indicator).filter(java.util.Objects::nonNull).toList();
        boolean judged = leaf.inputs().stream().anyMatch(i -> i.kind() == InputKind.JUDGEMENT);
        if (indicators.size() != 1) {
            String actual = judged || leaf.inputs().isEmpty() ? null : SelfEvaluationCells.actual(leaf);
            return new LeafCells(null, actual, null, null, null, actual);
        }
        IndicatorReport.Row row = indicators.get(0);
        String target = row.targetText();
        String actual = row.actualText();
        Matcher m = target == null ? null : SPLIT.matcher(target.strip());
        if (m != null && m.matches() && !m.group(3).matches(".*\\d.*")) {
            String unit = m.group(3).isEmpty() ? null : m.group(3);
            String comparator = m.group(1) == null ? directionWord(row) : m.group(1).equals("等于") ? "=" : m.group(1);
            String bareActual = actual;
            if (actual != null && unit != null && actual.strip().endsWith(unit)
                    && actual.strip().substring(0, actual.strip().length() - unit.length()).matches("[+-]?\\d+(\\.\\d+)?")) {
                bareActual = actual.strip().substring(0, actual.strip().length() - unit.length());
            } else if (unit != null && actual != null) { // the actual is not “number + the same unit”: both texts whole
                return new LeafCells(target, actual, comparator, null, m.group(1) == null ? target
                        : target.strip().substring(m.group(1).length()), actual);
            }
            return new LeafCells(target, actual, comparator, unit, m.group(2), bareActual);
        }
        String word = row.direction() == Direction.QUALITATIVE ? "定性" : directionWord(row);
        return new LeafCells(target, actual, word, null, target, actual);
    }

    /** The 指标性质 of a target that states no comparator: the direction given with it, else 定量. */
    private static String directionWord(IndicatorReport.Row row) {
        return row.direction() == null ? "定量" : row.direction().label();
    }
}
