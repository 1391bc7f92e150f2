package cn.perfledger.app.ui.evaluate;

import cn.perfledger.app.api.evaluation.EvaluationController;
import cn.perfledger.app.api.evaluation.EvaluationRequests.ItemExplanationRequest;
import cn.perfledger.app.ui.form.ApiForm;
import cn.perfledger.app.ui.form.FormKeys;
import cn.perfledger.app.ui.form.FormState;
import cn.perfledger.app.ui.form.FormValues;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.projections.evaluation.ItemExplanation;
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
 * 评价 page 3: the department's explanation of every scored item (评分依据, 偏差原因, 改进措施), computed items
 * included. One submit sends one {@code RecordItemExplanation} per changed row, each through the API's
 * {@code POST …/evaluation/item-explanations} ({@link EvaluationController#recordExplanation}); a refused row keeps
 * its values and shows the API's rule, the others are recorded. A row equal to what is recorded is not sent again.
 */
@Controller
@RequestMapping("/departments/{dept}/years/{year}" + WorkPages.WORK + "/explanations")
public class ExplanationSheetController {

    /** One scored item: its score now, the arithmetic shown when nothing is recorded, and the texts recorded. */
    public record Row(String code, String name, BigDecimal weight, BigDecimal score, String computation,
            String basis, String deviationReason, String improvement) {
    }

    static final String FORM = "explanations";

    private final WorkPages pages;
    private final EvaluationController api;
    private final ApiForm forms;
    private final FormKeys keys;

    public ExplanationSheetController(WorkPages pages, EvaluationController api, ApiForm forms, FormKeys keys) {
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
                String basis = values.text("basis[" + row.code() + "]");
                String reason = values.text("deviationReason[" + row.code() + "]");
                String improvement = values.text("improvement[" + row.code() + "]");
                if (!changed(row, basis, reason, improvement)) {
                    continue;
                }
                sent++;
                FormValues body = FormValues.of(form).put("rubricItemCode", row.code()).put("basis", basis)
                        .put("deviationReason", reason).put("improvement", improvement).put("effectiveDate");
                if (forms.submit(state, "rows[" + row.code() + "].", ItemExplanationRequest.class, body.body(),
                        r -> api.recordExplanation(dept, year, r))) {
                    saved++;
                }
            }
            if (sent == 0) {
                state.reject("", "没有改动：请填写或修改至少一项的评分依据、偏差原因或改进措施");
            }
            if (state.hasErrors()) {
                if (saved > 0) {
                    model.addAttribute("saved", "已保存 " + saved + " 项说明；" + (sent - saved) + " 项未保存，见各行提示");
                }
                return render(id, state, model);
            }
            flash.addFlashAttribute("saved", "已保存 " + saved + " 项说明");
            return "redirect:" + pages.base(id) + WorkPages.WORK + "/explanations";
        });
    }

    /** A row is sent when it says something other than what is recorded (all blank and nothing recorded: not sent). */
    static boolean changed(Row row, String basis, String reason, String improvement) {
        if (basis == null && reason == null && improvement == null) {
            return false;
        }
        return !(Objects.equals(basis, row.basis()) && Objects.equals(reason, row.deviationReason())
                && Objects.equals(improvement, row.improvement()));
    }

    static List<Row> rows(SelfEvaluationFold fold) {
        List<Row> rows = new ArrayList<>();
        fold.scoredTable().ifPresent(table -> {
            for (ScoredItem leaf : table.leaves()) {
                ItemExplanation recorded = leaf.explanation();
                rows.add(new Row(leaf.code(), leaf.name(), leaf.weight(), leaf.score(), leaf.computation(),
                        recorded == null ? null : recorded.basis(), recorded == null ? null : recorded.deviationReason(),
                        recorded == null ? null : recorded.improvement()));
            }
        });
        return rows;
    }

    private String render(FiscalYearId id, FormState state, Model model) {
        pages.common(id, "评分项说明", "explanations", state, model);
        SelfEvaluationFold fold = pages.now(id);
        model.addAttribute("started", fold.evaluation().started());
        model.addAttribute("rows", rows(fold));
        return "ui/evaluate/explanations";
    }
}
