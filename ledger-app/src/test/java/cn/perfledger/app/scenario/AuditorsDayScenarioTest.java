package cn.perfledger.app.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.perfledger.app.demo.DemoDataLoader;
import cn.perfledger.app.demo.DemoScenario;
import cn.perfledger.app.support.H2FileContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;

/**
 * An auditor's day on the demo data, through the public REST API only (issue 4's scenario). The year under audit
 * is 市本级 2021 (seed 002), loaded as its own department copy so that the late correction recorded today leaves
 * the shared demo year untouched for other tests.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuditorsDayScenarioTest implements H2FileContext {

    private static final String DEPT = "DAY-ZSJ";
    private static final String YEAR = "/api/v1/departments/" + DEPT + "/years/2021";

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    DemoDataLoader loader;

    @Test
    void anAuditorsDay() throws Exception {
        // 0. The department's year as the demo data holds it (the seed-002 scenario under its own department code).
        loader.loadAll();
        DemoScenario seed = loader.read("demo/gz-municipal-2021.json");
        loader.load(seed.underDepartment(DEPT, "（审计演练副本）"));

        // 1. The auditor opens 市本级 2021 at its 评价基准日: the ledger scores 94.35 while the department declared
        //    94.65; the table flags the difference, and the reconciliation report raises it as an alarm.
        JsonNode table = getJson(YEAR + "/evaluation?asOf=2021-12-31").path("result");
        assertThat(table.path("total").decimalValue()).isEqualByComparingTo("94.35");
        assertThat(table.path("grade").asText()).isEqualTo("优");
        assertThat(table.path("declared").path("declaredTotal").decimalValue()).isEqualByComparingTo("94.65");
        assertThat(table.path("declared").path("difference").decimalValue()).isEqualByComparingTo("0.30");
        assertThat(kinds(table.path("flags"))).contains("DECLARED_TOTAL_DIFFERS");
        JsonNode reconciliation = getJson(YEAR + "/reconciliation?asOf=2021-12-31").path("result");
        assertThat(reconciliation.path("declaredFigures")).anySatisfy(figure -> {
            assertThat(figure.path("printedValue").asText()).contains("94.65");
            assertThat(figure.path("alarm").asBoolean()).isTrue();
        });

        // 2. Why is 接通率 2.66 of 2.96? Not met (94.07% against ≥ 95%), so the rule pays 0.9 of the weight.
        JsonNode shortfall = getJson(YEAR + "/evaluation/items/E.KPI-09/shortfall?asOf=2021-12-31");
        assertThat(shortfall.path("score").decimalValue()).isEqualByComparingTo("2.66");
        assertThat(shortfall.path("weight").decimalValue()).isEqualByComparingTo("2.96");
        assertThat(shortfall.path("items").get(0).path("explanation").asText()).contains("94.07%").contains("95%");

        // 3. The department brings a voucher it forgot: effective 2021-12-20, recorded today. The year is sealed,
        //    so both the budget it needs and the voucher itself are flagged post-close corrections with a reason.
        post(YEAR + "/adjustments/increase", """
                {"lineId":"L01","amount":"100000.00","documentNo":"穗财预〔2022〕9号","reason":"补充年末漏列预算",
                 "effectiveDate":"2021-12-20","postCloseReason":"审计发现漏记，结账后更正"}""", status().isCreated());
        // the store keeps recording times to the millisecond: keep the bases clear of the neighbouring events
        Thread.sleep(5);
        Instant beforeVoucher = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Thread.sleep(2);
        post(YEAR + "/expenditures", """
                {"voucherNo":"记-2021-LATE-1","lineId":"L01","amount":"60000.00","effectiveDate":"2021-12-20",
                 "payee":"补记供应商","summary":"年末漏记凭证","postCloseReason":"审计发现漏记凭证，结账后补记"}""",
                status().isCreated());
        Thread.sleep(2);
        Instant afterVoucher = Instant.now();

        // 4. As submitted vs as now known: the submitted table re-derives to its stored digest, and the two tables
        //    differ exactly in the cells the late voucher touches (budget figures of 资金管理), nothing else.
        JsonNode comparison = getJson(YEAR + "/submissions/1/comparison");
        assertThat(comparison.path("digestMatches").asBoolean()).isTrue();
        assertThat(comparison.path("changed").asBoolean()).isTrue();
        List<String> changed = new ArrayList<>();
        comparison.path("items").forEach(item -> {
            if (item.path("changed").asBoolean()) {
                changed.add(item.path("code").asText());
            }
        });
        assertThat(changed).contains("M.FUND.BUDGET-COMPLETION").allMatch(code -> code.startsWith("M"));

        // 5. Why did 预算完成率 move between what was known before the voucher and after it? One step, one event:
        //    that voucher, carrying the whole change.
        JsonNode why = getJson(YEAR + "/evaluation/items/M.FUND.BUDGET-COMPLETION/why?fromAsOf=2021-12-31&fromKnownAt="
                + beforeVoucher + "&toAsOf=2021-12-31&toKnownAt=" + afterVoucher);
        assertThat(why.path("eventsAdded").asInt()).isEqualTo(1);
        assertThat(why.path("steps")).hasSize(1);
        JsonNode step = why.path("steps").get(0);
        assertThat(step.path("events").get(0).path("reference").asText()).isEqualTo("记-2021-LATE-1");
        assertThat(step.path("exactDelta").decimalValue()).isEqualByComparingTo(why.path("exactChange").decimalValue());
        BigDecimal change = why.path("scoreTo").decimalValue().subtract(why.path("scoreFrom").decimalValue());
        assertThat(step.path("delta").decimalValue()).isEqualByComparingTo(change);

        // 6. Finally the auditor verifies the hash chain of the year: every event, including today's, is intact.
        JsonNode integrity = getJson(YEAR + "/integrity");
        assertThat(integrity.path("intact").asBoolean()).isTrue();
        assertThat(integrity.path("brokenStreams").asInt()).isZero();
    }

    private JsonNode getJson(String url) throws Exception {
        String body = mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(body);
    }

    private void post(String url, String body, ResultMatcher expected) throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(url).contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(expected);
    }

    private static List<String> kinds(JsonNode flags) {
        List<String> kinds = new ArrayList<>();
        flags.forEach(flag -> kinds.add(flag.path("kind").asText()));
        return kinds;
    }
}
