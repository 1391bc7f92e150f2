package cn.perfledger.app.ui;

import cn.perfledger.app.query.BasisResult;
import cn.perfledger.app.query.YearQueries;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.projections.evaluation.Display;
import cn.perfledger.projections.scoring.DeclaredTotal;
import cn.perfledger.projections.scoring.ScoredTable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 自评表 of a department-year at a basis chosen with two pickers — 评价基准日 (asOf) and 知悉时点 (knownAt, Beijing
 * time) — showing the basis actually used and the digest of the table, the total and grade, the declared total
 * next to it, and the table in the official column layout.
 */
@Controller
@RequestMapping("/departments/{dept}/years/{year}/evaluation")
public class EvaluationPageController {

    /** The declared total of the latest submission against the computed one. */
    public record Declared(String declaredTotal, String difference, boolean differs, int submissionNo,
            String submittedOn, String submittedBy, String referenceDate) {

        static Declared of(DeclaredTotal declared) {
            if (declared == null) {
                return null;
            }
            boolean differs = declared.difference() != null && declared.difference().signum() != 0;
            return new Declared(declared.declaredTotal() == null ? null : Display.number(declared.declaredTotal()),
                    declared.difference() == null ? null
                            : (declared.difference().signum() > 0 ? "+" : "")
                                    + declared.difference().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString(),
                    differs, declared.submissionNo(), String.valueOf(declared.submittedOn()), declared.submittedBy(),
                    String.valueOf(declared.referenceDate()));
        }
    }

    /** The part of a mid-year table that is due: its score against its weight, and on a 100 scale. */
    public record MidYear(String asOf, int notDueCount, String notDueWeight, String dueScore, String dueWeight,
            String dueOn100) {
    }

    /** A leaf's score now against the last submission's, with the link to why it moved. */
    public record SinceSubmission(String delta, int sign, String whyHref) {
    }

    private final YearQueries queries;
    private final YearPages pages;
    private final cn.perfledger.app.audit.AuditService audit;

    public EvaluationPageController(YearQueries queries, YearPages pages, cn.perfledger.app.audit.AuditService audit) {
        this.queries = queries;
        this.pages = pages;
        this.audit = audit;
    }

    @GetMapping
    public String evaluation(@PathVariable String dept, @PathVariable int year,
            @RequestParam(required = false) String asOf, @RequestParam(required = false) String knownAt,
            Model model) {
        FiscalYearId id = pages.require(dept, year);
        BasisForm form = BasisForm.parse(asOf, knownAt);
        model.addAttribute("pageTitle", "自评表");
        model.addAttribute("active", "evaluation");
        model.addAttribute("header", pages.header(id));
        model.addAttribute("form", form);
        model.addAttribute("basisNote", pages.beforeFirstRecord(id, form.knownAt()));
        Optional<BasisResult<ScoredTable>> scored = queries.scoredTable(id, form.asOf(), form.knownAt());
        if (scored.isEmpty()) {
            // the year exists but has no scored table at this basis: say so on the page, keep the pickers
            String before = pages.beforeFirstRecord(id, form.knownAt());
            model.addAttribute("missing", before != null ? before : YearQueries.NO_SCORED_TABLE);
            return "ui/evaluation";
        }
        BasisResult<ScoredTable> result = scored.get();
        ScoredTable table = result.result();
        model.addAttribute("used", BasisForm.Used.of(result, form));
        model.addAttribute("table", table);
        int scale = EvaluationTable.scoreScale(table.items(), table.total());
        model.addAttribute("total", EvaluationTable.score(table.total(), scale));
        model.addAttribute("declared", Declared.of(table.declared()));
        model.addAttribute("rows", EvaluationTable.rows(table.items(), scale));
        midYear(model, table, result.asOf(), year, scale);
        model.addAttribute("sinceSubmission", sinceSubmission(id, table, pages.header(id).basePath(),
                "toAsOf=" + result.asOf() + "&toKnownAt=" + result.knownAt()));
        // the download and the audit links carry the basis actually used, so they show this very table
        String basis = "asOf=" + result.asOf() + "&knownAt=" + result.knownAt();
        String base = pages.header(id).basePath();
        model.addAttribute("exportHref", base + "/export.xlsx?" + basis);
        model.addAttribute("totalLinks", ItemViews.links(base, AuditViews.TOTAL, basis,
                new cn.perfledger.projections.basis.Basis(result.asOf(), result.knownAt())));
        return "ui/evaluation";
    }

    /**
     * Before the year's 12-31 a leaf whose every input has no value yet (no judgement entered, no actual recorded,
     * no year-end figure) is 未到评价期: its 0 says nothing about performance. Those leaves are marked, and the page
     * says what the due part scores, so that a mid-year replay is not read as a grade.
     */
    static void midYear(Model model, ScoredTable table, java.time.LocalDate asOf, int year, int scale) {
        java.util.Set<String> notDue = new java.util.LinkedHashSet<>();
        if (asOf == null || !asOf.isBefore(java.time.LocalDate.of(year, 12, 31))) {
            model.addAttribute("notDue", notDue);
            model.addAttribute("midYear", null);
            return;
        }
        java.math.BigDecimal notDueWeight = java.math.BigDecimal.ZERO;
        java.math.BigDecimal dueWeight = java.math.BigDecimal.ZERO;
        java.math.BigDecimal dueScore = java.math.BigDecimal.ZERO;
        for (cn.perfledger.projections.scoring.ScoredItem top : table.items()) {
            for (cn.perfledger.projections.scoring.ScoredItem leaf : top.flatten()) {
                if (!leaf.leaf() || leaf.weight() == null) {
                    continue;
                }
                boolean noValue = !leaf.inputs().isEmpty() && leaf.inputs().stream().allMatch(in -> in.value() == null);
                if (noValue) {
                    notDue.add(leaf.code());
                    notDueWeight = notDueWeight.add(leaf.weight());
                } else if (leaf.weight().signum() > 0) {
                    dueWeight = dueWeight.add(leaf.weight());
                    dueScore = dueScore.add(leaf.score() == null ? java.math.BigDecimal.ZERO : leaf.score());
                }
            }
        }
        String on100 = dueWeight.signum() == 0 ? "—" : dueScore.multiply(java.math.BigDecimal.valueOf(100))
                .divide(dueWeight, Math.max(scale, 0), java.math.RoundingMode.HALF_UP).toPlainString();
        model.addAttribute("notDue", notDue);
        model.addAttribute("midYear", new MidYear(asOf.toString(), notDue.size(), EvaluationTable.number(notDueWeight),
                EvaluationTable.score(dueScore, scale), EvaluationTable.number(dueWeight), on100));
    }

    /**
     * Per leaf, how its score differs from the last submission's table (as submitted: its 评价基准日, known at its
     * recorded time), so that a dropped score is visible in the table and one click from why it dropped.
     */
    private Map<String, SinceSubmission> sinceSubmission(FiscalYearId id, ScoredTable now, String basePath,
            String toBasis) {
        Map<String, SinceSubmission> deltas = new java.util.HashMap<>();
        List<cn.perfledger.app.audit.AuditService.SubmissionSummary> submissions = audit.submissions(id);
        if (submissions.isEmpty()) {
            return deltas;
        }
        var last = submissions.get(submissions.size() - 1);
        Optional<BasisResult<ScoredTable>> then = queries.scoredTable(id, last.referenceDate(), last.recordedAt());
        if (then.isEmpty()) {
            return deltas;
        }
        for (cn.perfledger.projections.scoring.ScoredItem top : now.items()) {
            for (cn.perfledger.projections.scoring.ScoredItem leaf : top.flatten()) {
                if (!leaf.leaf() || leaf.score() == null) {
                    continue;
                }
                then.get().result().find(leaf.code()).map(cn.perfledger.projections.scoring.ScoredItem::score)
                        .ifPresent(before -> {
                            java.math.BigDecimal change = leaf.score().subtract(before);
                            if (change.signum() != 0) {
                                deltas.put(leaf.code(), new SinceSubmission(AuditViews.signed(change), change.signum(),
                                        AuditViews.itemPath(basePath, leaf.code(), "/why") + "?" + toBasis));
                            }
                        });
            }
        }
        return deltas;
    }
}
