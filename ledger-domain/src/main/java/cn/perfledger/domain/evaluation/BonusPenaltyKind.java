package cn.perfledger.domain.evaluation;

/** Whether an entry adds points (加分: commendation) or deducts them (减分: violation, late submission). */
public enum BonusPenaltyKind {
    BONUS,
    PENALTY
}
