package cn.perfledger.benchmarks;

import cn.perfledger.domain.budget.BudgetEvent;
import cn.perfledger.domain.budget.BudgetEvent.BudgetLineOpened;
import cn.perfledger.domain.budget.BudgetEvent.ExecutionNoticeRecorded;
import cn.perfledger.domain.budget.BudgetEvent.ExpenditureRecorded;
import cn.perfledger.domain.budget.BudgetEvent.FiscalYearOpened;
import cn.perfledger.domain.budget.BudgetEvent.InitialBudgetApproved;
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
import cn.perfledger.projections.basis.RecordedEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A synthetic department-year: 200 budget lines, monthly notices and the requested number of vouchers. */
public final class GeneratedYear {

    public static final FiscalYearId YEAR = FiscalYearId.of("BENCH", 2021);
    private static final int LINES = 200;

    private GeneratedYear() {
    }

    public static List<RecordedEvent> events(int vouchers, long seed) {
        Random random = new Random(seed);
        List<RecordedEvent> events = new ArrayList<>(vouchers + LINES * 2 + 20);
        Instant recorded = Instant.parse("2021-01-01T00:00:00Z");
        add(events, new FiscalYearOpened(YEAR, YEAR.department(), 2021, "基准部门",
                List.of(new UnitRef(new UnitCode("BJ"), "本级")), new RubricVersionId("bench@1"),
                LocalDate.of(2021, 1, 1)), recorded);
        for (int i = 0; i < LINES; i++) {
            BudgetLineId line = new BudgetLineId("L" + i);
            BudgetLineSpec spec = new BudgetLineSpec(new UnitCode("BJ"), FundingSource.GENERAL_PUBLIC_BUDGET,
                    ExpenditureKind.PROJECT, "P" + i, "项目" + i, new FunctionalCode("2010350"),
                    new EconomicCode(i % 10 == 0 ? "30217" : "30227"));
            add(events, new BudgetLineOpened(YEAR, line, spec, LocalDate.of(2021, 1, 1)), recorded);
            add(events, new InitialBudgetApproved(YEAR, line, Money.ofYuan(10_000_000), "文-1",
                    LocalDate.of(2021, 1, 1)), recorded);
        }
        for (int v = 0; v < vouchers; v++) {
            LocalDate date = LocalDate.of(2021, 1, 1).plusDays(v * 365L / vouchers);
            recorded = recorded.plusSeconds(30);
            add(events, new ExpenditureRecorded(YEAR, new VoucherNo("V" + v), new BudgetLineId("L" + random.nextInt(LINES)),
                    Money.ofFen(1_000 + random.nextInt(1_000_000)), date, "收款人", "摘要", null, null, null), recorded);
            if (v % (vouchers / 10) == 0 && v > 0) {
                add(events, new ExecutionNoticeRecorded(YEAR, "通报-" + v,
                        BigDecimal.valueOf(date.getMonthValue()).divide(BigDecimal.valueOf(12), 4,
                                java.math.RoundingMode.HALF_UP),
                        new BigDecimal("1.0" + random.nextInt(10)), date), recorded);
            }
        }
        return events;
    }

    private static void add(List<RecordedEvent> events, BudgetEvent event, Instant recordedAt) {
        long sequence = events.size();
        events.add(new RecordedEvent(sequence, YEAR.toString(), sequence, "e" + sequence, recordedAt,
                event.effectiveDate(), event, Map.of()));
    }
}
