package cn.perfledger.app.ui.evaluate;

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
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The evaluator's forms: each writes through the API's path (success → redirect to where the record shows), is
 * refused with the API's Chinese rule next to its field (nothing written), needs its CSRF token, the 评价 role and
 * the department's scope, and writes once for two posts of one rendered form (the same Idempotency-Key).
 */
@SpringBootTest
@AutoConfigureMockMvc
class EvaluationWorkPagesTest implements H2FileContext {

    static final String VERSION = "ui-eval-2024@1";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    String dept;
    String base;
    RequestPostProcessor evaluator;

    @BeforeEach
    void aYearWithTheSmallRubric() throws Exception {
        RequestPostProcessor admin = as("ui-admin", DepartmentScope.ALL, LedgerRole.values());
        int published = mvc.perform(post("/api/v1/rubrics").with(admin).contentType(MediaType.APPLICATION_JSON)
                .content(UiForms.smallRubric(VERSION))).andReturn().getResponse().getStatus();
        assertThat(published).isIn(201, 409);
        dept = UiForms.newDepartment("EV");
        mvc.perform(post("/api/v1/departments").with(admin).contentType(MediaType.APPLICATION_JSON).content("""
                {"departmentId":"%s","name":"示范区某局","jurisdiction":"示范区","effectiveDate":"2024-01-01",
                 "units":[{"code":"BJ","name":"本级","headOffice":true}]}""".formatted(dept)))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/departments/" + dept + "/years").with(admin).contentType(MediaType.APPLICATION_JSON)
                .content("{\"year\":2024,\"rubricVersion\":\"" + VERSION + "\"}")).andExpect(status().isCreated());
        base = "/departments/" + dept + "/years/2024/evaluation/work";
        evaluator = as("ui-evaluator", DepartmentScope.of(dept), LedgerRole.EVALUATOR);
    }

    long events() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?", Long.class,
                dept + "/2024/evaluation");
    }

    MockHttpServletRequestBuilder form(String path, String key) {
        return post(base + path).with(evaluator).with(csrf()).param("idempotencyKey", key);
    }

    String page(String path) throws Exception {
        return mvc.perform(get(base + path).with(evaluator)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    void start() throws Exception {
        mvc.perform(form("/start", key())).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(base));
    }

    MockHttpServletRequestBuilder indicator(String key, String id, String target, String direction) {
        return indicator(key, id, target, direction, "25");
    }

    MockHttpServletRequestBuilder indicator(String key, String id, String target, String direction, String weight) {
        return form("/indicators", key).param("indicatorId", id).param("level1", "产出指标").param("level2", "数量指标")
                .param("name", "培训人次").param("weight", weight).param("targetExpression", target)
                .param("direction", direction).param("effectiveDate", "2024-01-01");
    }

    @Test
    void start_andDefineIndicator_redirectToTheList_whereTheyShowAtOnce() throws Exception {
        assertThat(page("")).contains("开始自评", "idempotencyKey");
        start();
        assertThat(events()).isEqualTo(1);
        mvc.perform(indicator(key(), "I-01", "≥100人次", "")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(base + "#indicator"));
        mvc.perform(indicator(key(), "I-02", "运行良好", "定性")).andExpect(status().is3xxRedirection());
        String page = page("");
        assertThat(page).contains("I-01", "≥100人次", "I-02", "运行良好", "定性", "已于 <span>2024-01-01</span>");
        assertThat(events()).isEqualTo(3);
    }

    @Test
    void refusedIndicator_showsTheApisChineseRuleNextToTheField_andWritesNothing() throws Exception {
        start();
        long before = events();
        String missingWeight = mvc.perform(indicator(key(), "I-01", "≥100人次", "", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(missingWeight).contains("class=\"field-error\"", "不能为空").contains("value=\"≥100人次\"");
        // a direction the target's own comparator contradicts: the domain refuses it, next to the direction
        String contradicted = mvc.perform(indicator(key(), "I-01", "≥95%", "反向")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(contradicted).contains("class=\"field-error\"").containsPattern("方向");
        String badNumber = mvc.perform(indicator(key(), "I-01", "≥100人次", "", "两分"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(badNumber).contains("取值无效");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void withoutCsrf_withAnotherRole_orAnotherDepartment_theFormIsRefused_andNothingIsWritten() throws Exception {
        long before = events();
        mvc.perform(post(base + "/start").with(evaluator).param("idempotencyKey", key()))
                .andExpect(status().isForbidden());
        mvc.perform(post(base + "/start").with(as("ui-clerk", DepartmentScope.of(dept), LedgerRole.CLERK)).with(csrf())
                .param("idempotencyKey", key())).andExpect(status().isForbidden());
        mvc.perform(post(base + "/start").with(as("ui-other", DepartmentScope.of("GZ-ZSJ"), LedgerRole.EVALUATOR))
                .with(csrf()).param("idempotencyKey", key())).andExpect(status().isForbidden());
        mvc.perform(get(base).with(as("ui-auditor", DepartmentScope.of(dept), LedgerRole.AUDITOR)))
                .andExpect(status().isForbidden());
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void twoPostsOfOneRenderedForm_writeOnce_andBothAnswerWithTheSameRedirect() throws Exception {
        start();
        String k = key();
        mvc.perform(indicator(k, "I-01", "≥100人次", "")).andExpect(redirectedUrl(base + "#indicator"));
        long after = events();
        mvc.perform(indicator(k, "I-01", "≥100人次", "")).andExpect(redirectedUrl(base + "#indicator"));
        assertThat(events()).isEqualTo(after);
        // the same key with other values is another request: refused, nothing written
        mvc.perform(indicator(k, "I-09", "≥100人次", "")).andExpect(status().isBadRequest());
        assertThat(events()).isEqualTo(after);
        // and a form without a key is refused
        mvc.perform(post(base + "/start").with(evaluator).with(csrf())).andExpect(status().isBadRequest());
    }

    @Test
    void actualRevisionAndBonus_areRecorded_andTheirRefusalsShown() throws Exception {
        start();
        mvc.perform(indicator(key(), "I-01", "≥100人次", "")).andExpect(status().is3xxRedirection());
        mvc.perform(form("/actuals", key()).param("indicatorId", "I-01").param("actual", "120人次")
                .param("effectiveDate", "2024-12-31")).andExpect(redirectedUrl(base + "#actual"));
        String noReason = mvc.perform(form("/revisions", key()).param("indicatorId", "I-01")
                .param("newTargetExpression", "≥110人次").param("effectiveDate", "2024-06-30")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(noReason).contains("不能为空");
        mvc.perform(form("/revisions", key()).param("indicatorId", "I-01").param("newTargetExpression", "≥110人次")
                .param("reason", "年中调整培训计划").param("effectiveDate", "2024-06-30"))
                .andExpect(redirectedUrl(base + "#revision"));
        String noIndicator = mvc.perform(form("/actuals", key()).param("actual", "1").param("effectiveDate",
                "2024-12-31")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(noIndicator).contains("请选择指标");
        mvc.perform(form("/bonus-penalties", key()).param("entryId", "B-1").param("kind", "BONUS")
                .param("points", "2.5").param("reason", "获市级表彰").param("effectiveDate", "2024-12-31"))
                .andExpect(redirectedUrl(base + "#bonus"));
        String page = page("");
        assertThat(page).contains("120人次", "≥110人次", "获市级表彰", "加分");
        assertThat(events()).isEqualTo(5);
    }

    @Test
    void judgementSheet_sendsOneCommandPerChangedRow_showsRefusalsPerRow_andSkipsUnchangedRows() throws Exception {
        start();
        assertThat(page("/sheet")).contains("财务管理制度健全性", "部门预算编制情况", "预决算信息公开", "每缺一项制度扣 5 分");
        long before = events();
        String partly = mvc.perform(form("/sheet", key()).param("evaluator", "评价组").param("effectiveDate", "2024-12-31")
                .param("score[M.SYSTEM]", "14").param("basis[M.SYSTEM]", "制度齐全，缺内控手册一项")
                .param("score[M.BUDGET]", "12").param("basis[M.BUDGET]", "")
                .param("score[M.DISC]", "").param("basis[M.DISC]", "")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(events()).isEqualTo(before + 1); // M.SYSTEM recorded, M.BUDGET refused, M.DISC untouched
        assertThat(partly).contains("已保存 1 项评分", "id=\"row-M.BUDGET\"").contains("class=\"field-error\"");
        String rowHtml = partly.substring(partly.indexOf("id=\"row-M.BUDGET\""));
        assertThat(rowHtml.substring(0, rowHtml.indexOf("</tr>"))).contains("field-error", "不能为空", "12");
        // fixed and sent again: the unchanged M.SYSTEM row is not recorded twice
        mvc.perform(form("/sheet", key()).param("evaluator", "评价组").param("effectiveDate", "2024-12-31")
                .param("score[M.SYSTEM]", "14.0").param("basis[M.SYSTEM]", "制度齐全，缺内控手册一项")
                .param("score[M.BUDGET]", "15").param("basis[M.BUDGET]", "按时编制"))
                .andExpect(redirectedUrl(base + "/sheet"));
        assertThat(events()).isEqualTo(before + 2);
        String nothing = mvc.perform(form("/sheet", key()).param("evaluator", "评价组").param("effectiveDate", "2024-12-31")
                .param("score[M.SYSTEM]", "14").param("basis[M.SYSTEM]", "制度齐全，缺内控手册一项"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(nothing).contains("没有改动");
        assertThat(page("/sheet")).contains("缺内控手册一项", "value=\"15\"");
    }

    @Test
    void submit_showsTheTableAndTheApisDigest_recordsTheSubmission_andRefusesAStaleDigest() throws Exception {
        start();
        String page = page("/submit");
        JsonNode expected = json.readTree(mvc.perform(get("/api/v1/departments/" + dept
                + "/years/2024/evaluation/submission-digest?referenceDate=2024-12-31").with(evaluator))
                .andReturn().getResponse().getContentAsString());
        String digest = expected.get("digest").asText();
        assertThat(page).contains(digest, "财务管理制度健全性", "将提交的总分");
        long before = events();
        String stale = mvc.perform(form("/submit", key()).param("referenceDate", "2024-12-31")
                .param("digest", "0".repeat(64)).param("submittedBy", "评价组").param("effectiveDate", "2024-12-31"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(stale).contains("摘要不是该自评表的摘要");
        assertThat(events()).isEqualTo(before);
        String k = key();
        for (int i = 0; i < 2; i++) {
            mvc.perform(form("/submit", k).param("referenceDate", "2024-12-31").param("digest", digest)
                    .param("submittedBy", "评价组").param("effectiveDate", "2024-12-31"))
                    .andExpect(redirectedUrl("/departments/" + dept + "/years/2024/submissions"));
        }
        assertThat(events()).isEqualTo(before + 1);
    }

    @Test
    void importOfABadTable_listsItsCellErrors_andWritesNothing() throws Exception {
        start();
        long before = events();
        MockMultipartFile file = new MockMultipartFile("file", "自评表.tsv", "text/tab-separated-values",
                "这不是自评表\t没有表头\n".getBytes(StandardCharsets.UTF_8));
        String answer = mvc.perform(multipart(base + "/import").file(file).with(evaluator).with(csrf())
                .param("idempotencyKey", key()).param("referenceDate", "2024-12-31")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(answer).contains("table-errors", "未写入任何记录");
        String noFile = mvc.perform(multipart(base + "/import").with(evaluator).with(csrf())
                .param("idempotencyKey", key())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(noFile).contains("缺少自评表文件");
        assertThat(events()).isEqualTo(before);
    }
}
