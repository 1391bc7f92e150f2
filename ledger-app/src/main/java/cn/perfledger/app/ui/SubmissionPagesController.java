package cn.perfledger.app.ui;

import cn.perfledger.app.audit.AuditService;
import cn.perfledger.app.audit.AuditService.SubmissionSummary;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.projections.audit.SubmissionComparison;
import cn.perfledger.projections.audit.SubmissionComparison.Cell;
import cn.perfledger.projections.evaluation.Display;
import cn.perfledger.projections.scoring.Figure;
import cn.perfledger.projections.scoring.ScoredTable;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 自评提交: the submissions of a department-year, and one submission replayed as submitted (its reference date,
 * knownAt = the moment it was recorded) next to the same date as now known, every changed cell marked, with the
 * check that re-deriving the submitted table reproduces the digest stored with it — shown loudly when it does not.
 */
@Controller
@RequestMapping("/departments/{dept}/years/{year}/submissions")
public class SubmissionPagesController {

    /** A submission as listed. */
    public record SubmissionRow(int no, String referenceDate, String submittedOn, String recordedAt,
            String recordedAtIso, String submittedBy, String declaredTotal, String digest, String href) {

        static SubmissionRow of(SubmissionSummary s, String basePath) {
            return new SubmissionRow(s.submissionNo(), String.valueOf(s.referenceDate()),
                    String.valueOf(s.submittedOn()),
                    BasisForm.beijing(s.recordedAt()), s.recordedAt() == null ? null : s.recordedAt().toString(),
                    s.submittedBy(), s.declaredTotal() == null ? "—" : Display.number(s.declaredTotal()), s.digest(),
                    basePath + "/submissions/" + s.submissionNo());
        }
    }

    /**
     * A changed cell with the field named in Chinese. An input's two sides are also given structured (its value as
     * shown and its figures, money as {@link Amount} for the 元/万元 toggle); other cells as text.
     */
    public record CellView(String field, String asSubmitted, String asNowKnown, InputSide inputSubmitted,
            InputSide inputNow) {
    }

    /** One side of a changed input. */
    public record InputSide(String display, List<EvaluationTable.FigureView> figures) {
    }

    /** One row of the side-by-side table: an item (indented by level) with both scores and its changed cells. */
    public record ItemView(String code, String name, int level, String weight, String scoreAsSubmitted,
            String scoreAsNowKnown, boolean changed, boolean scoreChanged, List<CellView> changes, String whyHref,
            String lineageHref) {
    }

    private final AuditService audit;
    private final YearPages pages;

    public SubmissionPagesController(AuditService audit, YearPages pages) {
        this.audit = audit;
        this.pages = pages;
    }

    @GetMapping
    public String submissions(@PathVariable String dept, @PathVariable int year, Model model) {
        FiscalYearId id = pages.require(dept, year);
        YearPages.YearHeader header = pages.header(id);
        model.addAttribute("pageTitle", "自评提交");
        model.addAttribute("active", "submissions");
        model.addAttribute("header", header);
        model.addAttribute("submissions", audit.submissions(id).stream()
                .map(s -> SubmissionRow.of(s, header.basePath())).toList());
        return "ui/submissions";
    }

    @GetMapping("/{no}")
    public String comparison(@PathVariable String dept, @PathVariable int year, @PathVariable("no") int no,
            @RequestParam(defaultValue = "false") boolean changedOnly, Model model) {
        FiscalYearId id = pages.require(dept, year);
        YearPages.YearHeader header = pages.header(id);
        SubmissionComparison.Result result = audit.comparison(id, no);
        SubmissionSummary summary = audit.submissions(id).stream().filter(s -> s.submissionNo() == no)
                .reduce((a, b) -> b).orElseThrow();
        String base = header.basePath();
        String submitted = "fromAsOf=" + result.asSubmittedBasis().asOf() + "&fromKnownAt="
                + result.asSubmittedBasis().knownAt() + "&toAsOf=" + result.asNowKnownBasis().asOf() + "&toKnownAt="
                + result.asNowKnownBasis().knownAt();
        String nowBasis = "asOf=" + result.asNowKnownBasis().asOf() + "&knownAt=" + result.asNowKnownBasis().knownAt();
        List<ItemView> items = new ArrayList<>();
        for (SubmissionComparison.ItemRow row : result.items()) {
            if (changedOnly && !row.changed()) {
                continue;
            }
            boolean scoreChanged = row.changes().stream().anyMatch(c -> c.field().equals("score"));
            List<CellView> cells = row.changes().stream().map(c -> cell(c,
                    input(result.asSubmitted(), row.code(), c.field()), input(result.asNowKnown(), row.code(), c.field())))
                    .toList();
            items.add(new ItemView(row.code(), row.name(), row.level(), AuditViews.number(row.weight()),
                    AuditViews.number(row.scoreAsSubmitted()), AuditViews.number(row.scoreAsNowKnown()), row.changed(),
                    scoreChanged, cells,
                    AuditViews.itemPath(base, row.code(), "/why") + "?" + submitted,
                    AuditViews.itemPath(base, row.code(), "") + "?" + nowBasis));
        }
        model.addAttribute("pageTitle", "第 " + no + " 次自评提交：提交时与现在所知");
        model.addAttribute("active", "submissions");
        model.addAttribute("header", header);
        model.addAttribute("submission", SubmissionRow.of(summary, base));
        model.addAttribute("result", result);
        model.addAttribute("submittedKnownAt", BasisForm.beijing(result.asSubmittedBasis().knownAt()));
        model.addAttribute("nowKnownAt", BasisForm.beijing(result.asNowKnownBasis().knownAt()));
        model.addAttribute("tableChanges",
                result.tableChanges().stream().map(c -> cell(c, null, null)).toList());
        model.addAttribute("totalSubmitted", AuditViews.number(result.asSubmitted().total()));
        model.addAttribute("totalNow", AuditViews.number(result.asNowKnown().total()));
        model.addAttribute("declaredTotal",
                result.declaredTotal() == null ? null : Display.number(result.declaredTotal()));
        model.addAttribute("items", items);
        model.addAttribute("changedOnly", changedOnly);
        model.addAttribute("totalWhyHref", AuditViews.itemPath(base, AuditViews.TOTAL, "/why") + "?" + submitted);
        model.addAttribute("tableSubmittedHref", base + "/evaluation?asOf=" + result.asSubmittedBasis().asOf()
                + "&knownAt=" + result.asSubmittedBasis().knownAt());
        model.addAttribute("tableNowHref", base + "/evaluation?" + nowBasis);
        model.addAttribute("selfHref", base + "/submissions/" + no);
        return "ui/submission";
    }

    private static CellView cell(Cell cell, InputSide submitted, InputSide now) {
        return new CellView(fieldLabel(cell.field()), cell.asSubmitted() == null ? "（无）" : cell.asSubmitted(),
                cell.asNowKnown() == null ? "（无）" : cell.asNowKnown(), submitted, now);
    }

    /**
     * The input a cell {@code inputs[KIND:CODE]} names, looked up in one side's table: the comparison words it as
     * plain text with exact numbers, the page shows it like the 自评表 does (99.89%, 392,533,097.08).
     */
    private static InputSide input(ScoredTable table, String itemCode, String field) {
        if (table == null || !field.startsWith("inputs[") || !field.endsWith("]")) {
            return null;
        }
        String key = field.substring(7, field.length() - 1);
        return table.find(itemCode).flatMap(item -> item.inputs().stream()
                .filter(i -> (i.kind() + ":" + i.code()).equals(key)).findFirst())
                .map(i -> new InputSide(i.display(), i.figures().stream().map(f -> f.unit() == Figure.Unit.YUAN
                        && f.value() != null ? new EvaluationTable.FigureView(f.name(), Amount.of(f.value()), null)
                        : new EvaluationTable.FigureView(f.name(), null, f.display())).toList()))
                .orElse(null);
    }

    /** The comparison names cells as the API does ({@code score}, {@code inputs[LEDGER_METRIC:X]}); here in Chinese. */
    static String fieldLabel(String field) {
        if (field.startsWith("inputs[") && field.endsWith("]")) {
            String key = field.substring(7, field.length() - 1);
            int colon = key.indexOf(':');
            String kind = colon < 0 ? key : key.substring(0, colon);
            String code = colon < 0 ? "" : key.substring(colon + 1);
            String kindLabel;
            try {
                kindLabel = cn.perfledger.projections.scoring.InputKind.valueOf(kind).label();
            } catch (IllegalArgumentException e) {
                kindLabel = kind;
            }
            return "输入（" + kindLabel + "）" + code;
        }
        return switch (field) {
            case "total" -> "总分";
            case "grade" -> "绩效等级";
            case "rubricVersion" -> "评价体系版本";
            case "flags" -> "标记";
            case "item" -> "评分项";
            case "weight" -> "分值";
            case "score" -> "得分";
            case "exactScore" -> "未舍入得分";
            case "judgementBasis" -> "评分依据";
            default -> field;
        };
    }
}
