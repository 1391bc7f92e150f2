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
 * would accept. The seed rubrics are the domain's {@code RubricFixtures} (through its test jar), held equal to the
 * rubric files the application ships.
 */
final class Rubrics {

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
}
