package cn.perfledger.app.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** V31 (H2): the event table's identity reserves values in blocks, and still hands them out in order. */
class EventIndexCacheMigrationTest {

    @Test
    void v31_givesTheGlobalIndexACache_andKeepsItsOrder() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:v31-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/h2").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);

        Long cache = jdbc.queryForObject("SELECT IDENTITY_CACHE FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_NAME = 'DOMAINEVENTENTRY' AND COLUMN_NAME = 'GLOBALINDEX'", Long.class);
        assertThat(cache).isEqualTo(100L);

        for (int i = 0; i < 3; i++) {
            jdbc.update("INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier,"
                    + " payload, payloadType, timeStamp) VALUES ('a', ?, 't', ?, X'7b7d', 'p', 'ts')", i,
                    UUID.randomUUID().toString());
        }
        List<Long> indexes = jdbc.queryForList(
                "SELECT globalIndex FROM DomainEventEntry ORDER BY sequenceNumber", Long.class);
        assertThat(indexes).containsExactly(1L, 2L, 3L);
    }
}
