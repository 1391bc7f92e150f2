package cn.perfledger.domain.evaluation;

/** Where a target's {@link Direction} came from; shown to auditors next to the reading. */
public enum DirectionSource {
    /** The user (or the form's 指标性质 column) gave it. */
    GIVEN("填报人给出"),
    /** The target's text states it (≥, 以内, 不低于, a range, a deadline …). */
    STATED("目标值写明"),
    /**
     * Recorded before directions existed (event revision 1): the direction the old parser read from the text,
     * kept so that those years replay to exactly the figures they had.
     */
    LEGACY("旧版按文字推定");

    private final String label;

    DirectionSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
