package cn.perfledger.domain.rubric;

import cn.perfledger.domain.common.RubricVersionId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** What happens to a rubric version, in past tense; {@code effectiveDate} is when the version applies from. */
public sealed interface RubricEvent {

    RubricVersionId rubricVersionId();

    LocalDate effectiveDate();

    /**
     * The whole validated rubric: the event is the rubric's only definition. Revision 2 added {@code scope};
     * revision 1 (no scope) is read as usable by all departments.
     */
    @Revision("2")
    record RubricPublished(RubricVersionId rubricVersionId, String name, String jurisdiction, RubricScope scope,
            int templateYear,
            BigDecimal totalWeight, BigDecimal bonusCap, List<RubricNode> tree, Rounding rounding, GradeScale grades,
            String sourceNote, LocalDate effectiveDate) implements RubricEvent {

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
