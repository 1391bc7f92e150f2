package cn.perfledger.domain.budget;

/** 结转 (work unfinished, the money continues) versus 结余 (work finished or stopped, recoverable). */
public enum CarryOverKind {
    CARRY_FORWARD("结转"),
    SURPLUS("结余");

    private final String chineseName;

    CarryOverKind(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
