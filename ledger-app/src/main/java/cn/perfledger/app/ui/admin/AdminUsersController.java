package cn.perfledger.app.ui.admin;

import cn.perfledger.app.api.user.UserAdminController;
import cn.perfledger.app.api.user.UserAdminController.CreateUserRequest;
import cn.perfledger.app.api.user.UserAdminController.UpdateUserRequest;
import cn.perfledger.app.security.LedgerRole;
import cn.perfledger.app.security.UserStore;
import cn.perfledger.app.ui.form.ApiForm;
import cn.perfledger.app.ui.form.FormKeys;
import cn.perfledger.app.ui.form.FormState;
import cn.perfledger.app.ui.form.FormValues;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
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
 * 管理: users, their roles and department scopes. Creating a user and changing roles, scope or the enabled flag
 * are the API's requests sent through {@link UserAdminController} (password policy, registered departments only,
 * unique names); a success redirects to the list, which shows the user as stored.
 */
@Controller
@RequestMapping("/admin/users")
public class AdminUsersController {

    /** A role as a checkbox: its code and Chinese name. */
    public record RoleOption(String code, String label) {
    }

    private final UserAdminController api;
    private final UserStore users;
    private final ApiForm forms;
    private final FormKeys keys;

    public AdminUsersController(UserAdminController api, UserStore users, ApiForm forms, FormKeys keys) {
        this.api = api;
        this.users = users;
        this.forms = forms;
        this.keys = keys;
    }

    @GetMapping
    public String list(Model model) {
        return render(FormState.fresh(), model);
    }

    @PostMapping
    public String create(@RequestParam MultiValueMap<String, String> form, HttpServletRequest request, Model model,
            RedirectAttributes flash) {
        FormValues v = FormValues.of(form);
        v.put("username").put("displayName").put("password").all("roles").put("departments");
        return keys.once(request, form, null, () -> {
            FormState state = FormState.posted("create", form);
            if (forms.submit(state, "", CreateUserRequest.class, v.body(), api::create)) {
                flash.addFlashAttribute("saved", "已新建用户 " + v.text("username"));
                return "redirect:/admin/users#user-" + v.text("username");
            }
            return render(state, model);
        });
    }

    @PostMapping("/{username}")
    public String update(@PathVariable String username, @RequestParam MultiValueMap<String, String> form,
            HttpServletRequest request, Model model, RedirectAttributes flash) {
        FormValues v = FormValues.of(form);
        v.all("roles").put("departments").put("enabled", form.containsKey("enabled"));
        return keys.once(request, form, null, () -> {
            FormState state = FormState.posted("user-" + username, form);
            if (forms.submit(state, "", UpdateUserRequest.class, v.body(), r -> api.update(username, r))) {
                flash.addFlashAttribute("saved", "已修改用户 " + username);
                return "redirect:/admin/users#user-" + username;
            }
            return render(state, model);
        });
    }

    private String render(FormState state, Model model) {
        AdminDepartmentsController.common(state, model, "用户与权限");
        model.addAttribute("users", users.list());
        model.addAttribute("roles", roleOptions());
        return "ui/admin/users";
    }

    static List<RoleOption> roleOptions() {
        return Arrays.stream(LedgerRole.values()).map(r -> new RoleOption(r.name(), r.label())).toList();
    }
}
