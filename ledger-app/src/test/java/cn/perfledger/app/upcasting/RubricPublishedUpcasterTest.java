package cn.perfledger.app.upcasting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.perfledger.app.rubric.RubricDirectory;
import cn.perfledger.app.security.DepartmentScope;
import cn.perfledger.app.security.LedgerRole;
import cn.perfledger.app.security.LedgerUserDetails;
import cn.perfledger.app.support.TestDatabases;
import cn.perfledger.domain.common.DepartmentId;
import cn.perfledger.domain.common.RubricVersionId;
import cn.perfledger.domain.rubric.RubricEvent.RubricPublished;
import cn.perfledger.domain.rubric.RubricScope;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code RubricPublished} revision 1 (released before rubric versions had an owner scope) reads as revision 2 with
 * the scope "all departments": the unit upcast, the locked JSON form of revision 2, and a stored revision-1 stream
 * (inserted with plain SQL, as an older release left it) that years of any department may open under, and that a
 * one-department administrator may not retire. Runs on its own H2 database.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RubricPublishedUpcasterTest {

    /** Revision 1 exactly as the released serializer wrote it (no {@code scope}). */
    static final String REVISION_1 = """
            {"rubricVersionId":"old-rev1@1","name":"旧版评分规则","jurisdiction":"广州市","templateYear":2021,\
            "totalWeight":10,"bonusCap":0,"tree":[{"code":"A","name":"管理效能","weight":10,"description":null,\
            "criteria":null,"rule":null,"input":null,"rounding":null,"children":[{"code":"A.ONE",\
            "name":"部门预算编制情况","weight":10,"description":null,"criteria":null,"rule":{"kind":"judgement"},\
            "input":{"kind":"judgement"},"rounding":null,"children":[]}]}],"rounding":{"decimals":2,"mode":"HALF_UP"},\
            "grades":{"bands":[{"grade":"优","minScore":90},{"grade":"良","minScore":80},{"grade":"中","minScore":60},\
            {"grade":"差","minScore":null}]},"sourceNote":"revision 1 fixture","effectiveDate":"2021-01-01"}""";

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabases.h2File(registry, TestDatabases.tempDir("ledger-rubric-upcasting-"));
    }

    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RubricDirectory rubrics;
    @Autowired
    MockMvc mvc;

    @Test
    void unitUpcast_addsTheScopeAllDepartments_andTheDefaultCoefficients_andNothingElse() throws Exception {
        JsonNode before = objectMapper.readTree(REVISION_1);
        JsonNode upcast = RubricPublishedUpcaster.upcast(before);

        assertThat(upcast.get("scope").toString()).isEqualTo("{\"allDepartments\":true,\"departments\":[]}");
        assertThat(upcast.get("gradeCoefficients").isNull()).isTrue();
        JsonNode withoutScope = ((com.fasterxml.jackson.databind.node.ObjectNode) upcast.deepCopy())
                .without(List.of("scope", "gradeCoefficients"));
        assertThat(withoutScope).isEqualTo(before);
        RubricPublished event = objectMapper.treeToValue(upcast, RubricPublished.class);
        assertThat(event.scope()).isEqualTo(RubricScope.all());
        assertThat(event.tree()).hasSize(1);
        assertThatThrownBy(() -> RubricPublishedUpcaster.upcast(upcast)).isInstanceOf(IllegalStateException.class);
    }

    /**
     * Revision 1 reads, through revision 2, as revision 3: every node gets {@code "provenance": null} right after its
     * criteria, nothing else changes; the form is locked (changing it needs revision 4 and an upcaster).
     */
    @Test
    void revision1_readsThroughRevision2_asRevision3_withoutProvenance() throws Exception {
        JsonNode revision2 = RubricPublishedUpcaster.upcast(objectMapper.readTree(REVISION_1));
        JsonNode revision3 = RubricProvenanceUpcaster.upcast(revision2);
        RubricPublished revision1Content = objectMapper.treeToValue(revision3, RubricPublished.class);
        assertThat(revision1Content.tree().get(0).provenance()).isNull();
        assertThat(revision1Content.tree().get(0).children().get(0).provenance()).isNull();
        RubricPublished scoped = new RubricPublished(revision1Content.rubricVersionId(), revision1Content.name(),
                revision1Content.jurisdiction(), RubricScope.of(new DepartmentId("GZ-ZSJ")),
                revision1Content.templateYear(), revision1Content.totalWeight(), revision1Content.bonusCap(),
                revision1Content.tree(), revision1Content.rounding(), revision1Content.grades(),
                revision1Content.sourceNote(), revision1Content.effectiveDate());
        String json = objectMapper.writeValueAsString(scoped);

        assertThat(json).isEqualTo(REVISION_1.replace("\"jurisdiction\":\"广州市\",",
                "\"jurisdiction\":\"广州市\",\"scope\":{\"allDepartments\":false,\"departments\":[\"GZ-ZSJ\"]},")
                .replace("\"sourceNote\"", "\"gradeCoefficients\":null,\"sourceNote\"")
                .replace("\"criteria\":null,", "\"criteria\":null,\"provenance\":null,"));
        assertThat(objectMapper.readValue(json, RubricPublished.class)).isEqualTo(scoped);
        assertThat(RubricPublished.class.getAnnotation(org.axonframework.serialization.Revision.class).value())
                .isEqualTo("3");
        assertThatThrownBy(() -> RubricProvenanceUpcaster.upcast(revision3)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void storedRevision1_isUsableByEveryDepartment_andOnlyAnAllDepartmentsAdminMayRetireIt() throws Exception {
        String version = "old-" + UUID.randomUUID().toString().substring(0, 6) + "@1";
        jdbc.update("INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier,"
                + " timeStamp, payloadType, payloadRevision, payload, metaData) VALUES (?, 0, 'Rubric', ?, ?, ?, '1', ?, ?)",
                version, UUID.randomUUID().toString(), "2021-01-01T00:00:00Z", RubricPublished.class.getName(),
                REVISION_1.replace("old-rev1@1", version).getBytes(StandardCharsets.UTF_8),
                "{\"client\":\"API\",\"synthetic\":\"false\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(rubrics.find(new RubricVersionId(version))).hasValueSatisfying(v -> {
            assertThat(v.scope()).isEqualTo(RubricScope.all());
            assertThat(v.retirement()).isNull();
        });
        String dept = "UPR-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        mvc.perform(post("/api/v1/departments").contentType(MediaType.APPLICATION_JSON).content("""
                {"departmentId":"%s","name":"升级测试局","jurisdiction":"广州市",
                 "units":[{"code":"BJ","name":"本级","headOffice":true}],"effectiveDate":"2021-01-01"}"""
                .formatted(dept))).andExpect(status().isCreated());
        mvc.perform(post("/api/v1/departments/" + dept + "/years").contentType(MediaType.APPLICATION_JSON)
                .content("{\"year\":2021,\"rubricVersion\":\"" + version + "\"}")).andExpect(status().isCreated());

        LedgerUserDetails oneDepartmentAdmin = new LedgerUserDetails("upr-admin", null, null,
                Set.of(LedgerRole.ADMIN), DepartmentScope.of(dept), true);
        mvc.perform(post("/api/v1/rubrics/" + version + "/retirement").with(authentication(
                UsernamePasswordAuthenticationToken.authenticated(oneDepartmentAdmin, null,
                        oneDepartmentAdmin.getAuthorities())))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"试停用\",\"effectiveDate\":\"2022-01-01\"}"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.field").value("scope"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                Integer.class, version)).isEqualTo(1);
    }
}
