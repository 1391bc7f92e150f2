package cn.perfledger.app.ui.admin;

import static cn.perfledger.app.support.UiForms.as;
import static cn.perfledger.app.support.UiForms.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.perfledger.app.security.DepartmentScope;
import cn.perfledger.app.security.LedgerRole;
import cn.perfledger.app.support.H2FileContext;
import cn.perfledger.app.support.UiForms;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The administrator's forms: departments, units, users and rubric files go through the API controllers' own path,
 * refusals show the API's Chinese rule next to the field (nothing written), CSRF and the 管理 role (with the scope
 * the API asks for) are required, and one rendered form writes once however often it is posted.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AdminPagesTest implements H2FileContext {

    static final RequestPostProcessor ADMIN = as("ui-admin", DepartmentScope.ALL, LedgerRole.ADMIN);

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;

    long events(String stream) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?", Long.class,
                stream);
    }

    MockHttpServletRequestBuilder register(String key, String code) {
        return post("/admin/departments").with(ADMIN).with(csrf()).param("idempotencyKey", key)
                .param("departmentId", code).param("name", "示范区财政局").param("jurisdiction", "示范区")
                .param("headCode", "BJ").param("headName", "本级").param("effectiveDate", "2024-01-01");
    }

    /** The refusals on a page, for a failure message. */
    static String errorsOf(String html) {
        return String.join(" | ", java.util.regex.Pattern.compile("class=\"field-error\"[^>]*>([^<]*)<|<li>([^<]*)</li>")
                .matcher(html).results().map(m -> m.group(1) != null ? m.group(1) : m.group(2)).toList());
    }

    String html(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void registerDepartment_andAddUnit_redirectToTheDepartment_whereTheUnitsShow_once() throws Exception {
        String code = UiForms.newDepartment("AD");
        String k = key();
        mvc.perform(register(k, code)).andExpect(redirectedUrl("/admin/departments/" + code));
        mvc.perform(register(k, code)).andExpect(redirectedUrl("/admin/departments/" + code));
        assertThat(events(code)).isEqualTo(1);
        String unitKey = key();
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/admin/departments/" + code + "/units").with(ADMIN).with(csrf())
                    .param("idempotencyKey", unitKey).param("unitCode", "ZX").param("unitName", "信息中心")
                    .param("effectiveDate", "2024-02-01")).andExpect(redirectedUrl("/admin/departments/" + code + "#units"));
        }
        assertThat(events(code)).isEqualTo(2);
        assertThat(html(get("/admin/departments/" + code).with(ADMIN))).contains("示范区财政局", "本级", "信息中心", "所属单位");
    }

    @Test
    void refusedDepartmentAndUnit_showTheRuleNextToTheField_andWriteNothing() throws Exception {
        String bad = html(register(key(), "错误 编码"));
        assertThat(bad).contains("class=\"field-error\"").contains("value=\"错误 编码\"");
        String noName = html(post("/admin/departments").with(ADMIN).with(csrf()).param("idempotencyKey", key())
                .param("departmentId", UiForms.newDepartment("AD")).param("jurisdiction", "示范区").param("headCode", "BJ")
                .param("headName", "本级").param("effectiveDate", "2024-01-01"));
        assertThat(noName).contains("field-error");
        String code = UiForms.newDepartment("AD");
        mvc.perform(register(key(), code)).andExpect(status().is3xxRedirection());
        String twice = html(register(key(), code));
        assertThat(twice).contains("field-error");
        String noUnitName = html(post("/admin/departments/" + code + "/units").with(ADMIN).with(csrf())
                .param("idempotencyKey", key()).param("unitCode", "ZX").param("effectiveDate", "2024-02-01"));
        assertThat(noUnitName).contains("field-error");
        assertThat(events(code)).isEqualTo(1);
    }

    @Test
    void withoutCsrf_orWithoutTheAdminRole_theFormsAreRefused() throws Exception {
        String code = UiForms.newDepartment("AD");
        mvc.perform(post("/admin/departments").with(ADMIN).param("idempotencyKey", key()).param("departmentId", code))
                .andExpect(status().isForbidden());
        RequestPostProcessor evaluator = as("ui-evaluator", DepartmentScope.ALL, LedgerRole.EVALUATOR);
        mvc.perform(register(key(), code).with(evaluator)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/departments").with(evaluator)).andExpect(status().isForbidden());
        // a one-department administrator may add units to his department, but not manage users or other departments
        RequestPostProcessor scoped = as("ui-admin-gz", DepartmentScope.of("GZ-ZSJ"), LedgerRole.ADMIN);
        mvc.perform(get("/admin/users").with(scoped)).andExpect(status().isForbidden());
        mvc.perform(register(key(), code).with(scoped)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/departments/HZ-ZSJ/units").with(scoped).with(csrf()).param("idempotencyKey", key())
                .param("unitCode", "X").param("unitName", "某单位").param("effectiveDate", "2024-01-01"))
                .andExpect(status().isForbidden());
        assertThat(events(code)).isZero();
    }

    @Test
    void users_areCreatedWithRolesAndScope_changed_andRefusedWithTheApisRules() throws Exception {
        String code = UiForms.newDepartment("AD");
        mvc.perform(register(key(), code)).andExpect(status().is3xxRedirection());
        String name = "u" + code.toLowerCase().replace("-", "");
        String weak = html(post("/admin/users").with(ADMIN).with(csrf()).param("idempotencyKey", key())
                .param("username", name).param("password", "123").param("roles", "EVALUATOR").param("departments", code));
        assertThat(weak).contains("field-error").contains("密码");
        String unknownScope = html(post("/admin/users").with(ADMIN).with(csrf()).param("idempotencyKey", key())
                .param("username", name).param("password", "评价员的长密码2024").param("roles", "EVALUATOR")
                .param("departments", "NO-SUCH-DEPT"));
        assertThat(unknownScope).contains("部门未登记");
        String k = key();
        for (int i = 0; i < 2; i++) {
            var created = mvc.perform(post("/admin/users").with(ADMIN).with(csrf()).param("idempotencyKey", k)
                    .param("username", name).param("displayName", "示范区评价员").param("password", "评价员的长密码2024")
                    .param("roles", "EVALUATOR").param("departments", code)).andReturn().getResponse();
            assertThat(created.getRedirectedUrl()).as(errorsOf(created.getContentAsString(StandardCharsets.UTF_8)))
                    .isEqualTo("/admin/users#user-" + name);
        }
        String list = html(get("/admin/users").with(ADMIN));
        assertThat(list).contains("示范区评价员", code, "id=\"user-" + name + "\"");
        String second = UiForms.newDepartment("AD");
        mvc.perform(register(key(), second)).andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/users/" + name).with(ADMIN).with(csrf()).param("idempotencyKey", key())
                .param("roles", "EVALUATOR").param("roles", "AUDITOR").param("departments", code + "," + second)
                .param("enabled", "true")).andExpect(redirectedUrl("/admin/users#user-" + name));
        String changed = html(get("/admin/users").with(ADMIN));
        String row = changed.substring(changed.indexOf("id=\"user-" + name + "\""));
        assertThat(row.substring(0, row.indexOf("</tr>"))).contains("评价、审计").contains(second);
    }

    @Test
    void rubricFile_withAnError_isShownWithItsPathAndRule_fixed_published_once_andItsTreeShown() throws Exception {
        String version = "ui-adm-" + Long.toString(System.nanoTime(), 36) + "@1";
        String good = UiForms.smallRubric(version);
        String broken = good.replace("\"name\": \"预决算信息公开\", \"weight\": 15", "\"name\": \"预决算信息公开\", \"weight\": 16");
        assertThat(broken).isNotEqualTo(good);
        String refused = html(multipart("/admin/rubrics").file(new MockMultipartFile("file", "rubric.json",
                "application/json", broken.getBytes(StandardCharsets.UTF_8))).with(ADMIN).with(csrf())
                .param("idempotencyKey", key()));
        assertThat(refused).contains("未发布", "form-errors").containsPattern("分值|合计|之和");
        String unreadable = html(multipart("/admin/rubrics").file(new MockMultipartFile("file", "rubric.json",
                "application/json", "{\"rubricVersionId\": ".getBytes(StandardCharsets.UTF_8))).with(ADMIN).with(csrf())
                .param("idempotencyKey", key()));
        assertThat(unreadable).contains("form-errors");
        assertThat(events(version)).isZero();
        String k = key();
        for (int i = 0; i < 2; i++) {
            mvc.perform(multipart("/admin/rubrics").file(new MockMultipartFile("file", "rubric.json",
                    "application/json", good.getBytes(StandardCharsets.UTF_8))).with(ADMIN).with(csrf())
                    .param("idempotencyKey", k)).andExpect(redirectedUrl("/rubrics/" + version));
        }
        assertThat(events(version)).isEqualTo(1);
        String tree = html(get("/rubrics/" + version).with(ADMIN));
        assertThat(tree).contains("示范区部门整体支出绩效自评指标体系", "财务管理制度健全性", "每缺一项制度扣 5 分", "加减分项");
        // without the role, or without the token, nothing is published
        mvc.perform(multipart("/admin/rubrics").file(new MockMultipartFile("file", "r.json", "application/json",
                UiForms.smallRubric(version + "x").getBytes(StandardCharsets.UTF_8)))
                .with(as("ui-clerk", DepartmentScope.ALL, LedgerRole.CLERK)).with(csrf()).param("idempotencyKey", key()))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/admin/rubrics").file(new MockMultipartFile("file", "r.json", "application/json",
                UiForms.smallRubric(version + "x").getBytes(StandardCharsets.UTF_8))).with(ADMIN)
                .param("idempotencyKey", key())).andExpect(status().isForbidden());
    }
}
