package cn.perfledger.domain.rubric;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * 完成比率计分: weight × the completion ratio of a figure against its target, the ratio capped at 1 — 完成值 ÷ 指标值
 * for a 正向 target (≥, &gt;), 指标值 ÷ 完成值 for a 反向 one (≤, &lt;). Provinces list ledger figures among the
 * department's own indicators (预算完成率 ≥ 70%, 结转结余率 ≤ 2%, 公用经费控制率 ≤ 100%) and score them so; the input
 * names the ledger metric and where the target comes from ({@link InputReference.LedgerMetricTargetInput}), or one
 * indicator whose recorded actual is the 完成值.
 */
public record CompletionRatio() implements ScoringRule {

    /**
     * The ratio for a 正向 ({@code positive}) or 反向 target, capped at 1: a 反向 figure of 0 meets any target (ratio 1),
     * a 正向 target of 0 is met by any figure, a 反向 target of 0 is missed by any figure above it (ratio 0).
     */
    public static BigDecimal ratio(boolean positive, BigDecimal value, BigDecimal target) {
        BigDecimal numerator = positive ? value : target;
        BigDecimal denominator = positive ? target : value;
        if (denominator.signum() == 0) {
            return BigDecimal.ONE; // a 正向 target of 0, or a 反向 figure of 0: met
        }
        BigDecimal ratio = numerator.divide(denominator, INTERMEDIATE_SCALE, RoundingMode.HALF_UP);
        return ratio.max(BigDecimal.ZERO).min(BigDecimal.ONE);
    }

    public BigDecimal score(BigDecimal weight, BigDecimal ratio) {
        return weight.multiply(ratio.max(BigDecimal.ZERO).min(BigDecimal.ONE)).min(weight);
    }

    @Override
    public String label() {
        return "按完成比率计分";
    }

    @Override
    public boolean accepts(InputReference input) {
        return input instanceof InputReference.LedgerMetricTargetInput || input instanceof InputReference.IndicatorInput;
    }

    @Override
    public String expectedInputs() {
        return "账本指标对照目标值或单个绩效指标";
    }
}
