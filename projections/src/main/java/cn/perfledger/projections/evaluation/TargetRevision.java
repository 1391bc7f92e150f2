package cn.perfledger.projections.evaluation;

/** A target revision (目标值调整) with its reason, as it was applied. */
public record TargetRevision(String previousTargetText, String newTargetText, String reason, EventRef source) {
}
