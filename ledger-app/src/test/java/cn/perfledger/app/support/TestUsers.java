package cn.perfledger.app.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.perfledger.app.security.DepartmentScope;
import cn.perfledger.app.security.LedgerRole;
import cn.perfledger.app.security.LedgerUserDetails;
import cn.perfledger.app.security.UserStore;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/**
 * The test user every application test context knows (picked up by component scanning from the test class path,
 * so also by application processes started with it): {@code tester}, all four roles, all departments.
 * <ul>
 *   <li>MockMvc requests are signed in as this user unless a test builds its own MockMvc (the access-rule tests
 *       do, to sign in as real demo users over HTTP Basic);</li>
 *   <li>tests talking HTTP to a running application send {@link #basicHeader()}.</li>
 * </ul>
 * Tests that are about what a user may do never use it.
 */
@Configuration(proxyBeanMethods = false)
public class TestUsers {

    public static final String NAME = "tester";
    public static final String PASSWORD = "tester-password";

    /** The signed-in principal of MockMvc requests. */
    public static LedgerUserDetails principal() {
        return new LedgerUserDetails(NAME, "测试用户", null, EnumSet.allOf(LedgerRole.class), DepartmentScope.ALL,
                true);
    }

    /** {@code Authorization} header value for HTTP clients. */
    public static String basicHeader() {
        return "Basic " + Base64.getEncoder().encodeToString((NAME + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    @Bean
    MockMvcBuilderCustomizer signInAsTester() {
        LedgerUserDetails user = principal();
        return builder -> builder.defaultRequest(get("/").with(authentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()))));
    }

    @Bean
    ApplicationRunner createTester(UserStore users) {
        return args -> users.createIfAbsent(new UserStore.NewUser(NAME, "测试用户", PASSWORD,
                EnumSet.allOf(LedgerRole.class), DepartmentScope.ALL), "test-support");
    }
}
