package cn.perfledger.domain.budget;

import cn.perfledger.domain.budget.BudgetCommand.ExpenditureEntry;
import cn.perfledger.domain.budget.BudgetEvent.BudgetLineOpened;
import cn.perfledger.domain.budget.BudgetEvent.ExpenditureRecorded;
import cn.perfledger.domain.budget.BudgetEvent.ExpenditureReversed;
import cn.perfledger.domain.budget.BudgetEvent.FiscalYearClosed;
import cn.perfledger.domain.budget.BudgetEvent.FiscalYearOpened;
import cn.perfledger.domain.budget.BudgetEvent.InitialBudgetApproved;
import cn.perfledger.domain.budget.BudgetEvent.LineCarryOut;
import cn.perfledger.domain.budget.BudgetEvent.ProcurementContractSigned;
import cn.perfledger.domain.budget.BudgetEvent.ProcurementPlanned;
import cn.perfledger.domain.budget.BudgetEvent.UnitRef;
import cn.perfledger.domain.common.BudgetLineId;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.domain.common.Money;
import cn.perfledger.domain.common.ProcurementId;
import cn.perfledger.domain.common.RubricVersionId;
import cn.perfledger.domain.common.UnitCode;
import cn.perfledger.domain.common.VoucherNo;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A small department-year used by the budget ledger tests: two units, three lines with approved initial
 * budgets (基本 1,000.00 at 本级; 项目 5,000.00 at 本级; 项目 2,000.00 at the subordinate unit), and helpers
 * that build the matching events and commands.
 */
public final class BudgetFixtures {

    public static final int YEAR = 2021;
    public static final FiscalYearId YEAR_ID = FiscalYearId.of("GZ-ZSJ", YEAR);
    public static final String DEPARTMENT_NAME = "广州市政务服务数据管理局";
    public static final RubricVersionId RUBRIC = new RubricVersionId("gz-municipal-2021@1");
    public static final UnitCode HEAD_OFFICE = new UnitCode("BJ");
    public static final UnitCode SUBORDINATE = new UnitCode("XXZX");
    public static final List<UnitRef> UNITS = List.of(new UnitRef(HEAD_OFFICE, "本级"),
            new UnitRef(SUBORDINATE, "信息中心"));

    public static final BudgetLineId BASIC = new BudgetLineId("L-BASIC");
    public static final BudgetLineId PROJECT = new BudgetLineId("L-PROJ");
    public static final BudgetLineId PROJECT_B = new BudgetLineId("L-PROJ-B");
    public static final Money BASIC_INITIAL = Money.of("1000.00");
    public static final Money PROJECT_INITIAL = Money.of("5000.00");
    public static final Money PROJECT_B_INITIAL = Money.of("2000.00");

    public static final String PAYEE = "广州某科技有限公司";
    public static final String SUMMARY = "运维服务费";
    public static final ProcurementId PROCUREMENT = new ProcurementId("CG-001");

    private BudgetFixtures() {
    }

    public static LocalDate date(int month, int day) {
        return LocalDate.of(YEAR, month, day);
    }

    public static Money yuan(String amount) {
        return Money.of(amount);
    }

    public static VoucherNo voucher(String number) {
        return new VoucherNo(number);
    }

    public static BudgetLineSpec basicSpec() {
        return new BudgetLineSpec(HEAD_OFFICE, FundingSource.GENERAL_PUBLIC_BUDGET, ExpenditureKind.BASIC_OPERATING,
                null, null, new FunctionalCode("2010101"), new EconomicCode("30201"));
    }

    public static BudgetLineSpec projectSpec() {
        return new BudgetLineSpec(HEAD_OFFICE, FundingSource.GENERAL_PUBLIC_BUDGET, ExpenditureKind.PROJECT,
                "P-001", "政务云运维", new FunctionalCode("2010150"), new EconomicCode("30227"));
    }

    public static BudgetLineSpec projectBSpec() {
        return new BudgetLineSpec(SUBORDINATE, FundingSource.GOVERNMENT_FUND, ExpenditureKind.PROJECT,
                "P-002", "12345 热线平台", new FunctionalCode("2290402"), new EconomicCode("30227"));
    }

    public static FiscalYearOpened yearOpened() {
        return new FiscalYearOpened(YEAR_ID, YEAR_ID.department(), YEAR, DEPARTMENT_NAME, UNITS, RUBRIC,
                date(1, 1));
    }

    public static BudgetLineOpened lineOpened(BudgetLineId lineId, BudgetLineSpec spec) {
        return new BudgetLineOpened(YEAR_ID, lineId, spec, date(1, 1));
    }

    public static InitialBudgetApproved approved(BudgetLineId lineId, Money amount) {
        return new InitialBudgetApproved(YEAR_ID, lineId, amount, "穗财预〔2021〕1号", date(1, 1));
    }

    /** The year opened with its three lines opened and their initial budgets approved. */
    public static List<Object> yearWithLines() {
        return List.of(yearOpened(),
                lineOpened(BASIC, basicSpec()), lineOpened(PROJECT, projectSpec()), lineOpened(PROJECT_B, projectBSpec()),
                approved(BASIC, BASIC_INITIAL), approved(PROJECT, PROJECT_INITIAL),
                approved(PROJECT_B, PROJECT_B_INITIAL));
    }

    /** {@link #yearWithLines()} followed by the given events. */
    public static List<Object> yearWithLinesAnd(Object... more) {
        List<Object> events = new ArrayList<>(yearWithLines());
        events.addAll(List.of(more));
        return events;
    }

    public static ExpenditureEntry entry(String voucherNo, BudgetLineId lineId, String amount, LocalDate date) {
        return new ExpenditureEntry(voucher(voucherNo), lineId, yuan(amount), date, PAYEE, SUMMARY);
    }

    /** The event {@link #entry} produces when recorded on its own. */
    public static ExpenditureRecorded spent(String voucherNo, BudgetLineId lineId, String amount, LocalDate date) {
        return spent(voucherNo, lineId, amount, date, null);
    }

    public static ExpenditureRecorded spent(String voucherNo, BudgetLineId lineId, String amount, LocalDate date,
            String batchId) {
        return new ExpenditureRecorded(YEAR_ID, voucher(voucherNo), lineId, yuan(amount), date, PAYEE, SUMMARY,
                batchId, null, null);
    }

    public static ExpenditureReversed reversed(String voucherNo, String originalVoucherNo, BudgetLineId lineId,
            String amount, LocalDate date) {
        return new ExpenditureReversed(YEAR_ID, voucher(voucherNo), voucher(originalVoucherNo), lineId, yuan(amount),
                "金额录入错误", date, null);
    }

    public static FiscalYearClosed closed(LineCarryOut... carryOuts) {
        return new FiscalYearClosed(YEAR_ID, List.of(carryOuts), date(12, 31));
    }

    public static ProcurementPlanned procurementPlanned() {
        return new ProcurementPlanned(YEAR_ID, PROCUREMENT, "政务云运维服务", ProcurementCategory.SERVICES,
                yuan("3000.00"), yuan("1000.00"), date(1, 15));
    }

    public static ProcurementContractSigned contractSigned(String contractNo, LocalDate signed) {
        return new ProcurementContractSigned(YEAR_ID, PROCUREMENT, contractNo, yuan("2800.00"), signed.minusDays(10),
                signed);
    }
}
