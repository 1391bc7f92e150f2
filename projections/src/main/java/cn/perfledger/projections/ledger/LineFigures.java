package cn.perfledger.projections.ledger;

import cn.perfledger.domain.budget.BudgetLineSpec;
import cn.perfledger.domain.budget.CarryOverKind;
import cn.perfledger.domain.common.BudgetLineId;
import cn.perfledger.domain.common.Money;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The running figures of one budget line. Mutable only inside {@link LedgerFold}; readers get the
 * derived amounts through the accessors.
 */
public final class LineFigures {

    private final BudgetLineId lineId;
    private final BudgetLineSpec spec;
    private Money initial = Money.ZERO;
    private Money adjustments = Money.ZERO;
    private Money carryIn = Money.ZERO;
    private CarryOverKind carryInKind;
    private Money withdrawn = Money.ZERO;
    private Money otherFunds = Money.ZERO;
    private Money increases = Money.ZERO;
    private Money decreases = Money.ZERO;
    private Money transfersIn = Money.ZERO;
    private Money spent = Money.ZERO;
    private Money reversed = Money.ZERO;
    private final Money[] executedByMonth = new Money[12];
    private final List<Adjustment> adjustmentHistory = new ArrayList<>();
    /** Bumped by every change of the figures, so that a running sum re-adds only the lines that changed. */
    private int version;

    LineFigures(BudgetLineId lineId, BudgetLineSpec spec) {
        this.lineId = lineId;
        this.spec = spec;
        java.util.Arrays.fill(executedByMonth, Money.ZERO);
    }

    /** An independent copy (a fold checkpoint continues from it). */
    LineFigures copy() {
        LineFigures copy = new LineFigures(lineId, spec);
        copy.initial = initial;
        copy.adjustments = adjustments;
        copy.carryIn = carryIn;
        copy.carryInKind = carryInKind;
        copy.withdrawn = withdrawn;
        copy.otherFunds = otherFunds;
        copy.increases = increases;
        copy.decreases = decreases;
        copy.transfersIn = transfersIn;
        copy.spent = spent;
        copy.reversed = reversed;
        System.arraycopy(executedByMonth, 0, copy.executedByMonth, 0, executedByMonth.length);
        copy.adjustmentHistory.addAll(adjustmentHistory);
        copy.version = version;
        return copy;
    }

    void approveInitial(Money amount) {
        version++;
        initial = initial.plus(amount);
    }

    void adjust(Adjustment adjustment) {
        version++;
        adjustments = adjustments.plus(adjustment.amount());
        switch (adjustment.kind()) {
            case INCREASE -> increases = increases.plus(adjustment.amount());
            case DECREASE -> decreases = decreases.minus(adjustment.amount());
            case TRANSFER -> transfersIn = adjustment.amount().isNegative() ? transfersIn
                    : transfersIn.plus(adjustment.amount());
        }
        adjustmentHistory.add(adjustment);
    }

    void carryIn(Money amount, CarryOverKind kind) {
        version++;
        carryIn = carryIn.plus(amount);
        carryInKind = kind;
    }

    void receiveOtherFunds(Money amount) {
        version++;
        otherFunds = otherFunds.plus(amount);
    }

    void withdraw(Money amount) {
        version++;
        withdrawn = withdrawn.plus(amount);
    }

    void spend(Money amount, int month) {
        version++;
        spent = spent.plus(amount);
        executedByMonth[month - 1] = executedByMonth[month - 1].plus(amount);
    }

    void reverse(Money amount, int month) {
        version++;
        reversed = reversed.plus(amount);
        executedByMonth[month - 1] = executedByMonth[month - 1].minus(amount);
    }

    /** Changes whenever the line's figures change (not a count to rely on: it only tells "changed or not"). */
    int version() {
        return version;
    }

    public BudgetLineId lineId() {
        return lineId;
    }

    public BudgetLineSpec spec() {
        return spec;
    }

    /** 年初预算. */
    public Money initial() {
        return initial;
    }

    /** Σ 调整 (increases − decreases ± transfers). */
    public Money adjustments() {
        return adjustments;
    }

    /** 全年预算数 / 调整后预算 = initial + Σ adjustments. */
    public Money fullYear() {
        return initial.plus(adjustments);
    }

    /** 年初结转和结余. */
    public Money carryIn() {
        return carryIn;
    }

    public CarryOverKind carryInKind() {
        return carryInKind;
    }

    /** 指标收回/注销. */
    public Money withdrawn() {
        return withdrawn;
    }

    /** 其他资金收入: other funds received beyond the budget (lines funded from other sources only). */
    public Money otherFunds() {
        return otherFunds;
    }

    /** Σ 追加 (positive). */
    public Money increases() {
        return increases;
    }

    /** Σ 调减, as a positive amount. */
    public Money decreases() {
        return decreases;
    }

    /** Σ 调剂调入 (the positive shares of transfers). */
    public Money transfersIn() {
        return transfersIn;
    }

    /** What may be spent in total: full-year + carry-in + other funds received − withdrawn. */
    public Money available() {
        return fullYear().plus(carryIn).plus(otherFunds).minus(withdrawn);
    }

    /** 执行数 = Σ expenditures − Σ reversals. */
    public Money executed() {
        return spent.minus(reversed);
    }

    /** Gross expenditure before reversals. */
    public Money grossSpent() {
        return spent;
    }

    public Money reversed() {
        return reversed;
    }

    /** 年末结转和结余 as the ledger stands: available − executed. */
    public Money carryOut() {
        return available().minus(executed());
    }

    /** Net executed amount in month 1..12. */
    public Money executedInMonth(int month) {
        return executedByMonth[month - 1];
    }

    public List<Adjustment> adjustmentHistory() {
        return Collections.unmodifiableList(adjustmentHistory);
    }
}
