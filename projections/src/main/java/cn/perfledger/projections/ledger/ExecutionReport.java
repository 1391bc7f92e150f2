package cn.perfledger.projections.ledger;

import cn.perfledger.domain.budget.BudgetLineSpec;
import cn.perfledger.domain.budget.FundingSource;
import cn.perfledger.domain.common.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * 预算执行情况 of a department-year at one basis: the waterfall and execution of every line and of every
 * grouping, the monthly cumulative series against 序时进度, and the execution notices side by side with the
 * ledger. Plain data, ready to be serialized.
 */
public record ExecutionReport(
        Row total,
        Row fiscalAppropriation,
        List<Row> lines,
        Map<String, List<Row>> groupings,
        List<MonthPoint> monthly,
        List<NoticePoint> notices,
        BigDecimal annualAverageExecutionRatePublished,
        BigDecimal annualAverageExecutionRateLedger) {

    /** One line or group: its key (code) and Chinese label, and its waterfall with the execution rate. */
    public record Row(String key, String label, Money initial, Money adjustments, Money fullYear, Money carryIn,
            Money withdrawn, Money executed, Money carryOut, BigDecimal executionRate, List<Adjustment> adjustmentHistory) {

        static Row of(String key, String label, Totals totals) {
            return new Row(key, label, totals.initial(), totals.adjustments(), totals.fullYear(), totals.carryIn(),
                    totals.withdrawn(), totals.executed(), totals.carryOut(), totals.executionRate(), List.of());
        }
    }

    /** Cumulative execution at the end of a month against the time-proportional progress m/12. */
    public record MonthPoint(int month, Money executedInMonth, Money executedToDate, BigDecimal executionRateToDate,
            BigDecimal requiredProgress) {
    }

    /** A finance-bureau notice with the published progress rate and the ledger's own at the notice date. */
    public record NoticePoint(String documentNo, java.time.LocalDate date, BigDecimal requiredProgress,
            BigDecimal publishedRate, BigDecimal ledgerExecutionRate, BigDecimal ledgerProgressRate) {
    }

    public static ExecutionReport of(LedgerMetrics metrics) {
        LedgerFold fold = metrics.fold();
        List<Row> lines = new ArrayList<>();
        for (LineFigures line : fold.lines()) {
            Totals t = Totals.of(line);
            lines.add(new Row(line.lineId().value(), lineLabel(line.spec()), t.initial(), t.adjustments(),
                    t.fullYear(), t.carryIn(), t.withdrawn(), t.executed(), t.carryOut(), t.executionRate(),
                    line.adjustmentHistory()));
        }
        Map<String, List<Row>> groupings = new LinkedHashMap<>();
        groupings.put("unit", group(fold, l -> l.spec().unit().value(), code -> unitName(fold, code)));
        groupings.put("fundingSource", group(fold, l -> l.spec().fundingSource().name(),
                code -> FundingSource.valueOf(code).chineseName()));
        groupings.put("expenditureKind", group(fold, l -> l.spec().kind().name(),
                code -> cn.perfledger.domain.budget.ExpenditureKind.valueOf(code).chineseName()));
        groupings.put("basicOrProject", group(fold, l -> l.spec().kind().isBasic() ? "BASIC" : "PROJECT",
                code -> code.equals("BASIC") ? "基本支出" : "项目支出"));
        groupings.put("project", group(fold, l -> l.spec().projectCode(), code -> projectName(fold, code)));
        groupings.put("functionalClass", group(fold, l -> l.spec().functionalCode().classCode(), code -> "功能分类 类 " + code));
        groupings.put("functionalSection", group(fold, l -> l.spec().functionalCode().sectionCode(), code -> "功能分类 款 " + code));
        groupings.put("functionalItem", group(fold, l -> l.spec().functionalCode().itemCode(), code -> "功能分类 项 " + code));
        groupings.put("economic", group(fold, l -> l.spec().economicCode().code(), code -> "经济分类 " + code));
        groupings.put("threePublic", group(fold,
                l -> l.spec().economicCode().threePublicCategory().map(Enum::name).orElse(null),
                code -> cn.perfledger.domain.budget.EconomicCode.ThreePublicCategory.valueOf(code).chineseName()));

        List<MonthPoint> monthly = new ArrayList<>();
        Totals total = metrics.total();
        Money toDate = Money.ZERO;
        for (int month = 1; month <= 12; month++) {
            Money inMonth = Money.ZERO;
            for (LineFigures line : fold.lines()) {
                inMonth = inMonth.plus(line.executedInMonth(month));
            }
            toDate = toDate.plus(inMonth);
            monthly.add(new MonthPoint(month, inMonth, toDate, Rates.ratio(toDate, total.fullYear()),
                    Rates.ratio(BigDecimal.valueOf(month), BigDecimal.valueOf(12))));
        }
        List<NoticePoint> notices = fold.notices().stream()
                .map(n -> new NoticePoint(n.notice().documentNo(), n.notice().effectiveDate(),
                        n.notice().requiredProgress(), n.notice().publishedRate(),
                        n.ledgerExecutionRate(FundingSource.GENERAL_PUBLIC_BUDGET),
                        n.ledgerProgressRate(FundingSource.GENERAL_PUBLIC_BUDGET)))
                .toList();
        return new ExecutionReport(Row.of("TOTAL", "合计", total),
                Row.of("FISCAL_APPROPRIATION", "财政拨款", metrics.fiscalAppropriation()), lines, groupings, monthly,
                notices, metrics.annualAverageExecutionRatePublished(), metrics.annualAverageExecutionRateLedger());
    }

    private static List<Row> group(LedgerFold fold, Function<LineFigures, String> key, Function<String, String> label) {
        return Grouping.totals(fold.lines(), key).entrySet().stream()
                .map(e -> Row.of(e.getKey(), label.apply(e.getKey()), e.getValue()))
                .toList();
    }

    private static String lineLabel(BudgetLineSpec spec) {
        String kind = spec.kind().chineseName();
        String project = spec.projectName() == null ? "" : " " + spec.projectName();
        return spec.fundingSource().chineseName() + " " + kind + project + " 功能" + spec.functionalCode()
                + " 经济" + spec.economicCode();
    }

    private static String unitName(LedgerFold fold, String code) {
        if (fold.opened() == null) {
            return code;
        }
        return fold.opened().units().stream().filter(u -> u.code().value().equals(code))
                .map(cn.perfledger.domain.budget.BudgetEvent.UnitRef::name).findFirst().orElse(code);
    }

    private static String projectName(LedgerFold fold, String code) {
        return fold.lines().stream().filter(l -> code.equals(l.spec().projectCode()))
                .map(l -> l.spec().projectName()).findFirst().orElse(code);
    }
}
