package cn.perfledger.domain.evaluation;

/**
 * How an actual value is compared with a target's number. {@code QUALITATIVE} is "fully achieved" (100%达标,
 * 100%完成…): met by a qualitative 达标/已完成 or by a quantity reaching the target's number.
 */
public enum TargetComparator {
    /** ≥, 不低于, 不少于, 至少, 以上, or a bare number (12份 means at least 12). */
    GE,
    /** &gt;, 大于, 超过, 高于. */
    GT,
    /** ≤, 不超过, 不高于, 以下, 以内. */
    LE,
    /** &lt;, 低于, 小于. */
    LT,
    /** =, 等于. */
    EQ,
    QUALITATIVE;

    /** The polarity that decides how a completion rate is computed (DOMAIN.md §5). */
    public Polarity polarity() {
        return switch (this) {
            case GE, GT -> Polarity.POSITIVE;
            case LE, LT -> Polarity.REVERSE;
            case EQ -> Polarity.EQUAL;
            case QUALITATIVE -> Polarity.QUALITATIVE;
        };
    }
}
