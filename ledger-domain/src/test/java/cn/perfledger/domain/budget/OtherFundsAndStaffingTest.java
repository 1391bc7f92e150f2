package cn.perfledger.domain.budget;

import static cn.perfledger.domain.budget.BudgetFixtures.HEAD_OFFICE;
import static cn.perfledger.domain.budget.BudgetFixtures.PROJECT;
import static cn.perfledger.domain.budget.BudgetFixtures.YEAR_ID;
import static cn.perfledger.domain.budget.BudgetFixtures.approved;
import static cn.perfledger.domain.budget.BudgetFixtures.date;
import static cn.perfledger.domain.budget.BudgetFixtures.entry;
import static cn.perfledger.domain.budget.BudgetFixtures.lineOpened;
import static cn.perfledger.domain.budget.BudgetFixtures.spent;
import static cn.perfledger.domain.budget.BudgetFixtures.yearWithLines;
import static cn.perfledger.domain.budget.BudgetFixtures.yearWithLinesAnd;
import static cn.perfledger.domain.budget.BudgetFixtures.yuan;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import cn.perfledger.domain.budget.BudgetCommand.ReceiveOtherFunds;
import cn.perfledger.domain.budget.BudgetCommand.RecordExpenditure;
import cn.perfledger.domain.budget.BudgetCommand.RecordStaffing;
import cn.perfledger.domain.budget.BudgetEvent.OtherFundsReceived;
import cn.perfledger.domain.budget.BudgetEvent.StaffingRecorded;
import cn.perfledger.domain.common.BudgetLineId;
import cn.perfledger.domain.common.DomainException;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 其他资金收入 (money beyond the budget on a line funded from other sources) and 财政供养人员 (编制数, 实有人数). A published
 * table printed 全年执行数 338.31 against 全年预算数 329.77 万元 with 上年结转资金 “—”: the other-source line below spends
 * its budget and the 85,400.00 it received beyond it, and nothing more; a 财政拨款 line never spends beyond its budget.
 */
class OtherFundsAndStaffingTest {

    private static final BudgetLineId OTHER = new BudgetLineId("L-OTHER");
    private static final BudgetLineSpec OTHER_SPEC = new BudgetLineSpec(HEAD_OFFICE, FundingSource.OTHER,
            ExpenditureKind.PROJECT, "P-009", "事业收入安排的项目", new cn.perfledger.domain.budget.FunctionalCode("2010150"),
            new EconomicCode("30227"));

    private AggregateTestFixture<BudgetLedger> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BudgetLedger.class);
    }

    private static List<Object> withOtherLine(Object... more) {
        List<Object> events = new ArrayList<>(yearWithLinesAnd(lineOpened(OTHER, OTHER_SPEC),
                approved(OTHER, yuan("297700.00"))));
        events.addAll(List.of(more));
        return events;
    }

    private static OtherFundsReceived received(String amount) {
        return new OtherFundsReceived(YEAR_ID, OTHER, yuan(amount), "收入-07", "事业收入超出预算", date(7, 15));
    }

    private static void refused(ResultValidator<BudgetLedger> result, String field, String... fragments) {
        List<Matcher<? super String>> matchers = new ArrayList<>();
        matchers.add(startsWith(field + ": "));
        for (String fragment : fragments) {
            matchers.add(containsString(fragment));
        }
        result.expectException(DomainException.class).expectExceptionMessage(allOf(matchers)).expectNoEvents();
    }

    @Test
    void receiveOtherFunds_onAnOtherSourceLine_emitsReceived() {
        fixture.given(withOtherLine())
                .when(new ReceiveOtherFunds(YEAR_ID, OTHER, yuan("85400.00"), "收入-07", "事业收入超出预算", date(7, 15)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(received("85400.00"));
    }

    @Test
    void spending_theBudgetAndTheOtherFundsReceived_isRecorded() {
        fixture.given(withOtherLine(received("85400.00")))
                .when(new RecordExpenditure(YEAR_ID, entry("V-9", OTHER, "383100.00", date(11, 30)), null, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(spent("V-9", OTHER, "383100.00", date(11, 30)));
    }

    @Test
    void spending_oneFenBeyondTheBudgetAndTheOtherFunds_isRefused() {
        refused(fixture.given(withOtherLine(received("85400.00")))
                .when(new RecordExpenditure(YEAR_ID, entry("V-9", OTHER, "383100.01", date(11, 30)), null, null)),
                "amount", "超出预算行 L-OTHER 的可用预算", "可用预算 383100.00 元");
    }

    @Test
    void spending_beyondTheBudget_onAFiscalLine_isStillRefused() {
        refused(fixture.given(yearWithLines())
                .when(new RecordExpenditure(YEAR_ID, entry("V-1", PROJECT, "5000.01", date(11, 30)), null, null)),
                "amount", "超出预算行 L-PROJ 的可用预算");
    }

    @Test
    void receiveOtherFunds_onAFiscalAppropriationLine_isRefused_pointingToAnIncrease() {
        refused(fixture.given(withOtherLine())
                .when(new ReceiveOtherFunds(YEAR_ID, PROJECT, yuan("100.00"), null, "超收", date(7, 15))),
                "lineId", "财政拨款", "预算追加");
    }

    @Test
    void receiveOtherFunds_needsAPositiveAmount_aReason_andADateInTheYear() {
        refused(fixture.given(withOtherLine()).when(new ReceiveOtherFunds(YEAR_ID, OTHER, yuan("0.00"), null, "超收",
                date(7, 15))), "amount");
        refused(fixture.given(withOtherLine()).when(new ReceiveOtherFunds(YEAR_ID, OTHER, yuan("1.00"), null, " ",
                date(7, 15))), "reason");
        refused(fixture.given(withOtherLine()).when(new ReceiveOtherFunds(YEAR_ID, OTHER, yuan("1.00"), null, "超收",
                java.time.LocalDate.of(2022, 1, 5))), "effectiveDate");
    }

    @Test
    void recordStaffing_emitsTheCounts() {
        fixture.given(yearWithLines())
                .when(new RecordStaffing(YEAR_ID, 120, 113, "穗编〔2021〕3号", date(12, 31)))
                .expectEvents(new StaffingRecorded(YEAR_ID, 120, 113, "穗编〔2021〕3号", date(12, 31)));
    }

    @Test
    void recordStaffing_refusesMissingOrImpossibleCounts() {
        refused(fixture.given(yearWithLines()).when(new RecordStaffing(YEAR_ID, null, 113, null, date(12, 31))),
                "authorizedPositions", "编制数不能为空");
        refused(fixture.given(yearWithLines()).when(new RecordStaffing(YEAR_ID, 0, 0, null, date(12, 31))),
                "authorizedPositions", "1 至");
        refused(fixture.given(yearWithLines()).when(new RecordStaffing(YEAR_ID, 120, -1, null, date(12, 31))),
                "actualHeadcount");
    }
}
