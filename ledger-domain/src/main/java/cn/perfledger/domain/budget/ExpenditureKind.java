package cn.perfledger.domain.budget;

/** 支出结构: 基本支出 (人员经费 / 公用经费) or 项目支出. */
public enum ExpenditureKind {
    BASIC_PERSONNEL("基本支出-人员经费"),
    BASIC_OPERATING("基本支出-公用经费"),
    PROJECT("项目支出");

    private final String chineseName;

    ExpenditureKind(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }

    public boolean isBasic() {
        return this != PROJECT;
    }
}
