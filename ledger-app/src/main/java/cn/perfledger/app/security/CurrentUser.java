package cn.perfledger.app.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in user of the current request, if any. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<LedgerUserDetails> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof LedgerUserDetails user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    /** True when the current user may see {@code departmentCode} (false when nobody is signed in). */
    public static boolean maySee(String departmentCode) {
        return get().map(user -> user.scope().covers(departmentCode)).orElse(false);
    }
}
