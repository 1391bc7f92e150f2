package cn.perfledger.domain.rubric;

import static cn.perfledger.domain.rubric.RubricFixtures.JUDGEMENT;
import static cn.perfledger.domain.rubric.RubricFixtures.d;
import static cn.perfledger.domain.rubric.RubricFixtures.judgement;
import static cn.perfledger.domain.rubric.RubricFixtures.metric;
import static cn.perfledger.domain.rubric.RubricFixtures.publishSeed002;
import static cn.perfledger.domain.rubric.RubricNode.group;
import static cn.perfledger.domain.rubric.RubricNode.leaf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import cn.perfledger.domain.common.DepartmentId;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.IndicatorId;
import cn.perfledger.domain.common.RubricItemCode;
import cn.perfledger.domain.rubric.GradeScale.GradeBand;
import cn.perfledger.domain.rubric.InputReference.BonusPenaltyInput;
import cn.perfledger.domain.rubric.InputReference.IndicatorGroupInput;
import cn.perfledger.domain.rubric.InputReference.IndicatorInput;
import cn.perfledger.domain.rubric.InputReference.LedgerMetricInput;
import cn.perfledger.domain.rubric.RubricCommand.PublishRubric;
import cn.perfledger.domain.rubric.ScoringRule.Band;
import cn.perfledger.domain.rubric.ScoringRule.Bands;
import cn.perfledger.domain.rubric.ScoringRule.BonusPenalty;
import cn.perfledger.domain.rubric.ScoringRule.DeductionPerPoint;
import cn.perfledger.domain.rubric.ScoringRule.Judgement;
import cn.perfledger.domain.rubric.ScoringRule.MetOrFactor;
import cn.perfledger.domain.rubric.ScoringRule.NotMetScoring;
import cn.perfledger.domain.rubric.ScoringRule.Proportional;
import cn.perfledger.domain.rubric.ScoringRule.ShareMet;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RubricValidatorTest {

    private static final String LEAF = "tree[0].children[0]";
    private static final LedgerMetricInput RATE = metric(LedgerMetric.PROCUREMENT_EXECUTION_RATE);

    /** A rubric of one 100-point group: the node under test (weight 10) and a 90-point judgement. */
    private static PublishRubric withLeaf(RubricNode nodeOfWeight10) {
        return rubric(List.of(group("A", "甲", "100", List.of(nodeOfWeight10, judgement("A.REST", "其余", "90")))));
    }

    private static PublishRubric rubric(List<RubricNode> tree) {
        return new PublishRubric(RubricFixtures.GZ_2021, "测试评分规则", "广州市", RubricScope.all(), 2021, d("100"), d("5"), tree,
                Rounding.TWO_DECIMALS_HALF_UP, null, null, LocalDate.of(2021, 1, 1));
    }

    private static PublishRubric withFields(String name, String jurisdiction, int templateYear, BigDecimal totalWeight,
            BigDecimal bonusCap, Rounding rounding, GradeScale grades, String sourceNote, LocalDate effectiveDate) {
        PublishRubric c = publishSeed002();
        return new PublishRubric(c.rubricVersionId(), name, jurisdiction, c.scope(), templateYear, totalWeight, bonusCap, c.tree(),
                rounding, grades, sourceNote, effectiveDate);
    }

    private static PublishRubric withGrades(GradeBand... bands) {
        return withFields("规则", "广州市", 2021, d("100"), d("5"), Rounding.TWO_DECIMALS_HALF_UP,
                new GradeScale(Arrays.asList(bands)), null, LocalDate.of(2021, 1, 1));
    }

    private static RubricNode node(String weight, ScoringRule rule, InputReference input) {
        return new RubricNode(new RubricItemCode("A.X"), "被测指标", weight == null ? null : d(weight), null, null, rule,
                input, null, null);
    }

    private static RubricNode rated(ScoringRule rule) {
        return node("10", rule, RATE);
    }

    private static Bands bands(Band... bands) {
        return new Bands(Arrays.asList(bands));
    }

    static Stream<Arguments> refusals() {
        Rounding half = Rounding.TWO_DECIMALS_HALF_UP;
        LocalDate day = LocalDate.of(2021, 1, 1);
        return Stream.of(
                // top-level fields
                arguments("name missing", withFields(null, "广州市", 2021, d("100"), d("5"), half, null, null, day),
                        "name", "不能为空"),
                arguments("jurisdiction missing", withFields("规则", "", 2021, d("100"), d("5"), half, null, null, day),
                        "jurisdiction", "不能为空"),
                arguments("template year", withFields("规则", "广州市", 1999, d("100"), d("5"), half, null, null, day),
                        "templateYear", "2000 至 2100"),
                arguments("total zero", withFields("规则", "广州市", 2021, d("0"), d("5"), half, null, null, day),
                        "totalWeight", "必须大于 0"),
                arguments("bonus cap missing", withFields("规则", "广州市", 2021, d("100"), null, half, null, null, day),
                        "bonusCap", "不能为空"),
                arguments("bonus cap negative", withFields("规则", "广州市", 2021, d("100"), d("-1"), half, null, null, day),
                        "bonusCap", "不能为负数"),
                arguments("rounding missing", withFields("规则", "广州市", 2021, d("100"), d("5"), null, null, null, day),
                        "rounding", "不能为空"),
                arguments("rounding decimals", withFields("规则", "广州市", 2021, d("100"), d("5"),
                        new Rounding(5, RoundingMode.HALF_UP), null, null, day), "rounding.decimals", "0 到 4"),
                arguments("rounding unnecessary", withFields("规则", "广州市", 2021, d("100"), d("5"),
                        new Rounding(2, RoundingMode.UNNECESSARY), null, null, day), "rounding.mode", "UNNECESSARY"),
                arguments("rounding mode missing", withFields("规则", "广州市", 2021, d("100"), d("5"),
                        new Rounding(2, null), null, null, day), "rounding.mode", "不能为空"),
                arguments("source note too long", withFields("规则", "广州市", 2021, d("100"), d("5"), half, null,
                        "注".repeat(501), day), "sourceNote", "500"),
                arguments("effective date missing", withFields("规则", "广州市", 2021, d("100"), d("5"), half, null, null,
                        null), "effectiveDate", "不能为空"),
                // grades
                arguments("grades empty", withGrades(), "grades.bands", "至少需要一档"),
                arguments("grades not descending", withGrades(new GradeBand("优", d("80")), new GradeBand("良", d("90")),
                        new GradeBand("差", null)), "grades.bands[1].minScore", "从高到低"),
                arguments("grades without floor", withGrades(new GradeBand("优", d("90")), new GradeBand("差", d("0"))),
                        "grades.bands[1].minScore", "最后一档不设下限"),
                arguments("grades gap", withGrades(new GradeBand("优", d("90")), new GradeBand("良", null),
                        new GradeBand("差", null)), "grades.bands[1].minScore", "只有最后一档"),
                arguments("grades duplicated", withGrades(new GradeBand("优", d("90")), new GradeBand("优", null)),
                        "grades.bands[1].grade", "重复"),
                // tree shape
                arguments("tree empty", rubric(List.of()), "tree", "至少需要一个一级指标"),
                arguments("node null", rubric(Arrays.asList(group("A", "甲", "100",
                        List.of(judgement("A.1", "一", "100"))), null)), "tree[1]", "不能为空"),
                arguments("top level short", rubric(List.of(group("A", "甲", "90", List.of(judgement("A.1", "一", "90"))))),
                        "tree", "一级指标分值合计 90 不等于总分 100"),
                arguments("children short", rubric(List.of(group("A", "甲", "100", List.of(judgement("A.1", "一", "60"),
                        judgement("A.2", "二", "39"))))), "tree[0].children", "下级指标分值合计 99 不等于本级分值 100"),
                arguments("code duplicated", rubric(List.of(group("A", "甲", "100", List.of(judgement("A.1", "一", "60"),
                        judgement("A.1", "二", "40"))))), "tree[0].children[1].code", "编码重复: A.1（已用于 tree[0].children[0]）"),
                arguments("code missing", withLeaf(new RubricNode(null, "无编码", d("10"), null, null, new Judgement(),
                        JUDGEMENT, null, null)), LEAF + ".code", "不能为空"),
                arguments("name blank", withLeaf(new RubricNode(new RubricItemCode("A.X"), " ", d("10"), null, null,
                        new Judgement(), JUDGEMENT, null, null)), LEAF + ".name", "不能为空"),
                arguments("weight missing", withLeaf(node(null, new Judgement(), JUDGEMENT)), LEAF + ".weight", "不能为空"),
                arguments("weight zero", rubric(List.of(group("A", "甲", "100", List.of(judgement("A.1", "一", "100"),
                        judgement("A.2", "二", "0"))))), "tree[0].children[1].weight", "必须大于 0"),
                arguments("weight three decimals", rubric(List.of(group("A", "甲", "100", List.of(
                        judgement("A.1", "一", "97.055"), judgement("A.2", "二", "2.945"))))),
                        "tree[0].children[0].weight", "最多保留两位小数"),
                arguments("too deep", rubric(List.of(group("A", "甲", "100", List.of(group("A.1", "乙", "100", List.of(
                        group("A.1.1", "丙", "100", List.of(group("A.1.1.1", "丁", "100", List.of(
                                judgement("A.1.1.1.1", "戊", "100"))))))))))),
                        "tree[0].children[0].children[0].children[0].children[0]", "不能超过 4 级"),
                arguments("group with rule", rubric(List.of(new RubricNode(new RubricItemCode("A"), "甲", d("100"), null,
                        null, new Judgement(), null, null, List.of(judgement("A.1", "一", "100"))))),
                        "tree[0].rule", "有下级指标的节点不能设置评分规则"),
                arguments("group with input", rubric(List.of(new RubricNode(new RubricItemCode("A"), "甲", d("100"), null,
                        null, null, JUDGEMENT, null, List.of(judgement("A.1", "一", "100"))))),
                        "tree[0].input", "不能设置输入来源"),
                arguments("group with rounding", rubric(List.of(new RubricNode(new RubricItemCode("A"), "甲", d("100"),
                        null, null, null, null, Rounding.ONE_DECIMAL_HALF_UP, List.of(judgement("A.1", "一", "100"))))),
                        "tree[0].rounding", "只有末级指标"),
                arguments("description too long", withLeaf(judgement("A.X", "被测", "10").withDescription("释".repeat(2001))),
                        LEAF + ".description", "2000"),
                // leaves: rule and input present and compatible
                arguments("leaf without rule", withLeaf(node("10", null, JUDGEMENT)), LEAF + ".rule", "必须设置评分规则"),
                arguments("leaf without input", withLeaf(node("10", new Judgement(), null)), LEAF + ".input", "必须设置输入来源"),
                arguments("judgement on a metric", withLeaf(node("10", new Judgement(), RATE)), LEAF + ".input",
                        "评分规则「评价人评分」需要评价人评分作为输入，不能使用「账本指标」"),
                arguments("bands on a judgement", withLeaf(node("10", RubricFixtures.carryOverBands(), JUDGEMENT)),
                        LEAF + ".input", "需要比率（账本指标或单个绩效指标）作为输入"),
                arguments("share-met on one indicator", withLeaf(node("10", new ShareMet(),
                        IndicatorInput.byId(new IndicatorId("IND-1")))), LEAF + ".input", "需要绩效指标组作为输入"),
                arguments("met-or-factor on a metric", withLeaf(node("10", MetOrFactor.factor(d("0.9")), RATE)),
                        LEAF + ".input", "需要单个绩效指标或绩效指标组"),
                arguments("bonus-penalty on a judgement", withLeaf(node("10",
                        new BonusPenalty(d("2.5"), d("2.5"), d("5"), d("5")), JUDGEMENT)), LEAF + ".input", "需要加减分事项"),
                arguments("proportional on bonus entries", withLeaf(node("10", new Proportional(null),
                        new BonusPenaltyInput())), LEAF + ".input", "需要比率"),
                arguments("leaf rounding invalid", withLeaf(judgement("A.X", "被测", "10")
                        .withRounding(new Rounding(-1, RoundingMode.HALF_UP))), LEAF + ".rounding.decimals", "0 到 4"),
                // rule parameters
                arguments("proportional full-at zero", withLeaf(rated(new Proportional(BigDecimal.ZERO))),
                        LEAF + ".rule.fullAt", "必须大于 0"),
                arguments("bands empty", withLeaf(rated(bands())), LEAF + ".rule.bands", "至少需要一档"),
                arguments("band null", withLeaf(rated(bands((Band) null))), LEAF + ".rule.bands[0]", "不能为空"),
                arguments("band points missing", withLeaf(rated(bands(Band.from(BigDecimal.ZERO, BigDecimal.ONE, null)))),
                        LEAF + ".rule.bands[0].points", "不能为空"),
                arguments("band points above weight", withLeaf(rated(bands(Band.from(BigDecimal.ZERO, null, d("12"))))),
                        LEAF + ".rule.bands[0].points", "分档得分 12 超过本指标分值 10"),
                arguments("band lower above upper", withLeaf(rated(bands(Band.from(BigDecimal.ONE, d("0.5"), d("1"))))),
                        LEAF + ".rule.bands[0]", "下限 1 大于上限 0.5"),
                arguments("band empty interval", withLeaf(rated(bands(Band.from(BigDecimal.ONE, BigDecimal.ONE, d("1"))))),
                        LEAF + ".rule.bands[0]", "两端都必须包含"),
                arguments("bands overlap", withLeaf(rated(bands(Band.from(d("0.9"), null, d("10")),
                        Band.from(d("0.8"), d("0.95"), d("5"))))), LEAF + ".rule.bands[1]",
                        "区间 [0.8, 0.95) 与第 1 档 [0.9, +∞) 重叠"),
                arguments("bands touch at a shared inclusive end", withLeaf(rated(bands(Band.exactly(BigDecimal.ZERO,
                        d("10")), new Band(BigDecimal.ZERO, true, d("0.01"), true, d("5"))))), LEAF + ".rule.bands[1]",
                        "重叠"),
                arguments("two unbounded bands", withLeaf(rated(bands(new Band(null, false, null, false, d("1")),
                        new Band(null, false, d("0.5"), false, d("2"))))), LEAF + ".rule.bands[1]", "重叠"),
                arguments("deduction without target", withLeaf(rated(new DeductionPerPoint(null, d("0.1")))),
                        LEAF + ".rule.targetRate", "不能为空"),
                arguments("deduction without step", withLeaf(rated(new DeductionPerPoint(BigDecimal.ONE, d("0")))),
                        LEAF + ".rule.pointsPerPercentagePoint", "必须大于 0"),
                arguments("met-or-factor without mode", withLeaf(node("10", new MetOrFactor(null, d("0.9")),
                        IndicatorInput.byTag(new RubricItemCode("A.X")))), LEAF + ".rule.whenNotMet", "不能为空"),
                arguments("met-or-factor factor above one", withLeaf(node("10", MetOrFactor.factor(d("1.5")),
                        IndicatorInput.byTag(new RubricItemCode("A.X")))), LEAF + ".rule.factor", "0 到 1"),
                arguments("met-or-factor factor missing", withLeaf(node("10", new MetOrFactor(NotMetScoring.FACTOR, null),
                        IndicatorInput.byTag(new RubricItemCode("A.X")))), LEAF + ".rule.factor", "0 到 1"),
                arguments("completion rate with factor", withLeaf(node("10",
                        new MetOrFactor(NotMetScoring.COMPLETION_RATE, d("0.9")), IndicatorInput.byTag(
                                new RubricItemCode("A.X")))), LEAF + ".rule.factor", "不设系数"),
                arguments("bonus cap above weight", withLeaf(node("10", new BonusPenalty(null, null, d("12"), d("5")),
                        new BonusPenaltyInput())), LEAF + ".rule.bonusCap", "超过本指标分值"),
                arguments("bonus cap above rubric's", withLeaf(node("10", new BonusPenalty(null, null, d("6"), d("5")),
                        new BonusPenaltyInput())), LEAF + ".rule.bonusCap", "超过评分规则的加分上限 5"),
                arguments("penalty cap missing", withLeaf(node("10", new BonusPenalty(null, null, d("5"), null),
                        new BonusPenaltyInput())), LEAF + ".rule.penaltyCap", "不能为空"),
                arguments("bonus per item above cap", withLeaf(node("10", new BonusPenalty(d("6"), null, d("5"), d("5")),
                        new BonusPenaltyInput())), LEAF + ".rule.pointsPerBonus", "超过上限"),
                arguments("penalty per item zero", withLeaf(node("10", new BonusPenalty(null, d("0"), d("5"), d("5")),
                        new BonusPenaltyInput())), LEAF + ".rule.pointsPerPenalty", "必须大于 0"),
                // input parameters
                arguments("metric missing", withLeaf(node("10", new Proportional(null), new LedgerMetricInput(null))),
                        LEAF + ".input.metric", "不能为空"),
                arguments("indicator input empty", withLeaf(node("10", MetOrFactor.completionRate(),
                        new IndicatorInput(null, null))), LEAF + ".input", "须且只能指定"),
                arguments("indicator input ambiguous", withLeaf(node("10", MetOrFactor.completionRate(),
                        new IndicatorInput(new IndicatorId("IND-1"), new RubricItemCode("A.X")))), LEAF + ".input",
                        "须且只能指定"),
                arguments("group code missing", withLeaf(node("10", new ShareMet(), new IndicatorGroupInput(null, null))),
                        LEAF + ".input.groupCode", "不能为空"),
                arguments("group code unknown", withLeaf(node("10", new ShareMet(),
                        IndicatorGroupInput.of(new RubricItemCode("LZ")))), LEAF + ".input.groupCode", "在本评分规则中不存在: LZ"),
                arguments("group path prefix blank", withLeaf(node("10", new ShareMet(),
                        new IndicatorGroupInput(new RubricItemCode("A"), List.of("履职效能", "")))),
                        LEAF + ".input.pathPrefix[1]", "不能为空"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refuses_withPathAndReason(String description, PublishRubric command, String field, String reason) {
        assertThatThrownBy(() -> RubricValidator.validate(command))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.rule()).contains(reason);
                });
    }

    @Test
    void scope_isRequired_allOrANonEmptyListWithoutRepeats_andKeptSorted() {
        DepartmentId gz = new DepartmentId("GZ-ZSJ");
        DepartmentId hz = new DepartmentId("HZ-ZSJ");
        assertScopeRefused(null, "scope", "适用部门范围不能为空");
        assertScopeRefused(new RubricScope(false, List.of()), "scope.departments", "适用部门不能为空");
        assertScopeRefused(new RubricScope(true, List.of(gz)), "scope.departments", "两者只能选一");
        assertScopeRefused(RubricScope.of(hz, gz, hz), "scope.departments[2]", "部门重复: HZ-ZSJ");

        assertThat(RubricValidator.validate(withScope(RubricScope.of(hz, gz))).scope())
                .isEqualTo(RubricScope.of(gz, hz));
        assertThat(RubricValidator.validate(withScope(RubricScope.all())).scope().includes(hz)).isTrue();
        assertThat(RubricScope.of(gz).includes(hz)).isFalse();
    }

    private static void assertScopeRefused(RubricScope scope, String field, String reason) {
        assertThatThrownBy(() -> RubricValidator.validate(withScope(scope)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.rule()).contains(reason);
                });
    }

    private static PublishRubric withScope(RubricScope scope) {
        PublishRubric c = publishSeed002();
        return new PublishRubric(c.rubricVersionId(), c.name(), c.jurisdiction(), scope, c.templateYear(),
                c.totalWeight(), c.bonusCap(), c.tree(), c.rounding(), c.grades(), c.sourceNote(), c.effectiveDate());
    }

    @Test
    void accepts_seed002_andFillsDefaultGrades_andStripsTexts() {
        PublishRubric c = publishSeed002();
        PublishRubric valid = RubricValidator.validate(new PublishRubric(c.rubricVersionId(), "  " + c.name() + " ",
                c.jurisdiction(), c.scope(), c.templateYear(), c.totalWeight(), c.bonusCap(), c.tree(), c.rounding(), null,
                c.sourceNote(), c.effectiveDate()));

        assertThat(valid.name()).isEqualTo(c.name());
        assertThat(valid.grades()).isEqualTo(GradeScale.defaults());
        assertThat(valid.tree()).isEqualTo(c.tree());
    }

    @Test
    void accepts_fourLevels_leafRounding_groupInputByPath_andMetOrFactorOverAGroup() {
        PublishRubric command = rubric(List.of(
                group("LZ", "履职效能", "60", List.of(
                        group("LZ.OUT", "产出", "40", List.of(
                                group("LZ.OUT.QTY", "数量指标", "40", List.of(
                                        leaf("LZ.OUT.QTY.ALL", "数量指标完成情况", "40", MetOrFactor.completionRate(),
                                                new IndicatorGroupInput(new RubricItemCode("LZ.OUT"),
                                                        List.of("履职效能", "产出")))
                                                .withRounding(Rounding.ONE_DECIMAL_HALF_UP))))),
                        leaf("LZ.SPEND", "预算资金支出率", "20", new Proportional(null),
                                metric(LedgerMetric.BUDGET_EXECUTION_RATE))
                                .withRounding(Rounding.ONE_DECIMAL_HALF_UP))),
                group("GL", "管理效能", "40", List.of(
                        leaf("GL.SIGN", "合同签订时效", "3", RubricFixtures.contractSigningBands(),
                                metric(LedgerMetric.CONTRACT_SIGNING_TIMELINESS_RATE)),
                        leaf("GL.DEDUCT", "预算完成率", "2", new DeductionPerPoint(BigDecimal.ONE, d("0.1")),
                                IndicatorInput.byId(new IndicatorId("IND-1"))),
                        judgement("GL.REST", "其余", "35")))));

        assertThat(RubricValidator.validate(command).tree()).isEqualTo(command.tree());
    }

    @Test
    void accepts_penaltyOnlyItems_whenRubricHasNoBonusCap() {
        PublishRubric c = withLeaf(node("10", new BonusPenalty(null, d("1"), BigDecimal.ZERO, d("10")),
                new BonusPenaltyInput()));
        PublishRubric noBonus = new PublishRubric(c.rubricVersionId(), c.name(), c.jurisdiction(), c.scope(), c.templateYear(),
                c.totalWeight(), BigDecimal.ZERO, c.tree(), c.rounding(), c.grades(), c.sourceNote(), c.effectiveDate());

        assertThat(RubricValidator.validate(noBonus).bonusCap()).isZero();
    }
}
