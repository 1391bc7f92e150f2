package cn.perfledger.domain.budget;

import static cn.perfledger.domain.budget.BudgetFixtures.BASIC;
import static cn.perfledger.domain.budget.BudgetFixtures.PAYEE;
import static cn.perfledger.domain.budget.BudgetFixtures.PROJECT;
import static cn.perfledger.domain.budget.BudgetFixtures.SUMMARY;
import static cn.perfledger.domain.budget.BudgetFixtures.YEAR_ID;
import static cn.perfledger.domain.budget.BudgetFixtures.date;
import static cn.perfledger.domain.budget.BudgetFixtures.entry;
import static cn.perfledger.domain.budget.BudgetFixtures.reversed;
import static cn.perfledger.domain.budget.BudgetFixtures.spent;
import static cn.perfledger.domain.budget.BudgetFixtures.voucher;
import static cn.perfledger.domain.budget.BudgetFixtures.yearWithLines;
import static cn.perfledger.domain.budget.BudgetFixtures.yearWithLinesAnd;
import static cn.perfledger.domain.budget.BudgetFixtures.yuan;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import cn.perfledger.domain.budget.BudgetCommand.CorrectionEntry;
import cn.perfledger.domain.budget.BudgetCommand.ImportLedgerFile;
import cn.perfledger.domain.budget.BudgetCommand.RecordExpenditure;
import cn.perfledger.domain.budget.BudgetCommand.RecordExpenditureBatch;
import cn.perfledger.domain.budget.BudgetCommand.ReversalEntry;
import cn.perfledger.domain.budget.BudgetCommand.ReverseExpenditure;
import cn.perfledger.domain.budget.BudgetEvent.ExpenditureRecorded;
import cn.perfledger.domain.budget.BudgetEvent.LedgerFileImported;
import cn.perfledger.domain.common.BudgetLineId;
import cn.perfledger.domain.common.ConflictException;
import cn.perfledger.domain.common.DomainException;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Reversals (红字冲销) and corrections arrive in a clerk's ledger file and in a JSON batch, decided by the rules of the
 * single {@link ReverseExpenditure} and {@link RecordExpenditure} (with {@code correctionOf}) against the ledger as
 * the earlier rows or parts leave it; all or nothing.
 */
class ReversalsInFilesAndBatchesTest {

    private static final String SHA = "cd".repeat(32);
    private static final String REASON = "金额录入错误";

    private AggregateTestFixture<BudgetLedger> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BudgetLedger.class);
    }

    private static RecordExpenditure voucherRow(String number, BudgetLineId line, String amount, LocalDate date) {
        return new RecordExpenditure(YEAR_ID, entry(number, line, amount, date), null, null);
    }

    private static RecordExpenditure correctionRow(String number, String of, BudgetLineId line, String amount,
            LocalDate date) {
        return new RecordExpenditure(YEAR_ID, entry(number, line, amount, date), voucher(of), null);
    }

    private static ReverseExpenditure reversalRow(String number, String original, String amount, LocalDate date) {
        return new ReverseExpenditure(YEAR_ID, voucher(number), voucher(original), yuan(amount), REASON, date, null);
    }

    private static ExpenditureRecorded corrected(String number, String of, BudgetLineId line, String amount,
            LocalDate date, String batchId) {
        return new ExpenditureRecorded(YEAR_ID, voucher(number), line, yuan(amount), date, PAYEE, SUMMARY, batchId,
                voucher(of), null);
    }

    private static Matcher<ImportRefusedException> refusedRows(String... rowsAndFields) {
        return new FeatureMatcher<>(org.hamcrest.Matchers.equalTo(List.of(rowsAndFields)), "refused rows",
                "refused rows") {
            @Override
            protected List<String> featureValueOf(ImportRefusedException e) {
                return e.refusals().stream().map(r -> r.row() + " " + r.field()).toList();
            }
        };
    }

    @Nested
    class InAFile {

        private ImportLedgerFile file(BudgetCommand... rows) {
            return new ImportLedgerFile(YEAR_ID, "imp-r", "冲销.csv", SHA, List.of(rows));
        }

        @Test
        void aVoucherItsReversalAndItsCorrection_inOneFile_theCorrectionFitsOnlyBecauseOfTheReversal() {
            fixture.given(yearWithLines())
                    .when(file(voucherRow("V-1", BASIC, "900.00", date(3, 1)),
                            reversalRow("R-1", "V-1", "900.00", date(3, 2)),
                            correctionRow("V-2", "V-1", BASIC, "950.00", date(3, 2))))
                    .expectEvents(spent("V-1", BASIC, "900.00", date(3, 1), "imp-r"),
                            reversed("R-1", "V-1", BASIC, "900.00", date(3, 2)),
                            corrected("V-2", "V-1", BASIC, "950.00", date(3, 2), "imp-r"),
                            new LedgerFileImported(YEAR_ID, "imp-r", "冲销.csv", SHA, 3, 3, date(3, 2)))
                    .expectResultMessagePayload(new LedgerImportOutcome(true, false, "imp-r", 3, 3, List.of()));
        }

        @Test
        void aReversalBeyondTheUnreversedAmount_isRefusedAtItsRow_andNothingIsWritten() {
            fixture.given(yearWithLinesAnd(spent("V-1", BASIC, "500.00", date(3, 1))))
                    .when(file(reversalRow("R-1", "V-1", "300.00", date(3, 2)),
                            reversalRow("R-2", "V-1", "300.00", date(3, 3)),
                            reversalRow("R-3", "V-9", "1.00", date(3, 3))))
                    .expectException(refusedRows("1 amount", "2 originalVoucherNo"))
                    .expectNoEvents();
        }

        @Test
        void aFilesDraft_neverChangesTheLedgersVouchers() {
            // a file's draft reverses V-1 in full; whether the file then passes or not, the ledger's V-1 is whole
            VoucherBook ledger = new VoucherBook();
            ledger.on(spent("V-1", BASIC, "500.00", date(3, 1)));
            LedgerDraft draft = new LedgerDraft(new LedgerYear(), new LineBook(), ledger.draft());
            draft.vouchers().on(reversed("R-1", "V-1", BASIC, "500.00", date(3, 2)));
            ReverseExpenditure again = reversalRow("R-2", "V-1", "500.00", date(3, 3));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> draft.vouchers().decide(again, yearOpened()))
                    .hasMessageContaining("amount");
            org.assertj.core.api.Assertions.assertThat(ledger.decide(again, yearOpened()).amount())
                    .isEqualTo(yuan("500.00"));
        }

        private LedgerYear yearOpened() {
            LedgerYear year = new LedgerYear();
            year.on(BudgetFixtures.yearOpened());
            return year;
        }
    }

    @Nested
    class InABatch {

        private RecordExpenditureBatch batch(List<BudgetCommand.ExpenditureEntry> entries,
                List<ReversalEntry> reversals, List<CorrectionEntry> corrections) {
            return new RecordExpenditureBatch(YEAR_ID, "b-1", entries, null, reversals, corrections);
        }

        private ReversalEntry reversal(String number, String original, String amount, LocalDate date) {
            return new ReversalEntry(voucher(number), voucher(original), yuan(amount), REASON, date);
        }

        @Test
        void vouchersThenReversalsThenCorrections_allRecorded() {
            fixture.given(yearWithLinesAnd(spent("V-0", PROJECT, "100.00", date(2, 1))))
                    .when(batch(List.of(entry("V-1", BASIC, "900.00", date(3, 1))),
                            List.of(reversal("R-1", "V-1", "900.00", date(3, 2)),
                                    reversal("R-0", "V-0", "40.00", date(3, 2))),
                            List.of(new CorrectionEntry(entry("V-2", BASIC, "950.00", date(3, 2)), voucher("V-1")))))
                    .expectEvents(spent("V-1", BASIC, "900.00", date(3, 1), "b-1"),
                            reversed("R-1", "V-1", BASIC, "900.00", date(3, 2)),
                            reversed("R-0", "V-0", PROJECT, "40.00", date(3, 2)),
                            corrected("V-2", "V-1", BASIC, "950.00", date(3, 2), "b-1"))
                    .expectResultMessagePayload(new BatchOutcome(2, 0, List.of(), 2));
        }

        @Test
        void aRefusedReversal_namesItsPart_andRefusesTheWholeBatch() {
            fixture.given(yearWithLines())
                    .when(batch(List.of(entry("V-1", BASIC, "100.00", date(3, 1))),
                            List.of(reversal("R-1", "V-1", "100.01", date(3, 2))), List.of()))
                    .expectException(DomainException.class)
                    .expectExceptionMessage(allOf(startsWith("reversals[0].amount: ")))
                    .expectNoEvents();
        }

        @Test
        void aCorrectionOfAnUnreversedVoucher_isRefused() {
            fixture.given(yearWithLinesAnd(spent("V-1", BASIC, "100.00", date(3, 1))))
                    .when(batch(List.of(entry("V-3", BASIC, "1.00", date(3, 1))), List.of(),
                            List.of(new CorrectionEntry(entry("V-2", BASIC, "90.00", date(3, 2)), voucher("V-1")))))
                    .expectException(DomainException.class)
                    .expectExceptionMessage(startsWith("corrections[0].entry.correctionOf: "))
                    .expectNoEvents();
        }

        @Test
        void aNumberUsedTwiceInTheBatch_isRefused() {
            fixture.given(yearWithLines())
                    .when(batch(List.of(entry("V-1", BASIC, "100.00", date(3, 1))),
                            List.of(reversal("V-1", "V-1", "10.00", date(3, 2))), List.of()))
                    .expectException(DomainException.class)
                    .expectExceptionMessage(allOf(startsWith("reversals[0].voucherNo: "), containsString("重复")))
                    .expectNoEvents();
        }

        @Test
        void aReversalNumberAlreadyUsedInTheYear_isAConflict() {
            fixture.given(yearWithLinesAnd(spent("V-1", BASIC, "100.00", date(3, 1)),
                            reversed("R-1", "V-1", BASIC, "10.00", date(3, 2))))
                    .when(batch(List.of(entry("V-2", BASIC, "1.00", date(3, 3))),
                            List.of(reversal("R-1", "V-1", "10.00", date(3, 3))), List.of()))
                    .expectException(ConflictException.class)
                    .expectExceptionMessage(startsWith("reversals[0].voucherNo: "))
                    .expectNoEvents();
        }
    }
}
