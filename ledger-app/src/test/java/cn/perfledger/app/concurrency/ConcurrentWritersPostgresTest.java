package cn.perfledger.app.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.app.concurrency.WriterWorkload.RaceStats;
import cn.perfledger.app.concurrency.WriterWorkload.Stats;
import cn.perfledger.app.concurrency.WriterWorkload.Totals;
import cn.perfledger.app.query.YearQueries;
import cn.perfledger.app.support.PostgresTestDatabase;
import cn.perfledger.app.support.TestDatabases;
import cn.perfledger.projections.ledger.ExecutionReport.Row;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Eight writer threads on one ledger-app over real PostgreSQL, through the REST API on a random loopback port:
 * vouchers (single and batches), increases and reversals against one shared department-year and against one
 * department-year per thread, then the race on a nearly exhausted line ({@link WriterWorkload}). Prints the
 * figures. The retry policy is {@link RetryingLedgerClient}'s.
 *
 * <p>Inside one instance Axon serialises the commands of one aggregate with its in-JVM lock, so concurrency
 * conflicts are not expected here (they are counted anyway); across instances they are (see
 * {@code TwoInstancesSharedPostgresTest}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "spring.main.banner-mode=off"})
@ActiveProfiles("postgres")
class ConcurrentWritersPostgresTest {

    static final int WRITERS = 8;
    static final int OPS_PER_WRITER = 30;
    static final long SEED = 20210601L;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry);
    }

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private YearQueries queries;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void eightWriters_nothingLostNothingDuplicated_totalsExact_raceKeepsTheInvariant() throws Exception {
        RetryingLedgerClient client = new RetryingLedgerClient();
        EventStoreAudit audit = new EventStoreAudit(jdbc);
        WriterWorkload workload = new WriterWorkload(client, List.of("http://127.0.0.1:" + port), audit, year -> {
            Row total = queries.execution(year, null, null).result().total();
            return new Totals(total.executed().fen(), total.adjustments().fen());
        }, "CW");
        workload.setUp(WRITERS);

        long start = System.nanoTime();
        Stats stats = workload.runWriters(WRITERS, OPS_PER_WRITER, SEED);
        long writeMillis = (System.nanoTime() - start) / 1_000_000;
        long checked = workload.verifyWriters();
        RaceStats race = workload.race(4);

        System.out.println(WriterWorkload.box("CONCURRENT WRITERS — one ledger-app, PostgreSQL ("
                + PostgresTestDatabase.source() + "), seed " + SEED, stats, checked, race, List.of(
                        String.format("writers ran %d ms; store: %d events in %d aggregates", writeMillis,
                                audit.totalEvents(), audit.aggregates()),
                        "retry policy: 409 并发修改冲突 only, ≤ " + RetryingLedgerClient.MAX_ATTEMPTS
                                + " attempts, min(400, 25·2^(n−1)) ms × [0.5, 1.5)")));

        assertThat(stats.unexpected()).as("commands not accepted").isEmpty();
        assertThat(stats.exhausted()).isZero();
        assertThat(stats.accepted()).isEqualTo(WRITERS * OPS_PER_WRITER);
        assertThat(race.accepted()).as("some racers win").isPositive();
        assertThat(race.refusals() + race.conflictFinal()).as("some racers lose").isPositive();
    }
}
