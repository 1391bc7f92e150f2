package cn.perfledger.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.perfledger.app.support.PostgresTestDatabase;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Migration V20 on a register that already holds names differing only in case, on H2 and on PostgreSQL: the
 * oldest of each clash keeps its name, the later ones are disabled and renamed {@code dupN-<name>}; afterwards
 * the database itself refuses a name that differs from another only in case.
 */
class CaseInsensitiveUsernameMigrationTest {

    @Test
    void h2() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:v20-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        migrate(Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/h2"),
                new JdbcTemplate(dataSource));
    }

    @Test
    void postgres() {
        PostgresTestDatabase.Coordinates db = PostgresTestDatabase.freshSchema();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(db.url());
        dataSource.setUser(db.username());
        if (db.password() != null) {
            dataSource.setPassword(db.password());
        }
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        migrate(Flyway.configure().dataSource(dataSource).schemas(db.schema()).defaultSchema(db.schema())
                .locations("classpath:db/migration/postgresql"), jdbc);
    }

    private static void migrate(org.flywaydb.core.api.configuration.FluentConfiguration flyway, JdbcTemplate jdbc) {
        flyway.target("5").load().migrate();
        insert(jdbc, "admin", "2021-01-01T00:00:00Z");
        insert(jdbc, "Admin", "2022-01-01T00:00:00Z");
        insert(jdbc, "ADMIN", "2022-01-01T00:00:00Z");
        insert(jdbc, "bob", "2021-05-01T00:00:00Z");

        flyway.target("latest").load().migrate();

        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT username, username_key, enabled, updated_by FROM ledger_user ORDER BY username");
        assertThat(rows).extracting(r -> r.get("username")).containsExactly("admin", "bob", "dup2-ADMIN",
                "dup3-Admin");
        assertThat(rows).extracting(r -> r.get("enabled")).containsExactly(true, true, false, false);
        assertThat(rows).extracting(r -> r.get("username_key")).containsExactly("admin", "bob", "dup2-admin",
                "dup3-admin");
        assertThat(rows.get(2).get("updated_by")).isEqualTo("migration V20");
        assertThat(rows.get(1).get("updated_by")).isEqualTo("test");

        assertThatThrownBy(() -> insert(jdbc, "BOB", "2023-01-01T00:00:00Z"))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private static void insert(JdbcTemplate jdbc, String username, String createdAt) {
        Timestamp at = Timestamp.from(Instant.parse(createdAt));
        jdbc.update("INSERT INTO ledger_user (username, display_name, password_hash, roles, departments, enabled,"
                + " created_at, created_by, updated_at, updated_by) VALUES (?, ?, '{bcrypt}x', 'ADMIN', '*', TRUE,"
                + " ?, 'test', ?, 'test')", username, username, at, at);
    }
}
