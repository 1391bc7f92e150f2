package cn.perfledger.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.perfledger.app.demo.DemoDataLoader;
import cn.perfledger.app.demo.DemoUsers;
import cn.perfledger.app.support.H2FileContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Sign-in as the README's demo users: form login with CSRF for pages, HTTP Basic for the API, department scoping
 * of lists and pages, user administration, and what lands in an event's metadata (who, role, channel).
 */
@SpringBootTest
class SignInAndScopeTest implements H2FileContext {

    @Autowired
    WebApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    MockMvc mvc;

    @Autowired
    DemoDataLoader demo;

    @BeforeEach
    void demoDataAndAClientWithoutDefaultUser() {
        demo.loadAll();
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void pagesAskForSignInAndTheFormNeedsItsCsrfToken() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("name=\"_csrf\"")));
        // without the token the form post is refused, with it the auditor is in
        mvc.perform(post("/login").param("username", "auditor").param("password", DemoUsers.PASSWORD))
                .andExpect(status().isForbidden());
        mvc.perform(post("/login").with(csrf()).param("username", "auditor").param("password", "wrong"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login?error")));
        MvcResult signedIn = mvc.perform(post("/login").with(csrf()).param("username", "auditor")
                .param("password", DemoUsers.PASSWORD)).andExpect(status().is3xxRedirection()).andReturn();
        MockHttpSession session = (MockHttpSession) signedIn.getRequest().getSession(false);
        String page = mvc.perform(get("/").session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("GZ-ZSJ", "HZ-ZSJ", "审计", "退出");
        mvc.perform(get("/departments/GZ-ZSJ/years/2021/evaluation").session(session)).andExpect(status().isOk());
        // signing out needs the token too, and ends the session
        mvc.perform(post("/logout").session(session)).andExpect(status().isForbidden());
        mvc.perform(post("/logout").with(csrf()).session(session)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/").session(session)).andExpect(status().is3xxRedirection());
    }

    @Test
    void anAuditorScopedToTwoDepartmentsSeesOnlyThose() throws Exception {
        MvcResult signedIn = mvc.perform(post("/login").with(csrf()).param("username", "auditor-hz")
                .param("password", DemoUsers.PASSWORD)).andExpect(status().is3xxRedirection()).andReturn();
        MockHttpSession session = (MockHttpSession) signedIn.getRequest().getSession(false);
        String page = mvc.perform(get("/").session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("HZ-ZSJ", "PY-ZSJ").doesNotContain("GZ-ZSJ");
        mvc.perform(get("/departments/GZ-ZSJ/years/2021/evaluation").session(session))
                .andExpect(status().isForbidden());
        mvc.perform(get("/departments/HZ-ZSJ/years/2020/evaluation").session(session)).andExpect(status().isOk());

        JsonNode list = json.readTree(mvc.perform(get("/api/v1/departments").with(httpBasic("auditor-hz",
                DemoUsers.PASSWORD))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(list.findValuesAsText("departmentId")).contains("HZ-ZSJ", "PY-ZSJ").doesNotContain("GZ-ZSJ");
        mvc.perform(get("/api/v1/departments/GZ-ZSJ/years/2021/evaluation").with(httpBasic("auditor-hz",
                DemoUsers.PASSWORD))).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.field").value("role"))
                .andExpect(jsonPath("$.title").value("无权执行此操作，未写入任何记录"));
        mvc.perform(get("/api/v1/export").with(httpBasic("auditor-hz", DemoUsers.PASSWORD)))
                .andExpect(status().isForbidden());
    }

    @Test
    void theApiAnswersMissingCredentialsWithAProblemAndABasicChallenge() throws Exception {
        mvc.perform(get("/api/v1/departments")).andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Basic ")))
                .andExpect(jsonPath("$.field").value("Authorization"))
                .andExpect(jsonPath("$.status").value(401));
        // an API client's session cookie is never honoured, so no CSRF on the API
        mvc.perform(get("/api/v1/departments").with(httpBasic("auditor", DemoUsers.PASSWORD)))
                .andExpect(status().isOk()).andExpect(header().doesNotExist("Set-Cookie"));
    }

    @Test
    void eventsRecordWhoWhichRoleAndWhichChannel() throws Exception {
        String dept = "SEC-META";
        mvc.perform(post("/api/v1/departments").with(httpBasic("admin", DemoUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"departmentId":"%s","name":"元数据测试局","jurisdiction":"测试","effectiveDate":"2021-01-01",
                         "units":[{"code":"BJ","name":"本级","headOffice":true}]}
                        """.formatted(dept))).andExpect(status().isCreated());
        JsonNode meta = lastMetadata(dept);
        assertThat(meta.get("user").asText()).isEqualTo("admin");
        assertThat(meta.get("role").asText()).isEqualTo("ADMIN");
        assertThat(meta.get("client").asText()).isEqualTo("API");

        // an administrator does not keep the books: opening the year is the clerk's
        String openYear = "{\"year\":2021,\"rubricVersion\":\"gz-municipal-2021@1\"}";
        mvc.perform(post("/api/v1/departments/" + dept + "/years").with(httpBasic("admin", DemoUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(openYear)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/admin/users").with(httpBasic("admin", DemoUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"username":"sec-meta-clerk","password":"clerk-password","roles":["CLERK"],
                         "departments":"%s"}""".formatted(dept))).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/departments/" + dept + "/years").with(httpBasic("sec-meta-clerk", "clerk-password"))
                .header("X-Ledger-Client", "CLI").contentType(MediaType.APPLICATION_JSON).content(openYear))
                .andExpect(status().isCreated());
        meta = lastMetadata(dept + "/2021");
        assertThat(meta.get("user").asText()).isEqualTo("sec-meta-clerk");
        assertThat(meta.get("role").asText()).isEqualTo("CLERK");
        assertThat(meta.get("client").asText()).isEqualTo("CLI");
    }

    private JsonNode lastMetadata(String aggregateId) throws Exception {
        String metadata = jdbc.queryForObject("SELECT metaData FROM DomainEventEntry WHERE aggregateIdentifier = ?"
                + " ORDER BY sequenceNumber DESC LIMIT 1", (rs, n) -> new String(rs.getBytes(1),
                java.nio.charset.StandardCharsets.UTF_8), aggregateId);
        return json.readTree(metadata);
    }

    @Test
    void administratorsManageUsersAndNobodyElseDoes() throws Exception {
        String body = """
                {"username":"sec-new-clerk","displayName":"新录入员","password":"long-enough-pw",
                 "roles":["录入"],"departments":"GZ-ZSJ"}""";
        mvc.perform(post("/api/v1/admin/users").with(httpBasic("auditor", DemoUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/admin/users").with(httpBasic("admin", DemoUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.roles[0]").value("CLERK"))
                .andExpect(jsonPath("$.password").doesNotExist());
        mvc.perform(post("/api/v1/admin/users").with(httpBasic("admin", DemoUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.field").value("username"));
        mvc.perform(post("/api/v1/admin/users").with(httpBasic("admin", DemoUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(body.replace("sec-new-clerk", "sec-weak")
                        .replace("long-enough-pw", "short"))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("password"));
        mvc.perform(post("/api/v1/admin/users").with(httpBasic("admin", DemoUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(body.replace("sec-new-clerk", "sec-bad-role")
                        .replace("录入", "会计"))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("roles"));
        // the new clerk signs in and is scoped to GZ-ZSJ
        mvc.perform(get("/api/v1/departments/GZ-ZSJ").with(httpBasic("sec-new-clerk", "long-enough-pw")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/departments/HZ-ZSJ").with(httpBasic("sec-new-clerk", "long-enough-pw")))
                .andExpect(status().isForbidden());
        // disabled: no longer signs in
        mvc.perform(post("/api/v1/admin/users/sec-new-clerk").with(httpBasic("admin", DemoUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content("{\"enabled\":false}")).andExpect(status().isOk());
        mvc.perform(get("/api/v1/departments/GZ-ZSJ").with(httpBasic("sec-new-clerk", "long-enough-pw")))
                .andExpect(status().isUnauthorized());
        String hash = jdbc.queryForObject("SELECT password_hash FROM ledger_user WHERE username = 'sec-new-clerk'",
                String.class);
        assertThat(hash).startsWith("{bcrypt}").doesNotContain("long-enough-pw");
    }
}
