package cn.perfledger.projections.scoring;

import cn.perfledger.domain.budget.BudgetEvent.BudgetLineOpened;
import cn.perfledger.domain.budget.BudgetEvent.CarryInRecorded;
import cn.perfledger.domain.budget.BudgetEvent.ExecutionNoticeRecorded;
import cn.perfledger.domain.budget.BudgetEvent.ExpenditureRecorded;
import cn.perfledger.domain.budget.BudgetEvent.FiscalYearOpened;
import cn.perfledger.domain.budget.BudgetEvent.FixedAssetsRecorded;
import cn.perfledger.domain.budget.BudgetEvent.InitialBudgetApproved;
import cn.perfledger.domain.budget.BudgetEvent.ProcurementContractFiled;
import cn.perfledger.domain.budget.BudgetEvent.ProcurementContractSigned;
import cn.perfledger.domain.budget.BudgetEvent.ProcurementExecuted;
import cn.perfledger.domain.budget.BudgetEvent.ProcurementPlanned;
import cn.perfledger.domain.budget.BudgetEvent.StaffingRecorded;
import cn.perfledger.domain.budget.BudgetEvent.UnitRef;
import cn.perfledger.domain.budget.BudgetLineSpec;
import cn.perfledger.domain.budget.CarryOverKind;
import cn.perfledger.domain.budget.EconomicCode;
import cn.perfledger.domain.budget.ExpenditureKind;
import cn.perfledger.domain.budget.FunctionalCode;
import cn.perfledger.domain.budget.FundingSource;
import cn.perfledger.domain.budget.ProcurementCategory;
import cn.perfledger.domain.common.BudgetLineId;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.domain.common.Money;
import cn.perfledger.domain.common.ProcurementId;
import cn.perfledger.domain.common.UnitCode;
import cn.perfledger.domain.common.VoucherNo;
import cn.perfledger.projections.evaluation.EventLog;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Budget events of a small test year (T-DEPT 2021): one project line, and optionally every other kind of fact. */
final class TestLedger {

    static final FiscalYearId YEAR = FiscalYearId.of("T-DEPT", 2021);
    static final BudgetLineId LINE = new BudgetLineId("P1");
    static final UnitCode UNIT = new UnitCode("BJ");
    static final LocalDate JAN_1 = LocalDate.of(2021, 1, 1);

    private TestLedger() {
    }

    /** A year with one project line: the budget approved on 1 January, one voucher on 1 June. */
    static void oneLine(EventLog log, String budget, String spent) {
        log.add(new FiscalYearOpened(YEAR, YEAR.department(), 2021, "测试部门", List.of(new UnitRef(UNIT, "本级")),
                Rubrics.TEST, JAN_1));
        log.add(new BudgetLineOpened(YEAR, LINE, new BudgetLineSpec(UNIT, FundingSource.GENERAL_PUBLIC_BUDGET,
                ExpenditureKind.PROJECT, "P-001", "测试项目", new FunctionalCode("2060199"), new EconomicCode("30227")),
                JAN_1));
        log.add(new InitialBudgetApproved(YEAR, LINE, Money.of(budget), "测-1", JAN_1));
        log.add(new ExpenditureRecorded(YEAR, new VoucherNo("V1"), LINE, Money.of(spent), LocalDate.of(2021, 6, 1),
                null, null, null, null, null));
    }

    /** Every other fact a ledger metric reads: basic lines, carry-in, procurement with a contract, a notice, assets. */
    static void everyOtherFact(EventLog log) {
        BudgetLineId personnel = new BudgetLineId("B1");
        BudgetLineId operating = new BudgetLineId("B2");
        BudgetLineId reception = new BudgetLineId("B3");
        openBasic(log, personnel, ExpenditureKind.BASIC_PERSONNEL, "30101", "500.00", "500.00");
        openBasic(log, operating, ExpenditureKind.BASIC_OPERATING, "30201", "100.00", "90.00");
        openBasic(log, reception, ExpenditureKind.BASIC_OPERATING, "30217", "20.00", "5.00");
        log.add(new CarryInRecorded(YEAR, operating, Money.of("10.00"), CarryOverKind.CARRY_FORWARD, JAN_1));
        ProcurementId procurement = new ProcurementId("CG-1");
        log.add(new ProcurementPlanned(YEAR, procurement, "设备采购", ProcurementCategory.GOODS, Money.of("300.00"),
                Money.of("100.00"), LocalDate.of(2021, 2, 1)));
        log.add(new ProcurementContractSigned(YEAR, procurement, "HT-1", Money.of("280.00"), LocalDate.of(2021, 3, 1),
                LocalDate.of(2021, 3, 10)));
        log.add(new ProcurementContractFiled(YEAR, procurement, "HT-1", LocalDate.of(2021, 3, 11)));
        log.add(new ProcurementExecuted(YEAR, procurement, Money.of("280.00"), Money.of("120.00"),
                LocalDate.of(2021, 4, 1)));
        log.add(new ExecutionNoticeRecorded(YEAR, "通报-6", new BigDecimal("0.50"), new BigDecimal("1.02"),
                LocalDate.of(2021, 6, 30)));
        log.add(new FixedAssetsRecorded(YEAR, Money.of("1000.00"), Money.of("950.00"), LocalDate.of(2021, 12, 31)));
        log.add(new StaffingRecorded(YEAR, 20, 18, null, LocalDate.of(2021, 12, 31)));
    }

    /** The year before (2020) with one 公用经费 line of 接待费 (三公) spent in full, for the year-over-year figures. */
    static void previousYear(EventLog log) {
        FiscalYearId previous = FiscalYearId.of("T-DEPT", 2020);
        LocalDate jan1 = LocalDate.of(2020, 1, 1);
        BudgetLineId reception = new BudgetLineId("B3");
        log.add(new FiscalYearOpened(previous, previous.department(), 2020, "测试部门", List.of(new UnitRef(UNIT, "本级")),
                Rubrics.TEST, jan1));
        log.add(new BudgetLineOpened(previous, reception, new BudgetLineSpec(UNIT, FundingSource.GENERAL_PUBLIC_BUDGET,
                ExpenditureKind.BASIC_OPERATING, null, null, new FunctionalCode("2060101"), new EconomicCode("30217")),
                jan1));
        log.add(new InitialBudgetApproved(previous, reception, Money.of("10.00"), "测-0", jan1));
        log.add(new ExpenditureRecorded(previous, new VoucherNo("V0"), reception, Money.of("10.00"),
                LocalDate.of(2020, 5, 1), null, null, null, null, null));
    }

    private static void openBasic(EventLog log, BudgetLineId id, ExpenditureKind kind, String economic,
            String budget, String spent) {
        log.add(new BudgetLineOpened(YEAR, id, new BudgetLineSpec(UNIT, FundingSource.GENERAL_PUBLIC_BUDGET, kind,
                null, null, new FunctionalCode("2060101"), new EconomicCode(economic)), JAN_1));
        log.add(new InitialBudgetApproved(YEAR, id, Money.of(budget), "测-1", JAN_1));
        log.add(new ExpenditureRecorded(YEAR, new VoucherNo("V-" + id), id, Money.of(spent), LocalDate.of(2021, 5, 1),
                null, null, null, null, null));
    }
}
