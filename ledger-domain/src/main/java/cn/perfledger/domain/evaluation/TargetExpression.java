package cn.perfledger.domain.evaluation;

import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.evaluation.QuantityText.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * A target value (年度目标值) parsed from the text the department wrote: {@code ≥700万次}, {@code 不低于95%},
 * {@code 提供20份以上的数据质量报告}, {@code 100%达标}.
 *
 * <p>{@code number} and {@code unit} are as written (700, "万次"); {@code normalisedValue} applies the 万/亿
 * multiplier (7000000) and {@code baseUnit} is the unit family without it ("次"). Percentages stay in percent
 * points (95% → 95): targets and actuals are only ever compared with each other. A bare number ("12份",
 * "90%") means "at least" ({@link TargetComparator#GE}); "100%" followed by 达标/完成 is qualitative.
 *
 * @param text the target exactly as written (stripped of surrounding blanks)
 */
public record TargetExpression(String text, TargetComparator comparator, BigDecimal number, String unit,
        BigDecimal normalisedValue, String baseUnit, Polarity polarity) {

    /** Longer texts are descriptions, not targets. */
    public static final int MAX_LENGTH = 500;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Parses a target, reporting errors against the field {@code targetExpression}. */
    public static TargetExpression parse(String text) {
        return parse("targetExpression", text);
    }

    /**
     * Parses a target. Descriptive text around exactly one quantity is allowed; a text without a quantity,
     * or with two different quantities, is refused because the target would be a guess.
     */
    public static TargetExpression parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new DomainException(field, "目标值不能为空");
        }
        String written = text.strip();
        if (written.length() > MAX_LENGTH) {
            throw new DomainException(field, "目标值长度不能超过 " + MAX_LENGTH + " 个字符");
        }
        String normalised = QuantityText.normalise(written);
        List<Quantity> quantities = QuantityText.scan(normalised);
        if (quantities.isEmpty()) {
            throw new DomainException(field, "未找到数值：目标值应包含一个数值，例如 ≥95%、12份、至少一次: " + written);
        }
        List<Quantity> distinct = QuantityText.distinct(quantities);
        if (distinct.size() > 1) {
            throw new DomainException(field, "包含多个数值（" + QuantityText.displayList(distinct) + "），无法确定目标: " + written);
        }
        Quantity quantity = quantities.get(0);
        TargetComparator comparator = QuantityText.prefixComparator(normalised, quantity);
        if (comparator == null) {
            comparator = QuantityText.suffixComparator(normalised, quantity);
        }
        if (comparator == null) {
            comparator = fullyAchieved(normalised, quantity) ? TargetComparator.QUALITATIVE : TargetComparator.GE;
        }
        return new TargetExpression(written, comparator, quantity.number(), quantity.unit(),
                quantity.normalisedValue(), quantity.baseUnit(), comparator.polarity());
    }

    /** "100%达标", "100%完成标准化必填要素梳理": 100% followed by 达标/完成 is an achieved-or-not target. */
    private static boolean fullyAchieved(String text, Quantity quantity) {
        String after = text.substring(quantity.end());
        return "%".equals(quantity.baseUnit()) && quantity.number().compareTo(HUNDRED) == 0
                && (after.contains("达标") || after.contains("完成"));
    }

    /** Whether the actual's unit belongs to this target's unit family (a unitless actual takes the target's). */
    public boolean comparableWith(ActualValue actual) {
        return actual.kind() != ActualValue.Kind.QUANTITY
                || QuantityText.comparableUnits(baseUnit, actual.baseUnit());
    }

    /**
     * Met, not met, or incomparable. A qualitative actual (达标/未完成) is taken at its word; a quantity is
     * compared after 万/亿 normalisation, and a bounded actual ("≥9个月") is taken at its number.
     */
    public Assessment assess(ActualValue actual) {
        if (actual.kind() == ActualValue.Kind.MET) {
            return Assessment.MET;
        }
        if (actual.kind() == ActualValue.Kind.NOT_MET) {
            return Assessment.NOT_MET;
        }
        if (!comparableWith(actual)) {
            return Assessment.INCOMPARABLE;
        }
        int c = actual.normalisedValue().compareTo(normalisedValue);
        boolean met = switch (comparator) {
            case GE, QUALITATIVE -> c >= 0;
            case GT -> c > 0;
            case LE -> c <= 0;
            case LT -> c < 0;
            case EQ -> c == 0;
        };
        return met ? Assessment.MET : Assessment.NOT_MET;
    }

    /** Whether the actual meets this target; refuses an actual whose unit cannot be compared. */
    public boolean metBy(ActualValue actual) {
        Assessment assessment = assess(actual);
        if (assessment == Assessment.INCOMPARABLE) {
            throw new DomainException("actual", "实际值单位「" + actual.unit() + "」与目标单位「" + unit + "」不可比较");
        }
        return assessment == Assessment.MET;
    }

    /**
     * The completion rate (完成率) as a fraction, uncapped (seed 000 shows 146%), per DOMAIN.md §5: positive
     * targets actual ÷ target; reverse targets 1 when met, else target ÷ actual; equal and qualitative targets
     * 1 when met (else the shortfall ratio); a qualitative actual gives 1 or 0. Empty when incomparable.
     */
    public Optional<BigDecimal> completionRate(ActualValue actual, int scale, RoundingMode mode) {
        Assessment assessment = assess(actual);
        if (assessment == Assessment.INCOMPARABLE) {
            return Optional.empty();
        }
        boolean met = assessment == Assessment.MET;
        if (actual.kind() != ActualValue.Kind.QUANTITY) {
            return Optional.of((met ? BigDecimal.ONE : BigDecimal.ZERO).setScale(scale, mode));
        }
        BigDecimal a = actual.normalisedValue();
        BigDecimal t = normalisedValue;
        BigDecimal rate;
        if (polarity == Polarity.POSITIVE) {
            rate = t.signum() == 0 ? (met ? BigDecimal.ONE : BigDecimal.ZERO) : a.divide(t, scale, mode);
        } else if (met) {
            rate = BigDecimal.ONE;
        } else if (polarity == Polarity.REVERSE) {
            rate = a.signum() == 0 ? BigDecimal.ZERO : t.divide(a, scale, mode);
        } else if (polarity == Polarity.EQUAL) {
            BigDecimal smaller = a.min(t);
            BigDecimal larger = a.max(t);
            rate = larger.signum() == 0 || smaller.signum() < 0 ? BigDecimal.ZERO : smaller.divide(larger, scale, mode);
        } else {
            rate = t.signum() == 0 ? BigDecimal.ZERO : a.divide(t, scale, mode);
        }
        return Optional.of(rate.setScale(scale, mode));
    }
}
