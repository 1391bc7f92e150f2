package cn.perfledger.app.imports.ledger;

import cn.perfledger.domain.common.Money;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;

/**
 * The unit a file declares for its amounts (金额单位). Required, because the same figure means 10,000 times more in
 * 万元 than in 元 and the seeds show both (DOMAIN.md §4). A 万元 amount is converted to 元 exactly, so it may have
 * at most 6 decimals (one fen is 0.000001 万元).
 */
public enum AmountUnit {
    YUAN("元", 2, 0),
    WAN_YUAN("万元", 6, 4);

    private final String label;
    private final int maxDecimals;
    private final int yuanShift;

    AmountUnit(String label, int maxDecimals, int yuanShift) {
        this.label = label;
        this.maxDecimals = maxDecimals;
        this.yuanShift = yuanShift;
    }

    public String label() {
        return label;
    }

    public int maxDecimals() {
        return maxDecimals;
    }

    public static Optional<AmountUnit> of(String text) {
        String name = text == null ? "" : text.strip();
        return Arrays.stream(values()).filter(u -> u.label.equals(name)).findFirst();
    }

    /** Whether {@code amount} has no more decimals than this unit allows (trailing zeros do not count). */
    public boolean fits(BigDecimal amount) {
        return Math.max(0, amount.stripTrailingZeros().scale()) <= maxDecimals;
    }

    /** The amount in yuan; exact, since {@link #fits} holds. */
    public Money toMoney(BigDecimal amount) {
        return new Money(amount.movePointRight(yuanShift));
    }
}
