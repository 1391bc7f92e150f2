package cn.perfledger.app.ui.entry;

import static cn.perfledger.app.ui.entry.EntryForm.Field.of;

import cn.perfledger.app.api.budget.BudgetController;
import cn.perfledger.app.api.budget.BudgetRequests.OpenYearRequest;
import cn.perfledger.app.command.NotFoundException;
import cn.perfledger.app.readmodel.DirectoryQueries;
import cn.perfledger.app.readmodel.DirectoryQueries.DepartmentView;
import cn.perfledger.app.readmodel.DirectoryQueries.FiscalYearView;
import cn.perfledger.app.ui.entry.EntryForm.Kind;
import cn.perfledger.app.ui.entry.EntryForm.Option;
import cn.perfledger.app.ui.entry.EntrySupport.Submitted;
import cn.perfledger.app.ui.form.ApiForm;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 开立年度: a clerk opens a new department-year under a published rubric version (the API's OpenFiscalYear, units
 * and name from the department register); success leads to the new year's entry home.
 */
@Controller
@RequestMapping("/departments/{dept}/entry/open-year")
public class OpenYearController {

    private final EntrySupport support;
    private final BudgetController budget;
    private final DirectoryQueries directory;
    private final ApiForm api;

    public OpenYearController(EntrySupport support, BudgetController budget, DirectoryQueries directory,
            ApiForm api) {
        this.support = support;
        this.api = api;
        this.budget = budget;
        this.directory = directory;
    }

    @GetMapping
    public String form(@PathVariable String dept, Model model, HttpServletResponse response) {
        DepartmentView department = department(dept);
        if (!EntrySupport.mayWrite(dept)) {
            return support.refused(model, response);
        }
        return render(model, department, FormView.of(form(department, null), null, action(dept), support.newKey(),
                null, List.of()));
    }

    @PostMapping
    public Object open(@PathVariable String dept, @RequestParam MultiValueMap<String, String> params, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        DepartmentView department = department(dept);
        if (!EntrySupport.mayWrite(dept)) {
            return support.refused(model, response);
        }
        Map<String, String> fields = EntrySupport.fields(params);
        String year = fields.get("year") == null ? "" : fields.get("year").strip();
        EntryForm form = form(department, year);
        Submitted submitted = support.submit(request, params,
                "/departments/" + dept + "/years/" + year + "/entry",
                values -> form.action().send(null, values));
        if (submitted instanceof Submitted.Redirect redirect) {
            return EntrySupport.redirect(redirect);
        }
        Submitted.Rejected rejected = (Submitted.Rejected) submitted;
        response.setStatus(rejected.why().status());
        return render(model, department, FormView.of(form, null, action(dept), rejected.key(), fields,
                rejected.why().errors()));
    }

    private EntryForm form(DepartmentView department, String year) {
        List<Option> versions = department.years().stream().map(FiscalYearView::rubricVersion)
                .filter(v -> v != null && !v.isBlank()).distinct().map(v -> new Option(v, v)).toList();
        String latest = department.years().stream().max(Comparator.comparingInt(FiscalYearView::year))
                .map(FiscalYearView::rubricVersion).orElse(null);
        String nextYear = department.years().stream().map(FiscalYearView::year).max(Integer::compare)
                .map(y -> String.valueOf(y + 1)).orElse(null);
        return new EntryForm("open-year", "开立年度", "部门名称与单位取自部门登记；评价体系版本须已发布、未停用、不晚于该年度生效，且适用于本部门。",
                y -> List.of(of("year", "年度", Kind.YEAR, true, "四位年度，例如 2022").withDefault(nextYear),
                        of("rubricVersion", "评价体系版本", Kind.TEXT, true, "例如 gz-municipal-2021@1")
                                .withOptions(versions).withDefault(latest)),
                (y, v) -> budget.open(department.departmentId(), api.request(OpenYearRequest.class,
                        v.node("year", "rubricVersion"))),
                null);
    }

    private String render(Model model, DepartmentView department, FormView form) {
        model.addAttribute("pageTitle", "开立年度");
        model.addAttribute("department", department);
        model.addAttribute("form", form);
        return "ui/entry/open-year";
    }

    private DepartmentView department(String dept) {
        return directory.department(dept)
                .orElseThrow(() -> new NotFoundException("dept", "部门未登记: " + dept));
    }

    private static String action(String dept) {
        return "/departments/" + dept + "/entry/open-year";
    }
}
