package cn.perfledger.app.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.app.LedgerApplication;
import cn.perfledger.app.query.YearQueries;
import cn.perfledger.app.support.TestDatabases;
import cn.perfledger.app.support.TestUsers;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.domain.evaluation.DirectionSource;
import cn.perfledger.projections.evaluation.IndicatorReport;
import cn.perfledger.projections.scoring.ScoredTable;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two demo years exported by the revision-1 code (commit 74c2891: indicator events and rubrics at revision 1, no
 * directions), restored into a fresh store and replayed through the upcasters: every indicator has the completion
 * rate and status the revision-1 code reported ({@code revision1-expected.tsv}), and the seed golden figures hold —
 * GZ-ZSJ 2021 16/17 indicators met → 94.35, HZ-ZSJ 2023 33 indicators → 96.8.
 */
class RevisionOneYearsReplayTest {

    private static final Instant FAR_FUTURE = Instant.parse("9999-01-01T00:00:00Z");

    @Test
    void revision1Years_replayToTheFiguresTheyHad() throws Exception {
        Path dir = TestDatabases.tempDir("ledger-revision1-");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LedgerApplication.class)
                .run("--ledger.data-dir=" + dir, "--ledger.demo.load-on-start=false", "--server.port=0",
                        "--spring.main.banner-mode=off")) {
            int port = app.getEnvironment().getProperty("local.server.port", Integer.class);
            for (String year : List.of("GZ-ZSJ-2021", "HZ-ZSJ-2023")) {
                HttpResponse<String> restored = restore(port, fixture("revision1-" + year + ".jsonl.gz"));
                assertThat(restored.statusCode()).as(restored.body()).isEqualTo(201);
            }
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForList("SELECT DISTINCT payloadRevision FROM DomainEventEntry WHERE payloadType LIKE"
                    + " '%IndicatorDefined'", String.class)).containsExactly("1");

            YearQueries queries = app.getBean(YearQueries.class);
            Map<String, List<String[]>> expected = expected().stream().collect(Collectors.groupingBy(r -> r[0]));
            for (Map.Entry<String, List<String[]>> year : expected.entrySet()) {
                String[] id = year.getKey().split("-(?=\\d{4}$)");
                FiscalYearId fiscalYear = FiscalYearId.of(id[0], Integer.parseInt(id[1]));
                LocalDate asOf = LocalDate.of(Integer.parseInt(id[1]), 12, 31);
                IndicatorReport report = queries.indicators(fiscalYear, asOf, FAR_FUTURE).result();
                ScoredTable table = queries.evaluation(fiscalYear, asOf, FAR_FUTURE).result();
                for (String[] row : year.getValue()) {
                    if (row[1].equals("TOTAL")) {
                        assertThat(table.total()).as(year.getKey() + " total").isEqualByComparingTo(row[2]);
                        assertThat(report.overall().met() + "/" + report.overall().defined()).isEqualTo(row[3]);
                        continue;
                    }
                    IndicatorReport.Row indicator = report.indicators().stream()
                            .filter(r -> r.indicatorId().equals(row[1])).findFirst().orElseThrow();
                    assertThat(indicator.completionRate()).as(row[1]).isEqualByComparingTo(new BigDecimal(row[2]));
                    assertThat(indicator.status().name()).as(row[1]).isEqualTo(row[3]);
                    assertThat(indicator.directionSourceLabel()).isEqualTo(DirectionSource.LEGACY.label());
                }
                System.out.println("[upcasting] revision-1 " + fiscalYear + ": " + report.overall().met() + "/"
                        + report.overall().defined() + " indicators met, total " + table.total()
                        + " — as the revision-1 code reported");
            }
        }
    }

    private static List<String[]> expected() throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                RevisionOneYearsReplayTest.class.getResourceAsStream("/fixtures/events/revision1-expected.tsv"),
                StandardCharsets.UTF_8))) {
            in.lines().filter(line -> !line.startsWith("#") && !line.isBlank()).forEach(line -> rows.add(line.split("\t", -1)));
        }
        return rows;
    }

    private static byte[] fixture(String name) throws Exception {
        try (InputStream in = new GZIPInputStream(RevisionOneYearsReplayTest.class.getResourceAsStream(
                "/fixtures/events/" + name))) {
            return in.readAllBytes();
        }
    }

    private static HttpResponse<String> restore(int port, byte[] body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/import?acceptLegacy=true")).header("Authorization", TestUsers.basicHeader())
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
