package cn.perfledger.domain.rubric;

import cn.perfledger.domain.common.LedgerEvent;
import cn.perfledger.domain.common.RubricVersionId;
import cn.perfledger.domain.evaluation.GradeCoefficients;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** What happens to a rubric version, in past tense; {@code effectiveDate} is when the version applies from. */
public sealed interface RubricEvent extends LedgerEvent {

    RubricVersionId rubricVersionId();

    /**
     * The whole validated rubric: the event is the rubric's only definition. Revision 2 added {@code scope} (the
     * departments that may use the version) and {@code gradeCoefficients} (得分系数 of qualitative indicators; null:
     * {@link GradeCoefficients#DEFAULT}); a revision-1 rubric is upcast as usable by all departments with the
     * default coefficients, which is what it scored with. Revision 3 added each node's {@code provenance} (our note on
     * where its rule comes from, apart from the document's {@code criteria}); a revision-2 node reads with none.
     */
    @Revision("3")
    record RubricPublished(RubricVersionId rubricVersionId, String name, String jurisdiction, RubricScope scope,
            int templateYear,
            BigDecimal totalWeight, BigDecimal bonusCap, List<RubricNode> tree, Rounding rounding, GradeScale grades,
            GradeCoefficients gradeCoefficients, String sourceNote, LocalDate effectiveDate) implements RubricEvent {

        /** With the default 得分系数. */
        public RubricPublished(RubricVersionId rubricVersionId, String name, String jurisdiction, RubricScope scope,
                int templateYear, BigDecimal totalWeight, BigDecimal bonusCap, List<RubricNode> tree, Rounding rounding,
                GradeScale grades, String sourceNote, LocalDate effectiveDate) {
            this(rubricVersionId, name, jurisdiction, scope, templateYear, totalWeight, bonusCap, tree, rounding, grades,
                    null, sourceNote, effectiveDate);
        }

        /** The 得分系数 qualitative indicators score with: the rubric's own, else the default. */
        public GradeCoefficients coefficients() {
            return GradeCoefficients.orDefault(gradeCoefficients);
        }

        /** The rounding of a leaf: its own, else the rubric's. */
        public Rounding roundingOf(RubricNode leaf) {
            return leaf.rounding() != null ? leaf.rounding() : rounding;
        }
    }

    @Revision("1")
    record RubricRetired(RubricVersionId rubricVersionId, String reason, LocalDate effectiveDate)
            implements RubricEvent {
    }
}
