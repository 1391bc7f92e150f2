package cn.perfledger.projections.ledger;

import cn.perfledger.domain.common.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How the ledger divides. A ratio of two exact amounts is generally not a finite decimal, so every rate is
 * kept to {@value #SCALE} decimals (half-even) — far below any displayed or scored precision — and rounded
 * again, explicitly, where it is shown or scored.
 */
public final class Rates {

    public static final int SCALE = 12;

    private Rates() {
    }

    /** numerator ÷ denominator, or null when the denominator is zero (a rate of nothing is undefined). */
    public static BigDecimal ratio(Money numerator, Money denominator) {
        return numerator.ratioTo(denominator, SCALE, RoundingMode.HALF_EVEN);
    }

    public static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
        if (denominator.signum() == 0) {
            return null;
        }
        return numerator.divide(denominator, SCALE, RoundingMode.HALF_EVEN);
    }

    /** A fraction as a percentage with two decimals, half-up, as the documents print it (0.998936 → 99.89). */
    public static BigDecimal percent(BigDecimal fraction) {
        return fraction == null ? null : fraction.movePointRight(2).setScale(2, RoundingMode.HALF_UP);
    }
}
