package cn.perfledger.app.api.user;

import cn.perfledger.app.readmodel.DepartmentRegister;
import cn.perfledger.app.security.CurrentUser;
import cn.perfledger.app.security.DepartmentScope;
import cn.perfledger.app.security.LedgerRole;
import cn.perfledger.app.security.LedgerUserDetails;
import cn.perfledger.app.security.UserStore;
import cn.perfledger.app.security.UserStore.NewUser;
import cn.perfledger.app.security.UserStore.UserView;
import cn.perfledger.domain.common.DepartmentId;
import cn.perfledger.domain.common.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Users who may sign in: list, create, change roles/scope/enabled, reset a password (管理 only). A scope may name
 * only registered departments (a typo would otherwise give a user who silently sees nothing); user names are
 * unique regardless of case; passwords follow {@link cn.perfledger.app.security.PasswordPolicy}.
 */
@RestController
@RequestMapping("/api/v1/admin/users")
@Tag(name = "用户管理", description = "仅管理角色（管理）可用；密码只保存哈希")
@Validated
public class UserAdminController {

    /** A new user; {@code departments} is {@code *} or a comma-separated list of department codes. */
    public record CreateUserRequest(@NotBlank String username, String displayName, @NotBlank String password,
            @NotEmpty List<@NotBlank String> roles, @NotBlank String departments) {
    }

    /** Changes; absent fields stay as they are. */
    public record UpdateUserRequest(List<@NotBlank String> roles, String departments, Boolean enabled) {
    }

    public record PasswordRequest(@NotNull String password) {
    }

    private final UserStore users;
    private final DepartmentRegister departments;

    public UserAdminController(UserStore users, DepartmentRegister departments) {
        this.users = users;
        this.departments = departments;
    }

    @GetMapping
    @Operation(summary = "用户列表（不含密码）")
    public List<UserView> list() {
        return users.list();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "新建用户", description = "roles：CLERK/录入、EVALUATOR/评价、AUDITOR/审计、ADMIN/管理；"
            + "departments：* 表示全部部门，或逗号分隔的已登记部门代码；用户名不区分大小写且唯一；"
            + "密码至少 8 个字符，不能与用户名相同，不能是常用密码。")
    public UserView create(@jakarta.validation.Valid @RequestBody CreateUserRequest r) {
        return users.create(new NewUser(r.username(), r.displayName(), r.password(), roles(r.roles()),
                registered(DepartmentScope.parse("departments", r.departments()))), actor());
    }

    @PostMapping("/{username}")
    @Operation(summary = "修改用户的角色、部门范围或启用状态")
    public UserView update(@PathVariable String username, @jakarta.validation.Valid @RequestBody UpdateUserRequest r) {
        return users.update(username, r.roles() == null ? null : roles(r.roles()),
                r.departments() == null ? null : registered(DepartmentScope.parse("departments", r.departments())),
                r.enabled(),
                actor());
    }

    @PostMapping("/{username}/password")
    @Operation(summary = "重设用户密码")
    public UserView password(@PathVariable String username, @jakarta.validation.Valid @RequestBody PasswordRequest r) {
        users.changePassword(username, r.password(), actor());
        return users.view(username);
    }

    /** The scope, if every department it names is registered. */
    private DepartmentScope registered(DepartmentScope scope) {
        for (String code : new java.util.TreeSet<>(scope.departments())) {
            if (!departments.isRegistered(new DepartmentId(code))) {
                throw new DomainException("departments", "部门未登记: " + code + "（部门范围只能列出已登记的部门，全部部门填 *）");
            }
        }
        return scope;
    }

    private static Set<LedgerRole> roles(List<String> names) {
        Set<LedgerRole> roles = EnumSet.noneOf(LedgerRole.class);
        for (String name : names) {
            roles.add(LedgerRole.parse("roles", name));
        }
        return roles;
    }

    private static String actor() {
        return CurrentUser.get().map(LedgerUserDetails::getUsername).orElse("anonymous");
    }
}
