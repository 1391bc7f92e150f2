package cn.perfledger.domain.evaluation;

import java.math.BigDecimal;

/**
 * An actual value (实际完成值) as written and as read against its indicator's target ({@link ActualReader} holds the
 * grammar): a quantity ({@code 94.07%}, {@code 2871.7436万件}, {@code 提供了31份数据质量报告}, {@code 少于5个}), a
 * completion date for a deadline ({@code 7月}, {@code 8月15日}), a verdict ({@code 达标}/{@code 已完成} met,
 * {@code 未达标}/{@code 未完成} not met), or, for a qualitative indicator, any text with the {@link Grade} the evaluator
 * recorded.
 *
 * <p>For a quantity, {@code number}/{@code unit} are as written, {@code normalisedValue}/{@code baseUnit} as in
 * {@link TargetExpression}, and {@code bound} keeps a written comparison ("少于5个" → LT: some count below 5, "≥9个月"
 * → GE), else null; a bounded actual meets a target when every value it allows does. For a verdict or a graded text
 * the numeric components are null and the units empty; {@code grade} is set only for {@link Kind#GRADED}.
 *
 * @param text the actual exactly as written (stripped of surrounding blanks)
 */
public record ActualValue(String text, Kind kind, BigDecimal number, String unit, BigDecimal normalisedValue,
        String baseUnit, TargetComparator bound, Grade grade) {

    public static final int MAX_LENGTH = 500;

    public enum Kind {
        QUANTITY,
        MET,
        NOT_MET,
        /** A qualitative indicator's account of what was done, with the grade recorded for it. */
        GRADED
    }

    /** Reads an actual without a target (a quantity or a verdict), reporting errors against {@code actual}. */
    public static ActualValue parse(String text) {
        return parse("actual", text);
    }

    /** Reads an actual without a target: exactly one quantity, or (when there is none) a verdict. */
    public static ActualValue parse(String field, String text) {
        return ActualReader.read(field, text, null, null);
    }

    /**
     * Reads an actual against its target: a deadline's actual is a date, a qualitative indicator's is any text and
     * requires the grade; a grade for a quantitative indicator is refused.
     */
    public static ActualValue parse(String field, String text, TargetExpression target, Grade grade) {
        return ActualReader.read(field, text, target, grade);
    }

    /** A verdict, e.g. for targets like 100%达标. */
    public static ActualValue met(boolean met, String text) {
        return new ActualValue(text, met ? Kind.MET : Kind.NOT_MET, null, "", null, "", null, null);
    }

    /** A qualitative indicator's actual: the text and the grade recorded. */
    static ActualValue graded(String text, Grade grade) {
        return new ActualValue(text, Kind.GRADED, null, "", null, "", null, grade);
    }
}
