package cn.perfledger.app.security;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Request rules that combine a role with the department in the path ({@code {dept}}): a clerk of one department
 * may not write to another's ledger, an auditor sees only the departments he is scoped to.
 */
final class AccessRules {

    private AccessRules() {
    }

    /** Any of {@code roles} (any ledger role when none is given) and, if the path names a department, scope. */
    static AuthorizationManager<RequestAuthorizationContext> inDepartment(LedgerRole... roles) {
        List<LedgerRole> wanted = List.of(roles);
        return (authentication, context) -> decide(authentication, user ->
                (wanted.isEmpty() || user.hasAnyRole(wanted)) && coversPathDepartment(user, context));
    }

    /** Any of {@code roles} with a scope of all departments: the whole store (export, verify all, restore). */
    static AuthorizationManager<RequestAuthorizationContext> wholeStore(LedgerRole... roles) {
        List<LedgerRole> wanted = List.of(roles);
        return (authentication, context) -> decide(authentication, user ->
                user.hasAnyRole(wanted) && user.scope().all());
    }

    private static boolean coversPathDepartment(LedgerUserDetails user, RequestAuthorizationContext context) {
        String department = context.getVariables().get("dept");
        return department == null || user.scope().covers(department);
    }

    private static AuthorizationDecision decide(Supplier<Authentication> authentication,
            java.util.function.Predicate<LedgerUserDetails> rule) {
        Authentication current = authentication.get();
        if (current == null || !current.isAuthenticated()
                || !(current.getPrincipal() instanceof LedgerUserDetails user)) {
            return new AuthorizationDecision(false);
        }
        return new AuthorizationDecision(rule.test(user));
    }
}
