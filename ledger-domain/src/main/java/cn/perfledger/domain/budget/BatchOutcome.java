package cn.perfledger.domain.budget;

import cn.perfledger.domain.common.CommandOutcome;
import java.util.List;

/**
 * The result of {@link BudgetCommand.RecordExpenditureBatch}: how many vouchers (corrections included) were recorded
 * now, which ones were skipped because the identical voucher had already been recorded, and how many reversals
 * were recorded.
 */
public record BatchOutcome(int recorded, int alreadyRecorded, List<String> alreadyRecordedVoucherNos, int reversed)
        implements CommandOutcome {

    /** A batch without reversals. */
    public BatchOutcome(int recorded, int alreadyRecorded, List<String> alreadyRecordedVoucherNos) {
        this(recorded, alreadyRecorded, alreadyRecordedVoucherNos, 0);
    }

    public BatchOutcome {
        alreadyRecordedVoucherNos = List.copyOf(alreadyRecordedVoucherNos);
    }

    @Override
    public boolean eventsRecorded() {
        return recorded > 0 || reversed > 0;
    }
}
