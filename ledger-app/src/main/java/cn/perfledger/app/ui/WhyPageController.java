package cn.perfledger.app.ui;

import cn.perfledger.projections.audit.EventTypeLabels;
import cn.perfledger.app.audit.AuditService;
import cn.perfledger.app.audit.AuditService.SubmissionSummary;
import cn.perfledger.app.command.NotFoundException;
import cn.perfledger.app.query.YearQueries;
import cn.perfledger.app.ui.AuditViews.EventView;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.projections.audit.Shortfall;
import cn.perfledger.projections.audit.WhyChanged;
import cn.perfledger.projections.basis.Basis;
import cn.perfledger.projections.evaluation.Display;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import static cn.perfledger.app.ui.ItemViews.basisQuery;
import static cn.perfledger.app.ui.ItemViews.item;
import static cn.perfledger.app.ui.ItemViews.shortfallRows;

import cn.perfledger.app.ui.ItemViews.ShortfallHead;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Why a score cell of the 自评表 (or the total, code {@code TOTAL}) changed between two bases: a waterfall of the
 * deltas per event group, the events in replay order, and the shortfall at the end basis. The start basis defaults
 * to the last submission as submitted. Answers come from {@link AuditService}.
 */
@Controller
@RequestMapping("/departments/{dept}/years/{year}/evaluation")
public class WhyPageController {

    /** More groups than this are merged per month and direction in the chart (the table still lists each). */
    static final int CHART_STEPS = 40;

    /** One group of events of the why-list and the change it caused. */
    public record StepRow(int number, boolean removed, String label, String typeLabel, String subject, String month,
            int eventCount, Amount money, String points, Amount netAmount, String delta, int sign, String exactDelta,
            List<EventView> events, int eventsNotListed) {
    }
    /** A why-page basis preset. */
    public record Preset(String label, String href) {
    }

    private final AuditService audit;
    private final YearQueries queries;
    private final YearPages pages;
    private final SubjectNames names;

    public WhyPageController(AuditService audit, YearQueries queries, YearPages pages, SubjectNames names) {
        this.audit = audit;
        this.queries = queries;
        this.pages = pages;
        this.names = names;
    }

    @GetMapping("/why")
    public String whyTotal(@PathVariable String dept, @PathVariable int year,
            @RequestParam(required = false) String fromAsOf, @RequestParam(required = false) String fromKnownAt,
            @RequestParam(required = false) String toAsOf, @RequestParam(required = false) String toKnownAt,
            Model model) {
        return why(dept, year, AuditViews.TOTAL, fromAsOf, fromKnownAt, toAsOf, toKnownAt, model);
    }

    @GetMapping("/items/{code}/why")
    public String why(@PathVariable String dept, @PathVariable int year, @PathVariable String code,
            @RequestParam(required = false) String fromAsOf, @RequestParam(required = false) String fromKnownAt,
            @RequestParam(required = false) String toAsOf, @RequestParam(required = false) String toKnownAt,
            Model model) {
        FiscalYearId id = pages.require(dept, year);
        String item = AuditViews.itemCode(code);
        BasisForm from = BasisForm.parse("fromAsOf", fromAsOf, "fromKnownAt", fromKnownAt);
        BasisForm to = BasisForm.parse("toAsOf", toAsOf, "toKnownAt", toKnownAt);
        // an empty start means "as the department submitted it": the last submission's basis, as submitted
        SubmissionSummary submission = from.asOfText() == null && from.knownAtText() == null ? lastSubmission(id)
                : null;
        LocalDate fromDate = submission != null ? submission.referenceDate()
                : from.asOf() != null ? from.asOf() : LocalDate.of(year, 1, 1);
        Instant fromKnown = submission != null ? submission.recordedAt() : from.knownAt();
        Basis a = basis(id, "fromAsOf", fromDate, fromKnown);
        Basis b = basis(id, "toAsOf", to.asOf(), to.knownAt());
        WhyChanged.Result why = item(() -> audit.why(id, item, a.asOf(), a.knownAt(), b.asOf(), b.knownAt()));
        YearPages.YearHeader header = pages.header(id);
        String toBasis = basisQuery(b);

        boolean total = AuditViews.TOTAL.equals(why.code());
        String name = why.name() != null ? why.name() : total ? "总分" : why.code();
        model.addAttribute("pageTitle", "得分变动原因 · " + name);
        model.addAttribute("active", "evaluation");
        model.addAttribute("header", header);
        model.addAttribute("action", AuditViews.itemPath(header.basePath(), why.code(), "/why"));
        model.addAttribute("code", why.code());
        model.addAttribute("name", name);
        model.addAttribute("total", total);
        model.addAttribute("fromForm", from);
        model.addAttribute("toForm", to);
        model.addAttribute("fromDefaulted", submission != null);
        model.addAttribute("submission", submission);
        model.addAttribute("fromUsed", BasisForm.Used.of(why.from(), from));
        model.addAttribute("toUsed", BasisForm.Used.of(why.to(), to));
        model.addAttribute("why", why);
        model.addAttribute("scoreFrom", AuditViews.number(why.scoreFrom()));
        model.addAttribute("scoreTo", AuditViews.number(why.scoreTo()));
        model.addAttribute("change", AuditViews.signed(why.change()));
        model.addAttribute("changeSign", why.change().signum());
        model.addAttribute("exactChange", why.exactChange() == null ? null : AuditViews.signed(why.exactChange()));
        List<StepRow> steps = steps(why);
        model.addAttribute("subjectNames", steps.isEmpty() ? Map.of() : names.of(id, b.asOf(), b.knownAt()));
        model.addAttribute("voucherBasis", toBasis);
        model.addAttribute("steps", steps);
        model.addAttribute("presets", presets(header.basePath(), why.code(), year, id));
        model.addAttribute("lineageHref", AuditViews.itemPath(header.basePath(), why.code(), "") + "?" + toBasis);
        Map<String, Object> charts = new LinkedHashMap<>();
        charts.put("why", chart(why));
        model.addAttribute("charts", ChartData.json(charts));
        model.addAttribute("chartMerged", why.steps().size() > CHART_STEPS);
        model.addAttribute("chartExact", exactChart(why));

        // the shortfall at the end basis, on the same page: "and why is it below its weight now?"
        // (absent when the item does not exist at B, e.g. B lies before the rubric was published)
        try {
            Shortfall.Result shortfall = audit.shortfall(id, item, b.asOf(), b.knownAt());
            model.addAttribute("shortfallHead", ShortfallHead.of(shortfall));
            model.addAttribute("shortfallRows", shortfallRows(shortfall, header.basePath(), toBasis));
        } catch (NotFoundException absentAtB) {
            model.addAttribute("shortfallHead", null);
        }
        model.addAttribute("shortfallHref", AuditViews.itemPath(header.basePath(), why.code(), "/shortfall") + "?"
                + toBasis);
        return "ui/why";
    }
    /** The basis of one side of the why page, with the side's field named when the date is before the year. */
    private Basis basis(FiscalYearId id, String field, LocalDate asOf, Instant knownAt) {
        try {
            return queries.basis(id, asOf, knownAt);
        } catch (DomainException e) {
            throw new DomainException(field, e.rule());
        }
    }

    private SubmissionSummary lastSubmission(FiscalYearId id) {
        List<SubmissionSummary> all = audit.submissions(id);
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    private static List<StepRow> steps(WhyChanged.Result why) {
        List<StepRow> rows = new ArrayList<>();
        int n = 0;
        for (WhyChanged.Step step : why.steps()) {
            n++;
            boolean points = AuditViews.pointsType(step.type());
            String typeLabel = EventTypeLabels.label(step.type());
            // (a removed group carries the 撤回 badge in front of its label)
            String label = step.eventCount() + " 笔" + typeLabel + (step.subject() == null ? "" : " · " + step.subject())
                    + " · " + step.month();
            rows.add(new StepRow(n, step.direction() == WhyChanged.Direction.REMOVED, label, typeLabel, step.subject(),
                    step.month(), step.eventCount(), points ? null : Amount.of(step.amountSum()),
                    points && step.amountSum() != null ? Display.number(step.amountSum()) + " 分" : null,
                    Amount.of(step.netAmount()), AuditViews.signed(step.delta()), step.delta().signum(),
                    step.exactDelta() == null ? null : AuditViews.signed(step.exactDelta()),
                    step.events().stream().map(EventView::of).toList(), step.eventCount() - step.events().size()));
        }
        return rows;
    }

    /**
     * The score waterfall: the start bar, one bar per group (a transparent base carrying the rise or fall), the end
     * bar. Beyond {@link #CHART_STEPS} groups, consecutive groups of one month and direction are merged into one bar,
     * which keeps the running sum exact (the table below lists every group).
     */
    static Map<String, Object> chart(WhyChanged.Result why) {
        // a leaf whose shown score did not move while its unrounded score did is drawn in unrounded scores:
        // otherwise the chart would show two equal bars and nothing in between
        boolean exact = exactChart(why);
        java.util.function.Function<WhyChanged.Step, BigDecimal> delta = exact
                ? step -> step.exactDelta() == null ? BigDecimal.ZERO : step.exactDelta() : WhyChanged.Step::delta;
        List<Bar> bars = new ArrayList<>();
        if (why.steps().size() <= CHART_STEPS) {
            int n = 0;
            for (WhyChanged.Step step : why.steps()) {
                n++;
                String who = step.subject() != null ? step.subject() : EventTypeLabels.label(step.type());
                String category = (step.direction() == WhyChanged.Direction.REMOVED ? "撤回 " : "") + who + "\n"
                        + step.month().substring(5) + "月";
                String tip = "第 " + n + " 组：" + (step.direction() == WhyChanged.Direction.REMOVED ? "撤回 " : "")
                        + step.eventCount() + " 笔" + EventTypeLabels.label(step.type())
                        + (step.subject() == null ? "" : "，" + step.subject()) + "，" + step.month()
                        + (step.eventCount() == 1 && step.events().get(0).reference() != null
                                ? "，" + step.events().get(0).reference() : "");
                bars.add(new Bar(category, tip, delta.apply(step)));
            }
        } else {
            String key = null;
            BigDecimal sum = BigDecimal.ZERO;
            int groups = 0;
            for (WhyChanged.Step step : why.steps()) {
                String k = step.direction() + " " + step.month();
                if (key != null && !key.equals(k)) {
                    bars.add(merged(key, groups, sum));
                    sum = BigDecimal.ZERO;
                    groups = 0;
                }
                key = k;
                sum = sum.add(delta.apply(step));
                groups++;
            }
            if (key != null) {
                bars.add(merged(key, groups, sum));
            }
        }
        WaterfallChart chart = new WaterfallChart("起点 A", "起点 A 的得分（评价基准日 " + why.from().asOf() + "）",
                exact ? why.exactFrom() : why.scoreFrom());
        for (Bar bar : bars) {
            chart.step(bar.category(), bar.tip() + "：" + AuditViews.signed(bar.delta()), bar.delta());
        }
        chart.total("终点 B", "终点 B 的得分（评价基准日 " + why.to().asOf() + "）", exact ? why.exactTo() : why.scoreTo());
        Map<String, Object> series = chart.toMap();
        series.put("exact", exact);
        return series;
    }

    static boolean exactChart(WhyChanged.Result why) {
        return why.change().signum() == 0 && why.exactChange() != null && why.exactChange().signum() != 0
                && why.exactFrom() != null && why.exactTo() != null;
    }

    /** A bar of the score waterfall. */
    private record Bar(String category, String tip, BigDecimal delta) {
    }

    /** Consecutive groups of one direction and month ({@code key} = "ADDED 2021-12") as one bar. */
    private static Bar merged(String key, int groups, BigDecimal sum) {
        boolean removed = key.startsWith(WhyChanged.Direction.REMOVED.name());
        String month = key.substring(key.indexOf(' ') + 1);
        return new Bar((removed ? "撤回 " : "") + month, (removed ? "撤回 " : "") + month + " 的 " + groups + " 组记录合计",
                sum);
    }

    private List<Preset> presets(String basePath, String code, int year, FiscalYearId id) {
        String why = AuditViews.itemPath(basePath, code, "/why");
        List<Preset> presets = new ArrayList<>();
        if (lastSubmission(id) != null) {
            presets.add(new Preset("提交时 → 现在", why));
        }
        presets.add(new Preset("6 月 30 日 → 12 月 31 日", why + "?fromAsOf=" + year + "-06-30&toAsOf=" + year + "-12-31"));
        presets.add(new Preset("11 月 30 日 → 12 月 31 日", why + "?fromAsOf=" + year + "-11-30&toAsOf=" + year
                + "-12-31"));
        presets.add(new Preset("年初 → 12 月 31 日", why + "?fromAsOf=" + year + "-01-01&toAsOf=" + year + "-12-31"));
        return presets;
    }
}
