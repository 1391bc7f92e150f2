package cn.perfledger.app.ui;

import cn.perfledger.projections.audit.EventTypeLabels;
import cn.perfledger.app.audit.AuditService;
import cn.perfledger.app.audit.AuditService.SubmissionSummary;
import cn.perfledger.app.command.NotFoundException;
import cn.perfledger.app.query.YearQueries;
import cn.perfledger.app.ui.AuditViews.EventView;
import cn.perfledger.app.ui.EvaluationTable.FigureView;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.projections.audit.Lineage;
import cn.perfledger.projections.audit.Shortfall;
import cn.perfledger.projections.audit.WhyChanged;
import cn.perfledger.projections.basis.Basis;
import cn.perfledger.projections.evaluation.Display;
import cn.perfledger.projections.evaluation.Flag;
import cn.perfledger.projections.scoring.Figure;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages behind one score cell of the 自评表 (or the total, code {@code TOTAL}): its lineage at a basis (rule,
 * inputs, the events each input rests on — totals per type and month, the events paged), the panel the 自评表
 * unfolds under a row, why it changed between two bases (a waterfall of the deltas per event group and the events
 * in replay order), and why it is below its weight. All answers come from {@link AuditService}.
 */
@Controller
@RequestMapping("/departments/{dept}/years/{year}/evaluation")
public class ItemPagesController {

    static final int DEFAULT_SIZE = 50;
    static final List<Integer> SIZES = List.of(20, 50, 100, 200);
    /** More groups than this are merged per month and direction in the chart (the table still lists each). */
    static final int CHART_STEPS = 40;

    /** The item as the page head shows it. */
    public record ItemHead(String code, String name, boolean total, boolean leaf, String weight, String score,
            String exactScore, boolean belowWeight) {
    }

    /** Totals of one event type in one month. */
    public record SummaryRow(String typeLabel, String month, int count, Amount money, String points) {
    }

    /** An input with its value, its figures and the events it rests on. */
    public record InputPanel(int number, String kindLabel, String code, String name, String display,
            List<FigureView> figures, List<SummaryRow> summary, int totalEvents, boolean selected, String eventsHref) {
    }

    /** A child of a group (or a top-level item of the total). */
    public record ChildRow(String code, String name, String weight, String score, boolean belowWeight,
            String lineageHref, String whyHref) {
    }

    /** One group of events of the why-list and the change it caused. */
    public record StepRow(int number, boolean removed, String label, String typeLabel, String subject, String month,
            int eventCount, Amount money, String points, Amount netAmount, String delta, int sign, String exactDelta,
            List<EventView> events, int eventsNotListed) {
    }

    /** One leaf below its weight. */
    public record ShortfallRow(String code, String name, String weight, String score, String shortBy, String rule,
            String input, String threshold, String gap, String explanation, List<Flag> flags, String lineageHref) {
    }

    /** The head of a shortfall answer. */
    public record ShortfallHead(String code, String name, boolean total, String asOf, String knownAt, String score,
            String weight) {

        static ShortfallHead of(Shortfall.Result result) {
            return new ShortfallHead(result.code(), result.name(), AuditViews.TOTAL.equals(result.code()),
                    result.basis().asOf().toString(), BasisForm.beijing(result.basis().knownAt()),
                    AuditViews.number(result.score()), AuditViews.number(result.weight()));
        }
    }

    /** A why-page basis preset. */
    public record Preset(String label, String href) {
    }

    private static final List<String> TYPE_ORDER = List.copyOf(EventTypeLabels.LABELS.keySet());
    private static final java.util.Comparator<Lineage.Summary> SUMMARY_ORDER = java.util.Comparator
            .comparing(Lineage.Summary::month).thenComparingInt(s -> {
                int at = TYPE_ORDER.indexOf(s.type());
                return at < 0 ? Integer.MAX_VALUE : at;
            });

    private final AuditService audit;
    private final YearQueries queries;
    private final YearPages pages;

    public ItemPagesController(AuditService audit, YearQueries queries, YearPages pages) {
        this.audit = audit;
        this.queries = queries;
        this.pages = pages;
    }

    // --- lineage ------------------------------------------------------------------------------------------------

    @GetMapping("/items/{code}")
    public String lineage(@PathVariable String dept, @PathVariable int year, @PathVariable String code,
            @RequestParam(required = false) String asOf, @RequestParam(required = false) String knownAt,
            @RequestParam(required = false) String input, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + DEFAULT_SIZE) int size, Model model) {
        FiscalYearId id = pages.require(dept, year);
        String item = AuditViews.itemCode(code);
        BasisForm form = BasisForm.parse(asOf, knownAt);
        Lineage.Result result = item(() -> audit.lineage(id, item, form.asOf(), form.knownAt(), page, size));
        YearPages.YearHeader header = pages.header(id);
        String basis = basisQuery(result.basis());
        String self = AuditViews.itemPath(header.basePath(), result.code(), "");

        int selected = selectedInput(input, result.inputs());
        List<InputPanel> inputs = inputs(result, self + "?" + basis, size, selected);
        model.addAttribute("pageTitle", "得分溯源 · " + result.name());
        model.addAttribute("active", "evaluation");
        model.addAttribute("header", header);
        model.addAttribute("form", form);
        model.addAttribute("used", BasisForm.Used.of(result.basis(), form));
        model.addAttribute("action", self);
        model.addAttribute("item", head(result));
        model.addAttribute("lineage", result);
        model.addAttribute("rubricEvent", result.rubricEvent() == null ? null : EventView.of(result.rubricEvent()));
        model.addAttribute("inputs", inputs);
        model.addAttribute("children", children(result, header.basePath(), basis));
        model.addAttribute("links", links(header.basePath(), result.code(), basis, result.basis()));
        if (selected >= 0) {
            Lineage.InputLineage in = result.inputs().get(selected);
            Lineage.Page events = in.events();
            model.addAttribute("selectedInput", inputs.get(selected));
            model.addAttribute("events", events.events().stream().map(EventView::of).toList());
            model.addAttribute("eventsPage", events);
            String href = self + "?" + basis + "&input=" + (selected + 1) + "&size=" + size;
            model.addAttribute("pager", Pager.links(page, events.totalPages(), p -> href + "&page=" + p));
            model.addAttribute("sizeHref", self + "?" + basis + "&input=" + (selected + 1));
        }
        model.addAttribute("size", size);
        model.addAttribute("sizes", SIZES);
        return "ui/item";
    }

    /** The lineage panel the 自评表 unfolds under a row (fetched when first opened): rule, inputs, event totals. */
    @GetMapping("/items/{code}/panel")
    public String panel(@PathVariable String dept, @PathVariable int year, @PathVariable String code,
            @RequestParam(required = false) String asOf, @RequestParam(required = false) String knownAt,
            Model model) {
        FiscalYearId id = pages.require(dept, year);
        String item = AuditViews.itemCode(code);
        BasisForm form = BasisForm.parse(asOf, knownAt);
        // one event per input is enough: the panel shows the totals and links to the paged events
        Lineage.Result result = item(() -> audit.lineage(id, item, form.asOf(), form.knownAt(), 0, 1));
        YearPages.YearHeader header = pages.header(id);
        String basis = basisQuery(result.basis());
        String self = AuditViews.itemPath(header.basePath(), result.code(), "");
        model.addAttribute("header", header);
        model.addAttribute("item", head(result));
        model.addAttribute("lineage", result);
        model.addAttribute("inputs", inputs(result, self + "?" + basis, DEFAULT_SIZE, -1));
        model.addAttribute("links", links(header.basePath(), result.code(), basis, result.basis()));
        return "ui/item-panel :: panel";
    }

    // --- why ----------------------------------------------------------------------------------------------------

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

    // --- shortfall ----------------------------------------------------------------------------------------------

    @GetMapping("/items/{code}/shortfall")
    public String shortfall(@PathVariable String dept, @PathVariable int year, @PathVariable String code,
            @RequestParam(required = false) String asOf, @RequestParam(required = false) String knownAt,
            Model model) {
        FiscalYearId id = pages.require(dept, year);
        String item = AuditViews.itemCode(code);
        BasisForm form = BasisForm.parse(asOf, knownAt);
        Shortfall.Result result = item(() -> audit.shortfall(id, item, form.asOf(), form.knownAt()));
        YearPages.YearHeader header = pages.header(id);
        String basis = basisQuery(result.basis());
        model.addAttribute("pageTitle", "未得满分原因 · " + result.name());
        model.addAttribute("active", "evaluation");
        model.addAttribute("header", header);
        model.addAttribute("form", form);
        model.addAttribute("used", BasisForm.Used.of(result.basis(), form));
        model.addAttribute("action", AuditViews.itemPath(header.basePath(), result.code(), "/shortfall"));
        model.addAttribute("shortfallHead", ShortfallHead.of(result));
        model.addAttribute("shortfallRows", shortfallRows(result, header.basePath(), basis));
        model.addAttribute("links", links(header.basePath(), result.code(), basis, result.basis()));
        return "ui/shortfall";
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    /** The audit service names an unknown item with the field "code"; on these pages the path names the item. */
    private static <T> T item(Supplier<T> call) {
        try {
            return call.get();
        } catch (NotFoundException e) {
            if ("code".equals(e.field())) {
                throw new NotFoundException("item", e.rule());
            }
            throw e;
        }
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

    static String basisQuery(Basis basis) {
        return "asOf=" + basis.asOf() + "&knownAt=" + basis.knownAt();
    }

    /** The links from an item to its other pages, all at the basis shown (the why page ends at it). */
    static Map<String, String> links(String basePath, String code, String basis, Basis at) {
        Map<String, String> links = new LinkedHashMap<>();
        links.put("lineage", AuditViews.itemPath(basePath, code, "") + "?" + basis);
        links.put("why", AuditViews.itemPath(basePath, code, "/why") + "?toAsOf=" + at.asOf() + "&toKnownAt="
                + at.knownAt());
        links.put("shortfall", AuditViews.itemPath(basePath, code, "/shortfall") + "?" + basis);
        links.put("table", basePath + "/evaluation?" + basis + (AuditViews.TOTAL.equals(code) ? "" : "#item-" + code));
        return links;
    }

    private static ItemHead head(Lineage.Result result) {
        boolean total = AuditViews.TOTAL.equals(result.code());
        return new ItemHead(result.code(), result.name(), total, !total && result.children().isEmpty(),
                AuditViews.number(result.weight()), AuditViews.number(result.score()),
                result.exactScore() == null ? null : Display.number(result.exactScore()),
                result.weight() != null && result.score() != null && result.score().compareTo(result.weight()) < 0);
    }

    private static int selectedInput(String input, List<Lineage.InputLineage> inputs) {
        if (input == null || input.isBlank()) {
            for (int i = 0; i < inputs.size(); i++) {
                if (inputs.get(i).events().totalEvents() > 0) {
                    return i;
                }
            }
            return inputs.isEmpty() ? -1 : 0;
        }
        int number;
        try {
            number = Integer.parseInt(input.strip());
        } catch (NumberFormatException e) {
            number = -1;
        }
        if (number < 1 || number > inputs.size()) {
            throw new DomainException("input", "应为输入的序号 1–" + inputs.size() + "，收到「"
                    + (input.length() > 20 ? input.substring(0, 20) + "…" : input) + "」");
        }
        return number - 1;
    }

    private static List<InputPanel> inputs(Lineage.Result result, String selfWithBasis, int size, int selected) {
        List<InputPanel> panels = new ArrayList<>();
        for (int i = 0; i < result.inputs().size(); i++) {
            Lineage.InputLineage in = result.inputs().get(i);
            // by month, and inside a month in the order a year records its events (the timeline's type order)
            List<SummaryRow> summary = in.summary().stream().sorted(SUMMARY_ORDER).map(s -> new SummaryRow(
                    EventTypeLabels.label(s.type()),
                    s.month(), s.count(), AuditViews.pointsType(s.type()) ? null : Amount.of(s.amountSum()),
                    AuditViews.pointsType(s.type()) && s.amountSum() != null ? Display.number(s.amountSum()) + " 分"
                            : null)).toList();
            List<FigureView> figures = in.figures().stream().map(ItemPagesController::figure).toList();
            panels.add(new InputPanel(i + 1, in.kindLabel(), in.code(), in.name(), in.display(), figures, summary,
                    in.events().totalEvents(), i == selected, selfWithBasis + "&input=" + (i + 1) + "&size=" + size
                            + "#events"));
        }
        return panels;
    }

    private static FigureView figure(Figure figure) {
        if (figure.unit() == Figure.Unit.YUAN && figure.value() != null) {
            return new FigureView(figure.name(), Amount.of(figure.value()), null);
        }
        return new FigureView(figure.name(), null, figure.display());
    }

    private static List<ChildRow> children(Lineage.Result result, String basePath, String basis) {
        return result.children().stream().map(c -> new ChildRow(c.code(), c.name(), AuditViews.number(c.weight()),
                AuditViews.number(c.score()),
                c.score() != null && c.weight() != null && c.score().compareTo(c.weight()) < 0,
                AuditViews.itemPath(basePath, c.code(), "") + "?" + basis,
                AuditViews.itemPath(basePath, c.code(), "/why") + "?toAsOf=" + result.basis().asOf() + "&toKnownAt="
                        + result.basis().knownAt())).toList();
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
        return new Bar((removed ? "撤回 " : "") + month, (removed ? "撤回 " : "") + month + " 的 " + groups + " 组事件合计",
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

    private static List<ShortfallRow> shortfallRows(Shortfall.Result result, String basePath, String basis) {
        return result.items().stream().map(i -> new ShortfallRow(i.code(), i.name(), AuditViews.number(i.weight()),
                AuditViews.number(i.score()), AuditViews.number(i.shortBy()), i.ruleLabel(),
                i.inputName() == null ? null : i.inputName() + (i.inputDisplay() == null ? "" : "：" + i.inputDisplay()),
                i.thresholdDisplay(), gap(i.gap(), i.gapUnit()), percentagePoints(i.explanation()), i.flags(),
                AuditViews.itemPath(basePath, i.code(), "") + "?" + basis)).toList();
    }

    private static final java.util.regex.Pattern POINTS = java.util.regex.Pattern.compile("(\\d+\\.\\d{3,}) 个百分点");

    /** A gap in percentage points is shown with two decimals like every percentage; other units as they are. */
    private static String gap(BigDecimal gap, String unit) {
        if (gap == null) {
            return null;
        }
        boolean points = "个百分点".equals(unit);
        return (points ? gap.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() : Display.number(gap)) + " "
                + (unit == null ? "" : unit);
    }

    /**
     * The projection words its explanation with the exact gap ("差 0.1063507832 个百分点", exact on purpose for the
     * API); the page rounds percentage points to two decimals, half-up, as it does every percentage.
     */
    static String percentagePoints(String text) {
        if (text == null) {
            return null;
        }
        java.util.regex.Matcher m = POINTS.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, new BigDecimal(m.group(1)).setScale(2, java.math.RoundingMode.HALF_UP)
                    .toPlainString() + " 个百分点");
        }
        m.appendTail(out);
        return out.toString();
    }
}
