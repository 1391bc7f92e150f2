package cn.perfledger.domain.evaluation;

/** The outcome of checking an actual value against a target. */
public enum Assessment {
    MET,
    NOT_MET,
    /** The units belong to different families (e.g. % against 次): nothing can be said. */
    INCOMPARABLE
}
