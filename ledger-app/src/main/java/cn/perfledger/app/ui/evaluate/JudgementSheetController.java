package cn.perfledger.app.ui.evaluate;

import cn.perfledger.app.api.evaluation.EvaluationController;
import cn.perfledger.app.api.evaluation.EvaluationRequests.JudgementScoreRequest;
import cn.perfledger.app.ui.form.ApiForm;
import cn.perfledger.app.ui.form.FormKeys;
import cn.perfledger.app.ui.form.FormState;
import cn.perfledger.app.ui.form.FormValues;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.domain.common.RubricItemCode;
import cn.perfledger.projections.evaluation.EvaluationFold;
import cn.perfledger.projections.evaluation.JudgementEntry;
import cn.perfledger.projections.scoring.ScoredItem;
import cn.perfledger.projections.scoring.SelfEvaluationFold;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 评价 page 2: every judged item of the year's rubric in one sheet — 分值, 评分标准, 得分 and 评分依据 per row. One
 * submit sends one {@code EnterJudgementScore} per changed row, each through the API's
 * {@code POST …/evaluation/judgement-scores} ({@link EvaluationController#enterScore}); a refused row keeps its
 * values and shows the API's rule on that row, the rows that were accepted are recorded (each row is its own
 * command, as in the API). A row equal to the score and basis recorded is not sent again.
 */
@Controller
@RequestMapping("/departments/{dept}/years/{year}" + WorkPages.WORK + "/sheet")
public class JudgementSheetController {

    /** One judged item: the rubric's texts and the score and basis recorded now. */
    public record Row(String code, String name, BigDecimal weight, String criteria, String description,
            String score, String basis, String evaluator) {
    }

    static final String FORM = "sheet";

    private final WorkPages pages;
    private final EvaluationController api;
    private final ApiForm forms;
    private final FormKeys keys;

    public JudgementSheetController(WorkPages pages, EvaluationController api, ApiForm forms, FormKeys keys) {
        this.pages = pages;
        this.api = api;
        this.forms = forms;
        this.keys = keys;
    }

    @GetMapping
    public String sheet(@PathVariable String dept, @PathVariable int year, Model model) {
        return render(pages.require(dept, year), FormState.fresh(), model);
    }

    @PostMapping
    public String save(@PathVariable String dept, @PathVariable int year,
            @RequestParam MultiValueMap<String, String> form, HttpServletRequest request, Model model,
            RedirectAttributes flash) {
        FiscalYearId id = pages.require(dept, year);
        return keys.once(request, form, null, () -> {
            FormState state = FormState.posted(FORM, form);
            FormValues values = FormValues.of(form);
            int sent = 0;
            int saved = 0;
            for (Row row : rows(pages.now(id))) {
                String score = values.text("score[" + row.code() + "]");
                String basis = values.text("basis[" + row.code() + "]");
                if (!changed(row, score, basis)) {
                    continue;
                }
                sent++;
                FormValues body = FormValues.of(form).put("rubricItemCode", row.code()).put("score", score)
                        .put("basis", basis).put("evaluator").put("effectiveDate");
                if (forms.submit(state, "rows[" + row.code() + "].", JudgementScoreRequest.class, body.body(),
                        r -> api.enterScore(dept, year, r))) {
                    saved++;
                }
            }
            if (sent == 0) {
                state.reject("", "没有改动：请填写或修改至少一行的得分与评分依据");
            }
            if (state.hasErrors()) {
                if (saved > 0) {
                    model.addAttribute("saved", "已保存 " + saved + " 项评分；" + (sent - saved) + " 项未保存，见各行提示");
                }
                return render(id, state, model);
            }
            flash.addFlashAttribute("saved", "已保存 " + saved + " 项评分");
            return "redirect:" + pages.base(id) + WorkPages.WORK + "/sheet";
        });
    }

    /** A row is sent when it says something the ledger does not already record. */
    static boolean changed(Row row, String score, String basis) {
        if (score == null && basis == null) {
            return false;
        }
        return !(Objects.equals(basis, row.basis()) && score != null && row.score() != null
                && sameNumber(score, row.score()));
    }

    private static boolean sameNumber(String a, String b) {
        try {
            return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
        } catch (NumberFormatException e) {
            return false; // not a number: sent, and the API says why
        }
    }

    static List<Row> rows(SelfEvaluationFold fold) {
        EvaluationFold evaluation = fold.evaluation();
        List<Row> rows = new ArrayList<>();
        fold.scoredTable().ifPresent(table -> {
            for (ScoredItem leaf : table.leaves()) {
                if (leaf.rule() == null || !"judgement".equals(leaf.rule().kind())) {
                    continue;
                }
                JudgementEntry entry = evaluation.judgement(new RubricItemCode(leaf.code())).orElse(null);
                rows.add(new Row(leaf.code(), leaf.name(), leaf.weight(), leaf.criteria(), leaf.description(),
                        entry == null ? null : entry.score().toPlainString(), entry == null ? null : entry.basis(),
                        entry == null ? null : entry.evaluator()));
            }
        });
        return rows;
    }

    private String render(FiscalYearId id, FormState state, Model model) {
        pages.common(id, "评分表", "sheet", state, model);
        SelfEvaluationFold fold = pages.now(id);
        model.addAttribute("started", fold.evaluation().started());
        model.addAttribute("rows", rows(fold));
        return "ui/evaluate/sheet";
    }
}
