package cn.perfledger.domain.evaluation;

import cn.perfledger.domain.common.DomainException;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Targets that read cleanly but cannot be meant, refused with the reason rather than recorded:
 * <ul>
 *   <li>a negative number (a count, an amount or a rate below zero: "≥-5个");</li>
 *   <li>a target every actual meets ("≥0", "≥0次") or none can ("&lt;0", "&lt;0%");</li>
 *   <li>a rate of spending or attainment (控制率, 执行率, 完成率, 支出率, 到位率, 使用率 …) held at or below zero
 *       ("公用经费控制率 ≤ 0": nothing may be spent) — an error rate "差错率 ≤ 0" is a real target and stays;</li>
 *   <li>a share that cannot exceed 100% (满意度, 合格率, 覆盖率, 达标率, 及时率 …) required above 100%;</li>
 *   <li>a deadline before the year begins ("一季度前").</li>
 * </ul>
 * {@code context} is the text the rules look for the indicator's kind in: the target itself, and the indicator's
 * name where the caller knows it.
 */
final class TargetPlausibility {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Pattern ATTAINMENT_RATE = Pattern.compile(
            "控制率|执行率|完成率|支出率|到位率|使用率|兑现率|拨付率|覆盖率|达标率|合格率|满意度|满意率|知晓率|通过率|及时率|发放率");
    private static final List<String> SHARES = List.of("满意度", "满意率", "合格率", "覆盖率", "达标率", "及时率", "准确率",
            "知晓率", "通过率", "正确率", "响应率", "到位率", "参保率", "覆盖面", "发放率", "兑现率", "完好率", "验收率", "归档率");

    private TargetPlausibility() {
    }

    static void check(String field, String context, TargetExpression target) {
        if (target.direction() == Direction.QUALITATIVE) {
            return;
        }
        BigDecimal value = target.normalisedValue();
        if (value.signum() < 0 || (target.upperNormalisedValue() != null && target.upperNormalisedValue().signum() < 0)) {
            throw refused(field, target, "目标值不能为负数");
        }
        if (CalendarText.DATE_UNIT.equals(target.baseUnit())) {
            if (target.comparator() == TargetComparator.LT && value.intValue() <= 1) {
                throw refused(field, target, "时间要求早于年度开始，无法完成");
            }
            return;
        }
        boolean zero = value.signum() == 0;
        if (zero && target.comparator() == TargetComparator.GE) {
            throw refused(field, target, "正向目标「≥ 0」任何实际值都能达到，不是目标");
        }
        if (zero && target.comparator() == TargetComparator.LT) {
            throw refused(field, target, "目标「< 0」没有任何实际值能达到");
        }
        boolean atMostZero = zero && (target.comparator() == TargetComparator.LE
                || target.comparator() == TargetComparator.EQ);
        String rate = firstMatch(context);
        if (atMostZero && rate != null) {
            throw refused(field, target, "「" + rate + "」是支出或完成的比率，控制在 0 以下意味着不得发生任何支出或完成，不可能是本意"
                    + "（如为差错、投诉类指标，请在名称中写明）");
        }
        if ("%".equals(target.baseUnit()) && exceedsHundred(target)) {
            for (String share : SHARES) {
                if (context != null && context.contains(share)) {
                    throw refused(field, target, "「" + share + "」最高为 100%，目标不能要求超过 100%");
                }
            }
        }
    }

    private static boolean exceedsHundred(TargetExpression target) {
        int c = target.normalisedValue().compareTo(HUNDRED);
        return switch (target.comparator()) {
            case GE, EQ, BETWEEN -> c > 0;
            case GT -> c >= 0;
            default -> false;
        };
    }

    private static String firstMatch(String context) {
        if (context == null) {
            return null;
        }
        var matcher = ATTAINMENT_RATE.matcher(context);
        return matcher.find() ? matcher.group() : null;
    }

    private static DomainException refused(String field, TargetExpression target, String rule) {
        return new DomainException(field, rule + ": " + target.text());
    }
}
