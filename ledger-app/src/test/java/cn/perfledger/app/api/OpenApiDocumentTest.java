package cn.perfledger.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.perfledger.app.support.H2FileContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

/** The OpenAPI document, Swagger UI and the health endpoint are served (shares the H2 file test context). */
@SpringBootTest
@AutoConfigureMockMvc
class OpenApiDocumentTest implements H2FileContext {

    @Autowired
    private MockMvc mvc;

    @Autowired
    private ObjectMapper objectMapper;

    @Test
    void apiDocs_describeTheBudgetEndpoints() throws Exception {
        String body = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        JsonNode doc = objectMapper.readTree(body);
        assertThat(doc.get("info").get("title").asText()).contains("绩效账本");
        List<String> paths = new ArrayList<>();
        doc.get("paths").fieldNames().forEachRemaining(paths::add);
        String year = "/api/v1/departments/{dept}/years/{year}";
        assertThat(paths).contains("/api/v1/departments", "/api/v1/departments/{dept}/units",
                "/api/v1/departments/{dept}/years", year, year + "/events", year + "/budget-lines",
                year + "/initial-budgets", year + "/adjustments/increase", year + "/adjustments/decrease",
                year + "/adjustments/transfer", year + "/carry-ins", year + "/withdrawals", year + "/expenditures",
                year + "/expenditure-batches", year + "/reversals", year + "/procurements",
                year + "/procurements/{procurementId}/contract", year + "/procurements/{procurementId}/filing",
                year + "/procurements/{procurementId}/executions", year + "/execution-notices",
                year + "/fixed-assets", year + "/staffing", year + "/other-funds", year + "/close", year + "/evaluation",
                year + "/evaluation/indicators",
                year + "/evaluation/indicators/{indicatorId}/actuals",
                year + "/evaluation/indicators/{indicatorId}/target-revisions", year + "/evaluation/judgement-scores",
                year + "/evaluation/judgement-scores/{rubricItemCode}/withdrawal", year + "/evaluation/bonus-penalties",
                year + "/evaluation/submissions", "/api/v1/rubrics", "/api/v1/rubrics/{rubricVersionId}/retirement");
        JsonNode schemas = doc.get("components").get("schemas");
        JsonNode expenditure = schemas.get("ExpenditureRequest").get("properties");
        assertThat(expenditure.get("amount").get("type").asText()).isEqualTo("string");
        assertThat(expenditure.get("voucherNo").get("type").asText()).isEqualTo("string");
        assertThat(schemas.get("ExpenditureRequest").get("required").toString()).contains("amount", "voucherNo");
    }

    @Test
    void swaggerUi_andHealth_areServed() throws Exception {
        int status = mvc.perform(get("/swagger-ui.html")).andReturn().getResponse().getStatus();
        assertThat(status).isBetween(200, 399);
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
    }
}
