package cn.perfledger.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.perfledger.app.support.H2FileContext;
import cn.perfledger.app.support.TestRubrics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Refusals and warnings that say what to do: an indicator before the evaluation is started, an indicator no rubric
 * item reads, an unknown 账本数字编码; and a report's figure declared against an indicator's recorded actual.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TeachingErrorsTest implements H2FileContext {

    private static final String INDICATOR = """
            {"indicatorId":"%s","path":%s,"name":"%s","weight":"2","targetExpression":"%s",%s"effectiveDate":"2021-03-01"}""";

    @Autowired
    private MockMvc mvc;
    @Autowired
    private ObjectMapper objectMapper;

    @Test
    void anIndicatorBeforeTheEvaluation_saysHowToStartIt() throws Exception {
        String year = openYear();
        JsonNode problem = send(year + "/evaluation/indicators", INDICATOR.formatted("I-1", "[\"履职效能\"]", "热线接通率",
                "≥95%", ""), 404);
        assertThat(problem.get("rule").asText()).contains("自评尚未开始", "POST " + year + "/evaluation");
    }

    @Test
    void anIndicatorNoItemReads_isRecorded_withAWarningListingTheGroupsAndCodes() throws Exception {
        String year = openYear();
        send(year + "/evaluation", "", 201);
        JsonNode answer = send(year + "/evaluation/indicators", INDICATOR.formatted("I-9", "[\"无此分组\"]", "某项指标",
                "≥1个", ""), 201);
        String warning = answer.get("warnings").get(0).asText();
        assertThat(warning).contains("不计入任何得分", "可归入的指标组", "（E）", "rubricItemCode");
        JsonNode tagged = send(year + "/evaluation/indicators", INDICATOR.formatted("I-10", "[\"无此分组\"]", "另一项指标",
                "≥1个", "\"rubricItemCode\":\"E.KPI-01\","), 201);
        assertThat(tagged.has("warnings")).isFalse();
    }

    @Test
    void aDeclaredFigure_againstAnIndicatorsActual_isReconciled_andAnUnknownKeyListsTheValidOnes() throws Exception {
        String year = openYear();
        send(year + "/evaluation", "", 201);
        send(year + "/evaluation/indicators", INDICATOR.formatted("I-S", "[\"履职效能\"]", "全年服务群众人次",
                "≥90万人次", "\"rubricItemCode\":\"E.KPI-01\","), 201);
        send(year + "/evaluation/indicators/I-S/actuals", "{\"actual\":\"960137人次\",\"effectiveDate\":\"2021-12-31\"}",
                201);
        String figure = """
                {"figureId":"R-1","document":"2021年度部门整体支出绩效自评报告","item":"全年服务群众已达 100 万人次",
                 "printedValue":"100","unitAsPrinted":"万人次","ledgerFigure":"%s","effectiveDate":"2021-12-31"}""";
        JsonNode refused = send(year + "/evaluation/declared-figures", figure.formatted("INDICATOR[I-S].ACTUAL"), -4);
        assertThat(refused.get("field").asText()).isEqualTo("ledgerFigure");
        assertThat(refused.get("rule").asText()).contains("可用的范围", "INDICATORS[参数可选]", "ACTUAL 实际完成值",
                "FISCAL.EXECUTION_RATE");
        send(year + "/evaluation/declared-figures", figure.formatted("INDICATORS[I-S].ACTUAL"), 201);
        JsonNode declared = null;
        for (JsonNode row : read(year + "/reconciliation").get("result").get("declaredFigures")) {
            if (row.get("figureId").asText().equals("R-1")) {
                declared = row;
            }
        }
        assertThat(declared).as("the declared figure in the reconciliation").isNotNull();
        // 960,137 人次 is 96.0137 万人次: the report's “100 万” is not the recorded actual
        assertThat(declared.get("ledger").get("expected").decimalValue()).isEqualByComparingTo("96.0137");
        assertThat(declared.get("classification").asText()).isEqualTo("DISCREPANCY");
    }

    private String openYear() throws Exception {
        String dept = "TE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        send("/api/v1/departments", """
                {"departmentId":"%s","name":"提示测试局","jurisdiction":"广州市",
                 "units":[{"code":"BJ","name":"本级","headOffice":true}],"effectiveDate":"2021-01-01"}""".formatted(dept),
                201);
        TestRubrics.ensurePublished(mvc);
        send("/api/v1/departments/" + dept + "/years", "{\"year\":2021,\"rubricVersion\":\"" + TestRubrics.GZ_2021
                + "\"}", 201);
        return "/api/v1/departments/" + dept + "/years/2021";
    }

    private JsonNode send(String url, String json, int expected) throws Exception {
        var request = post(url);
        if (!json.isEmpty()) {
            request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        MvcResult result = mvc.perform(request).andReturn();
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        if (expected < 0) {
            assertThat(result.getResponse().getStatus() / 100).as(url + " → " + body).isEqualTo(-expected);
        } else {
            assertThat(result.getResponse().getStatus()).as(url + " → " + body).isEqualTo(expected);
        }
        return body.isEmpty() ? objectMapper.createObjectNode() : objectMapper.readTree(body);
    }

    private JsonNode read(String url) throws Exception {
        return objectMapper.readTree(mvc.perform(get(url)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }
}
