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
import cn.perfledger.domain.common.LedgerEvent;
import cn.perfledger.domain.common.Money;
import cn.perfledger.domain.common.RubricVersionId;
import cn.perfledger.domain.common.UnitCode;
import cn.perfledger.domain.common.VoucherNo;
import cn.perfledger.projections.basis.RecordedEvent;
import cn.perfledger.domain.budget.BudgetEvent.FixedAssetsRecorded;
import cn.perfledger.domain.budget.BudgetEvent.ProcurementContractFiled;
import cn.perfledger.domain.budget.BudgetEvent.ProcurementContractSigned;
import cn.perfledger.domain.budget.BudgetEvent.ProcurementExecuted;
import cn.perfledger.domain.budget.BudgetEvent.ProcurementPlanned;
import cn.perfledger.domain.budget.ProcurementCategory;
import cn.perfledger.domain.common.IndicatorId;
import cn.perfledger.domain.common.ProcurementId;
import cn.perfledger.domain.common.RubricItemCode;
import cn.perfledger.domain.evaluation.ActualValue;
import cn.perfledger.domain.evaluation.BonusPenaltyEntryId;
import cn.perfledger.domain.evaluation.BonusPenaltyKind;
import cn.perfledger.domain.evaluation.EvaluationEvent;
import cn.perfledger.domain.evaluation.EvaluationEvent.BonusPenaltyRecorded;
import cn.perfledger.domain.evaluation.EvaluationEvent.EvaluationStarted;
import cn.perfledger.domain.evaluation.EvaluationEvent.IndicatorActualRecorded;
import cn.perfledger.domain.evaluation.EvaluationEvent.IndicatorDefined;
import cn.perfledger.domain.evaluation.EvaluationEvent.JudgementScoreEntered;
import cn.perfledger.domain.evaluation.EvaluationEvent.SelfEvaluationSubmitted;
import cn.perfledger.domain.evaluation.EvaluationId;
import cn.perfledger.domain.evaluation.TargetExpression;
import cn.perfledger.domain.rubric.EveryRuleRubric;
import cn.perfledger.domain.rubric.RubricEvent.RubricPublished;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A synthetic department-year: 200 budget lines, monthly notices and the requested number of vouchers; with
 * {@link #scoredYear} also procurement, fixed assets, the published rubric ({@link EveryRuleRubric}) and the evaluation
 * (30 indicators with targets and actuals, judgements, bonus and penalty entries, a submission), as the store would
 * hold them for the scored 自评表.
 */
public final class GeneratedYear {

    public static final FiscalYearId YEAR = FiscalYearId.of("BENCH", 2021);
    /** The version of {@link EveryRuleRubric} the scored year is evaluated by. */
    public static final RubricVersionId RUBRIC = new RubricVersionId("bench@1");
    private static final int LINES = 200;

    private GeneratedYear() {
    }

    public static List<RecordedEvent> events(int vouchers, long seed) {
        Random random = new Random(seed);
        List<RecordedEvent> events = new ArrayList<>(vouchers + LINES * 2 + 20);
        Instant recorded = Instant.parse("2021-01-01T00:00:00Z");
        add(events, new FiscalYearOpened(YEAR, YEAR.department(), 2021, "基准部门",
                List.of(new UnitRef(new UnitCode("BJ"), "本级")), RUBRIC,
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

    /** Indicator templates: target as written, then actuals as written (some met, some not, some far above). */
    private static final String[][] INDICATORS = {
        {"≥95%", "97.52%", "94.07%", "100%"},
        {"≤5%", "0", "3%", "6%"},
        {"≥700万次", "805万次", "1200万次", "650万次"},
        {"≥12个", "31个", "12个", "9个"},
        {"100%完成", "达标", "未完成"},
        {"≥6个月", "≥9个月", "5个月"},
        {"提供20份以上的数据质量报告", "提供了31份数据质量报告", "18份"}};

    /**
     * The budget year of {@link #events} (its first event the rubric's publication) plus procurement, fixed assets
     * and the evaluation: about {@code vouchers + 700} events in global order.
     */
    public static List<RecordedEvent> scoredYear(int vouchers, long seed) {
        Random random = new Random(seed ^ 0x5DEECE66DL);
        List<RecordedEvent> events = new ArrayList<>(vouchers + 1_000);
        addAny(events, EveryRuleRubric.published(RUBRIC), Instant.parse("2020-12-20T02:00:00Z"));
        for (RecordedEvent budget : GeneratedYear.events(vouchers, seed)) {
            addAny(events, budget.payload(), budget.recordedAt());
        }
        Instant recorded = events.get(events.size() - 1).recordedAt();
        for (int p = 0; p < 20; p++) {
            ProcurementId id = new ProcurementId("CG-" + p);
            LocalDate planned = LocalDate.of(2021, 2, 1).plusDays(p * 7L);
            long plan = 1_000_000L + random.nextInt(9_000_000);
            recorded = recorded.plusSeconds(60);
            addAny(events, new ProcurementPlanned(YEAR, id, "采购项目" + p, ProcurementCategory.values()[p % 3],
                    Money.ofYuan(plan), Money.ofYuan(plan / 2), planned), recorded);
            LocalDate signed = planned.plusDays(20 + random.nextInt(30));
            addAny(events, new ProcurementContractSigned(YEAR, id, id + "-HT1", Money.ofYuan(plan * 9 / 10),
                    signed.minusDays(random.nextInt(40)), signed), recorded.plusSeconds(1));
            addAny(events, new ProcurementContractFiled(YEAR, id, id + "-HT1", signed.plusDays(random.nextInt(5))),
                    recorded.plusSeconds(2));
            addAny(events, new ProcurementExecuted(YEAR, id, Money.ofYuan(plan * 9 / 10),
                    Money.ofYuan(plan * 9 / 20), signed.plusDays(30)), recorded.plusSeconds(3));
            recorded = recorded.plusSeconds(4);
        }
        addAny(events, new FixedAssetsRecorded(YEAR, Money.ofYuan(197_273_890), Money.ofYuan(196_700_000),
                LocalDate.of(2021, 12, 31)), recorded.plusSeconds(60));
        EvaluationId evaluation = new EvaluationId(YEAR);
        recorded = Instant.parse("2021-01-05T02:00:00Z");
        addAny(events, new EvaluationStarted(evaluation, YEAR, RUBRIC, LocalDate.of(2021, 1, 1)), recorded);
        for (int i = 0; i < 30; i++) {
            String[] template = INDICATORS[i % INDICATORS.length];
            TargetExpression target = TargetExpression.parse(template[0]);
            String tag = EveryRuleRubric.INDICATOR_TAGS.get(i % EveryRuleRubric.INDICATOR_TAGS.size());
            recorded = recorded.plusSeconds(600);
            addAny(events, new IndicatorDefined(evaluation, new IndicatorId("I" + i),
                    List.of("履职效能", i % 2 == 0 ? "产出指标" : "效益指标", "数量指标"), "指标" + i,
                    new BigDecimal("1.83"), target.text(), target, new RubricItemCode(tag), LocalDate.of(2021, 1, 5)),
                    recorded);
        }
        // Actuals are entered in January of the next year, some effective at the year end (back-dated).
        recorded = Instant.parse("2022-01-20T02:00:00Z");
        for (int i = 0; i < 30; i++) {
            String[] template = INDICATORS[i % INDICATORS.length];
            ActualValue actual = ActualValue.parse(template[1 + random.nextInt(template.length - 1)]);
            recorded = recorded.plusSeconds(600);
            addAny(events, new IndicatorActualRecorded(evaluation, new IndicatorId("I" + i), actual.text(), actual,
                    i % 3 == 0 ? LocalDate.of(2021, 12, 31) : LocalDate.of(2022, 1, 20)), recorded);
        }
        recorded = Instant.parse("2022-02-28T02:00:00Z");
        for (String code : EveryRuleRubric.JUDGEMENTS) {
            recorded = recorded.plusSeconds(600);
            addAny(events, new JudgementScoreEntered(evaluation, new RubricItemCode(code),
                    new BigDecimal("2.").add(BigDecimal.valueOf(random.nextInt(6), 1)), "评分依据：制度健全，执行严格。",
                    "自评小组", null, LocalDate.of(2022, 2, 28)), recorded);
        }
        addAny(events, new BonusPenaltyRecorded(evaluation, new BonusPenaltyEntryId("BP-1"), BonusPenaltyKind.BONUS,
                new BigDecimal("2.5"), "受到财政部门表扬", "穗财绩〔2021〕8号", LocalDate.of(2021, 11, 3)),
                recorded.plusSeconds(60));
        addAny(events, new BonusPenaltyRecorded(evaluation, new BonusPenaltyEntryId("BP-2"), BonusPenaltyKind.PENALTY,
                new BigDecimal("2.5"), "预算公开不及时", null, LocalDate.of(2021, 6, 30)), recorded.plusSeconds(120));
        addAny(events, new SelfEvaluationSubmitted(evaluation, 1, LocalDate.of(2021, 12, 31), "ab".repeat(32),
                new BigDecimal("90.00"), "自评小组", LocalDate.of(2022, 3, 15)), Instant.parse("2022-03-15T08:00:00Z"));
        events.sort(java.util.Comparator.comparing(RecordedEvent::recordedAt)
                .thenComparingLong(RecordedEvent::globalSequence));
        // Global sequence = recording order, as the store assigns it.
        List<RecordedEvent> stored = new ArrayList<>(events.size());
        for (RecordedEvent event : events) {
            long sequence = stored.size();
            stored.add(new RecordedEvent(sequence, event.aggregateId(), sequence, "e" + sequence, event.recordedAt(),
                    event.effectiveDate(), event.payload(), Map.of()));
        }
        return stored;
    }

    private static void addAny(List<RecordedEvent> events, Object payload, Instant recordedAt) {
        long sequence = events.size();
        LocalDate effective = ((LedgerEvent) payload).effectiveDate();
        String aggregate;
        if (payload instanceof BudgetEvent) {
            aggregate = YEAR.toString();
        } else if (payload instanceof EvaluationEvent e) {
            aggregate = e.evaluationId().toString();
        } else {
            aggregate = ((RubricPublished) payload).rubricVersionId().toString();
        }
        events.add(new RecordedEvent(sequence, aggregate, sequence, "e" + sequence, recordedAt, effective, payload,
                Map.of()));
    }

    private static void add(List<RecordedEvent> events, BudgetEvent event, Instant recordedAt) {
        long sequence = events.size();
        events.add(new RecordedEvent(sequence, YEAR.toString(), sequence, "e" + sequence, recordedAt,
                event.effectiveDate(), event, Map.of()));
    }
}
