package cn.perfledger.domain.budget;

import cn.perfledger.domain.common.CommandOutcome;

/**
 * The result of {@link BudgetCommand.RecordExpenditure}: {@code recorded} is false when the identical voucher
 * had already been recorded, so nothing was applied (the resubmission is a reported no-op).
 */
public record ExpenditureOutcome(boolean recorded, String voucherNo) implements CommandOutcome {

    @Override
    public boolean eventsRecorded() {
        return recorded;
    }

    static ExpenditureOutcome recorded(String voucherNo) {
        return new ExpenditureOutcome(true, voucherNo);
    }

    static ExpenditureOutcome alreadyRecorded(String voucherNo) {
        return new ExpenditureOutcome(false, voucherNo);
    }
}
