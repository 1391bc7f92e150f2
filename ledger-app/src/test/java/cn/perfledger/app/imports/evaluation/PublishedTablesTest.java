package cn.perfledger.app.imports.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.perfledger.app.imports.evaluation.PublishedTables.Published;
import cn.perfledger.app.support.H2FileContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Three real 自评表 of three provinces (see {@link PublishedTables}) through the public API, each under its department's
 * scoring scheme: every printed item score the ledger can compute from the row's own 年度指标值 and 实际完成值 is
 * reproduced, and every difference between what the table prints and what its own figures give is flagged in the
 * import's notes. The 预算资金 score is recomputed from the printed 执行率 (these departments' budgets are not in the
 * ledger, so the ledger's own 预算执行率 item is 0 here and is left out of the comparison).
 */
@SpringBootTest
@AutoConfigureMockMvc
class PublishedTablesTest implements H2FileContext {

    @Autowired
    private MockMvc mvc;
    @Autowired
    private ObjectMapper objectMapper;

    /** 湖北 塘湖镇 2020: printed 总分 100 = 20 (预算执行情况) + 80; every indicator met. */
    @Test
    void hubei_tanghu2020_reproducesEveryScoreAndTheTotal100() throws Exception {
        Imported imported = importTable(PublishedTables.hubeiTanghu());
        assertThat(imported.report().get("layout").asText()).isEqualTo("hubei-2020");
        for (String[] item : new String[][] {{"O.1", "10"}, {"O.2", "20"}, {"O.3", "10"}, {"X.1", "10"}, {"X.2", "10"},
                {"S.1", "20"}}) {
            assertThat(score(imported.table(), item[0])).as(item[0]).isEqualByComparingTo(item[1]);
        }
        // 预算执行情况: the printed 100% gives 20 × 100% = 20, as printed (no note against it)
        assertThat(imported.notes()).noneMatch(note -> note.contains("所印得分与执行率不符"));
        BigDecimal computed = indicatorsTotal(imported.table(), "B").add(new BigDecimal("20"));
        report(imported, "100", computed);
        assertThat(computed).isEqualByComparingTo("100");
        assertThat(figure(imported, "SCORE.TOTAL").get("printedValue").asText()).isEqualTo("100");
    }

    /**
     * 安徽 棠溪镇 2022 (national form): the 年度资金总额 row prints 0 / 0 / 0, 执行率 0 and 得分 0 while its 其中 row
     * prints 90 / 89.974 / 89.974 — flagged, with the 10 分 those figures give; the nine indicators shown score as
     * printed (80), qualitative ones by the grade 达成 the form prints as their actual.
     */
    @Test
    void anhui_tangxi2022_reproducesTheIndicators_andFlagsTheMisprintedFundsRow() throws Exception {
        Imported imported = importTable(PublishedTables.anhuiTangxi());
        assertThat(imported.report().get("layout").asText()).isEqualTo("national-2020");
        for (String[] item : new String[][] {{"O.1", "8"}, {"O.2", "8"}, {"O.3", "8"}, {"O.4", "8"}, {"O.5", "8"},
                {"O.6", "10"}, {"X.1", "10"}, {"X.2", "10"}, {"X.3", "10"}}) {
            assertThat(score(imported.table(), item[0])).as(item[0]).isEqualByComparingTo(item[1]);
        }
        assertThat(imported.notes()).anyMatch(note -> note.contains("年度资金总额") && note.contains("全年预算数印为 0")
                && note.contains("89.974") && note.contains("所印合计与分项不符"));
        assertThat(imported.notes()).anyMatch(note -> note.contains("100.00%") && note.contains("应为 10.00（所印 0）"));
        BigDecimal computed = indicatorsTotal(imported.table(), "B", "S").add(BigDecimal.TEN);
        report(imported, "80（总分未见于所取得的文本；所印分项 产出 50 + 效益 30 + 预算资金 0）", computed);
        assertThat(computed).isEqualByComparingTo("90");
    }

    /** 四川 青神县 2023: the department left 完成值 and 得分 blank; the 预算执行率 100.00% gives 10, said in a note. */
    @Test
    void sichuan_qingshen2023_readsTheProvincialForm_andSaysWhatTheBlankScoreWouldBe() throws Exception {
        Imported imported = importTable(PublishedTables.sichuanQingshen());
        assertThat(imported.report().get("layout").asText()).isEqualTo("sichuan-2023");
        assertThat(imported.notes()).anyMatch(note -> note.contains("预算资金得分未填") && note.contains("应为 10.00"));
        JsonNode indicators = getJson(imported.year() + "/indicators").get("result");
        assertThat(indicators.toString()).contains("等于100%");
        BigDecimal computed = indicatorsTotal(imported.table(), "B").add(BigDecimal.TEN);
        report(imported, "—（得分未填）", computed);
        assertThat(figure(imported, "TOTAL.FULL_YEAR").get("printedValue").asText()).isEqualTo("251.89");
    }

    // --- helpers -------------------------------------------------------------------------------------------

    record Imported(Published published, String year, JsonNode report, java.util.List<String> notes, JsonNode table,
            JsonNode figures) {
    }

    private Imported importTable(Published published) throws Exception {
        String dept = "PT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        postJson("/api/v1/departments", """
                {"departmentId":"%s","name":"%s","jurisdiction":"%s",
                 "units":[{"code":"BJ","name":"本级","headOffice":true}],"effectiveDate":"%d-01-01"}"""
                .formatted(dept, published.key(), published.province(), published.year()), 201);
        String rubric = "pub-" + dept.toLowerCase() + "@1";
        postJson("/api/v1/rubrics", """
                {"rubricVersionId":"%s","name":"%s 评分办法","jurisdiction":"%s","scope":{"departments":["%s"]},
                 "templateYear":%d,"totalWeight":100,"bonusCap":0,"tree":[%s],
                 "rounding":{"decimals":2,"mode":"HALF_UP"},"sourceNote":"%s","effectiveDate":"%d-01-01"}"""
                .formatted(rubric, published.key(), published.province(), dept, published.year(),
                        published.rubricTree(), published.source(), published.year()), 201);
        postJson("/api/v1/departments/" + dept + "/years", "{\"year\":%d,\"rubricVersion\":\"%s\"}"
                .formatted(published.year(), rubric), 201);
        String year = "/api/v1/departments/" + dept + "/years/" + published.year();
        var request = multipart(year + "/imports/evaluation-table").file(new MockMultipartFile("file",
                published.key() + ".xlsx", "application/octet-stream", published.xlsx()));
        if (published.direction() != null) {
            request.param("direction", published.direction());
        }
        MvcResult result = mvc.perform(request).andReturn();
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(result.getResponse().getStatus()).as(body).isEqualTo(201);
        JsonNode report = objectMapper.readTree(body);
        java.util.List<String> notes = new java.util.ArrayList<>();
        report.get("notes").forEach(note -> notes.add(note.asText()));
        return new Imported(published, year, report, notes, getJson(year + "/evaluation").get("result"),
                getJson(year + "/reconciliation").get("result").get("declaredFigures"));
    }

    /** The sum of the ledger's scores of the leaves outside the named top-level items. */
    private static BigDecimal indicatorsTotal(JsonNode table, String... excluded) {
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode top : table.get("items")) {
            if (!java.util.List.of(excluded).contains(top.get("code").asText()) && top.hasNonNull("score")) {
                total = total.add(top.get("score").decimalValue());
            }
        }
        return total;
    }

    private static void report(Imported imported, String printed, BigDecimal computed) {
        System.out.println("PUBLISHED-TABLE " + imported.published().key() + "（" + imported.published().province() + "，"
                + imported.published().source() + "）：所印总分 " + printed + "；计算 " + computed.toPlainString()
                + "；提示 " + imported.notes());
    }

    private static BigDecimal score(JsonNode table, String code) {
        for (JsonNode item : table.findParents("code")) {
            if (item.get("code").asText().equals(code) && item.hasNonNull("score")) {
                return item.get("score").decimalValue();
            }
        }
        throw new AssertionError("no score for " + code + " in " + table);
    }

    private static JsonNode figure(Imported imported, String ledgerFigure) {
        for (JsonNode figure : imported.figures()) {
            if (ledgerFigure.equals(figure.path("ledgerFigure").asText())) {
                return figure;
            }
        }
        throw new AssertionError("no declared figure " + ledgerFigure + " in " + imported.figures());
    }

    private void postJson(String url, String json, int expected) throws Exception {
        MvcResult result = mvc.perform(post(url).contentType(MediaType.APPLICATION_JSON).content(json)).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(expected);
    }

    private JsonNode getJson(String url) throws Exception {
        return objectMapper.readTree(mvc.perform(get(url)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }
}
