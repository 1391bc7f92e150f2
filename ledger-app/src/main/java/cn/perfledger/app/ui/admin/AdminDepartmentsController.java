package cn.perfledger.app.ui.admin;

import cn.perfledger.app.api.department.DepartmentController;
import cn.perfledger.app.api.department.DepartmentRequests.AddUnitRequest;
import cn.perfledger.app.api.department.DepartmentRequests.RegisterDepartmentRequest;
import cn.perfledger.app.readmodel.DepartmentRegister;
import cn.perfledger.app.readmodel.DirectoryQueries;
import cn.perfledger.app.security.CurrentUser;
import cn.perfledger.app.ui.form.ApiForm;
import cn.perfledger.app.ui.form.FormKeys;
import cn.perfledger.app.ui.form.FormState;
import cn.perfledger.app.ui.form.FormValues;
import cn.perfledger.domain.common.DepartmentId;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 管理: departments and their units. Registering a department (with its 本级 unit) and adding a unit are the API's
 * requests sent through {@link DepartmentController}; a success redirects to the department's page, which reads
 * the department's own stream ({@link DepartmentRegister}), so the new unit is there at once.
 */
@Controller
@RequestMapping("/admin/departments")
public class AdminDepartmentsController {

    private final DepartmentController api;
    private final DirectoryQueries directory;
    private final DepartmentRegister register;
    private final ApiForm forms;
    private final FormKeys keys;
    private final Clock clock;

    public AdminDepartmentsController(DepartmentController api, DirectoryQueries directory,
            DepartmentRegister register, ApiForm forms, FormKeys keys, Clock clock) {
        this.clock = clock;
        this.api = api;
        this.directory = directory;
        this.register = register;
        this.forms = forms;
        this.keys = keys;
    }

    @GetMapping
    public String list(Model model) {
        return renderList(FormState.fresh(), model);
    }

    @PostMapping
    public String registerDepartment(@RequestParam MultiValueMap<String, String> form, HttpServletRequest request,
            Model model, RedirectAttributes flash) {
        FormValues v = FormValues.of(form);
        v.put("departmentId").put("name").put("jurisdiction").put("effectiveDate")
                .put("units", List.of(Map.of("code", nullable(v.text("headCode")), "name", nullable(v.text("headName")),
                        "headOffice", true)));
        return keys.once(request, form, null, () -> {
            FormState state = FormState.posted("department", form);
            if (forms.submit(state, "", RegisterDepartmentRequest.class, v.body(), api::register)) {
                flash.addFlashAttribute("saved", "已登记部门 " + v.text("departmentId"));
                return "redirect:/admin/departments/" + v.text("departmentId");
            }
            return renderList(state, model);
        });
    }

    @GetMapping("/{dept}")
    public String department(@PathVariable String dept, Model model) {
        return renderDepartment(new DepartmentId(dept), FormState.fresh(), model);
    }

    @PostMapping("/{dept}/units")
    public String addUnit(@PathVariable String dept, @RequestParam MultiValueMap<String, String> form,
            HttpServletRequest request, Model model, RedirectAttributes flash) {
        DepartmentId id = new DepartmentId(dept);
        FormValues v = FormValues.of(form);
        v.put("unit", Map.of("code", nullable(v.text("unitCode")), "name", nullable(v.text("unitName")),
                "headOffice", false)).put("effectiveDate");
        return keys.once(request, form, null, () -> {
            FormState state = FormState.posted("unit", form);
            if (forms.submit(state, "", AddUnitRequest.class, v.body(), r -> api.addUnit(dept, r))) {
                flash.addFlashAttribute("saved", "已新增单位 " + v.text("unitCode") + " " + v.text("unitName"));
                return "redirect:/admin/departments/" + dept + "#units";
            }
            return renderDepartment(id, state, model);
        });
    }

    /** Map.of refuses nulls; an absent member is a JSON null, which the API answers as 不能为空. */
    private static Object nullable(String value) {
        return value == null ? "" : value;
    }

    private String today() {
        return LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).toString();
    }

    private String renderList(FormState state, Model model) {
        common(state, model, "部门与单位");
        model.addAttribute("today", today());
        model.addAttribute("departments", directory.departments().stream()
                .filter(d -> CurrentUser.maySee(d.departmentId())).toList());
        return "ui/admin/departments";
    }

    private String renderDepartment(DepartmentId id, FormState state, Model model) {
        common(state, model, "部门 " + id);
        model.addAttribute("today", today());
        model.addAttribute("department", register.get(id));
        return "ui/admin/department";
    }

    static void common(FormState state, Model model, String title) {
        model.addAttribute("pageTitle", title);
        model.addAttribute("nav", "admin");
        model.addAttribute("fs", state);
    }
}
