package cn.perfledger.projections.evaluation;

/** Where an indicator stands at a basis. */
public enum IndicatorStatus {
    MET("达标"),
    NOT_MET("未达标"),
    /** The units cannot be compared (the aggregate refuses such actuals; kept for robustness). */
    INCOMPARABLE("不可比较"),
    MISSING_ACTUAL("缺少实际值");

    private final String label;

    IndicatorStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
