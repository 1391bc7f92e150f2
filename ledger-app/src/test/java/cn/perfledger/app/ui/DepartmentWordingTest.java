package cn.perfledger.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.perfledger.app.command.NotFoundException;
import cn.perfledger.app.demo.DemoDataLoader;
import cn.perfledger.app.query.YearQueries;
import cn.perfledger.app.support.H2FileContext;
import cn.perfledger.domain.budget.BudgetEvent.ExpenditureRecorded;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.domain.common.Money;
import cn.perfledger.projections.basis.RecordedEvent;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What users see of a year is the department's wording: the 自评表 page and its workbook carry no note of ours (how a
 * rule was inferred, which seed figure supports it, DOMAIN.md); the department's explanation of an item (computed ones
 * included) is recorded and shown, the newest one standing; a computed item without one shows the arithmetic of its
 * current inputs, which a correction changes; our provenance note is on the lineage and rubric pages.
 * Writes go to a copy of GZ-ZSJ 2021 under TXT-ZSJ, so that the demo years other tests read stay unchanged.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DepartmentWordingTest implements H2FileContext {

    private static final Pattern OURS = Pattern.compile("种子|seed|Seed|inferred|DOMAIN\\.md");
    private static final String COPY_DEPT = "TXT-ZSJ";
    private static final FiscalYearId COPY = FiscalYearId.of(COPY_DEPT, 2021);
    private static final String COPY_PAGE = "/departments/" + COPY_DEPT + "/years/2021";
    private static final String COPY_API = "/api/v1" + COPY_PAGE;

    @Autowired
    MockMvc mvc;
    @Autowired
    DemoDataLoader loader;
    @Autowired
    YearQueries queries;

    @BeforeEach
    void demoData() {
        loader.loadAll(); // idempotent
        try {
            queries.events(COPY);
        } catch (NotFoundException notYetLoaded) {
            loader.load(loader.read("demo/gz-municipal-2021.json").underDepartment(COPY_DEPT, "（说明测试副本）"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"GZ-ZSJ/years/2021", "HZ-ZSJ/years/2023", "PY-ZSJ/years/2023", "HZ-ZSJ/years/2020"})
    void theSelfEvaluationPageAndItsWorkbook_carryNoNoteOfOurs(String year) throws Exception {
        String page = page("/departments/" + year + "/evaluation");
        assertThat(OURS.matcher(page).results().map(m -> context(page, m.start())).toList()).as(year).isEmpty();

        List<String> cells = workbookTexts("/api/v1/departments/" + year + "/export.xlsx");
        assertThat(cells).as(year + " workbook").isNotEmpty();
        assertThat(cells).as(year + " workbook").noneMatch(text -> OURS.matcher(text).find());
    }

    @Test
    void computedItems_showTheirArithmetic_notARubricText() throws Exception {
        String page = page("/departments/GZ-ZSJ/years/2021/evaluation");
        // 预算完成率: the ledger's own figures and the rule applied to them, not the rubric's prose
        assertThat(page).contains("得分 = 2 − 0.1 × 0.11（距 100% 的百分点数）= 1.99")
                .doesNotContain("未完成的百分点数（100% − 预算完成率）");
        assertThat(basisCell("/api/v1/departments/GZ-ZSJ/years/2021/export.xlsx", "政府采购执行率"))
                .contains("88.95%").contains("得分 = 2 × 88.95% = 1.78");
    }

    @Test
    void anExplanationRecordedThroughTheApi_isShown_andTheNewerOneSupersedesIt() throws Exception {
        String item = "M.PROC.EXECUTION"; // computed from the ledger: the department still explains it
        explain(item, "第一次说明：采购计划按进度执行", "部分项目未在年内完成采购", null).andExpect(status().isCreated());
        assertThat(page(COPY_PAGE + "/evaluation")).contains("第一次说明：采购计划按进度执行")
                .contains("偏差原因：部分项目未在年内完成采购");
        assertThat(basisCell(COPY_API + "/export.xlsx", "政府采购执行率"))
                .isEqualTo("第一次说明：采购计划按进度执行\n偏差原因：部分项目未在年内完成采购");

        explain(item, "第二次说明：以政府采购预算为口径", null, "下一年度提前开展采购").andExpect(status().isCreated());
        String page = page(COPY_PAGE + "/evaluation");
        assertThat(page).contains("第二次说明：以政府采购预算为口径").contains("改进措施：下一年度提前开展采购")
                .doesNotContain("第一次说明").doesNotContain("部分项目未在年内完成采购");
        assertThat(basisCell(COPY_API + "/export.xlsx", "政府采购执行率"))
                .isEqualTo("第二次说明：以政府采购预算为口径\n改进措施：下一年度提前开展采购");
        // the evaluator's page lists it, and the lineage page shows it beside the rubric's notes
        assertThat(page(COPY_PAGE + "/evaluation/work/explanations")).contains("第二次说明：以政府采购预算为口径");
        assertThat(page(COPY_PAGE + "/evaluation/items/" + item)).contains("部门说明").contains("第二次说明");

        // refusals name the field: an item the rubric does not have, no text at all
        explain("NO.SUCH-ITEM", "说明", null, null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("rubricItemCode"));
        explain(item, " ", null, "").andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("basis"));
    }

    @Test
    void aCorrection_changesTheArithmeticShown() throws Exception {
        String before = basisCell(COPY_API + "/export.xlsx", "预算完成率");
        assertThat(before).contains("99.89%").contains("= 1.99");
        // a late (post-close) reversal of a large voucher on a 财政拨款 line: 1% of the 全年预算数 less executed
        ExpenditureRecorded voucher = queries.events(COPY).stream().map(RecordedEvent::payload)
                .filter(p -> p instanceof ExpenditureRecorded e && e.lineId().value().equals("L06")
                        && e.amount().compareTo(Money.of("4000000.00")) > 0)
                .map(ExpenditureRecorded.class::cast).findFirst().orElseThrow();
        var reversal = mvc.perform(post(COPY_API + "/reversals").header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"voucherNo":"TXT-R-%s","originalVoucherNo":"%s","amount":"3929510.04","reason":"退回多付款",
                         "effectiveDate":"2021-12-30","postCloseReason":"结账后审计发现多付，冲回"}""".formatted(UUID.randomUUID().toString().substring(0, 8),
                        voucher.voucherNo().value()))).andReturn().getResponse();
        assertThat(reversal.getStatus()).as(reversal.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(201);

        String after = basisCell(COPY_API + "/export.xlsx", "预算完成率");
        assertThat(after).isNotEqualTo(before).contains("98.89%").contains("0.1 × 1.11").contains("= 1.89")
                .doesNotContain("99.89%");
        assertThat(page(COPY_PAGE + "/evaluation")).contains("得分 = 2 − 0.1 × 1.11（距 100% 的百分点数）= 1.89");
    }

    @Test
    void theLineageAndRubricPages_showTheProvenanceNote() throws Exception {
        String provenance = "种子财政拨款 392,533,097.08 ÷ 392,951,003.55 = 99.89%，2 − 0.1 × 0.11 = 1.99";
        String lineage = page("/departments/GZ-ZSJ/years/2021/evaluation/items/M.FUND.BUDGET-COMPLETION");
        assertThat(lineage).contains("规则来源").contains(provenance)
                .contains("得分 = 分值 − 0.1 × 未完成的百分点数（100% − 预算完成率），不低于 0。");
        assertThat(page("/rubrics/gz-municipal-2021@1")).contains(provenance);
    }

    private org.springframework.test.web.servlet.ResultActions explain(String item, String basis, String reason,
            String improvement) throws Exception {
        String body = "{\"rubricItemCode\":\"" + item + "\",\"basis\":" + json(basis) + ",\"deviationReason\":"
                + json(reason) + ",\"improvement\":" + json(improvement) + ",\"effectiveDate\":\"2021-12-31\"}";
        return mvc.perform(post(COPY_API + "/evaluation/item-explanations")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static String json(String text) {
        return text == null ? "null" : "\"" + text + "\"";
    }

    private String page(String url) throws Exception {
        return mvc.perform(get(url).accept(MediaType.TEXT_HTML)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static String context(String text, int at) {
        return text.substring(Math.max(0, at - 60), Math.min(text.length(), at + 60));
    }

    private byte[] download(String url) throws Exception {
        return mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    private List<String> workbookTexts(String url) throws Exception {
        List<String> texts = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(download(url)))) {
            for (Sheet sheet : book) {
                texts.add(sheet.getSheetName());
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.STRING) {
                            texts.add(cell.getStringCellValue());
                        }
                    }
                }
            }
        }
        return texts;
    }

    /** The 评分依据 cell (the tenth column) of the 自评表 row whose 三级指标 is {@code item}. */
    private String basisCell(String url, String item) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(download(url)))) {
            Sheet sheet = book.getSheet("部门整体支出绩效自评表");
            for (Row row : sheet) {
                Cell name = row.getCell(4);
                if (name != null && name.getCellType() == CellType.STRING && name.getStringCellValue().equals(item)) {
                    return row.getCell(9).getStringCellValue();
                }
            }
        }
        throw new AssertionError("no row " + item + " in " + url);
    }
}
