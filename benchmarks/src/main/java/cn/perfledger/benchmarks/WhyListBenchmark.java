package cn.perfledger.benchmarks;

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
import cn.perfledger.domain.rubric.GradeScale;
import cn.perfledger.domain.rubric.InputReference.LedgerMetricInput;
import cn.perfledger.domain.rubric.LedgerMetric;
import cn.perfledger.domain.rubric.Rounding;
import cn.perfledger.domain.rubric.RubricEvent.RubricPublished;
import cn.perfledger.domain.rubric.RubricNode;
import cn.perfledger.domain.rubric.ScoringRule.DeductionPerPoint;
import cn.perfledger.domain.rubric.ScoringRule.Proportional;
import cn.perfledger.domain.rubric.RubricScope;
import cn.perfledger.projections.audit.WhyChanged;
import cn.perfledger.projections.basis.Basis;
import cn.perfledger.projections.basis.RecordedEvent;
import cn.perfledger.projections.basis.ReplayIndex;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The why-list of one item (预算完成率, a deduction-per-point leaf on the 财政拨款 execution rate) between two
 * bases of a generated 100,000-voucher year (200 lines, monthly notices, a rubric): from asOf 06-30 to 12-31
 * (about 50,000 vouchers added), and between two knownAt instants where 10% of the vouchers were recorded late.
 * Target (issue 4): ≤ 200 ms median, warm. The {@code …FromCachedIndex} variants hand {@code explain} the events
 * as the app does (YearQueries caches the year as a {@link ReplayIndex}); the others pass a plain list, so they
 * include sorting the year.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WhyListBenchmark {

    static final FiscalYearId YEAR = FiscalYearId.of("WHY", 2021);
    static final RubricVersionId RUBRIC = new RubricVersionId("why-bench@1");
    static final Instant LATE = Instant.parse("2022-03-01T00:00:00Z");

    private List<RecordedEvent> events;
    private ReplayIndex index;

    @Setup
    public void generate() {
        events = events(100_000, 7);
        index = ReplayIndex.of(events);
    }

    @Benchmark
    public WhyChanged.Result betweenTwoReferenceDates() {
        return WhyChanged.explain(events, "F.EXEC", new Basis(LocalDate.of(2021, 6, 30), Instant.MAX),
                new Basis(LocalDate.of(2021, 12, 31), Instant.MAX));
    }

    @Benchmark
    public WhyChanged.Result betweenTwoKnownAtInstants() {
        return WhyChanged.explain(events, "F.EXEC", new Basis(LocalDate.of(2021, 12, 31), LATE.minusSeconds(1)),
                new Basis(LocalDate.of(2021, 12, 31), Instant.MAX));
    }

    @Benchmark
    public WhyChanged.Result betweenTwoReferenceDatesFromCachedIndex() {
        return WhyChanged.explain(index, "F.EXEC", new Basis(LocalDate.of(2021, 6, 30), Instant.MAX),
                new Basis(LocalDate.of(2021, 12, 31), Instant.MAX));
    }

    @Benchmark
    public WhyChanged.Result betweenTwoKnownAtInstantsFromCachedIndex() {
        return WhyChanged.explain(index, "F.EXEC", new Basis(LocalDate.of(2021, 12, 31), LATE.minusSeconds(1)),
                new Basis(LocalDate.of(2021, 12, 31), Instant.MAX));
    }

    /** 200 lines, {@code vouchers} vouchers over the year (every 10th recorded late, after {@link #LATE}), notices. */
    static List<RecordedEvent> events(int vouchers, long seed) {
        Random random = new Random(seed);
        List<RecordedEvent> events = new ArrayList<>(vouchers + 500);
        Instant recorded = Instant.parse("2021-01-01T00:00:00Z");
        RubricNode fund = RubricNode.group("F", "资金管理", "4", List.of(
                RubricNode.leaf("F.EXEC", "预算完成率", "2", new DeductionPerPoint(BigDecimal.ONE, new BigDecimal("0.1")),
                        new LedgerMetricInput(LedgerMetric.BUDGET_EXECUTION_RATE)),
                RubricNode.leaf("F.AVG", "年度平均执行率", "2", new Proportional(BigDecimal.ONE),
                        new LedgerMetricInput(LedgerMetric.ANNUAL_AVERAGE_EXECUTION_RATE))));
        add(events, new RubricPublished(RUBRIC, "基准评分规则", "基准", RubricScope.all(), 2021, new BigDecimal("4"), BigDecimal.ZERO,
                List.of(fund), Rounding.TWO_DECIMALS_HALF_UP, GradeScale.defaults(), "bench", LocalDate.of(2021, 1, 1)),
                LocalDate.of(2021, 1, 1), recorded.minusSeconds(3600));
        add(events, new FiscalYearOpened(YEAR, YEAR.department(), 2021, "基准部门",
                List.of(new UnitRef(new UnitCode("BJ"), "本级")), RUBRIC, LocalDate.of(2021, 1, 1)),
                LocalDate.of(2021, 1, 1), recorded);
        for (int i = 0; i < 200; i++) {
            BudgetLineId line = new BudgetLineId("L" + i);
            add(events, new BudgetLineOpened(YEAR, line, new BudgetLineSpec(new UnitCode("BJ"),
                    i % 5 == 0 ? FundingSource.OTHER : FundingSource.GENERAL_PUBLIC_BUDGET, ExpenditureKind.PROJECT,
                    "P" + i, "项目" + i, new FunctionalCode("2010350"), new EconomicCode("30227")),
                    LocalDate.of(2021, 1, 1)), LocalDate.of(2021, 1, 1), recorded);
            add(events, new InitialBudgetApproved(YEAR, line, Money.ofYuan(30_000_000), "文-1", LocalDate.of(2021, 1, 1)),
                    LocalDate.of(2021, 1, 1), recorded);
        }
        for (int v = 0; v < vouchers; v++) {
            LocalDate date = LocalDate.of(2021, 1, 1).plusDays(v * 365L / vouchers);
            recorded = recorded.plusSeconds(30);
            Instant at = v % 10 == 0 ? LATE.plusSeconds(v) : recorded;
            add(events, new ExpenditureRecorded(YEAR, new VoucherNo("V" + v), new BudgetLineId("L" + random.nextInt(200)),
                    Money.ofFen(1_000 + random.nextInt(10_000_000)), date, "收款人", "摘要", null, null, null), date, at);
            if (v > 0 && v % (vouchers / 12) == 0) {
                add(events, new ExecutionNoticeRecorded(YEAR, "通报-" + v, BigDecimal.valueOf(date.getMonthValue())
                        .divide(BigDecimal.valueOf(12), 4, RoundingMode.HALF_UP), new BigDecimal("1.0" + random.nextInt(10)),
                        date), date, recorded);
            }
        }
        events.sort((a, b) -> a.recordedAt().compareTo(b.recordedAt()));
        List<RecordedEvent> sequenced = new ArrayList<>(events.size());
        for (RecordedEvent e : events) {
            long s = sequenced.size();
            sequenced.add(new RecordedEvent(s, e.aggregateId(), s, "e" + s, e.recordedAt(), e.effectiveDate(),
                    e.payload(), Map.of()));
        }
        return sequenced;
    }

    private static void add(List<RecordedEvent> events, Object payload, LocalDate effective, Instant recordedAt) {
        events.add(new RecordedEvent(0, YEAR.toString(), 0, "e", recordedAt, effective, payload, Map.of()));
    }
}
