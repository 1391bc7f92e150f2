package cn.perfledger.app.imports.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.perfledger.app.demo.DemoDataLoader;
import cn.perfledger.app.demo.DemoScenario;
import cn.perfledger.app.support.H2FileContext;
import cn.perfledger.app.support.TestRubrics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The 自评表 import through the REST API, with seed 002's own table (市本级 2021, {@code fixtures/evaluation-table}) under
 * its rubric gz-municipal-2021@1. Each test uses a department of its own. Expected scores are the printed ones where the
 * seed is consistent with itself, and DOMAIN.md's golden figures; they come out of the imported events.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EvaluationTableImportTest implements H2FileContext {

    static final String FIXTURE = "/fixtures/evaluation-table/seed-002-self-evaluation-table.tsv";
    static final String AS_EXTRACTED = "/fixtures/evaluation-table/seed-002-as-extracted.txt";
    private static final String RUBRIC = "gz-municipal-2021@1";

    /** The judged items of the table and the scores it prints for them (rows 18–40). */
    private static final Map<String, String> JUDGED = new LinkedHashMap<>();

    static {
        JUDGED.put("M.FUND.SYSTEM", "3");
        JUDGED.put("M.FUND.BUDGET-PREP", "3");
        JUDGED.put("M.FUND.SPECIAL", "2");
        JUDGED.put("M.PERF.MONITORING", "4");
        JUDGED.put("M.PERF.SYSTEM", "3");
        JUDGED.put("M.PERF.TARGET-REASONABLE", "2");
        JUDGED.put("M.PERF.INDICATOR-CLARITY", "2");
        JUDGED.put("M.PERF.RESULT-USE", "2");
        JUDGED.put("M.DISC.BUDGET", "2");
        JUDGED.put("M.DISC.PERF", "2");
        JUDGED.put("M.ASSET.SYSTEM", "1");
        JUDGED.put("M.ASSET.RECONCILE", "1");
        JUDGED.put("M.ASSET.UTILISATION", "2");
    }

    @Autowired
    private MockMvc mvc;
    @Autowired
    private ObjectMapper objectMapper;
    @Autowired
    private DemoDataLoader demo;

    @BeforeEach
    void publishTheSeedRubric() throws Exception {
        // once per store; a 409 means an earlier test (or another test class sharing the context) published it
        int status = mvc.perform(post("/api/v1/rubrics").contentType(MediaType.APPLICATION_JSON)
                .content(resource("/rubrics/gz-municipal-2021.json"))).andReturn().getResponse().getStatus();
        assertThat(status).isIn(201, 409);
    }

    // --- the seed's table ----------------------------------------------------------------------------------

    @Test
    void seedTable_intoAFreshYear_recordsItsRows_andScoresWhatTheyDetermine() throws Exception {
        String dept = openFreshYear();

        JsonNode report = json(upload(dept, fixture(), "2021年度部门整体支出绩效自评表.tsv")
                .andExpect(status().isCreated()));
        assertThat(report.get("format").asText()).isEqualTo("tsv");
        assertThat(report.get("rubricVersion").asText()).isEqualTo(RUBRIC);
        assertThat(report.get("rows").asInt()).isEqualTo(40); // the 39 items of the rubric and the 总分 row
        assertThat(report.get("indicatorsDefined").asInt()).isEqualTo(17);
        assertThat(report.get("actualsRecorded").asInt()).isEqualTo(17);
        assertThat(report.get("judgementScoresEntered").asInt()).isEqualTo(13);
        // 8 ledger-derived items, 17 indicator items, the bonus/penalty item, the total
        assertThat(report.get("declaredFiguresRecorded").asInt()).isEqualTo(27);
        // the department's 评分依据 of the 8 ledger-derived items, the 17 indicator items and the bonus/penalty item
        assertThat(report.get("explanationsRecorded").asInt()).isEqualTo(26);
        assertThat(report.get("digest").asText()).isEqualTo(EvaluationTableImport.sha256(fixture()));
        assertThat(report.get("notes").toString()).contains("工作受表彰或批评", "bonus-penalties");

        JsonNode table = getJson(year(dept) + "/evaluation").get("result");
        JUDGED.forEach((code, printed) -> assertThat(score(table, code)).as(code).isEqualByComparingTo(printed));
        for (int kpi = 1; kpi <= 17; kpi++) {
            String code = String.format("E.KPI-%02d", kpi);
            assertThat(score(table, code)).as(code).isEqualByComparingTo(kpi == 9 ? "2.66" : "2.94");
        }
        // DOMAIN.md §7: 16 of 17 indicators met → 1.88 of 2; 接通率 94.07% against ≥95% → 2.66 of 2.96
        assertThat(score(table, "M.PERF.TARGET-COMPLETION")).isEqualByComparingTo("1.88");
        assertThat(score(table, "E")).isEqualByComparingTo("49.70");
        JsonNode indicators = getJson(year(dept) + "/indicators").get("result").get("overall");
        assertThat(indicators.get("defined").asInt()).isEqualTo(17);
        assertThat(indicators.get("met").asInt()).isEqualTo(16);

        JsonNode figures = getJson(year(dept) + "/reconciliation").get("result").get("declaredFigures");
        assertThat(figure(figures, "SCORE[E.KPI-09].ITEM").get("classification").asText()).isEqualTo("EQUAL");
        assertThat(figure(figures, "SCORE[M.PERF.TARGET-COMPLETION].ITEM").get("classification").asText())
                .isEqualTo("EQUAL");
        assertThat(figure(figures, "SCORE.TOTAL").get("printedValue").asText()).isEqualTo("94.65");

        JsonNode summary = getJson(year(dept));
        assertThat(summary.get("evaluationEventCount").asLong()).isEqualTo(1 + 1 + 17 + 17 + 13 + 27 + 26);
        JsonNode events = getJson(year(dept) + "/events?type=EvaluationStarted,EvaluationTableImported&size=10")
                .get("events");
        assertThat(events.findValuesAsText("type")).containsExactly("EvaluationStarted", "EvaluationTableImported");
        assertThat(events.get(1).get("metadata").get("client").asText()).isEqualTo("IMPORT");
        assertThat(events.get(1).get("payload").get("fileName").asText()).isEqualTo("2021年度部门整体支出绩效自评表.tsv");
    }

    @Test
    void seedTable_onTheSeedLedger_reproducesTheGoldenTotal94_35_andReconcilesTheDeclared94_65() throws Exception {
        String dept = newDepartment();
        DemoScenario seed = demo.read("demo/gz-municipal-2021.json").underDepartment(dept, "（导入测试）");
        demo.load(withoutEvaluation(seed)); // the year's budget ledger only: the evaluation comes from the table
        assertThat(getJson(year(dept)).get("evaluationEventCount").asLong()).isZero();

        upload(dept, fixture(), "自评表.tsv").andExpect(status().isCreated());
        // 加减分 entries are recorded one by one, as the import's note says
        postJson(year(dept) + "/evaluation/bonus-penalties", """
                {"entryId":"BP-01","kind":"BONUS","points":"2.5","reason":"2020年度决算公开受到市财政局通报表扬",
                 "effectiveDate":"2021-10-15"}""").andExpect(status().isCreated());

        JsonNode table = getJson(year(dept) + "/evaluation").get("result");
        assertThat(score(table, "M.FUND.BUDGET-COMPLETION")).isEqualByComparingTo("1.99");
        assertThat(score(table, "M.FUND.REVENUE-VARIANCE")).isEqualByComparingTo("1.5");
        assertThat(score(table, "M.FUND.AVG-EXECUTION")).isEqualByComparingTo("2");
        assertThat(score(table, "M.FUND.CARRY-OVER")).isEqualByComparingTo("0");
        assertThat(score(table, "M.PROC.EXECUTION")).isEqualByComparingTo("1.78");
        assertThat(score(table, "M.PERF.TARGET-COMPLETION")).isEqualByComparingTo("1.88");
        assertThat(score(table, "E.KPI-09")).isEqualByComparingTo("2.66");
        assertThat(score(table, "B")).isEqualByComparingTo("2.5");
        assertThat(new BigDecimal(table.get("total").asText())).isEqualByComparingTo("94.35");
        assertThat(table.get("grade").asText()).isEqualTo("优");

        JsonNode figures = getJson(year(dept) + "/reconciliation").get("result").get("declaredFigures");
        JsonNode total = figure(figures, "SCORE.TOTAL");
        assertThat(total.get("classification").asText()).isEqualTo("DISCREPANCY");
        assertThat(total.get("ledger").get("explanation").asText()).contains("94.65", "94.35");
        List<String> alarms = new ArrayList<>();
        for (JsonNode figure : figures) {
            if (figure.get("alarm").asBoolean()) {
                alarms.add(figure.get("ledgerFigure").asText());
            }
        }
        // every printed item score agrees with the ledger's; only the total does not (it ignored the 接通率 deduction)
        assertThat(alarms).containsExactly("SCORE.TOTAL");
    }

    @Test
    void xlsxWithMergedCells_importsLikeTheText() throws Exception {
        String dept = openFreshYear();
        byte[] xlsx = SeedTableWorkbook.of(fixtureText());

        JsonNode report = json(mvc.perform(multipart(url(dept)).file(new MockMultipartFile("file", "自评表.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx))).andExpect(status().isCreated()));
        assertThat(report.get("format").asText()).isEqualTo("xlsx");
        assertThat(report.get("sheet").asText()).isEqualTo("自评表");
        assertThat(report.get("indicatorsDefined").asInt()).isEqualTo(17);
        assertThat(report.get("judgementScoresEntered").asInt()).isEqualTo(13);
        assertThat(report.get("declaredFiguresRecorded").asInt()).isEqualTo(27);
        // the department's 评分依据 of the 8 ledger-derived items, the 17 indicator items and the bonus/penalty item
        assertThat(report.get("explanationsRecorded").asInt()).isEqualTo(26);

        JsonNode table = getJson(year(dept) + "/evaluation").get("result");
        JUDGED.forEach((code, printed) -> assertThat(score(table, code)).as(code).isEqualByComparingTo(printed));
        assertThat(score(table, "E.KPI-09")).isEqualByComparingTo("2.66");
        assertThat(score(table, "M.PERF.TARGET-COMPLETION")).isEqualByComparingTo("1.88");
        JsonNode figures = getJson(year(dept) + "/reconciliation").get("result").get("declaredFigures");
        // the 接通率 score is a formula in the workbook: its last computed value is what was printed
        assertThat(figure(figures, "SCORE[E.KPI-09].ITEM").get("printedValue").asText()).isEqualTo("2.66");
        assertThat(figure(figures, "SCORE[E.KPI-09].ITEM").get("classification").asText()).isEqualTo("EQUAL");
    }

    // --- all or nothing ------------------------------------------------------------------------------------

    @Test
    void oneBadRow_isRefusedWith422NamingRowColumnAndRule_andWritesNothing() throws Exception {
        String dept = openFreshYear();
        long[] before = eventCounts(dept);
        // row 64 (话务服务量): a 年度指标值 the ledger cannot measure
        byte[] bad = replaceCell(64, 6, "热线服务量满足市民需求");

        upload(dept, bad, "自评表.tsv")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:perfledger:problem:invalid-table"))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].row").value(64))
                .andExpect(jsonPath("$.errors[0].column").value("G"))
                .andExpect(jsonPath("$.errors[0].field").value("年度指标值"))
                .andExpect(jsonPath("$.errors[0].rule").value(containsString("未找到数值")))
                .andExpect(jsonPath("$.field").value("年度指标值"))
                .andExpect(jsonPath("$.detail").value(containsString("第 64 行 G 列")));
        assertThat(eventCounts(dept)).containsExactly(before);
        assertThat(before[1]).isZero();
    }

    @Test
    void everyProblemIsListedAtOnce_theTablesAndTheLedgerRules() throws Exception {
        String dept = openFreshYear();
        String text = fixtureText();
        text = replace(text, 20, 7, "3.5"); // 部门预算编制情况: 得分 above its 分值 3.00 (the table)
        text = replace(text, 27, 8, ""); // 绩效管理制度建设: no 评分依据 (the judgement's rule)
        text = replace(text, 59, 7, "94.07万件"); // 接通率: an actual that cannot be compared with ≥95% (the actual's rule)
        text = replace(text, 62, 5, "3.00"); // 新增用于共享的主题个数: 分值 not the rubric's 2.94 (the table)

        JsonNode problem = json(upload(dept, text.getBytes(StandardCharsets.UTF_8), "自评表.tsv")
                .andExpect(status().isUnprocessableEntity()));
        List<String> where = new ArrayList<>();
        for (JsonNode error : problem.get("errors")) {
            where.add(error.get("row").asInt() + error.get("column").asText() + " " + error.get("field").asText());
        }
        assertThat(where).containsExactly("20H 得分/自评分", "27I 评分依据、未达标原因、改进措施", "59H 实际完成指标值", "62F 分值");
        assertThat(problem.get("errors").get(0).get("rule").asText()).contains("超过该项分值 3");
        assertThat(problem.get("errors").get(2).get("rule").asText()).contains("不可比较");
        assertThat(getJson(year(dept)).get("evaluationEventCount").asLong()).isZero();
    }

    @Test
    void theSeedAsExtractedFromItsPdf_isRefused_pointingAtTheShiftedCells() throws Exception {
        String dept = openFreshYear();
        JsonNode problem = json(upload(dept, resource(AS_EXTRACTED), "002.txt")
                .andExpect(status().isUnprocessableEntity()));
        JsonNode first = problem.get("errors").get(0);
        assertThat(first.get("row").asInt()).isEqualTo(18);
        assertThat(first.get("field").asText()).isEqualTo("三级指标");
        assertThat(first.get("rule").asText()).contains("D 列", "部门预算及财务管理制度健全性", "错位");
        assertThat(getJson(year(dept)).get("evaluationEventCount").asLong()).isZero();
    }

    /**
     * Garbage in through the API: mangled copies of the table (seeded, replayable) answer 201, 200, 400 or 422, never
     * 5xx, and a refused upload leaves both streams as they were.
     */
    @Test
    void mangledUploads_areAnsweredClearly_andARefusalWritesNothing() throws Exception {
        String dept = openFreshYear();
        long seed = 20220315L;
        java.util.Random random = new java.util.Random(seed);
        byte[] fixture = fixture();
        for (int i = 0; i < 40; i++) {
            byte[] mangled = java.util.Arrays.copyOf(fixture, fixture.length);
            for (int e = 0; e < 1 + random.nextInt(6); e++) {
                int at = random.nextInt(mangled.length);
                mangled[at] = (byte) (random.nextBoolean() ? '\t' : random.nextInt(256));
            }
            if (random.nextInt(4) == 0) {
                mangled = java.util.Arrays.copyOf(mangled, random.nextInt(mangled.length));
            }
            long[] before = eventCounts(dept);
            int status = upload(dept, mangled, "case-" + i + ".tsv").andReturn().getResponse().getStatus();
            assertThat(status).as("seed %d case %d", seed, i).isIn(200, 201, 400, 422);
            if (status != 201) {
                assertThat(eventCounts(dept)).as("seed %d case %d", seed, i).containsExactly(before);
            }
        }
    }

    // --- the same file again, a check ----------------------------------------------------------------------

    @Test
    void sameFileAgain_isAReportedNoOp() throws Exception {
        String dept = openFreshYear();
        upload(dept, fixture(), "自评表.tsv").andExpect(status().isCreated());
        long[] before = eventCounts(dept);

        upload(dept, fixture(), "自评表（再次上传）.tsv")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.recorded").value(false))
                .andExpect(jsonPath("$.alreadyImported").value(true))
                .andExpect(jsonPath("$.indicatorsDefined").value(0));
        assertThat(eventCounts(dept)).containsExactly(before);
    }

    @Test
    void dryRun_checksTheTableAgainstTheLedger_andWritesNothing() throws Exception {
        String dept = openFreshYear();
        mvc.perform(multipart(url(dept)).file(new MockMultipartFile("file", "自评表.tsv", "text/tab-separated-values",
                        fixture())).param("dryRun", "true"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dryRun").value(true))
                .andExpect(jsonPath("$.recorded").value(false))
                .andExpect(jsonPath("$.indicatorsDefined").value(17))
                .andExpect(jsonPath("$.judgementScoresEntered").value(13));
        assertThat(getJson(year(dept)).get("evaluationEventCount").asLong()).isZero();
        // and the real import afterwards is not mistaken for a repetition
        upload(dept, fixture(), "自评表.tsv").andExpect(status().isCreated());
    }

    // --- files that cannot be read, requests that cannot be served --------------------------------------------

    @Test
    void unreadableFiles_areRefusedSayingWhy() throws Exception {
        String dept = openFreshYear();
        upload(dept, fixtureText().getBytes(Charset.forName("GBK")), "自评表.txt")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].rule").value(containsString("GBK")));
        upload(dept, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0}, "自评表.xls")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].rule").value(containsString(".xlsx")));
        upload(dept, "单位名称\t广州市政务服务数据管理局\n".getBytes(StandardCharsets.UTF_8), "说明.txt")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].rule").value(containsString("表头")));
        mvc.perform(multipart(url(dept)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("file"));
        assertThat(getJson(year(dept)).get("evaluationEventCount").asLong()).isZero();
    }

    @Test
    void anUnknownYear_is404_andTheEndpointIsDocumented() throws Exception {
        upload(newDepartment(), fixture(), "自评表.tsv").andExpect(status().isNotFound());
        JsonNode doc = json(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()));
        JsonNode operation = doc.get("paths").get("/api/v1/departments/{dept}/years/{year}/imports/evaluation-table")
                .get("post");
        assertThat(operation.get("requestBody").get("content").has("multipart/form-data")).isTrue();
        assertThat(operation.get("responses").get("422").get("content").has("application/problem+json")).isTrue();
        assertThat(doc.get("components").get("schemas").get("EvaluationTableProblem").get("properties").has("errors"))
                .isTrue();
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private String openFreshYear() throws Exception {
        String dept = newDepartment();
        postJson("/api/v1/departments", """
                {"departmentId":"%s","name":"导入测试局","jurisdiction":"广州市",
                 "units":[{"code":"BJ","name":"本级","headOffice":true}],"effectiveDate":"2021-01-01"}""".formatted(dept))
                .andExpect(status().isCreated());
        TestRubrics.ensurePublished(mvc);
        postJson("/api/v1/departments/" + dept + "/years", """
                {"year":2021,"rubricVersion":"%s"}""".formatted(RUBRIC)).andExpect(status().isCreated());
        return dept;
    }

    /** The lengths of the year's two streams, budget ledger and evaluation, read from the event store. */
    private long[] eventCounts(String dept) throws Exception {
        JsonNode summary = getJson(year(dept));
        return new long[] {summary.get("budgetEventCount").asLong(), summary.get("evaluationEventCount").asLong()};
    }

    private static DemoScenario withoutEvaluation(DemoScenario s) {
        return new DemoScenario(s.format(), s.source(), s.unit(), s.department(), s.fiscalYear(), s.rubricVersion(),
                s.evaluationReferenceDate(), s.budgetLines(), s.transfers(), s.procurements(), s.executionNotices(),
                s.fixedAssets(), null, null, s.notes());
    }

    @Test
    void bareTargets_withoutADirection_areRefused_namingTheRowsAndTheColumn() throws Exception {
        String dept = openFreshYear();

        JsonNode problem = json(mvc.perform(multipart(year(dept) + "/imports/evaluation-table").file(
                new MockMultipartFile("file", "自评表.tsv", "text/tab-separated-values", fixture())))
                .andExpect(status().isUnprocessableEntity()));

        List<String> rules = new ArrayList<>();
        problem.get("errors").forEach(error -> rules.add(error.get("rule").asText()));
        assertThat(rules).isNotEmpty().allSatisfy(rule -> assertThat(rule).contains("未写明比较方式").contains("指标性质"));
        assertThat(rules).hasSize(5); // 三、2、100%, 三、3、100%, 四、1、1个, 四、4、90%, 四、6、140个
    }

    private static String newDepartment() {
        return "ET-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static String year(String dept) {
        return "/api/v1/departments/" + dept + "/years/2021";
    }

    /** Seed 002's table has no 指标性质 column: its bare 年度指标值 (三、2、100%, 140个) are 正向, as the uploader says. */
    private static String url(String dept) {
        return year(dept) + "/imports/evaluation-table?direction=正向";
    }

    private ResultActions upload(String dept, byte[] content, String fileName) throws Exception {
        return mvc.perform(multipart(url(dept)).file(new MockMultipartFile("file", fileName,
                "text/tab-separated-values", content)));
    }

    private ResultActions postJson(String url, String json) throws Exception {
        return mvc.perform(post(url).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private JsonNode getJson(String url) throws Exception {
        return json(mvc.perform(get(url)).andExpect(status().isOk()));
    }

    private JsonNode json(ResultActions result) throws Exception {
        return objectMapper.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    /** The score of an item anywhere in the scored table. */
    private static BigDecimal score(JsonNode table, String code) {
        for (JsonNode item : table.findParents("code")) {
            if (item.get("code").asText().equals(code) && item.has("score")) {
                return new BigDecimal(item.get("score").asText());
            }
        }
        throw new AssertionError("no item " + code);
    }

    private static JsonNode figure(JsonNode figures, String ledgerFigure) {
        for (JsonNode figure : figures) {
            if (ledgerFigure.equals(figure.get("ledgerFigure").asText())) {
                return figure;
            }
        }
        throw new AssertionError("no declared figure " + ledgerFigure);
    }

    static byte[] fixture() throws IOException {
        return resource(FIXTURE);
    }

    static String fixtureText() throws IOException {
        return new String(fixture(), StandardCharsets.UTF_8);
    }

    /** The fixture with one cell (1-based row, 0-based column) replaced. */
    private static byte[] replaceCell(int row, int column, String text) throws IOException {
        return replace(fixtureText(), row, column, text).getBytes(StandardCharsets.UTF_8);
    }

    private static String replace(String tsv, int row, int column, String text) {
        String[] lines = tsv.split("\n", -1);
        String[] cells = lines[row - 1].split("\t", -1);
        cells[column] = text;
        lines[row - 1] = String.join("\t", cells);
        return String.join("\n", lines);
    }

    static byte[] resource(String path) throws IOException {
        try (InputStream in = EvaluationTableImportTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        }
    }

    /**
     * The fixture as the evaluator's workbook would hold it: numbers as numeric cells, 一级/二级 merged down their rows
     * (a stale copy left in a covered cell, as some tools write, which Excel does not show), the 评分依据 header merged
     * across the columns to its right, and the 接通率 score computed by a formula.
     */
    static final class SeedTableWorkbook {

        private SeedTableWorkbook() {
        }

        static byte[] of(String tsv) throws IOException {
            String[] lines = tsv.split("\n", -1);
            try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                Sheet sheet = workbook.createSheet("自评表");
                CellStyle twoDecimals = workbook.createCellStyle();
                twoDecimals.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
                for (int r = 0; r < lines.length; r++) {
                    Row row = sheet.createRow(r);
                    String[] cells = lines[r].split("\t", -1);
                    for (int c = 0; c < cells.length; c++) {
                        if (cells[c].isEmpty()) {
                            continue;
                        }
                        Cell cell = row.createCell(c);
                        boolean weightColumn = r >= 16 && (c == 1 || c == 3 || c == 5);
                        if (weightColumn && cells[c].matches("\\d+\\.\\d\\d")) {
                            cell.setCellValue(Double.parseDouble(cells[c]));
                            cell.setCellStyle(twoDecimals);
                        } else if (r >= 17 && c == 7 && cells[c].matches("\\d+(\\.\\d+)?")) {
                            cell.setCellValue(Double.parseDouble(cells[c])); // 管理效能 scores, General format
                        } else {
                            cell.setCellValue(cells[c]);
                        }
                    }
                }
                merge(sheet, 17, 39, 0); // 管理效能 45.00, rows 18–40
                merge(sheet, 17, 39, 1);
                merge(sheet, 17, 24, 2); // 资金管理 16.00, rows 18–25
                merge(sheet, 17, 24, 3);
                merge(sheet, 34, 37, 2); // 资产管理 4.00, rows 35–38
                merge(sheet, 34, 37, 3);
                merge(sheet, 41, 67, 0); // 履职效能 50.00, rows 42–68
                merge(sheet, 41, 67, 1);
                merge(sheet, 41, 67, 2);
                merge(sheet, 41, 67, 3);
                sheet.getRow(18).createCell(0).setCellValue("管理效能"); // covered by A18:A40: Excel shows it once
                sheet.addMergedRegion(new CellRangeAddress(16, 16, 8, 11)); // the 评分依据 header over I–L
                Cell connection = sheet.getRow(58).getCell(8); // I59, the 接通率 score
                connection.setCellFormula("ROUND(F59*0.9,2)");
                workbook.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(connection);
                workbook.write(out);
                return out.toByteArray();
            }
        }

        private static void merge(Sheet sheet, int firstRow, int lastRow, int column) {
            sheet.addMergedRegion(new CellRangeAddress(firstRow, lastRow, column, column));
        }
    }
}
