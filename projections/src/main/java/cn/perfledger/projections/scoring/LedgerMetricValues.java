package cn.perfledger.projections.scoring;

import cn.perfledger.domain.budget.BudgetEvent.FixedAssetsRecorded;
import cn.perfledger.domain.common.Money;
import cn.perfledger.domain.rubric.LedgerMetric;
import cn.perfledger.projections.evaluation.EvaluationFold;
import cn.perfledger.projections.evaluation.IndicatorState;
import cn.perfledger.projections.ledger.LedgerMetrics;
import cn.perfledger.projections.ledger.NoticeFigures;
import cn.perfledger.projections.ledger.ProcurementFigures;
import cn.perfledger.projections.ledger.Rates;
import cn.perfledger.projections.ledger.Totals;
import java.math.BigDecimal;
import java.util.List;

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
        };
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
