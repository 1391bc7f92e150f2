package cn.perfledger.domain.budget;

/** 政府采购品目: goods, works or services. */
public enum ProcurementCategory {
    GOODS("货物"),
    WORKS("工程"),
    SERVICES("服务");

    private final String chineseName;

    ProcurementCategory(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
