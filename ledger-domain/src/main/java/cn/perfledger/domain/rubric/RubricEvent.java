package cn.perfledger.domain.rubric;

import cn.perfledger.domain.common.LedgerEvent;
import cn.perfledger.domain.common.RubricVersionId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** What happens to a rubric version, in past tense; {@code effectiveDate} is when the version applies from. */
public sealed interface RubricEvent extends LedgerEvent {

    RubricVersionId rubricVersionId();

    /** The whole validated rubric: the event is the rubric's only definition. */
    @Revision("1")
    record RubricPublished(RubricVersionId rubricVersionId, String name, String jurisdiction, int templateYear,
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
