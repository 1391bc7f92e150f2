package cn.perfledger.domain.evaluation;

import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.evaluation.CalendarText.Found;
import cn.perfledger.domain.evaluation.QuantityText.Quantity;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads an actual text (实际完成值) against its target, with the same vocabulary as {@link TargetReader}:
 * <ul>
 *   <li>qualitative target: any text, and the grade recorded with it is required;</li>
 *   <li>deadline target: the completion date ("7月" = by 31 July, "8月15日", "9月底前完成" = ≤ 30 September, "次年1月"
 *       = after the year), or a verdict ("按时完成" met, "逾期" not met);</li>
 *   <li>otherwise exactly one quantity, keeping the comparison it carries ("少于5个", "超75%", "≥9个月"), or a
 *       verdict (达标/已完成 met, 未达标/未完成 not met) when it has no figure. A zero ("0", "0次", "零") is a
 *       quantity like any other.</li>
 * </ul>
 * Refused with the reason: two figures or two dates, a range, a negative count, a grade for a quantitative indicator.
 */
final class ActualReader {

    /** Not-met words first: "未完成" contains "完成", "未按时完成" contains "按时" and "完成". */
    private static final List<String> NOT_MET_WORDS = List.of("未达标", "不达标", "未完成", "没有完成", "未实现", "未达到",
            "未达成", "未按时", "未按期", "未如期", "逾期", "延期", "滞后");
    private static final List<String> MET_WORDS = List.of("已达标", "达标", "已完成", "完成", "已实现", "实现", "达到",
            "达成", "按时", "按期", "如期");

    private static final Pattern FOLLOWING_YEAR = Pattern.compile("次年|下一年|下年|翌年|明年");

    private ActualReader() {
    }

    static ActualValue read(String field, String text, TargetExpression target, Grade grade) {
        if (text == null || text.isBlank()) {
            throw new DomainException(field, "实际完成值不能为空");
        }
        String written = text.strip();
        if (written.length() > ActualValue.MAX_LENGTH) {
            throw new DomainException(field, "实际完成值长度不能超过 " + ActualValue.MAX_LENGTH + " 个字符");
        }
        if (target != null && target.qualitative()) {
            if (grade == null) {
                throw new DomainException("grade", "定性指标须录入评定等级（达成、基本达成、部分达成、未达成）");
            }
            return ActualValue.graded(written, grade);
        }
        if (grade != null) {
            throw new DomainException("grade", "评定等级只用于定性指标；本指标为「" + target.direction().label()
                    + "」，按实际值与目标值计算");
        }
        String normalised = QuantityText.normalise(written);
        if (target != null && target.deadline()) {
            return date(field, written, normalised);
        }
        List<Quantity> quantities = QuantityText.scan(normalised);
        if (quantities.isEmpty()) {
            return verdict(field, written, normalised);
        }
        if (quantities.size() == 2 && QuantityText.range(normalised, quantities.get(0), quantities.get(1)) != null) {
            throw new DomainException(field, "实际完成值是一个区间，无法判断是否达到目标；请填写实际达到的数值: " + written);
        }
        List<Quantity> distinct = QuantityText.distinct(quantities);
        if (distinct.size() > 1) {
            throw new DomainException(field, "包含多个数值（" + QuantityText.displayList(distinct) + "），无法确定实际完成值: " + written);
        }
        Quantity quantity = quantities.get(0);
        if (quantity.number().signum() < 0 && !"%".equals(quantity.baseUnit())) {
            throw new DomainException(field, "实际完成值不能为负数: " + written);
        }
        TargetComparator bound = ComparatorWords.around(normalised, quantity);
        if (bound == TargetComparator.LT && quantity.number().signum() <= 0) {
            throw new DomainException(field, "实际完成值「少于 0」不可能: " + written);
        }
        return new ActualValue(written, ActualValue.Kind.QUANTITY, quantity.number(), quantity.unit(),
                quantity.normalisedValue(), quantity.baseUnit(), bound, null);
    }

    private static ActualValue date(String field, String written, String normalised) {
        List<Found> dates;
        try {
            dates = CalendarText.dates(normalised);
        } catch (IllegalArgumentException invalid) {
            throw new DomainException(field, "实际完成值中的日期不存在（" + invalid.getMessage() + "）: " + written);
        }
        if (dates.size() > 1) {
            throw new DomainException(field, "包含多个日期（" + String.join("、", dates.stream().map(Found::written).toList())
                    + "），无法确定完成时间: " + written);
        }
        if (dates.isEmpty()) {
            try {
                return verdict(field, written, normalised);
            } catch (DomainException none) {
                throw new DomainException(field, "时间目标的实际完成值应写明完成时间（如 7月、8月15日、9月底前）或 按时完成/逾期: "
                        + written);
            }
        }
        Found date = dates.get(0);
        // "次年1月": a date of the following year comes after every deadline of this one
        int dayOfYear = date.dayOfYear() + (FOLLOWING_YEAR.matcher(normalised.substring(0, date.start())).find() ? 365 : 0);
        BigDecimal day = BigDecimal.valueOf(dayOfYear);
        return new ActualValue(written, ActualValue.Kind.QUANTITY, day, CalendarText.DATE_UNIT, day,
                CalendarText.DATE_UNIT, date.bound(), null);
    }

    private static ActualValue verdict(String field, String written, String normalised) {
        for (String word : NOT_MET_WORDS) {
            if (normalised.contains(word)) {
                return ActualValue.met(false, written);
            }
        }
        for (String word : MET_WORDS) {
            if (normalised.contains(word)) {
                return ActualValue.met(true, written);
            }
        }
        throw new DomainException(field, "未找到数值或达标结论：实际完成值应包含一个数值（如 94.07%、805万次），或写明 达标/已完成/未达标/未完成: "
                + written);
    }
}
