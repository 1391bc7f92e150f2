package cn.perfledger.app.crash;

import cn.perfledger.app.support.TestUsers;
import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.app.concurrency.EventStoreAudit;
import cn.perfledger.app.concurrency.EventStoreAudit.StoredEvent;
import cn.perfledger.app.concurrency.RetryingLedgerClient;
import cn.perfledger.app.support.PostgresTestDatabase;
import cn.perfledger.app.support.PostgresTestDatabase.Coordinates;
import cn.perfledger.app.support.TestDatabases;
import cn.perfledger.app.support.TestRubrics;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Crash safety: the ledger runs as a separate process on a fresh PostgreSQL schema; a 20,000-entry
 * {@code expenditure-batches} request is sent and the process is killed with SIGKILL while it is in flight, at
 * several moments (early: while the request is read and validated; during the append, detected in
 * {@code pg_stat_activity}; late), then restarted on the same schema. Each time:
 * <ul>
 *   <li>the batch is wholly present or wholly absent (its batchId has 0 or 20,000 events; 20,000 if the client
 *       had its 201 before the kill);</li>
 *   <li>every aggregate's sequence is 0..n−1 and no event is stored twice;</li>
 *   <li>the restarted process's figures (a fresh replay: its event cache is empty) equal the sums computed here
 *       from the raw rows;</li>
 *   <li>the tracking processors' token rows survive; at the end the restarted process's {@code directory}
 *       processor takes the segment over from the killed owner and applies new events.</li>
 * </ul>
 * Tagged {@code trust} (several application start-ups): run with {@code -Ptrust}.
 */
@Tag("trust")
class SigkillDuringBatchImportTest {

    static final int ENTRIES = 20_000;
    static final String DEPT = "CRASH";
    static final String YEAR = "/api/v1/departments/" + DEPT + "/years/2021";

    private final RetryingLedgerClient client = new RetryingLedgerClient();
    private final HttpClient http = HttpClient.newHttpClient();

    /** How one kill went. */
    record Kill(String plan, long afterMillis, String phaseSeen, String clientSaw, int batchEvents) {
    }

    @Test
    @Timeout(value = 900, unit = TimeUnit.SECONDS)
    void sigkillDuringALargeBatch_leavesItWhollyPresentOrAbsent_andTheLedgerConsistent() throws Exception {
        Coordinates db = PostgresTestDatabase.freshSchema();
        String appName = "ledger-crash-" + UUID.randomUUID().toString().substring(0, 8);
        JdbcTemplate jdbc = jdbc(db);
        EventStoreAudit audit = new EventStoreAudit(jdbc);
        Path logs = TestDatabases.tempDir("ledger-crash-");
        List<Kill> kills = new ArrayList<>();
        LedgerProcess app = LedgerProcess.start(db, appName, logs.resolve("app-0.log"));
        try {
            client.created(app.base(), "/api/v1/departments", """
                    {"departmentId":"CRASH","name":"崩溃测试局","jurisdiction":"广州市",
                     "units":[{"code":"BJ","name":"本级","headOffice":true}],"effectiveDate":"2021-01-01"}""");
            TestRubrics.ensurePublished(app.base());
            client.created(app.base(), "/api/v1/departments/CRASH/years", """
                    {"year":2021,"rubricVersion":"gz-municipal-2021@1"}""");
            client.created(app.base(), YEAR + "/budget-lines", """
                    {"lineId":"L1","unit":"BJ","fundingSource":"GENERAL_PUBLIC_BUDGET","kind":"PROJECT",
                     "projectCode":"P1","projectName":"项目1","functionalCode":"2010101","economicCode":"30201",
                     "effectiveDate":"2021-01-01"}""");
            client.created(app.base(), YEAR + "/initial-budgets", """
                    {"lineId":"L1","amount":"900000000000.00","documentNo":"预-1","effectiveDate":"2021-01-02"}""");

            // an undisturbed batch first: it must be recorded whole, and it tells how long one takes
            long start = System.nanoTime();
            HttpResponse<String> warm = post(app.base(), YEAR + "/expenditure-batches", batch("warm")).join();
            long batchMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(warm.statusCode()).as(warm.body()).isEqualTo(201);
            assertThat(batchEvents(audit, "warm")).isEqualTo(ENTRIES);

            List<String> plans = List.of("early", "during-append", "late");
            for (int i = 0; i < plans.size(); i++) {
                String plan = plans.get(i);
                String batchId = "kill-" + i;
                CompletableFuture<HttpResponse<String>> request = post(app.base(), YEAR + "/expenditure-batches",
                        batch(batchId));
                long sent = System.nanoTime();
                String phase = switch (plan) {
                    case "early" -> sleepThen(batchMillis / 6, "sleep " + batchMillis / 6 + " ms");
                    case "during-append" -> awaitAppend(jdbc, appName, request);
                    default -> sleepThen(batchMillis * 9 / 10, "sleep " + batchMillis * 9 / 10 + " ms");
                };
                String clientSaw = request.isDone() && !request.isCompletedExceptionally()
                        ? String.valueOf(request.join().statusCode()) : "no answer";
                app.kill();
                long killedAfter = (System.nanoTime() - sent) / 1_000_000;
                if (request.isDone() && !request.isCompletedExceptionally() && clientSaw.equals("no answer")) {
                    clientSaw = String.valueOf(request.join().statusCode());
                }

                app = LedgerProcess.start(db, appName, logs.resolve("app-" + (i + 1) + ".log"));
                int events = batchEvents(audit, batchId);
                kills.add(new Kill(plan, killedAfter, phase, clientSaw, events));

                assertThat(events).as(plan + ": batch wholly present or wholly absent").isIn(0, ENTRIES);
                if (clientSaw.equals("201")) {
                    assertThat(events).as(plan + ": acknowledged batch is present").isEqualTo(ENTRIES);
                }
                assertThat(audit.sequenceAnomalies()).as("sequence gaps after kill " + plan).isEmpty();
                assertThat(audit.duplicateEventIdentifiers()).isZero();
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM TokenEntry WHERE processorName = 'directory'",
                        Integer.class)).as("directory token row after kill " + plan).isPositive();
                assertFiguresEqualRawRows(app, audit);
            }

            // the restarted process's tracking processor resumes: it takes the segment over from the killed owner
            client.created(app.base(), "/api/v1/departments", """
                    {"departmentId":"CRASH-AFTER","name":"重启后登记","jurisdiction":"广州市",
                     "units":[{"code":"BJ","name":"本级","headOffice":true}],"effectiveDate":"2021-01-01"}""");
            String base = app.base();
            long resumeStart = System.nanoTime();
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(
                    () -> client.get(base, "/api/v1/departments").toString().contains("CRASH-AFTER"));
            long resumeMillis = (System.nanoTime() - resumeStart) / 1_000_000;
            assertThat(client.get(base, "/api/v1/departments/CRASH").get("years")).hasSize(1);
            String owner = jdbc.queryForObject(
                    "SELECT owner FROM TokenEntry WHERE processorName = 'directory' AND segment = 0", String.class);
            assertThat(owner).as("directory owned by the restarted process").startsWith(app.pid() + "@");
            long lastGlobal = jdbc.queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class);

            StringBuilder box = new StringBuilder(String.format("%n╔══ SIGKILL DURING A %,d-ENTRY BATCH (PostgreSQL: %s) ══%n",
                    ENTRIES, PostgresTestDatabase.source()));
            box.append(String.format("║ undisturbed batch: %,d ms, %,d events%n", batchMillis, ENTRIES));
            for (Kill kill : kills) {
                box.append(String.format("║ kill %-13s after %,6d ms (%s); client saw: %s; batch events after restart:"
                        + " %,d → %s%n", kill.plan(), kill.afterMillis(), kill.phaseSeen(), kill.clientSaw(),
                        kill.batchEvents(), kill.batchEvents() == 0 ? "wholly absent" : "wholly present"));
            }
            box.append(String.format("║ partial writes seen: 0   sequence gaps: 0   duplicates: 0   store: %,d events,"
                    + " last global index %,d%n", audit.totalEvents(), lastGlobal));
            box.append(String.format("║ directory processor resumed on the restarted process (pid %d) in %,d ms%n",
                    app.pid(), resumeMillis));
            box.append("╚══");
            System.out.println(box);
        } catch (AssertionError | RuntimeException e) {
            System.out.println("ledger process log tail:\n" + app.logTail());
            throw e;
        } finally {
            app.kill();
        }
    }

    /** The restarted process's figures (fresh replay) equal the sums of the raw stored rows. */
    private void assertFiguresEqualRawRows(LedgerProcess app, EventStoreAudit audit) {
        long executed = 0;
        long initial = 0;
        for (StoredEvent event : audit.stream(DEPT + "/2021")) {
            String amount = EventStoreAudit.text(event.payload(), "amount");
            switch (event.type()) {
                case "ExpenditureRecorded" -> executed += fen(amount);
                case "ExpenditureReversed" -> executed -= fen(amount);
                case "InitialBudgetApproved" -> initial += fen(amount);
                default -> {
                }
            }
        }
        JsonNode result = client.get(app.base(), YEAR + "/execution");
        JsonNode total = result.get("result").get("total");
        assertThat(fen(total.get("executed").asText())).as("executed == Σ stored vouchers").isEqualTo(executed);
        assertThat(fen(total.get("initial").asText())).isEqualTo(initial);
        // the year replays its ledger stream and the stream of the rubric version it names
        assertThat(result.get("eventsAdmitted").asInt()).as("events folded")
                .isEqualTo(audit.stream(DEPT + "/2021").size() + audit.stream(TestRubrics.GZ_2021).size());
    }

    /**
     * Waits until a connection of the application is inside the transaction that inserts the batch's events
     * (its current or last statement is the insert and the transaction is still open).
     */
    private static String awaitAppend(JdbcTemplate jdbc, String appName, CompletableFuture<?> request)
            throws InterruptedException {
        long start = System.nanoTime();
        while (!request.isDone() && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(120)) {
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT state, query FROM pg_stat_activity"
                    + " WHERE application_name = ? AND xact_start IS NOT NULL"
                    + " AND query ILIKE 'INSERT INTO DomainEventEntry%'", appName);
            if (!rows.isEmpty()) {
                Map<String, Object> row = rows.get(0);
                String query = String.valueOf(row.get("query"));
                return "pg_stat_activity: " + row.get("state") + " "
                        + query.substring(0, Math.min(30, query.length())).replaceAll("\\s+", " ") + "…";
            }
            Thread.sleep(2);
        }
        return "append not observed";
    }

    private static String sleepThen(long millis, String what) throws InterruptedException {
        Thread.sleep(millis);
        return what;
    }

    private static int batchEvents(EventStoreAudit audit, String batchId) {
        return audit.countBy(DEPT + "/2021", "ExpenditureRecorded", "batchId").getOrDefault(batchId, 0);
    }

    private CompletableFuture<HttpResponse<String>> post(String base, String path, String body) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", TestUsers.basicHeader()).timeout(Duration.ofSeconds(300))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String batch(String batchId) {
        StringBuilder json = new StringBuilder(ENTRIES * 120).append("{\"batchId\":\"").append(batchId)
                .append("\",\"entries\":[");
        LocalDate first = LocalDate.of(2021, 2, 1);
        for (int n = 0; n < ENTRIES; n++) {
            long fen = 100 + (n * 7919L) % 999_900;
            json.append(n == 0 ? "" : ",").append("{\"voucherNo\":\"").append(batchId).append('-').append(n)
                    .append("\",\"lineId\":\"L1\",\"amount\":\"").append(fen / 100).append('.')
                    .append(String.format("%02d", fen % 100)).append("\",\"effectiveDate\":\"")
                    .append(first.plusDays(n % 300)).append("\",\"summary\":\"批量导入 ").append(n).append("\"}");
        }
        return json.append("]}").toString();
    }

    private static long fen(String yuan) {
        return new BigDecimal(yuan).movePointRight(2).longValueExact();
    }

    static JdbcTemplate jdbc(Coordinates db) {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(db.url());
        if (db.username() != null) {
            dataSource.setUsername(db.username());
        }
        if (db.password() != null) {
            dataSource.setPassword(db.password());
        }
        return new JdbcTemplate(dataSource);
    }
}
