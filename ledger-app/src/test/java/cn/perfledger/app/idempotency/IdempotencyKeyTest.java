package cn.perfledger.app.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.perfledger.app.support.H2FileContext;
import cn.perfledger.app.support.TestRubrics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** Idempotency-Key on the write endpoints: replay, mismatch, refusal releasing the key, concurrent duplicates. */
@SpringBootTest
@AutoConfigureMockMvc
class IdempotencyKeyTest implements H2FileContext {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper objectMapper;

    private MockHttpServletResponse post(String path, String key, String body) throws Exception {
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                .contentType(MediaType.APPLICATION_JSON).content(body);
        if (key != null) {
            request.header(IdempotencyFilter.HEADER, key);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private long events() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
    }

    private String openYear() throws Exception {
        TestRubrics.ensurePublished(mvc);
        String dept = "IK-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertThat(post("/api/v1/departments", null, """
                {"departmentId":"%s","name":"幂等测试局","jurisdiction":"广州市","units":[{"code":"BJ","name":"本级","headOffice":true}],
                 "effectiveDate":"2021-01-01"}""".formatted(dept)).getStatus()).isEqualTo(201);
        String years = "/api/v1/departments/" + dept + "/years";
        assertThat(post(years, null, "{\"year\":2021,\"rubricVersion\":\"gz-municipal-2021@1\"}").getStatus())
                .isEqualTo(201);
        assertThat(post(years + "/2021/budget-lines", null, """
                {"lineId":"L1","unit":"BJ","fundingSource":"GENERAL_PUBLIC_BUDGET","kind":"BASIC_OPERATING",
                 "functionalCode":"2010101","economicCode":"30201","effectiveDate":"2021-01-01"}""").getStatus())
                .isEqualTo(201);
        assertThat(post(years + "/2021/initial-budgets", null, """
                {"lineId":"L1","amount":"100000.00","documentNo":"财预1号","effectiveDate":"2021-01-15"}""")
                .getStatus()).isEqualTo(201);
        return years + "/2021";
    }

    @Test
    void sameKeySameBody_returnsTheOriginalResponse_andWritesNothing() throws Exception {
        String year = openYear();
        String key = UUID.randomUUID().toString();
        String body = """
                {"lineId":"L1","amount":"500.00","documentNo":"追加1号","reason":"追加","effectiveDate":"2021-03-01"}""";
        MockHttpServletResponse first = post(year + "/adjustments/increase", key, body);
        assertThat(first.getStatus()).isEqualTo(201);
        long after = events();

        for (int i = 0; i < 3; i++) {
            MockHttpServletResponse again = post(year + "/adjustments/increase", key, body);
            assertThat(again.getStatus()).isEqualTo(201);
            assertThat(again.getContentAsString()).isEqualTo(first.getContentAsString());
            assertThat(again.getHeader(IdempotencyFilter.REPLAYED_HEADER)).isEqualTo("true");
        }
        assertThat(events()).as("replays write nothing").isEqualTo(after);
        // without the key the same body is recognised by the adjustment's identity (文号 + line): a reported no-op,
        // not the original response; another 文号 is another adjustment
        assertThat(post(year + "/adjustments/increase", null, body).getStatus()).isEqualTo(200);
        assertThat(events()).isEqualTo(after);
        assertThat(post(year + "/adjustments/increase", null, body.replace("追加1号", "追加2号")).getStatus())
                .isEqualTo(201);
        assertThat(events()).isEqualTo(after + 1);
        System.out.println("[idempotency] 1 write + 3 replays with one key: event count " + after + " → " + after);
    }

    @Test
    void sameKeyOtherBody_isRefusedNamingTheHeader() throws Exception {
        String year = openYear();
        String key = UUID.randomUUID().toString();
        assertThat(post(year + "/expenditures", key, """
                {"voucherNo":"记-1","lineId":"L1","amount":"10.00","effectiveDate":"2021-03-01"}""").getStatus())
                .isEqualTo(201);
        long after = events();
        MockHttpServletResponse other = post(year + "/expenditures", key, """
                {"voucherNo":"记-2","lineId":"L1","amount":"10.00","effectiveDate":"2021-03-01"}""");
        assertThat(other.getStatus()).isEqualTo(422);
        assertThat(other.getContentType()).startsWith("application/problem+json");
        JsonNode problem = objectMapper.readTree(other.getContentAsByteArray());
        assertThat(problem.get("field").asText()).isEqualTo("Idempotency-Key");
        assertThat(problem.get("rule").asText()).contains("另一个请求");
        // another endpoint with the same key is another request too
        assertThat(post(year + "/adjustments/increase", key, """
                {"lineId":"L1","amount":"1.00","documentNo":"x","reason":"y","effectiveDate":"2021-03-01"}""")
                .getStatus()).isEqualTo(422);
        assertThat(events()).isEqualTo(after);
    }

    @Test
    void aRefusedRequest_releasesItsKey() throws Exception {
        String year = openYear();
        String key = UUID.randomUUID().toString();
        assertThat(post(year + "/expenditures", key, """
                {"voucherNo":"记-1","lineId":"L1","amount":"10.001","effectiveDate":"2021-03-01"}""").getStatus())
                .isEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM idempotency_record WHERE idempotency_key = ?",
                Long.class, key)).isZero();
        assertThat(post(year + "/expenditures", key, """
                {"voucherNo":"记-1","lineId":"L1","amount":"10.00","effectiveDate":"2021-03-01"}""").getStatus())
                .isEqualTo(201);
    }

    @Test
    void concurrentRequestsWithOneKey_writeOnce() throws Exception {
        String year = openYear();
        long before = events();
        String key = UUID.randomUUID().toString();
        String body = """
                {"lineId":"L1","amount":"7.00","documentNo":"追加9号","reason":"并发","effectiveDate":"2021-03-01"}""";
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 16; i++) {
                Callable<Integer> call = () -> post(year + "/adjustments/increase", key, body).getStatus();
                results.add(pool.submit(call));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            System.out.println("[idempotency] 16 concurrent requests with one key: " + statuses);
            assertThat(statuses).allMatch(s -> s == 201 || s == 409);
            assertThat(statuses).contains(201);
        } finally {
            pool.shutdownNow();
        }
        assertThat(events()).as("exactly one increase recorded").isEqualTo(before + 1);
        assertThat(post(year + "/adjustments/increase", key, body).getHeader(IdempotencyFilter.REPLAYED_HEADER))
                .isEqualTo("true");
    }

    @Test
    void malformedKey_isRefused() throws Exception {
        String year = openYear();
        MockHttpServletResponse response = post(year + "/expenditures", "a b", """
                {"voucherNo":"记-1","lineId":"L1","amount":"10.00","effectiveDate":"2021-03-01"}""");
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(objectMapper.readTree(response.getContentAsByteArray()).get("field").asText())
                .isEqualTo("Idempotency-Key");
    }

    @Test
    void openApiDocumentsTheHeader() throws Exception {
        JsonNode doc = objectMapper.readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse()
                .getContentAsByteArray());
        JsonNode parameters = doc.at("/paths/~1api~1v1~1departments~1{dept}~1years~1{year}~1expenditures/post/parameters");
        List<String> names = new ArrayList<>();
        parameters.forEach(p -> names.add(p.get("in").asText() + ":" + p.get("name").asText()));
        assertThat(names).contains("header:Idempotency-Key");
    }
}
