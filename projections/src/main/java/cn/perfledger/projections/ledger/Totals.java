package cn.perfledger.projections.ledger;

import cn.perfledger.domain.common.Money;
import java.math.BigDecimal;

/**
 * The budget waterfall and execution of a set of lines: 年初 → Σ 调整 → 全年, carry-in, withdrawn, executed,
 * carry-out; {@code otherFunds} is 其他资金收入 received beyond the budget (spendable, not budget), and
 * {@code increases} / {@code decreases} / {@code transfersIn} split Σ 调整 by kind (each positive) for the gross
 * 预算调整率. Rates are exact to {@link Rates#SCALE} decimals and rounded only for display.
 */
public record Totals(Money initial, Money adjustments, Money fullYear, Money carryIn, Money withdrawn,
        Money executed, Money carryOut, int lineCount, Money otherFunds, Money increases, Money decreases,
        Money transfersIn) {

    public static final Totals EMPTY = new Totals(Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO,
            Money.ZERO, Money.ZERO, 0, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO);

    public static Totals of(LineFigures line) {
        return new Totals(line.initial(), line.adjustments(), line.fullYear(), line.carryIn(), line.withdrawn(),
                line.executed(), line.carryOut(), 1, line.otherFunds(), line.increases(), line.decreases(),
                line.transfersIn());
    }

    public Totals plus(Totals other) {
        return new Totals(initial.plus(other.initial), adjustments.plus(other.adjustments),
                fullYear.plus(other.fullYear), carryIn.plus(other.carryIn), withdrawn.plus(other.withdrawn),
                executed.plus(other.executed), carryOut.plus(other.carryOut), lineCount + other.lineCount,
                otherFunds.plus(other.otherFunds), increases.plus(other.increases), decreases.plus(other.decreases),
                transfersIn.plus(other.transfersIn));
    }

    /** Takes a line's (or a set of lines') figures back out of a sum: exact, as every amount is. */
    Totals minus(Totals other) {
        return new Totals(initial.minus(other.initial), adjustments.minus(other.adjustments),
                fullYear.minus(other.fullYear), carryIn.minus(other.carryIn), withdrawn.minus(other.withdrawn),
                executed.minus(other.executed), carryOut.minus(other.carryOut), lineCount - other.lineCount,
                otherFunds.minus(other.otherFunds), increases.minus(other.increases),
                decreases.minus(other.decreases), transfersIn.minus(other.transfersIn));
    }

    /** 预算执行率 = 执行数 ÷ 全年预算数; null when there is no budget. */
    public BigDecimal executionRate() {
        return Rates.ratio(executed, fullYear);
    }
}
