package cn.perfledger.domain.budget;

import cn.perfledger.domain.common.CommandOutcome;

/**
 * The result of {@link BudgetCommand.IncreaseBudget}, {@link BudgetCommand.DecreaseBudget} and
 * {@link BudgetCommand.TransferBudget}: {@code recorded} is false when the identical adjustment had already been
 * recorded, so nothing was applied (a reported no-op). {@code adjustment} names it: its kind, 文号 and line(s), or its
 * 调整编号.
 */
public record AdjustmentOutcome(boolean recorded, String adjustment) implements CommandOutcome {

    @Override
    public boolean eventsRecorded() {
        return recorded;
    }
}
