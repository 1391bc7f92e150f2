package cn.perfledger.domain.budget;

import cn.perfledger.domain.budget.BudgetCommand.ApproveInitialBudget;
import cn.perfledger.domain.budget.BudgetCommand.DecreaseBudget;
import cn.perfledger.domain.budget.BudgetCommand.IncreaseBudget;
import cn.perfledger.domain.budget.BudgetCommand.OpenBudgetLine;
import cn.perfledger.domain.budget.BudgetCommand.RecordExpenditure;
import cn.perfledger.domain.budget.BudgetCommand.ReverseExpenditure;
import cn.perfledger.domain.budget.BudgetCommand.TransferBudget;
import cn.perfledger.domain.budget.BudgetEvent.BudgetDecreased;
import cn.perfledger.domain.budget.BudgetEvent.BudgetIncreased;
import cn.perfledger.domain.budget.BudgetEvent.BudgetLineOpened;
import cn.perfledger.domain.budget.BudgetEvent.BudgetTransferred;
import cn.perfledger.domain.budget.BudgetEvent.ExpenditureRecorded;
import cn.perfledger.domain.budget.BudgetEvent.ExpenditureReversed;
import cn.perfledger.domain.budget.BudgetEvent.InitialBudgetApproved;
import cn.perfledger.domain.common.DomainException;

/**
 * The ledger as the rows of a file or the parts of a batch decided so far leave it, to decide the next one on. It
 * copies what those rows change (the line book, the voucher index) and shares the year, which they never touch.
 * Rows are decided by the rules of their own single commands; nothing of a draft reaches the ledger unless the
 * whole file or batch passes.
 */
record LedgerDraft(LedgerYear year, LineBook lines, VoucherBook vouchers) {

    static LedgerDraft of(LedgerYear year, LineBook lines, VoucherBook vouchers) {
        return new LedgerDraft(year, lines.copy(), vouchers.draft());
    }

    /**
     * One row by the rules of its own command (its events, none for a repeat, and its outcome); vouchers are
     * tagged with {@code batchId} (the import id) as their batch.
     */
    Decision<?> decide(BudgetCommand row, String batchId) {
        if (row instanceof OpenBudgetLine c) {
            return Decision.of(lines.decide(c, year), c.lineId());
        } else if (row instanceof ApproveInitialBudget c) {
            return Decision.of(lines.decide(c, year), c.lineId());
        } else if (row instanceof IncreaseBudget c) {
            return lines.decide(c, year);
        } else if (row instanceof DecreaseBudget c) {
            return lines.decide(c, year);
        } else if (row instanceof TransferBudget c) {
            return lines.decide(c, year);
        } else if (row instanceof RecordExpenditure c) {
            return vouchers.decide(c, batchId, year, lines).map(e -> Decision.of(e, c.entry().voucherNo()))
                    .orElseGet(() -> Decision.none(c.entry().voucherNo()));
        } else if (row instanceof ReverseExpenditure c) {
            return Decision.of(vouchers.decide(c, year), c.voucherNo());
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
        } else if (event instanceof ExpenditureReversed e) {
            vouchers.on(e);
            lines.on(e);
        } else {
            throw new IllegalStateException("not an import row's event: " + event.getClass().getSimpleName());
        }
    }
}
