package cn.perfledger.projections.evaluation;

/**
 * What can be wrong with, or notable about, an indicator or a scored item, each with its Chinese label. Declared
 * roughly by weight (missing inputs first): merged flags are listed in this order.
 */
public enum FlagKind {
    JUDGEMENT_MISSING("缺少评分"),
    ACTUAL_MISSING("缺少实际值"),
    INDICATOR_NOT_FOUND("未找到对应指标"),
    AMBIGUOUS_INDICATOR("多个指标对应同一评分项"),
    INCOMPARABLE("实际值与目标值不可比较"),
    DENOMINATOR_ZERO("无法计算（分母为零）"),
    FIGURE_NOT_RECORDED("账本未登记所需数据"),
    PREVIOUS_YEAR_MISSING("缺少上年度数据"),
    INDICATOR_NOT_MET("指标未达标"),
    TARGET_TOO_LOW("目标值偏低"),
    JUDGEMENT_ABOVE_WEIGHT("评分超过分值，按分值计"),
    BONUS_CAPPED("加分超过上限，按上限计"),
    PENALTY_CAPPED("扣分超过上限，按上限计"),
    RULE_INPUT_MISMATCH("评分规则与输入来源不匹配"),
    DECLARED_TOTAL_DIFFERS("自评得分与计算得分不一致"),
    RUBRIC_VERSION_MISMATCH("评分规则版本与自评所用版本不一致"),
    RUBRIC_OF_OTHER_PLACE_OR_YEAR("评价体系属于其他地区或年度"),
    TARGET_UNUSABLE("目标值不能用于完成比率");

    private final String label;

    FlagKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
