package cn.perfledger.domain.budget;

/** 资金来源: where the money of a budget line comes from. */
public enum FundingSource {
    GENERAL_PUBLIC_BUDGET("一般公共预算"),
    GOVERNMENT_FUND("政府性基金预算"),
    STATE_CAPITAL("国有资本经营预算"),
    FISCAL_SPECIAL_ACCOUNT("财政专户"),
    OTHER("其他");

    private final String chineseName;

    FundingSource(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }

    /** 财政拨款: appropriations from the treasury (the general budget, funds and state capital budget). */
    public boolean isFiscalAppropriation() {
        return this == GENERAL_PUBLIC_BUDGET || this == GOVERNMENT_FUND || this == STATE_CAPITAL;
    }
}
