package cn.perfledger.domain.common;

/** Identifies a performance indicator (绩效指标) within a department-year's evaluation. */
public record IndicatorId(String value) {

    public IndicatorId {
        Ids.requireCode("indicatorId", value, 64);
    }

    @Override
    public String toString() {
        return value;
    }
}
