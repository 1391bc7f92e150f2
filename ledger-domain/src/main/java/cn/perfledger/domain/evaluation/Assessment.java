package cn.perfledger.domain.evaluation;

/** The outcome of checking an actual value against a target. */
public enum Assessment {
    MET,
    NOT_MET,
    /** The units belong to different families (e.g. % against 次): nothing can be said. */
    INCOMPARABLE,
    /**
     * The actual states a bound that lies partly inside and partly outside the target ("≥3个" against "≥5个"): it
     * cannot tell whether the target was reached. Recording such an actual is refused.
     */
    UNDETERMINED
}
