package cn.perfledger.app.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.perfledger.app.command.ClientKind;
import cn.perfledger.app.command.CommandDispatcher;
import cn.perfledger.app.command.CommandOrigin;
import cn.perfledger.app.command.NotFoundException;
import cn.perfledger.app.demo.DemoDataLoader;
import cn.perfledger.app.demo.DemoScenario;
import cn.perfledger.app.export.xlsx.YearWorkbook;
import cn.perfledger.app.query.YearQueries;
import cn.perfledger.app.support.H2FileContext;
import cn.perfledger.domain.budget.BudgetCommand;
import cn.perfledger.domain.common.BudgetLineId;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.domain.common.Money;
import cn.perfledger.domain.common.RubricItemCode;
import cn.perfledger.domain.evaluation.EvaluationCommand;
import cn.perfledger.domain.evaluation.EvaluationId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The .xlsx export on the demo years in the shared H2 file store, reopened with POI and compared with the API's
 * JSON at the same basis (an explicit {@code knownAt}, so both sides see the same events). The injection checks
 * write on a copy of GZ-ZSJ 2021 under the department XLS-ZSJ, so the demo years other tests read stay unchanged.
 */
@SpringBootTest
@AutoConfigureMockMvc
class YearExportTest implements H2FileContext {

    private static final String GZ = "/api/v1/departments/GZ-ZSJ/years/2021";
    private static final String EVALUATION_SHEET = "部门整体支出绩效自评表";
    private static final String INJECTION = "=HYPERLINK(\"http://x\",\"y\")";
    private static final String COPY_DEPT = "XLS-ZSJ";
    private static final FiscalYearId COPY_2021 = FiscalYearId.of(COPY_DEPT, 2021);

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    DemoDataLoader loader;
    @Autowired
    CommandDispatcher dispatcher;
    @Autowired
    YearQueries queries;

    /** A basis after everything loaded so far, clear of the millisecond the last event was recorded in. */
    private Instant knownAt;

    @BeforeEach
    void demoData() throws InterruptedException {
        loader.loadAll(); // idempotent
        Thread.sleep(2);
        knownAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Thread.sleep(2);
    }

    @Test
    void headerRowHasExactlyTheOfficialTenColumns() throws Exception {
        try (XSSFWorkbook book = open(download(GZ + "/export.xlsx"))) {
            assertThat(sheetNames(book)).containsExactly("部门整体支出绩效自评表", "预算执行情况", "预算调整与执行进度", "收入支出决算");
            Sheet sheet = book.getSheet(EVALUATION_SHEET);
            Row header = sheet.getRow(headerRow(sheet));
            List<String> columns = new ArrayList<>();
            header.forEach(cell -> columns.add(cell.getStringCellValue()));
            assertThat(columns).containsExactly("一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "指标解释/年度指标值",
                    "实际完成值", "得分", "评分依据").isEqualTo(YearWorkbook.EVALUATION_COLUMNS);
            // the header stays visible and the table prints landscape, one page wide
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) (header.getRowNum() + 1));
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(sheet.getPrintSetup().getFitHeight()).isZero();
            assertThat(sheet.getFitToPage()).isTrue();
            // 一级 cells span their leaves like the printed table: 管理效能 spans the 21 leaves of 管理效能
            assertThat(sheet.getMergedRegions()).anySatisfy(region -> {
                assertThat(region.getFirstColumn()).isZero();
                assertThat(region.getLastColumn()).isZero();
                assertThat(region.getFirstRow()).isEqualTo(header.getRowNum() + 1);
                assertThat(region.getLastRow() - region.getFirstRow() + 1).isEqualTo(21);
            });
            assertThat(text(sheet.getRow(header.getRowNum() + 1).getCell(0))).startsWith("管理效能");
        }
    }

    @ParameterizedTest(name = "{0}/{1} at {2}")
    @CsvSource({"GZ-ZSJ, 2021, 2021-12-31", "GZ-ZSJ, 2021, 2021-06-30", "PY-ZSJ, 2023, 2023-12-31",
            "HZ-ZSJ, 2023, 2023-12-31"})
    void everyScoreTotalAndGradeEqualTheApisAtTheSameBasis(String dept, int year, String asOf) throws Exception {
        String base = "/api/v1/departments/" + dept + "/years/" + year;
        String basis = "?asOf=" + asOf + "&knownAt=" + knownAt;
        JsonNode api = json(base + "/evaluation" + basis);
        List<JsonNode> leaves = new ArrayList<>();
        collectLeaves(api.at("/result/items"), leaves);
        assertThat(leaves).isNotEmpty();
        try (XSSFWorkbook book = open(download(base + "/export.xlsx" + basis))) {
            Sheet sheet = book.getSheet(EVALUATION_SHEET);
            assertThat(meta(sheet, "评价基准日").getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.parse(asOf));
            assertThat(text(meta(sheet, "知悉时点"))).endsWith("= " + knownAt);
            assertThat(text(meta(sheet, "SHA-256 摘要"))).isEqualTo(api.get("digest").asText());
            List<Row> rows = dataRows(sheet);
            assertThat(rows).hasSameSizeAs(leaves);
            for (int i = 0; i < leaves.size(); i++) {
                JsonNode leaf = leaves.get(i);
                Row row = rows.get(i);
                int nameColumn = switch (leaf.get("level").asInt()) {
                    case 1 -> 0;
                    case 2 -> 2;
                    default -> 4;
                };
                assertThat(text(row.getCell(nameColumn))).as("row %d", row.getRowNum()).endsWith(leaf.get("name").asText());
                Cell score = row.getCell(8);
                if (leaf.get("score").isNull()) {
                    assertThat(text(score)).isEqualTo("—");
                } else {
                    assertThat(score.getCellType()).isEqualTo(CellType.NUMERIC);
                    assertThat(decimal(score)).as("score of %s", leaf.get("code").asText())
                            .isEqualByComparingTo(number(leaf.get("score")));
                    assertThat(score.getCellStyle().getDataFormatString()).isEqualTo("0.00");
                }
            }
            Row total = rowStartingWith(sheet, "合计");
            assertThat(decimal(total.getCell(8))).isEqualByComparingTo(number(api.at("/result/total")));
            assertThat(decimal(total.getCell(1))).isEqualByComparingTo(number(api.at("/result/totalWeight")));
            assertThat(text(rowStartingWith(sheet, "等级").getCell(8))).isEqualTo(api.at("/result/grade").asText());
            assertNoFormulaCells(book);
        }
    }

    @Test
    void gz2021ShowsTheGoldenTotalTheDeclaredTotalAndTheNotMetIndicator() throws Exception {
        try (XSSFWorkbook book = open(download(GZ + "/export.xlsx"))) {
            Sheet sheet = book.getSheet(EVALUATION_SHEET);
            assertThat(decimal(rowStartingWith(sheet, "合计").getCell(8))).isEqualByComparingTo("94.35");
            assertThat(text(rowStartingWith(sheet, "等级").getCell(8))).isEqualTo("优");
            Row declared = rowStartingWith(sheet, "申报总分");
            assertThat(decimal(declared.getCell(8))).isEqualByComparingTo("94.65");
            assertThat(text(declared.getCell(9))).contains("+0.3");
            assertThat(text(meta(sheet, "单位名称"))).isEqualTo("广州市政务服务数据管理局（部门代码 GZ-ZSJ）");
            Row connection = dataRows(sheet).stream().filter(r -> text(r.getCell(4)).startsWith("二、2、")).findFirst()
                    .orElseThrow();
            assertThat(decimal(connection.getCell(8))).isEqualByComparingTo("2.66");
            assertThat(text(connection.getCell(6))).startsWith("年度指标值：");
            assertThat(text(connection.getCell(7))).contains("94.07%");
        }
    }

    @Test
    void aDifferentAsOfChangesTheWorkbookAccordingly() throws Exception {
        String basis = "&knownAt=" + knownAt;
        try (XSSFWorkbook yearEnd = open(download(GZ + "/export.xlsx?asOf=2021-12-31" + basis));
                XSSFWorkbook midYear = open(download(GZ + "/export.xlsx?asOf=2021-06-30" + basis))) {
            Sheet end = yearEnd.getSheet(EVALUATION_SHEET);
            Sheet mid = midYear.getSheet(EVALUATION_SHEET);
            assertThat(meta(mid, "评价基准日").getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2021, 6, 30));
            assertThat(text(meta(mid, "SHA-256 摘要"))).isNotEqualTo(text(meta(end, "SHA-256 摘要")));
            assertThat(decimal(rowStartingWith(mid, "合计").getCell(8)))
                    .isNotEqualByComparingTo(decimal(rowStartingWith(end, "合计").getCell(8)));
            JsonNode midExecution = json(GZ + "/execution?asOf=2021-06-30" + basis);
            Row executedMid = rowWithLabel(midYear.getSheet("预算执行情况"), "合计");
            Row executedEnd = rowWithLabel(yearEnd.getSheet("预算执行情况"), "合计");
            int executedColumn = executedMid.getLastCellNum() - 2;
            assertMoney(executedMid.getCell(executedColumn), midExecution.at("/result/total/executed"));
            assertThat(decimal(executedMid.getCell(executedColumn)))
                    .isLessThan(decimal(executedEnd.getCell(executedColumn)));
        }
    }

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({"GZ-ZSJ, 2021", "PY-ZSJ, 2023", "HZ-ZSJ, 2020"})
    void executionAndFinalAccountsTotalsEqualTheApi(String dept, int year) throws Exception {
        String base = "/api/v1/departments/" + dept + "/years/" + year;
        String basis = "?knownAt=" + knownAt;
        JsonNode execution = json(base + "/execution" + basis).get("result");
        JsonNode carryOver = json(base + "/carryover" + basis).get("result");
        try (XSSFWorkbook book = open(download(base + "/export.xlsx" + basis))) {
            Sheet sheet = book.getSheet("预算执行情况");
            Row header = rowWithLabel(sheet, "预算行 / 分组");
            int last = header.getLastCellNum() - 1;
            assertThat(text(header.getCell(last))).isEqualTo("执行率");
            Row total = rowWithLabel(sheet, "合计");
            assertMoney(total.getCell(2), execution.at("/total/initial"));
            assertMoney(total.getCell(last - 3), execution.at("/total/adjustments"));
            assertMoney(total.getCell(last - 2), execution.at("/total/fullYear"));
            assertMoney(total.getCell(last - 1), execution.at("/total/executed"));
            assertRate(total.getCell(last), execution.at("/total/executionRate"));
            assertThat(total.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(total.getCell(last).getCellStyle().getDataFormatString()).isEqualTo("0.00%");
            // one column per adjustment document; their totals add up to 调整合计
            BigDecimal documents = BigDecimal.ZERO;
            for (int c = 3; c < last - 3; c++) {
                assertThat(text(header.getCell(c))).startsWith("调整：");
                documents = documents.add(decimal(total.getCell(c)));
            }
            assertThat(documents).isEqualByComparingTo(execution.at("/total/adjustments").asText()); // Money is a string
            Row fiscal = rowWithLabel(sheet, "其中：财政拨款");
            assertMoney(fiscal.getCell(last - 1), execution.at("/fiscalAppropriation/executed"));
            assertThat(execution.get("lines")).hasSize(countLines(sheet, header));

            Sheet accounts = book.getSheet("收入支出决算");
            Row identity = rowStartingWith(accounts, "合计");
            assertMoney(identity.getCell(1), carryOver.at("/total/carryIn"));
            assertMoney(identity.getCell(2), carryOver.at("/total/revenue"));
            assertMoney(identity.getCell(3), carryOver.at("/total/expenditure"));
            assertMoney(identity.getCell(4), carryOver.at("/total/withdrawn"));
            assertMoney(identity.getCell(5), carryOver.at("/total/carryOut"));
            assertThat(decimal(identity.getCell(6))).isZero();
            assertThat(text(rowStartingWith(accounts, "差额（来源 − 去向）").getCell(2))).isEqualTo("恒等式成立");
            assertNoFormulaCells(book);
        }
    }

    @Test
    void gz2021FinalAccountsShowTheGoldenFigures() throws Exception {
        try (XSSFWorkbook book = open(download(GZ + "/export.xlsx"))) {
            Sheet accounts = book.getSheet("收入支出决算");
            Row fiscal = rowStartingWith(accounts, "其中：财政拨款");
            assertThat(decimal(fiscal.getCell(2))).isEqualByComparingTo("392951003.55");
            assertThat(decimal(fiscal.getCell(3))).isEqualByComparingTo("392533097.08");
            assertThat(decimal(fiscal.getCell(1))).isEqualByComparingTo("4122.00");
            assertThat(decimal(fiscal.getCell(5))).isEqualByComparingTo("4122.00");
            assertThat(decimal(rowStartingWith(accounts, "  基本支出").getCell(2))).isEqualByComparingTo("91153658.24");
            assertThat(decimal(rowStartingWith(accounts, "  项目支出").getCell(2))).isEqualByComparingTo("301379438.84");
            Sheet execution = book.getSheet("预算执行情况");
            Row fiscalExecution = rowWithLabel(execution, "其中：财政拨款");
            assertThat(fiscalExecution.getCell(fiscalExecution.getLastCellNum() - 1).getNumericCellValue())
                    .isEqualTo(0.9989); // 99.89%, as printed
            Sheet progress = book.getSheet("预算调整与执行进度");
            assertThat(rowStartingWith(progress, "穗财预〔2021〕517号")).isNotNull();
            assertThat(rowStartingWith(progress, "年度平均执行率（按通报）").getCell(3).getNumericCellValue())
                    .isEqualTo(1.0460);
        }
    }

    @Test
    void formulaLikeTextsStayLiteralTextWithTheQuotePrefix() throws Exception {
        loadCopy();
        String copy = "/api/v1/departments/" + COPY_DEPT + "/years/2021";
        // the API's request guard refuses a formula outright (nothing written) ...
        mvc.perform(post(copy + "/evaluation/judgement-scores").contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"rubricItemCode":"M.FUND.SPECIAL","score":2,"basis":%s,"evaluator":"审计测试","effectiveDate":"2021-12-31"}
                        """.formatted(objectMapper.writeValueAsString(INJECTION))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("basis"));
        // ... but accepts a signed figure, which Excel would otherwise turn into a number when the cell is edited
        mvc.perform(post(copy + "/evaluation/indicators/GZ21-KPI-02/actuals").contentType(MediaType.APPLICATION_JSON)
                .content("{\"actual\":\"-3.5%\",\"effectiveDate\":\"2021-12-31\"}"))
                .andExpect(status().is2xxSuccessful());
        // formulas reach the store by other ways: a restored backup, events recorded before the guard existed
        CommandOrigin origin = new CommandOrigin(ClientKind.API, "export-test", "system", false, "export-test");
        dispatcher.send(new EvaluationCommand.EnterJudgementScore(new EvaluationId(COPY_2021),
                new RubricItemCode("M.FUND.SPECIAL"), new BigDecimal("2"), INJECTION, "@评价人",
                LocalDate.of(2021, 12, 31)), origin);
        dispatcher.send(new BudgetCommand.IncreaseBudget(COPY_2021, new BudgetLineId("L01"), Money.of("1.00"),
                "穗财预〔2022〕99号", INJECTION, LocalDate.of(2021, 12, 20), "+cmd|' /C calc'!A0"), origin);

        try (XSSFWorkbook book = open(download(copy + "/export.xlsx"))) {
            assertNoFormulaCells(book);
            Sheet evaluation = book.getSheet(EVALUATION_SHEET);
            Row special = dataRows(evaluation).stream().filter(r -> text(r.getCell(4)).equals("专项资金管理情况"))
                    .findFirst().orElseThrow();
            assertLiteralAndQuoted(special.getCell(9), INJECTION + "\n（评分人：@评价人）");
            Row kpi = dataRows(evaluation).stream().filter(r -> text(r.getCell(4)).startsWith("三、3、")).findFirst()
                    .orElseThrow();
            assertThat(text(kpi.getCell(7))).startsWith("-3.5%");
            assertThat(kpi.getCell(7).getCellStyle().getQuotePrefixed()).isTrue();
            // ordinary texts are written plainly
            assertThat(special.getCell(4).getCellStyle().getQuotePrefixed()).isFalse();

            Row adjustment = rowStartingWith(book.getSheet("预算调整与执行进度"), "穗财预〔2022〕99号");
            assertLiteralAndQuoted(adjustment.getCell(6), INJECTION);
            assertLiteralAndQuoted(adjustment.getCell(7), "+cmd|' /C calc'!A0");
        }
    }

    @Test
    void badBasisParametersAreProblemsNamingTheField() throws Exception {
        mvc.perform(get(GZ + "/export.xlsx?asOf=2021-13-45")).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("asOf"))
                .andExpect(jsonPath("$.rule").value(org.hamcrest.Matchers.containsString("日期")));
        // the client asked for a spreadsheet: the problem is still JSON, not a 406
        mvc.perform(get(GZ + "/export.xlsx?asOf=yesterday").accept(ExportController.XLSX))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("asOf"));
        mvc.perform(get(GZ + "/export.xlsx?asOf=2020-12-31")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("asOf"))
                .andExpect(jsonPath("$.rule").value(org.hamcrest.Matchers.containsString("评价基准日")));
        mvc.perform(get(GZ + "/export.xlsx?knownAt=2022-03-15")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("knownAt"));
        mvc.perform(get("/api/v1/departments/NO-SUCH/years/2021/export.xlsx")).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void theBrowserRouteServesTheSameBytesAndFailsWithTheChineseErrorPage() throws Exception {
        String basis = "?asOf=2021-12-31&knownAt=" + knownAt;
        MvcResult api = mvc.perform(get(GZ + "/export.xlsx" + basis)).andExpect(status().isOk())
                .andExpect(content().contentType(ExportController.XLSX)).andReturn();
        byte[] again = download(GZ + "/export.xlsx" + basis);
        byte[] browser = download("/departments/GZ-ZSJ/years/2021/export.xlsx" + basis);
        assertThat(api.getResponse().getContentAsByteArray()).isEqualTo(again).isEqualTo(browser);

        ContentDisposition disposition = ContentDisposition.parse(
                api.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION));
        assertThat(disposition.isAttachment()).isTrue();
        assertThat(disposition.getFilename()).isEqualTo("GZ-ZSJ-2021-自评表-2021-12-31.xlsx");
        assertThat(api.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .contains("filename=\"GZ-ZSJ-2021-2021-12-31.xlsx\"")
                .contains("filename*=UTF-8''GZ-ZSJ-2021-%E8%87%AA%E8%AF%84%E8%A1%A8-2021-12-31.xlsx");

        // the pages' picker sends knownAt as Beijing time
        try (XSSFWorkbook book = open(download("/departments/GZ-ZSJ/years/2021/export.xlsx?asOf=&knownAt=2099-01-01T08:00"))) {
            assertThat(text(meta(book.getSheet(EVALUATION_SHEET), "知悉时点")))
                    .isEqualTo("2099-01-01 08:00:00（北京时间）= 2099-01-01T00:00:00Z");
        }
        String page = mvc.perform(get("/departments/GZ-ZSJ/years/2021/export.xlsx?asOf=2021-02-30"))
                .andExpect(status().isBadRequest()).andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("请求参数有误", "asOf", "评价基准日");
        mvc.perform(get("/departments/NO-SUCH/years/2021/export.xlsx")).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML));
    }

    @Test
    void aBasisWithoutAScoredTableStillExportsTheLedgerSheets() throws Exception {
        try (XSSFWorkbook book = open(download(GZ + "/export.xlsx?knownAt=2000-01-01T00:00:00Z"))) {
            Sheet sheet = book.getSheet(EVALUATION_SHEET);
            assertThat(text(sheet.getRow(headerRow(sheet) + 1).getCell(0))).startsWith("此基准下没有自评表");
            assertThat(book.getSheet("预算执行情况")).isNotNull();
        }
    }

    @Test
    void openApiDocumentsTheDownload() throws Exception {
        JsonNode doc = json("/v3/api-docs");
        JsonNode operation = doc.at("/paths/~1api~1v1~1departments~1{dept}~1years~1{year}~1export.xlsx/get");
        assertThat(operation.isMissingNode()).isFalse();
        assertThat(operation.at("/responses/200/content").has(ExportController.XLSX)).isTrue();
        List<String> parameters = new ArrayList<>();
        operation.get("parameters").forEach(p -> parameters.add(p.get("name").asText()));
        assertThat(parameters).contains("asOf", "knownAt");
        assertThat(doc.get("paths").has("/departments/{dept}/years/{year}/export.xlsx")).isFalse();
    }

    // ---- helpers ----

    private void loadCopy() {
        try {
            queries.events(COPY_2021);
        } catch (NotFoundException notYetLoaded) {
            loader.load(loader.read("demo/gz-municipal-2021.json").underDepartment(COPY_DEPT, "（导出测试副本）"));
        }
    }

    private byte[] download(String url) throws Exception {
        return mvc.perform(get(url)).andExpect(status().isOk())
                .andExpect(content().contentType(ExportController.XLSX)).andReturn().getResponse()
                .getContentAsByteArray();
    }

    private JsonNode json(String url) throws Exception {
        return objectMapper.readTree(mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private static XSSFWorkbook open(byte[] bytes) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    private static List<String> sheetNames(XSSFWorkbook book) {
        List<String> names = new ArrayList<>();
        book.forEach(sheet -> names.add(sheet.getSheetName()));
        return names;
    }

    private static void collectLeaves(JsonNode items, List<JsonNode> into) {
        for (JsonNode item : items) {
            if (item.get("children").isEmpty()) {
                into.add(item);
            } else {
                collectLeaves(item.get("children"), into);
            }
        }
    }

    private static int headerRow(Sheet sheet) {
        for (Row row : sheet) {
            if ("一级指标".equals(text(row.getCell(0)))) {
                return row.getRowNum();
            }
        }
        throw new AssertionError("no header row");
    }

    /** The leaf rows: between the header and 合计. */
    private static List<Row> dataRows(Sheet sheet) {
        List<Row> rows = new ArrayList<>();
        for (int r = headerRow(sheet) + 1; !"合计".equals(text(sheet.getRow(r).getCell(0))); r++) {
            rows.add(sheet.getRow(r));
        }
        return rows;
    }

    /** The value cell of a title-block line. */
    private static Cell meta(Sheet sheet, String label) {
        return rowStartingWith(sheet, label).getCell(1);
    }

    private static Row rowStartingWith(Sheet sheet, String first) {
        for (Row row : sheet) {
            if (first.equals(text(row.getCell(0)))) {
                return row;
            }
        }
        throw new AssertionError("no row starting with " + first + " in " + sheet.getSheetName());
    }

    private static Row rowWithLabel(Sheet sheet, String label) {
        for (Row row : sheet) {
            if (label.equals(text(row.getCell(1)))) {
                return row;
            }
        }
        throw new AssertionError("no row labelled " + label + " in " + sheet.getSheetName());
    }

    /** Budget-line rows: from below the header to 合计. */
    private static int countLines(Sheet sheet, Row header) {
        int lines = 0;
        for (int r = header.getRowNum() + 2; !"合计".equals(text(sheet.getRow(r).getCell(1))); r++) {
            lines++;
        }
        return lines;
    }

    private static String text(Cell cell) {
        return cell == null || cell.getCellType() != CellType.STRING ? "" : cell.getStringCellValue();
    }

    private static BigDecimal decimal(Cell cell) {
        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
        return BigDecimal.valueOf(cell.getNumericCellValue());
    }

    /** A JSON number (scores, rates); {@code decimalValue()} of a string node would silently be 0. */
    private static BigDecimal number(JsonNode node) {
        assertThat(node.isNumber()).as("%s is a JSON number", node).isTrue();
        return node.decimalValue();
    }

    private static void assertMoney(Cell cell, JsonNode yuan) {
        assertThat(decimal(cell).setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo(new BigDecimal(yuan.asText()));
    }

    /** A rate cell holds the API's exact rate as printed: percent with two decimals, half-up. */
    private static void assertRate(Cell cell, JsonNode fraction) {
        BigDecimal printed = number(fraction).movePointRight(2).setScale(2, RoundingMode.HALF_UP).movePointLeft(2);
        assertThat(decimal(cell)).isEqualByComparingTo(printed);
    }

    private static void assertLiteralAndQuoted(Cell cell, String expected) {
        assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
        assertThat(cell.getStringCellValue()).isEqualTo(expected);
        assertThat(cell.getCellStyle().getQuotePrefixed()).as("quote prefix of %s", cell.getAddress()).isTrue();
    }

    private static void assertNoFormulaCells(XSSFWorkbook book) {
        for (Sheet sheet : book) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).as("%s!%s", sheet.getSheetName(), cell.getAddress())
                            .isNotEqualTo(CellType.FORMULA);
                }
            }
        }
    }
}
