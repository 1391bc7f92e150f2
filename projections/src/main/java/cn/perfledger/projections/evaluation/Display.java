package cn.perfledger.projections.evaluation;

import cn.perfledger.projections.ledger.Rates;
import java.math.BigDecimal;
import java.util.Locale;

/** How exact figures are shown: percentages with two decimals, money in 元 with separators, plain numbers. */
public final class Display {

    private Display() {
    }

    /** 0.998936 → "99.89%"; null stays null. */
    public static String percent(BigDecimal fraction) {
        return fraction == null ? null : Rates.percent(fraction).toPlainString() + "%";
    }

    /** 392951003.55 → "392,951,003.55元". Locale.ROOT so the output never depends on the machine. */
    public static String yuan(BigDecimal yuan) {
        if (yuan == null) {
            return null;
        }
        if (yuan.scale() > 2) {
            return String.format(Locale.ROOT, "%,.2f元", yuan);
        }
        // Same text as the format above, without a Formatter per figure: scored tables show many (the why-list
        // scores an item once per event group). Exact here: no more than two decimals, nothing to round.
        String digits = yuan.abs().setScale(2).toPlainString();
        int integerDigits = digits.length() - 3;
        StringBuilder text = new StringBuilder(digits.length() + integerDigits / 3 + 2);
        if (yuan.signum() < 0) {
            text.append('-');
        }
        for (int i = 0; i < integerDigits; i++) {
            if (i > 0 && (integerDigits - i) % 3 == 0) {
                text.append(',');
            }
            text.append(digits.charAt(i));
        }
        return text.append(digits, integerDigits, digits.length()).append('元').toString();
    }

    /** A number as written, without trailing zeros: 2.50 → "2.5", 3.00 → "3". */
    public static String number(BigDecimal value) {
        if (value == null) {
            return null;
        }
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    /** A fraction as an exact percentage without trailing zeros, for rule texts: 0.01 → "1%", 0 → "0". */
    public static String exactPercent(BigDecimal fraction) {
        return fraction.signum() == 0 ? "0" : number(fraction.movePointRight(2)) + "%";
    }

    /** A signed number: 2.5 → "+2.5", -2.5 → "-2.5". */
    public static String signed(BigDecimal value) {
        return (value.signum() > 0 ? "+" : "") + number(value);
    }
}
