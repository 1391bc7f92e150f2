package cn.perfledger.app.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.app.support.PostgresTestDatabase;
import cn.perfledger.app.support.PostgresTestDatabase.Coordinates;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@link EventTable#lastSequence}: the right answer next to a stream whose id sorts just after, on both stores, and
 * on H2 one index probe rather than a pass over the stream (the year summary of a 100,000-event year read every row).
 */
class EventTableLastSequenceTest {

    @Test
    void lastSequence_isTheStreamsHighest_onH2_readingOneRow() {
        DataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:last-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "sa", "");
        JdbcTemplate jdbc = migrated(h2, "h2");
        fill(jdbc);
        assertLastSequences(new EventTable(jdbc));

        String plan = jdbc.queryForObject("EXPLAIN ANALYZE " + EventTable.LAST_SEQUENCE, String.class, "BY-0001/2021");
        assertThat(plan).contains("scanCount: 1 ");
    }

    @Test
    void lastSequence_isTheStreamsHighest_onPostgres() {
        Coordinates db = PostgresTestDatabase.freshSchema();
        JdbcTemplate jdbc = migrated(new DriverManagerDataSource(db.url(), db.username(), db.password()), "postgresql");
        fill(jdbc);
        assertLastSequences(new EventTable(jdbc));
    }

    private static JdbcTemplate migrated(DataSource dataSource, String vendor) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/" + vendor).load().migrate();
        return new JdbcTemplate(dataSource);
    }

    /** A year of 2,000 events, its evaluation (an id that sorts right after it) of 3, and another year of 1. */
    private static void fill(JdbcTemplate jdbc) {
        insert(jdbc, "BY-0001/2021", 2_000);
        insert(jdbc, "BY-0001/2021/evaluation", 3);
        insert(jdbc, "BY-0001/2020", 1);
    }

    private static void assertLastSequences(EventTable table) {
        assertThat(table.lastSequence("BY-0001/2021")).contains(1_999L);
        assertThat(table.lastSequence("BY-0001/2021/evaluation")).contains(2L);
        assertThat(table.lastSequence("BY-0001/2020")).contains(0L);
        assertThat(table.lastSequence("BY-0001/2019")).isEmpty();
        assertThat(table.lastSequence("BY-0001/202")).isEmpty();
    }

    private static void insert(JdbcTemplate jdbc, String aggregate, int events) {
        jdbc.batchUpdate("INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier,"
                + " metaData, payload, payloadType, timeStamp) VALUES (?, ?, 'BudgetLedger', ?, ?, ?, 'x', ?)",
                java.util.stream.LongStream.range(0, events).mapToObj(n -> new Object[] {aggregate, n,
                        UUID.randomUUID().toString(), "{}".getBytes(), "{}".getBytes(), "2021-01-01T00:00:00Z"})
                        .toList());
    }
}
