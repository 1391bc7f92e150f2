package cn.perfledger.app.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.app.LedgerApplication;
import cn.perfledger.app.concurrency.RetryingLedgerClient.Reply;
import cn.perfledger.app.concurrency.WriterWorkload.RaceStats;
import cn.perfledger.app.concurrency.WriterWorkload.Stats;
import cn.perfledger.app.concurrency.WriterWorkload.Totals;
import cn.perfledger.app.readmodel.DirectoryProjection;
import cn.perfledger.app.support.PostgresTestDatabase;
import cn.perfledger.app.support.PostgresTestDatabase.Coordinates;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two ledger-app instances (two Spring Boot applications in this JVM, each with its own Axon configuration,
 * aggregate cache, connection pool and web server on its own loopback port) share one PostgreSQL schema. The
 * {@link WriterWorkload} writers (even threads on instance A, odd on B) and race parties (alternating) write to
 * the same department-years concurrently. Here the aggregate caches go stale under each other, so conflicts are
 * real and are retried per {@link RetryingLedgerClient}.
 *
 * <p>Also: a voucher recorded through one instance can at once be reversed through the other (whose cached copy
 * of the year is stale); the tracking processor {@code directory} (one segment) is claimed by at most one instance
 * at any sample and by exactly one at the end, and passes to the other when its owner shuts down; both instances
 * answer the same figures (same digest at the same basis).
 *
 * <p>Tagged {@code trust} (two application start-ups make it slower than the normal run's budget): run with
 * {@code -Ptrust}.
 */
@Tag("trust")
class TwoInstancesSharedPostgresTest {

    static final int WRITERS = 8;
    static final int OPS_PER_WRITER = 40;
    static final long SEED = 20210602L;

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void twoInstancesOnOneDatabase_nothingLostNothingDuplicated_oneDirectoryOwner() throws Exception {
        Coordinates db = PostgresTestDatabase.freshSchema();
        ConfigurableApplicationContext a = null;
        ConfigurableApplicationContext b = null;
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = null;
        try {
            a = start(db);
            b = start(db);
            List<ConfigurableApplicationContext> apps = List.of(a, b);
            String baseA = base(a);
            String baseB = base(b);
            RetryingLedgerClient client = new RetryingLedgerClient();
            EventStoreAudit audit = new EventStoreAudit(jdbc(db));

            // the directory processor's segment 0: how many instances hold it, sampled throughout
            AtomicInteger maxOwners = new AtomicInteger();
            AtomicInteger samples = new AtomicInteger();
            sampler = new Thread(() -> {
                while (sampling.get()) {
                    maxOwners.accumulateAndGet(directoryOwners(apps), Math::max);
                    samples.incrementAndGet();
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "directory-owner-sampler");
            sampler.setDaemon(true);
            sampler.start();

            AtomicInteger figureReads = new AtomicInteger();
            WriterWorkload workload = new WriterWorkload(client, List.of(baseA, baseB), audit, year -> {
                // alternate the instance that answers: both must give the exact figures
                String base = figureReads.getAndIncrement() % 2 == 0 ? baseA : baseB;
                JsonNode total = client.get(base, "/api/v1/departments/" + year.department().code() + "/years/"
                        + year.year().year() + "/execution").get("result").get("total");
                return new Totals(WriterWorkload.fen(total.get("executed").asText()),
                        WriterWorkload.fen(total.get("adjustments").asText()));
            }, "TI");
            workload.setUp(WRITERS);

            long start = System.nanoTime();
            Stats stats = workload.runWriters(WRITERS, OPS_PER_WRITER, SEED);
            long writeMillis = (System.nanoTime() - start) / 1_000_000;

            // read your own writes across instances: B records, A (whose cached year is stale) reverses at once
            int crossConflicts = client.conflictsSeen.get();
            String shared = workload.sharedDepartment();
            String yearPath = WriterWorkload.yearPath(shared);
            List<String> crossFailures = new ArrayList<>();
            for (int k = 0; k < 10; k++) {
                String voucher = "跨" + k;
                Reply recorded = client.post(baseB, yearPath + "/expenditures",
                        WriterWorkload.entry(voucher, "L1", 10_000, java.time.LocalDate.of(2021, 3, 1)));
                Reply reversed = client.post(baseA, yearPath + "/reversals", """
                        {"voucherNo":"跨冲%d","originalVoucherNo":"%s","amount":"40.00","reason":"跨实例冲销",
                         "effectiveDate":"2021-03-02"}""".formatted(k, voucher));
                if (recorded.accepted()) {
                    workload.book(shared).vouchers.put(voucher, 10_000L);
                } else {
                    crossFailures.add("record " + voucher + " → " + recorded.status() + " " + recorded.rule());
                }
                if (reversed.accepted()) {
                    workload.book(shared).reversals.put("跨冲" + k, 4_000L);
                } else {
                    crossFailures.add("reverse " + voucher + " via the other instance → " + reversed.status() + " "
                            + reversed.rule());
                }
            }
            crossConflicts = client.conflictsSeen.get() - crossConflicts;

            long checked = workload.verifyWriters();
            RaceStats race = workload.race(6);

            // both instances see the final state: the directory lists every year, the figures agree
            List<String> departments = new ArrayList<>(List.of(workload.sharedDepartment(),
                    workload.raceDepartment()));
            for (int t = 0; t < WRITERS; t++) {
                departments.add(workload.ownDepartment(t));
            }
            for (String base : List.of(baseA, baseB)) {
                Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    for (String dept : departments) {
                        assertThat(client.get(base, "/api/v1/departments/" + dept).get("years")).hasSize(1);
                    }
                });
            }
            String basis = "?knownAt=" + Instant.now();
            for (String dept : departments) {
                String path = WriterWorkload.yearPath(dept) + "/execution" + basis;
                assertThat(client.get(baseA, path).get("digest")).as(dept + " figures on A and B")
                        .isEqualTo(client.get(baseB, path).get("digest"));
            }
            int ownersAtEnd = directoryOwners(apps);

            // the owner shuts down; the other instance takes the directory over and keeps it current
            ConfigurableApplicationContext owner = owns(a) ? a : b;
            ConfigurableApplicationContext survivor = owner == a ? b : a;
            String survivorBase = base(survivor);
            owner.close();
            client.created(survivorBase, "/api/v1/departments", """
                    {"departmentId":"TI-AFTER","name":"接管测试局","jurisdiction":"广州市",
                     "units":[{"code":"BJ","name":"本级","headOffice":true}],"effectiveDate":"2021-01-01"}""");
            long handoverStart = System.nanoTime();
            Awaitility.await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200))
                    .until(() -> client.get(survivorBase, "/api/v1/departments").toString().contains("TI-AFTER"));
            long handoverMillis = (System.nanoTime() - handoverStart) / 1_000_000;
            sampling.set(false);

            System.out.println(WriterWorkload.box("CONCURRENT WRITERS — TWO ledger-app instances, one PostgreSQL ("
                    + PostgresTestDatabase.source() + "), seed " + SEED, stats, checked, race, List.of(
                            String.format("writers ran %d ms; store: %d events in %d aggregates", writeMillis,
                                    audit.totalEvents(), audit.aggregates()),
                            String.format("cross-instance record(B) → reverse(A): 10 pairs, 409 retried %d, failed %d",
                                    crossConflicts, crossFailures.size()),
                            String.format("directory segment 0 holders: max %d over %d samples, %d at the end;"
                                    + " taken over in %d ms after its owner shut down", maxOwners.get(),
                                    samples.get(), ownersAtEnd, handoverMillis))));

            assertThat(stats.unexpected()).as("writer commands not accepted").isEmpty();
            assertThat(crossFailures).as("read-your-writes across instances").isEmpty();
            assertThat(stats.exhausted()).isZero();
            assertThat(maxOwners.get()).as("instances holding directory segment 0 at once").isLessThanOrEqualTo(1);
            assertThat(ownersAtEnd).isEqualTo(1);
            assertThat(race.accepted()).isPositive();
        } finally {
            sampling.set(false);
            if (sampler != null) {
                sampler.interrupt();
            }
            if (b != null) {
                b.close();
            }
            if (a != null) {
                a.close();
            }
        }
    }

    static ConfigurableApplicationContext start(Coordinates db) {
        LedgerApplication.disableAxonUpdateChecker();
        return new SpringApplicationBuilder(LedgerApplication.class).profiles("postgres").run(
                "--server.port=0", "--server.address=127.0.0.1", "--spring.main.banner-mode=off",
                "--ledger.demo.load-on-start=false",
                "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + (db.password() == null ? "" : db.password()),
                "--spring.flyway.default-schema=" + db.schema(), "--spring.flyway.schemas=" + db.schema());
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

    static String base(ConfigurableApplicationContext app) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    private static int directoryOwners(List<ConfigurableApplicationContext> apps) {
        int owners = 0;
        for (ConfigurableApplicationContext app : apps) {
            if (app.isActive() && owns(app)) {
                owners++;
            }
        }
        return owners;
    }

    private static boolean owns(ConfigurableApplicationContext app) {
        return app.getBean(EventProcessingConfiguration.class)
                .eventProcessor(DirectoryProjection.PROCESSING_GROUP, TrackingEventProcessor.class)
                .map(p -> !p.processingStatus().isEmpty())
                .orElse(false);
    }
}
