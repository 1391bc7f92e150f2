package cn.perfledger.projections.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.domain.common.Money;
import cn.perfledger.domain.rubric.RubricFixtures;
import cn.perfledger.projections.basis.Basis;
import cn.perfledger.projections.basis.RecordedEvent;
import cn.perfledger.projections.evaluation.FlagKind;
import cn.perfledger.projections.evaluation.IndicatorReport;
import cn.perfledger.projections.ledger.LedgerMetrics;
import cn.perfledger.projections.ledger.NoticeFigures;
import cn.perfledger.projections.ledger.Rates;
import cn.perfledger.projections.ledger.Totals;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Seed 002 (广州市政务服务数据管理局 2021): a department-year of events replayed to its 评价基准日 reproduces the
 * published figures of DOMAIN.md §7 and, scored with the seed-002 rubric, every printed score and the total the
 * ledger computes (94.35; the document states 94.65). Expected values are the published ones; the figures come
 * out of the folds.
 */
class Seed002GoldenTest {

    private static final List<RecordedEvent> EVENTS = Seed002Year.events();
    /** 评价基准日 2021-12-31, as everything is known now. */
    private static final Basis REFERENCE_DATE = new Basis(Seed002Year.DEC_31, Instant.MAX);
    /** What the department saw when it submitted. */
    private static final Basis AS_SUBMITTED = new Basis(Seed002Year.SUBMITTED_ON, Seed002Year.SUBMISSION_RECORDED);

    private static BigDecimal percent(BigDecimal fraction) {
        return Rates.percent(fraction);
    }

    @Test
    void ledgerFigures_equalThePublishedOnes() {
        LedgerMetrics ledger = new LedgerMetrics(SelfEvaluationFold.replay(EVENTS, REFERENCE_DATE).ledger());

        Totals appropriation = ledger.fiscalAppropriation();
        assertThat(appropriation.fullYear()).isEqualTo(Money.of("392951003.55"));
        assertThat(appropriation.executed()).isEqualTo(Money.of("392533097.08"));
        assertThat(percent(ledger.budgetExecutionRate())).isEqualByComparingTo("99.89");
        assertThat(ledger.basic().fullYear()).isEqualTo(Money.of("91154209.43"));
        assertThat(ledger.basic().executed()).isEqualTo(Money.of("91153658.24"));
        assertThat(ledger.project().fullYear()).isEqualTo(Money.of("301796794.12"));
        assertThat(ledger.project().executed()).isEqualTo(Money.of("301379438.84"));
        assertThat(percent(ledger.project().executionRate())).isEqualByComparingTo("99.86");
        assertThat(percent(ledger.appropriationRevenueVarianceRate())).isEqualByComparingTo("0.11");
        assertThat(appropriation.carryIn()).isEqualTo(Money.of("4122.00"));
        assertThat(appropriation.carryOut()).isEqualTo(Money.of("4122.00"));
        assertThat(percent(ledger.carryOverRateYearOverYear())).isEqualByComparingTo("100.00");
        assertThat(ledger.procurementPlanned()).isEqualTo(Money.of("190800467.90"));
        assertThat(ledger.procurementExecuted()).isEqualTo(Money.of("169725206.40"));
        assertThat(percent(ledger.procurementExecutionRate())).isEqualByComparingTo("88.95");
        assertThat(ledger.operatingExpense().fullYear()).isEqualTo(Money.of("8643534.98"));
        assertThat(ledger.operatingExpense().executed()).isEqualTo(Money.of("8642983.79"));
        assertThat(percent(ledger.operatingExpenseControlRate())).isEqualByComparingTo("99.99");
        assertThat(ledger.threePublic().initial()).isEqualTo(Money.of("810000.00"));
        assertThat(ledger.threePublic().executed()).isEqualTo(Money.of("359334.66"));
        assertThat(percent(ledger.threePublicControlRate())).isEqualByComparingTo("44.36");
        assertThat(percent(ledger.fixedAssetUtilisationRate())).isEqualByComparingTo("99.72");

        List<NoticeFigures> notices = ledger.fold().notices();
        assertThat(notices).hasSize(9);
        assertThat(notices.stream().map(n -> n.notice().publishedRate()).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("9.4141");
        assertThat(percent(ledger.annualAverageExecutionRatePublished())).isEqualByComparingTo("104.60");
        // the ledger's own progress at each notice date agrees with what the bureau published
        notices.forEach(n -> assertThat(percent(n.ledgerProgressRate()))
                .isEqualByComparingTo(percent(n.notice().publishedRate())));
        assertThat(percent(ledger.annualAverageExecutionRateLedger())).isEqualByComparingTo("104.60");
    }

    @Test
    void indicators_16of17Met_connectionRateNot() {
        IndicatorReport report = SelfEvaluationFold.replay(EVENTS, REFERENCE_DATE).indicatorReport();

        assertThat(report.overall().defined()).isEqualTo(17);
        assertThat(report.overall().met()).isEqualTo(16);
        assertThat(report.overall().shareMetDisplay()).isEqualTo("94.12%");
        IndicatorReport.Row connection = report.indicators().stream()
                .filter(row -> row.indicatorId().equals("GZ21-KPI-09")).findFirst().orElseThrow();
        assertThat(connection.targetText()).isEqualTo("二、2、≥95%");
        assertThat(connection.actualText()).isEqualTo("94.07%");
        assertThat(connection.statusLabel()).isEqualTo("未达标");
        assertThat(connection.completionRateDisplay()).isEqualTo("99.02%");
        // service volume 2871.7436万 against 1212万, themes 16 against 6, reports 31 against 20
        assertThat(report.indicators().stream().filter(row -> !row.flags().isEmpty()
                && row.flags().get(0).kind() == FlagKind.TARGET_TOO_LOW).map(IndicatorReport.Row::indicatorId))
                .containsExactly("GZ21-KPI-10", "GZ21-KPI-12", "GZ21-KPI-14");
        assertThat(report.byRubricItem().get(0).label()).isEqualTo("网站常态化监测覆盖率");
    }

    @Test
    void scoredTable_reproducesEveryPrintedScore_andTotals94_35() {
        ScoredTable table = SelfEvaluationFold.replay(EVENTS, REFERENCE_DATE).scoredTable().orElseThrow();

        Map<String, String> printed = new LinkedHashMap<>();
        printed.put("M.FUND.BUDGET-COMPLETION", "1.99");
        printed.put("M.FUND.REVENUE-VARIANCE", "1.50");
        printed.put("M.FUND.AVG-EXECUTION", "2.00");
        printed.put("M.FUND.CARRY-OVER", "0.00");
        printed.put("M.PERF.TARGET-COMPLETION", "1.88");
        printed.put("M.PROC.EXECUTION", "1.78");
        printed.put("M.COST.OPERATING", "2.00");
        printed.put("M.COST.THREE-PUBLIC", "2.00");
        printed.put("E.KPI-09", "2.66");
        printed.put("B.WORK.COMMENDATION", "2.50");
        Seed002Year.JUDGEMENTS.forEach(j -> printed.put(j[0], new BigDecimal(j[1]).setScale(2).toPlainString()));
        RubricFixtures.SEED_002_TASKS.forEach(task -> java.util.Arrays.stream(task)
                .filter(k -> !k[0].equals(RubricFixtures.SEED_002_NOT_MET)).forEach(k -> printed.put(k[0], "2.94")));

        assertThat(table.leaves()).hasSize(printed.size());
        printed.forEach((code, score) -> assertThat(table.find(code).orElseThrow().score().toPlainString())
                .as(code).isEqualTo(score));
        assertThat(table.find("M").orElseThrow().score()).isEqualByComparingTo("42.15");
        assertThat(table.find("E").orElseThrow().score()).isEqualByComparingTo("49.70");
        assertThat(table.find("B").orElseThrow().score()).isEqualByComparingTo("2.50");
        assertThat(table.total().toPlainString()).isEqualTo("94.35");
        assertThat(table.grade()).isEqualTo("优");
        assertThat(table.rubricVersion()).isEqualTo("gz-municipal-2021@1");
        assertThat(table.evaluationId()).isEqualTo("GZ-ZSJ/2021/evaluation");
        // the submission is effective after the reference date
        assertThat(table.declared()).isNull();
    }

    @Test
    void scoredItems_showTheirInputsRulesAndBasis() {
        ScoredTable table = SelfEvaluationFold.replay(EVENTS, REFERENCE_DATE).scoredTable().orElseThrow();

        ScoredItem completion = table.find("M.FUND.BUDGET-COMPLETION").orElseThrow();
        assertThat(completion.rule().kind()).isEqualTo("deductionPerPoint");
        assertThat(completion.rule().description()).isEqualTo("扣分：以 100% 为目标，每低 1 个百分点扣 0.1 分，扣完为止（满分 2）");
        assertThat(completion.inputs()).singleElement().satisfies(input -> {
            assertThat(input.kind()).isEqualTo(InputKind.LEDGER_METRIC);
            assertThat(input.code()).isEqualTo("BUDGET_EXECUTION_RATE");
            assertThat(input.display()).isEqualTo("99.89%");
            assertThat(input.figures()).extracting(Figure::display)
                    .containsExactly("392,533,097.08元", "392,951,003.55元");
        });

        ScoredItem variance = table.find("M.FUND.REVENUE-VARIANCE").orElseThrow();
        assertThat(variance.rule().description())
                .isEqualTo("分档：0 → 2；(0, 1%] → 1.5；(1%, 3%] → 1；(3%, 5%] → 0.5；> 5% → 0；不在以上档次 → 0");
        assertThat(variance.inputs().get(0).display()).isEqualTo("0.11%");

        ScoredItem threePublic = table.find("M.COST.THREE-PUBLIC").orElseThrow();
        assertThat(threePublic.inputs().get(0).figures()).extracting(Figure::display)
                .containsExactly("359,334.66元", "810,000.00元", "359,334.66元");

        ScoredItem system = table.find("M.FUND.SYSTEM").orElseThrow();
        assertThat(system.rule().kind()).isEqualTo("judgement");
        assertThat(system.judgementBasis()).startsWith("得分依据：我局先后制定财务、人事、行政、内部监督等各类规章制度");
        assertThat(system.evaluator()).isEqualTo("自评小组");

        ScoredItem connection = table.find("E.KPI-09").orElseThrow();
        assertThat(connection.rule().description()).isEqualTo("达标得满分，未达标得 分值 × 0.9");
        assertThat(connection.inputs()).singleElement().satisfies(input -> {
            assertThat(input.kind()).isEqualTo(InputKind.INDICATOR);
            assertThat(input.code()).isEqualTo("GZ21-KPI-09");
            assertThat(input.indicator().targetText()).isEqualTo("二、2、≥95%");
            assertThat(input.indicator().actualText()).isEqualTo("94.07%");
        });
        assertThat(connection.flags()).extracting(f -> f.kind()).containsExactly(FlagKind.INDICATOR_NOT_MET);

        ScoredItem share = table.find("M.PERF.TARGET-COMPLETION").orElseThrow();
        assertThat(share.inputs().get(0).kind()).isEqualTo(InputKind.INDICATOR_GROUP);
        assertThat(share.inputs().get(0).display()).isEqualTo("94.12%（16/17）");
        assertThat(share.inputs()).hasSize(18);
        assertThat(share.flags()).extracting(f -> f.kind())
                .containsExactly(FlagKind.INDICATOR_NOT_MET, FlagKind.TARGET_TOO_LOW);

        ScoredItem bonus = table.find("B.WORK.COMMENDATION").orElseThrow();
        assertThat(bonus.inputs()).singleElement().satisfies(input -> {
            assertThat(input.code()).isEqualTo("BP-01");
            assertThat(input.display()).isEqualTo("+2.5");
        });
        assertThat(bonus.criteria()).startsWith("受到财政部门表扬的每项加2.5分");
    }

    @Test
    void asSubmitted_theDeclared94_65StandsNextToTheComputed94_35() {
        ScoredTable table = SelfEvaluationFold.replay(EVENTS, AS_SUBMITTED).scoredTable().orElseThrow();

        assertThat(table.total()).isEqualByComparingTo("94.35");
        DeclaredTotal declared = table.declared();
        assertThat(declared.submissionNo()).isEqualTo(1);
        assertThat(declared.referenceDate()).isEqualTo(Seed002Year.DEC_31);
        assertThat(declared.declaredTotal()).isEqualByComparingTo("94.65");
        assertThat(declared.computedTotal()).isEqualByComparingTo("94.35");
        assertThat(declared.difference().toPlainString()).isEqualTo("0.30");
        assertThat(table.flags()).singleElement().satisfies(flag -> {
            assertThat(flag.kind()).isEqualTo(FlagKind.DECLARED_TOTAL_DIFFERS);
            assertThat(flag.detail()).isEqualTo("第 1 次提交的自评得分 94.65，按评分规则计算为 94.35，相差 +0.30");
        });
    }

    @Test
    void asKnownBeforeTheJudgementsWereEntered_judgementsAreMissing() {
        Basis beforeJudgements = new Basis(Seed002Year.DEC_31, Seed002Year.JUDGEMENTS_RECORDED.minusSeconds(1));
        ScoredTable table = SelfEvaluationFold.replay(EVENTS, beforeJudgements).scoredTable().orElseThrow();

        List<ScoredItem> missing = table.leaves().stream()
                .filter(item -> item.flags().stream().anyMatch(f -> f.kind() == FlagKind.JUDGEMENT_MISSING)).toList();
        assertThat(missing).hasSize(13).allSatisfy(item -> {
            assertThat(item.score()).isEqualByComparingTo("0");
            assertThat(item.inputs()).singleElement().satisfies(input -> {
                assertThat(input.kind()).isEqualTo(InputKind.JUDGEMENT);
                assertThat(input.code()).isEqualTo(item.code());
                assertThat(input.value()).isNull();
            });
        });
        // 94.35 − the 29 judgement points
        assertThat(table.total()).isEqualByComparingTo("65.35");
        assertThat(table.grade()).isEqualTo("中");
    }

    @Test
    void asKnownBeforeTheActualsWereEntered_indicatorsScoreZeroWithMissingActual() {
        Basis beforeActuals = new Basis(Seed002Year.DEC_31, Seed002Year.ACTUALS_RECORDED.minusSeconds(1));
        ScoredTable table = SelfEvaluationFold.replay(EVENTS, beforeActuals).scoredTable().orElseThrow();

        assertThat(table.find("E").orElseThrow().score()).isEqualByComparingTo("0");
        assertThat(table.find("E.KPI-09").orElseThrow().flags()).extracting(f -> f.label()).containsExactly("缺少实际值");
        assertThat(table.find("M.PERF.TARGET-COMPLETION").orElseThrow().score()).isEqualByComparingTo("0");
    }

    @Test
    void midYear_scoresTheFiguresAsTheyStoodThen() {
        ScoredTable june = SelfEvaluationFold.replay(EVENTS, new Basis(LocalDate.of(2021, 6, 30), Instant.MAX))
                .scoredTable().orElseThrow();

        ScoredItem average = june.find("M.FUND.AVG-EXECUTION").orElseThrow();
        // four notices by the end of June: (110.12 + 108.43 + 106.15 + 105.02) ÷ 4
        assertThat(average.inputs().get(0).display()).isEqualTo("107.43%");
        assertThat(average.inputs().get(0).figures().get(0).display()).isEqualTo("4");
        // mid-year the "年末" figure is what is still unspent, far above the 4,122 carried in
        assertThat(june.find("M.FUND.CARRY-OVER").orElseThrow().inputs().get(0).value()).isGreaterThan(BigDecimal.ONE);
    }

    @Test
    void sameBasis_givesAnEqualTable() {
        ScoredTable first = SelfEvaluationFold.replay(EVENTS, AS_SUBMITTED).scoredTable().orElseThrow();
        ScoredTable second = SelfEvaluationFold.replay(List.copyOf(EVENTS), AS_SUBMITTED).scoredTable().orElseThrow();

        assertThat(second).isEqualTo(first);
        assertThat(second.toString()).isEqualTo(first.toString());
    }
}
