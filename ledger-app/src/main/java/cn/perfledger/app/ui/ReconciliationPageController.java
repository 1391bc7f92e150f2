package cn.perfledger.app.ui;

import cn.perfledger.app.query.BasisResult;
import cn.perfledger.app.reconciliation.ReconciliationQueries;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.domain.common.Money;
import cn.perfledger.projections.reconciliation.Classification;
import cn.perfledger.projections.reconciliation.ReconciliationReport;
import cn.perfledger.projections.reconciliation.ReconciliationReport.DeclaredFigureResult;
import cn.perfledger.projections.reconciliation.ReconciliationReport.IdentityCheck;
import cn.perfledger.projections.reconciliation.ReconciliationReport.LineWaterfall;
import cn.perfledger.projections.reconciliation.ReconciliationReport.Step;
import cn.perfledger.projections.reconciliation.Verdict;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * 对账 of a department-year at a basis (DOMAIN.md §8): the adjustment waterfall per budget line and in total with
 * its identity, the identities of the final accounts, and every figure a published document prints against the
 * ledger (and against its own printed operands), classified — 一致 / 尾数误差 / 单位错写 / 比率倒置 / 两数互换 /
 * 不符 — with the Chinese explanation; what needs attention is marked.
 */
@Controller
@RequestMapping("/departments/{dept}/years/{year}/reconciliation")
public class ReconciliationPageController {

    /** One adjustment of a line's (or the total's) waterfall. */
    public record StepRow(String kind, String documentNo, String reason, String date, Amount amount, Amount running) {

        static StepRow of(Step s) {
            return new StepRow(s.kind(), s.documentNo(), s.reason(), String.valueOf(s.effectiveDate()),
                    Amount.of(s.amount()), Amount.of(s.runningTotal()));
        }
    }

    /** A line's (or the total's) waterfall. */
    public record LineRow(String lineId, String label, Amount initial, Amount adjustments, Amount fullYear,
            boolean holds, List<StepRow> steps) {

        static LineRow of(LineWaterfall w) {
            return new LineRow(w.lineId(), w.label(), Amount.of(w.initial()), Amount.of(w.adjustments()),
                    Amount.of(w.fullYear()), w.holds(), w.steps().stream().map(StepRow::of).toList());
        }
    }

    /** An identity with both sides. */
    public record IdentityRow(String code, String name, String leftLabel, Amount left, String rightLabel, Amount right,
            Amount difference, boolean holds, String explanation) {

        static IdentityRow of(IdentityCheck i) {
            return new IdentityRow(i.code(), i.name(), i.leftLabel(), Amount.of(i.left()), i.rightLabel(),
                    Amount.of(i.right()), i.holds() ? null : Amount.of(i.left().subtract(i.right())), i.holds(),
                    i.explanation());
        }
    }

    /** A verdict in words: classification, expected value in the printed unit, explanation. */
    public record VerdictView(String classification, String css, String expected, String difference,
            String explanation) {

        static VerdictView of(Verdict v, String unit) {
            if (v == null) {
                return null;
            }
            boolean money = unit.contains("元");
            // percentages to two decimals like everywhere else; the verdict itself compared at the printed precision
            BigDecimal expected = v.expected() == null || !unit.contains("%") ? v.expected()
                    : v.expected().setScale(2, java.math.RoundingMode.HALF_UP);
            return new VerdictView(v.classification().chineseName(),
                    ReconciliationPageController.css(v.classification()),
                    expected == null ? null : shown(expected, money) + unit,
                    v.difference() == null ? null : (v.difference().signum() > 0 ? "+" : v.difference().signum() < 0
                            ? "−" : "") + shown(v.difference().abs(), money),
                    v.explanation());
        }
    }

    /** One declared figure checked. */
    public record DeclaredRow(String figureId, String document, String item, String printedValue, String unit,
            String ledgerFigure, String ledgerFigureLabel, String classification, String css, boolean alarm,
            boolean note, VerdictView ledger, String structureKind, VerdictView structure) {
    }

    private final ReconciliationQueries queries;
    private final YearPages pages;
    private final SubjectNames names;

    public ReconciliationPageController(ReconciliationQueries queries, YearPages pages, SubjectNames names) {
        this.names = names;
        this.queries = queries;
        this.pages = pages;
    }

    @GetMapping
    public String reconciliation(@PathVariable String dept, @PathVariable int year,
            @RequestParam(required = false) String asOf, @RequestParam(required = false) String knownAt,
            @RequestParam(defaultValue = "false") boolean flaggedOnly, Model model) {
        FiscalYearId id = pages.require(dept, year);
        BasisForm form = BasisForm.parse(asOf, knownAt);
        BasisResult<ReconciliationReport> result = queries.reconciliation(id, form.asOf(), form.knownAt());
        ReconciliationReport report = result.result();
        YearPages.YearHeader header = pages.header(id);

        Map<String, String> itemNames = names.of(id, result.asOf(), result.knownAt());
        List<DeclaredRow> declared = new ArrayList<>();
        for (DeclaredFigureResult r : report.declaredFigures()) {
            if (flaggedOnly && !r.alarm() && r.classification() != Classification.ROUNDING) {
                continue;
            }
            String unit = r.unitAsPrinted() == null ? "" : r.unitAsPrinted();
            // the printed text often carries its unit already ("87.19%", "18,977.96万元"): not twice
            String unitShown = r.printedValue() != null && r.printedValue().strip().endsWith(unit) ? "" : unit;
            declared.add(new DeclaredRow(r.figureId(), r.document(), r.item(), r.printedValue(), unitShown,
                    r.ledgerFigure(), named(r.ledgerFigureLabel(), itemNames), r.classification().chineseName(),
                    css(r.classification()),
                    r.alarm(), r.classification() == Classification.ROUNDING, VerdictView.of(r.ledger(), unit),
                    structureLabel(r.structureKind()), VerdictView.of(r.structure(), unit)));
        }
        List<LineRow> lines = report.waterfall().lines().stream().map(LineRow::of).toList();
        String self = header.basePath() + "/reconciliation";

        model.addAttribute("pageTitle", "对账");
        model.addAttribute("active", "reconciliation");
        model.addAttribute("header", header);
        model.addAttribute("form", form);
        model.addAttribute("basisNote", pages.beforeFirstRecord(id, form.knownAt()));
        model.addAttribute("used", BasisForm.Used.of(result, form));
        model.addAttribute("summary", report.summary());
        model.addAttribute("total", LineRow.of(report.waterfall().total()));
        model.addAttribute("lines", lines);
        model.addAttribute("linesFailing", lines.stream().filter(l -> !l.holds()).count());
        model.addAttribute("linesAdjusted", lines.stream().filter(l -> !l.steps().isEmpty()).count());
        // the failing identities are shown, the holding ones (dozens: one per functional class) fold away
        List<IdentityRow> identities = report.identities().stream().map(IdentityRow::of).toList();
        List<IdentityRow> failing = identities.stream().filter(i -> !i.holds()).toList();
        List<IdentityRow> ordered = new ArrayList<>(failing);
        identities.stream().filter(IdentityRow::holds).forEach(ordered::add);
        model.addAttribute("identitiesFailing", failing.size());
        model.addAttribute("identities", ordered);
        model.addAttribute("declared", declared);
        model.addAttribute("flaggedOnly", flaggedOnly);
        model.addAttribute("conflicts", report.conflicts());
        model.addAttribute("selfHref", self + "?" + BasisForm.Used.of(result, form).permalinkQuery());
        Map<String, Object> charts = new LinkedHashMap<>();
        charts.put("reconciliation", waterfall(report.waterfall().lines(), report.waterfall().total()));
        model.addAttribute("charts", ChartData.json(charts));
        return "ui/reconciliation";
    }

    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Z][A-Za-z0-9._@\\-]*[A-Za-z0-9]");

    /** A label naming rubric items by code ("自评得分 M.FUND.REVENUE-VARIANCE·…") with each item's name beside it. */
    static String named(String label, Map<String, String> names) {
        if (label == null) {
            return null;
        }
        java.util.regex.Matcher m = CODE.matcher(label);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = names.get(m.group());
            String shown = name != null && name.startsWith("评分项：")
                    ? m.group() + "（" + name.substring("评分项：".length()) + "）" : m.group();
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(shown));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Alarm (red), note (尾数误差, amber), agreement (green), not comparable here (grey). */
    static String css(Classification c) {
        if (c.alarm()) {
            return "cls-alarm";
        }
        return switch (c) {
            case EQUAL -> "cls-equal";
            case ROUNDING -> "cls-note";
            default -> "cls-none";
        };
    }

    private static String structureLabel(String kind) {
        if (kind == null) {
            return null;
        }
        return switch (kind) {
            case "SUM" -> "合计与分项";
            case "RATIO" -> "比率与分子分母";
            case "GROWTH" -> "增长率";
            default -> kind;
        };
    }

    /** Amounts in 元/万元 with thousands separators and at least two decimals, as the seeds print them. */
    private static String shown(BigDecimal value, boolean money) {
        if (!money) {
            return value.stripTrailingZeros().toPlainString();
        }
        BigDecimal v = value.stripTrailingZeros();
        int scale = Math.max(2, v.scale());
        return String.format(java.util.Locale.ROOT, "%,." + scale + "f", v);
    }

    /**
     * The total waterfall as the overview draws it (a transparent base, the increases, the decreases): per 文号 and
     * date the increases and decreases of its lines are summed apart, so that a 调剂 (net zero in total) still
     * shows what moved. Built from the report's per-line steps, so chart and tables are one computation.
     */
    static Map<String, Object> waterfall(List<LineWaterfall> lines, LineWaterfall total) {
        Map<String, BigDecimal[]> byDocument = new LinkedHashMap<>();
        Map<String, Step> first = new LinkedHashMap<>();
        List<Step> all = new ArrayList<>();
        lines.forEach(l -> all.addAll(l.steps()));
        all.sort(java.util.Comparator.comparing(Step::effectiveDate, java.util.Comparator.nullsFirst(
                java.util.Comparator.<LocalDate>naturalOrder())));
        for (Step s : all) {
            String key = s.documentNo() + "|" + s.effectiveDate();
            BigDecimal[] parts = byDocument.computeIfAbsent(key,
                    k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            first.putIfAbsent(key, s);
            BigDecimal v = s.amount().yuan();
            if (v.signum() >= 0) {
                parts[0] = parts[0].add(v);
            } else {
                parts[1] = parts[1].add(v.negate());
            }
        }
        WaterfallChart chart = new WaterfallChart(total.initial().yuan());
        for (Map.Entry<String, BigDecimal[]> e : byDocument.entrySet()) {
            Step s = first.get(e.getKey());
            String doc = s.documentNo() == null ? "（无文号）" : s.documentNo();
            String tip = doc + " " + s.effectiveDate() + " " + s.kind() + (s.reason() == null ? "" : "：" + s.reason());
            chart.document(s.documentNo(), tip, e.getValue()[0], e.getValue()[1]);
        }
        Money fullYear = total.fullYear();
        chart.bar("全年预算", "全年预算（调整后）" + (total.holds() ? "" : "：与年初 + Σ 调整不等！"), 0,
                fullYear.yuan().doubleValue(), 0, 0);
        return chart.toMap();
    }
}
