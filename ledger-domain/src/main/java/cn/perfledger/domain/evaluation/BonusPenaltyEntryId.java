package cn.perfledger.domain.evaluation;

import cn.perfledger.domain.common.Ids;

/** Identifies one bonus or penalty entry (加减分事项) of an evaluation, chosen by the evaluator (e.g. {@code BP-01}). */
public record BonusPenaltyEntryId(String value) {

    public BonusPenaltyEntryId {
        Ids.requireCode("entryId", value, 64);
    }

    @Override
    public String toString() {
        return value;
    }
}
