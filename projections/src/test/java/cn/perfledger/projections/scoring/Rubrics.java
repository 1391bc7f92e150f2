package cn.perfledger.projections.scoring;

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
import java.util.ArrayList;
import java.util.List;

/**
 * Rubrics for the tests, published through the domain's validator so that every tree here is one the ledger
 * would accept. The seed-002 tree is a copy of the domain's {@code RubricFixtures} (广州市本级 2021, with the rules
 * of DOMAIN.md §6 inferred from the seed).
 */
final class Rubrics {

    static final RubricVersionId GZ_2021 = new RubricVersionId("gz-municipal-2021@1");
    static final RubricVersionId TEST = new RubricVersionId("test@1");

    private Rubrics() {
    }

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    static RubricNode judgement(String code, String name, String weight) {
        return leaf(code, name, weight, new Judgement(), new JudgementInput());
    }

    static LedgerMetricInput metric(LedgerMetric metric) {
        return new LedgerMetricInput(metric);
    }

    static IndicatorInput tagged(String code) {
        return IndicatorInput.byTag(new RubricItemCode(code));
    }

    /** A test rubric whose total weight is the sum of its top-level weights. */
    static RubricPublished publish(List<RubricNode> tree, Rounding rounding, BigDecimal bonusCap) {
        BigDecimal total = tree.stream().map(RubricNode::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        return published(new PublishRubric(TEST, "测试评分规则", "测试", RubricScope.all(), 2021, total, bonusCap, tree, rounding, null,
                "test", LocalDate.of(2021, 1, 1)));
    }

    static RubricPublished publish(List<RubricNode> tree) {
        return publish(tree, Rounding.TWO_DECIMALS_HALF_UP, BigDecimal.ZERO);
    }

    static RubricPublished published(PublishRubric command) {
        PublishRubric valid = RubricValidator.validate(command);
        return new RubricPublished(valid.rubricVersionId(), valid.name(), valid.jurisdiction(), valid.scope(),
                valid.templateYear(),
                valid.totalWeight(), valid.bonusCap(), valid.tree(), valid.rounding(), valid.grades(),
                valid.sourceNote(), valid.effectiveDate());
    }

    // --- seed 002 (copied from the domain's RubricFixtures) -------------------------------------------------

    /** The 17 key indicators of seed 002 as printed (numbering of the 年度主要工作任务), all 2.94 but 二、2 (2.96). */
    static final List<String[]> SEED_002_KEY_INDICATORS = List.of(
            new String[] {"3-2", "网站常态化监测覆盖率"},
            new String[] {"3-3", "网上服务接入统一认证平台比例"},
            new String[] {"4-1", "建设信用监管应用支撑平台"},
            new String[] {"4-4", "用户满意率"},
            new String[] {"4-6", "支撑使用统一评价系统的大厅数量"},
            new String[] {"3-1", "移动服务平台全年提供服务次数"},
            new String[] {"2-3", "话务服务市民满意率"},
            new String[] {"4-3", "安全审计平台日志存储能力"},
            new String[] {"2-2", "热线每月接通率"},
            new String[] {"4-5", "数据质量报告数量"},
            new String[] {"3-4", "按期完成率"},
            new String[] {"5-1", "新增用于共享的主题个数"},
            new String[] {"5-2", "监测服务指标数"},
            new String[] {"2-1", "话务服务量"},
            new String[] {"4-2", "“四标四实”基础信息数量"},
            new String[] {"1-2", "政策兑现业务要素梳理"},
            new String[] {"1-1", "代办服务有效投诉率"});

    /** Control rates (实际 ÷ 预算): within budget scores full (inferred; seed 002 scores 99.99% and 44.36% full). */
    static Bands withinBudget(String points) {
        return new Bands(List.of(new Band(null, true, BigDecimal.ONE, true, d(points)),
                new Band(BigDecimal.ONE, false, null, false, BigDecimal.ZERO)));
    }

    /** 结转结余率 ≤ 10% → 2, otherwise 0 (DOMAIN.md §6). */
    static Bands carryOverBands() {
        return new Bands(List.of(new Band(null, true, d("0.10"), true, d("2")),
                new Band(d("0.10"), false, null, false, BigDecimal.ZERO)));
    }

    /** 差异率: 0 → 2; (0, 1%] → 1.5; (1%, 3%] → 1; (3%, 5%] → 0.5; &gt; 5% → 0 (only the first two evidenced). */
    static Bands varianceBands() {
        return new Bands(List.of(
                Band.exactly(BigDecimal.ZERO, d("2")),
                Band.above(BigDecimal.ZERO, d("0.01"), d("1.5")),
                Band.above(d("0.01"), d("0.03"), d("1")),
                Band.above(d("0.03"), d("0.05"), d("0.5")),
                new Band(d("0.05"), false, null, false, BigDecimal.ZERO)));
    }

    /** Seed 002: 管理效能 45 + 履职效能 50 + 加减分项 5 = 100. */
    static List<RubricNode> seed002Tree() {
        RubricNode fund = group("M.FUND", "资金管理", "16.00", List.of(
                judgement("M.FUND.SYSTEM", "部门预算及财务管理制度健全性", "3.00"),
                leaf("M.FUND.COMPLETION", "预算完成率", "2.00",
                        new DeductionPerPoint(BigDecimal.ONE, d("0.1")), metric(LedgerMetric.BUDGET_EXECUTION_RATE))
                        .withDescription("部门（单位）本年度预算完成数与预算数的比率，用以反映和考核部门（单位）预算完成程度。"),
                judgement("M.FUND.PREPARATION", "部门预算编制情况", "3.00"),
                judgement("M.FUND.SPECIAL", "专项资金管理情况", "2.00"),
                leaf("M.FUND.VARIANCE", "财政拨款收入预决算差异率", "2.00", varianceBands(),
                        metric(LedgerMetric.APPROPRIATION_REVENUE_VARIANCE_RATE)),
                leaf("M.FUND.AVG-EXECUTION", "一般公共预算支出年度平均执行率", "2.00", new Proportional(BigDecimal.ONE),
                        metric(LedgerMetric.ANNUAL_AVERAGE_EXECUTION_RATE)),
                leaf("M.FUND.CARRYOVER", "结转结余率", "2.00", carryOverBands(),
                        metric(LedgerMetric.CARRYOVER_RATE_YEAR_OVER_YEAR))));
        RubricNode performance = group("M.PERF", "绩效管理", "15.00", List.of(
                judgement("M.PERF.MONITORING", "绩效监控和绩效评价开展情况", "4.00"),
                judgement("M.PERF.SYSTEM", "绩效管理制度建设", "3.00"),
                judgement("M.PERF.TARGETS", "绩效目标合理性", "2.00"),
                judgement("M.PERF.CLARITY", "绩效指标明确性", "2.00"),
                leaf("M.PERF.COMPLETION", "绩效目标完成率", "2.00", new ShareMet(),
                        IndicatorGroupInput.of(new RubricItemCode("LZ"))),
                judgement("M.PERF.RESULT-USE", "绩效结果应用", "2.00")));
        RubricNode disclosure = group("M.DISCLOSURE", "信息公开管理", "4.00", List.of(
                judgement("M.DISCLOSURE.BUDGET", "预决算信息公开合规性", "2.00"),
                judgement("M.DISCLOSURE.PERF", "绩效信息公开情况", "2.00")));
        RubricNode procurement = group("M.PROCUREMENT", "采购管理", "2.00", List.of(
                leaf("M.PROCUREMENT.EXECUTION", "政府采购执行率", "2.00", new Proportional(null),
                        metric(LedgerMetric.PROCUREMENT_EXECUTION_RATE))));
        RubricNode assets = group("M.ASSET", "资产管理", "4.00", List.of(
                judgement("M.ASSET.SYSTEM", "资产管理制度健全性", "1.00"),
                judgement("M.ASSET.RECONCILIATION", "资产账务核对情况", "1.00"),
                // The printed 2/2 at a swapped 99.72% evidences no rule: kept as the evaluator's judgement.
                judgement("M.ASSET.UTILISATION", "固定资产利用率", "2.00")));
        RubricNode cost = group("M.COST", "成本管理", "4.00", List.of(
                leaf("M.COST.OPERATING", "公用经费控制率", "2.00", withinBudget("2"),
                        metric(LedgerMetric.OPERATING_EXPENSE_CONTROL_RATE)),
                leaf("M.COST.THREE-PUBLIC", "“三公经费”控制率", "2.00", withinBudget("2"),
                        metric(LedgerMetric.THREE_PUBLIC_CONTROL_RATE))));
        RubricNode management = group("M", "管理效能", "45.00",
                List.of(fund, performance, disclosure, procurement, assets, cost));

        List<RubricNode> keyIndicators = new ArrayList<>();
        for (String[] indicator : SEED_002_KEY_INDICATORS) {
            String code = "LZ." + indicator[0];
            String weight = indicator[0].equals("2-2") ? "2.96" : "2.94";
            keyIndicators.add(leaf(code, indicator[1], weight, MetOrFactor.factor(d("0.9")), tagged(code)));
        }
        RubricNode performanceEffect = group("LZ", "履职效能", "50.00", keyIndicators);

        RubricNode bonus = group("BP", "加减分项", "5.00", List.of(
                group("BP.WORK", "工作表现加减分", "5.00", List.of(
                        leaf("BP.WORK.COMMENDATION", "工作受表彰或批评", "5.00",
                                new BonusPenalty(d("2.5"), d("2.5"), d("5"), d("5")), new BonusPenaltyInput())
                                .withCriteria("受到财政部门表扬的每项加2.5分，加分最多不超过5分；每发现一起违规扣2.5分，扣分合计不超过5分。")))));
        return List.of(management, performanceEffect, bonus);
    }

    static RubricPublished seed002() {
        return published(new PublishRubric(GZ_2021, "广州市市直部门整体支出绩效自评评分规则", "广州市", RubricScope.all(), 2021, d("100"),
                d("5"), seed002Tree(), Rounding.TWO_DECIMALS_HALF_UP, GradeScale.defaults(), "inferred from seed 002",
                LocalDate.of(2021, 1, 1)));
    }
}
