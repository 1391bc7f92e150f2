package cn.perfledger.cli.output;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Display forms of the server's exact figures. The API sends money as strings ({@code "392951003.55"}) and rates
 * and scores as JSON numbers read as {@link BigDecimal}; nothing here goes through {@code double}. Rounding
 * happens only here, for display (DOMAIN.md §4), half-up as the seeds print.
 */
public final class Numbers {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Numbers() {
    }

    /** {@code 392951003.55} → {@code 392,951,003.55}; always 2 decimals. Text that is not a number is kept. */
    public static String money(String raw) {
        BigDecimal value = parse(raw);
        return value == null ? raw : grouped(value.setScale(2, RoundingMode.HALF_UP));
    }

    /** A ratio as a percentage with 2 decimals: {@code 0.998936492168} → {@code 99.89%}. */
    public static String percent(String raw) {
        BigDecimal value = parse(raw);
        return value == null ? raw : value.multiply(HUNDRED).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** An integer count with thousands separators: {@code 3089} → {@code 3,089}. */
    public static String count(String raw) {
        BigDecimal value = parse(raw);
        return value == null ? raw : grouped(value);
    }

    /**
     * A score as the server rounded it (the rubric states the decimals: 2 for Guangzhou, 1 for Panyu), written
     * plainly: {@code 94.35}, {@code 45.0}.
     */
    public static String score(String raw) {
        BigDecimal value = parse(raw);
        return value == null ? raw : value.toPlainString();
    }

    /** A signed score change: {@code +0.38}, {@code -0.30}, {@code 0}. */
    public static String signed(String raw) {
        BigDecimal value = parse(raw);
        if (value == null) {
            return raw;
        }
        return (value.signum() > 0 ? "+" : "") + value.toPlainString();
    }

    /** The exact decimal, or null when {@code raw} is empty or not a plain number. */
    public static BigDecimal parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(raw.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static String grouped(BigDecimal value) {
        String plain = value.abs().toPlainString();
        int dot = plain.indexOf('.');
        String integer = dot < 0 ? plain : plain.substring(0, dot);
        String fraction = dot < 0 ? "" : plain.substring(dot);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < integer.length(); i++) {
            if (i > 0 && (integer.length() - i) % 3 == 0) {
                out.append(',');
            }
            out.append(integer.charAt(i));
        }
        return (value.signum() < 0 ? "-" : "") + out + fraction;
    }
}
