package cn.perfledger.domain.rubric;

import static cn.perfledger.domain.rubric.RubricFixtures.d;
import static cn.perfledger.domain.rubric.RubricFixtures.judgement;
import static cn.perfledger.domain.rubric.RubricNode.group;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.IndicatorId;
import cn.perfledger.domain.common.RubricItemCode;
import cn.perfledger.domain.evaluation.Grade;
import cn.perfledger.domain.evaluation.GradeCoefficients;
import cn.perfledger.domain.rubric.DeductionPerStep.PartialStep;
import cn.perfledger.domain.rubric.DeductionPerStep.Side;
import cn.perfledger.domain.rubric.GradeCoefficientTable.Level;
import cn.perfledger.domain.rubric.InputReference.JudgementInput;
import cn.perfledger.domain.rubric.InputReference.LedgerMetricInput;
import cn.perfledger.domain.rubric.InputReference.LedgerMetricTargetInput;
import cn.perfledger.domain.rubric.RubricCommand.PublishRubric;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Publication rules of the rule kinds provinces use (完成比率, 超限按步长扣分, 得分系数表) and of the ledger-metric-against-
 * target input: what the rubric data must say, since "每超过一个百分点" or "≤2%" could otherwise be read two ways.
 */
class ProvincialRuleValidationTest {

    private static final String LEAF = "tree[0].children[0]";
    private static final LedgerMetricInput EXECUTION = new LedgerMetricInput(LedgerMetric.BUDGET_EXECUTION_RATE);

    private static PublishRubric withLeaf(ScoringRule rule, InputReference input, GradeCoefficients coefficients) {
        RubricNode leaf = new RubricNode(new RubricItemCode("A.X"), "被测指标", d("10"), null, null, rule, input, null,
                null);
        return new PublishRubric(RubricFixtures.GZ_2021, "测试评分规则", "测试省", RubricScope.all(), 2024, d("100"),
                BigDecimal.ZERO, List.of(group("A", "甲", "100", List.of(leaf, judgement("A.REST", "其余", "90")))),
                Rounding.TWO_DECIMALS_HALF_UP, null, coefficients, null, LocalDate.of(2024, 1, 1));
    }

    private static void refused(ScoringRule rule, InputReference input, String field, String... fragments) {
        refused(withLeaf(rule, input, null), field, fragments);
    }

    private static void refused(PublishRubric command, String field, String... fragments) {
        assertThatThrownBy(() -> RubricValidator.validate(command)).isInstanceOf(DomainException.class)
                .satisfies(e -> {
                    assertThat(((DomainException) e).field()).isEqualTo(field);
                    for (String fragment : fragments) {
                        assertThat(e.getMessage()).contains(fragment);
                    }
                });
    }

    private static DeductionPerStep step(String limit, Side side, String step, String points, PartialStep partial) {
        return new DeductionPerStep(limit == null ? null : d(limit), side, step == null ? null : d(step),
                points == null ? null : d(points), partial);
    }

    private static GradeCoefficientTable table(Level... levels) {
        return new GradeCoefficientTable(List.of(levels));
    }

    @Test
    void everyNewKind_withItsInputs_publishes() {
        LedgerMetricTargetInput tagged = LedgerMetricTargetInput.againstTagged(LedgerMetric.BUDGET_EXECUTION_RATE,
                new RubricItemCode("A.X"));
        GradeCoefficientTable grades = table(new Level(Grade.ACHIEVED, d("1"), null),
                new Level(Grade.LARGELY_ACHIEVED, d("0.9"), d("0.8")), new Level(Grade.NOT_ACHIEVED, null, null));
        for (PublishRubric command : List.of(
                withLeaf(new CompletionRatio(), tagged, null),
                withLeaf(new CompletionRatio(), LedgerMetricTargetInput.againstFixed(LedgerMetric.CARRYOVER_RATE_53,
                        "≤2%"), null),
                withLeaf(new CompletionRatio(), new LedgerMetricTargetInput(LedgerMetric.STAFF_CONTROL_RATE,
                        new IndicatorId("I-1"), null, null), null),
                withLeaf(step("1", Side.ABOVE, "0.01", "0.5", PartialStep.PROPORTIONAL),
                        new LedgerMetricInput(LedgerMetric.OPERATING_EXPENSE_CONTROL_RATE), null),
                withLeaf(step("0.9", Side.BELOW, "0.05", "2", PartialStep.STARTED), EXECUTION, null),
                withLeaf(grades, tagged, new GradeCoefficients(d("1"), d("0.85"), d("0.5"), d("0"))),
                withLeaf(grades, EXECUTION, null))) {
            assertThat(RubricValidator.validate(command).tree()).isEqualTo(command.tree());
        }
    }

    @Test
    void completionRatio_needsAMetricAgainstATarget_orOneIndicator() {
        refused(new CompletionRatio(), new JudgementInput(), LEAF + ".input", "按完成比率计分", "账本指标对照目标值");
        refused(new CompletionRatio(), EXECUTION, LEAF + ".input", "账本指标对照目标值");
    }

    @Test
    void aMetricTarget_namesExactlyOneSource_andAFixedTargetIsADirectedPercentage() {
        refused(new CompletionRatio(), new LedgerMetricTargetInput(LedgerMetric.BUDGET_EXECUTION_RATE, null,
                new RubricItemCode("A.X"), "≥70%"), LEAF + ".input", "之一");
        refused(new CompletionRatio(), new LedgerMetricTargetInput(LedgerMetric.BUDGET_EXECUTION_RATE, null, null,
                null), LEAF + ".input", "之一");
        refused(new CompletionRatio(), new LedgerMetricTargetInput(null, null, null, "≥70%"), LEAF + ".input.metric");
        refused(new CompletionRatio(), LedgerMetricTargetInput.againstFixed(LedgerMetric.BUDGET_EXECUTION_RATE,
                "≥3个"), LEAF + ".input.target", "百分数");
        refused(new CompletionRatio(), LedgerMetricTargetInput.againstFixed(LedgerMetric.BUDGET_EXECUTION_RATE,
                "90%–95%"), LEAF + ".input.target");
        // a bare percentage states no direction: "2%" could be at least or at most
        assertThatThrownBy(() -> RubricValidator.validate(withLeaf(new CompletionRatio(),
                LedgerMetricTargetInput.againstFixed(LedgerMetric.CARRYOVER_RATE_53, "2%"), null)))
                .isInstanceOf(DomainException.class).hasMessageContaining(LEAF + ".input.target");
    }

    @Test
    void deductionPerStep_statesItsLimitSideStepPoints_andHowAPartOfAStepCounts() {
        refused(step("1", Side.ABOVE, "0.01", "0.5", null), EXECUTION, LEAF + ".rule.partialStep", "PROPORTIONAL",
                "STARTED", "COMPLETED");
        refused(step(null, Side.ABOVE, "0.01", "0.5", PartialStep.STARTED), EXECUTION, LEAF + ".rule.limit");
        refused(step("1", null, "0.01", "0.5", PartialStep.STARTED), EXECUTION, LEAF + ".rule.side", "ABOVE", "BELOW");
        refused(step("1", Side.ABOVE, "0", "0.5", PartialStep.STARTED), EXECUTION, LEAF + ".rule.step");
        refused(step("1", Side.ABOVE, "0.01", "0", PartialStep.STARTED), EXECUTION, LEAF + ".rule.pointsPerStep");
        refused(step("1", Side.ABOVE, "0.01", "11", PartialStep.STARTED), EXECUTION, LEAF + ".rule.pointsPerStep",
                "超过本指标分值");
    }

    @Test
    void aGradeTable_runsFromTheHighestGradeDown_withCoefficientsThatDoNotRise() {
        refused(table(), EXECUTION, LEAF + ".rule.levels", "至少需要一档");
        refused(table(new Level(Grade.ACHIEVED, d("0.9"), null), new Level(Grade.LARGELY_ACHIEVED, d("0.95"), null),
                new Level(Grade.NOT_ACHIEVED, null, null)), EXECUTION, LEAF + ".rule.levels[1].minRate", "从高到低");
        refused(table(new Level(Grade.ACHIEVED, d("1"), null), new Level(Grade.NOT_ACHIEVED, d("0"), null)),
                EXECUTION, LEAF + ".rule.levels[1].minRate", "最后一档不设下限");
        refused(table(new Level(Grade.ACHIEVED, null, null), new Level(Grade.NOT_ACHIEVED, null, null)),
                EXECUTION, LEAF + ".rule.levels[0].minRate", "只有最后一档");
        refused(table(new Level(Grade.ACHIEVED, d("1"), null), new Level(Grade.ACHIEVED, null, null)),
                EXECUTION, LEAF + ".rule.levels[1].grade", "等级重复");
        refused(table(new Level(Grade.ACHIEVED, d("1"), d("0.7")), new Level(Grade.LARGELY_ACHIEVED, null, d("0.8"))),
                EXECUTION, LEAF + ".rule.levels[1].coefficient", "不增");
        refused(table(new Level(Grade.ACHIEVED, d("1"), d("1.2")), new Level(Grade.NOT_ACHIEVED, null, null)),
                EXECUTION, LEAF + ".rule.levels[0].coefficient", "0 至 1");
        // a level without its own coefficient takes the rubric's: 部分达成 0.9 above 基本达成's 0.8 is refused
        refused(withLeaf(table(new Level(Grade.LARGELY_ACHIEVED, d("0.9"), d("0.8")),
                new Level(Grade.PARTLY_ACHIEVED, null, null)), EXECUTION,
                new GradeCoefficients(d("1"), d("0.95"), d("0.9"), d("0"))), LEAF + ".rule.levels[1].coefficient");
    }
}
