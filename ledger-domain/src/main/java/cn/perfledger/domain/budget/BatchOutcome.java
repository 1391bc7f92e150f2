package cn.perfledger.domain.budget;

import cn.perfledger.domain.common.CommandOutcome;
import java.util.List;

/**
 * The result of {@link BudgetCommand.RecordExpenditureBatch}: how many vouchers were recorded now and which
 * ones were skipped because the identical voucher had already been recorded.
 */
public record BatchOutcome(int recorded, int alreadyRecorded, List<String> alreadyRecordedVoucherNos)
        implements CommandOutcome {

    public BatchOutcome {
        alreadyRecordedVoucherNos = List.copyOf(alreadyRecordedVoucherNos);
    }

    @Override
    public boolean eventsRecorded() {
        return recorded > 0;
    }
}
