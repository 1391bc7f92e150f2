package cn.perfledger.domain.evaluation;

/** How an actual value is compared with a target's number (or numbers, for a range). */
public enum TargetComparator {
    /** ≥, 不低于, 不少于, 至少, 达到, 以上. */
    GE("≥", Direction.POSITIVE),
    /** &gt;, 大于, 超过, 高于. */
    GT(">", Direction.POSITIVE),
    /** ≤, 不超过, 不高于, 以下, 以内, 内, a deadline (…底前). */
    LE("≤", Direction.REVERSE),
    /** &lt;, 低于, 小于, 少于, a deadline before a month (9月前). */
    LT("<", Direction.REVERSE),
    /** =, 等于. */
    EQ("=", Direction.EQUAL),
    /** A range, both ends included: 90%–95%, 90%~95%. */
    BETWEEN("区间", Direction.EQUAL),
    /**
     * The old parser's reading of "100%达标" / "100%完成…" (event revision 1 only): met by a 达标/已完成 verdict or a
     * quantity reaching the number, 100% when met. New targets are read as ≥ (正向) instead.
     */
    FULLY_ACHIEVED("达标", Direction.EQUAL),
    /** A qualitative (定性) target: no number; met when the evaluator records the grade 达成. */
    GRADED("定性（按评定等级）", Direction.QUALITATIVE);

    private final String symbol;
    private final Direction direction;

    TargetComparator(String symbol, Direction direction) {
        this.symbol = symbol;
        this.direction = direction;
    }

    /** The symbol or word shown next to the number: ≥, ≤, 区间 … */
    public String symbol() {
        return symbol;
    }

    /** The direction this comparator states (DOMAIN.md §5 decides the completion rate by it). */
    public Direction direction() {
        return direction;
    }

    /** The comparator a direction means when the text writes a bare number ("95%" given 正向 is ≥ 95%). */
    public static TargetComparator implied(Direction direction) {
        return switch (direction) {
            case POSITIVE -> GE;
            case REVERSE -> LE;
            case EQUAL -> EQ;
            case QUALITATIVE -> GRADED;
        };
    }
}
