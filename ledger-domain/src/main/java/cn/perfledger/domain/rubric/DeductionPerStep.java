package cn.perfledger.domain.rubric;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * 超限（差距）按步长扣分: weight − {@code pointsPerStep} × the steps by which a rate passes {@code limit} on the stated
 * {@code side}, not below 0. "每超过一个百分点扣0.5分" is side {@link Side#ABOVE}, step 0.01, 0.5 points; "每低于5%扣2分"
 * is {@link Side#BELOW}, step 0.05, 2 points. A part of a step is not guessed: the rubric says whether it counts
 * pro rata, as a whole step once started, or not at all until completed ({@link PartialStep}).
 *
 * @param limit         the rate beyond which points are deducted (a fraction: 1 = 100%)
 * @param side          whether points go for rates above or below the limit
 * @param step          the size of one step, as a fraction (0.01 = one percentage point)
 * @param pointsPerStep points deducted per step
 * @param partialStep   how a part of a step counts
 */
public record DeductionPerStep(BigDecimal limit, Side side, BigDecimal step, BigDecimal pointsPerStep,
        PartialStep partialStep) implements ScoringRule {

    /** Which side of the limit is deducted. */
    public enum Side {
        /** 每超过: rates above the limit (控制率, 结转结余率, 变动率). */
        ABOVE("超过"),
        /** 每低于: rates below the limit (执行率, 完成率). */
        BELOW("低于");

        private final String label;

        Side(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** How a part of a step counts. */
    public enum PartialStep {
        /** Pro rata: 1.5 percentage points over at 0.5 per point deduct 0.75. */
        PROPORTIONAL("不足一档的部分按比例扣分"),
        /** A step once started counts whole (不足一个步长按一个步长计): 1.5 points over deduct 1.0. */
        STARTED("不足一档按一档扣分"),
        /** Only completed steps count (不足一个步长不扣分): 1.5 points over deduct 0.5. */
        COMPLETED("不足一档不扣分");

        private final String label;

        PartialStep(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** How far the rate passes the limit on the deducted side (0 when it does not). */
    public BigDecimal excess(BigDecimal rate) {
        BigDecimal beyond = side == Side.ABOVE ? rate.subtract(limit) : limit.subtract(rate);
        return beyond.max(BigDecimal.ZERO);
    }

    /** The number of steps counted for a rate, by {@link #partialStep}. */
    public BigDecimal steps(BigDecimal rate) {
        BigDecimal exact = excess(rate).divide(step, INTERMEDIATE_SCALE, RoundingMode.HALF_UP);
        return switch (partialStep) {
            case PROPORTIONAL -> exact;
            case STARTED -> exact.setScale(0, RoundingMode.CEILING);
            case COMPLETED -> exact.setScale(0, RoundingMode.FLOOR);
        };
    }

    public BigDecimal score(BigDecimal weight, BigDecimal rate) {
        return weight.subtract(pointsPerStep.multiply(steps(rate))).max(BigDecimal.ZERO).min(weight);
    }

    @Override
    public String label() {
        return "超限按步长扣分";
    }

    @Override
    public boolean accepts(InputReference input) {
        return input instanceof InputReference.LedgerMetricInput || input instanceof InputReference.IndicatorInput;
    }

    @Override
    public String expectedInputs() {
        return "比率（账本指标或单个绩效指标）";
    }
}
