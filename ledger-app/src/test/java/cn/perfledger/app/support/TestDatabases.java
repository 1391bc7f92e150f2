package cn.perfledger.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Spring properties pointing a test context at a PostgreSQL schema or an H2 file database. */
public final class TestDatabases {

    static {
        System.setProperty("axoniq.update-checker.disabled", "true");
    }

    private TestDatabases() {
    }

    /** Tests write their own data: the seed demo years are never loaded on start. */
    public static void noDemoData(DynamicPropertyRegistry registry) {
        registry.add("ledger.demo.load-on-start", () -> "false");
    }

    /** Points the context at a fresh PostgreSQL schema ({@link PostgresTestDatabase}). */
    public static void postgres(DynamicPropertyRegistry registry) {
        noDemoData(registry);
        PostgresTestDatabase.Coordinates db = PostgresTestDatabase.freshSchema();
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::username);
        registry.add("spring.datasource.password", () -> db.password() == null ? "" : db.password());
        registry.add("spring.flyway.default-schema", db::schema);
        registry.add("spring.flyway.schemas", db::schema);
    }

    /** Points the context at the default-profile H2 file database under {@code dataDir}. */
    public static void h2File(DynamicPropertyRegistry registry, Path dataDir) {
        noDemoData(registry);
        registry.add("ledger.data-dir", () -> dataDir.toString());
    }

    /** A new temporary directory, deleted when the JVM exits. */
    public static Path tempDir(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
