package cn.perfledger.app.imports.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.perfledger.app.support.H2FileContext;
import cn.perfledger.app.support.TestRubrics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Every layout of the catalog round-trips: the 2021 table of 市本级 (the bundled rubric's own department) imported,
 * exported in the layout, imported into a fresh year and exported again gives the same 自评表 cell for cell, the same
 * scores and the same total — and a header of no known layout is refused listing what it says and the layouts known.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LayoutRoundTripTest implements H2FileContext {

    @Autowired
    private MockMvc mvc;
    @Autowired
    private ObjectMapper objectMapper;

    @ParameterizedTest
    @ValueSource(strings = {"guangzhou-2021", "national-2020", "sichuan-2023"})
    void exportThenImport_givesTheSameTable(String layout) throws Exception {
        String first = openFreshYear();
        upload(first, EvaluationTableImportTest.fixture(), "自评表.tsv", null).andExpect(status().isCreated());
        byte[] exported = export(first, layout);

        String second = openFreshYear();
        JsonNode report = json(upload(second, exported, "导出.xlsx", null).andExpect(status().isCreated()));
        assertThat(report.get("layout").asText()).isEqualTo(layout);
        byte[] again = export(second, layout);

        assertThat(table(again)).isEqualTo(table(exported));
        JsonNode before = getJson(year(first) + "/evaluation").get("result");
        JsonNode after = getJson(year(second) + "/evaluation").get("result");
        assertThat(after.get("total").decimalValue()).isEqualByComparingTo(before.get("total").decimalValue());
        assertThat(scores(after)).isEqualTo(scores(before));
    }

    /** The Hubei county form prints no 评分依据: a rubric with judged items cannot be carried by it, and is told so. */
    @Test
    void aLayoutWithoutABasisColumn_refusesJudgedItems_sayingTheColumnIsMissing() throws Exception {
        String first = openFreshYear();
        upload(first, EvaluationTableImportTest.fixture(), "自评表.tsv", null).andExpect(status().isCreated());
        JsonNode problem = json(upload(openFreshYear(), export(first, "hubei-2020"), "导出.xlsx", null)
                .andExpect(status().isUnprocessableEntity()));
        assertThat(problem.get("errors").get(0).get("rule").asText()).contains("没有“评分依据”列");
    }

    @Test
    void aHeaderOfNoKnownLayout_isRefused_listingItsHeadersAndTheLayoutsKnown() throws Exception {
        String dept = openFreshYear();
        byte[] tsv = "序号\t三级指标\t目标\t完成情况\t分数\n1\t预算完成率\t≥90%\t95%\t2\n".getBytes(StandardCharsets.UTF_8);
        JsonNode problem = json(upload(dept, tsv, "自评表.tsv", null).andExpect(status().isUnprocessableEntity()));
        String rule = problem.get("errors").get(0).get("rule").asText();
        assertThat(rule).contains("表头不属于已知的任何自评表样式", "A：序号", "B：三级指标", "E：分数");
        for (String id : LayoutCatalog.ids()) {
            assertThat(rule).contains(id);
        }
        JsonNode unknown = json(upload(dept, EvaluationTableImportTest.fixture(), "自评表.tsv", "no-such")
                .andExpect(status().isBadRequest()));
        assertThat(unknown.get("field").asText()).isEqualTo("layout");
        assertThat(unknown.get("rule").asText()).contains("national-2020", "sichuan-2023");
        // the seed's table named as another layout: its header is not that layout's
        JsonNode wrong = json(upload(dept, EvaluationTableImportTest.fixture(), "自评表.tsv", "national-2020")
                .andExpect(status().isUnprocessableEntity()));
        assertThat(wrong.get("errors").get(0).get("rule").asText()).contains("所选样式 national-2020", "偏差原因");
        assertThat(getJson(year(dept)).get("evaluationEventCount").asLong()).isZero();
    }

    /** The 自评表 sheet from its first row after the title block (which names the department and the time). */
    private static List<List<String>> table(byte[] xlsx) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            boolean started = false;
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (Cell cell : row) {
                    cells.add(formatter.formatCellValue(cell));
                }
                started |= !cells.isEmpty() && (cells.get(0).startsWith("预算资金") || cells.get(0).equals("一级指标"));
                if (!cells.isEmpty() && (cells.get(0).startsWith("【") || cells.get(0).startsWith("说明："))) {
                    break; // the ledger's notes under the table are ours, not the table
                }
                if (started) {
                    rows.add(cells);
                }
            }
        }
        assertThat(rows).hasSizeGreaterThan(20);
        return rows;
    }

    private static List<String> scores(JsonNode table) {
        List<String> scores = new ArrayList<>();
        for (JsonNode item : table.findParents("code")) {
            if (item.has("score")) {
                scores.add(item.get("code").asText() + "=" + item.get("score").asText());
            }
        }
        return scores;
    }

    private byte[] export(String dept, String layout) throws Exception {
        return mvc.perform(get(year(dept) + "/export.xlsx").param("layout", layout).param("knownAt",
                "2030-01-01T00:00:00Z")).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    private String openFreshYear() throws Exception {
        String dept = "LR-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        mvc.perform(post("/api/v1/departments").contentType(MediaType.APPLICATION_JSON).content("""
                {"departmentId":"%s","name":"样式测试局","jurisdiction":"广州市",
                 "units":[{"code":"BJ","name":"本级","headOffice":true}],"effectiveDate":"2021-01-01"}""".formatted(dept)))
                .andExpect(status().isCreated());
        TestRubrics.ensurePublished(mvc);
        mvc.perform(post("/api/v1/departments/" + dept + "/years").contentType(MediaType.APPLICATION_JSON)
                .content("{\"year\":2021,\"rubricVersion\":\"" + TestRubrics.GZ_2021 + "\"}"))
                .andExpect(status().isCreated());
        return dept;
    }

    private static String year(String dept) {
        return "/api/v1/departments/" + dept + "/years/2021";
    }

    /** The seed's bare 年度指标值 (100%, 140个) are 正向, as the uploader says for rows whose form states none. */
    private ResultActions upload(String dept, byte[] content, String fileName, String layout) throws Exception {
        var request = multipart(year(dept) + "/imports/evaluation-table").file(new MockMultipartFile("file", fileName,
                "application/octet-stream", content)).param("direction", "正向");
        if (layout != null) {
            request.param("layout", layout);
        }
        return mvc.perform(request);
    }

    private JsonNode getJson(String url) throws Exception {
        return json(mvc.perform(get(url)).andExpect(status().isOk()));
    }

    private JsonNode json(ResultActions result) throws Exception {
        return objectMapper.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
