package cn.perfledger.app.ui.entry;

import cn.perfledger.app.imports.ledger.LedgerFilePreview;
import cn.perfledger.app.ui.Amount;
import cn.perfledger.domain.budget.BudgetCommand;
import cn.perfledger.domain.budget.BudgetCommand.ApproveInitialBudget;
import cn.perfledger.domain.budget.BudgetCommand.DecreaseBudget;
import cn.perfledger.domain.budget.BudgetCommand.IncreaseBudget;
import cn.perfledger.domain.budget.BudgetCommand.OpenBudgetLine;
import cn.perfledger.domain.budget.BudgetCommand.RecordExpenditure;
import cn.perfledger.domain.budget.BudgetCommand.TransferBudget;
import cn.perfledger.domain.budget.BudgetEvent.LineShare;
import cn.perfledger.domain.common.Money;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The preview of a ledger file as the upload page shows it: rows and amounts per 记录类型 (调剂 counted by the amount
 * moved) and the first rows as they will be recorded.
 */
public record UploadPreview(LedgerFilePreview file, List<Total> totals, List<RowView> rows, int hiddenRows) {

    /** Rows and the sum of amounts of one 记录类型 (amount null for 预算科目, which carry none). */
    public record Total(String typeLabel, int rows, Amount amount) {
    }

    public record RowView(int rowNumber, String typeLabel, String line, String date, String reference, Amount amount) {
    }

    static final int SHOWN_ROWS = 100;

    static UploadPreview of(LedgerFilePreview file) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, Money> sums = new LinkedHashMap<>();
        List<RowView> rows = new ArrayList<>();
        for (LedgerFilePreview.Row row : file.rows()) {
            counts.computeIfAbsent(row.typeLabel(), t -> new int[1])[0]++;
            Money amount = amount(row.command());
            if (amount != null) {
                sums.merge(row.typeLabel(), amount, Money::plus);
            }
            if (rows.size() < SHOWN_ROWS) {
                rows.add(view(row, amount));
            }
        }
        List<Total> totals = new ArrayList<>();
        counts.forEach((type, n) -> totals.add(new Total(type, n[0], Amount.of(sums.get(type)))));
        return new UploadPreview(file, totals, rows, Math.max(0, file.rows().size() - SHOWN_ROWS));
    }

    public boolean importable() {
        return file.errorCount() == 0 && !file.rows().isEmpty();
    }

    private static Money amount(BudgetCommand command) {
        if (command instanceof ApproveInitialBudget c) {
            return c.amount();
        } else if (command instanceof IncreaseBudget c) {
            return c.amount();
        } else if (command instanceof DecreaseBudget c) {
            return c.amount();
        } else if (command instanceof RecordExpenditure c) {
            return c.entry().amount();
        } else if (command instanceof TransferBudget c) {
            return c.shares().stream().map(LineShare::amount).filter(Money::isPositive).reduce(Money.ZERO, Money::plus);
        }
        return null;
    }

    private static RowView view(LedgerFilePreview.Row row, Money amount) {
        BudgetCommand command = row.command();
        String line = null;
        String date = null;
        String reference = null;
        if (command instanceof OpenBudgetLine c) {
            line = c.lineId().toString();
            date = String.valueOf(c.effectiveDate());
        } else if (command instanceof ApproveInitialBudget c) {
            line = c.lineId().toString();
            date = String.valueOf(c.effectiveDate());
            reference = c.documentNo();
        } else if (command instanceof IncreaseBudget c) {
            line = c.lineId().toString();
            date = String.valueOf(c.effectiveDate());
            reference = c.documentNo();
        } else if (command instanceof DecreaseBudget c) {
            line = c.lineId().toString();
            date = String.valueOf(c.effectiveDate());
            reference = c.documentNo();
        } else if (command instanceof TransferBudget c) {
            line = String.join(" → ", c.shares().stream().map(s -> s.lineId().toString()).toList());
            date = String.valueOf(c.effectiveDate());
            reference = c.documentNo();
        } else if (command instanceof RecordExpenditure c) {
            line = c.entry().lineId().toString();
            date = String.valueOf(c.entry().effectiveDate());
            reference = c.entry().voucherNo().toString();
        }
        return new RowView(row.rowNumber(), row.typeLabel(), line, date, reference, Amount.of(amount));
    }
}
