package cn.perfledger.projections.scoring;

import cn.perfledger.domain.budget.BudgetEvent.FixedAssetsRecorded;
import cn.perfledger.domain.budget.BudgetEvent.StaffingRecorded;
import cn.perfledger.domain.common.Money;
import cn.perfledger.domain.rubric.LedgerMetric;
import cn.perfledger.projections.evaluation.EvaluationFold;
import cn.perfledger.projections.evaluation.FlagKind;
import cn.perfledger.projections.evaluation.IndicatorState;
import cn.perfledger.projections.ledger.LedgerMetrics;
import cn.perfledger.projections.ledger.NoticeFigures;
import cn.perfledger.projections.ledger.ProcurementFigures;
import cn.perfledger.projections.ledger.Rates;
import cn.perfledger.projections.ledger.Totals;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Maps every {@link LedgerMetric} of the rubric catalog to its value at a basis. The values themselves come from
 * {@link LedgerMetrics} (one implementation of every ledger figure); this class only adds the figures each value
 * was computed from, so that a scored item can show them. The switch has no default: a new catalog constant does
 * not compile until it is mapped here.
 */
public final class LedgerMetricValues {

    private LedgerMetricValues() {
    }

    public static MetricValue of(LedgerMetric metric, LedgerMetrics ledger, EvaluationFold evaluation) {
        return switch (metric) {
            case BUDGET_EXECUTION_RATE -> execution(metric, ledger.budgetExecutionRate(), ledger.fiscalAppropriation(),
                    "财政拨款");
            case BASIC_EXPENDITURE_EXECUTION_RATE -> execution(metric, ledger.basic().executionRate(), ledger.basic(),
                    "基本支出");
            case PROJECT_EXPENDITURE_EXECUTION_RATE -> execution(metric, ledger.project().executionRate(),
                    ledger.project(), "项目支出");
            case ANNUAL_AVERAGE_EXECUTION_RATE -> annualAverage(metric, ledger);
            case CARRYOVER_RATE_53 -> new MetricValue(metric, ledger.carryOverRate53(), List.of(
                    Figure.yuan("年末结转和结余（财政拨款）", ledger.fiscalAppropriation().carryOut()),
                    Figure.yuan("支出预算数（财政拨款全年预算数）", ledger.fiscalAppropriation().fullYear())));
            case CARRYOVER_RATE_YEAR_OVER_YEAR -> new MetricValue(metric, ledger.carryOverRateYearOverYear(), List.of(
                    Figure.yuan("年末结转和结余（财政拨款）", ledger.fiscalAppropriation().carryOut()),
                    Figure.yuan("年初结转和结余（财政拨款）", ledger.fiscalAppropriation().carryIn())));
            case APPROPRIATION_REVENUE_VARIANCE_RATE -> new MetricValue(metric,
                    ledger.appropriationRevenueVarianceRate(), List.of(
                            Figure.yuan("财政拨款收入决算数", ledger.appropriationRevenue()),
                            Figure.yuan("财政拨款收入调整预算数", ledger.fiscalAppropriation().fullYear())));
            case OPERATING_EXPENSE_CONTROL_RATE -> new MetricValue(metric, ledger.operatingExpenseControlRate(),
                    List.of(Figure.yuan("实际公用经费", ledger.operatingExpense().executed()),
                            Figure.yuan("预算公用经费（全年预算数）", ledger.operatingExpense().fullYear())));
            case THREE_PUBLIC_CONTROL_RATE -> new MetricValue(metric, ledger.threePublicControlRate(), List.of(
                    Figure.yuan("实际“三公”经费", ledger.threePublic().executed()),
                    Figure.yuan("“三公”经费年初预算", ledger.threePublic().initial()),
                    Figure.yuan("“三公”经费全年预算数（调整后）", ledger.threePublic().fullYear())));
            case PROCUREMENT_EXECUTION_RATE -> new MetricValue(metric, ledger.procurementExecutionRate(), List.of(
                    Figure.yuan("实际政府采购金额", ledger.procurementExecuted()),
                    Figure.yuan("政府采购预算", ledger.procurementPlanned())));
            case SME_AWARD_SHARE -> smeAwardShare(metric, ledger);
            case CONTRACT_SIGNING_TIMELINESS_RATE -> new MetricValue(metric, ledger.contractSigningTimelinessRate(),
                    List.of(Figure.count("已签订合同数", contractCount(ledger))));
            case CONTRACT_FILING_TIMELINESS_RATE -> new MetricValue(metric, ledger.contractFilingTimelinessRate(),
                    List.of(Figure.count("已签订合同数", contractCount(ledger))));
            case FIXED_ASSET_UTILISATION_RATE -> fixedAssets(metric, ledger);
            case INDICATOR_COMPLETION_SHARE -> indicatorCompletion(metric, evaluation);
            case BUDGET_ADJUSTMENT_RATE -> new MetricValue(metric, ledger.budgetAdjustmentRate(), List.of(
                    Figure.yuan("预算调整数（财政拨款全年预算数 − 年初预算数）", ledger.fiscalAppropriation().adjustments()),
                    Figure.yuan("年初预算数（财政拨款）", ledger.fiscalAppropriation().initial())));
            case BUDGET_ADJUSTMENT_RATE_GROSS -> grossAdjustment(metric, ledger);
            case STAFF_CONTROL_RATE -> staffing(metric, ledger);
            case THREE_PUBLIC_CHANGE_RATE -> change(metric, ledger, ledger.threePublicChangeRate(), "“三公”经费支出",
                    m -> m.threePublic().executed());
            case OPERATING_EXPENSE_CHANGE_RATE -> change(metric, ledger, ledger.operatingExpenseChangeRate(),
                    "公用经费支出", m -> m.operatingExpense().executed());
            case EXPENDITURE_CHANGE_RATE -> change(metric, ledger, ledger.expenditureChangeRate(), "支出合计",
                    m -> m.total().executed());
        };
    }

    private static MetricValue grossAdjustment(LedgerMetric metric, LedgerMetrics ledger) {
        Totals totals = ledger.fiscalAppropriation();
        return new MetricValue(metric, ledger.budgetAdjustmentRateGross(), List.of(
                Figure.yuan("追加合计", totals.increases()), Figure.yuan("调减合计", totals.decreases()),
                Figure.yuan("调剂调入合计", totals.transfersIn()), Figure.yuan("年初预算数（财政拨款）", totals.initial())));
    }

    private static MetricValue staffing(LedgerMetric metric, LedgerMetrics ledger) {
        StaffingRecorded staffing = ledger.fold().staffing();
        if (staffing == null) {
            return new MetricValue(metric, null, List.of(Figure.text("财政供养人员", "尚未登记编制数和实有人数")),
                    FlagKind.FIGURE_NOT_RECORDED);
        }
        return new MetricValue(metric, ledger.staffControlRate(), List.of(
                Figure.count("实有人数", staffing.actualHeadcount()),
                Figure.count("编制数", staffing.authorizedPositions())));
    }

    /** A year-over-year figure: this year's and the previous year's amounts (the latter at its own 12-31). */
    private static MetricValue change(LedgerMetric metric, LedgerMetrics ledger, BigDecimal rate, String what,
            Function<LedgerMetrics, Money> figure) {
        Optional<LedgerMetrics> previous = ledger.previousYear();
        if (previous.isEmpty()) {
            return new MetricValue(metric, null, List.of(Figure.text("上年度", "上年度未在本账本开立，或未纳入本次计算")),
                    FlagKind.PREVIOUS_YEAR_MISSING);
        }
        int year = ledger.fold().opened() == null ? 0 : ledger.fold().opened().year();
        return new MetricValue(metric, rate, List.of(
                Figure.yuan("本年" + what + (year == 0 ? "" : "（" + year + "年）"), figure.apply(ledger)),
                Figure.yuan("上年" + what + "（" + previous.get().fold().opened().year() + "年，截至12月31日）",
                        figure.apply(previous.get()))));
    }

    private static MetricValue execution(LedgerMetric metric, BigDecimal rate, Totals totals, String scope) {
        return new MetricValue(metric, rate, List.of(
                Figure.yuan(scope + "执行数", totals.executed()),
                Figure.yuan(scope + "全年预算数", totals.fullYear())));
    }

    /**
     * Scored on the progress rates the finance bureau published (the seed scores "按照市财政局的评分规则"); the
     * ledger's own mean at the same notice dates is shown next to it.
     */
    private static MetricValue annualAverage(LedgerMetric metric, LedgerMetrics ledger) {
        List<NoticeFigures> notices = ledger.fold().notices();
        BigDecimal publishedSum = notices.stream().map(n -> n.notice().publishedRate())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new MetricValue(metric, ledger.annualAverageExecutionRatePublished(), List.of(
                Figure.count("财政局通报次数", notices.size()),
                Figure.rate("各次通报执行进度合计", publishedSum),
                Figure.rate("账本口径年度平均执行率（各通报日账面执行进度的平均）", ledger.annualAverageExecutionRateLedger())));
    }

    private static MetricValue smeAwardShare(LedgerMetric metric, LedgerMetrics ledger) {
        Money reserved = Money.ZERO;
        Money awarded = Money.ZERO;
        for (ProcurementFigures procurement : ledger.fold().procurements()) {
            reserved = reserved.plus(procurement.plan().smeReserve());
            awarded = awarded.plus(procurement.smeAwarded());
        }
        return new MetricValue(metric, ledger.smeAwardShare(), List.of(
                Figure.yuan("实际授予中小企业合同金额", awarded),
                Figure.yuan("预留中小企业份额", reserved)));
    }

    private static long contractCount(LedgerMetrics ledger) {
        return ledger.fold().procurements().stream().mapToLong(p -> p.contracts().size()).sum();
    }

    private static MetricValue fixedAssets(LedgerMetric metric, LedgerMetrics ledger) {
        FixedAssetsRecorded assets = ledger.fold().fixedAssets();
        if (assets == null) {
            return new MetricValue(metric, null, List.of(Figure.text("固定资产", "尚未登记固定资产原值")));
        }
        return new MetricValue(metric, ledger.fixedAssetUtilisationRate(), List.of(
                Figure.yuan("在用固定资产原值", assets.inUseValue()),
                Figure.yuan("全部固定资产原值", assets.originalValue())));
    }

    /** 绩效目标完成率 over every indicator of the evaluation (seed 002: 16 ÷ 17). */
    private static MetricValue indicatorCompletion(LedgerMetric metric, EvaluationFold evaluation) {
        List<IndicatorState> indicators = evaluation.indicators();
        long met = indicators.stream().filter(IndicatorState::met).count();
        return new MetricValue(metric, Rates.ratio(BigDecimal.valueOf(met), BigDecimal.valueOf(indicators.size())),
                List.of(Figure.count("已完成的绩效指标数", met), Figure.count("设定的绩效指标数", indicators.size())));
    }
}
