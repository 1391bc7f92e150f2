package cn.perfledger.app.security;

import cn.perfledger.domain.common.DomainException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A fresh production database has no users and so nobody who could create one: when
 * {@code ledger.security.initial-admin.password} (env {@code LEDGER_ADMIN_PASSWORD}) is set, an administrator of
 * all departments named {@code ledger.security.initial-admin.username} (default {@code admin}) is created if that
 * name is free. Runs before the demo data.
 */
@Component
@Order(0)
public class InitialAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);

    private final UserStore users;
    private final String username;
    private final String password;

    public InitialAdmin(UserStore users,
            @Value("${ledger.security.initial-admin.username:admin}") String username,
            @Value("${ledger.security.initial-admin.password:}") String password) {
        this.users = users;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (password == null || password.isEmpty()) {
            return;
        }
        boolean created;
        try {
            created = users.createIfAbsent(new UserStore.NewUser(username, "管理员", password,
                    Set.of(LedgerRole.ADMIN), DepartmentScope.ALL), "initial-admin");
        } catch (DomainException e) {
            // a weak LEDGER_ADMIN_PASSWORD stops the start with the rule it breaks, not with a stack of frames
            throw new IllegalStateException("initial administrator not created, " + e.field() + ": " + e.rule(), e);
        }
        if (created) {
            log.info("created the initial administrator '{}'", username);
        }
    }
}
