package cn.perfledger.projections.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.domain.budget.BudgetEvent;
import cn.perfledger.domain.budget.BudgetEvent.BudgetIncreased;
import cn.perfledger.domain.budget.BudgetEvent.BudgetLineOpened;
import cn.perfledger.domain.budget.BudgetEvent.BudgetTransferred;
import cn.perfledger.domain.budget.BudgetEvent.ExecutionNoticeRecorded;
import cn.perfledger.domain.budget.BudgetEvent.ExpenditureRecorded;
import cn.perfledger.domain.budget.BudgetEvent.ExpenditureReversed;
import cn.perfledger.domain.budget.BudgetEvent.FiscalYearOpened;
import cn.perfledger.domain.budget.BudgetEvent.InitialBudgetApproved;
import cn.perfledger.domain.budget.BudgetEvent.LineShare;
import cn.perfledger.domain.budget.BudgetEvent.UnitRef;
import cn.perfledger.domain.budget.BudgetLineSpec;
import cn.perfledger.domain.budget.EconomicCode;
import cn.perfledger.domain.budget.ExpenditureKind;
import cn.perfledger.domain.budget.FunctionalCode;
import cn.perfledger.domain.budget.FundingSource;
import cn.perfledger.domain.common.BudgetLineId;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.domain.common.Money;
import cn.perfledger.domain.common.RubricVersionId;
import cn.perfledger.domain.common.UnitCode;
import cn.perfledger.domain.common.VoucherNo;
import cn.perfledger.projections.basis.Basis;
import cn.perfledger.projections.basis.RecordedEvent;
import cn.perfledger.projections.basis.Replay;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LedgerFoldTest {

    private static final FiscalYearId YEAR = FiscalYearId.of("T-DEPT", 2021);
    private static final BudgetLineId PROJECT = new BudgetLineId("P1");
    private static final BudgetLineId BASIC = new BudgetLineId("B1");
    private static final Instant T0 = Instant.parse("2021-01-01T00:00:00Z");

    private final List<RecordedEvent> events = new ArrayList<>();

    private void record(BudgetEvent event, Instant recordedAt) {
        long sequence = events.size();
        events.add(new RecordedEvent(sequence, YEAR.toString(), sequence, "e" + sequence, recordedAt,
                event.effectiveDate(), event, Map.of()));
    }

    private void record(BudgetEvent event) {
        record(event, T0.plusSeconds(events.size()));
    }

    private void openYearWithTwoLines() {
        record(new FiscalYearOpened(YEAR, YEAR.department(), 2021, "测试部门",
                List.of(new UnitRef(new UnitCode("BJ"), "本级")), new RubricVersionId("r@1"), LocalDate.of(2021, 1, 1)));
        record(new BudgetLineOpened(YEAR, PROJECT, new BudgetLineSpec(new UnitCode("BJ"),
                FundingSource.GENERAL_PUBLIC_BUDGET, ExpenditureKind.PROJECT, "P-001", "热线外包",
                new FunctionalCode("2010350"), new EconomicCode("30227")), LocalDate.of(2021, 1, 1)));
        record(new BudgetLineOpened(YEAR, BASIC, new BudgetLineSpec(new UnitCode("BJ"),
                FundingSource.GENERAL_PUBLIC_BUDGET, ExpenditureKind.BASIC_OPERATING, null, null,
                new FunctionalCode("2010301"), new EconomicCode("30201")), LocalDate.of(2021, 1, 1)));
        record(new InitialBudgetApproved(YEAR, PROJECT, Money.of("1000.00"), "穗财预〔2021〕1号", LocalDate.of(2021, 1, 15)));
        record(new InitialBudgetApproved(YEAR, BASIC, Money.of("200.00"), "穗财预〔2021〕1号", LocalDate.of(2021, 1, 15)));
    }

    private static ExpenditureRecorded spend(String voucher, BudgetLineId line, String amount, LocalDate date) {
        return new ExpenditureRecorded(YEAR, new VoucherNo(voucher), line, Money.of(amount), date, null, null, null,
                null, null);
    }

    @Test
    void waterfallExecutionAndCarryOut_followTheEvents() {
        openYearWithTwoLines();
        record(new BudgetIncreased(YEAR, PROJECT, Money.of("500.00"), "追-1", "新增任务", LocalDate.of(2021, 6, 1), null));
        record(new BudgetTransferred(YEAR, List.of(new LineShare(PROJECT, Money.of("-100.00")),
                new LineShare(BASIC, Money.of("100.00"))), "调-1", "调剂", LocalDate.of(2021, 7, 1), null));
        record(spend("V1", PROJECT, "600.00", LocalDate.of(2021, 3, 2)));
        record(spend("V2", BASIC, "250.00", LocalDate.of(2021, 8, 2)));
        record(new ExpenditureReversed(YEAR, new VoucherNo("R1"), new VoucherNo("V1"), PROJECT, Money.of("50.00"),
                "多付", LocalDate.of(2021, 9, 1), null));

        LedgerFold fold = Replay.fold(events, new Basis(LocalDate.of(2021, 12, 31), Instant.MAX), new LedgerFold());
        Totals total = Grouping.total(fold.lines());

        assertThat(total.initial()).isEqualTo(Money.of("1200.00"));
        assertThat(total.adjustments()).isEqualTo(Money.of("500.00"));
        assertThat(total.fullYear()).isEqualTo(Money.of("1700.00"));
        assertThat(total.executed()).isEqualTo(Money.of("800.00"));
        assertThat(total.carryOut()).isEqualTo(Money.of("900.00"));
        assertThat(Rates.percent(total.executionRate())).isEqualByComparingTo("47.06");
        LineFigures project = fold.lines().stream().filter(l -> l.lineId().equals(PROJECT)).findFirst().orElseThrow();
        assertThat(project.fullYear()).isEqualTo(Money.of("1400.00"));
        assertThat(project.adjustmentHistory()).extracting(Adjustment::documentNo).containsExactly("追-1", "调-1");
        assertThat(project.executedInMonth(3)).isEqualTo(Money.of("600.00"));
        assertThat(project.executedInMonth(9)).isEqualTo(Money.of("-50.00"));
    }

    @Test
    void asOfAndKnownAt_selectTheEventsOfTheBasis() {
        openYearWithTwoLines();
        record(spend("V1", PROJECT, "100.00", LocalDate.of(2021, 3, 1)));
        Instant lateRecording = Instant.parse("2022-02-01T00:00:00Z");
        record(spend("V2", PROJECT, "40.00", LocalDate.of(2021, 12, 20)), lateRecording);

        LedgerFold beforeLate = Replay.fold(events,
                new Basis(LocalDate.of(2021, 12, 31), lateRecording.minusSeconds(1)), new LedgerFold());
        LedgerFold withLate = Replay.fold(events, new Basis(LocalDate.of(2021, 12, 31), lateRecording),
                new LedgerFold());
        LedgerFold midYear = Replay.fold(events, new Basis(LocalDate.of(2021, 6, 30), Instant.MAX), new LedgerFold());

        assertThat(Grouping.total(beforeLate.lines()).executed()).isEqualTo(Money.of("100.00"));
        assertThat(Grouping.total(withLate.lines()).executed()).isEqualTo(Money.of("140.00"));
        assertThat(Grouping.total(midYear.lines()).executed()).isEqualTo(Money.of("100.00"));
    }

    @Test
    void notice_comparesWithTheLedgerAtTheEndOfItsDay() {
        openYearWithTwoLines();
        record(new ExecutionNoticeRecorded(YEAR, "通报-3", new BigDecimal("0.25"), new BigDecimal("1.10"),
                LocalDate.of(2021, 3, 31)));
        // recorded after the notice but effective the same day: still part of the figures at that date
        record(spend("V1", PROJECT, "300.00", LocalDate.of(2021, 3, 31)));
        record(spend("V2", PROJECT, "300.00", LocalDate.of(2021, 4, 1)));

        LedgerFold fold = Replay.fold(events, new Basis(LocalDate.of(2021, 12, 31), Instant.MAX), new LedgerFold());

        NoticeFigures notice = fold.notices().get(0);
        assertThat(notice.ledgerExecutionRate()).isEqualByComparingTo("0.25");
        assertThat(notice.ledgerProgressRate()).isEqualByComparingTo("1");
    }

    @Test
    void recordingOrderOfEventsWithDistinctDates_doesNotChangeAnAsOfResult() {
        long seed = System.nanoTime();
        System.out.println("LedgerFoldTest seed = " + seed);
        Random random = new Random(seed);
        openYearWithTwoLines();
        int opening = events.size();
        List<BudgetEvent> spending = new ArrayList<>();
        for (int day = 0; day < 200; day++) {
            spending.add(spend("V" + day, random.nextBoolean() ? PROJECT : BASIC,
                    random.nextInt(5) + "." + random.nextInt(10) + random.nextInt(10),
                    LocalDate.of(2021, 1, 16).plusDays(day)));
        }
        spending.forEach(this::record);
        Basis basis = new Basis(LocalDate.of(2021, 5, 1), Instant.MAX);
        Totals inOrder = Grouping.total(Replay.fold(events, basis, new LedgerFold()).lines());

        List<BudgetEvent> shuffled = new ArrayList<>(spending);
        Collections.shuffle(shuffled, random);
        events.subList(opening, events.size()).clear();
        shuffled.forEach(this::record);
        Totals shuffledOrder = Grouping.total(Replay.fold(events, basis, new LedgerFold()).lines());

        assertThat(shuffledOrder).isEqualTo(inOrder);
    }
}
