package cn.perfledger.domain.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An exact amount of money in yuan (元) with exactly two decimals.
 *
 * <p>Construction never rounds: a value with more than two significant decimals is refused, because
 * a ledger that silently rounds cannot be reconciled. Serialized as its plain string ("1234.50").
 */
public record Money(BigDecimal yuan) implements Comparable<Money> {

    /** The largest amount the ledger accepts (one trillion yuan): larger is a typing or unit error. */
    public static final BigDecimal MAX_ABS_YUAN = new BigDecimal("1000000000000.00");
    // declared after the constants the constructor reads, so class initialisation sees them set
    public static final Money ZERO = new Money(BigDecimal.ZERO);
    /** Compiled once: every amount read from an event passes through it. */
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[-+]?\\d{1,16}(\\.\\d+)?");

    public Money {
        Objects.requireNonNull(yuan, "yuan");
        try {
            yuan = yuan.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new DomainException("amount", "金额最多保留两位小数（分）: " + yuan.toPlainString());
        }
        if (yuan.abs().compareTo(MAX_ABS_YUAN) > 0) {
            throw new DomainException("amount", "金额超出允许范围（绝对值不超过 1 万亿元）: " + yuan.toPlainString());
        }
    }

    /** Parses a plain decimal string in yuan, e.g. "392951003.55"; refuses exponents and more than two decimals. */
    public static Money of(String yuan) {
        return new Money(parsePlainDecimal("amount", yuan));
    }

    public static Money ofYuan(long yuan) {
        return new Money(BigDecimal.valueOf(yuan));
    }

    public static Money ofFen(long fen) {
        return new Money(BigDecimal.valueOf(fen, 2));
    }

    /** Converts a figure published in 万元 (e.g. "15094.71") to yuan, exactly. */
    public static Money ofWanYuan(String wanYuan) {
        return AmountUnit.WAN_YUAN.toMoney(parsePlainDecimal("amount", wanYuan));
    }

    /**
     * Parses a plain decimal (digits, optional sign, optional point); thousands separators, exponents and
     * anything else are refused so that "1e5" or "1,000" never become an amount by accident.
     */
    public static BigDecimal parsePlainDecimal(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new DomainException(field, "金额不能为空");
        }
        String trimmed = text.strip();
        if (!PLAIN_DECIMAL.matcher(trimmed).matches()) {
            throw new DomainException(field, "金额必须是普通十进制数（不允许科学计数法、千分位或其他字符）: " + text);
        }
        return new BigDecimal(trimmed);
    }

    public long fen() {
        return yuan.movePointRight(2).longValueExact();
    }

    public Money plus(Money other) {
        return new Money(yuan.add(other.yuan));
    }

    public Money minus(Money other) {
        return new Money(yuan.subtract(other.yuan));
    }

    public Money negate() {
        return new Money(yuan.negate());
    }

    public boolean isPositive() {
        return yuan.signum() > 0;
    }

    public boolean isNegative() {
        return yuan.signum() < 0;
    }

    public boolean isZero() {
        return yuan.signum() == 0;
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    /** This amount in 万元, exact (scale 6). */
    public BigDecimal inWanYuan() {
        return AmountUnit.WAN_YUAN.fromYuan(yuan);
    }

    /** Exact ratio this ÷ denominator at the given scale, or null when the denominator is zero. */
    public BigDecimal ratioTo(Money denominator, int scale, RoundingMode mode) {
        if (denominator.isZero()) {
            return null;
        }
        return yuan.divide(denominator.yuan, scale, mode);
    }

    @Override
    public int compareTo(Money other) {
        return yuan.compareTo(other.yuan);
    }

    /** Plain string in yuan, two decimals, no exponent: the serialized form. */
    @Override
    public String toString() {
        return yuan.toPlainString();
    }
}
