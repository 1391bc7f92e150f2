package cn.perfledger.app.readmodel.figures;

import static cn.perfledger.domain.budget.BudgetFixtures.BASIC;
import static cn.perfledger.domain.budget.BudgetFixtures.PROJECT;
import static cn.perfledger.domain.budget.BudgetFixtures.YEAR_ID;
import static cn.perfledger.domain.budget.BudgetFixtures.date;
import static cn.perfledger.domain.budget.BudgetFixtures.reversed;
import static cn.perfledger.domain.budget.BudgetFixtures.spent;
import static cn.perfledger.domain.budget.BudgetFixtures.yearWithLines;
import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.domain.budget.BudgetEvent;
import cn.perfledger.domain.budget.BudgetEvent.ExecutionNoticeRecorded;
import cn.perfledger.domain.common.LedgerEvent;
import cn.perfledger.projections.basis.RecordedEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The in-memory fold of the year-figures read model, brought up to date event by event in recorded order, always
 * equals a replay in (effective date, global sequence) order; a back-dated voucher is folded in without folding the
 * year again, unless an execution notice dated on or after it (which takes the ledger as it stood at its date) has
 * been folded.
 */
class YearFoldTest {

    private static final String STREAM = YEAR_ID.toString();

    private final List<RecordedEvent> recorded = new ArrayList<>();

    private RecordedEvent record(Object payload) {
        RecordedEvent event = new RecordedEvent(recorded.size(), STREAM, recorded.size(), "e-" + recorded.size(),
                Instant.parse("2021-12-31T00:00:00Z").plusSeconds(recorded.size()), ((LedgerEvent) payload).effectiveDate(),
                payload, null);
        recorded.add(event);
        return event;
    }

    private YearFold opened() {
        yearWithLines().forEach(this::record);
        return YearFold.replay(YEAR_ID, List.copyOf(recorded));
    }

    private static void assertEqualsReplay(YearFold live, List<RecordedEvent> events) {
        YearFold replayed = YearFold.replay(YEAR_ID, events);
        assertThat(live.documents()).isEqualTo(replayed.documents());
        assertThat(live.eventsApplied()).isEqualTo(replayed.eventsApplied());
        assertThat(live.lastGlobalIndex()).isEqualTo(replayed.lastGlobalIndex());
    }

    @RepeatedTest(5)
    void backDatedVouchersAndReversals_areFoldedIn_andTheFoldEqualsTheReplay(TestInfo info) {
        long seed = System.nanoTime() ^ info.getDisplayName().hashCode();
        System.out.println("YearFoldTest seed " + seed);
        Random random = new Random(seed);
        YearFold fold = opened();
        int refolds = 0;
        for (int i = 0; i < 200; i++) {
            LocalDate day = LocalDate.of(2021, 1, 20).plusDays(random.nextInt(340));
            String amount = (1 + random.nextInt(2000)) + "." + (10 + random.nextInt(90));
            if (i > 0 && random.nextInt(5) == 0) {
                // a reversal of the previous voucher, on or after its day
                RecordedEvent original = recorded.get(recorded.size() - 1);
                if (original.payload() instanceof BudgetEvent.ExpenditureRecorded v) {
                    record(reversed("R-" + i, v.voucherNo().value(), v.lineId(), "0.01", v.effectiveDate()));
                }
            } else {
                record(spent("V-" + i, random.nextBoolean() ? BASIC : PROJECT, amount, day));
            }
            if (fold.advance(List.copyOf(recorded)) == YearFold.Step.REFOLD) {
                refolds++;
            }
            assertEqualsReplay(fold, List.copyOf(recorded));
        }
        assertThat(refolds).as("seed " + seed).isZero();
    }

    @Test
    void aBackDatedVoucher_beforeAFoldedNotice_foldsTheYearAgain() {
        YearFold fold = opened();
        record(spent("V-1", BASIC, "100.00", date(3, 1)));
        record(new ExecutionNoticeRecorded(YEAR_ID, "穗财通〔2021〕6号", new BigDecimal("0.5"), new BigDecimal("0.3"),
                date(6, 30)));
        record(spent("V-2", BASIC, "50.00", date(7, 1)));
        assertThat(fold.advance(List.copyOf(recorded))).isEqualTo(YearFold.Step.INCREMENTAL);
        record(spent("V-3", BASIC, "70.00", date(8, 1)));
        assertThat(fold.advance(List.copyOf(recorded))).isEqualTo(YearFold.Step.INCREMENTAL);
        // back-dated, but after the notice: folded in
        record(spent("V-4", PROJECT, "20.00", date(7, 2)));
        assertThat(fold.advance(List.copyOf(recorded))).isEqualTo(YearFold.Step.INCREMENTAL);
        assertEqualsReplay(fold, List.copyOf(recorded));
        // back-dated before the notice: the notice's figures change, so the year is folded again
        record(spent("V-5", BASIC, "30.00", date(5, 1)));
        assertThat(fold.advance(List.copyOf(recorded))).isEqualTo(YearFold.Step.REFOLD);
        assertEqualsReplay(fold, List.copyOf(recorded));
    }

    /** The read model's path: only each stream's tail after the folded position, up to a global index. */
    @RepeatedTest(3)
    void streamTailsUpToAGlobalIndex_foldAsTheWholeVisibleYear(TestInfo info) {
        long seed = System.nanoTime() ^ info.getDisplayName().hashCode();
        System.out.println("YearFoldTest (stream tails) seed " + seed);
        Random random = new Random(seed);
        YearFold fold = opened();
        record(new ExecutionNoticeRecorded(YEAR_ID, "穗财通〔2021〕6号", new BigDecimal("0.5"), new BigDecimal("0.3"),
                date(6, 30)));
        for (int i = 0; i < 150; i++) {
            LocalDate day = LocalDate.of(2021, 1, 20).plusDays(random.nextInt(340));
            record(spent("V-" + i, random.nextBoolean() ? BASIC : PROJECT, (1 + random.nextInt(900)) + ".50", day));
            // the processor may see a stream that has grown past its batch: only events up to upTo count
            long upTo = recorded.size() - 1 - (random.nextInt(3) == 0 ? 1 : 0);
            List<RecordedEvent> visible = recorded.stream().filter(e -> e.globalSequence() <= upTo).toList();
            fold.advance(List.of(List.copyOf(recorded)), upTo, () -> visible);
            assertEqualsReplay(fold, visible);
        }
    }
}
