package cn.perfledger.domain.rubric;

/**
 * The catalog of ledger figures a rubric leaf may take as input; the projections compute each of them from
 * the budget ledger and the evaluation. Every metric is a rate expressed as an exact fraction (0.9989 = 99.89%).
 * A rubric item such as 预算资金支出率 names the metric it uses: Panyu 2023 scores it on
 * {@link #BUDGET_EXECUTION_RATE}, Haizhu 2023 on {@link #ANNUAL_AVERAGE_EXECUTION_RATE}.
 */
public enum LedgerMetric {

    BUDGET_EXECUTION_RATE("预算完成率（预算执行率）",
            "执行数 ÷ 全年预算数（调整后预算），部门合计"),
    BASIC_EXPENDITURE_EXECUTION_RATE("基本支出执行率", "基本支出执行数 ÷ 基本支出全年预算数"),
    PROJECT_EXPENDITURE_EXECUTION_RATE("项目支出执行率", "项目支出执行数 ÷ 项目支出全年预算数"),
    ANNUAL_AVERAGE_EXECUTION_RATE("年度平均执行率",
            "各次财政局通报的执行进度（截至通报日执行数 ÷ 全年预算数 ÷ 序时进度）的平均值"),
    CARRYOVER_RATE_53("结转结余率（财预〔2013〕53号口径）", "年末结转结余 ÷ 支出预算数"),
    CARRYOVER_RATE_YEAR_OVER_YEAR("结转结余率（年末 ÷ 年初口径）", "年末结转结余 ÷ 年初结转结余"),
    APPROPRIATION_REVENUE_VARIANCE_RATE("财政拨款收入预决算差异率", "|决算收入 − 调整预算收入| ÷ 调整预算收入"),
    OPERATING_EXPENSE_CONTROL_RATE("公用经费控制率", "实际公用经费 ÷ 预算公用经费"),
    THREE_PUBLIC_CONTROL_RATE("“三公”经费控制率", "实际“三公”经费 ÷ 预算“三公”经费"),
    PROCUREMENT_EXECUTION_RATE("政府采购执行率", "实际政府采购金额 ÷ 政府采购预算"),
    SME_AWARD_SHARE("采购政策效能", "实际授予中小企业合同金额 ÷ 预留中小企业份额"),
    CONTRACT_SIGNING_TIMELINESS_RATE("合同签订及时率", "在中标（成交）通知书发出之日起规定时限内签订的合同数 ÷ 合同总数"),
    CONTRACT_FILING_TIMELINESS_RATE("合同备案及时率", "在合同签订之日起规定工作日内备案公开的合同数 ÷ 合同总数"),
    FIXED_ASSET_UTILISATION_RATE("固定资产利用率", "在用固定资产原值 ÷ 全部固定资产原值"),
    INDICATOR_COMPLETION_SHARE("绩效目标完成率", "已完成的绩效指标数 ÷ 设定的绩效指标数"),
    BUDGET_ADJUSTMENT_RATE("预算调整率", "（全年预算数 − 年初预算数）÷ 年初预算数，财政拨款（追加、调减的净额；调剂不改变合计）"),
    BUDGET_ADJUSTMENT_RATE_GROSS("预算调整率（调整总额口径）",
            "（追加合计 + 调减合计 + 调剂调入合计）÷ 年初预算数，财政拨款（每一笔调整都计入，不相互抵消）"),
    STAFF_CONTROL_RATE("财政供养人员控制率", "实有人数 ÷ 编制数"),
    THREE_PUBLIC_CHANGE_RATE("“三公”经费变动率", "（本年“三公”经费支出 − 上年“三公”经费支出）÷ 上年“三公”经费支出；上年按其年末（12月31日）计"),
    OPERATING_EXPENSE_CHANGE_RATE("公用经费变动率", "（本年公用经费支出 − 上年公用经费支出）÷ 上年公用经费支出；上年按其年末（12月31日）计"),
    EXPENDITURE_CHANGE_RATE("支出变动率", "（本年支出合计 − 上年支出合计）÷ 上年支出合计；上年按其年末（12月31日）计");

    /** Whether the metric compares with the previous department-year (read at that year's own 12-31). */
    public boolean yearOverYear() {
        return this == THREE_PUBLIC_CHANGE_RATE || this == OPERATING_EXPENSE_CHANGE_RATE
                || this == EXPENDITURE_CHANGE_RATE;
    }

    private final String label;
    private final String description;

    LedgerMetric(String label, String description) {
        this.label = label;
        this.description = description;
    }

    /** The Chinese name shown to users. */
    public String label() {
        return label;
    }

    /** The formula, in the users' language (shown on pages: no published example figures, those are in tests). */
    public String description() {
        return description;
    }
}
