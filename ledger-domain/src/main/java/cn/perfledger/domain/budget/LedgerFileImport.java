package cn.perfledger.domain.budget;

import static cn.perfledger.domain.budget.Inputs.BATCH_ID_MAX;
import static cn.perfledger.domain.budget.Inputs.NAME_MAX;
import static cn.perfledger.domain.budget.Inputs.require;

import cn.perfledger.domain.budget.BudgetCommand.ImportLedgerFile;
import cn.perfledger.domain.budget.BudgetCommand.RecordExpenditure;
import cn.perfledger.domain.budget.BudgetEvent.LedgerFileImported;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.domain.common.Ids;
import cn.perfledger.domain.common.RowDecisions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The import of a clerk's ledger file ({@link ImportLedgerFile}): lines, budgets, adjustments and vouchers, all or
 * nothing, each row by the rules of its own command ({@link RowDecisions}). Keeps the SHA-256 of every file imported,
 * so that the same file again is a reported no-op.
 *
 * <p>Policies, by name: {@link #voucherOncePerFile}, {@link #adjustmentOncePerFile}, {@link #rowOfThisYear}; a closed year takes no file (an
 * import cannot state a post-close reason per row).
 */
final class LedgerFileImport {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    /** Imported files: SHA-256 of the file → import id, so that importing a file twice is a no-op. */
    private Map<String, String> importedFiles = new HashMap<>();

    /** For Axon (event sourcing) and Jackson (snapshots). */
    public LedgerFileImport() {
    }

    /**
     * The rows are decided one after the other on a draft of the ledger that takes each row's events, so every row
     * meets the rules of its own command against the ledger as the earlier rows leave it. Only when no row is
     * refused are the rows' events recorded, followed by {@link LedgerFileImported}; otherwise every refusal is
     * reported ({@link ImportRefusedException}) and nothing is.
     */
    Decision<LedgerImportOutcome> decide(ImportLedgerFile command, LedgerYear year, LineBook lines,
            VoucherBook vouchers) {
        String importId = Ids.requireText("importId", command.importId(), BATCH_ID_MAX);
        String fileName = Ids.requireText("fileName", command.fileName(), NAME_MAX);
        String sha256 = require("sha256", command.sha256(), "文件摘要不能为空");
        if (!SHA256_HEX.matcher(sha256).matches()) {
            throw new DomainException("sha256", "文件摘要须为 64 位小写十六进制 SHA-256: " + sha256);
        }
        List<BudgetCommand> rows = command.rows();
        if (rows == null || rows.isEmpty()) {
            throw new DomainException("rows", "导入文件没有数据行");
        }
        if (rows.size() > ImportLedgerFile.MAX_ROWS) {
            throw new DomainException("rows", "一个导入文件最多 " + ImportLedgerFile.MAX_ROWS + " 行，本文件 " + rows.size()
                    + " 行；请分成多个文件导入");
        }
        String earlierImport = importedFiles.get(sha256);
        if (earlierImport != null) {
            return new Decision<>(List.of(), new LedgerImportOutcome(false, true, earlierImport, rows.size(), 0,
                    List.of()));
        }
        if (year.closed()) {
            throw new DomainException("postCloseReason", "年度已结账，不能导入文件；结账后更正请逐笔登记并注明原因");
        }
        LedgerDraft draft = LedgerDraft.of(year, lines, vouchers);
        RowDecisions<BudgetEvent> decisions = new RowDecisions<>(draft::evolve, ImportRefusedException.MAX_LISTED);
        List<String> alreadyRecorded = new ArrayList<>();
        List<String> adjustmentsRecordedBefore = new ArrayList<>();
        Set<String> voucherNos = new HashSet<>();
        Map<String, Integer> adjustmentRows = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            BudgetCommand row = rows.get(i);
            int index = i;
            decisions.decide(i, "", () -> {
                voucherOncePerFile(row, voucherNos);
                adjustmentOncePerFile(row, index, adjustmentRows);
                rowOfThisYear(command.fiscalYearId(), row);
                Decision<?> decided = draft.decide(row, importId);
                if (decided.events().isEmpty() && row instanceof RecordExpenditure voucher) {
                    alreadyRecorded.add(voucher.entry().voucherNo().value());
                } else if (decided.outcome() instanceof AdjustmentOutcome adjustment && !adjustment.recorded()) {
                    adjustmentsRecordedBefore.add(adjustment.adjustment());
                }
                return decided.events();
            });
        }
        if (decisions.anyRefused()) {
            throw new ImportRefusedException(decisions.refusals().stream()
                    .map(r -> new ImportRefusedException.RowRefusal(r.row(), r.field(), r.rule(), r.conflict()))
                    .toList(), decisions.refusedCount());
        }
        List<BudgetEvent> events = new ArrayList<>(decisions.events());
        if (events.isEmpty()) {
            // every row was a voucher or an adjustment recorded before: nothing to record, not even the import
            return new Decision<>(List.of(), new LedgerImportOutcome(false, false, importId, rows.size(), 0,
                    alreadyRecorded, adjustmentsRecordedBefore));
        }
        LocalDate latest = events.get(0).effectiveDate();
        for (BudgetEvent event : events) {
            latest = event.effectiveDate().isAfter(latest) ? event.effectiveDate() : latest;
        }
        int rowEvents = events.size();
        events.add(new LedgerFileImported(command.fiscalYearId(), importId, fileName, sha256, rows.size(), rowEvents,
                latest));
        return new Decision<>(events, new LedgerImportOutcome(true, false, importId, rows.size(), rowEvents,
                alreadyRecorded, adjustmentsRecordedBefore));
    }

    /** 凭证号在一个文件中只出现一次: as in a batch, a repeated voucher row is a copy-and-paste slip. */
    private static void voucherOncePerFile(BudgetCommand row, Set<String> voucherNos) {
        if (row instanceof RecordExpenditure voucher && voucher.entry() != null && voucher.entry().voucherNo() != null
                && !voucherNos.add(voucher.entry().voucherNo().value())) {
            throw new DomainException("voucherNo", "凭证号在本文件中重复: " + voucher.entry().voucherNo());
        }
    }

    /**
     * 调整在一个文件中只出现一次: two rows of one file with the same 文号 and line(s) (or 调整编号) are a copy-and-paste
     * slip or two adjustments that need 调整编号 to be told apart.
     */
    private static void adjustmentOncePerFile(BudgetCommand row, int index, Map<String, Integer> firstRows) {
        String key = AdjustmentIdentity.fileKey(row);
        Integer first = key == null ? null : firstRows.putIfAbsent(key, index);
        if (first != null) {
            throw new DomainException("documentNo", "与第 " + first + " 条记录是同一笔调整（同一文号、同一预算行，或同一调整编号）；"
                    + "同一文号对同一预算行的两笔调整须分别填写调整编号");
        }
    }

    /** 导入行属于本部门年度. */
    static void rowOfThisYear(FiscalYearId target, BudgetCommand row) {
        require("rows", row, "导入行不能为空");
        if (!target.equals(row.fiscalYearId())) {
            throw new DomainException("fiscalYearId", "导入行属于另一个部门年度: " + row.fiscalYearId() + "（本次导入: " + target + "）");
        }
    }

    // ---- event sourcing (called by the ledger's handlers): assignment only ----

    void on(LedgerFileImported event) {
        importedFiles.put(event.sha256(), event.importId());
    }
}
