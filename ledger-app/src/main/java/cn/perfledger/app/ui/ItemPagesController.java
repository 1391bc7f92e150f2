package cn.perfledger.app.ui;

import cn.perfledger.projections.audit.EventTypeLabels;
import cn.perfledger.app.audit.AuditService;
import cn.perfledger.app.ui.AuditViews.EventView;
import cn.perfledger.app.ui.EvaluationTable.FigureView;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.projections.audit.Lineage;
import cn.perfledger.projections.audit.Shortfall;
import cn.perfledger.projections.evaluation.Display;
import cn.perfledger.projections.scoring.Figure;
import java.util.ArrayList;
import java.util.List;
import static cn.perfledger.app.ui.ItemViews.basisQuery;
import static cn.perfledger.app.ui.ItemViews.item;
import static cn.perfledger.app.ui.ItemViews.links;
import static cn.perfledger.app.ui.ItemViews.shortfallRows;

import cn.perfledger.app.ui.ItemViews.ShortfallHead;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages behind one score cell of the 自评表 (or the total, code {@code TOTAL}): its lineage at a basis (rule,
 * inputs, the events each input rests on — totals per type and month, the events paged), the panel the 自评表
 * unfolds under a row, and why it is below its weight. Why it changed between two bases is {@link WhyPageController}.
 * All answers come from {@link AuditService}.
 */
@Controller
@RequestMapping("/departments/{dept}/years/{year}/evaluation")
public class ItemPagesController {

    static final int DEFAULT_SIZE = 50;
    static final List<Integer> SIZES = List.of(20, 50, 100, 200);
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

    private static final List<String> TYPE_ORDER = List.copyOf(EventTypeLabels.LABELS.keySet());
    private static final java.util.Comparator<Lineage.Summary> SUMMARY_ORDER = java.util.Comparator
            .comparing(Lineage.Summary::month).thenComparingInt(s -> {
                int at = TYPE_ORDER.indexOf(s.type());
                return at < 0 ? Integer.MAX_VALUE : at;
            });

    private final AuditService audit;
    private final YearPages pages;
    private final SubjectNames names;

    public ItemPagesController(AuditService audit, YearPages pages, SubjectNames names) {
        this.audit = audit;
        this.pages = pages;
        this.names = names;
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
            model.addAttribute("subjectNames", names.of(id, result.basis().asOf(), result.basis().knownAt()));
            model.addAttribute("voucherBasis", basis);
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

}
