package cn.perfledger.app.rubric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.perfledger.app.security.DepartmentScope;
import cn.perfledger.app.security.LedgerRole;
import cn.perfledger.app.security.LedgerUserDetails;
import cn.perfledger.app.support.H2FileContext;
import cn.perfledger.app.support.TestRubrics;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumSet;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Rubric owner scopes and the rubric-use policy, through the API. Two departments A and B; versions for A only,
 * for all, effective only from 2030, and retired. Every refusal names {@code rubricVersion} (or {@code scope}) and
 * its rule in Chinese, and writes nothing: the department-year's streams and the rubric's stream keep their
 * length.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RubricScopeAndUseTest implements H2FileContext {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    String a;
    String b;
    String forA;
    String forAll;

    @BeforeEach
    void twoDepartmentsAndTwoVersions() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        a = "RS-A" + suffix;
        b = "RS-B" + suffix;
        register(a);
        register(b);
        forA = "rs-a-" + suffix.toLowerCase() + "@1";
        forAll = "rs-all-" + suffix.toLowerCase() + "@1";
        publish(forA, "{\"departments\":[\"" + a + "\"]}", "2021-01-01", admin()).andExpect(status().isCreated());
        publish(forAll, "{\"allDepartments\":true}", "2021-01-01", admin()).andExpect(status().isCreated());
    }

    // --- opening a year -----------------------------------------------------------------------------------

    @Test
    void openYear_refused_whenTheDepartmentIsOutsideTheVersionsScope() throws Exception {
        openYear(b, forA).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("rubricVersion"))
                .andExpect(jsonPath("$.rule").value(Matchers.containsString("只适用于 " + a)))
                .andExpect(jsonPath("$.rule").value(Matchers.containsString(b + " 不在其适用范围内")));
        assertThat(length(b + "/2021")).isZero();
        openYear(a, forA).andExpect(status().isCreated());
        openYear(b, forAll).andExpect(status().isCreated());
    }

    @Test
    void openYear_refused_whenTheVersionWasNeverPublished() throws Exception {
        openYear(a, "rs-nobody@9").andExpect(status().isNotFound())
                .andExpect(jsonPath("$.field").value("rubricVersion"))
                .andExpect(jsonPath("$.rule").value(Matchers.containsString("评价体系版本未发布")));
        assertThat(length(a + "/2021")).isZero();
        assertThat(length("rs-nobody@9")).isZero();
    }

    @Test
    void openYear_refused_whenTheVersionAppliesOnlyFromALaterYear() throws Exception {
        String later = "rs-later-" + UUID.randomUUID().toString().substring(0, 6) + "@1";
        publish(later, "{\"allDepartments\":true}", "2030-01-01", admin()).andExpect(status().isCreated());
        openYear(a, later).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("rubricVersion"))
                .andExpect(jsonPath("$.rule").value(Matchers.containsString("自 2030-01-01 起生效，晚于 2021 年度")));
        assertThat(length(a + "/2021")).isZero();
    }

    @Test
    void openYear_startEvaluation_andRescore_refused_onceTheVersionIsRetired() throws Exception {
        openYear(a, forA).andExpect(status().isCreated());
        retire(forA, "2021-06-01", admin()).andExpect(status().isCreated());

        // another year of the same department under the retired version
        mvc.perform(post("/api/v1/departments/" + a + "/years").contentType(MediaType.APPLICATION_JSON)
                .content("{\"year\":2022,\"rubricVersion\":\"" + forA + "\"}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("rubricVersion"))
                .andExpect(jsonPath("$.rule").value(Matchers.containsString("已于 2021-06-01 停用")));
        assertThat(length(a + "/2022")).isZero();
        // the evaluation of the year opened before the retirement
        mvc.perform(post("/api/v1/departments/" + a + "/years/2021/evaluation")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("rubricVersion"))
                .andExpect(jsonPath("$.rule").value(Matchers.containsString("不能再用于开始自评")));
        assertThat(length(a + "/2021/evaluation")).isZero();
        mvc.perform(get("/api/v1/departments/" + a + "/years/2021/evaluation/rescore")
                .param("rubricVersion", forA)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.rule").value(Matchers.containsString("不能再用于重新评分")));
    }

    @Test
    void startEvaluation_andRescore_refused_outsideTheScope_butAllowedInside() throws Exception {
        openYear(b, forAll).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/departments/" + b + "/years/2021/evaluation")).andExpect(status().isCreated());
        mvc.perform(get("/api/v1/departments/" + b + "/years/2021/evaluation/rescore").param("rubricVersion", forA))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("rubricVersion"))
                .andExpect(jsonPath("$.rule").value(Matchers.containsString(b + " 不在其适用范围内")));
        mvc.perform(get("/api/v1/departments/" + b + "/years/2021/evaluation/rescore")
                .param("rubricVersion", "rs-nobody@9")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.field").value("rubricVersion"));
        mvc.perform(get("/api/v1/departments/" + b + "/years/2021/evaluation/rescore").param("rubricVersion", forAll))
                .andExpect(status().isOk());
    }

    // --- who may publish and retire -----------------------------------------------------------------------

    @Test
    void aOneDepartmentAdmin_publishesOnlyForHisDepartment_andRetiresNothingOthersUse() throws Exception {
        RequestPostProcessor adminOfA = adminOf(DepartmentScope.of(a));
        String own = "rs-own-" + UUID.randomUUID().toString().substring(0, 6) + "@1";
        String wide = "rs-wide-" + UUID.randomUUID().toString().substring(0, 6) + "@1";
        String both = "rs-both-" + UUID.randomUUID().toString().substring(0, 6) + "@1";

        publish(wide, "{\"allDepartments\":true}", "2021-01-01", adminOfA).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.field").value("scope"))
                .andExpect(jsonPath("$.title").value("无权执行此操作，未写入任何记录"))
                .andExpect(jsonPath("$.rule").value(Matchers.containsString("全部部门")));
        publish(both, "{\"departments\":[\"" + a + "\",\"" + b + "\"]}", "2021-01-01", adminOfA)
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.field").value("scope"));
        assertThat(length(wide) + length(both)).isZero();
        publish(own, "{\"departments\":[\"" + a + "\"]}", "2021-01-01", adminOfA).andExpect(status().isCreated());

        retire(forAll, "2022-01-01", adminOfA).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.field").value("scope"))
                .andExpect(jsonPath("$.rule").value(Matchers.containsString("无权停用适用于 全部部门")));
        assertThat(length(forAll)).isEqualTo(1);
        retire(forA, "2022-01-01", adminOfA).andExpect(status().isCreated());
        // an administrator of B alone may not retire A's version either
        retire(own, "2022-01-01", adminOf(DepartmentScope.of(b))).andExpect(status().isForbidden());
        assertThat(length(own)).isEqualTo(1);
    }

    @Test
    void publish_refused_whenTheScopeIsMissingAmbiguousOrNamesAnUnregisteredDepartment() throws Exception {
        String version = "rs-bad-" + UUID.randomUUID().toString().substring(0, 6) + "@1";
        publish(version, "{\"departments\":[\"" + a + "\",\"RS-NOBODY\"]}", "2021-01-01", admin())
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("scope.departments[1]"))
                .andExpect(jsonPath("$.rule").value("部门未登记: RS-NOBODY"));
        publish(version, "{\"allDepartments\":true,\"departments\":[\"" + a + "\"]}", "2021-01-01", admin())
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("scope.departments"));
        publish(version, "{\"departments\":[]}", "2021-01-01", admin())
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("scope.departments"));
        publish(version, null, "2021-01-01", admin())
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("scope"));
        assertThat(length(version)).isZero();
    }

    // --- helpers ------------------------------------------------------------------------------------------

    private void register(String dept) throws Exception {
        mvc.perform(post("/api/v1/departments").contentType(MediaType.APPLICATION_JSON).content("""
                {"departmentId":"%s","name":"评价体系范围测试局","jurisdiction":"广州市",
                 "units":[{"code":"BJ","name":"本级","headOffice":true}],"effectiveDate":"2021-01-01"}"""
                .formatted(dept))).andExpect(status().isCreated());
    }

    private org.springframework.test.web.servlet.ResultActions publish(String version, String scope,
            String effectiveDate, RequestPostProcessor who) throws Exception {
        ObjectNode body = (ObjectNode) json.readTree(TestRubrics.gz2021());
        body.put("rubricVersionId", version);
        body.put("effectiveDate", effectiveDate);
        if (scope == null) {
            body.remove("scope");
        } else {
            body.set("scope", json.readTree(scope));
        }
        return mvc.perform(post("/api/v1/rubrics").with(who).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)));
    }

    private org.springframework.test.web.servlet.ResultActions retire(String version, String effectiveDate,
            RequestPostProcessor who) throws Exception {
        return mvc.perform(post("/api/v1/rubrics/" + version + "/retirement").with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"被新版取代\",\"effectiveDate\":\"" + effectiveDate + "\"}"));
    }

    private org.springframework.test.web.servlet.ResultActions openYear(String dept, String version)
            throws Exception {
        MockHttpServletRequestBuilder request = post("/api/v1/departments/" + dept + "/years")
                .contentType(MediaType.APPLICATION_JSON).content("{\"year\":2021,\"rubricVersion\":\"" + version + "\"}");
        return mvc.perform(request);
    }

    private static RequestPostProcessor admin() {
        return adminOf(DepartmentScope.ALL);
    }

    private static RequestPostProcessor adminOf(DepartmentScope scope) {
        LedgerUserDetails user = new LedgerUserDetails("rs-admin", null, null, EnumSet.of(LedgerRole.ADMIN), scope,
                true);
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    private int length(String aggregateId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                Integer.class, aggregateId);
    }
}
