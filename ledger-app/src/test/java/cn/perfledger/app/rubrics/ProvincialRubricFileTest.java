package cn.perfledger.app.rubrics;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.perfledger.app.support.H2FileContext;
import cn.perfledger.app.support.TestRubrics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * A rubric file written the way provinces write their rules ({@code rubrics-provincial/provincial-example-2024.json}:
 * 完成比率 against the department's own target and against fixed ones, 每超过/每低于 deductions, a 得分系数 table, 预算调整率,
 * 财政供养人员控制率, 三公经费变动率 read from the year before) is published through the API and scores a year recorded
 * through the API, every figure worked out by hand below. The same year reproduces a published table's
 * 全年执行数 338.31 against 全年预算数 329.77 万元 (执行率 102.59%, 上年结转资金 “—”): 其他资金 received beyond the budget
 * of an 其他 line was spent there.
 *
 * <p>2024 (元): 财政拨款 F1 公用经费 1,900,000 (+100,000 追加), F2 项目 950,000, F3 接待费 50,000 — initial 2,900,000,
 * full-year 3,000,000, spent 1,900,000 + 950,000 + 50,000 = 2,900,000 (96.6667%), carry-out 100,000 (3.3333%); 其他
 * line O1 297,700 budget + 185,400 received, spent 483,100. All lines: 3,297,700 budget, 3,383,100 spent. 编制 50,
 * 实有 52. 2023: F3 spent 48,000.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ProvincialRubricFileTest implements H2FileContext {

    @Autowired
    MockMvc mvc;

    @Test
    void theProvincialRubricFile_scoresAYearRecordedThroughTheApi_asWorkedOutByHand() throws Exception {
        String dept = "PV-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String base = "/api/v1/departments/" + dept + "/years/";
        created("/api/v1/departments", """
                {"departmentId":"%s","name":"示例省某厅","jurisdiction":"示例省",
                 "units":[{"code":"BJ","name":"本级","headOffice":true}],"effectiveDate":"2023-01-01"}""".formatted(dept));
        String version = "pv-" + dept.substring(3).toLowerCase() + "@1";
        created("/api/v1/rubrics", rubricFile().replace("__DEPARTMENT__", dept)
                .replace("provincial-example-2024@1", version));
        TestRubrics.ensurePublished(mvc);

        // 2023, opened under another rubric: only its 接待费 matters here
        created(base.substring(0, base.length() - 1), "{\"year\":2023,\"rubricVersion\":\"" + TestRubrics.GZ_2021 + "\"}");
        line(base + 2023, "F3", "GENERAL_PUBLIC_BUDGET", "PROJECT", "P-3", "30217", "2023-01-01", "50000.00");
        spend(base + 2023, "V23-1", "F3", "48000.00", "2023-06-01");

        created(base.substring(0, base.length() - 1), "{\"year\":2024,\"rubricVersion\":\"" + version + "\"}");
        String y = base + 2024;
        line(y, "F1", "GENERAL_PUBLIC_BUDGET", "BASIC_OPERATING", null, "30201", "2024-01-01", "1900000.00");
        line(y, "F2", "GENERAL_PUBLIC_BUDGET", "PROJECT", "P-2", "30227", "2024-01-01", "950000.00");
        line(y, "F3", "GENERAL_PUBLIC_BUDGET", "PROJECT", "P-3", "30217", "2024-01-01", "50000.00");
        line(y, "O1", "OTHER", "PROJECT", "P-9", "30227", "2024-01-01", "297700.00");
        created(y + "/adjustments/increase", """
                {"lineId":"F1","amount":"100000.00","documentNo":"示财预〔2024〕12号","reason":"增加运行经费",
                 "effectiveDate":"2024-04-01"}""");
        created(y + "/other-funds", """
                {"lineId":"O1","amount":"185400.00","documentNo":"收入-2024-07","reason":"事业收入超出预算",
                 "effectiveDate":"2024-07-01"}""");
        spend(y, "V-1", "F1", "1900000.00", "2024-11-30");
        spend(y, "V-2", "F2", "950000.00", "2024-11-30");
        spend(y, "V-3", "F3", "50000.00", "2024-11-30");
        spend(y, "V-4", "O1", "483100.00", "2024-12-20");
        // beyond the budget and the other funds received: still refused, nothing recorded
        mvc.perform(MockMvcRequestBuilders.post(y + "/expenditures").contentType(MediaType.APPLICATION_JSON).content("""
                {"voucherNo":"V-5","lineId":"O1","amount":"0.01","effectiveDate":"2024-12-21"}"""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("amount"));
        // a 财政拨款 line gets more only by an increase
        mvc.perform(MockMvcRequestBuilders.post(y + "/other-funds").contentType(MediaType.APPLICATION_JSON).content("""
                {"lineId":"F2","amount":"10.00","reason":"超收","effectiveDate":"2024-07-01"}"""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("lineId"));
        created(y + "/staffing", "{\"authorizedPositions\":50,\"actualHeadcount\":52,\"effectiveDate\":\"2024-12-31\"}");
        created(y + "/evaluation", "");
        created(y + "/evaluation/indicators", """
                {"indicatorId":"I-EXEC","path":["产出指标","质量指标"],"name":"预算完成率","weight":0,
                 "targetExpression":"≥100%","rubricItemCode":"M.EXEC","effectiveDate":"2024-01-05"}""");

        mvc.perform(get(y + "/execution")).andExpect(status().isOk())
                .andExpect(jsonPath("$.result.total.fullYear").value("3297700.00"))
                .andExpect(jsonPath("$.result.total.executed").value("3383100.00"))
                .andExpect(jsonPath("$.result.total.carryIn").value("0.00"))
                .andExpect(jsonPath("$.result.total.executionRate").value(Matchers.closeTo(1.0258968, 0.0000001)));

        mvc.perform(get(y + "/evaluation")).andExpect(status().isOk())
                // 5 × 96.6667% ÷ 100% = 4.83
                .andExpect(item("M.EXEC", "4.83"))
                // 反向: 3 × 2% ÷ 3.3333% = 1.80
                .andExpect(item("M.CARRY", "1.80"))
                // 100,000 ÷ 2,900,000 = 3.4483%: 0.4483 points over 3% × 0.5 → 2 − 0.2241 = 1.78
                .andExpect(item("M.ADJ", "1.78"))
                // 52 ÷ 50 = 104% against ≤ 100%: 2 × 100 ÷ 104 = 1.92
                .andExpect(item("M.STAFF", "1.92"))
                // 3.33 points below 100%, a started 5-point step: 3 − 2 = 1.00
                .andExpect(item("C.EXEC.STEP", "1.00"))
                // 三公 50,000 vs 48,000: +4.17% → (0, 10%] → 1
                .andExpect(item("C.3PUB", "1.00"))
                // ratio 96.67% → 基本达成 → the rubric's 0.85 × 3 = 2.55
                .andExpect(item("C.EXEC.GRADE", "2.55"))
                .andExpect(jsonPath("$.result.total").value(14.88))
                .andExpect(jsonPath("$.result.flags[*].kind").value(Matchers.not(Matchers.hasItem(
                        "RUBRIC_OF_OTHER_PLACE_OR_YEAR"))));

        // the 2023 table is headed by the department and 2023, and warns that its rubric is of 2021
        mvc.perform(get(base + "2023/evaluation")).andExpect(status().isOk())
                .andExpect(jsonPath("$.result.flags[?(@.kind == 'RUBRIC_OF_OTHER_PLACE_OR_YEAR')].detail").value(
                        Matchers.contains(Matchers.allOf(Matchers.containsString("适用地区为广州市，本部门属示例省"),
                                Matchers.containsString("适用年度为 2021 年，本年度为 2023 年")))));
    }

    private static org.springframework.test.web.servlet.ResultMatcher item(String code, String score) {
        return jsonPath("$.result.items[*].children[?(@.code == '" + code + "')].score")
                .value(Matchers.contains(Double.parseDouble(score)));
    }

    private void line(String year, String id, String source, String kind, String project, String economic,
            String date, String initial) throws Exception {
        String projectFields = project == null ? "" : ",\"projectCode\":\"" + project + "\",\"projectName\":\"项目" + project + "\"";
        created(year + "/budget-lines", ("{\"lineId\":\"%s\",\"unit\":\"BJ\",\"fundingSource\":\"%s\",\"kind\":\"%s\"%s,"
                + "\"functionalCode\":\"2010101\",\"economicCode\":\"%s\",\"effectiveDate\":\"%s\"}")
                .formatted(id, source, kind, projectFields, economic, date));
        created(year + "/initial-budgets", "{\"lineId\":\"%s\",\"amount\":\"%s\",\"documentNo\":\"批-%s\",\"effectiveDate\":\"%s\"}"
                .formatted(id, initial, id, date));
    }

    private void spend(String year, String voucher, String line, String amount, String date) throws Exception {
        created(year + "/expenditures", "{\"voucherNo\":\"%s\",\"lineId\":\"%s\",\"amount\":\"%s\",\"effectiveDate\":\"%s\"}"
                .formatted(voucher, line, amount, date));
    }

    private ResultActions created(String path, String body) throws Exception {
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path);
        if (!body.isEmpty()) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        ResultActions result = mvc.perform(request);
        int answered = result.andReturn().getResponse().getStatus();
        if (answered != 201) {
            throw new AssertionError(path + " answered " + answered + ": "
                    + result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        }
        return result;
    }

    private static String rubricFile() throws IOException {
        try (InputStream in = ProvincialRubricFileTest.class.getClassLoader()
                .getResourceAsStream("rubrics-provincial/provincial-example-2024.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
