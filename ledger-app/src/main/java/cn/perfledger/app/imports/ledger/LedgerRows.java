package cn.perfledger.app.imports.ledger;

import static cn.perfledger.app.imports.ledger.LedgerColumn.ADJUSTMENT_ID;
import static cn.perfledger.app.imports.ledger.LedgerColumn.AMOUNT;
import static cn.perfledger.app.imports.ledger.LedgerColumn.DOCUMENT_NO;
import static cn.perfledger.app.imports.ledger.LedgerColumn.ECONOMIC_CODE;
import static cn.perfledger.app.imports.ledger.LedgerColumn.EFFECTIVE_DATE;
import static cn.perfledger.app.imports.ledger.LedgerColumn.FUNCTIONAL_CODE;
import static cn.perfledger.app.imports.ledger.LedgerColumn.FUNDING_SOURCE;
import static cn.perfledger.app.imports.ledger.LedgerColumn.KIND;
import static cn.perfledger.app.imports.ledger.LedgerColumn.LINE_ID;
import static cn.perfledger.app.imports.ledger.LedgerColumn.ORIGINAL_VOUCHER_NO;
import static cn.perfledger.app.imports.ledger.LedgerColumn.PAYEE;
import static cn.perfledger.app.imports.ledger.LedgerColumn.PROJECT_CODE;
import static cn.perfledger.app.imports.ledger.LedgerColumn.PROJECT_NAME;
import static cn.perfledger.app.imports.ledger.LedgerColumn.REASON;
import static cn.perfledger.app.imports.ledger.LedgerColumn.RECORD_TYPE;
import static cn.perfledger.app.imports.ledger.LedgerColumn.SUMMARY;
import static cn.perfledger.app.imports.ledger.LedgerColumn.TARGET_LINE_ID;
import static cn.perfledger.app.imports.ledger.LedgerColumn.UNIT;
import static cn.perfledger.app.imports.ledger.LedgerColumn.VOUCHER_NO;

import cn.perfledger.app.imports.ledger.ParsedLedgerFile.ParsedRow;
import cn.perfledger.app.imports.sheet.CellError;
import cn.perfledger.app.imports.sheet.SheetRow;
import cn.perfledger.domain.budget.BudgetCommand;
import cn.perfledger.domain.budget.BudgetCommand.ApproveInitialBudget;
import cn.perfledger.domain.budget.BudgetCommand.DecreaseBudget;
import cn.perfledger.domain.budget.BudgetCommand.ExpenditureEntry;
import cn.perfledger.domain.budget.BudgetCommand.IncreaseBudget;
import cn.perfledger.domain.budget.BudgetCommand.OpenBudgetLine;
import cn.perfledger.domain.budget.BudgetCommand.RecordExpenditure;
import cn.perfledger.domain.budget.BudgetCommand.ReverseExpenditure;
import cn.perfledger.domain.budget.BudgetCommand.TransferBudget;
import cn.perfledger.domain.budget.BudgetEvent.LineShare;
import cn.perfledger.domain.budget.BudgetLineSpec;
import cn.perfledger.domain.budget.EconomicCode;
import cn.perfledger.domain.budget.ExpenditureKind;
import cn.perfledger.domain.budget.FunctionalCode;
import cn.perfledger.domain.budget.FundingSource;
import cn.perfledger.domain.common.BudgetLineId;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.domain.common.Money;
import cn.perfledger.domain.common.UnitCode;
import cn.perfledger.domain.common.VoucherNo;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The data rows of a ledger file, each turned into the command the REST API would send for it, by its 记录类型
 * ({@link RecordType}); a row with a wrong cell becomes no command (the errors are in {@link LedgerCells}).
 *
 * <p>Reversals (冲销, 红字): a 冲销 row, or a 支出凭证 row whose 金额 is red (negative), reverses the voucher its
 * 原凭证号 names by the (positive) amount, under its own new 凭证号, for the reason in 摘要 — the same
 * {@link ReverseExpenditure} as {@code POST …/reversals}. A 支出凭证 row with a positive amount and a 原凭证号 is the
 * correction of that (reversed) voucher ({@link RecordExpenditure#correctionOf()}).
 */
final class LedgerRows {

    private final LedgerCells cells;
    private final FiscalYearId yearId;
    private final int headerRow;
    private final Set<LedgerColumn> reportedMissingColumns = EnumSet.noneOf(LedgerColumn.class);

    LedgerRows(LedgerCells cells, FiscalYearId yearId, int headerRow) {
        this.cells = cells;
        this.yearId = yearId;
        this.headerRow = headerRow;
    }

    /** The row's command, or null when a cell of it is wrong (the errors are recorded). */
    ParsedRow parse(SheetRow row) {
        String typeText = cells.cell(row, RECORD_TYPE);
        if (typeText.isEmpty()) {
            cells.error(row, RECORD_TYPE, "缺少记录类型（可选: " + RecordType.labels() + "）");
            return null;
        }
        RecordType type = RecordType.of(typeText).orElse(null);
        if (type == null) {
            cells.error(row, RECORD_TYPE, "记录类型无效: " + typeText + "（可选: " + RecordType.labels() + "）");
            return null;
        }
        int errorsBefore = cells.errorCount();
        String label = type.label();
        if (type == RecordType.VOUCHER && isRed(row)) {
            type = RecordType.REVERSAL; // a red voucher row is a reversal and needs what a 冲销 row needs
            label = "红字支出凭证（冲销）";
        }
        for (LedgerColumn required : type.required()) {
            requirePresent(row, type, label, required);
        }
        BudgetCommand command = switch (type) {
            case BUDGET_LINE -> budgetLine(row);
            case INITIAL_BUDGET -> new ApproveInitialBudget(yearId, cells.lineId(row, LINE_ID), cells.amount(row),
                    cells.text(row, DOCUMENT_NO), cells.date(row));
            case INCREASE -> new IncreaseBudget(yearId, cells.lineId(row, LINE_ID), cells.amount(row),
                    cells.text(row, DOCUMENT_NO), cells.text(row, REASON), cells.date(row), null,
                    cells.text(row, ADJUSTMENT_ID));
            case DECREASE -> new DecreaseBudget(yearId, cells.lineId(row, LINE_ID), cells.amount(row),
                    cells.text(row, DOCUMENT_NO), cells.text(row, REASON), cells.date(row), null,
                    cells.text(row, ADJUSTMENT_ID));
            case TRANSFER -> transfer(row);
            case VOUCHER -> new RecordExpenditure(yearId, new ExpenditureEntry(
                    cells.value(row, VOUCHER_NO, VoucherNo::new), cells.lineId(row, LINE_ID), cells.amount(row),
                    cells.date(row), cells.text(row, PAYEE), cells.text(row, SUMMARY)),
                    cells.value(row, ORIGINAL_VOUCHER_NO, VoucherNo::new), null);
            case REVERSAL -> reversal(row);
        };
        return cells.errorCount() == errorsBefore ? new ParsedRow(row.number(), type, command) : null;
    }

    /** Whether the row's 金额 is written negative (as finance software exports a 红字 voucher). */
    private boolean isRed(SheetRow row) {
        String amount = cells.cell(row, AMOUNT);
        return amount.startsWith("-") || amount.startsWith("－");
    }

    /**
     * A 冲销 row or a red 支出凭证 row. A red row's 预算行编号, if filled, is not read: the reversal takes the
     * original voucher's line, and the ledger does not ask for it.
     */
    private BudgetCommand reversal(SheetRow row) {
        LedgerCells.Amount amount = cells.signedAmount(row, RecordType.of(cells.cell(row, RECORD_TYPE))
                .filter(t -> t == RecordType.VOUCHER).isPresent());
        return new ReverseExpenditure(yearId, cells.value(row, VOUCHER_NO, VoucherNo::new),
                cells.value(row, ORIGINAL_VOUCHER_NO, VoucherNo::new), amount == null ? null : amount.money(),
                reversalReason(row), cells.date(row), null);
    }

    /**
     * A reversal has one reason: its 调整原因 or, as a red voucher is usually written, its 摘要. Both filled and
     * different is refused, since one of them would be lost.
     */
    private String reversalReason(SheetRow row) {
        String reason = cells.text(row, REASON);
        String summary = cells.text(row, SUMMARY);
        if (reason != null && summary != null && !reason.equals(summary)) {
            cells.error(row, SUMMARY, "冲销只记一个原因：调整原因与摘要都已填写且不同，请只填其中一个");
            return null;
        }
        if (reason == null && summary == null && cells.cell(row, REASON).isEmpty()
                && cells.cell(row, SUMMARY).isEmpty()) {
            LedgerColumn at = cells.columns.containsKey(SUMMARY) || !cells.columns.containsKey(REASON) ? SUMMARY : REASON;
            cells.error(row, at, "冲销记录必须填写冲销原因（摘要或调整原因）");
        }
        return reason != null ? reason : summary;
    }

    private BudgetCommand budgetLine(SheetRow row) {
        BudgetLineId lineId = cells.lineId(row, LINE_ID);
        UnitCode unitCode = cells.value(row, UNIT, UnitCode::new);
        FundingSource source = cells.choice(row, FUNDING_SOURCE, LedgerCodes::fundingSource,
                "资金来源无效（可选: 一般公共预算、政府性基金预算、国有资本经营预算、财政专户、其他）");
        ExpenditureKind kind = cells.choice(row, KIND, LedgerCodes::expenditureKind,
                "支出类型无效（可选: 人员经费、公用经费、项目支出）");
        String projectCode = cells.text(row, PROJECT_CODE);
        String projectName = cells.text(row, PROJECT_NAME);
        FunctionalCode functional = cells.value(row, FUNCTIONAL_CODE, FunctionalCode::new);
        EconomicCode economic = cells.value(row, ECONOMIC_CODE, EconomicCode::new);
        LocalDate date = cells.cell(row, EFFECTIVE_DATE).isEmpty() ? yearId.year().firstDay() : cells.date(row);
        if (unitCode == null || source == null || kind == null || functional == null || economic == null) {
            return null;
        }
        try {
            BudgetLineSpec spec = new BudgetLineSpec(unitCode, source, kind, projectCode, projectName, functional,
                    economic);
            return new OpenBudgetLine(yearId, lineId, spec, date);
        } catch (DomainException e) {
            // the spec's own rules (project fields only for 项目支出, personnel codes for 人员经费, …)
            cells.error(row, LedgerCodes.columnFor(RecordType.BUDGET_LINE, e.field()), e.rule());
            return null;
        }
    }

    /** 调剂 moves the amount from the 预算行编号 line to the 调入预算行编号 line: two shares summing to zero. */
    private BudgetCommand transfer(SheetRow row) {
        BudgetLineId from = cells.lineId(row, LINE_ID);
        BudgetLineId to = cells.lineId(row, TARGET_LINE_ID);
        Money amount = cells.amount(row);
        String documentNo = cells.text(row, DOCUMENT_NO);
        String reason = cells.text(row, REASON);
        LocalDate date = cells.date(row);
        String adjustmentId = cells.text(row, ADJUSTMENT_ID);
        if (amount == null) {
            return null;
        }
        return new TransferBudget(yearId, List.of(new LineShare(from, amount.negate()), new LineShare(to, amount)),
                documentNo, reason, date, null, adjustmentId);
    }

    private void requirePresent(SheetRow row, RecordType type, String label, LedgerColumn column) {
        if (!cells.columns.containsKey(column)) {
            if (reportedMissingColumns.add(column)) {
                cells.add(CellError.ofCell(headerRow, column.header(), -1, column.field(),
                        "表头缺少“" + column.header() + "”列：" + label + "记录需要此列"));
            } else {
                cells.countOnly(); // counted so that the row is not imported; reported once at the header
            }
            return;
        }
        if (cells.cell(row, column).isEmpty()) {
            cells.error(row, column, label + "记录必须填写" + column.header());
        }
    }
}
