package cn.perfledger.domain.budget;

import static cn.perfledger.domain.budget.Inputs.BATCH_ID_MAX;
import static cn.perfledger.domain.budget.Inputs.NAME_MAX;
import static cn.perfledger.domain.budget.Inputs.require;

import cn.perfledger.domain.budget.BudgetCommand.ApproveInitialBudget;
import cn.perfledger.domain.budget.BudgetCommand.DecreaseBudget;
import cn.perfledger.domain.budget.BudgetCommand.ImportLedgerFile;
import cn.perfledger.domain.budget.BudgetCommand.IncreaseBudget;
import cn.perfledger.domain.budget.BudgetCommand.OpenBudgetLine;
import cn.perfledger.domain.budget.BudgetCommand.RecordExpenditure;
import cn.perfledger.domain.budget.BudgetCommand.TransferBudget;
import cn.perfledger.domain.budget.BudgetEvent.BudgetDecreased;
import cn.perfledger.domain.budget.BudgetEvent.BudgetIncreased;
import cn.perfledger.domain.budget.BudgetEvent.BudgetLineOpened;
import cn.perfledger.domain.budget.BudgetEvent.BudgetTransferred;
import cn.perfledger.domain.budget.BudgetEvent.ExpenditureRecorded;
import cn.perfledger.domain.budget.BudgetEvent.InitialBudgetApproved;
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
 * <p>Policies, by name: {@link #voucherOncePerFile}, {@link #rowOfThisYear}; a closed year takes no file (an
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
        Draft draft = new Draft(year, lines.copy(), vouchers.draftForImport());
        RowDecisions<BudgetEvent> decisions = new RowDecisions<>(draft::evolve, ImportRefusedException.MAX_LISTED);
        List<String> alreadyRecorded = new ArrayList<>();
        Set<String> voucherNos = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            BudgetCommand row = rows.get(i);
            decisions.decide(i, "", () -> {
                voucherOncePerFile(row, voucherNos);
                List<BudgetEvent> events = draft.decide(command.fiscalYearId(), row, importId);
                if (events.isEmpty() && row instanceof RecordExpenditure voucher) {
                    alreadyRecorded.add(voucher.entry().voucherNo().value());
                }
                return events;
            });
        }
        if (decisions.anyRefused()) {
            throw new ImportRefusedException(decisions.refusals().stream()
                    .map(r -> new ImportRefusedException.RowRefusal(r.row(), r.field(), r.rule(), r.conflict()))
                    .toList(), decisions.refusedCount());
        }
        List<BudgetEvent> events = new ArrayList<>(decisions.events());
        if (events.isEmpty()) {
            // every row was a voucher recorded before: nothing to record, not even the import
            return new Decision<>(List.of(), new LedgerImportOutcome(false, false, importId, rows.size(), 0,
                    alreadyRecorded));
        }
        LocalDate latest = events.get(0).effectiveDate();
        for (BudgetEvent event : events) {
            latest = event.effectiveDate().isAfter(latest) ? event.effectiveDate() : latest;
        }
        int rowEvents = events.size();
        events.add(new LedgerFileImported(command.fiscalYearId(), importId, fileName, sha256, rows.size(), rowEvents,
                latest));
        return new Decision<>(events, new LedgerImportOutcome(true, false, importId, rows.size(), rowEvents,
                alreadyRecorded));
    }

    /** 凭证号在一个文件中只出现一次: as in a batch, a repeated voucher row is a copy-and-paste slip. */
    private static void voucherOncePerFile(BudgetCommand row, Set<String> voucherNos) {
        if (row instanceof RecordExpenditure voucher && voucher.entry() != null && voucher.entry().voucherNo() != null
                && !voucherNos.add(voucher.entry().voucherNo().value())) {
            throw new DomainException("entry.voucherNo", "凭证号在本文件中重复: " + voucher.entry().voucherNo());
        }
    }

    /** 导入行属于本部门年度. */
    private static void rowOfThisYear(FiscalYearId target, BudgetCommand row) {
        require("rows", row, "导入行不能为空");
        if (!target.equals(row.fiscalYearId())) {
            throw new DomainException("fiscalYearId", "导入行属于另一个部门年度: " + row.fiscalYearId() + "（本次导入: " + target + "）");
        }
    }

    /**
     * The ledger as the rows decided so far leave it. It copies what the events of import rows change (the line book,
     * the voucher index) and shares the year, which they never touch.
     */
    private record Draft(LedgerYear year, LineBook lines, VoucherBook vouchers) {

        /** One row by the rules of its own command; vouchers are tagged with the import id as their batch. */
        List<BudgetEvent> decide(FiscalYearId target, BudgetCommand row, String importId) {
            rowOfThisYear(target, row);
            if (row instanceof OpenBudgetLine c) {
                return List.of(lines.decide(c, year));
            } else if (row instanceof ApproveInitialBudget c) {
                return List.of(lines.decide(c, year));
            } else if (row instanceof IncreaseBudget c) {
                return List.of(lines.decide(c, year));
            } else if (row instanceof DecreaseBudget c) {
                return List.of(lines.decide(c, year));
            } else if (row instanceof TransferBudget c) {
                return List.of(lines.decide(c, year));
            } else if (row instanceof RecordExpenditure c) {
                return vouchers.decide(c, importId, year, lines).<List<BudgetEvent>>map(List::of).orElse(List.of());
            }
            throw new DomainException("rows", "导入文件不支持此类记录: " + row.getClass().getSimpleName());
        }

        /** Moves the draft on through the same event-sourcing handlers as the ledger. */
        void evolve(BudgetEvent event) {
            if (event instanceof BudgetLineOpened e) {
                lines.on(e);
            } else if (event instanceof InitialBudgetApproved e) {
                lines.on(e);
            } else if (event instanceof BudgetIncreased e) {
                lines.on(e);
            } else if (event instanceof BudgetDecreased e) {
                lines.on(e);
            } else if (event instanceof BudgetTransferred e) {
                lines.on(e);
            } else if (event instanceof ExpenditureRecorded e) {
                vouchers.on(e);
                lines.on(e);
            } else {
                throw new IllegalStateException("not an import row's event: " + event.getClass().getSimpleName());
            }
        }
    }

    // ---- event sourcing (called by the ledger's handlers): assignment only ----

    void on(LedgerFileImported event) {
        importedFiles.put(event.sha256(), event.importId());
    }
}
