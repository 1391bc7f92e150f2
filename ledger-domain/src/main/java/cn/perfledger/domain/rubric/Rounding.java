package cn.perfledger.domain.rubric;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How a rubric rounds scores: seed 002 uses 2 decimals half-up, Panyu 2023 (seed 003) 1 decimal. Set per
 * rubric, optionally overridden per leaf. Rates are never rounded by it, only scores.
 */
public record Rounding(int decimals, RoundingMode mode) {

    public static final Rounding TWO_DECIMALS_HALF_UP = new Rounding(2, RoundingMode.HALF_UP);
    public static final Rounding ONE_DECIMAL_HALF_UP = new Rounding(1, RoundingMode.HALF_UP);

    public BigDecimal apply(BigDecimal score) {
        return score.setScale(decimals, mode);
    }
}
