package cn.perfledger.projections.scoring;

import static cn.perfledger.domain.rubric.RubricNode.leaf;
import static cn.perfledger.projections.scoring.Rubrics.d;
import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.domain.budget.BudgetEvent.BudgetDecreased;
import cn.perfledger.domain.budget.BudgetEvent.BudgetIncreased;
import cn.perfledger.domain.budget.BudgetEvent.BudgetLineOpened;
import cn.perfledger.domain.budget.BudgetEvent.BudgetTransferred;
import cn.perfledger.domain.budget.BudgetEvent.CarryInRecorded;
import cn.perfledger.domain.budget.BudgetEvent.ExpenditureRecorded;
import cn.perfledger.domain.budget.BudgetEvent.FiscalYearOpened;
import cn.perfledger.domain.budget.BudgetEvent.InitialBudgetApproved;
import cn.perfledger.domain.budget.BudgetEvent.LineShare;
import cn.perfledger.domain.budget.BudgetEvent.OtherFundsReceived;
import cn.perfledger.domain.budget.BudgetEvent.StaffingRecorded;
import cn.perfledger.domain.budget.BudgetEvent.UnitRef;
import cn.perfledger.domain.budget.BudgetLineSpec;
import cn.perfledger.domain.budget.CarryOverKind;
import cn.perfledger.domain.budget.EconomicCode;
import cn.perfledger.domain.budget.ExpenditureKind;
import cn.perfledger.domain.budget.FunctionalCode;
import cn.perfledger.domain.budget.FundingSource;
import cn.perfledger.domain.common.BudgetLineId;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.domain.common.Money;
import cn.perfledger.domain.common.RubricItemCode;
import cn.perfledger.domain.common.VoucherNo;
import cn.perfledger.domain.evaluation.EvaluationId;
import cn.perfledger.domain.evaluation.Grade;
import cn.perfledger.domain.evaluation.GradeCoefficients;
import cn.perfledger.domain.rubric.CompletionRatio;
import cn.perfledger.domain.rubric.DeductionPerStep;
import cn.perfledger.domain.rubric.DeductionPerStep.PartialStep;
import cn.perfledger.domain.rubric.DeductionPerStep.Side;
import cn.perfledger.domain.rubric.GradeCoefficientTable;
import cn.perfledger.domain.rubric.GradeCoefficientTable.Level;
import cn.perfledger.domain.rubric.InputReference.IndicatorGroupInput;
import cn.perfledger.domain.rubric.InputReference.LedgerMetricInput;
import cn.perfledger.domain.rubric.InputReference.LedgerMetricTargetInput;
import cn.perfledger.domain.rubric.LedgerMetric;
import cn.perfledger.domain.rubric.Rounding;
import cn.perfledger.domain.rubric.RubricCommand.PublishRubric;
import cn.perfledger.domain.rubric.RubricEvent.RubricPublished;
import cn.perfledger.domain.rubric.RubricNode;
import cn.perfledger.domain.rubric.RubricScope;
import cn.perfledger.domain.rubric.RubricValidator;
import cn.perfledger.domain.rubric.ScoringRule;
import cn.perfledger.domain.rubric.ScoringRule.Band;
import cn.perfledger.domain.rubric.ScoringRule.Bands;
import cn.perfledger.projections.basis.Basis;
import cn.perfledger.projections.basis.Replay;
import cn.perfledger.projections.evaluation.EvaluationEvents;
import cn.perfledger.projections.evaluation.EvaluationFold;
import cn.perfledger.projections.evaluation.EventLog;
import cn.perfledger.projections.evaluation.Flag;
import cn.perfledger.projections.evaluation.FlagKind;
import cn.perfledger.projections.ledger.LedgerFold;
import cn.perfledger.projections.ledger.LedgerMetrics;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rule kinds and metrics the seeds lacked, each on a hand-built year whose figures are worked out by hand in
 * the comments: 完成比率 against the department's own target and a rubric's fixed one, 超限按步长扣分 (over and under a
 * limit, each way of counting a part of a step), 得分系数表 (a rate's grade and a group's qualitative grade with the
 * rubric's 得分系数), 预算调整率 (net and gross), 财政供养人员控制率, and the year-over-year change rates read from the
 * previous department-year.
 *
 * <p>The 2021 year: 财政拨款 lines B1 人员经费 500 (+40 追加, −5 调剂 out), B2 公用经费 100 (+10 carry-in), B3 接待费
 * (三公) 20 (−4 调减, +5 调剂 in); an 其他资金 line O1 of 50 that received 20 more. Spent: B1 500, B2 103.50, B3 6, O1 65.
 * So 财政拨款 initial 620, full-year 656, executed 609.50 (92.9116%); carry-out 35 + 6.50 + 15 = 56.50 (8.6128%).
 * 2020: B1 480, B2 90, B3 8 spent.
 */
class ProvincialRuleKindsTest {

    private static final FiscalYearId Y2021 = FiscalYearId.of("T-DEPT", 2021);
    private static final FiscalYearId Y2020 = FiscalYearId.of("T-DEPT", 2020);
    private static final EvaluationEvents EVAL = new EvaluationEvents(EvaluationId.of("T-DEPT", 2021));
    private static final Basis BASIS = new Basis(LocalDate.of(2022, 3, 31), Instant.MAX);
    private static final BudgetLineId B1 = new BudgetLineId("B1");
    private static final BudgetLineId B2 = new BudgetLineId("B2");
    private static final BudgetLineId B3 = new BudgetLineId("B3");
    private static final BudgetLineId O1 = new BudgetLineId("O1");
    private static final GradeCoefficients PROVINCE = new GradeCoefficients(d("1"), d("0.85"), d("0.5"), d("0"));

    private final EventLog log = new EventLog();
    private final EventLog previous = new EventLog();

    private void year2021() {
        LocalDate jan1 = LocalDate.of(2021, 1, 1);
        log.add(new FiscalYearOpened(Y2021, Y2021.department(), 2021, "测试部门", List.of(new UnitRef(TestLedger.UNIT,
                "本级")), Rubrics.TEST, jan1));
        line(log, Y2021, B1, FundingSource.GENERAL_PUBLIC_BUDGET, ExpenditureKind.BASIC_PERSONNEL, "30101", "500.00",
                "500.00");
        line(log, Y2021, B2, FundingSource.GENERAL_PUBLIC_BUDGET, ExpenditureKind.BASIC_OPERATING, "30201", "100.00",
                null);
        line(log, Y2021, B3, FundingSource.GENERAL_PUBLIC_BUDGET, ExpenditureKind.PROJECT, "30217", "20.00", "6.00");
        line(log, Y2021, O1, FundingSource.OTHER, ExpenditureKind.PROJECT, "30227", "50.00", null);
        log.add(new CarryInRecorded(Y2021, B2, Money.of("10.00"), CarryOverKind.CARRY_FORWARD, jan1));
        log.add(new BudgetIncreased(Y2021, B1, Money.of("40.00"), "追-1", "增人增资", LocalDate.of(2021, 4, 1), null));
        log.add(new BudgetDecreased(Y2021, B3, Money.of("4.00"), "减-1", "压减接待", LocalDate.of(2021, 5, 1), null));
        log.add(new BudgetTransferred(Y2021, List.of(new LineShare(B1, Money.of("-5.00")),
                new LineShare(B3, Money.of("5.00"))), "调-1", "调剂", LocalDate.of(2021, 6, 1), null));
        log.add(new OtherFundsReceived(Y2021, O1, Money.of("20.00"), "收-1", "事业收入超收", LocalDate.of(2021, 7, 1)));
        spend(log, Y2021, B2, "103.50", LocalDate.of(2021, 9, 1));
        spend(log, Y2021, O1, "65.00", LocalDate.of(2021, 10, 1));
        log.add(new StaffingRecorded(Y2021, 120, 113, "编-1", LocalDate.of(2021, 12, 31)));
        log.add(EVAL.started(Rubrics.TEST));
        LocalDate jan5 = LocalDate.of(2021, 1, 5);
        LocalDate dec31 = LocalDate.of(2021, 12, 31);
        log.add(EVAL.define("IND-EXEC", List.of("产出指标", "质量指标"), "预算完成率", "0", "≥95%", "A.EXEC", jan5));
        log.add(EVAL.defineQualitative("IND-Q1", List.of("效益指标", "社会效益指标"), "服务运行良好", "3", "运行良好",
                "G.Q", jan5));
        log.add(EVAL.graded("IND-Q1", "基本正常，偶有中断", Grade.PARTLY_ACHIEVED, dec31));
        log.add(EVAL.define("IND-Q2", List.of("产出指标", "数量指标"), "服务人次", "2", "≥1000次", "G.Q", jan5));
        log.add(EVAL.actual("IND-Q2", "920次", dec31));
    }

    private void year2020() {
        LocalDate jan1 = LocalDate.of(2020, 1, 1);
        previous.add(new FiscalYearOpened(Y2020, Y2020.department(), 2020, "测试部门", List.of(new UnitRef(
                TestLedger.UNIT, "本级")), Rubrics.TEST, jan1));
        line(previous, Y2020, B1, FundingSource.GENERAL_PUBLIC_BUDGET, ExpenditureKind.BASIC_PERSONNEL, "30101",
                "480.00", "480.00");
        line(previous, Y2020, B2, FundingSource.GENERAL_PUBLIC_BUDGET, ExpenditureKind.BASIC_OPERATING, "30201",
                "95.00", "90.00");
        line(previous, Y2020, B3, FundingSource.GENERAL_PUBLIC_BUDGET, ExpenditureKind.PROJECT, "30217", "10.00",
                "8.00");
        // effective after the previous year's 12-31: not part of that year at its own basis
        spend(previous, Y2020, B2, "5.00", LocalDate.of(2021, 1, 10));
    }

    private static void line(EventLog log, FiscalYearId year, BudgetLineId id, FundingSource source,
            ExpenditureKind kind, String economic, String budget, String spent) {
        LocalDate jan1 = year.year().firstDay();
        boolean project = kind == ExpenditureKind.PROJECT;
        log.add(new BudgetLineOpened(year, id, new BudgetLineSpec(TestLedger.UNIT, source, kind,
                project ? "P-" + id : null, project ? "项目" + id : null, new FunctionalCode("2060101"),
                new EconomicCode(economic)), jan1));
        log.add(new InitialBudgetApproved(year, id, Money.of(budget), "批-" + id, jan1));
        if (spent != null) {
            spend(log, year, id, spent, year.year().firstDay().plusMonths(4));
        }
    }

    private static void spend(EventLog log, FiscalYearId year, BudgetLineId id, String amount, LocalDate date) {
        log.add(new ExpenditureRecorded(year, new VoucherNo("V-" + id + "-" + date), id, Money.of(amount), date, null,
                null, null, null, null));
    }

    private LedgerMetrics metrics(boolean withPreviousYear) {
        LedgerFold fold = Replay.fold(log.events(), BASIS, new LedgerFold());
        LedgerFold before = withPreviousYear
                ? Replay.fold(previous.events(), new Basis(LocalDate.of(2020, 12, 31), Instant.MAX), new LedgerFold())
                : null;
        return new LedgerMetrics(fold, before);
    }

    private ScoredTable score(RubricPublished rubric, boolean withPreviousYear) {
        EvaluationFold evaluation = Replay.fold(log.events(), BASIS, new EvaluationFold());
        return ScoringEngine.score(rubric, metrics(withPreviousYear), evaluation);
    }

    private static RubricPublished rubric(List<RubricNode> tree) {
        BigDecimal total = tree.stream().map(RubricNode::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        PublishRubric valid = RubricValidator.validate(new PublishRubric(Rubrics.TEST, "测试省部门整体支出绩效评价指标",
                "测试省", RubricScope.all(), 2021, total, BigDecimal.ZERO, tree, Rounding.TWO_DECIMALS_HALF_UP, null,
                PROVINCE, "test", LocalDate.of(2021, 1, 1)));
        return new RubricPublished(valid.rubricVersionId(), valid.name(), valid.jurisdiction(), valid.scope(),
                valid.templateYear(), valid.totalWeight(), valid.bonusCap(), valid.tree(), valid.rounding(),
                valid.grades(), valid.gradeCoefficients(), valid.sourceNote(), valid.effectiveDate());
    }

    private static RubricNode on(String code, String weight, ScoringRule rule, LedgerMetric metric) {
        return leaf(code, code, weight, rule, new LedgerMetricInput(metric));
    }

    private static DeductionPerStep step(String limit, Side side, String step, String points, PartialStep partial) {
        return new DeductionPerStep(d(limit), side, d(step), d(points), partial);
    }

    private static List<RubricNode> everyNewKind() {
        List<RubricNode> tree = new ArrayList<>();
        // 92.9116% ÷ 95% = 0.978017 → 5 × 0.978017 = 4.89
        tree.add(leaf("A.EXEC", "预算完成率", "5", new CompletionRatio(), LedgerMetricTargetInput.againstTagged(
                LedgerMetric.BUDGET_EXECUTION_RATE, new RubricItemCode("A.EXEC"))));
        // 反向: 2% ÷ 8.612805% = 0.232212 → 4 × 0.232212 = 0.93
        tree.add(leaf("A.CARRY", "结转结余率", "4", new CompletionRatio(), LedgerMetricTargetInput.againstFixed(
                LedgerMetric.CARRYOVER_RATE_53, "≤2%")));
        // 公用经费控制率 103.5 ÷ 100 = 103.5%: 3.5 points over 100%, 0.5 per point
        tree.add(on("A.OPER.P", "3", step("1", Side.ABOVE, "0.01", "0.5", PartialStep.PROPORTIONAL),
                LedgerMetric.OPERATING_EXPENSE_CONTROL_RATE)); // 3 − 1.75 = 1.25
        tree.add(on("A.OPER.S", "3", step("1", Side.ABOVE, "0.01", "0.5", PartialStep.STARTED),
                LedgerMetric.OPERATING_EXPENSE_CONTROL_RATE)); // 3 − 2 = 1.00
        tree.add(on("A.OPER.C", "3", step("1", Side.ABOVE, "0.01", "0.5", PartialStep.COMPLETED),
                LedgerMetric.OPERATING_EXPENSE_CONTROL_RATE)); // 3 − 1.5 = 1.50
        // 每低于5%扣2分 below 95%: 92.91% is 2.09 points short, a started step: 4 − 2 = 2.00
        tree.add(on("A.EXEC.STEP", "4", step("0.95", Side.BELOW, "0.05", "2", PartialStep.STARTED),
                LedgerMetric.BUDGET_EXECUTION_RATE));
        // 预算调整率 36 ÷ 620 = 5.81% → (5%, 10%] → 1
        tree.add(on("A.ADJ", "2", new Bands(List.of(Band.above(null, d("0.05"), d("2")),
                Band.above(d("0.05"), d("0.10"), d("1")))), LedgerMetric.BUDGET_ADJUSTMENT_RATE));
        // gross (40 + 4 + 5) ÷ 620 = 7.9032%: 2.9032 points over 5% × 0.2 = 0.58 → 2 − 0.58065 = 1.42
        tree.add(on("A.ADJ.GROSS", "2", step("0.05", Side.ABOVE, "0.01", "0.2", PartialStep.PROPORTIONAL),
                LedgerMetric.BUDGET_ADJUSTMENT_RATE_GROSS));
        // 113 ÷ 120 = 94.17% against ≤ 100%: met, ratio capped at 1 → 2.00
        tree.add(leaf("A.STAFF", "财政供养人员控制率", "2", new CompletionRatio(), LedgerMetricTargetInput.againstFixed(
                LedgerMetric.STAFF_CONTROL_RATE, "≤100%")));
        // 三公 6 vs 8: −25% → ≤ 0 → 2
        tree.add(on("A.3PUB", "2", new Bands(List.of(Band.above(null, d("0"), d("2")))),
                LedgerMetric.THREE_PUBLIC_CHANGE_RATE));
        // 公用经费 103.50 vs 90: +15% → not ≤ 10% → 0
        tree.add(on("A.OPCHG", "1", new Bands(List.of(Band.above(null, d("0.10"), d("1")))),
                LedgerMetric.OPERATING_EXPENSE_CHANGE_RATE));
        // 支出 674.50 vs 578: +16.6955%: 6 completed points over 10% × 0.1 → 1 − 0.6 = 0.40
        tree.add(on("A.EXPCHG", "1", step("0.10", Side.ABOVE, "0.01", "0.1", PartialStep.COMPLETED),
                LedgerMetric.EXPENDITURE_CHANGE_RATE));
        GradeCoefficientTable grades = new GradeCoefficientTable(List.of(new Level(Grade.ACHIEVED, d("1"), null),
                new Level(Grade.LARGELY_ACHIEVED, d("0.9"), null), new Level(Grade.PARTLY_ACHIEVED, d("0.6"), null),
                new Level(Grade.NOT_ACHIEVED, null, null)));
        // ratio 0.978 → 基本达成 → the rubric's 0.85 → 5 × 0.85 = 4.25
        tree.add(leaf("A.EXEC.GRADE", "预算完成率（得分系数）", "5", grades, LedgerMetricTargetInput.againstTagged(
                LedgerMetric.BUDGET_EXECUTION_RATE, new RubricItemCode("A.EXEC"))));
        // IND-Q1 部分达成 → 0.5 × 3 = 1.5; IND-Q2 920 ÷ 1000 = 92% → 基本达成 → 0.85 × 2 = 1.7; sum 3.20
        tree.add(leaf("G.Q", "绩效目标（得分系数）", "5", grades, IndicatorGroupInput.of(new RubricItemCode("G.Q"))));
        return tree;
    }

    @Test
    void everyNewRuleKind_andMetric_scoresTheHandCheckedFigures() {
        year2021();
        year2020();
        ScoredTable table = score(rubric(everyNewKind()), true);

        assertThat(scores(table)).containsExactly("A.EXEC 4.89", "A.CARRY 0.93", "A.OPER.P 1.25", "A.OPER.S 1.00",
                "A.OPER.C 1.50", "A.EXEC.STEP 2.00", "A.ADJ 1.00", "A.ADJ.GROSS 1.42", "A.STAFF 2.00", "A.3PUB 2.00",
                "A.OPCHG 0.00", "A.EXPCHG 0.40", "A.EXEC.GRADE 4.25", "G.Q 3.20");
        // 4.89 + 0.93 + 1.25 + 1.00 + 1.50 + 2.00 + 1.00 + 1.42 + 2.00 + 2.00 + 0 + 0.40 + 4.25 + 3.20
        assertThat(table.total()).isEqualByComparingTo("25.84");
        // headed by the department and the year scored, not by the rubric's name
        assertThat(table.title()).isEqualTo("测试部门2021年度部门整体支出绩效自评表");
        ScoredItem exec = table.find("A.EXEC").orElseThrow();
        assertThat(exec.flags()).extracting(Flag::kind).containsExactly(FlagKind.INDICATOR_NOT_MET);
        assertThat(exec.inputs()).extracting(ScoredInput::display).contains("≥95%（正向 ≥ 95%）",
                "97.80%（完成值 ÷ 指标值，不超过 100%）");
        assertThat(exec.rule().kind()).isEqualTo("completionRatio");
        assertThat(table.find("A.OPER.S").orElseThrow().rule().description())
                .isEqualTo("扣分：超过 100% 的部分每 1 个百分点扣 0.5 分（不足一档按一档扣分），扣完为止（满分 3）");
        assertThat(table.find("A.EXEC.GRADE").orElseThrow().inputs()).extracting(ScoredInput::display)
                .contains("基本达成，得分系数 0.85");
    }

    @Test
    void theMetrics_areTheFormulasOfTheCatalog() {
        year2021();
        year2020();
        LedgerMetrics metrics = metrics(true);
        assertThat(metrics.budgetAdjustmentRate()).isEqualByComparingTo(d("36").divide(d("620"), 12,
                java.math.RoundingMode.HALF_EVEN));
        assertThat(metrics.budgetAdjustmentRateGross()).isEqualByComparingTo(d("49").divide(d("620"), 12,
                java.math.RoundingMode.HALF_EVEN));
        assertThat(metrics.staffControlRate()).isEqualByComparingTo(d("113").divide(d("120"), 12,
                java.math.RoundingMode.HALF_EVEN));
        assertThat(metrics.threePublicChangeRate()).isEqualByComparingTo("-0.25");
        // the 5.00 spent on 2021-01-10 on the 2020 ledger is outside that year's own 12-31
        assertThat(metrics.operatingExpenseChangeRate()).isEqualByComparingTo("0.15");
        assertThat(metrics.expenditureChangeRate()).isEqualByComparingTo(d("96.5").divide(d("578"), 12,
                java.math.RoundingMode.HALF_EVEN));
        // 其他资金: the line spent 65 of a 50 budget (130%), the 20 received is spendable, not budget
        assertThat(metrics.total().fullYear()).isEqualTo(Money.of("706.00"));
        assertThat(metrics.total().executed()).isEqualTo(Money.of("674.50"));
        assertThat(metrics.total().otherFunds()).isEqualTo(Money.of("20.00"));
        assertThat(metrics.total().carryOut()).isEqualTo(Money.of("61.50"));
    }

    @Test
    void withoutThePreviousYear_theChangeRatesScoreZero_flaggedAsMissingThePreviousYear() {
        year2021();
        ScoredTable table = score(rubric(everyNewKind()), false);
        for (String code : List.of("A.3PUB", "A.OPCHG", "A.EXPCHG")) {
            ScoredItem item = table.find(code).orElseThrow();
            assertThat(item.score()).isEqualByComparingTo("0");
            assertThat(item.flags()).extracting(Flag::kind).containsExactly(FlagKind.PREVIOUS_YEAR_MISSING);
        }
    }

    @Test
    void withoutStaffing_theControlRateIsFlaggedNotRecorded_andATargetOfTheWrongKindIsFlagged() {
        year2021();
        List<RubricNode> tree = List.of(
                leaf("S", "财政供养人员控制率", "2", new CompletionRatio(), LedgerMetricTargetInput.againstFixed(
                        LedgerMetric.STAFF_CONTROL_RATE, "≤100%")),
                leaf("Q", "定性目标", "2", new CompletionRatio(), LedgerMetricTargetInput.againstTagged(
                        LedgerMetric.BUDGET_EXECUTION_RATE, new RubricItemCode("G.Q"))));
        EventLog without = new EventLog();
        log.events().stream().filter(e -> !(e.payload() instanceof StaffingRecorded))
                .forEach(e -> without.add(e.payload(), e.recordedAt()));
        EvaluationFold evaluation = Replay.fold(without.events(), BASIS, new EvaluationFold());
        ScoredTable table = ScoringEngine.score(rubric(tree), new LedgerMetrics(Replay.fold(without.events(), BASIS,
                new LedgerFold())), evaluation);
        assertThat(table.find("S").orElseThrow().flags()).extracting(Flag::kind)
                .containsExactly(FlagKind.FIGURE_NOT_RECORDED);
        // G.Q tags two indicators; the first (定性 运行良好) has no number to divide by
        assertThat(table.find("Q").orElseThrow().flags()).extracting(Flag::kind)
                .contains(FlagKind.AMBIGUOUS_INDICATOR, FlagKind.TARGET_UNUSABLE);
        assertThat(table.total()).isEqualByComparingTo("0");
    }

    private static List<String> scores(ScoredTable table) {
        return table.leaves().stream().map(item -> item.code() + " " + item.score().toPlainString()).toList();
    }
}
