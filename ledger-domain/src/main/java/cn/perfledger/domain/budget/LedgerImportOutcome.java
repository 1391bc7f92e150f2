package cn.perfledger.domain.budget;

import cn.perfledger.domain.common.CommandOutcome;
import java.util.List;

/**
 * The result of {@link BudgetCommand.ImportLedgerFile}.
 *
 * @param recorded                  whether events were recorded now
 * @param alreadyImported           the same file (same SHA-256) had been imported before: nothing was recorded
 * @param importId                  this import's id, or the earlier import's id when {@code alreadyImported}
 * @param rowCount                  rows in the file
 * @param eventCount                events recorded for the rows (0 when nothing was recorded)
 * @param alreadyRecordedVoucherNos vouchers of the file that had been recorded before with the identical payload
 *                                  and were therefore skipped, as a single resubmitted voucher is
 */
public record LedgerImportOutcome(boolean recorded, boolean alreadyImported, String importId, int rowCount,
        int eventCount, List<String> alreadyRecordedVoucherNos) implements CommandOutcome {

    @Override
    public boolean eventsRecorded() {
        return recorded;
    }

    public LedgerImportOutcome {
        alreadyRecordedVoucherNos = List.copyOf(alreadyRecordedVoucherNos);
    }
}
