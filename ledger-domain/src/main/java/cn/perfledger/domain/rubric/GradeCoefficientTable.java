package cn.perfledger.domain.rubric;

import cn.perfledger.domain.evaluation.Grade;
import cn.perfledger.domain.evaluation.GradeCoefficients;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * 得分系数表: score = weight × the coefficient of the grade reached. A qualitative indicator reaches the grade the
 * evaluator recorded; any rate (a ledger metric, an indicator's completion rate, a ledger metric's completion ratio
 * against its target) reaches the first level whose {@code minRate} it attains. A level without its own coefficient
 * takes the rubric's 得分系数 of its grade ({@code RubricPublished#coefficients}), so a province that prints one table
 * of coefficients states it once. With an indicator group each member scores with its own weight and the leaf scores
 * the sum, capped at its weight.
 *
 * @param levels highest first; every level but the last has a {@code minRate}, the last none (every rate has a grade)
 */
public record GradeCoefficientTable(List<Level> levels) implements ScoringRule {

    /**
     * One grade of the table.
     *
     * @param grade       the grade (达成 / 基本达成 / 部分达成 / 未达成)
     * @param minRate     the least rate reaching it (inclusive); null on the last level
     * @param coefficient its 得分系数, or null for the rubric's
     */
    public record Level(Grade grade, BigDecimal minRate, BigDecimal coefficient) {
    }

    public GradeCoefficientTable {
        levels = levels == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(levels));
    }

    /** The level a rate reaches. */
    public Level levelOf(BigDecimal rate) {
        for (Level level : levels) {
            if (level.minRate() == null || rate.compareTo(level.minRate()) >= 0) {
                return level;
            }
        }
        throw new IllegalStateException("得分系数表没有兜底的最低档");
    }

    /** The level of a recorded grade, if the table lists it. */
    public Optional<Level> levelOf(Grade grade) {
        return levels.stream().filter(level -> level.grade() == grade).findFirst();
    }

    /** The coefficient of a level: its own, else the rubric's for its grade. */
    public static BigDecimal coefficientOf(Level level, GradeCoefficients rubricCoefficients) {
        return level.coefficient() != null ? level.coefficient()
                : GradeCoefficients.orDefault(rubricCoefficients).coefficient(level.grade());
    }

    public BigDecimal score(BigDecimal weight, BigDecimal coefficient) {
        return weight.multiply(coefficient).max(BigDecimal.ZERO).min(weight);
    }

    @Override
    public String label() {
        return "按得分系数计分";
    }

    @Override
    public boolean accepts(InputReference input) {
        return input instanceof InputReference.LedgerMetricInput || input instanceof InputReference.IndicatorInput
                || input instanceof InputReference.IndicatorGroupInput
                || input instanceof InputReference.LedgerMetricTargetInput;
    }

    @Override
    public String expectedInputs() {
        return "比率（账本指标、账本指标对照目标值或单个绩效指标）或绩效指标组";
    }
}
