package cn.perfledger.projections.reconciliation;

import java.math.BigDecimal;

/**
 * One comparison of a printed number with what it should be: the classification, the expected value in the printed
 * unit (rounded to {@link #DISPLAY_SCALE} decimals for display only), the difference printed − expected, and an
 * explanation in Chinese naming both values.
 *
 * @param expected   what it should be, in the printed unit; null when not available
 * @param difference printed − expected (expected at the printed precision); null when not available
 */
public record Verdict(Classification classification, BigDecimal printed, BigDecimal expected, BigDecimal difference,
        String explanation) {

    public static final int DISPLAY_SCALE = 4;

    public boolean alarm() {
        return classification.alarm();
    }
}
