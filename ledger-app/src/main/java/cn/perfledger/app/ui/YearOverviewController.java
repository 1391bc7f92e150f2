package cn.perfledger.app.ui;

import cn.perfledger.app.query.BasisResult;
import cn.perfledger.app.query.YearQueries;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.domain.common.Money;
import cn.perfledger.projections.ledger.Adjustment;
import cn.perfledger.projections.ledger.CarryOverReport;
import cn.perfledger.projections.ledger.ExecutionReport;
import cn.perfledger.projections.ledger.ExecutionReport.MonthPoint;
import cn.perfledger.projections.ledger.ExecutionReport.NoticePoint;
import cn.perfledger.projections.ledger.ExecutionReport.Row;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 年度概览 of a department-year at a basis: budget waterfall 年初 → 调整 (文号) → 全年, cumulative execution by
 * month against 序时进度 with the finance bureau's notices, 结转结余, and the groupings with their execution rates.
 */
@Controller
@RequestMapping("/departments/{dept}/years/{year}")
public class YearOverviewController {

    /** The groupings shown, in this order, with their Chinese titles. */
    static final Map<String, String> GROUPINGS = groupings();

    /** A row of a figures table. */
    public record FigureRow(String key, String label, Amount initial, Amount adjustments, Amount fullYear,
            Amount executed, String executionRate) {

        static FigureRow of(Row row) {
            return new FigureRow(row.key(), row.label(), Amount.of(row.initial()), Amount.of(row.adjustments()),
                    Amount.of(row.fullYear()), Amount.of(row.executed()), Amount.percent(row.executionRate()));
        }
    }

    /** One grouping table. */
    public record GroupTable(String key, String title, List<FigureRow> rows) {
    }

    /** One line's part of an adjustment, as listed under the waterfall. */
    public record AdjustmentLine(String documentNo, String date, String kind, String line, Amount amount,
            String reason) {
    }

    /** A finance bureau notice next to the ledger's figures at its date. */
    public record NoticeLine(String documentNo, String date, String requiredProgress, String publishedRate,
            String ledgerExecutionRate, String ledgerProgressRate) {
    }

    /** A month of the cumulative series. */
    public record MonthLine(int month, Amount inMonth, Amount toDate, String rateToDate, String required) {
    }

    /** 结转结余 at the basis. */
    public record CarryOver(Amount carryIn, Amount revenue, Amount expenditure, Amount withdrawn, Amount carryOut,
            Amount carryForward, Amount surplus, String rate53, String rateYearOverYear, boolean identityHolds,
            boolean closed, Amount carryOutAtClose, boolean changedSinceClose) {
    }

    /** A budget line with its names and the link to its vouchers in the timeline. */
    public record LineRow(FigureRow figures, String lineId, String names, String vouchersHref) {
    }

    private final YearQueries queries;
    private final YearPages pages;
    private final LedgerLines ledgerLines;

    public YearOverviewController(YearQueries queries, YearPages pages, LedgerLines ledgerLines) {
        this.queries = queries;
        this.pages = pages;
        this.ledgerLines = ledgerLines;
    }

    @GetMapping
    public String overview(@PathVariable String dept, @PathVariable int year,
            @RequestParam(required = false) String asOf, @RequestParam(required = false) String knownAt,
            Model model) {
        FiscalYearId id = pages.require(dept, year);
        BasisForm form = BasisForm.parse(asOf, knownAt);
        BasisResult<ExecutionReport> execution = queries.execution(id, form.asOf(), form.knownAt());
        // the carry-over at exactly the same basis (knownAt pinned to the instant the first query used)
        BasisResult<CarryOverReport> carryOver = queries.carryOver(id, execution.asOf(), execution.knownAt());
        ExecutionReport report = execution.result();

        model.addAttribute("pageTitle", "年度概览");
        model.addAttribute("active", "overview");
        model.addAttribute("header", pages.header(id));
        model.addAttribute("form", form);
        model.addAttribute("basisNote", pages.beforeFirstRecord(id, form.knownAt()));
        model.addAttribute("used", BasisForm.Used.of(execution, form));
        model.addAttribute("total", FigureRow.of(report.total()));
        model.addAttribute("fiscal", FigureRow.of(report.fiscalAppropriation()));
        Map<String, LedgerLines.LineView> lineViews = ledgerLines.of(id);
        List<AdjustmentLine> adjustments = adjustments(report, lineViews);
        model.addAttribute("adjustments", adjustments);
        model.addAttribute("notices", notices(report));
        model.addAttribute("months", months(report));
        model.addAttribute("averagePublished", Amount.percent(report.annualAverageExecutionRatePublished()));
        model.addAttribute("averageLedger", Amount.percent(report.annualAverageExecutionRateLedger()));
        model.addAttribute("carryOver", carryOver(carryOver.result()));
        model.addAttribute("groups", groups(report));
        String basePath = pages.header(id).basePath();
        model.addAttribute("lines", report.lines().stream().map(line -> new LineRow(FigureRow.of(line), line.key(),
                lineViews.containsKey(line.key()) ? lineViews.get(line.key()).label() : line.label(),
                org.springframework.web.util.UriComponentsBuilder.fromPath(basePath + "/events")
                        .queryParam("line", line.key()).queryParam("type", "ExpenditureRecorded")
                        .build().encode().toUriString())).toList());
        Map<String, Object> charts = new LinkedHashMap<>();
        charts.put("waterfall", waterfall(report));
        charts.put("execution", executionCurve(report, execution.asOf(), year));
        model.addAttribute("charts", ChartData.json(charts));
        return "ui/overview";
    }

    private static List<GroupTable> groups(ExecutionReport report) {
        List<GroupTable> tables = new ArrayList<>();
        GROUPINGS.forEach((key, title) -> {
            List<Row> rows = report.groupings().get(key);
            if (rows != null) {
                tables.add(new GroupTable(key, title, rows.stream().map(FigureRow::of).map(r -> named(key, r)).toList()));
            }
        });
        return tables;
    }

    /** A classification group's row with the code's name beside it ("经济分类 30217 公务接待费"). */
    private static FigureRow named(String grouping, FigureRow row) {
        String label = switch (grouping) {
            case "functionalClass" -> "功能分类 类 " + ClassificationNames.functionalLabel(row.key());
            case "functionalSection" -> "功能分类 款 " + ClassificationNames.functionalLabel(row.key());
            case "functionalItem" -> "功能分类 项 " + ClassificationNames.functionalPath(row.key());
            case "economic" -> "经济分类 " + ClassificationNames.economicLabel(row.key());
            case "project" -> row.label() + (row.key().equals(row.label()) ? "" : "（" + row.key() + "）");
            default -> row.label();
        };
        return new FigureRow(row.key(), label, row.initial(), row.adjustments(), row.fullYear(), row.executed(),
                row.executionRate());
    }

    private static List<AdjustmentLine> adjustments(ExecutionReport report, Map<String, LedgerLines.LineView> views) {
        Map<String, String> lineLabels = new LinkedHashMap<>();
        List<Adjustment> all = new ArrayList<>();
        for (Row line : report.lines()) {
            lineLabels.put(line.key(), views.containsKey(line.key()) ? views.get(line.key()).label() : line.label());
            all.addAll(line.adjustmentHistory());
        }
        all.sort(Comparator.comparing(Adjustment::effectiveDate).thenComparingLong(Adjustment::globalSequence));
        return all.stream().map(a -> new AdjustmentLine(a.documentNo(), String.valueOf(a.effectiveDate()),
                a.kind().chineseName(), a.lineId().value() + " " + lineLabels.getOrDefault(a.lineId().value(), ""),
                Amount.of(a.amount()), a.reason())).toList();
    }

    /**
     * The waterfall as stacked bars: a transparent base, the increases and the decreases. Per document (文号) the
     * increases and decreases of its lines are summed apart, so that a transfer (net zero) still shows what moved.
     */
    static Map<String, Object> waterfall(ExecutionReport report) {
        List<Adjustment> all = new ArrayList<>();
        report.lines().forEach(line -> all.addAll(line.adjustmentHistory()));
        all.sort(Comparator.comparing(Adjustment::effectiveDate).thenComparingLong(Adjustment::globalSequence));
        Map<String, BigDecimal[]> byDocument = new LinkedHashMap<>();
        Map<String, Adjustment> first = new LinkedHashMap<>();
        for (Adjustment a : all) {
            String key = a.documentNo() + "|" + a.effectiveDate();
            BigDecimal[] parts = byDocument.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            first.putIfAbsent(key, a);
            if (a.amount().yuan().signum() >= 0) {
                parts[0] = parts[0].add(a.amount().yuan());
            } else {
                parts[1] = parts[1].add(a.amount().yuan());
            }
        }
        WaterfallChart chart = new WaterfallChart(report.total().initial().yuan());
        for (Map.Entry<String, BigDecimal[]> entry : byDocument.entrySet()) {
            Adjustment a = first.get(entry.getKey());
            String doc = a.documentNo() == null ? "（无文号）" : a.documentNo();
            String tip = doc + " " + a.effectiveDate() + " " + a.kind().chineseName()
                    + (a.reason() == null ? "" : "：" + a.reason());
            chart.document(a.documentNo(), tip, entry.getValue()[0], entry.getValue()[1].negate());
        }
        BigDecimal running = chart.running();
        BigDecimal fullYear = report.total().fullYear().yuan();
        BigDecimal rest = fullYear.subtract(running);
        if (rest.signum() != 0) {
            // whatever else the full-year budget includes (e.g. carry-in where the rubric counts it)
            double b = rest.signum() > 0 ? running.doubleValue() : fullYear.doubleValue();
            chart.bar("其他", "全年预算中不属于调整文件的部分（如年初结转）", b, 0,
                    rest.signum() > 0 ? rest.doubleValue() : 0, rest.signum() < 0 ? rest.negate().doubleValue() : 0);
        }
        chart.bar("全年预算", "全年预算（调整后）", 0, fullYear.doubleValue(), 0, 0);
        return chart.toMap();
    }


    /** Cumulative execution rate by month against 序时进度 m/12, and the notices as points at their month. */
    static Map<String, Object> executionCurve(ExecutionReport report, java.time.LocalDate asOf, int year) {
        List<String> months = new ArrayList<>();
        List<Double> rate = new ArrayList<>();
        List<Double> required = new ArrayList<>();
        List<Double> executed = new ArrayList<>();
        // the curve stops at the basis: after the 评价基准日 nothing is known yet, a flat line would say "no spending"
        int lastMonth = asOf == null || asOf.getYear() > year ? 12 : asOf.getYear() < year ? 0 : asOf.getMonthValue();
        for (MonthPoint point : report.monthly()) {
            months.add(point.month() + "月");
            boolean known = point.month() <= lastMonth;
            rate.add(known ? percent(point.executionRateToDate()) : null);
            required.add(percent(point.requiredProgress()));
            executed.add(known ? point.executedToDate().yuan().doubleValue() : null);
        }
        List<Map<String, Object>> notices = new ArrayList<>();
        for (NoticePoint notice : report.notices()) {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("month", notice.date().getMonthValue() + "月");
            BigDecimal published = notice.publishedRate() == null || notice.requiredProgress() == null ? null
                    : notice.publishedRate().multiply(notice.requiredProgress());
            n.put("value", published == null ? percent(notice.ledgerExecutionRate()) : percent(published));
            n.put("documentNo", notice.documentNo());
            n.put("date", String.valueOf(notice.date()));
            n.put("required", Amount.percent(notice.requiredProgress()));
            n.put("published", Amount.percent(notice.publishedRate()));
            n.put("ledger", Amount.percent(notice.ledgerExecutionRate()));
            notices.add(n);
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("months", months);
        chart.put("rate", rate);
        chart.put("required", required);
        chart.put("executed", executed);
        chart.put("notices", notices);
        chart.put("basisMonth", lastMonth < 12 ? lastMonth + "月" : null);
        chart.put("basis", asOf == null ? null : asOf.toString());
        return chart;
    }

    private static Double percent(BigDecimal fraction) {
        return fraction == null ? null : cn.perfledger.projections.ledger.Rates.percent(fraction).doubleValue();
    }

    private static List<NoticeLine> notices(ExecutionReport report) {
        return report.notices().stream().map(n -> new NoticeLine(n.documentNo(), String.valueOf(n.date()),
                Amount.percent(n.requiredProgress()), Amount.percent(n.publishedRate()),
                Amount.percent(n.ledgerExecutionRate()), Amount.percent(n.ledgerProgressRate()))).toList();
    }

    private static List<MonthLine> months(ExecutionReport report) {
        return report.monthly().stream().map(m -> new MonthLine(m.month(), Amount.of(m.executedInMonth()),
                Amount.of(m.executedToDate()), Amount.percent(m.executionRateToDate()),
                Amount.percent(m.requiredProgress()))).toList();
    }

    private static CarryOver carryOver(CarryOverReport report) {
        CarryOverReport.Line t = report.total();
        Money identity = t.carryIn().plus(t.revenue()).minus(t.expenditure()).minus(t.withdrawn());
        return new CarryOver(Amount.of(t.carryIn()), Amount.of(t.revenue()), Amount.of(t.expenditure()),
                Amount.of(t.withdrawn()), Amount.of(t.carryOut()), Amount.of(report.carryForward()),
                Amount.of(report.surplus()), Amount.percent(report.carryOverRate53()),
                Amount.percent(report.carryOverRateYearOverYear()), identity.equals(t.carryOut()), report.closed(),
                Amount.of(report.carryOutRecordedAtClose()), report.changedSinceClose());
    }

    private static Map<String, String> groupings() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("fundingSource", "资金来源");
        map.put("basicOrProject", "基本支出 / 项目支出");
        map.put("expenditureKind", "支出类型（人员经费 / 公用经费 / 项目）");
        map.put("unit", "单位");
        map.put("project", "项目");
        map.put("functionalItem", "功能分类科目（项）");
        map.put("economic", "经济分类科目");
        map.put("threePublic", "“三公”经费");
        return map;
    }
}
