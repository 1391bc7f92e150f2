package cn.perfledger.domain.budget;

import static cn.perfledger.domain.budget.BudgetFixtures.BASIC;
import static cn.perfledger.domain.budget.BudgetFixtures.DEPARTMENT_NAME;
import static cn.perfledger.domain.budget.BudgetFixtures.HEAD_OFFICE;
import static cn.perfledger.domain.budget.BudgetFixtures.PAYEE;
import static cn.perfledger.domain.budget.BudgetFixtures.PROCUREMENT;
import static cn.perfledger.domain.budget.BudgetFixtures.PROJECT;
import static cn.perfledger.domain.budget.BudgetFixtures.PROJECT_B;
import static cn.perfledger.domain.budget.BudgetFixtures.RUBRIC;
import static cn.perfledger.domain.budget.BudgetFixtures.SUBORDINATE;
import static cn.perfledger.domain.budget.BudgetFixtures.SUMMARY;
import static cn.perfledger.domain.budget.BudgetFixtures.UNITS;
import static cn.perfledger.domain.budget.BudgetFixtures.YEAR_ID;
import static cn.perfledger.domain.budget.BudgetFixtures.approved;
import static cn.perfledger.domain.budget.BudgetFixtures.basicSpec;
import static cn.perfledger.domain.budget.BudgetFixtures.closed;
import static cn.perfledger.domain.budget.BudgetFixtures.contractSigned;
import static cn.perfledger.domain.budget.BudgetFixtures.date;
import static cn.perfledger.domain.budget.BudgetFixtures.entry;
import static cn.perfledger.domain.budget.BudgetFixtures.lineOpened;
import static cn.perfledger.domain.budget.BudgetFixtures.procurementPlanned;
import static cn.perfledger.domain.budget.BudgetFixtures.projectBSpec;
import static cn.perfledger.domain.budget.BudgetFixtures.projectSpec;
import static cn.perfledger.domain.budget.BudgetFixtures.reversed;
import static cn.perfledger.domain.budget.BudgetFixtures.spent;
import static cn.perfledger.domain.budget.BudgetFixtures.voucher;
import static cn.perfledger.domain.budget.BudgetFixtures.yearOpened;
import static cn.perfledger.domain.budget.BudgetFixtures.yearWithLines;
import static cn.perfledger.domain.budget.BudgetFixtures.yearWithLinesAnd;
import static cn.perfledger.domain.budget.BudgetFixtures.yuan;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import cn.perfledger.domain.budget.BudgetCommand.ApproveInitialBudget;
import cn.perfledger.domain.budget.BudgetCommand.CloseFiscalYear;
import cn.perfledger.domain.budget.BudgetCommand.DecreaseBudget;
import cn.perfledger.domain.budget.BudgetCommand.ExpenditureEntry;
import cn.perfledger.domain.budget.BudgetCommand.FileProcurementContract;
import cn.perfledger.domain.budget.BudgetCommand.ImportLedgerFile;
import cn.perfledger.domain.budget.BudgetCommand.IncreaseBudget;
import cn.perfledger.domain.budget.BudgetCommand.OpenBudgetLine;
import cn.perfledger.domain.budget.BudgetCommand.OpenFiscalYear;
import cn.perfledger.domain.budget.BudgetCommand.PlanProcurement;
import cn.perfledger.domain.budget.BudgetCommand.RecordCarryIn;
import cn.perfledger.domain.budget.BudgetCommand.RecordExecutionNotice;
import cn.perfledger.domain.budget.BudgetCommand.RecordExpenditure;
import cn.perfledger.domain.budget.BudgetCommand.RecordExpenditureBatch;
import cn.perfledger.domain.budget.BudgetCommand.RecordFixedAssets;
import cn.perfledger.domain.budget.BudgetCommand.RecordProcurementExecution;
import cn.perfledger.domain.budget.BudgetCommand.ReverseExpenditure;
import cn.perfledger.domain.budget.BudgetCommand.SignProcurementContract;
import cn.perfledger.domain.budget.BudgetCommand.TransferBudget;
import cn.perfledger.domain.budget.BudgetCommand.WithdrawAppropriation;
import cn.perfledger.domain.budget.BudgetEvent.AppropriationWithdrawn;
import cn.perfledger.domain.budget.BudgetEvent.BudgetDecreased;
import cn.perfledger.domain.budget.BudgetEvent.BudgetIncreased;
import cn.perfledger.domain.budget.BudgetEvent.BudgetLineOpened;
import cn.perfledger.domain.budget.BudgetEvent.BudgetTransferred;
import cn.perfledger.domain.budget.BudgetEvent.CarryInRecorded;
import cn.perfledger.domain.budget.BudgetEvent.ExecutionNoticeRecorded;
import cn.perfledger.domain.budget.BudgetEvent.ExpenditureRecorded;
import cn.perfledger.domain.budget.BudgetEvent.ExpenditureReversed;
import cn.perfledger.domain.budget.BudgetEvent.FixedAssetsRecorded;
import cn.perfledger.domain.budget.BudgetEvent.InitialBudgetApproved;
import cn.perfledger.domain.budget.BudgetEvent.LedgerFileImported;
import cn.perfledger.domain.budget.BudgetEvent.LineCarryOut;
import cn.perfledger.domain.budget.BudgetEvent.LineShare;
import cn.perfledger.domain.budget.BudgetEvent.ProcurementContractFiled;
import cn.perfledger.domain.budget.BudgetEvent.ProcurementContractSigned;
import cn.perfledger.domain.budget.BudgetEvent.ProcurementExecuted;
import cn.perfledger.domain.budget.BudgetEvent.ProcurementPlanned;
import cn.perfledger.domain.budget.BudgetEvent.UnitRef;
import cn.perfledger.domain.common.BudgetLineId;
import cn.perfledger.domain.common.ConflictException;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.domain.common.Money;
import cn.perfledger.domain.common.ProcurementId;
import cn.perfledger.domain.common.UnitCode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BudgetLedgerTest {

    private static final String POST_CLOSE_RULE = "年度已结账，只接受注明原因的结账后更正";
    private static final String DOC = "穗财预〔2021〕88号";
    private static final String REASON = "业务量增加";

    private AggregateTestFixture<BudgetLedger> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BudgetLedger.class);
    }

    /** A refusal: no events, a {@link DomainException} whose message starts with the field and holds the fragments. */
    private static void refused(ResultValidator<BudgetLedger> result, String field, String... fragments) {
        result.expectException(DomainException.class).expectExceptionMessage(message(field, fragments))
                .expectNoEvents();
    }

    /** A conflict with recorded state: no events, a {@link ConflictException} naming the field. */
    private static void conflict(ResultValidator<BudgetLedger> result, String field, String... fragments) {
        result.expectException(ConflictException.class).expectExceptionMessage(message(field, fragments))
                .expectNoEvents();
    }

    private static Matcher<String> message(String field, String... fragments) {
        List<Matcher<? super String>> matchers = new ArrayList<>();
        matchers.add(startsWith(field + ": "));
        for (String fragment : fragments) {
            matchers.add(containsString(fragment));
        }
        return allOf(matchers);
    }

    private static RecordExpenditure expenditure(ExpenditureEntry entry) {
        return new RecordExpenditure(YEAR_ID, entry, null, null);
    }

    private static RecordExpenditureBatch batch(String batchId, ExpenditureEntry... entries) {
        return new RecordExpenditureBatch(YEAR_ID, batchId, List.of(entries), null);
    }

    private static ReverseExpenditure reverse(String voucherNo, String original, String amount, LocalDate date) {
        return new ReverseExpenditure(YEAR_ID, voucher(voucherNo), voucher(original), yuan(amount), "金额录入错误", date,
                null);
    }

    private static OpenFiscalYear openYear(List<UnitRef> units) {
        return new OpenFiscalYear(YEAR_ID, DEPARTMENT_NAME, units, RUBRIC);
    }

    @Nested
    class OpenFiscalYearTests {

        @Test
        void openFiscalYear_emitsOpened_effectiveOnJanuaryFirst() {
            fixture.givenNoPriorActivity()
                    .when(openYear(UNITS))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(yearOpened());
        }

        @Test
        void openFiscalYear_stripsNames() {
            fixture.givenNoPriorActivity()
                    .when(new OpenFiscalYear(YEAR_ID, "  " + DEPARTMENT_NAME + " ",
                            List.of(new UnitRef(HEAD_OFFICE, " 本级 "), new UnitRef(SUBORDINATE, "信息中心")), RUBRIC))
                    .expectEvents(yearOpened());
        }

        @Test
        void openFiscalYear_fails_whenUnitsEmpty() {
            refused(fixture.givenNoPriorActivity().when(openYear(List.of())), "units");
        }

        @Test
        void openFiscalYear_fails_whenUnitsMissing() {
            refused(fixture.givenNoPriorActivity().when(openYear(null)), "units");
        }

        @Test
        void openFiscalYear_fails_whenUnitCodesRepeat() {
            refused(fixture.givenNoPriorActivity().when(openYear(List.of(new UnitRef(HEAD_OFFICE, "本级"),
                    new UnitRef(HEAD_OFFICE, "本级二")))), "units[1].code", "重复");
        }

        @Test
        void openFiscalYear_fails_whenUnitNameBlank() {
            refused(fixture.givenNoPriorActivity().when(openYear(List.of(new UnitRef(HEAD_OFFICE, " ")))),
                    "units[0].name");
        }

        @Test
        void openFiscalYear_fails_whenRubricVersionMissing() {
            refused(fixture.givenNoPriorActivity().when(new OpenFiscalYear(YEAR_ID, DEPARTMENT_NAME, UNITS, null)),
                    "rubricVersion");
        }

        @Test
        void openFiscalYear_fails_whenDepartmentNameBlank() {
            refused(fixture.givenNoPriorActivity().when(new OpenFiscalYear(YEAR_ID, " ", UNITS, RUBRIC)),
                    "departmentName");
        }
    }

    @Nested
    class OpenBudgetLineTests {

        @Test
        void openBudgetLine_emitsLineOpened() {
            fixture.given(yearOpened())
                    .when(new OpenBudgetLine(YEAR_ID, BASIC, basicSpec(), date(1, 1)))
                    .expectEvents(lineOpened(BASIC, basicSpec()));
        }

        @Test
        void openBudgetLine_acceptsSameCodesInAnotherUnit() {
            BudgetLineSpec sameInSubordinate = new BudgetLineSpec(SUBORDINATE, FundingSource.GENERAL_PUBLIC_BUDGET,
                    ExpenditureKind.BASIC_OPERATING, null, null, new FunctionalCode("2010101"), new EconomicCode("30201"));
            BudgetLineId other = new BudgetLineId("L-BASIC-2");
            fixture.given(yearWithLines())
                    .when(new OpenBudgetLine(YEAR_ID, other, sameInSubordinate, date(3, 1)))
                    .expectEvents(new BudgetEvent.BudgetLineOpened(YEAR_ID, other, sameInSubordinate, date(3, 1)));
        }

        @Test
        void openBudgetLine_fails_whenLineIdUsed() {
            conflict(fixture.given(yearWithLines()).when(new OpenBudgetLine(YEAR_ID, BASIC, projectBSpec(), date(1, 1))),
                    "lineId", "L-BASIC");
        }

        @Test
        void openBudgetLine_fails_whenUnitNotOfTheYear() {
            BudgetLineSpec foreign = new BudgetLineSpec(new UnitCode("OTHER"), FundingSource.GENERAL_PUBLIC_BUDGET,
                    ExpenditureKind.BASIC_OPERATING, null, null, new FunctionalCode("2010101"), new EconomicCode("30201"));
            refused(fixture.given(yearOpened()).when(new OpenBudgetLine(YEAR_ID, BASIC, foreign, date(1, 1))),
                    "unit", "OTHER");
        }

        @Test
        void openBudgetLine_fails_whenSpecEqualsAnotherLine() {
            conflict(fixture.given(yearWithLines())
                    .when(new OpenBudgetLine(YEAR_ID, new BudgetLineId("L-TWIN"), projectSpec(), date(2, 1))),
                    "spec", "L-PROJ");
        }

        @Test
        void openBudgetLine_fails_whenSpecMissing() {
            refused(fixture.given(yearOpened()).when(new OpenBudgetLine(YEAR_ID, BASIC, null, date(1, 1))), "spec");
        }

        @Test
        void openBudgetLine_fails_whenLineIdMissing() {
            refused(fixture.given(yearOpened()).when(new OpenBudgetLine(YEAR_ID, null, basicSpec(), date(1, 1))),
                    "lineId");
        }

        @Test
        void openBudgetLine_fails_whenEffectiveDateOutsideYear() {
            refused(fixture.given(yearOpened())
                    .when(new OpenBudgetLine(YEAR_ID, BASIC, basicSpec(), LocalDate.of(2020, 12, 31))),
                    "effectiveDate", "2021");
        }
    }

    @Nested
    class ApproveInitialBudgetTests {

        private List<Object> lineWithoutBudget() {
            return List.of(yearOpened(), lineOpened(BASIC, basicSpec()));
        }

        @Test
        void approveInitialBudget_emitsApproved() {
            fixture.given(lineWithoutBudget())
                    .when(new ApproveInitialBudget(YEAR_ID, BASIC, yuan("1000.00"), " 穗财预〔2021〕1号 ", date(1, 1)))
                    .expectEvents(approved(BASIC, yuan("1000.00")));
        }

        @Test
        void approveInitialBudget_fails_whenLineUnknown() {
            refused(fixture.given(lineWithoutBudget()).when(new ApproveInitialBudget(YEAR_ID, new BudgetLineId("L-X"),
                    yuan("1.00"), DOC, date(1, 1))), "lineId", "L-X");
        }

        @Test
        void approveInitialBudget_fails_whenAmountZero() {
            refused(fixture.given(lineWithoutBudget())
                    .when(new ApproveInitialBudget(YEAR_ID, BASIC, Money.ZERO, DOC, date(1, 1))), "amount");
        }

        @Test
        void approveInitialBudget_fails_whenAmountNegative() {
            refused(fixture.given(lineWithoutBudget())
                    .when(new ApproveInitialBudget(YEAR_ID, BASIC, yuan("-5.00"), DOC, date(1, 1))), "amount");
        }

        @Test
        void approveInitialBudget_fails_whenAlreadyApproved() {
            conflict(fixture.given(yearWithLines())
                    .when(new ApproveInitialBudget(YEAR_ID, BASIC, yuan("1.00"), DOC, date(1, 1))), "lineId", "已批复");
        }

        @Test
        void approveInitialBudget_fails_whenDocumentNoMissing() {
            refused(fixture.given(lineWithoutBudget())
                    .when(new ApproveInitialBudget(YEAR_ID, BASIC, yuan("1.00"), "  ", date(1, 1))), "documentNo");
        }

        @Test
        void approveInitialBudget_fails_whenDocumentNoTooLong() {
            refused(fixture.given(lineWithoutBudget())
                    .when(new ApproveInitialBudget(YEAR_ID, BASIC, yuan("1.00"), "文".repeat(101), date(1, 1))),
                    "documentNo", "100");
        }

        @Test
        void approveInitialBudget_fails_whenEffectiveDateOutsideYear() {
            refused(fixture.given(lineWithoutBudget())
                    .when(new ApproveInitialBudget(YEAR_ID, BASIC, yuan("1.00"), DOC, LocalDate.of(2022, 1, 1))),
                    "effectiveDate");
        }
    }

    @Nested
    class IncreaseAndDecreaseTests {

        @Test
        void increaseBudget_emitsIncreased() {
            fixture.given(yearWithLines())
                    .when(new IncreaseBudget(YEAR_ID, PROJECT, yuan("300.00"), DOC, REASON, date(6, 1), null))
                    .expectEvents(new BudgetIncreased(YEAR_ID, PROJECT, yuan("300.00"), DOC, REASON, date(6, 1), null));
        }

        @Test
        void increaseBudget_raisesAvailableBudget() {
            fixture.given(yearWithLinesAnd(
                            new BudgetIncreased(YEAR_ID, BASIC, yuan("500.00"), DOC, REASON, date(6, 1), null)))
                    .when(expenditure(entry("V-1", BASIC, "1500.00", date(6, 2))))
                    .expectEvents(spent("V-1", BASIC, "1500.00", date(6, 2)));
        }

        @Test
        void increaseBudget_fails_whenLineUnknown() {
            refused(fixture.given(yearWithLines()).when(new IncreaseBudget(YEAR_ID, new BudgetLineId("L-X"),
                    yuan("1.00"), DOC, REASON, date(6, 1), null)), "lineId");
        }

        @Test
        void increaseBudget_fails_whenAmountNotPositive() {
            refused(fixture.given(yearWithLines())
                    .when(new IncreaseBudget(YEAR_ID, PROJECT, Money.ZERO, DOC, REASON, date(6, 1), null)), "amount");
        }

        @Test
        void increaseBudget_fails_whenDocumentNoMissing() {
            refused(fixture.given(yearWithLines())
                    .when(new IncreaseBudget(YEAR_ID, PROJECT, yuan("1.00"), null, REASON, date(6, 1), null)),
                    "documentNo");
        }

        @Test
        void increaseBudget_fails_whenReasonMissing() {
            refused(fixture.given(yearWithLines())
                    .when(new IncreaseBudget(YEAR_ID, PROJECT, yuan("1.00"), DOC, " ", date(6, 1), null)), "reason");
        }

        @Test
        void increaseBudget_fails_whenReasonTooLong() {
            refused(fixture.given(yearWithLines()).when(new IncreaseBudget(YEAR_ID, PROJECT, yuan("1.00"), DOC,
                    "因".repeat(501), date(6, 1), null)), "reason", "500");
        }

        @Test
        void increaseBudget_fails_whenEffectiveDateOutsideYear() {
            refused(fixture.given(yearWithLines()).when(new IncreaseBudget(YEAR_ID, PROJECT, yuan("1.00"), DOC, REASON,
                    LocalDate.of(2022, 1, 1), null)), "effectiveDate");
        }

        @Test
        void decreaseBudget_emitsDecreased_downToWhatIsSpent() {
            fixture.given(yearWithLinesAnd(spent("V-1", BASIC, "400.00", date(3, 1))))
                    .when(new DecreaseBudget(YEAR_ID, BASIC, yuan("600.00"), DOC, "调减", date(9, 1), null))
                    .expectEvents(new BudgetDecreased(YEAR_ID, BASIC, yuan("600.00"), DOC, "调减", date(9, 1), null));
        }

        @Test
        void decreaseBudget_fails_whenAvailableWouldFallBelowSpent() {
            refused(fixture.given(yearWithLinesAnd(spent("V-1", BASIC, "400.00", date(3, 1))))
                    .when(new DecreaseBudget(YEAR_ID, BASIC, yuan("600.01"), DOC, "调减", date(9, 1), null)),
                    "amount", "已支出 400.00", "可用预算 1000.00");
        }

        @Test
        void decreaseBudget_fails_whenAmountNotPositive() {
            refused(fixture.given(yearWithLines())
                    .when(new DecreaseBudget(YEAR_ID, BASIC, yuan("-1.00"), DOC, "调减", date(9, 1), null)), "amount");
        }

        @Test
        void decreaseBudget_fails_whenLineUnknown() {
            refused(fixture.given(yearWithLines()).when(new DecreaseBudget(YEAR_ID, new BudgetLineId("L-X"),
                    yuan("1.00"), DOC, "调减", date(9, 1), null)), "lineId");
        }

        @Test
        void decreaseBudget_fails_whenDocumentNoMissing() {
            refused(fixture.given(yearWithLines())
                    .when(new DecreaseBudget(YEAR_ID, BASIC, yuan("1.00"), "", "调减", date(9, 1), null)),
                    "documentNo");
        }

        @Test
        void decreaseBudget_fails_whenReasonMissing() {
            refused(fixture.given(yearWithLines())
                    .when(new DecreaseBudget(YEAR_ID, BASIC, yuan("1.00"), DOC, null, date(9, 1), null)), "reason");
        }

        @Test
        void decreaseBudget_fails_whenEffectiveDateOutsideYear() {
            refused(fixture.given(yearWithLines()).when(new DecreaseBudget(YEAR_ID, BASIC, yuan("1.00"), DOC, "调减",
                    LocalDate.of(2020, 6, 1), null)), "effectiveDate");
        }
    }

    @Nested
    class TransferTests {

        private TransferBudget transfer(LineShare... shares) {
            return new TransferBudget(YEAR_ID, List.of(shares), DOC, "调剂", date(7, 1), null);
        }

        private LineShare share(BudgetLineId lineId, String amount) {
            return new LineShare(lineId, yuan(amount));
        }

        @Test
        void transferBudget_emitsTransferred() {
            fixture.given(yearWithLines())
                    .when(transfer(share(PROJECT, "-300.00"), share(PROJECT_B, "200.00"), share(BASIC, "100.00")))
                    .expectEvents(new BudgetTransferred(YEAR_ID, List.of(share(PROJECT, "-300.00"),
                            share(PROJECT_B, "200.00"), share(BASIC, "100.00")), DOC, "调剂", date(7, 1), null));
        }

        @Test
        void transferBudget_netsLines_receivingLineMaySpendItsShare() {
            fixture.given(yearWithLinesAnd(new BudgetTransferred(YEAR_ID, List.of(share(PROJECT, "-300.00"),
                            share(PROJECT_B, "200.00"), share(BASIC, "100.00")), DOC, "调剂", date(7, 1), null)))
                    .when(batch("B-1", entry("V-1", PROJECT_B, "2200.00", date(7, 2)),
                            entry("V-2", BASIC, "1100.00", date(7, 2)), entry("V-3", PROJECT, "4700.00", date(7, 2))))
                    .expectResultMessagePayload(new BatchOutcome(3, 0, List.of()))
                    .expectEvents(spent("V-1", PROJECT_B, "2200.00", date(7, 2), "B-1"),
                            spent("V-2", BASIC, "1100.00", date(7, 2), "B-1"),
                            spent("V-3", PROJECT, "4700.00", date(7, 2), "B-1"));
        }

        @Test
        void transferBudget_netsLines_givingLineHasLess() {
            refused(fixture.given(yearWithLinesAnd(new BudgetTransferred(YEAR_ID, List.of(share(PROJECT, "-300.00"),
                            share(PROJECT_B, "300.00")), DOC, "调剂", date(7, 1), null)))
                    .when(expenditure(entry("V-1", PROJECT, "4700.01", date(7, 2)))),
                    "amount", "可用预算 4700.00");
        }

        @Test
        void transferBudget_fails_whenFewerThanTwoShares() {
            refused(fixture.given(yearWithLines()).when(transfer(share(PROJECT, "100.00"))), "shares", "两个");
        }

        @Test
        void transferBudget_fails_whenSharesMissing() {
            refused(fixture.given(yearWithLines())
                    .when(new TransferBudget(YEAR_ID, null, DOC, "调剂", date(7, 1), null)), "shares");
        }

        @Test
        void transferBudget_fails_whenLineNamedTwice() {
            refused(fixture.given(yearWithLines()).when(transfer(share(PROJECT, "-100.00"), share(BASIC, "50.00"),
                    share(PROJECT, "50.00"))), "shares[2].lineId", "一次");
        }

        @Test
        void transferBudget_fails_whenLineUnknown() {
            refused(fixture.given(yearWithLines()).when(transfer(share(PROJECT, "-100.00"),
                    share(new BudgetLineId("L-X"), "100.00"))), "shares[1].lineId", "L-X");
        }

        @Test
        void transferBudget_fails_whenShareZero() {
            refused(fixture.given(yearWithLines()).when(transfer(share(PROJECT, "-100.00"), share(BASIC, "100.00"),
                    share(PROJECT_B, "0.00"))), "shares[2].amount", "0");
        }

        @Test
        void transferBudget_fails_whenSharesDoNotSumToZero() {
            refused(fixture.given(yearWithLines()).when(transfer(share(PROJECT, "-100.00"), share(BASIC, "100.01"))),
                    "shares", "0.01");
        }

        @Test
        void transferBudget_fails_whenOutgoingShareFallsBelowSpent() {
            refused(fixture.given(yearWithLinesAnd(spent("V-1", PROJECT, "4800.00", date(3, 1))))
                    .when(transfer(share(PROJECT, "-200.01"), share(BASIC, "200.01"))),
                    "shares[0].amount", "已支出 4800.00", "可用预算 5000.00");
        }

        @Test
        void transferBudget_fails_whenDocumentNoMissing() {
            refused(fixture.given(yearWithLines()).when(new TransferBudget(YEAR_ID,
                    List.of(share(PROJECT, "-1.00"), share(BASIC, "1.00")), null, "调剂", date(7, 1), null)),
                    "documentNo");
        }

        @Test
        void transferBudget_fails_whenReasonMissing() {
            refused(fixture.given(yearWithLines()).when(new TransferBudget(YEAR_ID,
                    List.of(share(PROJECT, "-1.00"), share(BASIC, "1.00")), DOC, "", date(7, 1), null)), "reason");
        }

        @Test
        void transferBudget_fails_whenEffectiveDateOutsideYear() {
            refused(fixture.given(yearWithLines()).when(new TransferBudget(YEAR_ID,
                    List.of(share(PROJECT, "-1.00"), share(BASIC, "1.00")), DOC, "调剂", LocalDate.of(2022, 1, 5),
                    null)), "effectiveDate");
        }
    }

    @Nested
    class CarryInAndWithdrawalTests {

        @Test
        void recordCarryIn_emitsCarryIn_effectiveOnJanuaryFirst() {
            fixture.given(yearWithLines())
                    .when(new RecordCarryIn(YEAR_ID, PROJECT, yuan("4122.00"), CarryOverKind.CARRY_FORWARD))
                    .expectEvents(new CarryInRecorded(YEAR_ID, PROJECT, yuan("4122.00"), CarryOverKind.CARRY_FORWARD,
                            date(1, 1)));
        }

        @Test
        void recordCarryIn_raisesAvailableBudget() {
            fixture.given(yearWithLinesAnd(new CarryInRecorded(YEAR_ID, BASIC, yuan("10.00"), CarryOverKind.SURPLUS,
                            date(1, 1))))
                    .when(expenditure(entry("V-1", BASIC, "1010.00", date(5, 5))))
                    .expectEvents(spent("V-1", BASIC, "1010.00", date(5, 5)));
        }

        @Test
        void recordCarryIn_fails_whenAmountNotPositive() {
            refused(fixture.given(yearWithLines())
                    .when(new RecordCarryIn(YEAR_ID, PROJECT, Money.ZERO, CarryOverKind.CARRY_FORWARD)), "amount");
        }

        @Test
        void recordCarryIn_fails_whenLineUnknown() {
            refused(fixture.given(yearWithLines()).when(new RecordCarryIn(YEAR_ID, new BudgetLineId("L-X"),
                    yuan("1.00"), CarryOverKind.CARRY_FORWARD)), "lineId");
        }

        @Test
        void recordCarryIn_fails_whenKindMissing() {
            refused(fixture.given(yearWithLines()).when(new RecordCarryIn(YEAR_ID, PROJECT, yuan("1.00"), null)),
                    "kind");
        }

        @Test
        void withdrawAppropriation_emitsWithdrawn_upToUnspent() {
            fixture.given(yearWithLinesAnd(spent("V-1", PROJECT, "4000.00", date(3, 1))))
                    .when(new WithdrawAppropriation(YEAR_ID, PROJECT, yuan("1000.00"), "穗财库〔2021〕9号", "年底指标收回",
                            date(12, 20), null))
                    .expectEvents(new AppropriationWithdrawn(YEAR_ID, PROJECT, yuan("1000.00"), "穗财库〔2021〕9号",
                            "年底指标收回", date(12, 20), null));
        }

        @Test
        void withdrawAppropriation_fails_whenBeyondUnspent() {
            refused(fixture.given(yearWithLinesAnd(spent("V-1", PROJECT, "4000.00", date(3, 1))))
                    .when(new WithdrawAppropriation(YEAR_ID, PROJECT, yuan("1000.01"), DOC, "年底指标收回", date(12, 20),
                            null)), "amount", "1000.00", "已支出 4000.00");
        }

        @Test
        void withdrawAppropriation_fails_whenAmountNotPositive() {
            refused(fixture.given(yearWithLines()).when(new WithdrawAppropriation(YEAR_ID, PROJECT, Money.ZERO, DOC,
                    "年底指标收回", date(12, 20), null)), "amount");
        }

        @Test
        void withdrawAppropriation_fails_whenReasonMissing() {
            refused(fixture.given(yearWithLines()).when(new WithdrawAppropriation(YEAR_ID, PROJECT, yuan("1.00"), DOC,
                    null, date(12, 20), null)), "reason");
        }

        @Test
        void withdrawAppropriation_fails_whenLineUnknown() {
            refused(fixture.given(yearWithLines()).when(new WithdrawAppropriation(YEAR_ID, new BudgetLineId("L-X"),
                    yuan("1.00"), DOC, "年底指标收回", date(12, 20), null)), "lineId");
        }
    }

    /** A line opened mid-year: nothing on it may be effective before its opening date. */
    @Nested
    class LineOpeningDateTests {

        private final BudgetLineId late = new BudgetLineId("L-LATE");

        private List<Object> yearWithLateLine() {
            return yearWithLinesAnd(new BudgetLineOpened(YEAR_ID, late, new BudgetLineSpec(HEAD_OFFICE,
                    FundingSource.GOVERNMENT_FUND, ExpenditureKind.PROJECT, "P-ZXZ", "专项债项目",
                    new FunctionalCode("2290402"), new EconomicCode("31005")), date(9, 28)),
                    new BudgetIncreased(YEAR_ID, late, yuan("500.00"), DOC, REASON, date(9, 28), null));
        }

        @Test
        void recordExpenditure_fails_whenBeforeTheLineWasOpened() {
            refused(fixture.given(yearWithLateLine()).when(expenditure(entry("V-1", late, "1.00", date(9, 27)))),
                    "effectiveDate", "早于预算行 L-LATE 的设立日期 2021-09-28");
        }

        @Test
        void recordExpenditure_succeeds_onTheOpeningDay() {
            fixture.given(yearWithLateLine()).when(expenditure(entry("V-1", late, "1.00", date(9, 28))))
                    .expectEvents(spent("V-1", late, "1.00", date(9, 28)));
        }

        @Test
        void increase_fails_whenBeforeTheLineWasOpened() {
            refused(fixture.given(yearWithLateLine()).when(new IncreaseBudget(YEAR_ID, late, yuan("1.00"), DOC,
                    REASON, date(6, 1), null)), "effectiveDate", "早于预算行");
        }

        @Test
        void transfer_fails_whenBeforeAnyLineWasOpened() {
            refused(fixture.given(yearWithLateLine()).when(new TransferBudget(YEAR_ID, List.of(
                    new LineShare(PROJECT, yuan("-10.00")), new LineShare(late, yuan("10.00"))), DOC, REASON,
                    date(9, 1), null)), "effectiveDate", "早于预算行 L-LATE");
        }

        @Test
        void withdrawal_fails_whenBeforeTheLineWasOpened() {
            refused(fixture.given(yearWithLateLine()).when(new WithdrawAppropriation(YEAR_ID, late, yuan("1.00"),
                    DOC, REASON, date(9, 1), null)), "effectiveDate", "早于预算行");
        }

        @Test
        void carryIn_fails_onALineOpenedAfterTheFirstDay() {
            refused(fixture.given(yearWithLateLine()).when(new RecordCarryIn(YEAR_ID, late, yuan("1.00"),
                    CarryOverKind.CARRY_FORWARD)), "lineId", "只能记入年初");
        }
    }

    @Nested
    class RecordExpenditureTests {

        @Test
        void recordExpenditure_emitsRecorded_andReportsIt() {
            fixture.given(yearWithLines())
                    .when(expenditure(entry("记-0001", PROJECT, "1200.50", date(3, 15))))
                    .expectEvents(spent("记-0001", PROJECT, "1200.50", date(3, 15)))
                    .expectResultMessagePayload(new ExpenditureOutcome(true, "记-0001"));
        }

        @Test
        void recordExpenditure_acceptsExactlyTheAvailableBudget() {
            fixture.given(yearWithLinesAnd(spent("V-1", BASIC, "999.99", date(2, 1))))
                    .when(expenditure(entry("V-2", BASIC, "0.01", date(2, 2))))
                    .expectEvents(spent("V-2", BASIC, "0.01", date(2, 2)));
        }

        @Test
        void recordExpenditure_fails_whenBeyondAvailableBudget() {
            refused(fixture.given(yearWithLinesAnd(spent("V-1", BASIC, "999.99", date(2, 1))))
                    .when(expenditure(entry("V-2", BASIC, "0.02", date(2, 2)))),
                    "amount", "可用预算 1000.00", "已支出 999.99");
        }

        @Test
        void recordExpenditure_fails_whenAmountNotPositive() {
            refused(fixture.given(yearWithLines()).when(expenditure(entry("V-1", BASIC, "0.00", date(2, 2)))),
                    "amount");
        }

        @Test
        void recordExpenditure_fails_whenLineUnknown() {
            refused(fixture.given(yearWithLines())
                    .when(expenditure(entry("V-1", new BudgetLineId("L-X"), "1.00", date(2, 2)))), "lineId");
        }

        @Test
        void recordExpenditure_fails_whenEffectiveDateOutsideYear() {
            refused(fixture.given(yearWithLines())
                    .when(expenditure(entry("V-1", BASIC, "1.00", LocalDate.of(2022, 1, 1)))), "effectiveDate");
        }

        @Test
        void recordExpenditure_fails_whenEntryMissing() {
            refused(fixture.given(yearWithLines()).when(new RecordExpenditure(YEAR_ID, null, null, null)), "entry");
        }

        @Test
        void recordExpenditure_fails_whenVoucherNoMissing() {
            refused(fixture.given(yearWithLines()).when(expenditure(new ExpenditureEntry(null, BASIC, yuan("1.00"),
                    date(2, 2), PAYEE, SUMMARY))), "voucherNo");
        }

        @Test
        void recordExpenditure_fails_whenPayeeTooLong() {
            refused(fixture.given(yearWithLines()).when(expenditure(new ExpenditureEntry(voucher("V-1"), BASIC,
                    yuan("1.00"), date(2, 2), "某".repeat(201), SUMMARY))), "payee", "200");
        }

        @Test
        void recordExpenditure_fails_whenSummaryTooLong() {
            refused(fixture.given(yearWithLines()).when(expenditure(new ExpenditureEntry(voucher("V-1"), BASIC,
                    yuan("1.00"), date(2, 2), PAYEE, "摘".repeat(501)))), "summary", "500");
        }

        @Test
        void recordExpenditure_recordsNullForBlankPayee() {
            fixture.given(yearWithLines())
                    .when(expenditure(new ExpenditureEntry(voucher("V-1"), BASIC, yuan("1.00"), date(2, 2), "  ", null)))
                    .expectEvents(new ExpenditureRecorded(YEAR_ID, voucher("V-1"), BASIC, yuan("1.00"), date(2, 2),
                            null, null, null, null, null));
        }

        @Test
        void recordExpenditure_isReportedNoOp_whenIdenticalVoucherResubmitted() {
            fixture.given(yearWithLinesAnd(spent("V-1", BASIC, "1000.00", date(2, 1))))
                    // the line is fully spent: a resubmission must still be recognised, not refused
                    .when(expenditure(new ExpenditureEntry(voucher("V-1"), BASIC, yuan("1000.00"), date(2, 1),
                            " " + PAYEE + " ", SUMMARY)))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(new ExpenditureOutcome(false, "V-1"));
        }

        @Test
        void recordExpenditure_fails_whenVoucherNoUsedWithAnotherAmount() {
            conflict(fixture.given(yearWithLinesAnd(spent("V-1", BASIC, "100.00", date(2, 1))))
                    .when(expenditure(entry("V-1", BASIC, "100.01", date(2, 1)))), "voucherNo", "V-1");
        }

        @Test
        void recordExpenditure_fails_whenVoucherNoUsedWithAnotherPayee() {
            conflict(fixture.given(yearWithLinesAnd(spent("V-1", BASIC, "100.00", date(2, 1))))
                    .when(expenditure(new ExpenditureEntry(voucher("V-1"), BASIC, yuan("100.00"), date(2, 1),
                            "另一家公司", SUMMARY))), "voucherNo");
        }

        @Test
        void recordExpenditure_fails_whenVoucherNoUsedByReversal() {
            conflict(fixture.given(yearWithLinesAnd(spent("V-1", BASIC, "100.00", date(2, 1)),
                            reversed("R-1", "V-1", BASIC, "100.00", date(2, 3))))
                    .when(expenditure(entry("R-1", BASIC, "100.00", date(2, 3)))), "voucherNo", "冲销");
        }

        @Test
        void recordExpenditure_recordsCorrection_ofReversedVoucher() {
            fixture.given(yearWithLinesAnd(spent("V-1", BASIC, "100.00", date(2, 1)),
                            reversed("R-1", "V-1", BASIC, "100.00", date(2, 3))))
                    .when(new RecordExpenditure(YEAR_ID, entry("V-2", BASIC, "10.00", date(2, 3)), voucher("V-1"), null))
                    .expectEvents(new ExpenditureRecorded(YEAR_ID, voucher("V-2"), BASIC, yuan("10.00"), date(2, 3),
                            PAYEE, SUMMARY, null, voucher("V-1"), null));
        }

        @Test
        void recordExpenditure_fails_whenCorrectedVoucherUnknown() {
            refused(fixture.given(yearWithLines()).when(new RecordExpenditure(YEAR_ID,
                    entry("V-2", BASIC, "10.00", date(2, 3)), voucher("V-404"), null)), "correctionOf", "V-404");
        }

        @Test
        void recordExpenditure_fails_whenCorrectedVoucherNotReversed() {
            refused(fixture.given(yearWithLinesAnd(spent("V-1", BASIC, "100.00", date(2, 1))))
                    .when(new RecordExpenditure(YEAR_ID, entry("V-2", BASIC, "10.00", date(2, 3)), voucher("V-1"),
                            null)), "correctionOf", "冲销");
        }

        @Test
        void recordExpenditure_fails_whenCorrectedVoucherIsAReversal() {
            refused(fixture.given(yearWithLinesAnd(spent("V-1", BASIC, "100.00", date(2, 1)),
                            reversed("R-1", "V-1", BASIC, "100.00", date(2, 3))))
                    .when(new RecordExpenditure(YEAR_ID, entry("V-2", BASIC, "10.00", date(2, 3)), voucher("R-1"),
                            null)), "correctionOf", "冲销凭证");
        }
    }

    @Nested
    class BatchTests {

        @Test
        void recordExpenditureBatch_emitsOneEventPerEntry_withBatchId() {
            fixture.given(yearWithLines())
                    .when(batch("IMPORT-2021-03", entry("V-1", BASIC, "100.00", date(3, 1)),
                            entry("V-2", PROJECT, "200.00", date(3, 2)), entry("V-3", BASIC, "300.00", date(3, 3))))
                    .expectEvents(spent("V-1", BASIC, "100.00", date(3, 1), "IMPORT-2021-03"),
                            spent("V-2", PROJECT, "200.00", date(3, 2), "IMPORT-2021-03"),
                            spent("V-3", BASIC, "300.00", date(3, 3), "IMPORT-2021-03"))
                    .expectResultMessagePayload(new BatchOutcome(3, 0, List.of()));
        }

        @Test
        void recordExpenditureBatch_isAllOrNothing_whenOneEntryIsInvalid() {
            refused(fixture.given(yearWithLines())
                    .when(batch("B-1", entry("V-1", BASIC, "100.00", date(3, 1)),
                            entry("V-2", PROJECT, "200.00", date(3, 2)), entry("V-3", BASIC, "-1.00", date(3, 3)),
                            entry("V-4", BASIC, "1.00", date(3, 3)))),
                    "entries[2].amount");
        }

        @Test
        void recordExpenditureBatch_fails_whenEntryLineUnknown() {
            refused(fixture.given(yearWithLines()).when(batch("B-1", entry("V-1", BASIC, "1.00", date(3, 1)),
                    entry("V-2", new BudgetLineId("L-X"), "1.00", date(3, 1)))), "entries[1].lineId");
        }

        @Test
        void recordExpenditureBatch_fails_whenEntryDateOutsideYear() {
            refused(fixture.given(yearWithLines()).when(batch("B-1", entry("V-1", BASIC, "1.00", date(3, 1)),
                    entry("V-2", BASIC, "1.00", LocalDate.of(2020, 12, 31)))), "entries[1].effectiveDate");
        }

        @Test
        void recordExpenditureBatch_fails_whenEntriesTogetherExceedAvailableBudget() {
            refused(fixture.given(yearWithLinesAnd(spent("V-0", BASIC, "500.00", date(2, 1))))
                    .when(batch("B-1", entry("V-1", BASIC, "300.00", date(3, 1)),
                            entry("V-2", PROJECT, "4000.00", date(3, 1)), entry("V-3", BASIC, "200.01", date(3, 2)))),
                    "entries[2].amount", "可用预算 1000.00", "已支出 500.00", "本批此前各条 300.00");
        }

        @Test
        void recordExpenditureBatch_fails_whenVoucherNoRepeatsInBatch() {
            refused(fixture.given(yearWithLines()).when(batch("B-1", entry("V-1", BASIC, "1.00", date(3, 1)),
                    entry("V-2", BASIC, "1.00", date(3, 1)), entry("V-1", BASIC, "1.00", date(3, 1)))),
                    "entries[2].voucherNo", "entries[0]");
        }

        @Test
        void recordExpenditureBatch_fails_whenBatchIdMissing() {
            refused(fixture.given(yearWithLines()).when(batch(" ", entry("V-1", BASIC, "1.00", date(3, 1)))),
                    "batchId");
        }

        @Test
        void recordExpenditureBatch_fails_whenNoEntries() {
            refused(fixture.given(yearWithLines()).when(batch("B-1")), "entries");
        }

        @Test
        void recordExpenditureBatch_isReportedNoOp_whenResubmittedIdentically() {
            fixture.given(yearWithLinesAnd(spent("V-1", BASIC, "100.00", date(3, 1), "B-1"),
                            spent("V-2", PROJECT, "200.00", date(3, 2), "B-1")))
                    .when(batch("B-1", entry("V-1", BASIC, "100.00", date(3, 1)),
                            entry("V-2", PROJECT, "200.00", date(3, 2))))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(new BatchOutcome(0, 2, List.of("V-1", "V-2")));
        }

        @Test
        void recordExpenditureBatch_recordsOnlyNewEntries_whenPartlyRecorded() {
            fixture.given(yearWithLinesAnd(spent("V-1", BASIC, "600.00", date(3, 1), "B-1")))
                    // V-1 is already spent: the new V-2 fits only because V-1 is not counted twice
                    .when(batch("B-1-retry", entry("V-1", BASIC, "600.00", date(3, 1)),
                            entry("V-2", BASIC, "400.00", date(3, 2))))
                    .expectEvents(spent("V-2", BASIC, "400.00", date(3, 2), "B-1-retry"))
                    .expectResultMessagePayload(new BatchOutcome(1, 1, List.of("V-1")));
        }

        @Test
        void recordExpenditureBatch_refusesWholeBatch_whenVoucherNoUsedWithOtherPayload() {
            conflict(fixture.given(yearWithLinesAnd(spent("V-1", BASIC, "100.00", date(3, 1))))
                    .when(batch("B-2", entry("V-0", BASIC, "1.00", date(3, 1)),
                            entry("V-1", BASIC, "100.00", date(3, 9)))), "entries[1].voucherNo", "V-1");
        }
    }

    @Nested
    class ImportTests {

        private static final String IMPORT_ID = "imp-1";
        private static final String FILE = "2021年预算台账.xlsx";
        private static final String SHA = "ab".repeat(32);
        private static final BudgetLineId NEW_LINE = new BudgetLineId("L-NEW");

        private ImportLedgerFile importing(BudgetCommand... rows) {
            return new ImportLedgerFile(YEAR_ID, IMPORT_ID, FILE, SHA, List.of(rows));
        }

        private RecordExpenditure voucherRow(String voucherNo, BudgetLineId lineId, String amount, LocalDate date) {
            return new RecordExpenditure(YEAR_ID, entry(voucherNo, lineId, amount, date), null, null);
        }

        private ExpenditureRecorded imported(String voucherNo, BudgetLineId lineId, String amount, LocalDate date) {
            return spent(voucherNo, lineId, amount, date, IMPORT_ID);
        }

        private BudgetLineSpec personnelSpec() {
            return new BudgetLineSpec(HEAD_OFFICE, FundingSource.GENERAL_PUBLIC_BUDGET,
                    ExpenditureKind.BASIC_PERSONNEL, null, null, new FunctionalCode("2010101"),
                    new EconomicCode("30101"));
        }

        /** The refused rows as "index field", in file order. */
        private Matcher<ImportRefusedException> refusedRows(String... rowsAndFields) {
            return new FeatureMatcher<>(org.hamcrest.Matchers.equalTo(List.of(rowsAndFields)), "refused rows",
                    "refused rows") {
                @Override
                protected List<String> featureValueOf(ImportRefusedException e) {
                    return e.refusals().stream().map(r -> r.row() + " " + r.field()).toList();
                }
            };
        }

        @Test
        void importLedgerFile_recordsTheRowsEvents_thenLedgerFileImported() {
            fixture.given(yearWithLines())
                    .when(importing(
                            new OpenBudgetLine(YEAR_ID, NEW_LINE, personnelSpec(), date(1, 1)),
                            new ApproveInitialBudget(YEAR_ID, NEW_LINE, yuan("300.00"), DOC, date(1, 10)),
                            new IncreaseBudget(YEAR_ID, NEW_LINE, yuan("50.00"), DOC, REASON, date(3, 1), null),
                            new DecreaseBudget(YEAR_ID, PROJECT, yuan("100.00"), DOC, REASON, date(3, 2), null),
                            new TransferBudget(YEAR_ID, List.of(new LineShare(PROJECT, yuan("-200.00")),
                                    new LineShare(BASIC, yuan("200.00"))), DOC, REASON, date(3, 3), null),
                            // each voucher fits only because of the rows above it
                            voucherRow("V-1", NEW_LINE, "350.00", date(3, 5)),
                            voucherRow("V-2", BASIC, "1200.00", date(3, 6))))
                    .expectEvents(
                            new BudgetLineOpened(YEAR_ID, NEW_LINE, personnelSpec(), date(1, 1)),
                            new InitialBudgetApproved(YEAR_ID, NEW_LINE, yuan("300.00"), DOC, date(1, 10)),
                            new BudgetIncreased(YEAR_ID, NEW_LINE, yuan("50.00"), DOC, REASON, date(3, 1), null),
                            new BudgetDecreased(YEAR_ID, PROJECT, yuan("100.00"), DOC, REASON, date(3, 2), null),
                            new BudgetTransferred(YEAR_ID, List.of(new LineShare(PROJECT, yuan("-200.00")),
                                    new LineShare(BASIC, yuan("200.00"))), DOC, REASON, date(3, 3), null),
                            imported("V-1", NEW_LINE, "350.00", date(3, 5)),
                            imported("V-2", BASIC, "1200.00", date(3, 6)),
                            new LedgerFileImported(YEAR_ID, IMPORT_ID, FILE, SHA, 7, 7, date(3, 6)))
                    .expectResultMessagePayload(new LedgerImportOutcome(true, false, IMPORT_ID, 7, 7, List.of()));
        }

        @Test
        void importLedgerFile_writesNothing_whenAMiddleRowIsRefused() {
            fixture.given(yearWithLines())
                    .when(importing(voucherRow("V-1", BASIC, "600.00", date(3, 1)),
                            voucherRow("V-2", BASIC, "400.01", date(3, 2)),
                            voucherRow("V-3", PROJECT, "1.00", date(3, 3))))
                    .expectException(refusedRows("1 amount"))
                    .expectExceptionMessage(allOf(startsWith("rows: "), containsString("可用预算 1000.00"),
                            containsString("已支出 600.00")))
                    .expectNoEvents();
        }

        @Test
        void importLedgerFile_listsEveryRefusedRow_checkingLaterRowsAsIfRefusedOnesWereAbsent() {
            fixture.given(yearWithLines())
                    .when(importing(voucherRow("V-1", new BudgetLineId("L-X"), "1.00", date(3, 1)),
                            voucherRow("V-2", BASIC, "999.00", date(3, 1)),
                            voucherRow("V-3", BASIC, "2.00", date(3, 2)),
                            voucherRow("V-4", BASIC, "1.00", date(3, 3)),
                            voucherRow("V-5", BASIC, "1.00", LocalDate.of(2022, 1, 3)),
                            voucherRow("V-4", BASIC, "1.00", date(3, 3)),
                            new OpenBudgetLine(YEAR_ID, PROJECT, personnelSpec(), date(1, 1)),
                            new RecordCarryIn(YEAR_ID, BASIC, yuan("1.00"), CarryOverKind.SURPLUS)))
                    .expectException(refusedRows("0 lineId", "2 amount", "4 effectiveDate",
                            "5 voucherNo", "6 lineId", "7 rows"))
                    .expectNoEvents();
        }

        @Test
        void importLedgerFile_marksConflictsWithRecordedState() {
            fixture.given(yearWithLines())
                    .when(importing(new OpenBudgetLine(YEAR_ID, PROJECT, personnelSpec(), date(1, 1))))
                    .expectException(new FeatureMatcher<ImportRefusedException, Boolean>(
                            org.hamcrest.Matchers.is(true), "conflict", "conflict") {
                        @Override
                        protected Boolean featureValueOf(ImportRefusedException e) {
                            return e.refusals().get(0).conflict() && e.total() == 1;
                        }
                    })
                    .expectNoEvents();
        }

        @Test
        void importLedgerFile_isReportedNoOp_whenTheSameFileWasImportedBefore() {
            fixture.given(yearWithLinesAnd(imported("V-1", BASIC, "1.00", date(3, 1)),
                            new LedgerFileImported(YEAR_ID, "imp-0", FILE, SHA, 1, 1, date(3, 1))))
                    .when(importing(voucherRow("V-1", BASIC, "1.00", date(3, 1))))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(new LedgerImportOutcome(false, true, "imp-0", 1, 0, List.of()));
        }

        @Test
        void importLedgerFile_isReportedNoOp_whenTheSameFileComesUnderAnotherName() {
            fixture.given(yearWithLinesAnd(imported("V-1", BASIC, "1.00", date(3, 1)),
                            new LedgerFileImported(YEAR_ID, "imp-0", FILE, SHA, 1, 1, date(3, 1))))
                    .when(new ImportLedgerFile(YEAR_ID, "imp-9", "副本.csv", SHA,
                            List.of(voucherRow("V-1", BASIC, "1.00", date(3, 1)))))
                    .expectNoEvents()
                    .expectResultMessagePayload(new LedgerImportOutcome(false, true, "imp-0", 1, 0, List.of()));
        }

        @Test
        void importLedgerFile_skipsVouchersRecordedBefore_likeAResubmittedVoucher() {
            fixture.given(yearWithLinesAnd(spent("V-1", BASIC, "600.00", date(3, 1))))
                    // V-1 is counted once: V-2 fits beside it
                    .when(importing(voucherRow("V-1", BASIC, "600.00", date(3, 1)),
                            voucherRow("V-2", BASIC, "400.00", date(3, 2))))
                    .expectEvents(imported("V-2", BASIC, "400.00", date(3, 2)),
                            new LedgerFileImported(YEAR_ID, IMPORT_ID, FILE, SHA, 2, 1, date(3, 2)))
                    .expectResultMessagePayload(new LedgerImportOutcome(true, false, IMPORT_ID, 2, 1, List.of("V-1")));
        }

        @Test
        void importLedgerFile_recordsNothing_whenEveryVoucherWasRecordedBefore() {
            fixture.given(yearWithLinesAnd(spent("V-1", BASIC, "600.00", date(3, 1))))
                    .when(importing(voucherRow("V-1", BASIC, "600.00", date(3, 1))))
                    .expectNoEvents()
                    .expectResultMessagePayload(new LedgerImportOutcome(false, false, IMPORT_ID, 1, 0, List.of("V-1")));
        }

        @Test
        void importLedgerFile_refusesRowsOfAnotherYear() {
            fixture.given(yearWithLines())
                    .when(importing(new RecordExpenditure(FiscalYearId.of("GZ-ZSJ", 2022),
                            entry("V-1", BASIC, "1.00", LocalDate.of(2022, 3, 1)), null, null)))
                    .expectException(refusedRows("0 fiscalYearId"))
                    .expectNoEvents();
        }

        @Test
        void importLedgerFile_fails_whenYearClosed() {
            refused(fixture.given(yearWithLinesAnd(closed()))
                    .when(importing(voucherRow("V-1", BASIC, "1.00", date(3, 1)))), "postCloseReason", "年度已结账");
        }

        @Test
        void importLedgerFile_fails_whenDigestMalformed() {
            refused(fixture.given(yearWithLines()).when(new ImportLedgerFile(YEAR_ID, IMPORT_ID, FILE, "ABC",
                    List.of(voucherRow("V-1", BASIC, "1.00", date(3, 1))))), "sha256");
        }

        @Test
        void importLedgerFile_fails_whenNoRows() {
            refused(fixture.given(yearWithLines()).when(importing()), "rows", "没有数据行");
        }

        @Test
        void importLedgerFile_fails_whenFileNameMissing() {
            refused(fixture.given(yearWithLines()).when(new ImportLedgerFile(YEAR_ID, IMPORT_ID, " ", SHA,
                    List.of(voucherRow("V-1", BASIC, "1.00", date(3, 1))))), "fileName");
        }
    }

    @Nested
    class ReverseExpenditureTests {

        private List<Object> withVoucher() {
            return yearWithLinesAnd(spent("V-1", BASIC, "800.00", date(3, 1)));
        }

        @Test
        void reverseExpenditure_emitsReversed_withOriginalsLine() {
            fixture.given(withVoucher())
                    .when(reverse("R-1", "V-1", "800.00", date(3, 5)))
                    .expectEvents(reversed("R-1", "V-1", BASIC, "800.00", date(3, 5)));
        }

        @Test
        void reverseExpenditure_restoresAvailableBudget() {
            fixture.given(yearWithLinesAnd(spent("V-1", BASIC, "800.00", date(3, 1)),
                            reversed("R-1", "V-1", BASIC, "300.00", date(3, 5))))
                    .when(expenditure(entry("V-2", BASIC, "500.00", date(3, 6))))
                    .expectEvents(spent("V-2", BASIC, "500.00", date(3, 6)));
        }

        @Test
        void reverseExpenditure_acceptsSecondPartialReversal_upToTheRest() {
            fixture.given(yearWithLinesAnd(spent("V-1", BASIC, "800.00", date(3, 1)),
                            reversed("R-1", "V-1", BASIC, "300.00", date(3, 5))))
                    .when(reverse("R-2", "V-1", "500.00", date(3, 6)))
                    .expectEvents(reversed("R-2", "V-1", BASIC, "500.00", date(3, 6)));
        }

        @Test
        void reverseExpenditure_fails_whenBeyondWhatRemainsUnreversed() {
            refused(fixture.given(yearWithLinesAnd(spent("V-1", BASIC, "800.00", date(3, 1)),
                            reversed("R-1", "V-1", BASIC, "300.00", date(3, 5))))
                    .when(reverse("R-2", "V-1", "500.01", date(3, 6))),
                    "amount", "原金额 800.00", "已冲销 300.00");
        }

        @Test
        void reverseExpenditure_fails_whenVoucherNoUsed() {
            conflict(fixture.given(withVoucher()).when(reverse("V-1", "V-1", "1.00", date(3, 5))), "voucherNo");
        }

        @Test
        void reverseExpenditure_fails_whenOriginalUnknown() {
            refused(fixture.given(withVoucher()).when(reverse("R-1", "V-404", "1.00", date(3, 5))),
                    "originalVoucherNo", "V-404");
        }

        @Test
        void reverseExpenditure_fails_whenOriginalIsAReversal() {
            refused(fixture.given(yearWithLinesAnd(spent("V-1", BASIC, "800.00", date(3, 1)),
                            reversed("R-1", "V-1", BASIC, "300.00", date(3, 5))))
                    .when(reverse("R-2", "R-1", "1.00", date(3, 6))), "originalVoucherNo", "冲销凭证");
        }

        @Test
        void reverseExpenditure_fails_whenAmountNotPositive() {
            refused(fixture.given(withVoucher()).when(reverse("R-1", "V-1", "0.00", date(3, 5))), "amount");
        }

        @Test
        void reverseExpenditure_fails_whenReasonMissing() {
            refused(fixture.given(withVoucher()).when(new ReverseExpenditure(YEAR_ID, voucher("R-1"), voucher("V-1"),
                    yuan("1.00"), null, date(3, 5), null)), "reason");
        }

        @Test
        void reverseExpenditure_fails_whenBeforeOriginalDate() {
            refused(fixture.given(withVoucher()).when(reverse("R-1", "V-1", "1.00", date(2, 28))),
                    "effectiveDate", "2021-03-01");
        }

        @Test
        void reverseExpenditure_fails_whenOutsideYear() {
            refused(fixture.given(withVoucher()).when(reverse("R-1", "V-1", "1.00", LocalDate.of(2022, 1, 2))),
                    "effectiveDate");
        }
    }

    @Nested
    class ProcurementTests {

        private PlanProcurement plan(String planAmount, String reserve) {
            return new PlanProcurement(YEAR_ID, PROCUREMENT, "政务云运维服务", ProcurementCategory.SERVICES,
                    planAmount == null ? null : yuan(planAmount), reserve == null ? null : yuan(reserve), date(1, 15));
        }

        private SignProcurementContract sign(String contractNo, LocalDate awarded, LocalDate signed) {
            return new SignProcurementContract(YEAR_ID, PROCUREMENT, contractNo, yuan("2800.00"), awarded, signed);
        }

        private List<Object> planned() {
            return yearWithLinesAnd(procurementPlanned());
        }

        private List<Object> signed() {
            return yearWithLinesAnd(procurementPlanned(), contractSigned("HT-001", date(11, 20)));
        }

        @Test
        void planProcurement_emitsPlanned() {
            fixture.given(yearWithLines()).when(plan("3000.00", "1000.00")).expectEvents(procurementPlanned());
        }

        @Test
        void planProcurement_acceptsReserveEqualToPlan() {
            fixture.given(yearWithLines()).when(plan("3000.00", "3000.00")).expectSuccessfulHandlerExecution();
        }

        @Test
        void planProcurement_fails_whenIdUsed() {
            conflict(fixture.given(planned()).when(plan("1.00", "0.00")), "procurementId", "CG-001");
        }

        @Test
        void planProcurement_fails_whenNameMissing() {
            refused(fixture.given(yearWithLines()).when(new PlanProcurement(YEAR_ID, PROCUREMENT, " ",
                    ProcurementCategory.GOODS, yuan("1.00"), Money.ZERO, date(1, 15))), "name");
        }

        @Test
        void planProcurement_fails_whenCategoryMissing() {
            refused(fixture.given(yearWithLines()).when(new PlanProcurement(YEAR_ID, PROCUREMENT, "采购", null,
                    yuan("1.00"), Money.ZERO, date(1, 15))), "category");
        }

        @Test
        void planProcurement_fails_whenPlanNotPositive() {
            refused(fixture.given(yearWithLines()).when(plan("0.00", "0.00")), "planAmount");
        }

        @Test
        void planProcurement_fails_whenReserveNegative() {
            refused(fixture.given(yearWithLines()).when(plan("100.00", "-0.01")), "smeReserve");
        }

        @Test
        void planProcurement_fails_whenReserveMissing() {
            refused(fixture.given(yearWithLines()).when(plan("100.00", null)), "smeReserve");
        }

        @Test
        void planProcurement_fails_whenReserveAbovePlan() {
            refused(fixture.given(yearWithLines()).when(plan("100.00", "100.01")), "smeReserve", "100.00");
        }

        @Test
        void planProcurement_fails_whenEffectiveDateOutsideYear() {
            refused(fixture.given(yearWithLines()).when(new PlanProcurement(YEAR_ID, PROCUREMENT, "采购",
                    ProcurementCategory.GOODS, yuan("1.00"), Money.ZERO, LocalDate.of(2020, 12, 1))), "effectiveDate");
        }

        @Test
        void signProcurementContract_emitsSigned() {
            fixture.given(planned())
                    .when(sign("HT-001", date(11, 10), date(11, 20)))
                    .expectEvents(contractSigned("HT-001", date(11, 20)));
        }

        @Test
        void signProcurementContract_acceptsAwardNoticeOfPreviousYear() {
            fixture.given(planned())
                    .when(sign("HT-001", LocalDate.of(2020, 12, 28), date(1, 8)))
                    .expectEvents(new ProcurementContractSigned(YEAR_ID, PROCUREMENT, "HT-001", yuan("2800.00"),
                            LocalDate.of(2020, 12, 28), date(1, 8)));
        }

        @Test
        void signProcurementContract_fails_whenPlanUnknown() {
            refused(fixture.given(yearWithLines()).when(sign("HT-001", date(11, 10), date(11, 20))),
                    "procurementId", "CG-001");
        }

        @Test
        void signProcurementContract_fails_whenContractNoMissing() {
            refused(fixture.given(planned()).when(sign(" ", date(11, 10), date(11, 20))), "contractNo");
        }

        @Test
        void signProcurementContract_fails_whenContractNoAlreadySigned() {
            conflict(fixture.given(signed()).when(sign("HT-001", date(11, 10), date(11, 21))), "contractNo");
        }

        @Test
        void signProcurementContract_fails_whenAmountNotPositive() {
            refused(fixture.given(planned()).when(new SignProcurementContract(YEAR_ID, PROCUREMENT, "HT-001",
                    Money.ZERO, date(11, 10), date(11, 20))), "contractAmount");
        }

        @Test
        void signProcurementContract_fails_whenAwardNoticeAfterSigning() {
            refused(fixture.given(planned()).when(sign("HT-001", date(11, 21), date(11, 20))),
                    "awardNoticeDate", "2021-11-20");
        }

        @Test
        void signProcurementContract_fails_whenAwardNoticeMissing() {
            refused(fixture.given(planned()).when(sign("HT-001", null, date(11, 20))), "awardNoticeDate");
        }

        @Test
        void signProcurementContract_fails_whenAwardNoticeTwoYearsEarlier() {
            refused(fixture.given(planned()).when(sign("HT-001", LocalDate.of(2019, 12, 31), date(1, 5))),
                    "awardNoticeDate");
        }

        @Test
        void signProcurementContract_fails_whenSignedOutsideYear() {
            refused(fixture.given(planned()).when(sign("HT-001", date(12, 20), LocalDate.of(2022, 1, 3))),
                    "signedDate");
        }

        @Test
        void fileProcurementContract_emitsFiled() {
            fixture.given(signed())
                    .when(new FileProcurementContract(YEAR_ID, PROCUREMENT, "HT-001", date(11, 25)))
                    .expectEvents(new ProcurementContractFiled(YEAR_ID, PROCUREMENT, "HT-001", date(11, 25)));
        }

        @Test
        void fileProcurementContract_acceptsFilingUpToMarch31OfNextYear() {
            fixture.given(signed())
                    .when(new FileProcurementContract(YEAR_ID, PROCUREMENT, "HT-001", LocalDate.of(2022, 3, 31)))
                    .expectEvents(new ProcurementContractFiled(YEAR_ID, PROCUREMENT, "HT-001", LocalDate.of(2022, 3, 31)));
        }

        @Test
        void fileProcurementContract_fails_whenAfterMarch31OfNextYear() {
            refused(fixture.given(signed())
                    .when(new FileProcurementContract(YEAR_ID, PROCUREMENT, "HT-001", LocalDate.of(2022, 4, 1))),
                    "filedDate", "2022-03-31");
        }

        @Test
        void fileProcurementContract_fails_whenBeforeSigning() {
            refused(fixture.given(signed())
                    .when(new FileProcurementContract(YEAR_ID, PROCUREMENT, "HT-001", date(11, 19))),
                    "filedDate", "2021-11-20");
        }

        @Test
        void fileProcurementContract_fails_whenFiledDateMissing() {
            refused(fixture.given(signed()).when(new FileProcurementContract(YEAR_ID, PROCUREMENT, "HT-001", null)),
                    "filedDate");
        }

        @Test
        void fileProcurementContract_fails_whenContractNotSigned() {
            refused(fixture.given(signed())
                    .when(new FileProcurementContract(YEAR_ID, PROCUREMENT, "HT-999", date(11, 25))),
                    "contractNo", "HT-999");
        }

        @Test
        void fileProcurementContract_fails_whenContractBelongsToAnotherPlan() {
            ProcurementId other = new ProcurementId("CG-002");
            refused(fixture.given(yearWithLinesAnd(procurementPlanned(),
                            new ProcurementPlanned(YEAR_ID, other, "热线外包", ProcurementCategory.SERVICES,
                                    yuan("500.00"), Money.ZERO, date(1, 15)),
                            contractSigned("HT-001", date(11, 20))))
                    .when(new FileProcurementContract(YEAR_ID, other, "HT-001", date(11, 25))), "contractNo");
        }

        @Test
        void fileProcurementContract_fails_whenAlreadyFiled() {
            List<Object> given = new ArrayList<>(signed());
            given.add(new ProcurementContractFiled(YEAR_ID, PROCUREMENT, "HT-001", date(11, 25)));
            conflict(fixture.given(given)
                    .when(new FileProcurementContract(YEAR_ID, PROCUREMENT, "HT-001", date(11, 26))), "contractNo");
        }

        @Test
        void fileProcurementContract_fails_whenPlanUnknown() {
            refused(fixture.given(signed()).when(new FileProcurementContract(YEAR_ID, new ProcurementId("CG-404"),
                    "HT-001", date(11, 25))), "procurementId");
        }

        @Test
        void recordProcurementExecution_emitsExecuted() {
            fixture.given(planned())
                    .when(new RecordProcurementExecution(YEAR_ID, PROCUREMENT, yuan("2800.00"), yuan("2800.00"),
                            date(12, 1)))
                    .expectEvents(new ProcurementExecuted(YEAR_ID, PROCUREMENT, yuan("2800.00"), yuan("2800.00"),
                            date(12, 1)));
        }

        @Test
        void recordProcurementExecution_fails_whenPlanUnknown() {
            refused(fixture.given(yearWithLines()).when(new RecordProcurementExecution(YEAR_ID, PROCUREMENT,
                    yuan("1.00"), Money.ZERO, date(12, 1))), "procurementId");
        }

        @Test
        void recordProcurementExecution_fails_whenAmountNotPositive() {
            refused(fixture.given(planned()).when(new RecordProcurementExecution(YEAR_ID, PROCUREMENT, Money.ZERO,
                    Money.ZERO, date(12, 1))), "amount");
        }

        @Test
        void recordProcurementExecution_fails_whenSmeAwardNegative() {
            refused(fixture.given(planned()).when(new RecordProcurementExecution(YEAR_ID, PROCUREMENT, yuan("1.00"),
                    yuan("-1.00"), date(12, 1))), "smeAwardedAmount");
        }

        @Test
        void recordProcurementExecution_fails_whenSmeAwardAboveAmount() {
            refused(fixture.given(planned()).when(new RecordProcurementExecution(YEAR_ID, PROCUREMENT, yuan("1.00"),
                    yuan("1.01"), date(12, 1))), "smeAwardedAmount");
        }

        @Test
        void recordProcurementExecution_fails_whenEffectiveDateOutsideYear() {
            refused(fixture.given(planned()).when(new RecordProcurementExecution(YEAR_ID, PROCUREMENT, yuan("1.00"),
                    Money.ZERO, LocalDate.of(2022, 1, 1))), "effectiveDate");
        }
    }

    @Nested
    class NoticeAndAssetTests {

        private RecordExecutionNotice notice(String required, String published) {
            return new RecordExecutionNotice(YEAR_ID, "穗财通〔2021〕3号", required == null ? null : new BigDecimal(required),
                    published == null ? null : new BigDecimal(published), date(3, 31));
        }

        @Test
        void recordExecutionNotice_emitsRecorded_rateMayExceedOne() {
            fixture.given(yearWithLines())
                    .when(notice("0.25", "1.0460"))
                    .expectEvents(new ExecutionNoticeRecorded(YEAR_ID, "穗财通〔2021〕3号", new BigDecimal("0.25"),
                            new BigDecimal("1.0460"), date(3, 31)));
        }

        @Test
        void recordExecutionNotice_acceptsFullRequiredProgress() {
            fixture.given(yearWithLines()).when(notice("1", "0")).expectSuccessfulHandlerExecution();
        }

        @Test
        void recordExecutionNotice_fails_whenDocumentNoMissing() {
            refused(fixture.given(yearWithLines()).when(new RecordExecutionNotice(YEAR_ID, null, BigDecimal.ONE,
                    BigDecimal.ONE, date(3, 31))), "documentNo");
        }

        @Test
        void recordExecutionNotice_fails_whenRequiredProgressZero() {
            refused(fixture.given(yearWithLines()).when(notice("0", "0.5")), "requiredProgress");
        }

        @Test
        void recordExecutionNotice_fails_whenRequiredProgressAboveOne() {
            // 75 meant as a percentage is the typical slip this catches
            refused(fixture.given(yearWithLines()).when(notice("75", "0.5")), "requiredProgress", "0.75");
        }

        @Test
        void recordExecutionNotice_fails_whenRequiredProgressMissing() {
            refused(fixture.given(yearWithLines()).when(notice(null, "0.5")), "requiredProgress");
        }

        @Test
        void recordExecutionNotice_fails_whenPublishedRateNegative() {
            refused(fixture.given(yearWithLines()).when(notice("0.5", "-0.01")), "publishedRate");
        }

        @Test
        void recordExecutionNotice_fails_whenPublishedRateMissing() {
            refused(fixture.given(yearWithLines()).when(notice("0.5", null)), "publishedRate");
        }

        @Test
        void recordExecutionNotice_fails_whenNoticeDateOutsideYear() {
            refused(fixture.given(yearWithLines()).when(new RecordExecutionNotice(YEAR_ID, DOC, BigDecimal.ONE,
                    BigDecimal.ONE, LocalDate.of(2022, 1, 10))), "noticeDate");
        }

        @Test
        void recordFixedAssets_acceptsInUseAboveOriginal_asPublished() {
            fixture.given(yearWithLines())
                    .when(new RecordFixedAssets(YEAR_ID, yuan("100.00"), yuan("120.00"), date(12, 31)))
                    .expectEvents(new FixedAssetsRecorded(YEAR_ID, yuan("100.00"), yuan("120.00"), date(12, 31)));
        }

        @Test
        void recordFixedAssets_fails_whenOriginalValueNegative() {
            refused(fixture.given(yearWithLines())
                    .when(new RecordFixedAssets(YEAR_ID, yuan("-1.00"), yuan("0.00"), date(12, 31))), "originalValue");
        }

        @Test
        void recordFixedAssets_fails_whenInUseValueNegative() {
            refused(fixture.given(yearWithLines())
                    .when(new RecordFixedAssets(YEAR_ID, yuan("1.00"), yuan("-0.01"), date(12, 31))), "inUseValue");
        }

        @Test
        void recordFixedAssets_fails_whenValueMissing() {
            refused(fixture.given(yearWithLines())
                    .when(new RecordFixedAssets(YEAR_ID, null, yuan("1.00"), date(12, 31))), "originalValue");
        }

        @Test
        void recordFixedAssets_fails_whenEffectiveDateOutsideYear() {
            refused(fixture.given(yearWithLines()).when(new RecordFixedAssets(YEAR_ID, yuan("1.00"), yuan("1.00"),
                    LocalDate.of(2022, 1, 1))), "effectiveDate");
        }
    }

    @Nested
    class CloseTests {

        @Test
        void closeFiscalYear_computesCarryOuts_projectForwardBasicSurplus_zeroLeftOut() {
            fixture.given(yearWithLinesAnd(spent("V-1", BASIC, "600.00", date(3, 1)),
                            spent("V-2", PROJECT, "5000.00", date(4, 1)),
                            spent("V-3", PROJECT_B, "1500.00", date(5, 1)),
                            reversed("R-1", "V-3", PROJECT_B, "100.00", date(5, 2))))
                    .when(new CloseFiscalYear(YEAR_ID, null))
                    .expectEvents(closed(new LineCarryOut(BASIC, yuan("400.00"), CarryOverKind.SURPLUS),
                            new LineCarryOut(PROJECT_B, yuan("600.00"), CarryOverKind.CARRY_FORWARD)));
        }

        @Test
        void closeFiscalYear_countsAdjustmentsCarryInAndWithdrawals() {
            fixture.given(yearWithLinesAnd(
                            new BudgetIncreased(YEAR_ID, BASIC, yuan("50.00"), DOC, REASON, date(6, 1), null),
                            new BudgetDecreased(YEAR_ID, PROJECT, yuan("1000.00"), DOC, REASON, date(6, 1), null),
                            new BudgetTransferred(YEAR_ID, List.of(new LineShare(PROJECT, yuan("-500.00")),
                                    new LineShare(PROJECT_B, yuan("500.00"))), DOC, "调剂", date(7, 1), null),
                            new CarryInRecorded(YEAR_ID, PROJECT_B, yuan("30.00"), CarryOverKind.CARRY_FORWARD,
                                    date(1, 1)),
                            new AppropriationWithdrawn(YEAR_ID, PROJECT_B, yuan("2530.00"), DOC, "收回", date(12, 20),
                                    null),
                            spent("V-1", PROJECT, "3499.99", date(8, 1))))
                    .when(new CloseFiscalYear(YEAR_ID, Map.of()))
                    .expectEvents(closed(new LineCarryOut(BASIC, yuan("1050.00"), CarryOverKind.SURPLUS),
                            new LineCarryOut(PROJECT, yuan("0.01"), CarryOverKind.CARRY_FORWARD)));
        }

        @Test
        void closeFiscalYear_appliesKindOverrides() {
            fixture.given(yearWithLines())
                    .when(new CloseFiscalYear(YEAR_ID, Map.of(PROJECT, CarryOverKind.SURPLUS,
                            BASIC, CarryOverKind.CARRY_FORWARD)))
                    .expectEvents(closed(new LineCarryOut(BASIC, BudgetFixtures.BASIC_INITIAL, CarryOverKind.CARRY_FORWARD),
                            new LineCarryOut(PROJECT, BudgetFixtures.PROJECT_INITIAL, CarryOverKind.SURPLUS),
                            new LineCarryOut(PROJECT_B, BudgetFixtures.PROJECT_B_INITIAL, CarryOverKind.CARRY_FORWARD)));
        }

        @Test
        void closeFiscalYear_fails_whenOverrideNamesUnknownLine() {
            refused(fixture.given(yearWithLines()).when(new CloseFiscalYear(YEAR_ID,
                    Map.of(new BudgetLineId("L-X"), CarryOverKind.SURPLUS))), "kindOverrides[L-X]", "L-X");
        }

        @Test
        void closeFiscalYear_fails_whenOverrideKindMissing() {
            Map<BudgetLineId, CarryOverKind> overrides = new HashMap<>();
            overrides.put(BASIC, null);
            refused(fixture.given(yearWithLines()).when(new CloseFiscalYear(YEAR_ID, overrides)),
                    "kindOverrides[L-BASIC]");
        }

        @Test
        void closeFiscalYear_fails_whenAlreadyClosed() {
            conflict(fixture.given(yearWithLinesAnd(closed())).when(new CloseFiscalYear(YEAR_ID, null)),
                    "fiscalYearId", "重复");
        }
    }

    @Nested
    class PostCloseTests {

        private static final String LATE = "决算审核发现漏记";

        private List<Object> closedYear() {
            return yearWithLinesAnd(spent("V-1", BASIC, "600.00", date(3, 1)),
                    closed(new LineCarryOut(BASIC, yuan("400.00"), CarryOverKind.SURPLUS),
                            new LineCarryOut(PROJECT, BudgetFixtures.PROJECT_INITIAL, CarryOverKind.CARRY_FORWARD),
                            new LineCarryOut(PROJECT_B, BudgetFixtures.PROJECT_B_INITIAL, CarryOverKind.CARRY_FORWARD)));
        }

        @Test
        void recordExpenditure_afterClose_isAcceptedAndFlagged_whenReasonGiven() {
            fixture.given(closedYear())
                    .when(new RecordExpenditure(YEAR_ID, entry("V-9", BASIC, "400.00", date(12, 30)), null, " " + LATE))
                    .expectEvents(new ExpenditureRecorded(YEAR_ID, voucher("V-9"), BASIC, yuan("400.00"), date(12, 30),
                            PAYEE, SUMMARY, null, null, LATE))
                    .expectResultMessagePayload(new ExpenditureOutcome(true, "V-9"));
        }

        @Test
        void increaseBudget_afterClose_isAcceptedAndFlagged_whenReasonGiven() {
            fixture.given(closedYear())
                    .when(new IncreaseBudget(YEAR_ID, BASIC, yuan("1.00"), DOC, REASON, date(12, 31), LATE))
                    .expectEvents(new BudgetIncreased(YEAR_ID, BASIC, yuan("1.00"), DOC, REASON, date(12, 31), LATE));
        }

        @Test
        void reverseExpenditure_afterClose_isAcceptedAndFlagged_whenReasonGiven() {
            fixture.given(closedYear())
                    .when(new ReverseExpenditure(YEAR_ID, voucher("R-9"), voucher("V-1"), yuan("600.00"), "重复入账",
                            date(12, 31), LATE))
                    .expectEvents(new ExpenditureReversed(YEAR_ID, voucher("R-9"), voucher("V-1"), BASIC,
                            yuan("600.00"), "重复入账", date(12, 31), LATE));
        }

        @Test
        void recordExpenditureBatch_afterClose_isAcceptedAndFlagged_whenReasonGiven() {
            fixture.given(closedYear())
                    .when(new RecordExpenditureBatch(YEAR_ID, "LATE-1", List.of(entry("V-9", PROJECT, "1.00",
                            date(12, 31))), LATE))
                    .expectEvents(new ExpenditureRecorded(YEAR_ID, voucher("V-9"), PROJECT, yuan("1.00"), date(12, 31),
                            PAYEE, SUMMARY, "LATE-1", null, LATE));
        }

        @Test
        void postCloseCorrection_keepsAvailabilityRule() {
            refused(fixture.given(closedYear()).when(new RecordExpenditure(YEAR_ID,
                    entry("V-9", BASIC, "400.01", date(12, 30)), null, LATE)), "amount", "可用预算");
        }

        @Test
        void postCloseCorrection_keepsEffectiveDateInsideYear() {
            refused(fixture.given(closedYear()).when(new RecordExpenditure(YEAR_ID,
                    entry("V-9", BASIC, "1.00", LocalDate.of(2022, 1, 5)), null, LATE)), "effectiveDate");
        }

        @Test
        void recordExpenditure_afterClose_fails_whenReasonBlank() {
            refused(fixture.given(closedYear()).when(new RecordExpenditure(YEAR_ID,
                    entry("V-9", BASIC, "1.00", date(12, 30)), null, "  ")), "postCloseReason", POST_CLOSE_RULE);
        }

        static Stream<Arguments> correctionsWithoutReason() {
            return Stream.of(
                    Arguments.of(new IncreaseBudget(YEAR_ID, BASIC, yuan("1.00"), DOC, REASON, date(12, 31), null)),
                    Arguments.of(new DecreaseBudget(YEAR_ID, BASIC, yuan("1.00"), DOC, REASON, date(12, 31), null)),
                    Arguments.of(new TransferBudget(YEAR_ID, List.of(new LineShare(PROJECT, yuan("-1.00")),
                            new LineShare(BASIC, yuan("1.00"))), DOC, REASON, date(12, 31), null)),
                    Arguments.of(new WithdrawAppropriation(YEAR_ID, PROJECT, yuan("1.00"), DOC, REASON, date(12, 31),
                            null)),
                    Arguments.of(new RecordExpenditure(YEAR_ID, entry("V-9", BASIC, "1.00", date(12, 30)), null, null)),
                    Arguments.of(new RecordExpenditureBatch(YEAR_ID, "B-9",
                            List.of(entry("V-9", BASIC, "1.00", date(12, 30))), null)),
                    Arguments.of(new ReverseExpenditure(YEAR_ID, voucher("R-9"), voucher("V-1"), yuan("1.00"), REASON,
                            date(12, 31), null)));
        }

        @ParameterizedTest
        @MethodSource("correctionsWithoutReason")
        void correction_afterClose_fails_whenReasonMissing(BudgetCommand command) {
            refused(fixture.given(closedYear()).when(command), "postCloseReason", POST_CLOSE_RULE);
        }

        static Stream<Arguments> correctionsWithReason() {
            return Stream.of(
                    Arguments.of(new IncreaseBudget(YEAR_ID, BASIC, yuan("1.00"), DOC, REASON, date(12, 31), LATE)),
                    Arguments.of(new DecreaseBudget(YEAR_ID, BASIC, yuan("1.00"), DOC, REASON, date(12, 31), LATE)),
                    Arguments.of(new TransferBudget(YEAR_ID, List.of(new LineShare(PROJECT, yuan("-1.00")),
                            new LineShare(BASIC, yuan("1.00"))), DOC, REASON, date(12, 31), LATE)),
                    Arguments.of(new WithdrawAppropriation(YEAR_ID, PROJECT, yuan("1.00"), DOC, REASON, date(12, 31),
                            LATE)),
                    Arguments.of(new RecordExpenditure(YEAR_ID, entry("V-9", BASIC, "1.00", date(12, 30)), null, LATE)),
                    Arguments.of(new RecordExpenditureBatch(YEAR_ID, "B-9",
                            List.of(entry("V-9", BASIC, "1.00", date(12, 30))), LATE)),
                    Arguments.of(new ReverseExpenditure(YEAR_ID, voucher("R-9"), voucher("V-1"), yuan("1.00"), REASON,
                            date(12, 31), LATE)));
        }

        @ParameterizedTest
        @MethodSource("correctionsWithReason")
        void correction_beforeClose_fails_whenReasonGiven(BudgetCommand command) {
            refused(fixture.given(yearWithLinesAnd(spent("V-1", BASIC, "600.00", date(3, 1)))).when(command),
                    "postCloseReason", "尚未结账");
        }

        @ParameterizedTest
        @MethodSource("correctionsWithReason")
        void correction_afterClose_isAccepted_whenReasonGiven(BudgetCommand command) {
            fixture.given(closedYear()).when(command).expectSuccessfulHandlerExecution();
        }

        static Stream<Arguments> commandsRefusedAfterClose() {
            return Stream.of(
                    Arguments.of(new OpenBudgetLine(YEAR_ID, new BudgetLineId("L-NEW"),
                            new BudgetLineSpec(SUBORDINATE, FundingSource.OTHER, ExpenditureKind.BASIC_OPERATING, null,
                                    null, new FunctionalCode("2010101"), new EconomicCode("30201")), date(12, 31))),
                    Arguments.of(new ApproveInitialBudget(YEAR_ID, BASIC, yuan("1.00"), DOC, date(12, 31))),
                    Arguments.of(new RecordCarryIn(YEAR_ID, BASIC, yuan("1.00"), CarryOverKind.SURPLUS)),
                    Arguments.of(new PlanProcurement(YEAR_ID, new ProcurementId("CG-9"), "采购", ProcurementCategory.GOODS,
                            yuan("1.00"), Money.ZERO, date(12, 31))),
                    Arguments.of(new SignProcurementContract(YEAR_ID, PROCUREMENT, "HT-9", yuan("1.00"), date(12, 1),
                            date(12, 2))),
                    Arguments.of(new FileProcurementContract(YEAR_ID, PROCUREMENT, "HT-9", date(12, 3))),
                    Arguments.of(new RecordProcurementExecution(YEAR_ID, PROCUREMENT, yuan("1.00"), Money.ZERO,
                            date(12, 3))),
                    Arguments.of(new RecordExecutionNotice(YEAR_ID, DOC, BigDecimal.ONE, BigDecimal.ONE, date(12, 31))),
                    Arguments.of(new RecordFixedAssets(YEAR_ID, yuan("1.00"), yuan("1.00"), date(12, 31))));
        }

        @ParameterizedTest
        @MethodSource("commandsRefusedAfterClose")
        void nonCorrection_afterClose_fails(BudgetCommand command) {
            refused(fixture.given(closedYear()).when(command), "postCloseReason", POST_CLOSE_RULE);
        }
    }
}
