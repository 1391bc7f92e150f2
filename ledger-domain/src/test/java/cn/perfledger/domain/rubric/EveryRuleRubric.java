package cn.perfledger.domain.rubric;

import static cn.perfledger.domain.rubric.RubricNode.group;
import static cn.perfledger.domain.rubric.RubricNode.leaf;

import cn.perfledger.domain.common.RubricItemCode;
import cn.perfledger.domain.common.RubricVersionId;
import cn.perfledger.domain.rubric.InputReference.BonusPenaltyInput;
import cn.perfledger.domain.rubric.InputReference.IndicatorGroupInput;
import cn.perfledger.domain.rubric.InputReference.IndicatorInput;
import cn.perfledger.domain.rubric.InputReference.JudgementInput;
import cn.perfledger.domain.rubric.InputReference.LedgerMetricInput;
import cn.perfledger.domain.rubric.RubricCommand.PublishRubric;
import cn.perfledger.domain.rubric.RubricEvent.RubricPublished;
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
import java.util.ArrayList;
import java.util.List;

/**
 * The rubric of generated years (the benchmarks', the property tests', the performance test's): every rule kind —
 * judgement, proportional, bands, deduction per point (one with its own rounding), met-or-factor (one indicator and
 * a group, by factor and by completion rate), share met, bonus/penalty (each entry counting its own points) — over
 * ledger metrics, indicators, judgements and bonus entries. 管理效能 40 + 履职效能 55 + 加减分 5 = 100; validated
 * by {@link RubricValidator} exactly as a publication would be. Each user names its own version id.
 */
public final class EveryRuleRubric {

    /** The judgement leaves (evaluators enter a score for each). */
    public static final List<String> JUDGEMENTS = List.of("M.J1", "M.J2", "M.J3", "M.J4");
    /** The leaves indicators are tagged with, in turn. */
    public static final List<String> INDICATOR_TAGS = List.of("LZ.KEY", "LZ.OUT.Q", "LZ.OUT.T", "LZ.EFF.RATE",
            "LZ.EFF.BAND");

    private EveryRuleRubric() {
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static LedgerMetricInput metric(LedgerMetric metric) {
        return new LedgerMetricInput(metric);
    }

    /** The tree, for callers that publish it through a command. */
    public static List<RubricNode> tree() {
        Bands withinBudget = new Bands(List.of(new Band(null, true, BigDecimal.ONE, true, d("2")),
                new Band(BigDecimal.ONE, false, null, false, BigDecimal.ZERO)));
        Bands variance = new Bands(List.of(Band.exactly(BigDecimal.ZERO, d("2")),
                Band.above(BigDecimal.ZERO, d("0.01"), d("1.5")), Band.above(d("0.01"), d("0.05"), d("1")),
                new Band(d("0.05"), false, null, false, BigDecimal.ZERO)));
        Bands carryOver = new Bands(List.of(new Band(null, true, d("0.10"), true, d("2")),
                new Band(d("0.10"), false, null, false, BigDecimal.ZERO)));
        Bands completion = new Bands(List.of(Band.from(null, d("0.6"), BigDecimal.ZERO),
                Band.from(d("0.6"), d("0.9"), d("6")), new Band(d("0.9"), true, null, false, d("10"))));
        List<RubricNode> judgements = new ArrayList<>();
        for (String code : JUDGEMENTS) {
            judgements.add(leaf(code, "评价人评分 " + code, "2.5", new Judgement(), new JudgementInput()));
        }
        RubricNode management = group("M", "管理效能", "40", List.of(
                group("M.JUDGE", "制度与管理（评价人评分）", "10", judgements),
                group("M.FUND", "资金管理", "16", List.of(
                        leaf("M.FUND.EXEC", "预算完成率", "3", new DeductionPerPoint(BigDecimal.ONE, d("0.1")),
                                metric(LedgerMetric.BUDGET_EXECUTION_RATE)),
                        leaf("M.FUND.AVG", "年度平均执行率", "3", new Proportional(BigDecimal.ONE),
                                metric(LedgerMetric.ANNUAL_AVERAGE_EXECUTION_RATE)),
                        leaf("M.FUND.VAR", "财政拨款收入预决算差异率", "2", variance,
                                metric(LedgerMetric.APPROPRIATION_REVENUE_VARIANCE_RATE)),
                        leaf("M.FUND.CARRY", "结转结余率", "2", carryOver, metric(LedgerMetric.CARRYOVER_RATE_53)),
                        leaf("M.FUND.BASIC", "基本支出执行率", "2", new DeductionPerPoint(BigDecimal.ONE, d("0.05")),
                                metric(LedgerMetric.BASIC_EXPENDITURE_EXECUTION_RATE))
                                .withRounding(Rounding.ONE_DECIMAL_HALF_UP),
                        leaf("M.FUND.PROJ", "项目支出执行率", "2", new DeductionPerPoint(BigDecimal.ONE, d("0.05")),
                                metric(LedgerMetric.PROJECT_EXPENDITURE_EXECUTION_RATE)),
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
                leaf("LZ.KEY", "重点指标（达标满分否则×0.9）", "15", MetOrFactor.factor(d("0.9")),
                        IndicatorGroupInput.of(new RubricItemCode("LZ.KEY"))),
                group("LZ.OUT", "产出指标", "20", List.of(
                        leaf("LZ.OUT.Q", "数量指标（按完成率）", "10", MetOrFactor.completionRate(),
                                IndicatorGroupInput.of(new RubricItemCode("LZ.OUT.Q"))),
                        leaf("LZ.OUT.T", "时效指标（单项达标）", "10", MetOrFactor.factor(d("0.8")),
                                IndicatorInput.byTag(new RubricItemCode("LZ.OUT.T"))))),
                group("LZ.EFF", "效益指标", "20", List.of(
                        leaf("LZ.EFF.RATE", "效益（按比例）", "10", new Proportional(null),
                                IndicatorInput.byTag(new RubricItemCode("LZ.EFF.RATE"))),
                        leaf("LZ.EFF.BAND", "满意度（分档）", "10", completion,
                                IndicatorInput.byTag(new RubricItemCode("LZ.EFF.BAND")))))));
        RubricNode bonus = group("BP", "加减分项", "5", List.of(
                leaf("BP.WORK", "工作受表彰或批评", "5", new BonusPenalty(null, null, d("5"), d("5")),
                        new BonusPenaltyInput())));
        return List.of(management, performance, bonus);
    }

    /** The publication command of {@code version}, validated. */
    public static PublishRubric command(RubricVersionId version) {
        return RubricValidator.validate(new PublishRubric(version, "生成年度评分规则（" + version + "）", "测试",
                RubricScope.all(), 2021, d("100"), d("5"), tree(), Rounding.TWO_DECIMALS_HALF_UP, GradeScale.defaults(),
                "every rule kind, for generated years", LocalDate.of(2021, 1, 1)));
    }

    /** The event the publication of {@code version} records. */
    public static RubricPublished published(RubricVersionId version) {
        PublishRubric valid = command(version);
        return new RubricPublished(valid.rubricVersionId(), valid.name(), valid.jurisdiction(), valid.scope(),
                valid.templateYear(),
                valid.totalWeight(), valid.bonusCap(), valid.tree(), valid.rounding(), valid.grades(),
                valid.sourceNote(), valid.effectiveDate());
    }
}
