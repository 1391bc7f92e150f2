package cn.perfledger.domain.evaluation;

import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.evaluation.CalendarText.Found;
import cn.perfledger.domain.evaluation.QuantityText.Quantity;
import java.math.BigDecimal;
import java.util.List;

/**
 * Reads a target text (年度指标值) with the indicator's direction, as a finance officer would:
 * <ol>
 *   <li>direction 定性: any text is the target; it is met by the grade the evaluator records;</li>
 *   <li>a deadline ("9月前", "9月底前", "6月30日前", "年底前", "一季度内") is a 反向 target on the date;</li>
 *   <li>two quantities joined by a range sign ("90%–95%", "90%~95%") are a range (等于, both ends included);</li>
 *   <li>otherwise exactly one quantity, with the comparison the text states ("≥", "不低于", "以内", "24小时内" …) or,
 *       when it states none, the comparison the given direction implies (正向 ≥, 反向 ≤, 等于 =).</li>
 * </ol>
 * It refuses, naming the field and the reason: a text without a figure (unless 定性), two figures, a stated
 * comparison that disagrees with the given direction, a bare figure without a given direction ("100%" could be ≥ or
 * ≤), approximations ("约95%", "95%左右"), "N月内" (a month or N months?), and absurd targets (see
 * {@link TargetPlausibility}).
 */
final class TargetReader {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private TargetReader() {
    }

    static TargetExpression read(String field, String text, Direction given) {
        if (text == null || text.isBlank()) {
            throw new DomainException(field, "目标值不能为空");
        }
        String written = text.strip();
        if (written.length() > TargetExpression.MAX_LENGTH) {
            throw new DomainException(field, "目标值长度不能超过 " + TargetExpression.MAX_LENGTH + " 个字符");
        }
        if (given == Direction.QUALITATIVE) {
            return TargetExpression.graded(written, DirectionSource.GIVEN);
        }
        String normalised = QuantityText.normalise(written);
        String monthsOrMonth = CalendarText.ambiguousMonths(normalised);
        if (monthsOrMonth != null) {
            throw new DomainException(field, "「" + monthsOrMonth + "」既可指该月份内，也可指若干个月内，请写明「N月底前」或「N个月内」: "
                    + written);
        }
        TargetExpression target = deadline(field, written, normalised, given);
        if (target == null) {
            target = quantity(field, written, normalised, given);
        }
        TargetPlausibility.check(field, written, target);
        return target;
    }

    private static TargetExpression deadline(String field, String written, String normalised, Direction given) {
        List<Found> deadlines;
        try {
            deadlines = CalendarText.deadlines(normalised);
        } catch (IllegalArgumentException invalid) {
            throw new DomainException(field, "目标值中的日期不存在（" + invalid.getMessage() + "）: " + written);
        }
        if (deadlines.isEmpty()) {
            return null;
        }
        if (deadlines.size() > 1) {
            throw new DomainException(field, "包含多个时间要求（" + String.join("、", deadlines.stream().map(Found::written)
                    .toList()) + "），无法确定目标: " + written);
        }
        Found deadline = deadlines.get(0);
        String rest = normalised.substring(0, deadline.start()) + " " + normalised.substring(deadline.end());
        List<Quantity> others = QuantityText.scan(rest);
        if (!others.isEmpty()) {
            throw new DomainException(field, "同时含有时间要求「" + deadline.written() + "」和数值（"
                    + QuantityText.displayList(others) + "），无法确定目标；请分设两个指标: " + written);
        }
        requireAgreement(field, written, given, deadline.bound(), "时间要求「" + deadline.written() + "」");
        BigDecimal day = BigDecimal.valueOf(deadline.dayOfYear());
        return new TargetExpression(written, Direction.REVERSE, source(given), deadline.bound(), day,
                CalendarText.DATE_UNIT, day, CalendarText.DATE_UNIT, null, null);
    }

    private static TargetExpression quantity(String field, String written, String normalised, Direction given) {
        List<Quantity> quantities = QuantityText.scan(normalised);
        if (quantities.isEmpty()) {
            throw new DomainException(field, "未找到数值：定量目标值应包含一个数值，例如 ≥95%、12份、至少一次、9月底前；"
                    + "文字表述的目标请将指标方向设为「定性」: " + written);
        }
        if (quantities.size() == 2) {
            Quantity[] range = QuantityText.range(normalised, quantities.get(0), quantities.get(1));
            if (range != null) {
                return range(field, written, normalised, given, range[0], range[1]);
            }
        }
        List<Quantity> distinct = QuantityText.distinct(quantities);
        if (distinct.size() > 1) {
            throw new DomainException(field, "包含多个数值（" + QuantityText.displayList(distinct) + "），无法确定目标: " + written);
        }
        Quantity quantity = quantities.get(0);
        TargetComparator stated = ComparatorWords.around(normalised, quantity);
        if (stated == null) {
            String vague = ComparatorWords.vagueWord(normalised, quantity);
            if (vague != null) {
                throw new DomainException(field, "「" + vague + "」只是约数，不是可核对的目标值；请写明界限，如 ≥、≤、不低于: " + written);
            }
            if (fullyAchieved(normalised, quantity)) {
                // "100%达标", "100%完成…": at least 100% — for a rate that is also exactly 100%, so 等于 agrees too
                stated = given == Direction.EQUAL ? TargetComparator.EQ : TargetComparator.GE;
            }
        }
        TargetComparator comparator;
        if (stated != null) {
            requireAgreement(field, written, given, stated, "比较方式「" + stated.symbol() + "」");
            comparator = stated;
        } else if (given == null) {
            throw new DomainException(field, "目标值未写明比较方式（如 ≥、≤、不低于、不超过、以内），无法判断是越高越好还是越低越好；"
                    + "请给出指标方向（正向、反向、等于、定性）: " + written);
        } else {
            comparator = TargetComparator.implied(given);
        }
        return new TargetExpression(written, comparator.direction(), source(given), comparator, quantity.number(),
                quantity.unit(), quantity.normalisedValue(), quantity.baseUnit(), null, null);
    }

    private static TargetExpression range(String field, String written, String normalised, Direction given,
            Quantity lower, Quantity upper) {
        TargetComparator extra = ComparatorWords.before(normalised, lower);
        if (extra == null) {
            extra = ComparatorWords.after(normalised, upper);
        }
        if (extra != null) {
            throw new DomainException(field, "区间「" + lower.display() + "–" + upper.display() + "」又写有比较方式「"
                    + extra.symbol() + "」，无法确定目标: " + written);
        }
        requireAgreement(field, written, given, TargetComparator.BETWEEN, "区间「" + lower.display() + "–"
                + upper.display() + "」");
        if (lower.normalisedValue().compareTo(upper.normalisedValue()) > 0) {
            throw new DomainException(field, "区间下限 " + lower.display() + " 大于上限 " + upper.display() + ": " + written);
        }
        return new TargetExpression(written, Direction.EQUAL, source(given), TargetComparator.BETWEEN, lower.number(),
                upper.unit(), lower.normalisedValue(), upper.baseUnit(), upper.number(), upper.normalisedValue());
    }

    /** A given direction must be the one the text states; no given direction takes the text's. */
    private static void requireAgreement(String field, String written, Direction given, TargetComparator stated,
            String what) {
        if (given != null && given != stated.direction()) {
            throw new DomainException(field, "指标方向为「" + given.label() + "」，但目标值的" + what + "表示「"
                    + stated.direction().label() + "」：方向与目标值不一致，请更正其一: " + written);
        }
    }

    private static DirectionSource source(Direction given) {
        return given != null ? DirectionSource.GIVEN : DirectionSource.STATED;
    }

    /** "100%达标", "100%完成标准化必填要素梳理": 100% followed by 达标/完成. */
    private static boolean fullyAchieved(String text, Quantity quantity) {
        String after = text.substring(quantity.end()).stripLeading();
        return "%".equals(quantity.baseUnit()) && quantity.number().compareTo(HUNDRED) == 0
                && (after.startsWith("达标") || after.startsWith("完成"));
    }
}
