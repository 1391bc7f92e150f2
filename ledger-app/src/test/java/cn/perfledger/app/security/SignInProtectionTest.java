package cn.perfledger.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.perfledger.app.support.TestDatabases;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Sign-in under attack and in daily use, over HTTP Basic and the form: failures are throttled per (user, address),
 * per address and per user and answered 429 with {@code Retry-After} without running bcrypt; every failure is
 * logged without the password; a verified credential is not re-checked by bcrypt until it changes, and a changed
 * password, scope or enabled flag takes effect on the next request. bcrypt calls are counted by a wrapping
 * encoder. Runs on its own H2 database (its own throttle, its own users).
 */
@SpringBootTest(properties = "ledger.security.sign-in-throttle.first-delay=PT10M") // locks outlast a slow test
class SignInProtectionTest {

    static final AtomicInteger BCRYPT_CHECKS = new AtomicInteger();
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @TestConfiguration
    static class CountingEncoder {
        @Bean
        @Primary
        PasswordEncoder countingPasswordEncoder(@Qualifier("passwordEncoder") PasswordEncoder real) {
            return new PasswordEncoder() {
                @Override
                public String encode(CharSequence raw) {
                    return real.encode(raw);
                }

                @Override
                public boolean matches(CharSequence raw, String encoded) {
                    BCRYPT_CHECKS.incrementAndGet();
                    return real.matches(raw, encoded);
                }
            };
        }
    }

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabases.h2File(registry, TestDatabases.tempDir("ledger-sign-in-"));
    }

    @Autowired
    WebApplicationContext context;
    @Autowired
    UserStore users;

    MockMvc mvc;
    ListAppender<ILoggingEvent> log;
    String user;

    @BeforeEach
    void aUserAndAClientWithoutDefaultUser() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        user = "si-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new UserStore.NewUser(user, null, "right-password", Set.of(LedgerRole.AUDITOR),
                DepartmentScope.ALL), "test");
        log = new ListAppender<>();
        log.start();
        ((Logger) LoggerFactory.getLogger("cn.perfledger.app.security.SignIn")).addAppender(log);
    }

    @AfterEach
    void detachLog() {
        ((Logger) LoggerFactory.getLogger("cn.perfledger.app.security.SignIn")).detachAppender(log);
    }

    @Test
    void basic_afterFiveWrongPasswords_answers429WithRetryAfter_withoutBcrypt_andLogsEveryFailure() throws Exception {
        String address = address();
        for (int i = 0; i < 5; i++) {
            api(user, "wrong-" + i, address).andExpect(status().isUnauthorized());
        }
        int checks = BCRYPT_CHECKS.get();
        api(user, "wrong-5", address).andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "600"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(429))
                .andExpect(jsonPath("$.title").value("登录失败次数过多，请稍后再试，未写入任何记录"))
                .andExpect(jsonPath("$.field").value("Authorization"))
                .andExpect(jsonPath("$.rule").value(Matchers.containsString("请 600 秒后再试")));
        // while locked even the right password is not checked, from this address
        api(user, "right-password", address).andExpect(status().isTooManyRequests());
        assertThat(BCRYPT_CHECKS.get()).as("bcrypt runs while locked").isEqualTo(checks);
        // the owner elsewhere is not locked out by a guesser at one address
        api(user, "right-password", address()).andExpect(status().isOk());

        List<String> lines = log.list.stream().filter(e -> e.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines.stream().filter(l -> l.contains("sign-in failed: user='" + user + "' address=" + address
                + " reason=wrong password"))).hasSize(5);
        assertThat(lines.stream().filter(l -> l.contains("refused without checking") && l.contains(address)))
                .isNotEmpty();
        assertThat(lines).noneMatch(l -> l.contains("wrong-") || l.contains("right-password"));
    }

    @Test
    void unknownNamesAndDisabledUsers_countAsFailures_andAreLoggedWithTheirReason() throws Exception {
        String address = address();
        api("nobody-" + user, "whatever-pw", address).andExpect(status().isUnauthorized());
        users.update(user, null, null, false, "test");
        api(user, "right-password", address).andExpect(status().isUnauthorized());
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(l -> l.contains("user='nobody-" + user + "'") && l.contains("reason=unknown user"))
                .anyMatch(l -> l.contains("user='" + user + "'") && l.contains("reason=user disabled"));
    }

    @Test
    void anAddressTryingManyNames_isThrottled_andForwardedForHeadersAreNotBelieved() throws Exception {
        String address = address();
        for (int i = 0; i < 20; i++) {
            mvc.perform(get("/api/v1/departments").with(httpBasic("spray-" + i + "-" + user, "password-x"))
                    .header("X-Forwarded-For", "192.0.2." + i).with(from(address)))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/v1/departments").with(httpBasic(user, "right-password"))
                .header("X-Forwarded-For", "198.51.100.1").with(from(address)))
                .andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"));
    }

    @Test
    void form_afterFiveWrongPasswords_answers429WithThePageSayingHowLongToWait() throws Exception {
        String address = address();
        for (int i = 0; i < 5; i++) {
            form(user, "wrong-" + i, address).andExpect(status().is3xxRedirection())
                    .andExpect(header().string("Location", Matchers.endsWith("/login?error")));
        }
        form(user, "wrong-5", address).andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "600"))
                .andExpect(content().string(Matchers.containsString("登录失败次数过多，已暂时锁定，请 600 秒后再试。")))
                .andExpect(content().string(Matchers.containsString("name=\"_csrf\"")));
        form(user, "right-password", address).andExpect(status().isTooManyRequests());
        form(user, "right-password", address()).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", Matchers.not(Matchers.containsString("error"))));
    }

    @Test
    void aVerifiedCredential_skipsBcrypt_untilThePasswordChanges_whichTakesEffectAtOnce() throws Exception {
        String address = address();
        api(user, "right-password", address).andExpect(status().isOk());
        int checks = BCRYPT_CHECKS.get();
        for (int i = 0; i < 20; i++) {
            api(user, "right-password", address).andExpect(status().isOk());
        }
        assertThat(BCRYPT_CHECKS.get()).as("bcrypt after the first verification").isEqualTo(checks);

        mvc.perform(post("/api/v1/admin/users/" + user + "/password").with(asAdmin())
                .contentType(MediaType.APPLICATION_JSON).content("{\"password\":\"new-password-1\"}"))
                .andExpect(status().isOk());
        api(user, "right-password", address).andExpect(status().isUnauthorized());
        api(user, "new-password-1", address).andExpect(status().isOk());

        // scope and roles come from the register on every request, never from the cache
        mvc.perform(get("/api/v1/export").with(httpBasic(user, "new-password-1")).with(from(address)))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/admin/users/" + user).with(asAdmin()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"roles\":[\"CLERK\"]}")).andExpect(status().isOk());
        mvc.perform(get("/api/v1/export").with(httpBasic(user, "new-password-1")).with(from(address)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/admin/users/" + user).with(asAdmin()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"enabled\":false}")).andExpect(status().isOk());
        api(user, "new-password-1", address).andExpect(status().isUnauthorized());
    }

    @Test
    void signInIgnoresCase_andTheStoredSpellingIsWhoIsSignedIn() throws Exception {
        String mixed = "Si-Case-" + UUID.randomUUID().toString().substring(0, 6);
        users.create(new UserStore.NewUser(mixed, null, "case-password", Set.of(LedgerRole.ADMIN),
                DepartmentScope.ALL), "test");
        mvc.perform(get("/api/v1/admin/users").with(httpBasic(mixed.toUpperCase(), "case-password"))
                .with(from(address()))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.username == '" + mixed + "')]").exists());
    }

    @Test
    void userAdministration_refusesCaseTwins_weakPasswords_andScopesNamingUnknownDepartments() throws Exception {
        String dept = "SI-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        mvc.perform(post("/api/v1/departments").with(asAdmin()).contentType(MediaType.APPLICATION_JSON).content("""
                {"departmentId":"%s","name":"用户管理测试局","jurisdiction":"广州市",
                 "units":[{"code":"BJ","name":"本级","headOffice":true}],"effectiveDate":"2021-01-01"}"""
                .formatted(dept))).andExpect(status().isCreated());
        String name = "Si-Twin-" + UUID.randomUUID().toString().substring(0, 6);
        createUser(name, "demo1234", dept).andExpect(status().isCreated());
        createUser(name.toLowerCase(), "demo1234", dept).andExpect(status().isConflict())
                .andExpect(jsonPath("$.field").value("username"))
                .andExpect(jsonPath("$.rule").value(Matchers.containsString("不区分大小写")))
                .andExpect(jsonPath("$.rule").value(Matchers.containsString(name)));

        String other = "si-pw-" + UUID.randomUUID().toString().substring(0, 6);
        for (String[] weak : new String[][] {{"short-7", "至少 8 个字符"}, {other, "不能与用户名相同"},
                {other.toUpperCase(), "不能与用户名相同"}, {"aaaaaaaaaa", "同一个字符"}, {"Password1", "过于常见"},
                {"12345678", "过于常见"}, {"密".repeat(25), "不能超过 72 个字节"}}) {
            createUser(other, weak[0], dept).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.field").value("password"))
                    .andExpect(jsonPath("$.rule").value(Matchers.containsString(weak[1])));
        }
        mvc.perform(post("/api/v1/admin/users/" + name + "/password").with(asAdmin())
                .contentType(MediaType.APPLICATION_JSON).content("{\"password\":\"password\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("password"));

        createUser(other, "long-enough-pw", dept + ",SI-NOBODY").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("departments"))
                .andExpect(jsonPath("$.rule").value(Matchers.containsString("部门未登记: SI-NOBODY")));
        mvc.perform(post("/api/v1/admin/users/" + name).with(asAdmin()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"departments\":\"SI-NOBODY\"}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("departments"));
        assertThat(users.exists(other)).isFalse();
        assertThat(users.view(name).departments()).isEqualTo(dept);
    }

    private ResultActions createUser(String username, String password, String departments) throws Exception {
        return mvc.perform(post("/api/v1/admin/users").with(asAdmin()).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"username":"%s","password":"%s","roles":["CLERK"],"departments":"%s"}"""
                        .formatted(username, password, departments)));
    }

    private ResultActions api(String username, String password, String address) throws Exception {
        return mvc.perform(get("/api/v1/departments").with(httpBasic(username, password)).with(from(address)));
    }

    private ResultActions form(String username, String password, String address) throws Exception {
        MockHttpServletRequestBuilder request = post("/login").with(csrf()).param("username", username)
                .param("password", password);
        return mvc.perform(request.with(from(address)));
    }

    /** A fresh client address per use, so that tests do not share throttle entries. */
    private static String address() {
        int n = ADDRESSES.incrementAndGet();
        return "10.77." + (n / 250) + "." + (n % 250 + 1);
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static RequestPostProcessor asAdmin() {
        LedgerUserDetails admin = new LedgerUserDetails("si-admin", null, null, EnumSet.of(LedgerRole.ADMIN),
                DepartmentScope.ALL, true);
        return authentication(UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
    }
}
