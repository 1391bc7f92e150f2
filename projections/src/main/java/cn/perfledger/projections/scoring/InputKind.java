package cn.perfledger.projections.scoring;

/** Where a scored item's input came from; with {@link ScoredInput#code()} it names the exact source. */
public enum InputKind {
    /** code = the {@code LedgerMetric} constant. */
    LEDGER_METRIC("账本指标"),
    /** code = the indicator id. */
    INDICATOR("绩效指标"),
    /** code = the rubric item code of the group. */
    INDICATOR_GROUP("绩效指标组"),
    /** code = the rubric item code the judgement was entered for. */
    JUDGEMENT("评价人评分"),
    /** code = the bonus/penalty entry id. */
    BONUS_PENALTY("加减分事项"),
    /** A step of the rule's arithmetic (target, ratio, steps, grade reached); code names the step. */
    COMPUTED("计算过程");

    private final String label;

    InputKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
