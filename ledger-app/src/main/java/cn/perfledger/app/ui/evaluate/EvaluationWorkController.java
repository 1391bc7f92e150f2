package cn.perfledger.app.ui.evaluate;

import cn.perfledger.app.api.evaluation.EvaluationController;
import cn.perfledger.app.api.evaluation.EvaluationRequests.ActualRequest;
import cn.perfledger.app.api.evaluation.EvaluationRequests.BonusPenaltyRequest;
import cn.perfledger.app.api.evaluation.EvaluationRequests.IndicatorRequest;
import cn.perfledger.app.api.evaluation.EvaluationRequests.TargetRevisionRequest;
import cn.perfledger.app.ui.form.ApiForm;
import cn.perfledger.app.ui.form.FormKeys;
import cn.perfledger.app.ui.form.FormState;
import cn.perfledger.app.ui.form.FormValues;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.projections.evaluation.EvaluationFold;
import cn.perfledger.projections.scoring.SelfEvaluationFold;
import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Function;
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
 * 评价 of a department-year, page 1: start the evaluation, define indicators (path, target, direction incl. 定性),
 * revise a target with its reason, record actuals (a 定性 indicator's grade), record bonus/penalty entries. Each
 * form is the API request of {@link EvaluationController} sent through that controller ({@link ApiForm}); a refusal
 * shows the form again with the API's Chinese rule next to the field, a success redirects to this page's list
 * where the new record is shown.
 */
@Controller
@RequestMapping("/departments/{dept}/years/{year}" + WorkPages.WORK)
public class EvaluationWorkController {

    private final WorkPages pages;
    private final EvaluationController api;
    private final ApiForm forms;
    private final FormKeys keys;

    public EvaluationWorkController(WorkPages pages, EvaluationController api, ApiForm forms, FormKeys keys) {
        this.pages = pages;
        this.api = api;
        this.forms = forms;
        this.keys = keys;
    }

    @GetMapping
    public String work(@PathVariable String dept, @PathVariable int year, Model model) {
        return render(pages.require(dept, year), FormState.fresh(), model);
    }

    @PostMapping("/start")
    public String start(@PathVariable String dept, @PathVariable int year,
            @RequestParam MultiValueMap<String, String> form, HttpServletRequest request, Model model,
            RedirectAttributes flash) {
        FiscalYearId id = pages.require(dept, year);
        return keys.once(request, form, null, () -> {
            FormState state = FormState.posted("start", form);
            forms.send(state, "", id, ignored -> api.start(dept, year));
            return done(id, state, model, flash, "已开始自评", "");
        });
    }

    @PostMapping("/indicators")
    public String defineIndicator(@PathVariable String dept, @PathVariable int year,
            @RequestParam MultiValueMap<String, String> form, HttpServletRequest request, Model model,
            RedirectAttributes flash) {
        FiscalYearId id = pages.require(dept, year);
        FormValues v = FormValues.of(form);
        v.put("indicatorId").list("path", "level1", "level2", "level3").put("name").put("weight")
                .put("targetExpression").put("direction").put("rubricItemCode").put("effectiveDate");
        return post(id, "indicator", form, request, model, flash, IndicatorRequest.class, v,
                r -> api.defineIndicator(dept, year, r), "已定义指标 " + v.text("indicatorId"));
    }

    @PostMapping("/revisions")
    public String reviseTarget(@PathVariable String dept, @PathVariable int year,
            @RequestParam MultiValueMap<String, String> form, HttpServletRequest request, Model model,
            RedirectAttributes flash) {
        FiscalYearId id = pages.require(dept, year);
        FormValues v = FormValues.of(form);
        v.put("newTargetExpression").put("newDirection").put("reason").put("effectiveDate");
        String indicator = v.text("indicatorId");
        return post(id, "revision", form, request, model, flash, TargetRevisionRequest.class, v,
                r -> api.reviseTarget(dept, year, indicatorOf(indicator), r), "已调整指标 " + indicator + " 的目标值");
    }

    @PostMapping("/actuals")
    public String recordActual(@PathVariable String dept, @PathVariable int year,
            @RequestParam MultiValueMap<String, String> form, HttpServletRequest request, Model model,
            RedirectAttributes flash) {
        FiscalYearId id = pages.require(dept, year);
        FormValues v = FormValues.of(form);
        v.put("actual").put("grade").put("effectiveDate");
        String indicator = v.text("indicatorId");
        return post(id, "actual", form, request, model, flash, ActualRequest.class, v,
                r -> api.recordActual(dept, year, indicatorOf(indicator), r), "已登记指标 " + indicator + " 的实际完成值");
    }

    @PostMapping("/bonus-penalties")
    public String bonusPenalty(@PathVariable String dept, @PathVariable int year,
            @RequestParam MultiValueMap<String, String> form, HttpServletRequest request, Model model,
            RedirectAttributes flash) {
        FiscalYearId id = pages.require(dept, year);
        FormValues v = FormValues.of(form);
        v.put("entryId").put("kind").put("points").put("reason").put("documentNo").put("effectiveDate");
        return post(id, "bonus", form, request, model, flash, BonusPenaltyRequest.class, v,
                r -> api.bonusPenalty(dept, year, r), "已登记加减分事项 " + v.text("entryId"));
    }

    /** The indicator chosen on the form, as the path segment the API reads (its own id rules answer a bad one). */
    private static String indicatorOf(String chosen) {
        if (chosen == null) {
            throw new cn.perfledger.domain.common.DomainException("indicatorId", "请选择指标");
        }
        return new cn.perfledger.domain.common.IndicatorId(chosen).value();
    }

    private <R> String post(FiscalYearId id, String name, MultiValueMap<String, String> form,
            HttpServletRequest request, Model model, RedirectAttributes flash, Class<R> type, FormValues values,
            Function<R, ?> endpoint, String saved) {
        return keys.once(request, form, null, () -> {
            FormState state = FormState.posted(name, form);
            forms.submit(state, "", type, values.body(), endpoint);
            return done(id, state, model, flash, saved, "#" + name);
        });
    }

    private String done(FiscalYearId id, FormState state, Model model, RedirectAttributes flash, String saved,
            String anchor) {
        if (state.hasErrors()) {
            return render(id, state, model);
        }
        flash.addFlashAttribute("saved", saved);
        // shown in the section the redirect scrolls to, where the new record is listed
        flash.addFlashAttribute("savedIn", anchor.isEmpty() ? "start" : anchor.substring(1));
        return "redirect:" + pages.base(id) + WorkPages.WORK + anchor;
    }

    private String render(FiscalYearId id, FormState state, Model model) {
        pages.common(id, "自评录入", "work", state, model);
        SelfEvaluationFold fold = pages.now(id);
        EvaluationFold evaluation = fold.evaluation();
        model.addAttribute("started", evaluation.started());
        model.addAttribute("indicators", fold.indicatorReport().indicators());
        model.addAttribute("bonuses", evaluation.bonusPenalties());
        return "ui/evaluate/work";
    }
}
