package cn.perfledger.domain.evaluation;

import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.evaluation.QuantityText.Quantity;
import java.math.BigDecimal;
import java.util.List;

/**
 * An actual value (实际完成值) parsed from the text the department wrote: a quantity ({@code 94.07%},
 * {@code 2871.7436万件}, {@code 提供了31份数据质量报告}, {@code ≥9个月}) or a qualitative verdict
 * ({@code 达标}/{@code 已完成} met, {@code 未达标}/{@code 未完成} not met).
 *
 * <p>For a quantity, {@code number}/{@code unit} are as written, {@code normalisedValue}/{@code baseUnit} as in
 * {@link TargetExpression}, and {@code bound} keeps a written comparison ("≥9个月" → GE), else null. For a
 * verdict the numeric components are null and the units empty.
 *
 * @param text the actual exactly as written (stripped of surrounding blanks)
 */
public record ActualValue(String text, Kind kind, BigDecimal number, String unit, BigDecimal normalisedValue,
        String baseUnit, TargetComparator bound) {

    public static final int MAX_LENGTH = 500;

    /** Not-met words first: "未完成" contains "完成". */
    private static final List<String> NOT_MET_WORDS = List.of("未达标", "不达标", "未完成", "没有完成", "未实现", "未达到");
    private static final List<String> MET_WORDS = List.of("已达标", "达标", "已完成", "完成", "已实现", "实现", "达到");

    public enum Kind {
        QUANTITY,
        MET,
        NOT_MET
    }

    /** Parses an actual, reporting errors against the field {@code actual}. */
    public static ActualValue parse(String text) {
        return parse("actual", text);
    }

    /** Parses an actual: exactly one quantity, or (when there is none) a qualitative verdict. */
    public static ActualValue parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new DomainException(field, "实际完成值不能为空");
        }
        String written = text.strip();
        if (written.length() > MAX_LENGTH) {
            throw new DomainException(field, "实际完成值长度不能超过 " + MAX_LENGTH + " 个字符");
        }
        String normalised = QuantityText.normalise(written);
        List<Quantity> quantities = QuantityText.scan(normalised);
        if (quantities.isEmpty()) {
            return verdict(field, written, normalised);
        }
        List<Quantity> distinct = QuantityText.distinct(quantities);
        if (distinct.size() > 1) {
            throw new DomainException(field, "包含多个数值（" + QuantityText.displayList(distinct) + "），无法确定实际完成值: " + written);
        }
        Quantity quantity = quantities.get(0);
        TargetComparator bound = QuantityText.prefixComparator(normalised, quantity);
        if (bound == null) {
            bound = QuantityText.suffixComparator(normalised, quantity);
        }
        return new ActualValue(written, Kind.QUANTITY, quantity.number(), quantity.unit(), quantity.normalisedValue(),
                quantity.baseUnit(), bound);
    }

    /** A qualitative met/not-met, e.g. for targets like 100%达标. */
    public static ActualValue met(boolean met, String text) {
        return new ActualValue(text, met ? Kind.MET : Kind.NOT_MET, null, "", null, "", null);
    }

    private static ActualValue verdict(String field, String written, String normalised) {
        for (String word : NOT_MET_WORDS) {
            if (normalised.contains(word)) {
                return met(false, written);
            }
        }
        for (String word : MET_WORDS) {
            if (normalised.contains(word)) {
                return met(true, written);
            }
        }
        throw new DomainException(field, "未找到数值或达标结论：实际完成值应包含一个数值（如 94.07%、805万次），或写明 达标/已完成/未达标/未完成: " + written);
    }
}
