package cn.perfledger.app.demo;

import static cn.perfledger.app.demo.DemoSender.orEmpty;

import cn.perfledger.domain.budget.BudgetCommand;
import cn.perfledger.domain.budget.BudgetCommand.ExpenditureEntry;
import cn.perfledger.domain.budget.BudgetEvent.LineShare;
import cn.perfledger.domain.budget.BudgetEvent.UnitRef;
import cn.perfledger.domain.common.BudgetLineId;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.domain.common.Money;
import cn.perfledger.domain.common.ProcurementId;
import cn.perfledger.domain.common.RubricVersionId;
import cn.perfledger.domain.common.UnitCode;
import cn.perfledger.domain.common.VoucherNo;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * One seed year's budget ledger as commands: the year and its lines, then month by month its adjustments, vouchers
 * and execution notices, then withdrawals, procurement, fixed assets and the close.
 */
final class DemoLedgerYear {

    /** Voucher days inside a month and the share of the month's amount each takes (the last takes the rest). */
    private static final int[] VOUCHER_DAYS = {6, 13, 20, 27};
    private static final BigDecimal[] VOUCHER_SHARES = {new BigDecimal("0.20"), new BigDecimal("0.30"),
            new BigDecimal("0.15")};

    private final DemoScenario s;
    private final FiscalYearId year;
    private final DemoSender out;

    DemoLedgerYear(DemoScenario scenario, DemoSender out) {
        this.s = scenario;
        this.year = scenario.fiscalYearId();
        this.out = out;
    }

    void load() {
        List<UnitRef> units = s.department().units().stream()
                .map(u -> new UnitRef(new UnitCode(u.code()), u.name())).toList();
        out.send(new BudgetCommand.OpenFiscalYear(year, s.department().name(), units,
                new RubricVersionId(s.rubricVersion())), false);
        openLines();
        for (int month = 1; month <= 12; month++) {
            applyAdjustments(month);
            recordVouchers(month);
            for (DemoScenario.ExecutionNotice notice : orEmpty(s.executionNotices())) {
                if (notice.noticeDate().getMonthValue() == month) {
                    out.send(new BudgetCommand.RecordExecutionNotice(year, notice.documentNo(),
                            notice.requiredProgress(), notice.publishedRate(), notice.noticeDate()), notice.synthetic());
                }
            }
        }
        for (DemoScenario.BudgetLine line : s.budgetLines()) {
            for (DemoScenario.Withdrawal withdrawal : orEmpty(line.withdrawals())) {
                out.send(new BudgetCommand.WithdrawAppropriation(year, new BudgetLineId(line.id()),
                        s.money(withdrawal.amount()), withdrawal.documentNo(), withdrawal.reason(),
                        withdrawal.effectiveDate(), null), withdrawal.synthetic());
            }
        }
        loadProcurement();
        if (s.fixedAssets() != null) {
            DemoScenario.FixedAssets assets = s.fixedAssets();
            out.send(new BudgetCommand.RecordFixedAssets(year, s.money(assets.originalValue()),
                    s.money(assets.inUseValue()), assets.effectiveDate()), assets.synthetic());
        }
        out.send(new BudgetCommand.CloseFiscalYear(year, s.carryOverKindOverrides()), false);
    }

    private void openLines() {
        for (DemoScenario.BudgetLine line : s.budgetLines()) {
            BudgetLineId lineId = new BudgetLineId(line.id());
            out.send(new BudgetCommand.OpenBudgetLine(year, lineId, line.toSpec(), line.openedOn()), line.synthetic());
            if (line.initial() != null) {
                out.send(new BudgetCommand.ApproveInitialBudget(year, lineId, s.money(line.initial().amount()),
                        line.initial().documentNo(), line.initial().effectiveDate()), line.initial().synthetic());
            }
            if (line.carryIn() != null) {
                out.send(new BudgetCommand.RecordCarryIn(year, lineId, s.money(line.carryIn().amount()),
                        line.carryIn().kind()), line.carryIn().synthetic());
            }
        }
    }

    private void applyAdjustments(int month) {
        for (DemoScenario.BudgetLine line : s.budgetLines()) {
            for (DemoScenario.Adjustment adjustment : orEmpty(line.adjustments())) {
                if (adjustment.effectiveDate().getMonthValue() != month) {
                    continue;
                }
                BudgetLineId lineId = new BudgetLineId(line.id());
                Money amount = s.money(adjustment.amount());
                Object command = adjustment.type() == DemoScenario.AdjustmentType.INCREASE
                        ? new BudgetCommand.IncreaseBudget(year, lineId, amount, adjustment.documentNo(),
                                adjustment.reason(), adjustment.effectiveDate(), null)
                        : new BudgetCommand.DecreaseBudget(year, lineId, amount, adjustment.documentNo(),
                                adjustment.reason(), adjustment.effectiveDate(), null);
                out.send(command, adjustment.synthetic());
            }
        }
        for (DemoScenario.Transfer transfer : orEmpty(s.transfers())) {
            if (transfer.effectiveDate().getMonthValue() != month) {
                continue;
            }
            List<LineShare> shares = transfer.shares().stream()
                    .map(share -> new LineShare(new BudgetLineId(share.lineId()), s.money(share.amount()))).toList();
            out.send(new BudgetCommand.TransferBudget(year, shares, transfer.documentNo(), transfer.reason(),
                    transfer.effectiveDate(), null), transfer.synthetic());
        }
    }

    /**
     * The seeds publish only yearly (and for a few lines monthly) totals, so each line-month's amount is spread
     * over up to four generated vouchers that sum to it exactly; all of them are marked synthetic.
     */
    private void recordVouchers(int month) {
        YearMonth yearMonth = YearMonth.of(s.fiscalYear(), month);
        List<ExpenditureEntry> entries = new ArrayList<>();
        for (DemoScenario.BudgetLine line : s.budgetLines()) {
            List<BigDecimal> monthly = line.monthlyExecuted();
            if (monthly == null || monthly.isEmpty()) {
                continue;
            }
            Money amount = s.money(monthly.get(month - 1));
            if (amount.isZero()) {
                continue;
            }
            if (amount.isNegative()) {
                throw new IllegalStateException("demo line " + line.id() + " has a negative month " + month);
            }
            List<Money> parts = split(amount);
            for (int i = 0; i < parts.size(); i++) {
                int day = Math.min(VOUCHER_DAYS[4 - parts.size() + i], yearMonth.lengthOfMonth());
                LocalDate date = yearMonth.atDay(day);
                if (line.openedOn() != null && date.isBefore(line.openedOn())) {
                    date = line.openedOn(); // a line opened mid-month spends from its opening day on
                }
                String voucher = String.format("演示-%d%02d-%s-%d", s.fiscalYear(), month, line.id(), i + 1);
                entries.add(new ExpenditureEntry(new VoucherNo(voucher), new BudgetLineId(line.id()), parts.get(i),
                        date, "（演示数据）", truncate(line.label(), 200)));
            }
        }
        if (!entries.isEmpty()) {
            out.send(new BudgetCommand.RecordExpenditureBatch(year, String.format("demo-%s-%02d", year, month),
                    entries, null), true);
        }
    }

    /** Splits an amount into four parts (20%, 30%, 15%, rest) rounded down to the fen; small amounts stay whole. */
    static List<Money> split(Money amount) {
        if (amount.yuan().compareTo(new BigDecimal("100.00")) < 0) {
            return List.of(amount);
        }
        List<Money> parts = new ArrayList<>();
        Money rest = amount;
        for (BigDecimal share : VOUCHER_SHARES) {
            Money part = new Money(amount.yuan().multiply(share).setScale(2, RoundingMode.DOWN));
            parts.add(part);
            rest = rest.minus(part);
        }
        parts.add(rest);
        return parts;
    }

    private void loadProcurement() {
        for (DemoScenario.Procurement p : orEmpty(s.procurements())) {
            ProcurementId id = new ProcurementId(p.id());
            out.send(new BudgetCommand.PlanProcurement(year, id, p.name(), p.category(), s.money(p.planAmount()),
                    s.money(p.smeReserve()), p.plannedOn()), p.synthetic());
            for (DemoScenario.Contract contract : orEmpty(p.contracts())) {
                out.send(new BudgetCommand.SignProcurementContract(year, id, contract.contractNo(),
                        s.money(contract.amount()), contract.awardNoticeDate(), contract.signedDate()),
                        contract.synthetic());
                if (contract.filedDate() != null) {
                    out.send(new BudgetCommand.FileProcurementContract(year, id, contract.contractNo(),
                            contract.filedDate()), contract.synthetic());
                }
            }
            for (DemoScenario.ProcurementExecution execution : orEmpty(p.executions())) {
                out.send(new BudgetCommand.RecordProcurementExecution(year, id, s.money(execution.amount()),
                        s.money(execution.smeAwarded()), execution.effectiveDate()), execution.synthetic());
            }
        }
    }

    private static String truncate(String text, int max) {
        if (text == null) {
            return null;
        }
        return text.length() <= max ? text : text.substring(0, max);
    }
}
