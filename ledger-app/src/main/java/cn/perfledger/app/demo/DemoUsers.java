package cn.perfledger.app.demo;

import cn.perfledger.app.security.DepartmentScope;
import cn.perfledger.app.security.LedgerRole;
import cn.perfledger.app.security.UserStore;
import cn.perfledger.app.security.UserStore.NewUser;
import java.util.List;
import java.util.Set;

/**
 * The demo users, one per role and scope worth trying (listed in the README). They share one documented password
 * and exist only where the demo data is loaded.
 */
public final class DemoUsers {

    /** The password of every demo user. */
    public static final String PASSWORD = "demo1234";

    public static final List<NewUser> ALL = List.of(
            user("admin", "管理员", LedgerRole.ADMIN, DepartmentScope.ALL),
            user("auditor", "审计员（全部部门）", LedgerRole.AUDITOR, DepartmentScope.ALL),
            user("auditor-hz", "审计员（海珠、番禺）", LedgerRole.AUDITOR, DepartmentScope.of("HZ-ZSJ", "PY-ZSJ")),
            user("clerk", "录入员（广州市本级）", LedgerRole.CLERK, DepartmentScope.of("GZ-ZSJ")),
            user("evaluator", "评价员（广州市本级）", LedgerRole.EVALUATOR, DepartmentScope.of("GZ-ZSJ")),
            user("clerk-hz", "录入员（海珠）", LedgerRole.CLERK, DepartmentScope.of("HZ-ZSJ")));

    private DemoUsers() {
    }

    /** Creates the demo users that are not there yet; returns how many were created. */
    public static int ensure(UserStore users) {
        int created = 0;
        for (NewUser user : ALL) {
            if (users.createIfAbsent(user, "demo-loader")) {
                created++;
            }
        }
        return created;
    }

    private static NewUser user(String name, String displayName, LedgerRole role, DepartmentScope scope) {
        return new NewUser(name, displayName, PASSWORD, Set.of(role), scope);
    }
}
