package cn.perfledger.domain.rubric;

import static cn.perfledger.domain.rubric.RubricNode.group;
import static cn.perfledger.domain.rubric.RubricNode.leaf;

import cn.perfledger.domain.common.IndicatorId;
import cn.perfledger.domain.common.DepartmentId;
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
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The rubrics of seeds 002 (广州市本级 2021, the scored table with the rules of DOMAIN.md §6) and 000 (海珠区 2023)
 * for the tests of the domain and the projections (through this module's test jar): the tree, codes, weights, rules
 * and inputs of the rubric files the application publishes ({@code ledger-app/src/main/resources/rubrics/}), only
 * without their long texts. {@code SeedRubricsMatchTheRubricFilesTest} (ledger-app) holds them equal, so a test never
 * scores a rubric that drifted from the one the product ships.
 */
public final class RubricFixtures {

    public static final RubricVersionId GZ_2021 = new RubricVersionId("gz-municipal-2021@1");
    public static final RubricVersionId HZ_2023 = new RubricVersionId("haizhu-2023@1");
    public static final LocalDate PUBLISHED_ON = LocalDate.of(2021, 1, 1);
    public static final DepartmentId GZ = new DepartmentId("GZ-ZSJ");
    public static final DepartmentId HZ = new DepartmentId("HZ-ZSJ");

    /**
     * The 17 key indicators of seed 002 under their 年度主要工作任务 ({@code E.T1}…{@code E.T5}): item code, the
     * indicator it scores (the id the year defines it under), short name; all 2.94 but {@code E.KPI-09} 接通率 (2.96).
     */
    public static final List<String[][]> SEED_002_TASKS = List.of(
            new String[][] {{"E.KPI-17", "GZ21-KPI-17", "代办服务有效投诉率"}, {"E.KPI-16", "GZ21-KPI-16", "政策兑现业务要素梳理"}},
            new String[][] {{"E.KPI-14", "GZ21-KPI-14", "话务服务量"}, {"E.KPI-09", "GZ21-KPI-09", "热线每月接通率"},
                {"E.KPI-07", "GZ21-KPI-07", "话务服务市民满意率"}},
            new String[][] {{"E.KPI-06", "GZ21-KPI-06", "移动服务平台全年提供服务次数"},
                {"E.KPI-01", "GZ21-KPI-01", "网站常态化监测覆盖率"}, {"E.KPI-02", "GZ21-KPI-02", "网上服务接入统一认证平台比例"},
                {"E.KPI-11", "GZ21-KPI-11", "按期完成率"}},
            new String[][] {{"E.KPI-03", "GZ21-KPI-03", "建设信用监管应用支撑平台"},
                {"E.KPI-15", "GZ21-KPI-15", "“四标四实”基础信息数量"}, {"E.KPI-08", "GZ21-KPI-08", "安全审计平台日志存储能力"},
                {"E.KPI-04", "GZ21-KPI-04", "用户满意率"}, {"E.KPI-10", "GZ21-KPI-10", "数据质量报告数量"},
                {"E.KPI-05", "GZ21-KPI-05", "支撑使用统一评价系统的大厅数量"}},
            new String[][] {{"E.KPI-12", "GZ21-KPI-12", "新增用于共享的主题个数"}, {"E.KPI-13", "GZ21-KPI-13", "监测服务指标数"}});
    /** The one key indicator of seed 002 not met (接通率 94.07% against ≥95%). */
    public static final String SEED_002_NOT_MET = "E.KPI-09";

    private RubricFixtures() {
    }

    public static final JudgementInput JUDGEMENT = new JudgementInput();

    public static RubricNode judgement(String code, String name, String weight) {
        return leaf(code, name, weight, new Judgement(), JUDGEMENT);
    }

    public static LedgerMetricInput metric(LedgerMetric metric) {
        return new LedgerMetricInput(metric);
    }

    public static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    /** Control rates (实际 ÷ 预算): within budget scores full (inferred; seed 002 scores 99.99% and 44.36% full). */
    public static Bands withinBudget(String points) {
        return new Bands(List.of(new Band(null, true, BigDecimal.ONE, true, d(points)),
                new Band(BigDecimal.ONE, false, null, false, BigDecimal.ZERO)));
    }

    /** 结转结余率 ≤ 10% → 2, otherwise 0 (DOMAIN.md §6). */
    public static Bands carryOverBands() {
        return new Bands(List.of(new Band(null, true, d("0.10"), true, d("2")),
                new Band(d("0.10"), false, null, false, BigDecimal.ZERO)));
    }

    /** 差异率: 0 → 2; (0, 1%] → 1.5; (1%, 3%] → 1; (3%, 5%] → 0.5; &gt; 5% → 0 (only the first two evidenced). */
    public static Bands varianceBands() {
        return new Bands(List.of(
                Band.exactly(BigDecimal.ZERO, d("2")),
                Band.above(BigDecimal.ZERO, d("0.01"), d("1.5")),
                Band.above(d("0.01"), d("0.03"), d("1")),
                Band.above(d("0.03"), d("0.05"), d("0.5")),
                new Band(d("0.05"), false, null, false, BigDecimal.ZERO)));
    }

    /** 合同签订及时率: 100% → 3; [90%, 100%) → 2; [80%, 90%) → 1 and below → 0 (the lower bands are inferred). */
    public static Bands contractSigningBands() {
        return new Bands(List.of(
                new Band(BigDecimal.ONE, true, null, false, d("3")),
                Band.from(d("0.9"), BigDecimal.ONE, d("2")),
                Band.from(d("0.8"), d("0.9"), d("1")),
                new Band(null, false, d("0.8"), false, BigDecimal.ZERO)));
    }

    /** Seed 002: 管理效能 45 + 履职效能 50 + 加减分项 5 = 100. */
    public static List<RubricNode> seed002Tree() {
        RubricNode fund = group("M.FUND", "资金管理", "16.00", List.of(
                judgement("M.FUND.SYSTEM", "部门预算及财务管理制度健全性", "3.00"),
                leaf("M.FUND.BUDGET-COMPLETION", "预算完成率", "2.00",
                        new DeductionPerPoint(BigDecimal.ONE, d("0.1")), metric(LedgerMetric.BUDGET_EXECUTION_RATE))
                        .withDescription("部门（单位）本年度预算完成数与预算数的比率，用以反映和考核部门（单位）预算完成程度。"),
                judgement("M.FUND.BUDGET-PREP", "部门预算编制情况", "3.00"),
                judgement("M.FUND.SPECIAL", "专项资金管理情况", "2.00"),
                leaf("M.FUND.REVENUE-VARIANCE", "财政拨款收入预决算差异率", "2.00", varianceBands(),
                        metric(LedgerMetric.APPROPRIATION_REVENUE_VARIANCE_RATE)),
                leaf("M.FUND.AVG-EXECUTION", "一般公共预算支出年度平均执行率", "2.00", new Proportional(BigDecimal.ONE),
                        metric(LedgerMetric.ANNUAL_AVERAGE_EXECUTION_RATE)),
                leaf("M.FUND.CARRY-OVER", "结转结余率", "2.00", carryOverBands(),
                        metric(LedgerMetric.CARRYOVER_RATE_YEAR_OVER_YEAR))));
        RubricNode performance = group("M.PERF", "绩效管理", "15.00", List.of(
                judgement("M.PERF.MONITORING", "绩效监控和绩效评价开展情况", "4.00"),
                judgement("M.PERF.SYSTEM", "绩效管理制度建设", "3.00"),
                judgement("M.PERF.TARGET-REASONABLE", "绩效目标合理性", "2.00"),
                judgement("M.PERF.INDICATOR-CLARITY", "绩效指标明确性", "2.00"),
                leaf("M.PERF.TARGET-COMPLETION", "绩效目标完成率", "2.00", new ShareMet(),
                        IndicatorGroupInput.of(new RubricItemCode("E"))),
                judgement("M.PERF.RESULT-USE", "绩效结果应用", "2.00")));
        RubricNode disclosure = group("M.DISC", "信息公开管理", "4.00", List.of(
                judgement("M.DISC.BUDGET", "预决算信息公开合规性", "2.00"),
                judgement("M.DISC.PERF", "绩效信息公开情况", "2.00")));
        RubricNode procurement = group("M.PROC", "采购管理", "2.00", List.of(
                leaf("M.PROC.EXECUTION", "政府采购执行率", "2.00", new Proportional(null),
                        metric(LedgerMetric.PROCUREMENT_EXECUTION_RATE))));
        RubricNode assets = group("M.ASSET", "资产管理", "4.00", List.of(
                judgement("M.ASSET.SYSTEM", "资产管理制度健全性", "1.00"),
                judgement("M.ASSET.RECONCILE", "资产账务核对情况", "1.00"),
                // The printed 2/2 at a swapped 99.72% evidences no rule: kept as the evaluator's judgement.
                judgement("M.ASSET.UTILISATION", "固定资产利用率", "2.00")));
        RubricNode cost = group("M.COST", "成本管理", "4.00", List.of(
                leaf("M.COST.OPERATING", "公用经费控制率", "2.00", withinBudget("2"),
                        metric(LedgerMetric.OPERATING_EXPENSE_CONTROL_RATE)),
                leaf("M.COST.THREE-PUBLIC", "“三公经费”控制率", "2.00", withinBudget("2"),
                        metric(LedgerMetric.THREE_PUBLIC_CONTROL_RATE))));
        RubricNode management = group("M", "管理效能", "45.00",
                List.of(fund, performance, disclosure, procurement, assets, cost));

        List<RubricNode> tasks = new ArrayList<>();
        for (int t = 0; t < SEED_002_TASKS.size(); t++) {
            List<RubricNode> keyIndicators = new ArrayList<>();
            BigDecimal taskWeight = BigDecimal.ZERO;
            for (String[] indicator : SEED_002_TASKS.get(t)) {
                String weight = indicator[0].equals(SEED_002_NOT_MET) ? "2.96" : "2.94";
                keyIndicators.add(leaf(indicator[0], indicator[2], weight, MetOrFactor.factor(d("0.9")),
                        IndicatorInput.byId(new IndicatorId(indicator[1]))));
                taskWeight = taskWeight.add(d(weight));
            }
            tasks.add(group("E.T" + (t + 1), "年度主要工作任务" + (t + 1), taskWeight.toPlainString(), keyIndicators));
        }
        RubricNode performanceEffect = group("E", "履职效能", "50.00", tasks);

        RubricNode bonus = group("B", "加减分项", "5.00", List.of(
                group("B.WORK", "工作表现加减分", "5.00", List.of(
                        leaf("B.WORK.COMMENDATION", "工作受表彰或批评", "5.00",
                                new BonusPenalty(d("2.5"), d("2.5"), d("5"), d("5")), new BonusPenaltyInput())
                                .withCriteria("受到财政部门表扬的每项加2.5分，加分最多不超过5分；每发现一起违规扣2.5分，扣分合计不超过5分。")))));
        return List.of(management, performanceEffect, bonus);
    }

    public static PublishRubric publishSeed002() {
        return new PublishRubric(GZ_2021, "广州市市直部门整体支出绩效自评评分规则", "广州市", RubricScope.of(GZ), 2021, d("100"),
                d("5"), seed002Tree(), Rounding.TWO_DECIMALS_HALF_UP, null, "inferred from seed 002", PUBLISHED_ON);
    }

    /** The event the seed-002 publication records (validated as the aggregate would). */
    public static RubricPublished publishedSeed002() {
        PublishRubric valid = RubricValidator.validate(publishSeed002());
        return new RubricPublished(valid.rubricVersionId(), valid.name(), valid.jurisdiction(), valid.scope(),
                valid.templateYear(),
                valid.totalWeight(), valid.bonusCap(), valid.tree(), valid.rounding(), valid.grades(),
                valid.sourceNote(), valid.effectiveDate());
    }

    /** Seed 000: 履职效能 50 (产出 20, 效益 20, 预算资金支出率 10) + 管理效率 50; scores at 1 decimal. */
    public static List<RubricNode> seed000Tree() {
        RubricNode performance = group("E", "履职效能", "50", List.of(
                leaf("E.OUTPUT", "部门整体绩效目标产出指标完成情况", "20", new ShareMet(),
                        new IndicatorGroupInput(new RubricItemCode("E.OUTPUT"), List.of("履职效能", "产出指标"))),
                leaf("E.OUTCOME", "部门整体绩效目标效益指标完成情况", "20", new ShareMet(),
                        new IndicatorGroupInput(new RubricItemCode("E.OUTCOME"), List.of("履职效能", "效益指标"))),
                leaf("E.SPENDING", "部门预算资金支出率", "10", new Proportional(BigDecimal.ONE),
                        metric(LedgerMetric.ANNUAL_AVERAGE_EXECUTION_RATE))));
        RubricNode management = group("M", "管理效率", "50", List.of(
                group("M.PREP", "预算编制", "3", List.of(judgement("M.PREP.NEW-PROJECT-EVAL", "新增项目事项绩效评估", "3"))),
                group("M.EXEC", "预算执行", "4", List.of(
                        leaf("M.EXEC.CARRY-OVER", "结转结余率", "2", carryOverBands(),
                                metric(LedgerMetric.CARRYOVER_RATE_53)),
                        judgement("M.EXEC.COMPLIANCE", "财务管理合规性", "2"))),
                group("M.DISC", "信息公开", "4", List.of(
                        judgement("M.DISC.BUDGET", "预决算公开合规性", "2"),
                        judgement("M.DISC.PERF", "绩效信息公开情况", "2"))),
                group("M.PERF", "绩效管理", "15", List.of(
                        judgement("M.PERF.SYSTEM", "绩效管理制度建设", "5"),
                        judgement("M.PERF.RESULT-USE", "绩效结果运用", "3"),
                        judgement("M.PERF.EXECUTION", "绩效管理制度执行", "7"))),
                group("M.PROC", "采购管理", "10", List.of(
                        judgement("M.PROC.INTENT", "采购意向公开合规性", "2"),
                        judgement("M.PROC.INTERNAL-CONTROL", "采购内控制度建设", "1"),
                        judgement("M.PROC.COMPLIANCE", "采购活动合规性", "2"),
                        leaf("M.PROC.SIGNING", "采购合同签订时效性", "3", contractSigningBands(),
                                metric(LedgerMetric.CONTRACT_SIGNING_TIMELINESS_RATE)),
                        // "部分合同未按规定…备案公开，该项指标不得分": all filed in time → 1, else 0 (inferred).
                        leaf("M.PROC.FILING", "合同备案时效性", "1",
                                new Bands(List.of(new Band(BigDecimal.ONE, true, null, false, d("1")),
                                        new Band(null, false, BigDecimal.ONE, false, BigDecimal.ZERO))),
                                metric(LedgerMetric.CONTRACT_FILING_TIMELINESS_RATE)),
                        leaf("M.PROC.SME", "采购政策效能", "1", new Proportional(null),
                                metric(LedgerMetric.SME_AWARD_SHARE)))),
                group("M.ASSET", "资产管理", "10", List.of(
                        judgement("M.ASSET.ALLOCATION", "资产配置合规性", "2"),
                        judgement("M.ASSET.INCOME", "资产收益上缴的及时性", "1"),
                        judgement("M.ASSET.STOCKTAKE", "资产盘点情况", "1"),
                        judgement("M.ASSET.DATA-QUALITY", "数据质量", "2"),
                        judgement("M.ASSET.COMPLIANCE", "资产管理合规性", "2"),
                        leaf("M.ASSET.UTILISATION", "固定资产利用率", "2", new Proportional(null),
                                metric(LedgerMetric.FIXED_ASSET_UTILISATION_RATE)))),
                group("M.COST", "运行成本", "4", List.of(
                        leaf("M.COST.OPERATING", "公用经费控制率", "2", withinBudget("2"),
                                metric(LedgerMetric.OPERATING_EXPENSE_CONTROL_RATE)),
                        leaf("M.COST.THREE-PUBLIC", "“三公”经费控制情况", "2", withinBudget("2"),
                                metric(LedgerMetric.THREE_PUBLIC_CONTROL_RATE))))));
        return List.of(performance, management);
    }

    public static PublishRubric publishSeed000() {
        return new PublishRubric(HZ_2023, "海珠区部门整体支出绩效自评评分规则", "广州市海珠区", RubricScope.of(HZ), 2023, d("100"),
                BigDecimal.ZERO,
                seed000Tree(), Rounding.ONE_DECIMAL_HALF_UP, GradeScale.defaults(), "inferred from seed 000",
                LocalDate.of(2023, 1, 1));
    }

    /** The seed-002 publication with its tree replaced. */
    static PublishRubric withTree(List<RubricNode> tree) {
        PublishRubric c = publishSeed002();
        return new PublishRubric(c.rubricVersionId(), c.name(), c.jurisdiction(), c.scope(), c.templateYear(), c.totalWeight(),
                c.bonusCap(), tree, c.rounding(), c.grades(), c.sourceNote(), c.effectiveDate());
    }
}
