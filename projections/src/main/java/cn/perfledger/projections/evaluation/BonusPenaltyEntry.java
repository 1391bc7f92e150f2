package cn.perfledger.projections.evaluation;

import cn.perfledger.domain.evaluation.BonusPenaltyEntryId;
import cn.perfledger.domain.evaluation.BonusPenaltyKind;
import java.math.BigDecimal;

/** One 加减分事项 as recorded; {@code points} is positive, the kind says whether it adds or deducts. */
public record BonusPenaltyEntry(BonusPenaltyEntryId entryId, BonusPenaltyKind kind, BigDecimal points, String reason,
        String documentNo, EventRef source) {

    /** The points with their sign: + for a bonus, − for a penalty. */
    public BigDecimal signedPoints() {
        return kind == BonusPenaltyKind.BONUS ? points : points.negate();
    }
}
