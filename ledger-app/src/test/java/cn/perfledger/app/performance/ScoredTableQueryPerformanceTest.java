package cn.perfledger.app.performance;

import static cn.perfledger.domain.rubric.RubricNode.group;
import static cn.perfledger.domain.rubric.RubricNode.leaf;
import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.app.command.ClientKind;
import cn.perfledger.app.command.CommandDispatcher;
import cn.perfledger.app.command.CommandOrigin;
import cn.perfledger.app.history.EventHistory;
import cn.perfledger.app.query.BasisResult;
import cn.perfledger.app.query.YearQueries;
import cn.perfledger.domain.budget.BatchOutcome;
import cn.perfledger.domain.budget.BudgetCommand;
import cn.perfledger.domain.budget.BudgetCommand.ExpenditureEntry;
import cn.perfledger.domain.budget.BudgetEvent.UnitRef;
import cn.perfledger.domain.budget.BudgetLineSpec;
import cn.perfledger.domain.budget.EconomicCode;
import cn.perfledger.domain.budget.ExpenditureKind;
import cn.perfledger.domain.budget.FunctionalCode;
import cn.perfledger.domain.budget.FundingSource;
import cn.perfledger.domain.budget.ProcurementCategory;
import cn.perfledger.domain.common.BudgetLineId;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.domain.common.IndicatorId;
import cn.perfledger.domain.common.Money;
import cn.perfledger.domain.common.ProcurementId;
import cn.perfledger.domain.common.RubricItemCode;
import cn.perfledger.domain.common.RubricVersionId;
import cn.perfledger.domain.common.UnitCode;
import cn.perfledger.domain.common.VoucherNo;
import cn.perfledger.domain.evaluation.BonusPenaltyEntryId;
import cn.perfledger.domain.evaluation.BonusPenaltyKind;
import cn.perfledger.domain.evaluation.EvaluationCommand;
import cn.perfledger.domain.evaluation.EvaluationId;
import cn.perfledger.domain.rubric.GradeScale;
import cn.perfledger.domain.rubric.InputReference.BonusPenaltyInput;
import cn.perfledger.domain.rubric.InputReference.IndicatorGroupInput;
import cn.perfledger.domain.rubric.InputReference.IndicatorInput;
import cn.perfledger.domain.rubric.InputReference.JudgementInput;
import cn.perfledger.domain.rubric.InputReference.LedgerMetricInput;
import cn.perfledger.domain.rubric.LedgerMetric;
import cn.perfledger.domain.rubric.Rounding;
import cn.perfledger.domain.rubric.RubricCommand.PublishRubric;
import cn.perfledger.domain.rubric.RubricNode;
import cn.perfledger.domain.rubric.ScoringRule.Band;
import cn.perfledger.domain.rubric.ScoringRule.Bands;
import cn.perfledger.domain.rubric.ScoringRule.BonusPenalty;
import cn.perfledger.domain.rubric.ScoringRule.DeductionPerPoint;
import cn.perfledger.domain.rubric.ScoringRule.Judgement;
import cn.perfledger.domain.rubric.ScoringRule.MetOrFactor;
import cn.perfledger.domain.rubric.ScoringRule.Proportional;
import cn.perfledger.domain.rubric.ScoringRule.ShareMet;
import cn.perfledger.domain.rubric.RubricScope;
import cn.perfledger.projections.scoring.ScoredTable;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Issue #3 performance of the scored 自评表 from the real event store: a department-year of 100,000 vouchers (50
 * batches of 2,000 through the command gateway, as in {@code LargeYearSnapshotPerformanceTest}) plus lines of
 * every kind, notices, procurement, fixed assets, a published rubric with every rule kind and an evaluation (30
 * indicators with actuals, judgements, bonus and penalty). Measures and prints
 * <ul>
 *   <li>the cold query: {@link EventHistory#clear()} then {@link YearQueries#evaluation} (read, deserialize and
 *       fold 100,000 events; target ≤ 2 s);</li>
 *   <li>the warm median of 30 queries at random bases (asOf in the year, knownAt during or after the build;
 *       target ≤ 50 ms);</li>
 *   <li>the heap held for the year: used heap after GC with the history cleared vs after the cold query (target
 *       ≤ 50 MiB).</li>
 * </ul>
 * Asserts only generous bounds so that a slow CI machine does not flake; the real figures are printed. In-memory
 * H2 (same event-store code path as the file default). Tagged {@code performance}: exclude with
 * {@code -DexcludedGroups=performance}.
 */
@Tag("performance")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.datasource.url=jdbc:h2:mem:ledger-perf-scored;DB_CLOSE_DELAY=-1",
        "ledger.snapshot-threshold=500", "ledger.demo.load-on-start=false"})
class ScoredTableQueryPerformanceTest {

    private static final int BATCHES = 50;
    private static final int BATCH_SIZE = 2_000;
    private static final int WARM_UP = 10;
    private static final int MEASURED = 30;
    private static final FiscalYearId YEAR = FiscalYearId.of("PERF-SCORED", 2021);
    private static final EvaluationId EVALUATION = new EvaluationId(YEAR);
    private static final RubricVersionId RUBRIC = new RubricVersionId("perf-scored@1");
    private static final LocalDate JAN_1 = LocalDate.of(2021, 1, 1);
    private static final UnitCode UNIT = new UnitCode("BJ");
    private static final List<String> JUDGEMENTS = List.of("M.J1", "M.J2", "M.J3", "M.J4");
    private static final List<String> TAGS = List.of("LZ.KEY", "LZ.OUT.Q", "LZ.OUT.T", "LZ.EFF.RATE", "LZ.EFF.BAND");
    private static final String[][] INDICATORS = {
        {"≥95%", "97.52%"}, {"≤5%", "3%"}, {"≥700万次", "805万次"}, {"12个", "9个"}, {"100%完成", "达标"},
        {"≥6个月", "≥9个月"}, {"提供20份以上的数据质量报告", "提供了31份数据质量报告"}};

    @Autowired
    private CommandDispatcher dispatcher;

    @Autowired
    private EventHistory history;

    @Autowired
    private YearQueries queries;
    @Autowired
    private org.springframework.jdbc.core.JdbcTemplate jdbc;

    private final CommandOrigin origin = CommandOrigin.of(ClientKind.IMPORT);
    private final List<BudgetLineId> lines = new ArrayList<>();
    private int voucher;

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void scoredTable_ofA100000EventYear_coldWarmAndHeap() throws Exception {
        Instant buildStart = Instant.now();
        long buildStartNanos = System.nanoTime();
        build();
        long buildMillis = (System.nanoTime() - buildStartNanos) / 1_000_000;
        Instant buildEnd = Instant.now();

        // The year-figures read model folds the year in the background while it is built: let it catch up first,
        // or its garbage and transient folds would be counted as (or hide) what the history holds.
        awaitReadModelCaughtUp();
        // Cold: nothing of the year in memory; GC first so that the heap figure is what the year holds.
        history.clear();
        queries.clear();
        long heapBefore = usedHeapAfterGc();
        long coldStart = System.nanoTime();
        BasisResult<ScoredTable> cold = queries.evaluation(YEAR, null, null);
        double coldMillis = (System.nanoTime() - coldStart) / 1e6;
        long heapAfter = usedHeapAfterGc();
        double heapGrowthMiB = (heapAfter - heapBefore) / (1024.0 * 1024.0);
        int yearEvents = queries.events(YEAR).size();

        Random random = new Random(20210101);
        long span = Math.max(1, buildEnd.toEpochMilli() - buildStart.toEpochMilli());
        for (int i = 0; i < WARM_UP; i++) {
            query(random, buildStart, span);
        }
        double[] millis = new double[MEASURED];
        int admittedMin = Integer.MAX_VALUE;
        int admittedMax = 0;
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            BasisResult<ScoredTable> result = query(random, buildStart, span);
            millis[i] = (System.nanoTime() - start) / 1e6;
            admittedMin = Math.min(admittedMin, result.eventsAdmitted());
            admittedMax = Math.max(admittedMax, result.eventsAdmitted());
        }
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        double median = (sorted[MEASURED / 2 - 1] + sorted[MEASURED / 2]) / 2;
        // The same basis twice: the warm path at year end as now known, the usual 评价基准日 query.
        long yearEndStart = System.nanoTime();
        BasisResult<ScoredTable> yearEnd = queries.evaluation(YEAR, LocalDate.of(2021, 12, 31), cold.knownAt());
        double yearEndMillis = (System.nanoTime() - yearEndStart) / 1e6;

        // What clearing the history releases: the part of the heap that is the year's cached events alone (the
        // growth above may also include what other components, e.g. tracking processors, did meanwhile).
        history.clear();
        queries.clear();
        long heapCleared = usedHeapAfterGc();
        double heldByHistoryMiB = (heapAfter - heapCleared) / (1024.0 * 1024.0);
        queries.evaluation(YEAR, null, null);

        String report = String.format("""

                ==================================================================================
                 SCORED 自评表 OF A 100,000-EVENT DEPARTMENT-YEAR FROM THE EVENT STORE (H2 in-memory)
                   build: %,d events in the year's streams (+ rubric) through the command gateway in %,d ms
                   cold query (history cleared: read + deserialize + fold): %,.1f ms        (target ≤ 2,000 ms)
                   warm, %d queries at random bases (admitted %,d..%,d events):
                          MEDIAN %.1f ms, min %.1f ms, p90 %.1f ms, max %.1f ms            (target ≤ 50 ms)
                   warm, year end as now known: %.1f ms (total %s, grade %s, digest %s…)
                   heap held for the year: %,.1f MiB (used after GC %,.1f → %,.1f MiB)   (target ≤ 50 MiB)%s
                          released by EventHistory.clear(): %,.1f MiB (%,.0f bytes per cached event)
                ==================================================================================
                """, yearEvents, buildMillis, coldMillis, MEASURED, admittedMin, admittedMax, median, sorted[0],
                sorted[(int) (MEASURED * 0.9) - 1], sorted[MEASURED - 1], yearEndMillis, yearEnd.result().total(),
                yearEnd.result().grade(), yearEnd.digest().substring(0, 12), heapGrowthMiB,
                heapBefore / (1024.0 * 1024.0), heapAfter / (1024.0 * 1024.0),
                heapGrowthMiB > 50 ? "   <-- ABOVE TARGET" : "", heldByHistoryMiB,
                (heapAfter - heapCleared) / (double) yearEvents);
        System.out.println(report);

        assertThat(yearEvents).isGreaterThan(100_000);
        assertThat(cold.eventsAdmitted()).isGreaterThan(100_000);
        assertThat(yearEnd.digest()).isEqualTo(cold.digest());
        assertThat(cold.result().total()).isPositive();
        // generous bounds: the real figures are printed above
        // (measured at 17 s / 410 ms on a 2-core machine shared by several builds; on an idle one far less)
        assertThat(coldMillis).isLessThan(30_000.0);
        assertThat(median).isLessThan(1_000.0);
    }

    private BasisResult<ScoredTable> query(Random random, Instant buildStart, long spanMillis) {
        LocalDate asOf = JAN_1.plusDays(random.nextInt(365));
        // knownAt anywhere during the build (part of the year recorded) or after it (all of it).
        Instant knownAt = buildStart.plusMillis((long) (random.nextDouble() * spanMillis * 1.25));
        return queries.evaluation(YEAR, asOf, knownAt);
    }

    private void awaitReadModelCaughtUp() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            Long store = jdbc.queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class);
            java.util.List<Long> applied = jdbc.queryForList(
                    "SELECT last_global_index FROM year_figures WHERE fiscal_year_id = ?", Long.class, YEAR.toString());
            if (store != null && !applied.isEmpty() && applied.get(0) >= store) {
                return;
            }
            Thread.sleep(200);
        }
        System.out.println("[performance] year-figures read model did not catch up within 120 s; heap figure is noisy");
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    // --- the year ---------------------------------------------------------------------------------------------

    private void build() {
        dispatcher.send(new PublishRubric(RUBRIC, "性能测试评分规则", "测试", RubricScope.all(), 2021, new BigDecimal("100"),
                new BigDecimal("5"), rubricTree(), Rounding.TWO_DECIMALS_HALF_UP, GradeScale.defaults(),
                "every rule kind, for the performance test", JAN_1), origin);
        dispatcher.send(new BudgetCommand.OpenFiscalYear(YEAR, "性能测试局", List.of(new UnitRef(UNIT, "本级")), RUBRIC),
                origin);
        String[][] specs = {
            {"BASIC_PERSONNEL", "30101"}, {"BASIC_PERSONNEL", "30102"}, {"BASIC_OPERATING", "30201"},
            {"BASIC_OPERATING", "30217"}, {"BASIC_OPERATING", "30231"}, {"PROJECT", "30227"}, {"PROJECT", "31013"},
            {"PROJECT", "30212"}, {"PROJECT", "30201"}, {"PROJECT", "31002"}};
        for (int i = 0; i < specs.length; i++) {
            ExpenditureKind kind = ExpenditureKind.valueOf(specs[i][0]);
            boolean project = kind == ExpenditureKind.PROJECT;
            BudgetLineId line = new BudgetLineId("L" + i);
            lines.add(line);
            dispatcher.send(new BudgetCommand.OpenBudgetLine(YEAR, line, new BudgetLineSpec(UNIT,
                    i % 4 == 3 ? FundingSource.GOVERNMENT_FUND : FundingSource.GENERAL_PUBLIC_BUDGET, kind,
                    project ? "P" + i : null, project ? "项目" + i : null, new FunctionalCode("20103" + (10 + i)),
                    new EconomicCode(specs[i][1])), JAN_1), origin);
            dispatcher.send(new BudgetCommand.ApproveInitialBudget(YEAR, line, Money.of("60000000.00"), "预-" + i,
                    LocalDate.of(2021, 1, 2)), origin);
            if (i % 3 == 0) {
                dispatcher.send(new BudgetCommand.RecordCarryIn(YEAR, line, Money.of("1200000.00"),
                        project ? cn.perfledger.domain.budget.CarryOverKind.CARRY_FORWARD
                                : cn.perfledger.domain.budget.CarryOverKind.SURPLUS), origin);
            }
        }
        for (int b = 0; b < BATCHES; b++) {
            List<ExpenditureEntry> entries = new ArrayList<>(BATCH_SIZE);
            for (int i = 0; i < BATCH_SIZE; i++) {
                entries.add(nextEntry());
            }
            BatchOutcome outcome = dispatcher.send(
                    new BudgetCommand.RecordExpenditureBatch(YEAR, "batch-" + b, entries, null), origin);
            assertThat(outcome.recorded()).isEqualTo(BATCH_SIZE);
            if (b % 5 == 4 && b < 45) {
                int month = 3 + b / 5;
                dispatcher.send(new BudgetCommand.RecordExecutionNotice(YEAR, "通报-" + month,
                        BigDecimal.valueOf(month).divide(BigDecimal.valueOf(12), 4, java.math.RoundingMode.HALF_UP),
                        new BigDecimal("0.9" + b % 10), LocalDate.of(2021, month, 28)), origin);
            }
        }
        dispatcher.send(new BudgetCommand.IncreaseBudget(YEAR, lines.get(5), Money.of("3000000.00"), "追-1", "追加",
                LocalDate.of(2021, 6, 1), null), origin);
        for (int p = 0; p < 10; p++) {
            ProcurementId id = new ProcurementId("CG-" + p);
            LocalDate planned = LocalDate.of(2021, 2, 1).plusDays(p * 20L);
            dispatcher.send(new BudgetCommand.PlanProcurement(YEAR, id, "采购" + p, ProcurementCategory.values()[p % 3],
                    Money.of("1000000.00"), Money.of("400000.00"), planned), origin);
            LocalDate signed = planned.plusDays(25 + p);
            dispatcher.send(new BudgetCommand.SignProcurementContract(YEAR, id, id + "-HT1", Money.of("900000.00"),
                    signed.minusDays(10 + 3L * p), signed), origin);
            dispatcher.send(new BudgetCommand.FileProcurementContract(YEAR, id, id + "-HT1", signed.plusDays(p % 5)),
                    origin);
            dispatcher.send(new BudgetCommand.RecordProcurementExecution(YEAR, id, Money.of("900000.00"),
                    Money.of("350000.00"), signed.plusDays(30)), origin);
        }
        dispatcher.send(new BudgetCommand.RecordFixedAssets(YEAR, Money.of("197273890.80"), Money.of("196700000.00"),
                LocalDate.of(2021, 12, 31)), origin);

        dispatcher.send(new EvaluationCommand.StartEvaluation(EVALUATION, RUBRIC), origin);
        for (int i = 0; i < 30; i++) {
            String[] indicator = INDICATORS[i % INDICATORS.length];
            dispatcher.send(new EvaluationCommand.DefineIndicator(EVALUATION, new IndicatorId("I" + i),
                    List.of("履职效能", i % 2 == 0 ? "产出指标" : "效益指标", "数量指标"), "指标" + i,
                    new BigDecimal("1.83"), indicator[0], new RubricItemCode(TAGS.get(i % TAGS.size())),
                    LocalDate.of(2021, 1, 5)), origin);
        }
        for (int i = 0; i < 30; i++) {
            dispatcher.send(new EvaluationCommand.RecordActual(EVALUATION, new IndicatorId("I" + i),
                    INDICATORS[i % INDICATORS.length][1], i % 3 == 0 ? LocalDate.of(2021, 12, 31)
                            : LocalDate.of(2022, 1, 20)), origin);
        }
        for (String code : JUDGEMENTS) {
            dispatcher.send(new EvaluationCommand.EnterJudgementScore(EVALUATION, new RubricItemCode(code),
                    new BigDecimal("2.4"), "评分依据：制度健全，执行严格。", "自评小组", LocalDate.of(2022, 2, 28)), origin);
        }
        dispatcher.send(new EvaluationCommand.RecordBonusPenalty(EVALUATION, new BonusPenaltyEntryId("BP-1"),
                BonusPenaltyKind.BONUS, new BigDecimal("2.5"), "受到财政部门表扬", "穗财绩〔2021〕8号",
                LocalDate.of(2021, 11, 3)), origin);
        dispatcher.send(new EvaluationCommand.RecordBonusPenalty(EVALUATION, new BonusPenaltyEntryId("BP-2"),
                BonusPenaltyKind.PENALTY, new BigDecimal("2.5"), "预算公开不及时", null, LocalDate.of(2021, 6, 30)),
                origin);
    }

    private ExpenditureEntry nextEntry() {
        int n = ++voucher;
        return new ExpenditureEntry(new VoucherNo("记-" + n), lines.get(n % lines.size()),
                Money.ofFen(100 + (n * 7919L) % 999_900), JAN_1.plusDays((long) (n - 1) * 365 / 100_000),
                n % 3 == 0 ? "供应商" + (n % 97) : null, "凭证 " + n);
    }

    /** 管理效能 40 + 履职效能 55 + 加减分 5 = 100, every rule kind (as the benchmarks' rubric). */
    private static List<RubricNode> rubricTree() {
        Bands withinBudget = new Bands(List.of(new Band(null, true, BigDecimal.ONE, true, d("2")),
                new Band(BigDecimal.ONE, false, null, false, BigDecimal.ZERO)));
        Bands variance = new Bands(List.of(Band.exactly(BigDecimal.ZERO, d("2")),
                Band.above(BigDecimal.ZERO, d("0.01"), d("1.5")), Band.above(d("0.01"), d("0.05"), d("1")),
                new Band(d("0.05"), false, null, false, BigDecimal.ZERO)));
        Bands completion = new Bands(List.of(Band.from(null, d("0.6"), BigDecimal.ZERO),
                Band.from(d("0.6"), d("0.9"), d("6")), new Band(d("0.9"), true, null, false, d("10"))));
        List<RubricNode> judgements = new ArrayList<>();
        for (String code : JUDGEMENTS) {
            judgements.add(leaf(code, "评价人评分 " + code, "2.5", new Judgement(), new JudgementInput()));
        }
        RubricNode management = group("M", "管理效能", "40", List.of(
                group("M.JUDGE", "制度与管理", "10", judgements),
                group("M.FUND", "资金管理", "16", List.of(
                        leaf("M.FUND.EXEC", "预算完成率", "4", new DeductionPerPoint(BigDecimal.ONE, d("0.1")),
                                metric(LedgerMetric.BUDGET_EXECUTION_RATE)),
                        leaf("M.FUND.AVG", "年度平均执行率", "4", new Proportional(BigDecimal.ONE),
                                metric(LedgerMetric.ANNUAL_AVERAGE_EXECUTION_RATE)),
                        leaf("M.FUND.VAR", "财政拨款收入预决算差异率", "2", variance,
                                metric(LedgerMetric.APPROPRIATION_REVENUE_VARIANCE_RATE)),
                        leaf("M.FUND.CARRY", "结转结余率", "2", withinBudget, metric(LedgerMetric.CARRYOVER_RATE_53)),
                        leaf("M.FUND.BASIC", "基本支出执行率", "2", new DeductionPerPoint(BigDecimal.ONE, d("0.05")),
                                metric(LedgerMetric.BASIC_EXPENDITURE_EXECUTION_RATE)),
                        leaf("M.FUND.SHARE", "绩效目标完成率", "2", new ShareMet(),
                                IndicatorGroupInput.of(new RubricItemCode("LZ"))))),
                group("M.PROC", "采购管理", "6", List.of(
                        leaf("M.PROC.EXEC", "政府采购执行率", "2", new Proportional(null),
                                metric(LedgerMetric.PROCUREMENT_EXECUTION_RATE)),
                        leaf("M.PROC.SIGN", "合同签订及时率", "2", new Proportional(null),
                                metric(LedgerMetric.CONTRACT_SIGNING_TIMELINESS_RATE)),
                        leaf("M.PROC.FILE", "合同备案及时率", "2", new Proportional(null),
                                metric(LedgerMetric.CONTRACT_FILING_TIMELINESS_RATE)))),
                group("M.COST", "成本与资产", "8", List.of(
                        leaf("M.COST.OPEX", "公用经费控制率", "2", withinBudget,
                                metric(LedgerMetric.OPERATING_EXPENSE_CONTROL_RATE)),
                        leaf("M.COST.3P", "三公经费控制率", "2", withinBudget,
                                metric(LedgerMetric.THREE_PUBLIC_CONTROL_RATE)),
                        leaf("M.COST.SME", "采购政策效能", "2", new Proportional(null),
                                metric(LedgerMetric.SME_AWARD_SHARE)),
                        leaf("M.COST.ASSET", "固定资产利用率", "2", new Proportional(null),
                                metric(LedgerMetric.FIXED_ASSET_UTILISATION_RATE))))));
        RubricNode performance = group("LZ", "履职效能", "55", List.of(
                leaf("LZ.KEY", "重点指标", "15", MetOrFactor.factor(d("0.9")),
                        IndicatorGroupInput.of(new RubricItemCode("LZ.KEY"))),
                group("LZ.OUT", "产出指标", "20", List.of(
                        leaf("LZ.OUT.Q", "数量指标", "10", MetOrFactor.completionRate(),
                                IndicatorGroupInput.of(new RubricItemCode("LZ.OUT.Q"))),
                        leaf("LZ.OUT.T", "时效指标", "10", MetOrFactor.factor(d("0.8")),
                                IndicatorInput.byTag(new RubricItemCode("LZ.OUT.T"))))),
                group("LZ.EFF", "效益指标", "20", List.of(
                        leaf("LZ.EFF.RATE", "效益", "10", new Proportional(null),
                                IndicatorInput.byTag(new RubricItemCode("LZ.EFF.RATE"))),
                        leaf("LZ.EFF.BAND", "满意度", "10", completion,
                                IndicatorInput.byTag(new RubricItemCode("LZ.EFF.BAND")))))));
        RubricNode bonus = group("BP", "加减分项", "5", List.of(
                leaf("BP.WORK", "工作受表彰或批评", "5", new BonusPenalty(d("2.5"), d("2.5"), d("5"), d("5")),
                        new BonusPenaltyInput())));
        return List.of(management, performance, bonus);
    }

    private static LedgerMetricInput metric(LedgerMetric metric) {
        return new LedgerMetricInput(metric);
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }
}
