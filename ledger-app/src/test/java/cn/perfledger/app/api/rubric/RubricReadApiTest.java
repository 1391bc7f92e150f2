package cn.perfledger.app.api.rubric;

import static cn.perfledger.app.support.UiForms.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.perfledger.app.security.DepartmentScope;
import cn.perfledger.app.security.LedgerRole;
import cn.perfledger.app.support.H2FileContext;
import cn.perfledger.app.support.UiForms;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * {@code GET /api/v1/rubrics} and {@code GET /api/v1/rubrics/{id}}: every published version a reader may see, with
 * the years using it; one version's tree with its rules, inputs and texts as published; 404 for an unknown version
 * and for one scoped to departments outside the reader's scope.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RubricReadApiTest implements H2FileContext {

    static final RequestPostProcessor ADMIN = as("ui-admin", DepartmentScope.ALL, LedgerRole.values());

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;

    JsonNode read(String path, RequestPostProcessor user) throws Exception {
        return json.readTree(mvc.perform(get(path).with(user)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    String publish(String rubric) throws Exception {
        return mvc.perform(post("/api/v1/rubrics").with(ADMIN).contentType(MediaType.APPLICATION_JSON).content(rubric))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void listAndOneVersion_withItsTreeRulesTextsAndTheYearsUsingIt() throws Exception {
        String version = "ui-read-" + Long.toString(System.nanoTime(), 36) + "@1";
        publish(UiForms.smallRubric(version));
        String dept = UiForms.newDepartment("RB");
        mvc.perform(post("/api/v1/departments").with(ADMIN).contentType(MediaType.APPLICATION_JSON).content("""
                {"departmentId":"%s","name":"示范区某局","jurisdiction":"示范区","effectiveDate":"2024-01-01",
                 "units":[{"code":"BJ","name":"本级","headOffice":true}]}""".formatted(dept)))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/departments/" + dept + "/years").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                .content("{\"year\":2024,\"rubricVersion\":\"" + version + "\"}")).andExpect(status().isCreated());

        JsonNode detail = read("/api/v1/rubrics/" + version, ADMIN);
        assertThat(detail.at("/version/rubricVersionId").asText()).isEqualTo(version);
        assertThat(detail.at("/version/name").asText()).isEqualTo("示范区部门整体支出绩效自评指标体系（2024年度）");
        assertThat(detail.at("/version/scopeLabel").asText()).isNotBlank();
        assertThat(detail.at("/version/leafCount").asInt()).isEqualTo(6);
        assertThat(detail.at("/tree/1/children/0/criteria").asText()).isEqualTo("制度健全、执行有效得满分；每缺一项制度扣 5 分");
        assertThat(detail.at("/tree/1/children/0/rule/kind").asText()).isEqualTo("judgement");
        assertThat(detail.at("/tree/0/children/0/input/indicatorId").asText()).isEqualTo("I-01");
        assertThat(detail.at("/rounding/decimals").asInt()).isEqualTo(2);
        // the year opened under it is listed (the directory read model follows the store: wait for it)
        long deadline = System.currentTimeMillis() + 30_000;
        while (read("/api/v1/rubrics/" + version, ADMIN).at("/version/years").isEmpty()
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        JsonNode years = read("/api/v1/rubrics/" + version, ADMIN).at("/version/years");
        assertThat(years.size()).isEqualTo(1);
        assertThat(years.get(0).get("fiscalYearId").asText()).isEqualTo(dept + "/2024");

        List<String> listed = new ArrayList<>();
        read("/api/v1/rubrics", ADMIN).forEach(v -> listed.add(v.get("rubricVersionId").asText()));
        assertThat(listed).contains(version).isSorted();
        // a reader of another department sees the version (it is for all departments) but not that department's year
        JsonNode other = read("/api/v1/rubrics/" + version, as("ui-auditor-gz", DepartmentScope.of("GZ-ZSJ"),
                LedgerRole.AUDITOR));
        assertThat(other.at("/version/years").size()).isZero();
    }

    @Test
    void unknownVersion_andAVersionOfAnotherDepartment_are404() throws Exception {
        mvc.perform(get("/api/v1/rubrics/no-such-version@9").with(ADMIN)).andExpect(status().isNotFound());
        String dept = UiForms.newDepartment("RS");
        mvc.perform(post("/api/v1/departments").with(ADMIN).contentType(MediaType.APPLICATION_JSON).content("""
                {"departmentId":"%s","name":"示范区某局","jurisdiction":"示范区","effectiveDate":"2024-01-01",
                 "units":[{"code":"BJ","name":"本级","headOffice":true}]}""".formatted(dept)))
                .andExpect(status().isCreated());
        String version = "ui-own-" + Long.toString(System.nanoTime(), 36) + "@1";
        publish(UiForms.smallRubric(version).replace("\"scope\": {\"allDepartments\": true}",
                "\"scope\": {\"departments\": [\"" + dept + "\"]}"));
        RequestPostProcessor outsider = as("ui-auditor-gz", DepartmentScope.of("GZ-ZSJ"), LedgerRole.AUDITOR);
        mvc.perform(get("/api/v1/rubrics/" + version).with(outsider)).andExpect(status().isNotFound());
        List<String> seen = new ArrayList<>();
        read("/api/v1/rubrics", outsider).forEach(v -> seen.add(v.get("rubricVersionId").asText()));
        assertThat(seen).doesNotContain(version);
        RequestPostProcessor insider = as("ui-auditor-own", DepartmentScope.of(dept), LedgerRole.AUDITOR);
        assertThat(read("/api/v1/rubrics/" + version, insider).at("/version/scope/departments/0").asText())
                .isEqualTo(dept);
        // the page of the same version, for the same reader
        String page = mvc.perform(get("/rubrics/" + version).with(insider)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("示范区部门整体支出绩效自评指标体系（2024年度）", "评价人", "财务管理制度健全性");
        String list = mvc.perform(get("/rubrics").with(insider)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains(version);
    }
}
