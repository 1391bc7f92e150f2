package cn.perfledger.projections.properties;

import static cn.perfledger.domain.rubric.RubricNode.group;
import static cn.perfledger.domain.rubric.RubricNode.leaf;

import cn.perfledger.domain.common.RubricItemCode;
import cn.perfledger.domain.common.RubricVersionId;
import cn.perfledger.domain.rubric.GradeScale;
import cn.perfledger.domain.rubric.InputReference.BonusPenaltyInput;
import cn.perfledger.domain.rubric.InputReference.IndicatorGroupInput;
import cn.perfledger.domain.rubric.InputReference.IndicatorInput;
import cn.perfledger.domain.rubric.InputReference.JudgementInput;
import cn.perfledger.domain.rubric.InputReference.LedgerMetricInput;
import cn.perfledger.domain.rubric.LedgerMetric;
import cn.perfledger.domain.rubric.Rounding;
import cn.perfledger.domain.rubric.RubricCommand.PublishRubric;
import cn.perfledger.domain.rubric.RubricEvent.RubricPublished;
import cn.perfledger.domain.rubric.RubricNode;
import cn.perfledger.domain.rubric.RubricValidator;
import cn.perfledger.domain.rubric.ScoringRule.Band;
import cn.perfledger.domain.rubric.ScoringRule.Bands;
import cn.perfledger.domain.rubric.ScoringRule.BonusPenalty;
import cn.perfledger.domain.rubric.ScoringRule.DeductionPerPoint;
import cn.perfledger.domain.rubric.ScoringRule.Judgement;
import cn.perfledger.domain.rubric.ScoringRule.MetOrFactor;
import cn.perfledger.domain.rubric.ScoringRule.Proportional;
import cn.perfledger.domain.rubric.ScoringRule.ShareMet;
import cn.perfledger.domain.rubric.RubricScope;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The rubric of the generated years: every rule kind (judgement, proportional, bands, deduction per point,
 * met-or-factor on one indicator and on a group, share met, bonus/penalty), fed by most ledger metrics, single
 * indicators, indicator groups, judgements and bonus entries; 管理 40 + 履职 55 + 加减分 5 = 100. Published through
 * the domain's validator, so it is a rubric the ledger accepts.
 */
final class PropertyRubric {

    static final RubricVersionId VERSION = new RubricVersionId("property@1");
    /** Judgement leaves: the generator enters (and withdraws) scores for these codes. */
    static final List<String> JUDGEMENT_CODES = List.of("M.J1", "M.J2", "M.J3");
    /** Codes indicators are tagged with (null: untagged, only reachable by its path). */
    static final List<String> INDICATOR_TAGS = List.of("LZ.A", "LZ.B", "LZ.C", "LZ.D");

    private PropertyRubric() {
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static LedgerMetricInput metric(LedgerMetric metric) {
        return new LedgerMetricInput(metric);
    }

    private static Bands withinBudget(String points) {
        return new Bands(List.of(new Band(null, true, BigDecimal.ONE, true, d(points)),
                new Band(BigDecimal.ONE, false, null, false, BigDecimal.ZERO)));
    }

    static RubricPublished published() {
        Bands variance = new Bands(List.of(Band.exactly(BigDecimal.ZERO, d("2")),
                Band.above(BigDecimal.ZERO, d("0.01"), d("1.5")), Band.above(d("0.01"), d("0.05"), d("1")),
                new Band(d("0.05"), false, null, false, BigDecimal.ZERO)));
        Bands carryOver = new Bands(List.of(new Band(null, true, d("0.10"), true, d("2")),
                new Band(d("0.10"), false, null, false, BigDecimal.ZERO)));
        Bands completion = new Bands(List.of(Band.from(null, d("0.6"), BigDecimal.ZERO),
                Band.from(d("0.6"), d("0.9"), d("6")), new Band(d("0.9"), true, null, false, d("10"))));
        RubricNode management = group("M", "管理效能", "40", List.of(
                leaf("M.J1", "制度健全性", "5", new Judgement(), new JudgementInput()),
                leaf("M.J2", "预算编制", "5", new Judgement(), new JudgementInput()),
                leaf("M.J3", "信息公开", "2", new Judgement(), new JudgementInput()),
                leaf("M.EXEC", "预算完成率", "3", new DeductionPerPoint(BigDecimal.ONE, d("0.1")),
                        metric(LedgerMetric.BUDGET_EXECUTION_RATE)),
                leaf("M.AVG", "年度平均执行率", "3", new Proportional(BigDecimal.ONE),
                        metric(LedgerMetric.ANNUAL_AVERAGE_EXECUTION_RATE)),
                leaf("M.VAR", "财政拨款收入预决算差异率", "2", variance,
                        metric(LedgerMetric.APPROPRIATION_REVENUE_VARIANCE_RATE)),
                leaf("M.CARRY", "结转结余率", "2", carryOver, metric(LedgerMetric.CARRYOVER_RATE_53)),
                leaf("M.PROC", "政府采购执行率", "2", new Proportional(null),
                        metric(LedgerMetric.PROCUREMENT_EXECUTION_RATE)),
                leaf("M.SME", "采购政策效能", "2", new Proportional(null), metric(LedgerMetric.SME_AWARD_SHARE)),
                leaf("M.SIGN", "合同签订及时率", "2", new Proportional(null),
                        metric(LedgerMetric.CONTRACT_SIGNING_TIMELINESS_RATE)),
                leaf("M.FILE", "合同备案及时率", "2", new Proportional(null),
                        metric(LedgerMetric.CONTRACT_FILING_TIMELINESS_RATE)),
                leaf("M.OPEX", "公用经费控制率", "2", withinBudget("2"),
                        metric(LedgerMetric.OPERATING_EXPENSE_CONTROL_RATE)),
                leaf("M.3P", "三公经费控制率", "2", withinBudget("2"),
                        metric(LedgerMetric.THREE_PUBLIC_CONTROL_RATE)),
                leaf("M.ASSET", "固定资产利用率", "2", new Proportional(null),
                        metric(LedgerMetric.FIXED_ASSET_UTILISATION_RATE)),
                leaf("M.SHARE", "绩效目标完成率", "2", new ShareMet(), IndicatorGroupInput.of(new RubricItemCode("LZ"))),
                leaf("M.BASIC", "基本支出执行率", "1", new DeductionPerPoint(BigDecimal.ONE, d("0.05")),
                        metric(LedgerMetric.BASIC_EXPENDITURE_EXECUTION_RATE))
                        .withRounding(Rounding.ONE_DECIMAL_HALF_UP),
                leaf("M.PROJ", "项目支出执行率", "1", new DeductionPerPoint(BigDecimal.ONE, d("0.05")),
                        metric(LedgerMetric.PROJECT_EXPENDITURE_EXECUTION_RATE))));
        RubricNode performance = group("LZ", "履职效能", "55", List.of(
                leaf("LZ.A", "重点指标（达标满分否则×0.9）", "15", MetOrFactor.factor(d("0.9")),
                        IndicatorInput.byTag(new RubricItemCode("LZ.A"))),
                leaf("LZ.B", "产出指标（按完成率）", "20", MetOrFactor.completionRate(),
                        IndicatorGroupInput.of(new RubricItemCode("LZ.B"))),
                leaf("LZ.C", "效益指标（按比例）", "10", new Proportional(null),
                        IndicatorInput.byTag(new RubricItemCode("LZ.C"))),
                leaf("LZ.D", "满意度（分档）", "10", completion, IndicatorInput.byTag(new RubricItemCode("LZ.D")))));
        RubricNode bonus = group("BP", "加减分项", "5", List.of(
                leaf("BP.X", "工作受表彰或批评", "5", new BonusPenalty(null, null, d("5"), d("5")),
                        new BonusPenaltyInput())));
        PublishRubric valid = RubricValidator.validate(new PublishRubric(VERSION, "性质测试评分规则", "测试", RubricScope.all(), 2021,
                d("100"), d("5"), List.of(management, performance, bonus), Rounding.TWO_DECIMALS_HALF_UP,
                GradeScale.defaults(), "generated for the property tests", LocalDate.of(2021, 1, 1)));
        return new RubricPublished(valid.rubricVersionId(), valid.name(), valid.jurisdiction(), valid.scope(),
                valid.templateYear(),
                valid.totalWeight(), valid.bonusCap(), valid.tree(), valid.rounding(), valid.grades(),
                valid.sourceNote(), valid.effectiveDate());
    }
}
