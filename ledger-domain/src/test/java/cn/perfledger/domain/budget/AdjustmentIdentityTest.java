package cn.perfledger.domain.budget;

import static cn.perfledger.domain.budget.BudgetFixtures.BASIC;
import static cn.perfledger.domain.budget.BudgetFixtures.PROJECT;
import static cn.perfledger.domain.budget.BudgetFixtures.PROJECT_B;
import static cn.perfledger.domain.budget.BudgetFixtures.YEAR_ID;
import static cn.perfledger.domain.budget.BudgetFixtures.date;
import static cn.perfledger.domain.budget.BudgetFixtures.entry;
import static cn.perfledger.domain.budget.BudgetFixtures.spent;
import static cn.perfledger.domain.budget.BudgetFixtures.yearWithLines;
import static cn.perfledger.domain.budget.BudgetFixtures.yearWithLinesAnd;
import static cn.perfledger.domain.budget.BudgetFixtures.yuan;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import cn.perfledger.domain.budget.BudgetCommand.DecreaseBudget;
import cn.perfledger.domain.budget.BudgetCommand.ImportLedgerFile;
import cn.perfledger.domain.budget.BudgetCommand.IncreaseBudget;
import cn.perfledger.domain.budget.BudgetCommand.RecordExpenditure;
import cn.perfledger.domain.budget.BudgetCommand.TransferBudget;
import cn.perfledger.domain.budget.BudgetEvent.BudgetDecreased;
import cn.perfledger.domain.budget.BudgetEvent.BudgetIncreased;
import cn.perfledger.domain.budget.BudgetEvent.BudgetTransferred;
import cn.perfledger.domain.budget.BudgetEvent.LedgerFileImported;
import cn.perfledger.domain.budget.BudgetEvent.LineShare;
import cn.perfledger.domain.common.BudgetLineId;
import cn.perfledger.domain.common.ConflictException;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * An adjustment (追加, 追减, 调剂) has an identity — kind × 文号 × line(s), or an explicit 调整编号 — so that entering it
 * again (a retried request, another ledger file repeating its row) never counts it twice: the identical adjustment is
 * a reported no-op, another one under the same identity a refusal that says how to tell them apart.
 */
class AdjustmentIdentityTest {

    private static final String DOC = "穗财预〔2021〕88号";
    private static final String REASON = "业务量增加";

    private AggregateTestFixture<BudgetLedger> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BudgetLedger.class);
    }

    private static IncreaseBudget increase(BudgetLineId line, String amount, String adjustmentId) {
        return new IncreaseBudget(YEAR_ID, line, yuan(amount), DOC, REASON, date(3, 1), null, adjustmentId);
    }

    private static BudgetIncreased increased(BudgetLineId line, String amount, String adjustmentId) {
        return new BudgetIncreased(YEAR_ID, line, yuan(amount), DOC, REASON, date(3, 1), null, adjustmentId);
    }

    private static TransferBudget transfer(LineShare... shares) {
        return new TransferBudget(YEAR_ID, List.of(shares), DOC, REASON, date(4, 1), null);
    }

    private static BudgetTransferred transferred(LineShare... shares) {
        return new BudgetTransferred(YEAR_ID, List.of(shares), DOC, REASON, date(4, 1), null);
    }

    private static LineShare share(BudgetLineId line, String amount) {
        return new LineShare(line, yuan(amount));
    }

    private static Matcher<String> message(String field, String... fragments) {
        List<Matcher<? super String>> matchers = new java.util.ArrayList<>();
        matchers.add(startsWith(field + ": "));
        for (String fragment : fragments) {
            matchers.add(containsString(fragment));
        }
        return allOf(matchers);
    }

    @Nested
    class SingleCommands {

        @Test
        void theIdenticalIncrease_again_isAReportedNoOp() {
            fixture.given(yearWithLinesAnd(increased(BASIC, "50.00", null)))
                    .when(increase(BASIC, "50.00", null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(new AdjustmentOutcome(false, "追加 " + DOC + " L-BASIC"));
        }

        @Test
        void aFirstIncrease_isRecorded_andReportedAsSuch() {
            fixture.given(yearWithLines())
                    .when(increase(BASIC, "50.00", null))
                    .expectEvents(increased(BASIC, "50.00", null))
                    .expectResultMessagePayload(new AdjustmentOutcome(true, "追加 " + DOC + " L-BASIC"));
        }

        @Test
        void anotherIncrease_underTheSameDocumentAndLine_isRefused_namingTheAdjustmentId() {
            fixture.given(yearWithLinesAnd(increased(BASIC, "50.00", null)))
                    .when(increase(BASIC, "60.00", null))
                    .expectException(ConflictException.class)
                    .expectExceptionMessage(message("documentNo", "追加 " + DOC + " L-BASIC 已记录过", "调整编号"))
                    .expectNoEvents();
        }

        @Test
        void theSameDocument_onAnotherLine_isAnotherAdjustment() {
            fixture.given(yearWithLinesAnd(increased(BASIC, "50.00", null)))
                    .when(increase(PROJECT, "50.00", null))
                    .expectEvents(increased(PROJECT, "50.00", null));
        }

        @Test
        void anIncreaseAndADecrease_underOneDocument_onOneLine_areTwoAdjustments() {
            fixture.given(yearWithLinesAnd(increased(BASIC, "50.00", null)))
                    .when(new DecreaseBudget(YEAR_ID, BASIC, yuan("50.00"), DOC, REASON, date(3, 1), null))
                    .expectEvents(new BudgetDecreased(YEAR_ID, BASIC, yuan("50.00"), DOC, REASON, date(3, 1), null));
        }

        @Test
        void twoIncreases_ofOneLine_underOneDocument_areToldApartByTheirAdjustmentIds() {
            fixture.given(yearWithLinesAnd(increased(BASIC, "50.00", "88-1")))
                    .when(increase(BASIC, "60.00", " 88-2 "))
                    .expectEvents(increased(BASIC, "60.00", "88-2"))
                    .expectResultMessagePayload(new AdjustmentOutcome(true, "调整编号 88-2"));
        }

        @Test
        void anAdjustmentId_again_withTheIdenticalContent_isANoOp_withOtherContent_aConflict() {
            fixture.given(yearWithLinesAnd(increased(BASIC, "50.00", "88-1")))
                    .when(increase(BASIC, "50.00", "88-1"))
                    .expectNoEvents()
                    .expectResultMessagePayload(new AdjustmentOutcome(false, "调整编号 88-1"));
            fixture.given(yearWithLinesAnd(increased(BASIC, "50.00", "88-1")))
                    .when(increase(PROJECT, "50.00", "88-1"))
                    .expectException(ConflictException.class)
                    .expectExceptionMessage(message("adjustmentId", "调整编号 88-1 已记录过", "每笔调整须使用自己的调整编号"))
                    .expectNoEvents();
        }

        @Test
        void aDecrease_repeated_afterTheLineWasSpent_isStillANoOp_notABalanceRefusal() {
            BudgetDecreased decreased = new BudgetDecreased(YEAR_ID, BASIC, yuan("300.00"), DOC, REASON, date(3, 1),
                    null);
            fixture.given(yearWithLinesAnd(decreased, spent("V-1", BASIC, "600.00", date(5, 1))))
                    .when(new DecreaseBudget(YEAR_ID, BASIC, yuan("300.00"), DOC, REASON, date(3, 1), null))
                    .expectNoEvents()
                    .expectResultMessagePayload(new AdjustmentOutcome(false, "追减 " + DOC + " L-BASIC"));
        }

        @Test
        void aTransfer_repeated_withItsSharesInAnotherOrder_isANoOp_withOtherAmounts_aConflict() {
            fixture.given(yearWithLinesAnd(transferred(share(PROJECT, "-200.00"), share(BASIC, "200.00"))))
                    .when(transfer(share(BASIC, "200.00"), share(PROJECT, "-200.00")))
                    .expectNoEvents()
                    .expectResultMessagePayload(new AdjustmentOutcome(false, "调剂 " + DOC + " L-BASIC、L-PROJ"));
            fixture.given(yearWithLinesAnd(transferred(share(PROJECT, "-200.00"), share(BASIC, "200.00"))))
                    .when(transfer(share(PROJECT, "-300.00"), share(BASIC, "300.00")))
                    .expectException(ConflictException.class)
                    .expectNoEvents();
            fixture.given(yearWithLinesAnd(transferred(share(PROJECT, "-200.00"), share(BASIC, "200.00"))))
                    .when(transfer(share(PROJECT, "-200.00"), share(PROJECT_B, "200.00")))
                    .expectEvents(transferred(share(PROJECT, "-200.00"), share(PROJECT_B, "200.00")));
        }

        @Test
        void anAdjustmentRecordedWithoutAdjustmentId_inTheFormerRevision_isRecognised() {
            // revision 1 of BudgetIncreased had no adjustmentId: its upcast form is this event with null
            fixture.given(yearWithLinesAnd(new BudgetIncreased(YEAR_ID, BASIC, yuan("50.00"), DOC, REASON, date(3, 1),
                            null)))
                    .when(new IncreaseBudget(YEAR_ID, BASIC, yuan("50.00"), " " + DOC + " ", REASON, date(3, 1), null))
                    .expectNoEvents();
        }
    }

    @Nested
    class FileImports {

        private static final String SHA_1 = "ab".repeat(32);
        private static final String SHA_2 = "cd".repeat(32);

        private ImportLedgerFile file(String sha, BudgetCommand... rows) {
            return new ImportLedgerFile(YEAR_ID, "imp-2", "补充台账.xlsx", sha, List.of(rows));
        }

        private Matcher<ImportRefusedException> refusedRows(String... rowsAndFields) {
            return new FeatureMatcher<>(org.hamcrest.Matchers.equalTo(List.of(rowsAndFields)), "refused rows",
                    "refused rows") {
                @Override
                protected List<String> featureValueOf(ImportRefusedException e) {
                    return e.refusals().stream().map(r -> r.row() + " " + r.field() + (r.conflict() ? " conflict" : ""))
                            .toList();
                }
            };
        }

        @Test
        void anotherFile_repeatingAdjustments_recordsOnlyItsNewRows_andListsTheRepeats() {
            fixture.given(yearWithLinesAnd(increased(BASIC, "50.00", null),
                            transferred(share(PROJECT, "-200.00"), share(BASIC, "200.00")),
                            new LedgerFileImported(YEAR_ID, "imp-1", "台账.xlsx", SHA_1, 2, 2, date(4, 1))))
                    .when(file(SHA_2, increase(BASIC, "50.00", null),
                            transfer(share(PROJECT, "-200.00"), share(BASIC, "200.00")),
                            increase(PROJECT, "70.00", null)))
                    .expectEvents(increased(PROJECT, "70.00", null),
                            new LedgerFileImported(YEAR_ID, "imp-2", "补充台账.xlsx", SHA_2, 3, 1, date(3, 1)))
                    .expectResultMessagePayload(new LedgerImportOutcome(true, false, "imp-2", 3, 1, List.of(),
                            List.of("追加 " + DOC + " L-BASIC", "调剂 " + DOC + " L-BASIC、L-PROJ")));
        }

        @Test
        void aFileOfOnlyRepeats_recordsNothing() {
            fixture.given(yearWithLinesAnd(increased(BASIC, "50.00", null)))
                    .when(file(SHA_2, increase(BASIC, "50.00", null)))
                    .expectNoEvents()
                    .expectResultMessagePayload(new LedgerImportOutcome(false, false, "imp-2", 1, 0, List.of(),
                            List.of("追加 " + DOC + " L-BASIC")));
        }

        @Test
        void aFile_changingARecordedAdjustment_isRefusedOnThatRow_asAConflict() {
            fixture.given(yearWithLinesAnd(increased(BASIC, "50.00", null)))
                    .when(file(SHA_2, increase(PROJECT, "10.00", null), increase(BASIC, "55.00", null)))
                    .expectException(refusedRows("1 documentNo conflict"))
                    .expectNoEvents();
        }

        @Test
        void oneAdjustment_twiceInOneFile_isRefused_unlessTheRowsHaveTheirOwnAdjustmentIds() {
            fixture.given(yearWithLines())
                    .when(file(SHA_2, increase(BASIC, "50.00", null), increase(BASIC, "50.00", null),
                            new RecordExpenditure(YEAR_ID, entry("V-1", BASIC, "1.00", date(3, 2)), null, null)))
                    .expectException(refusedRows("1 documentNo"))
                    .expectNoEvents();
            fixture.given(yearWithLines())
                    .when(file(SHA_2, increase(BASIC, "50.00", "88-1"), increase(BASIC, "50.00", "88-2")))
                    .expectEvents(increased(BASIC, "50.00", "88-1"), increased(BASIC, "50.00", "88-2"),
                            new LedgerFileImported(YEAR_ID, "imp-2", "补充台账.xlsx", SHA_2, 2, 2, date(3, 1)));
        }
    }
}
