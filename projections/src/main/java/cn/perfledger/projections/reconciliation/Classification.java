package cn.perfledger.projections.reconciliation;

/** How a declared figure compares with the ledger (or with its own printed operands). */
public enum Classification {
    /** Equal at the precision printed. */
    EQUAL("一致", false),
    /** 尾数误差: within ±0.01 of the unit it is printed in; a note, not an error. */
    ROUNDING("尾数误差", false),
    /** 单位错写: the number matches when read in 元 instead of 万元 or the other way round (×/÷ 10,000). */
    UNIT_SLIP("单位错写（元/万元）", true),
    /** 比率倒置: the printed percentage is denominator ÷ numerator. */
    INVERTED_RATIO("比率倒置", true),
    /** 数字互换: the figure is the value of its counterpart (e.g. 原值 printed as 在用原值 and vice versa). */
    SWAPPED("两数互换", true),
    /** 不符: none of the above. */
    DISCREPANCY("不符", true),
    /** The ledger has no value for the key at this basis (no fixed assets recorded, a rate of nothing, no rubric). */
    NOT_AVAILABLE("账本无此数", false),
    /** The printed unit cannot express the value (e.g. 万元 for a rate), or the key is unknown. */
    INCOMPARABLE("无法比较", true);

    private final String chineseName;
    private final boolean alarm;

    Classification(String chineseName, boolean alarm) {
        this.chineseName = chineseName;
        this.alarm = alarm;
    }

    public String chineseName() {
        return chineseName;
    }

    /** Whether the result is an error to flag (尾数误差 is only a note). */
    public boolean alarm() {
        return alarm;
    }
}
