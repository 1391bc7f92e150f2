package cn.perfledger.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.app.support.TestDatabases;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What "durable at commit" means, observed at the file-system calls H2 makes ({@link CountingFilePath}): through
 * {@link DurableCommitDataSource}, by the time {@code commit()} returns (or an auto-commit statement's connection
 * is back in the pool) the commit has been written to the file and every write has been forced to the device.
 * Without it H2 2.3 returns from {@code commit()} with nothing written: the commit waits in memory for the
 * background writer (up to {@code WRITE_DELAY}, 500 ms), which is how a SIGKILL lost acknowledged writes.
 */
class DurableCommitDataSourceTest {

    private HikariDataSource pool;
    private DurableCommitDataSource durable;

    @BeforeAll
    static void countingFileSystem() {
        CountingFilePath.register();
    }

    @BeforeEach
    void openStore() throws Exception {
        Path dir = TestDatabases.tempDir("ledger-durable-");
        pool = new HikariDataSource();
        // the default profile's settings, on the counting file system
        pool.setJdbcUrl("jdbc:h2:counted:" + dir.resolve("ledger") + ";DB_CLOSE_ON_EXIT=FALSE");
        pool.setUsername("sa");
        pool.setPassword("");
        assertThat(DurableStoreConfiguration.isEmbeddedH2File(pool.getJdbcUrl())).isTrue();
        durable = new DurableCommitDataSource(pool);
        new JdbcTemplate(durable).execute("CREATE TABLE entry (id INT PRIMARY KEY, amount VARCHAR(20))");
    }

    @AfterEach
    void closeStore() {
        pool.close();
    }

    @Test
    void aCommittedTransaction_isWrittenAndForcedBeforeCommitReturns() throws Exception {
        try (Connection connection = durable.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO entry VALUES (?, ?)")) {
                insert.setInt(1, 1);
                insert.setString(2, "1.00");
                insert.executeUpdate();
            }
            long writes = CountingFilePath.WRITES.get();
            long forces = CountingFilePath.FORCES.get();

            connection.commit();

            assertThat(CountingFilePath.WRITES.get()).as("the commit was written to the file").isGreaterThan(writes);
            assertThat(CountingFilePath.FORCES.get()).as("and forced to the device").isGreaterThan(forces);
            assertThat(CountingFilePath.UNFORCED_WRITES.get()).as("no write left unforced").isZero();
        }
    }

    @Test
    void anAutoCommitStatement_isForcedBeforeItsConnectionIsReleased() {
        long writes = CountingFilePath.WRITES.get();

        new JdbcTemplate(durable).update("INSERT INTO entry VALUES (2, '2.00')");

        assertThat(CountingFilePath.WRITES.get()).isGreaterThan(writes);
        assertThat(CountingFilePath.UNFORCED_WRITES.get()).isZero();
    }

    @Test
    void aTransactionThatOnlyReads_forcesNothing() throws Exception {
        new JdbcTemplate(durable).update("INSERT INTO entry VALUES (3, '3.00')");
        long syncs = durable.syncCount();
        long forces = CountingFilePath.FORCES.get();

        try (Connection connection = durable.getConnection()) {
            connection.setAutoCommit(false);
            try (ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM entry")) {
                assertThat(rows.next()).isTrue();
            }
            connection.commit();
        }

        assertThat(durable.syncCount()).isEqualTo(syncs);
        assertThat(CountingFilePath.FORCES.get()).isEqualTo(forces);
    }

    @Test
    void aDerivedWritersCommit_isNotForced_andTheNextOrdinaryCommitForcesIt() throws Exception {
        long syncs = durable.syncCount();
        Thread processor = new Thread(() -> {
            DerivedWrites.markCurrentThread();
            new JdbcTemplate(durable).update("INSERT INTO entry VALUES (4, '4.00')");
        });
        processor.start();
        processor.join();
        assertThat(durable.syncCount()).as("the derived write forced nothing").isEqualTo(syncs);

        new JdbcTemplate(durable).update("INSERT INTO entry VALUES (5, '5.00')");

        assertThat(durable.syncCount()).isEqualTo(syncs + 1);
        assertThat(CountingFilePath.UNFORCED_WRITES.get()).as("both rows forced by the ordinary write").isZero();
    }

    @Test
    void aConnectionThatOnlyReads_doesNotForceWhatADerivedWriterCommitted() throws Exception {
        Thread processor = new Thread(() -> {
            DerivedWrites.markCurrentThread();
            new JdbcTemplate(durable).update("INSERT INTO entry VALUES (6, '6.00')");
        });
        processor.start();
        processor.join();
        long syncs = durable.syncCount();

        JdbcTemplate reader = new JdbcTemplate(durable);
        assertThat(reader.queryForObject("SELECT COUNT(*) FROM entry", Long.class)).isEqualTo(1);
        assertThat(reader.queryForObject("SELECT COUNT(*) FROM entry WHERE id = ?", Long.class, 6)).isEqualTo(1);

        try (Connection connection = durable.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement query = connection.prepareStatement("SELECT amount FROM entry WHERE id = ?")) {
                query.setInt(1, 6);
                try (ResultSet rows = query.executeQuery()) {
                    assertThat(rows.next()).isTrue();
                }
            }
            connection.commit();
        }

        assertThat(durable.syncCount()).as("queries, plain and prepared, in a transaction or not, force nothing")
                .isEqualTo(syncs);
        reader.execute("UPDATE entry SET amount = '6.50' WHERE id = 6");
        assertThat(durable.syncCount()).as("a plain statement that writes is forced").isEqualTo(syncs + 1);
    }

    @Test
    void aQueryThatWritesThroughAnUpdatableResultSet_isForcedAtCommit() throws Exception {
        new JdbcTemplate(durable).update("INSERT INTO entry VALUES (7, '7.00')");
        long syncs = durable.syncCount();
        try (Connection connection = durable.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement claim = connection.prepareStatement("SELECT id, amount FROM entry WHERE id = 7 FOR UPDATE",
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE); ResultSet rows = claim.executeQuery()) {
                assertThat(rows.next()).isTrue();
                rows.updateString("amount", "7.50");
                rows.updateRow();
            }
            connection.commit();
        }
        assertThat(durable.syncCount()).isEqualTo(syncs + 1);
        assertThat(CountingFilePath.UNFORCED_WRITES.get()).isZero();
    }

    @Test
    void unwrap_reachesThePoolAndTheDriverConnection() throws Exception {
        try (Connection connection = durable.getConnection()) {
            assertThat(connection.isWrapperFor(org.h2.jdbc.JdbcConnection.class)).isTrue();
            assertThat(connection.unwrap(org.h2.jdbc.JdbcConnection.class)).isNotNull();
        }
        assertThat(durable.unwrap(HikariDataSource.class)).isSameAs(pool);
    }

    @Test
    void onlyEmbeddedFileDatabasesAreWrapped() {
        assertThat(DurableStoreConfiguration.isEmbeddedH2File("jdbc:h2:file:./data/ledger;DB_CLOSE_ON_EXIT=FALSE"))
                .isTrue();
        assertThat(DurableStoreConfiguration.isEmbeddedH2File("jdbc:h2:./data/ledger")).isTrue();
        assertThat(DurableStoreConfiguration.isEmbeddedH2File("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1")).isFalse();
        assertThat(DurableStoreConfiguration.isEmbeddedH2File("jdbc:h2:tcp://localhost/~/test")).isFalse();
        assertThat(DurableStoreConfiguration.isEmbeddedH2File("jdbc:postgresql://127.0.0.1:5432/postgres")).isFalse();
    }
}
