package cn.perfledger.domain.common;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;

/**
 * The unit an amount is written in (金额单位): 元 or 万元. The seeds print both (DOMAIN.md §4) and the same figure
 * means 10,000 times more in 万元, so every reader of a written amount (the ledger import, the demo files, the
 * reconciler of printed figures, the pages' 元/万元 toggle) converts through this one type. Conversions are exact:
 * a 万元 amount has at most 6 decimals (one fen is 0.000001 万元); {@link Money} refuses anything finer.
 */
public enum AmountUnit {
    YUAN("元", 0),
    WAN_YUAN("万元", 4);

    private final String label;
    /** Powers of ten from this unit to yuan. */
    private final int yuanShift;

    AmountUnit(String label, int yuanShift) {
        this.label = label;
        this.yuanShift = yuanShift;
    }

    /** The unit as documents write it: 元, 万元. */
    public String label() {
        return label;
    }

    /** The unit a text names exactly ({@code 元}, {@code 万元}), or empty. */
    public static Optional<AmountUnit> of(String text) {
        String name = text == null ? "" : text.strip();
        return Arrays.stream(values()).filter(u -> u.label.equals(name)).findFirst();
    }

    /** The most decimals an amount in this unit may have and still be whole fen: 2 in 元, 6 in 万元. */
    public int maxDecimals() {
        return 2 + yuanShift;
    }

    /** Whether {@code amount} has no more decimals than this unit allows (trailing zeros do not count). */
    public boolean fits(BigDecimal amount) {
        return Math.max(0, amount.stripTrailingZeros().scale()) <= maxDecimals();
    }

    /** The amount in yuan, exactly; a value finer than a fen is refused by {@link Money}, never rounded. */
    public Money toMoney(BigDecimal amount) {
        return new Money(amount.movePointRight(yuanShift));
    }

    /** A yuan value (money or a computed figure) expressed in this unit, exactly. */
    public BigDecimal fromYuan(BigDecimal yuan) {
        return yuan.movePointLeft(yuanShift);
    }

    /** How many yuan one of this unit is: 1, 10,000. */
    public BigDecimal yuanPerUnit() {
        return BigDecimal.ONE.movePointRight(yuanShift);
    }
}
