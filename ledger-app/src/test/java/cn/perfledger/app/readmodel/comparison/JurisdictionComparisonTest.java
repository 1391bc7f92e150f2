package cn.perfledger.app.readmodel.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.perfledger.app.history.EventHistory;
import cn.perfledger.app.query.YearQueries;
import cn.perfledger.app.readmodel.figures.YearFiguresReadModel;
import cn.perfledger.app.security.DepartmentScope;
import cn.perfledger.app.security.LedgerRole;
import cn.perfledger.app.security.LedgerUserDetails;
import cn.perfledger.app.support.H2FileContext;
import cn.perfledger.app.support.TestRubrics;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.projections.basis.RecordedEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * {@code GET /api/v1/comparisons}: three departments written through the API — one in a city, one in a district
 * of it, one in another city; each comparison row must equal the year's own execution, carry-over and scored-table
 * queries; the jurisdiction matches exactly unless subordinates are asked for; a user sees only his scope; an
 * edited read-model row is answered from a replay and named BROKEN; a year not in memory is judged by its keyed
 * heads (basis "heads") — a head moved back is BROKEN in the comparison and the directory —, and the directory
 * page summarises it from its row without reading it (an edited row is replayed and raises the banner); one read
 * keeps its verified status; bad parameters are 400 naming the field.
 */
@SpringBootTest
@AutoConfigureMockMvc
class JurisdictionComparisonTest implements H2FileContext {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    YearQueries queries;
    @Autowired
    YearFiguresReadModel readModel;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventHistory history;

    @Test
    void rowsEqualEachYearsOwnQueries_scopeAndMatchingAreExplicit_anEditedRowIsReplayedAndBroken() throws Exception {
        TestRubrics.ensurePublished(mvc);
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String city = "比较" + suffix + "市";
        String district = city + "甲区";
        String cityDept = "CMP-" + suffix + "-A";
        String districtDept = "CMP-" + suffix + "-B";
        String otherDept = "CMP-" + suffix + "-C";
        openYear(cityDept, city, List.of("12000.00", "30000.50"));
        openYear(districtDept, district, List.of("70000.00"));
        openYear(otherDept, "另" + suffix + "市", List.of("5.00"));
        for (String dept : List.of(cityDept, districtDept, otherDept)) {
            awaitCaughtUp(FiscalYearId.of(dept, 2021));
        }

        JsonNode exact = compare("jurisdiction=" + city + "&year=2021");
        assertThat(departments(exact)).containsExactly(cityDept);
        JsonNode row = exact.get("rows").get(0);
        assertSameAsYearQueries(row, cityDept);
        assertThat(row.get("spent").asText()).isEqualTo("42000.50");
        assertThat(row.get("source").asText()).isEqualTo("read-model");
        assertThat(row.get("integrity").get("status").asText()).isEqualTo("INTACT");
        assertThat(exact.get("integrity").get("status").asText()).isEqualTo("INTACT");

        JsonNode withDistricts = compare("jurisdiction=" + city + "&year=2021&includeSubordinate=true");
        assertThat(departments(withDistricts)).containsExactly(cityDept, districtDept);
        assertSameAsYearQueries(withDistricts.get("rows").get(1), districtDept);
        assertThat(departments(compare("jurisdiction=" + city.substring(0, city.length() - 1)
                + "&year=2021&includeSubordinate=true"))).as("a name that is no administrative level is no prefix")
                .isEmpty();
        assertThat(departments(compare("jurisdiction=" + city + "&year=2022"))).as("no such year").isEmpty();

        LedgerUserDetails districtAuditor = new LedgerUserDetails("cmp-auditor", "区审计", null,
                EnumSet.of(LedgerRole.AUDITOR), DepartmentScope.of(districtDept), true);
        JsonNode scoped = objectMapper.readTree(mvc.perform(get("/api/v1/comparisons?jurisdiction=" + city
                        + "&year=2021&includeSubordinate=true").with(authentication(
                        UsernamePasswordAuthenticationToken.authenticated(districtAuditor, null,
                                districtAuditor.getAuthorities()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(departments(scoped)).as("only the departments in the user's scope").containsExactly(districtDept);

        String id = FiscalYearId.of(cityDept, 2021).toString();
        Map<String, Object> original = jdbc.queryForMap(
                "SELECT execution_json FROM year_figures WHERE fiscal_year_id = ?", id);
        String honest = (String) original.values().iterator().next();
        try {
            jdbc.update("UPDATE year_figures SET execution_json = ? WHERE fiscal_year_id = ?",
                    honest.replace("42000.50", "2000.50"), id);
            JsonNode edited = compare("jurisdiction=" + city + "&year=2021");
            JsonNode replayed = edited.get("rows").get(0);
            assertThat(replayed.get("source").asText()).isEqualTo("replay");
            assertThat(replayed.get("spent").asText()).as("figures from the events, not the edit").isEqualTo("42000.50");
            assertThat(replayed.get("integrity").get("status").asText()).isEqualTo("BROKEN");
            assertThat(edited.get("integrity").get("status").asText()).isEqualTo("BROKEN");
        } finally {
            jdbc.update("UPDATE year_figures SET execution_json = ? WHERE fiscal_year_id = ?", honest, id);
        }
        assertThat(compare("jurisdiction=" + city + "&year=2021").get("rows").get(0).get("source").asText())
                .isEqualTo("read-model");

        // cold (as after a restart): the years are judged by their keyed heads, not read, and say so
        history.clear();
        queries.clear();
        JsonNode cold = compare("jurisdiction=" + city + "&year=2021&includeSubordinate=true");
        for (JsonNode coldRow : cold.get("rows")) {
            assertThat(coldRow.get("integrityBasis").asText()).isEqualTo("heads");
            assertThat(coldRow.get("integrity").get("status").asText()).isEqualTo("INTACT");
        }
        assertThat(cold.get("rows").get(0).get("spent").asText()).isEqualTo("42000.50");
        assertThat(queries.inMemory(FiscalYearId.of(districtDept, 2021))).as("the comparison read no year").isFalse();
        JsonNode directoryYear = getJson("/api/v1/departments/" + districtDept).get("years").get(0);
        assertThat(directoryYear.get("integrityBasis").asText()).isEqualTo("heads");
        assertThat(directoryYear.get("integrity").get("status").asText()).isEqualTo("INTACT");

        // the directory page lists cold years from their rows too, reading none of them
        assertThat(directorySection(cityDept)).contains("data-yuan=\"100,000.00\"", "data-yuan=\"42,000.50\"",
                "42.00%");
        assertThat(directorySection(districtDept)).contains("data-yuan=\"70,000.00\"");
        assertThat(queries.inMemory(FiscalYearId.of(cityDept, 2021))).as("the directory page read no year").isFalse();
        assertThat(queries.inMemory(FiscalYearId.of(districtDept, 2021))).isFalse();
        // … and an edited row of a cold year is not shown: the page replays that year and raises the banner
        try {
            jdbc.update("UPDATE year_figures SET execution_json = ? WHERE fiscal_year_id = ?",
                    honest.replace("42000.50", "2000.50"), id);
            String page = directoryPage();
            assertThat(section(page, cityDept)).contains("data-yuan=\"42,000.50\"").doesNotContain("\"2,000.50\"");
            assertThat(page).contains("integrity-banner", "year_figures");
        } finally {
            jdbc.update("UPDATE year_figures SET execution_json = ? WHERE fiscal_year_id = ?", honest, id);
        }

        // a head moved back by someone with database access only: its MAC fails, both answers say BROKEN
        String districtYear = FiscalYearId.of(districtDept, 2021).toString();
        try {
            jdbc.update("UPDATE stream_head SET sequence_number = sequence_number - 1 WHERE aggregate_identifier = ?",
                    districtYear);
            JsonNode headAltered = compare("jurisdiction=" + district + "&year=2021");
            JsonNode alteredRow = headAltered.get("rows").get(0);
            assertThat(alteredRow.get("integrityBasis").asText()).isEqualTo("heads");
            assertThat(alteredRow.get("integrity").get("status").asText()).isEqualTo("BROKEN");
            assertThat(alteredRow.get("integrity").get("problems").get(0).get("kind").asText())
                    .isEqualTo("HEAD_ALTERED");
            assertThat(alteredRow.get("integrity").get("problems").get(0).get("stream").asText())
                    .isEqualTo(districtYear);
            JsonNode directoryAltered = getJson("/api/v1/departments/" + districtDept).get("years").get(0);
            assertThat(directoryAltered.get("integrity").get("status").asText()).isEqualTo("BROKEN");
            // once the year is read (a figure query), the verified status is kept
            getJson("/api/v1/departments/" + districtDept + "/years/2021/figures");
            assertThat(queries.inMemory(FiscalYearId.of(districtDept, 2021))).isTrue();
            JsonNode verified = getJson("/api/v1/departments/" + districtDept).get("years").get(0);
            assertThat(verified.get("integrityBasis").asText()).isEqualTo("verified");
            assertThat(verified.get("integrity").get("status").asText()).isEqualTo("BROKEN");
        } finally {
            jdbc.update("UPDATE stream_head SET sequence_number = sequence_number + 1 WHERE aggregate_identifier = ?",
                    districtYear);
            history.clear();
            queries.clear();
        }
        assertThat(compare("jurisdiction=" + district + "&year=2021").get("rows").get(0).get("integrity").get("status")
                .asText()).isEqualTo("INTACT");
    }

    @Test
    void badParametersAre400NamingTheField() throws Exception {
        refused("jurisdiction", "year", "2021");
        refused("jurisdiction", "jurisdiction", " ", "year", "2021");
        refused("jurisdiction", "jurisdiction", "市".repeat(101), "year", "2021");
        refused("jurisdiction", "jurisdiction", "广州市\u0000", "year", "2021");
        refused("jurisdiction", "jurisdiction", "广州\u200b市", "year", "2021");
        // year and includeSubordinate go through the shared binder: the body of any other endpoint's bad parameter
        parameter("year", "缺少必填参数", "jurisdiction", "广州市");
        parameter("year", "缺少必填参数", "jurisdiction", "广州市", "year", " ");
        parameter("year", "年度必须是四位整数（如 2021）: 二〇二一", "jurisdiction", "广州市", "year", "二〇二一");
        parameter("year", "年度必须是四位整数（如 2021）: ２０２１", "jurisdiction", "广州市", "year", "２０２１");
        parameter("year", "年度必须是四位整数（如 2021）: +2021", "jurisdiction", "广州市", "year", "+2021");
        parameter("year", "年度必须在 2000 至 2100 之间: 1999", "jurisdiction", "广州市", "year", "1999");
        parameter("includeSubordinate", "只能是 true 或 false: yes", "jurisdiction", "广州市", "year", "2021",
                "includeSubordinate", "yes");
        parameter("includeSubordinate", "只能是 true 或 false: 1", "jurisdiction", "广州市", "year", "2021",
                "includeSubordinate", "1");
        JsonNode otherEndpoint = objectMapper.readTree(mvc.perform(get("/api/v1/departments/GZ-ZSJ/years/2021/events")
                        .param("page", "x")).andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        JsonNode comparisonYear = problem(get("/api/v1/comparisons").param("jurisdiction", "广州市")
                .param("year", "x"));
        assertThat(comparisonYear.get("type")).as("the same problem type as another endpoint's bad parameter")
                .isEqualTo(otherEndpoint.get("type"));
        assertThat(comparisonYear.get("title")).isEqualTo(otherEndpoint.get("title"));
        mvc.perform(request("jurisdiction", "广州市", "year", " 2021 ", "includeSubordinate", ""))
                .andExpect(status().isOk()); // spaces around a value are stripped, a blank value is absent
    }

    /** GET with the given name/value pairs must be 400 naming {@code field}. */
    private void refused(String field, String... pairs) throws Exception {
        JsonNode problem = problem(request(pairs));
        assertThat(problem.get("field").asText()).isEqualTo(field);
        assertThat(problem.get("rule").asText()).isNotEmpty();
    }

    /** A bad parameter: 400 of type invalid-request naming {@code field} and {@code rule}. */
    private void parameter(String field, String rule, String... pairs) throws Exception {
        JsonNode problem = problem(request(pairs));
        assertThat(problem.get("type").asText()).isEqualTo("urn:perfledger:problem:invalid-request");
        assertThat(problem.get("field").asText()).isEqualTo(field);
        assertThat(problem.get("rule").asText()).isEqualTo(rule);
    }

    private static MockHttpServletRequestBuilder request(String... pairs) {
        MockHttpServletRequestBuilder request = get("/api/v1/comparisons");
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            request.param(pairs[i], pairs[i + 1]);
        }
        return request;
    }

    private JsonNode problem(MockHttpServletRequestBuilder request) throws Exception {
        return objectMapper.readTree(mvc.perform(request).andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private void assertSameAsYearQueries(JsonNode row, String dept) throws Exception {
        String base = "/api/v1/departments/" + dept + "/years/2021";
        JsonNode executionTotal = getJson(base + "/execution").get("result").get("total");
        JsonNode carryOverTotal = getJson(base + "/carryover").get("result").get("total");
        JsonNode evaluation = getJson(base + "/evaluation").get("result");
        assertThat(row.get("fiscalYearId").asText()).isEqualTo(dept + "/2021");
        assertThat(row.get("budget").asText()).isEqualTo(executionTotal.get("fullYear").asText());
        assertThat(row.get("spent").asText()).isEqualTo(executionTotal.get("executed").asText());
        assertThat(new BigDecimal(row.get("executionRate").asText()))
                .isEqualByComparingTo(executionTotal.get("executionRate").asText());
        assertThat(row.get("carryOver").asText()).isEqualTo(carryOverTotal.get("carryOut").asText());
        assertThat(new BigDecimal(row.get("totalScore").asText())).isEqualByComparingTo(evaluation.get("total").asText());
        assertThat(row.get("grade").asText()).isEqualTo(evaluation.get("grade").asText());
        assertThat(row.get("lastGlobalIndex").asLong()).isEqualTo(readModel.find(FiscalYearId.of(dept, 2021))
                .orElseThrow().lastGlobalIndex());
    }

    private static List<String> departments(JsonNode comparison) {
        return java.util.stream.StreamSupport.stream(comparison.get("rows").spliterator(), false)
                .map(r -> r.get("departmentId").asText()).toList();
    }

    private String directoryPage() throws Exception {
        return mvc.perform(get("/")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private String directorySection(String dept) throws Exception {
        return section(directoryPage(), dept);
    }

    /** The department's card of the directory page (up to the next department's). */
    private static String section(String page, String dept) {
        int start = page.indexOf("id=\"dept-" + dept + "\"");
        assertThat(start).as("the page lists " + dept).isNotNegative();
        int end = page.indexOf("id=\"dept-", start + 1);
        return page.substring(start, end < 0 ? page.length() : end);
    }

    private JsonNode compare(String query) throws Exception {
        return getJson("/api/v1/comparisons?" + query);
    }

    private JsonNode getJson(String url) throws Exception {
        return objectMapper.readTree(mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private void openYear(String dept, String jurisdiction, List<String> vouchers) throws Exception {
        send(post("/api/v1/departments"), """
                {"departmentId":"%s","name":"比较测试局%s","jurisdiction":"%s","effectiveDate":"2021-01-01",
                 "units":[{"code":"BJ","name":"本级","headOffice":true}]}""".formatted(dept, dept, jurisdiction));
        String base = "/api/v1/departments/" + dept + "/years";
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> mvc.perform(
                post(base).contentType(MediaType.APPLICATION_JSON).content(
                        "{\"year\":2021,\"rubricVersion\":\"" + TestRubrics.GZ_2021 + "\"}"))
                .andReturn().getResponse().getStatus() == 201);
        send(post(base + "/2021/budget-lines"), """
                {"lineId":"L1","unit":"BJ","fundingSource":"GENERAL_PUBLIC_BUDGET","kind":"PROJECT","projectCode":"P1",
                 "projectName":"平台运维","functionalCode":"2010101","economicCode":"30227","effectiveDate":"2021-01-01"}""");
        send(post(base + "/2021/initial-budgets"), """
                {"lineId":"L1","amount":"100000.00","documentNo":"比财〔2021〕1号","effectiveDate":"2021-01-01"}""");
        int n = 0;
        for (String amount : vouchers) {
            send(post(base + "/2021/expenditures"), """
                    {"voucherNo":"记-%04d","lineId":"L1","amount":"%s","effectiveDate":"2021-0%d-01"}"""
                    .formatted(++n, amount, n + 2));
        }
    }

    private void send(MockHttpServletRequestBuilder request, String json) throws Exception {
        mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isCreated());
    }

    private void awaitCaughtUp(FiscalYearId year) {
        long expected = queries.events(year).stream().mapToLong(RecordedEvent::globalSequence).max().orElseThrow();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> readModel.find(year).map(r -> r.lastGlobalIndex() == expected).orElse(false));
    }
}
