package cn.perfledger.app.eventstore;

import cn.perfledger.app.support.TestUsers;
import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.app.LedgerApplication;
import cn.perfledger.app.support.TestDatabases;
import cn.perfledger.app.support.TestRubrics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The default profile keeps its events in an H2 file: start the application on a directory, write through the
 * HTTP API, stop it, start a new one on the same directory and find the same events (global sequences, payloads,
 * metadata, recorded times), the directory read model not replayed twice, and new events continuing the sequences.
 */
class H2FileRestartTest {

    private static final String DEPT = "RESTART";
    private static final String YEAR = "/api/v1/departments/" + DEPT + "/years/2021";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void eventsSurviveARestart() throws Exception {
        Path dataDir = TestDatabases.tempDir("ledger-restart-");
        String firstEvents;
        try (ConfigurableApplicationContext app = start(dataDir)) {
            String base = base(app);
            assertThat(get(base, "/actuator/health").get("status").asText()).isEqualTo("UP");
            post(base, "/api/v1/departments", """
                    {"departmentId":"RESTART","name":"重启测试局","jurisdiction":"广州市",
                     "units":[{"code":"BJ","name":"本级","headOffice":true}],"effectiveDate":"2021-01-01"}""");
            TestRubrics.ensurePublished(base);
            post(base, "/api/v1/departments/RESTART/years", """
                    {"year":2021,"rubricVersion":"gz-municipal-2021@1"}""");
            post(base, YEAR + "/budget-lines", """
                    {"lineId":"L1","unit":"BJ","fundingSource":"GENERAL_PUBLIC_BUDGET","kind":"BASIC_PERSONNEL",
                     "functionalCode":"2010101","economicCode":"30101","effectiveDate":"2021-01-01"}""");
            post(base, YEAR + "/initial-budgets", """
                    {"lineId":"L1","amount":"880000.00","documentNo":"预-1","effectiveDate":"2021-01-10"}""");
            post(base, YEAR + "/expenditure-batches", """
                    {"batchId":"jan","entries":[
                      {"voucherNo":"V1","lineId":"L1","amount":"70000.00","effectiveDate":"2021-01-31"},
                      {"voucherNo":"V2","lineId":"L1","amount":"0.01","effectiveDate":"2021-01-31"}]}""");
            firstEvents = getText(base, YEAR + "/events");
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                    () -> get(base, "/api/v1/departments/RESTART").get("years").size() == 1);
        }
        assertThat(Files.list(dataDir).map(p -> p.getFileName().toString())).contains("ledger.mv.db");

        try (ConfigurableApplicationContext app = start(dataDir)) {
            String base = base(app);
            String secondEvents = getText(base, YEAR + "/events");
            assertThat(json.readTree(secondEvents)).isEqualTo(json.readTree(firstEvents));
            JsonNode events = json.readTree(secondEvents).get("events");
            assertThat(events).hasSize(5);
            long lastGlobal = events.get(4).get("globalSequence").asLong();

            post(base, YEAR + "/expenditures", """
                    {"voucherNo":"V3","lineId":"L1","amount":"1.00","effectiveDate":"2021-02-01"}""");
            JsonNode after = get(base, YEAR + "/events?type=ExpenditureRecorded").get("events");
            JsonNode newest = after.get(after.size() - 1);
            assertThat(newest.get("globalSequence").asLong()).isGreaterThan(lastGlobal);
            assertThat(newest.get("sequenceNumber").asLong()).isEqualTo(5);
            // the tracking processor resumed from its token: one department, one year, no duplicates
            Thread.sleep(500);
            JsonNode department = get(base, "/api/v1/departments/RESTART");
            assertThat(department.get("units")).hasSize(1);
            assertThat(department.get("years")).hasSize(1);
            List<String> departments = new ArrayList<>();
            get(base, "/api/v1/departments").forEach(d -> departments.add(d.get("departmentId").asText()));
            assertThat(departments).containsOnlyOnce(DEPT);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        LedgerApplication.disableAxonUpdateChecker();
        return new SpringApplicationBuilder(LedgerApplication.class)
                .run("--ledger.data-dir=" + dataDir, "--server.port=0", "--spring.main.banner-mode=off",
                        "--ledger.demo.load-on-start=false");
    }

    private static String base(ConfigurableApplicationContext app) {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        return "http://127.0.0.1:" + port;
    }

    private void post(String base, String path, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", TestUsers.basicHeader())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " → " + response.body()).isEqualTo(201);
    }

    private String getText(String base, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", TestUsers.basicHeader()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " → " + response.body()).isEqualTo(200);
        return response.body();
    }

    private JsonNode get(String base, String path) throws Exception {
        return json.readTree(getText(base, path));
    }
}
