package cn.perfledger.domain.rubric;

import static cn.perfledger.domain.rubric.RubricFixtures.GZ_2021;
import static cn.perfledger.domain.rubric.RubricFixtures.PUBLISHED_ON;
import static cn.perfledger.domain.rubric.RubricFixtures.d;
import static cn.perfledger.domain.rubric.RubricFixtures.publishSeed000;
import static cn.perfledger.domain.rubric.RubricFixtures.publishSeed002;
import static cn.perfledger.domain.rubric.RubricFixtures.seed002Tree;
import static cn.perfledger.domain.rubric.RubricFixtures.withTree;
import static cn.perfledger.domain.common.DomainErrors.domainError;
import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.domain.common.ConflictException;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.RubricItemCode;
import cn.perfledger.domain.rubric.InputReference.JudgementInput;
import cn.perfledger.domain.rubric.RubricCommand.PublishRubric;
import cn.perfledger.domain.rubric.RubricCommand.RetireRubric;
import cn.perfledger.domain.rubric.RubricEvent.RubricPublished;
import cn.perfledger.domain.rubric.RubricEvent.RubricRetired;
import cn.perfledger.domain.rubric.ScoringRule.Band;
import cn.perfledger.domain.rubric.ScoringRule.Bands;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RubricTest {

    private FixtureConfiguration<Rubric> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Rubric.class);
    }

    // --- PublishRubric --------------------------------------------------------------------------------------

    @Test
    void publishRubric_succeeds_forSeed002_withDefaultGrades() {
        PublishRubric command = publishSeed002();

        fixture.givenNoPriorActivity()
                .when(command)
                .expectSuccessfulHandlerExecution()
                .expectEvents(new RubricPublished(GZ_2021, command.name(), "广州市", command.scope(), 2021, d("100"),
                        d("5"), seed002Tree(), Rounding.TWO_DECIMALS_HALF_UP, GradeScale.defaults(), "inferred from seed 002",
                        PUBLISHED_ON));
    }

    @Test
    void seed002Tree_has45Plus50Plus5_and17KeyIndicators() {
        List<RubricNode> tree = seed002Tree();

        assertThat(tree).extracting(RubricNode::weight).containsExactly(d("45.00"), d("50.00"), d("5.00"));
        assertThat(tree.get(1).leaves()).hasSize(17);
        assertThat(tree.stream().flatMap(top -> top.leaves().stream()).map(RubricNode::weight)
                .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("100");
        assertThat(tree.get(1).subtreeCodes()).contains(new RubricItemCode("E"), new RubricItemCode("E.KPI-09"));
        assertThat(RubricNode.find(tree, new RubricItemCode("M.FUND.REVENUE-VARIANCE")))
                .hasValueSatisfying(leaf -> assertThat(leaf.rule()).isInstanceOf(Bands.class));
    }

    @Test
    void publishRubric_succeeds_forSeed000_atOneDecimal() {
        PublishRubric command = publishSeed000();

        fixture.givenNoPriorActivity()
                .when(command)
                .expectEvents(new RubricPublished(command.rubricVersionId(), command.name(), command.jurisdiction(),
                        command.scope(), 2023, d("100"), BigDecimal.ZERO, command.tree(),
                        Rounding.ONE_DECIMAL_HALF_UP, GradeScale.defaults(), "inferred from seed 000", LocalDate.of(2023, 1, 1)));
    }

    @Test
    void publishRubric_fails_whenVersionAlreadyPublished() {
        fixture.given(published())
                .when(publishSeed002())
                .expectException(domainError(ConflictException.class, "rubricVersionId", "已发布"));
    }

    @Test
    void publishRubric_fails_whenChildWeightsDoNotSumToParent() {
        List<RubricNode> tree = replace(seed002Tree(), "M.FUND.BUDGET-COMPLETION",
                node -> new RubricNode(node.code(), node.name(), d("2.50"), node.description(), node.criteria(),
                        node.rule(), node.input(), node.rounding(), node.children()));

        fixture.givenNoPriorActivity()
                .when(withTree(tree))
                .expectException(domainError(DomainException.class, "tree[0].children[0].children",
                        "下级指标分值合计 16.50 不等于本级分值 16.00"))
                .expectNoEvents();
    }

    @Test
    void publishRubric_fails_whenTopLevelWeightsDoNotSumToTotal() {
        List<RubricNode> tree = new ArrayList<>(seed002Tree());
        tree.remove(2);

        fixture.givenNoPriorActivity()
                .when(withTree(tree))
                .expectException(domainError(DomainException.class, "tree", "一级指标分值合计 95.00 不等于总分 100"));
    }

    @Test
    void publishRubric_fails_whenBandsOverlap() {
        Bands overlapping = new Bands(List.of(
                new Band(BigDecimal.ZERO, true, d("0.01"), true, d("1.5")),
                new Band(d("0.01"), true, d("0.03"), true, d("1"))));
        List<RubricNode> tree = replace(seed002Tree(), "M.FUND.REVENUE-VARIANCE",
                node -> new RubricNode(node.code(), node.name(), node.weight(), null, null, overlapping, node.input(),
                        null, List.of()));

        fixture.givenNoPriorActivity()
                .when(withTree(tree))
                .expectException(domainError(DomainException.class, "tree[0].children[0].children[4].rule.bands[1]",
                        "重叠"));
    }

    @Test
    void publishRubric_fails_whenInputKindDoesNotFitRule() {
        List<RubricNode> tree = replace(seed002Tree(), "M.FUND.CARRY-OVER",
                node -> new RubricNode(node.code(), node.name(), node.weight(), null, null, node.rule(),
                        new JudgementInput(), null, List.of()));

        fixture.givenNoPriorActivity()
                .when(withTree(tree))
                .expectException(domainError(DomainException.class, "tree[0].children[0].children[6].input",
                        "评分规则「分档计分」需要比率"));
    }

    @Test
    void publishRubric_fails_whenNameMissing() {
        PublishRubric c = publishSeed002();
        fixture.givenNoPriorActivity()
                .when(new PublishRubric(c.rubricVersionId(), " ", c.jurisdiction(), c.scope(), c.templateYear(), c.totalWeight(),
                        c.bonusCap(), c.tree(), c.rounding(), c.grades(), c.sourceNote(), c.effectiveDate()))
                .expectException(domainError(DomainException.class, "name", "不能为空"));
    }

    // --- RetireRubric ---------------------------------------------------------------------------------------

    @Test
    void retireRubric_succeeds() {
        fixture.given(published())
                .when(new RetireRubric(GZ_2021, "被 2022 年版取代", LocalDate.of(2022, 1, 1)))
                .expectEvents(new RubricRetired(GZ_2021, "被 2022 年版取代", LocalDate.of(2022, 1, 1)));
    }

    @Test
    void retireRubric_fails_whenAlreadyRetired() {
        fixture.given(published(), new RubricRetired(GZ_2021, "被取代", LocalDate.of(2022, 1, 1)))
                .when(new RetireRubric(GZ_2021, "再次停用", LocalDate.of(2022, 2, 1)))
                .expectException(domainError(ConflictException.class, "rubricVersionId", "已停用"));
    }

    @Test
    void retireRubric_fails_whenReasonMissing() {
        fixture.given(published())
                .when(new RetireRubric(GZ_2021, null, LocalDate.of(2022, 1, 1)))
                .expectException(domainError(DomainException.class, "reason", "不能为空"));
    }

    @Test
    void retireRubric_fails_whenBeforePublication() {
        fixture.given(published())
                .when(new RetireRubric(GZ_2021, "原因", LocalDate.of(2020, 12, 31)))
                .expectException(domainError(DomainException.class, "effectiveDate", "不能早于生效日期"));
    }

    @Test
    void retireRubric_fails_whenDateMissing() {
        fixture.given(published())
                .when(new RetireRubric(GZ_2021, "原因", null))
                .expectException(domainError(DomainException.class, "effectiveDate", "不能为空"));
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private static RubricPublished published() {
        PublishRubric c = publishSeed002();
        return new RubricPublished(c.rubricVersionId(), c.name(), c.jurisdiction(), c.scope(), c.templateYear(), c.totalWeight(),
                c.bonusCap(), c.tree(), c.rounding(), GradeScale.defaults(), c.sourceNote(), c.effectiveDate());
    }

    /** The tree with the node of the given code replaced. */
    static List<RubricNode> replace(List<RubricNode> tree, String code,
            UnaryOperator<RubricNode> replacement) {
        List<RubricNode> result = new ArrayList<>();
        for (RubricNode node : tree) {
            if (node.code().value().equals(code)) {
                result.add(replacement.apply(node));
            } else {
                result.add(new RubricNode(node.code(), node.name(), node.weight(), node.description(), node.criteria(),
                        node.rule(), node.input(), node.rounding(), replace(node.children(), code, replacement)));
            }
        }
        return result;
    }
}
