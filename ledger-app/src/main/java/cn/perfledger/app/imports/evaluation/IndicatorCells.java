package cn.perfledger.app.imports.evaluation;

import cn.perfledger.app.imports.evaluation.TableLayout.ItemLine;
import cn.perfledger.app.imports.evaluation.TableLayout.Role;
import cn.perfledger.app.imports.evaluation.TableLayout.Value;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.evaluation.Direction;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What an indicator row of any layout says of its target and actual: the 年度指标值 (or the 调整指标值 when one is
 * printed), with the comparator a 指标性质 column gives (四川: ≥ ≤ = in a column of their own) and the 度量单位
 * printed apart; the direction a 指标性质 names (正向 … 定性, 定量); and the checks of the columns some provinces add:
 * 得分 = 分值 × 得分系数, 是否核心指标 是/否. A text that could mean two things is refused with the reason.
 */
final class IndicatorCells {

    /** A comparator printed alone in the 指标性质 column, as the target text writes it. */
    private static final Map<String, String> COMPARATORS = Map.of("=", "等于", "≥", "≥", ">=", "≥", "≤", "≤", "<=", "≤",
            ">", ">", "<", "<", "≧", "≥", "≦", "≤");

    private IndicatorCells() {
    }

    /** The target and actual texts, the direction, and a note for the evaluator (or null). */
    record Read(String target, String actual, Direction direction, String note) {
    }

    /** Reads the row; null after recording why it cannot be read. */
    static Read read(ItemLine line, CellReader cells) {
        int row = line.row();
        int before = cells.count();
        Value directionCell = line.value(Role.DIRECTION);
        String comparator = COMPARATORS.get(TableLayout.normalise(directionCell.text()));
        Direction direction = null;
        if (comparator == null) {
            try {
                direction = Direction.fromText("direction", cells.text(row, directionCell));
            } catch (DomainException refused) {
                cells.error(row, directionCell, refused.rule() + "（指标性质也可写比较符号 ≥ ≤ =）");
                return null;
            }
        }
        String target = cells.text(row, line.value(Role.TARGET));
        String note = null;
        Value adjusted = line.value(Role.ADJUSTED_TARGET);
        if (!adjusted.blank()) {
            String original = target;
            target = cells.text(row, adjusted);
            note = "第 " + row + " 行按调整指标值「" + adjusted.text() + "」评价（年初指标值「" + (original == null ? "" : original)
                    + "」）：调整须有依据，请在评分依据中说明";
        }
        String unit = line.header().has(Role.UNIT) ? cells.text(row, line.value(Role.UNIT)) : null;
        if (target != null && unit != null && !target.endsWith(unit) && numeric(target)) {
            target = target + unit;
        }
        if (target != null && comparator != null) {
            String stated = leadingComparator(target);
            if (stated != null && !stated.equals(comparator)) {
                cells.error(row, directionCell, "指标性质「" + directionCell.text() + "」与指标值「" + target
                        + "」所写的比较方式不一致：无法确定按哪一个评价");
                return null;
            }
            target = stated != null ? target : comparator + target;
        }
        String actual = cells.text(row, line.value(Role.ACTUAL));
        if (actual != null && unit != null && !actual.endsWith(unit) && numeric(actual)) {
            actual = actual + unit;
        }
        return cells.count() == before ? new Read(target, actual, direction, note) : null;
    }

    /**
     * 得分系数 and 是否核心指标 where the layout prints them: the 得分 must be 分值 × 系数 (two decimals), and 核心指标
     * is 是 or 否.
     */
    static void checkExtras(ItemLine line, BigDecimal weight, BigDecimal score, CellReader cells) {
        int row = line.row();
        Value coefficientCell = line.value(Role.COEFFICIENT);
        if (!coefficientCell.blank() && weight != null && score != null) {
            BigDecimal coefficient = cells.number(row, coefficientCell, "得分系数");
            if (coefficient != null) {
                if (coefficient.signum() < 0 || coefficient.compareTo(BigDecimal.ONE) > 0) {
                    cells.error(row, coefficientCell, "得分系数应在 0 到 1 之间: " + coefficientCell.text());
                } else {
                    BigDecimal expected = weight.multiply(coefficient).setScale(2, java.math.RoundingMode.HALF_UP);
                    if (expected.compareTo(score.setScale(2, java.math.RoundingMode.HALF_UP)) != 0) {
                        cells.error(row, line.value(Role.SCORE), "得分 " + score.toPlainString() + " 不等于 分值 "
                                + weight.toPlainString() + " × 得分系数 " + coefficient.toPlainString() + " = "
                                + expected.toPlainString() + "：两者必有一处有误，请更正后再导入");
                    }
                }
            }
        }
        Value core = line.value(Role.CORE);
        if (!core.blank() && !List.of("是", "否").contains(TableLayout.normalise(core.text()))) {
            cells.error(row, core, "是否核心指标只能填 是 或 否: " + core.text());
        }
    }

    private static boolean numeric(String text) {
        return TableLayout.normalise(text).matches("[≥≤<>=等于]*[+-]?\\d+(\\.\\d+)?");
    }

    private static String leadingComparator(String target) {
        String t = TableLayout.normalise(target);
        for (String word : List.of("等于", "≥", "≤", ">", "<")) {
            if (t.startsWith(word)) {
                return word;
            }
        }
        return null;
    }
}
