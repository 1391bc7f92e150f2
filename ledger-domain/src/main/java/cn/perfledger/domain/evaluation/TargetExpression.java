package cn.perfledger.domain.evaluation;

import cn.perfledger.domain.common.DomainException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * A target value (年度指标值) as written and as read with the indicator's {@link Direction}: {@code ≥700万次},
 * {@code 不低于95%}, {@code 9月底前}, {@code 90%–95%}, or a qualitative text. {@link TargetReader} holds the grammar.
 *
 * <p>{@code number} and {@code unit} are as written (700, "万次"); {@code normalisedValue} applies the 万/亿 multiplier
 * (7000000) and {@code baseUnit} is the unit family without it ("次"). Percentages stay in percent points (95% → 95):
 * targets and actuals are only ever compared with each other. A deadline is a day of the year in the unit family
 * {@code 日期}. A range (comparator {@link TargetComparator#BETWEEN}) keeps its upper end in {@code upperNumber} /
 * {@code upperNormalisedValue} (null otherwise). A qualitative target has no numbers and an empty unit.
 *
 * @param text            the target exactly as written (stripped of surrounding blanks)
 * @param directionSource whether the user gave the direction, the text stated it, or (revision-1 events) the old
 *                        parser read it
 */
public record TargetExpression(String text, Direction direction, DirectionSource directionSource,
        TargetComparator comparator, BigDecimal number, String unit, BigDecimal normalisedValue, String baseUnit,
        BigDecimal upperNumber, BigDecimal upperNormalisedValue) {

    /** Longer texts are descriptions, not targets. */
    public static final int MAX_LENGTH = 500;

    /** Reads a target whose direction must be stated by the text, reporting errors against {@code targetExpression}. */
    public static TargetExpression parse(String text) {
        return parse("targetExpression", text, null);
    }

    /** Reads a target whose direction must be stated by the text. */
    public static TargetExpression parse(String field, String text) {
        return parse(field, text, null);
    }

    /**
     * Reads a target with the direction the user gave ({@code null}: the text must state it). Refuses, naming
     * {@code field}, what a finance officer could not read unambiguously (see {@link TargetReader}).
     */
    public static TargetExpression parse(String field, String text, Direction direction) {
        return TargetReader.read(field, text, direction);
    }

    /** The direction the text states by itself ("≥95%" 正向, "9月底前" 反向), empty when it states none or is unreadable. */
    public static Optional<Direction> statedDirection(String text) {
        try {
            return Optional.of(TargetReader.read("targetExpression", text, null).direction());
        } catch (DomainException statesNone) {
            return Optional.empty();
        }
    }

    /** A qualitative (定性) target: the text is the target, met by the grade recorded. */
    static TargetExpression graded(String text, DirectionSource source) {
        return new TargetExpression(text, Direction.QUALITATIVE, source, TargetComparator.GRADED, null, "", null, "",
                null, null);
    }

    /**
     * This target, after the plausibility rules that read the indicator's name as well as the text ("公用经费控制率"
     * held at ≤ 0); refuses an absurd target naming {@code field}.
     */
    public TargetExpression checkedFor(String field, String indicatorName) {
        TargetPlausibility.check(field, (indicatorName == null ? "" : indicatorName + " ") + text, this);
        return this;
    }

    public boolean qualitative() {
        return direction == Direction.QUALITATIVE;
    }

    /** A deadline (9月底前 …): compared as days of the year. */
    public boolean deadline() {
        return CalendarText.DATE_UNIT.equals(baseUnit);
    }

    /**
     * The reading in words, for tables and messages: "正向 ≥ 95%", "反向 ≤ 9月30日", "等于 区间 90%–95%", "定性". The text
     * as written stays in {@link #text()}.
     */
    public String reading() {
        if (qualitative()) {
            return direction.label();
        }
        String value = deadline() ? CalendarText.display(normalisedValue.intValue())
                : number.toPlainString() + unit;
        if (comparator == TargetComparator.BETWEEN) {
            return direction.label() + " 区间 " + number.toPlainString() + "–" + upperNumber.toPlainString() + unit;
        }
        return direction.label() + " " + comparator.symbol() + " " + value;
    }

    /** Whether the actual can be compared with this target (units of one family; a unitless number takes ours). */
    public boolean comparableWith(ActualValue actual) {
        return TargetAssessment.comparable(this, actual);
    }

    /** Met, not met, incomparable (units) or undetermined (a bounded actual straddling the target). */
    public Assessment assess(ActualValue actual) {
        return TargetAssessment.assess(this, actual);
    }

    /** Whether the actual meets this target; refuses an actual whose unit cannot be compared. */
    public boolean metBy(ActualValue actual) {
        Assessment assessment = assess(actual);
        if (assessment == Assessment.INCOMPARABLE) {
            throw new DomainException("actual", "实际值单位「" + actual.unit() + "」与目标单位「" + unit + "」不可比较");
        }
        return assessment == Assessment.MET;
    }

    /** The completion rate with the default 得分系数 for qualitative grades (see {@link GradeCoefficients}). */
    public Optional<BigDecimal> completionRate(ActualValue actual, int scale, RoundingMode mode) {
        return completionRate(actual, GradeCoefficients.DEFAULT, scale, mode);
    }

    /**
     * The completion rate (完成率) as a fraction, uncapped (seed 000 shows 146%), per DOMAIN.md §5; a qualitative
     * indicator's is the coefficient of the grade recorded. Empty when incomparable or undetermined.
     */
    public Optional<BigDecimal> completionRate(ActualValue actual, GradeCoefficients coefficients, int scale,
            RoundingMode mode) {
        return TargetAssessment.completionRate(this, actual, coefficients, scale, mode);
    }
}
