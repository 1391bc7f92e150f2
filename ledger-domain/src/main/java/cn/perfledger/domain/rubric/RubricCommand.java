package cn.perfledger.domain.rubric;

import cn.perfledger.domain.common.RubricVersionId;
import cn.perfledger.domain.evaluation.GradeCoefficients;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What an administrator asks of a rubric version: publish it once, retire it later. */
public sealed interface RubricCommand {

    RubricVersionId rubricVersionId();

    /**
     * Publishes a rubric version. {@code totalWeight} is the sum of the top-level weights (normally 100, a
     * 加减分项 section included when the rubric prints it inside the 100); {@code bonusCap} caps the net bonus
     * points (0 when the rubric has no bonus items); {@code grades} may be null for the default 优/良/中/差;
     * {@code gradeCoefficients} is the rubric's 得分系数 for qualitative indicators, null for the default;
     * {@code sourceNote} says where the rules come from, e.g. "inferred from seed 002"; {@code scope} names the
     * departments that may use the version (or all).
     */
    record PublishRubric(@TargetAggregateIdentifier RubricVersionId rubricVersionId, String name,
            String jurisdiction, RubricScope scope, int templateYear, BigDecimal totalWeight, BigDecimal bonusCap,
            List<RubricNode> tree, Rounding rounding, GradeScale grades, GradeCoefficients gradeCoefficients,
            String sourceNote, LocalDate effectiveDate) implements RubricCommand {

        /** With the default 得分系数. */
        public PublishRubric(RubricVersionId rubricVersionId, String name, String jurisdiction, RubricScope scope,
                int templateYear, BigDecimal totalWeight, BigDecimal bonusCap, List<RubricNode> tree,
                Rounding rounding, GradeScale grades, String sourceNote, LocalDate effectiveDate) {
            this(rubricVersionId, name, jurisdiction, scope, templateYear, totalWeight, bonusCap, tree, rounding, grades,
                    null, sourceNote, effectiveDate);
        }
    }

    /** Retires a version so that new years cannot choose it; years already scored with it keep it. */
    record RetireRubric(@TargetAggregateIdentifier RubricVersionId rubricVersionId, String reason,
            LocalDate effectiveDate) implements RubricCommand {
    }
}
