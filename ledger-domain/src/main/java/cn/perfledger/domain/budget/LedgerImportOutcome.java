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
 * @param alreadyRecordedAdjustments adjustments (追加, 追减, 调剂) of the file recorded before with the identical
 *                                  content and therefore skipped, each named by its kind, 文号 and line(s) or by its
 *                                  调整编号
 */
public record LedgerImportOutcome(boolean recorded, boolean alreadyImported, String importId, int rowCount,
        int eventCount, List<String> alreadyRecordedVoucherNos,
        List<String> alreadyRecordedAdjustments) implements CommandOutcome {

    @Override
    public boolean eventsRecorded() {
        return recorded;
    }

    public LedgerImportOutcome {
        alreadyRecordedVoucherNos = List.copyOf(alreadyRecordedVoucherNos);
        alreadyRecordedAdjustments = List.copyOf(alreadyRecordedAdjustments);
    }

    /** An outcome without adjustments recorded before. */
    public LedgerImportOutcome(boolean recorded, boolean alreadyImported, String importId, int rowCount,
            int eventCount, List<String> alreadyRecordedVoucherNos) {
        this(recorded, alreadyImported, importId, rowCount, eventCount, alreadyRecordedVoucherNos, List.of());
    }
}
