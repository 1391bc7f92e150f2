package cn.perfledger.app.ui.evaluate;

import cn.perfledger.app.api.DateBounds;

import cn.perfledger.app.api.evaluation.EvaluationController;
import cn.perfledger.app.api.evaluation.EvaluationRequests.SubmissionRequest;
import cn.perfledger.app.imports.evaluation.EvaluationTableImportController;
import cn.perfledger.app.imports.evaluation.ImportReport;
import cn.perfledger.app.imports.evaluation.TableRejectedException;
import cn.perfledger.app.query.SubmissionDigestCheck;
import cn.perfledger.app.query.YearQueries;
import cn.perfledger.app.ui.form.ApiForm;
import cn.perfledger.app.ui.form.FormKeys;
import cn.perfledger.app.ui.form.FormState;
import cn.perfledger.app.ui.form.FormValues;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.projections.evaluation.Display;
import cn.perfledger.projections.scoring.ScoredItem;
import cn.perfledger.projections.scoring.ScoredTable;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 评价 page 3: import a 自评表 file (the API's import, {@link EvaluationTableImportController}; a refused table lists
 * every cell error with its row and column) and submit the self-evaluation. The submit page shows what is
 * submitted — the table at the chosen 评价基准日 as now recorded, item by item, its total and grade — and the
 * digest of exactly that table, which the form sends; if the table changes before the submit, the API refuses
 * the digest and says so next to it.
 */
@Controller
@RequestMapping("/departments/{dept}/years/{year}" + WorkPages.WORK)
public class SubmissionFormController {

    /** One scored item as shown before submitting. */
    public record Line(String code, String name, int level, String weight, String score) {
    }

    private final WorkPages pages;
    private final EvaluationController api;
    private final EvaluationTableImportController imports;
    private final SubmissionDigestCheck digests;
    private final YearQueries queries;
    private final ApiForm forms;
    private final FormKeys keys;

    public SubmissionFormController(WorkPages pages, EvaluationController api,
            EvaluationTableImportController imports, SubmissionDigestCheck digests, YearQueries queries, ApiForm forms,
            FormKeys keys) {
        this.pages = pages;
        this.api = api;
        this.imports = imports;
        this.digests = digests;
        this.queries = queries;
        this.forms = forms;
        this.keys = keys;
    }

    @GetMapping("/submit")
    public String submitPage(@PathVariable String dept, @PathVariable int year,
            @RequestParam(required = false) String referenceDate, Model model) {
        FiscalYearId id = pages.require(dept, year);
        return render(id, date("referenceDate", referenceDate, id.year().lastDay()), FormState.fresh(), model);
    }

    @PostMapping("/submit")
    public String submit(@PathVariable String dept, @PathVariable int year,
            @RequestParam MultiValueMap<String, String> form, HttpServletRequest request, Model model) {
        FiscalYearId id = pages.require(dept, year);
        FormValues v = FormValues.of(form);
        v.put("referenceDate").put("digest").put("declaredTotal").put("submittedBy").put("effectiveDate");
        return keys.once(request, form, null, () -> {
            FormState state = FormState.posted("submit", form);
            if (forms.submit(state, "", SubmissionRequest.class, v.body(), r -> api.submit(dept, year, r))) {
                return "redirect:" + pages.base(id) + "/submissions";
            }
            LocalDate shown;
            try {
                shown = date("referenceDate", v.text("referenceDate"), id.year().lastDay());
            } catch (DomainException e) {
                shown = id.year().lastDay();
            }
            return render(id, shown, state, model);
        });
    }

    @PostMapping("/import")
    public String importTable(@PathVariable String dept, @PathVariable int year,
            @RequestParam MultiValueMap<String, String> form, @RequestParam(required = false) MultipartFile file,
            HttpServletRequest request, Model model, RedirectAttributes flash) {
        FiscalYearId id = pages.require(dept, year);
        FormValues v = FormValues.of(form);
        byte[] bytes = bytes(file);
        return keys.once(request, form, bytes, () -> {
            FormState state = FormState.posted("import", form);
            ImportReport[] report = new ImportReport[1];
            try {
                forms.send(state, "", file, f -> report[0] = importOf(dept, year, f, v));
            } catch (TableRejectedException e) {
                model.addAttribute("tableErrors", e.errors());
                state.reject("file", "自评表有 " + e.errors().size() + " 处错误，未写入任何记录；请按下表改正后重新上传");
            }
            if (state.hasErrors()) {
                return render(id, id.year().lastDay(), state, model);
            }
            ImportReport r = report[0];
            flash.addFlashAttribute("saved", r.alreadyImported() ? "该文件此前已导入，未写入任何记录"
                    : "已导入自评表 " + r.fileName() + "：" + r.rows() + " 行，新设指标 " + r.indicatorsDefined() + " 个，实际完成值 "
                            + r.actualsRecorded() + " 项，评分 " + r.judgementScoresEntered() + " 项，申报数 "
                            + r.declaredFiguresRecorded() + " 项，计算项说明 " + r.explanationsRecorded() + " 项，未变 "
                            + r.unchanged() + " 项");
            return "redirect:" + pages.base(id) + WorkPages.WORK;
        });
    }

    private ImportReport importOf(String dept, int year, MultipartFile file, FormValues v) {
        try {
            return imports.importTable(dept, year, file, date("referenceDate", v.text("referenceDate"), null),
                    v.text("evaluator"), false, v.text("direction"), v.text("layout")).getBody();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String render(FiscalYearId id, LocalDate referenceDate, FormState state, Model model) {
        pages.common(id, "导入与提交", "submit", state, model);
        model.addAttribute("referenceDate", referenceDate.toString());
        try {
            SubmissionDigestCheck.Expected expected = digests.expected(id, referenceDate);
            ScoredTable table = queries.scoredTable(id, referenceDate, expected.knownAt())
                    .orElseThrow().result();
            model.addAttribute("expected", expected);
            model.addAttribute("knownAt", java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                    .withZone(java.time.ZoneId.of("Asia/Shanghai")).format(expected.knownAt()));
            model.addAttribute("total", Display.number(table.total()));
            model.addAttribute("grade", table.grade());
            model.addAttribute("lines", lines(table));
        } catch (DomainException | java.util.NoSuchElementException e) {
            model.addAttribute("nothingToSubmit", e instanceof DomainException d ? d.rule() : YearQueries.NO_SCORED_TABLE);
        }
        return "ui/evaluate/submit";
    }

    private static List<Line> lines(ScoredTable table) {
        return table.items().stream().flatMap(item -> item.flatten().stream())
                .map(SubmissionFormController::line).toList();
    }

    private static Line line(ScoredItem item) {
        return new Line(item.code(), item.name(), item.level(), Display.number(item.weight()),
                item.score() == null ? "—" : Display.number(item.score()));
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file == null ? new byte[0] : file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LocalDate date(String field, String text, LocalDate fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return DateBounds.check(field, LocalDate.parse(text.strip()));
        } catch (DateTimeParseException e) {
            throw new DomainException(field, "应为日期（yyyy-MM-dd）: " + text);
        }
    }
}
