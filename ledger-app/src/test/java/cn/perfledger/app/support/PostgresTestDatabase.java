package cn.perfledger.app.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * The one place that decides which PostgreSQL integration tests use (DESIGN.md):
 * <ol>
 *   <li>{@code LEDGER_TEST_JDBC_URL} when set (CI: {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres});</li>
 *   <li>otherwise a Testcontainers PostgreSQL when Docker is available;</li>
 *   <li>otherwise an embedded PostgreSQL (zonky), started once per JVM and stopped by its own shutdown hook
 *       (stopping it earlier while a cached Spring context still polls only produces connection noise).</li>
 * </ol>
 * Every call of {@link #freshSchema()} creates a new, empty schema on that server and returns coordinates whose
 * URL selects it ({@code currentSchema}), so each Spring test context migrates and uses its own tables: runs are
 * isolated from each other and from earlier runs. Schemas are dropped when the JVM exits (best effort).
 */
public final class PostgresTestDatabase {

    /** Where to connect: a JDBC URL selecting a fresh schema, with user and password. */
    public record Coordinates(String url, String username, String password, String schema, String source) {
    }

    private static final Logger log = LoggerFactory.getLogger(PostgresTestDatabase.class);
    private static final String ENV_URL = "LEDGER_TEST_JDBC_URL";
    private static final List<String> CREATED = new CopyOnWriteArrayList<>();
    private static volatile Server server;

    private PostgresTestDatabase() {
    }

    /** A new empty schema on the test server. */
    public static Coordinates freshSchema() {
        Server s = server();
        String schema = "ledger_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = s.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema on " + s.source + ": " + e.getMessage(), e);
        }
        CREATED.add(schema);
        String separator = s.baseUrl.contains("?") ? "&" : "?";
        return new Coordinates(s.baseUrl + separator + "currentSchema=" + schema, s.username, s.password, schema,
                s.source);
    }

    /** Which server the tests use: "LEDGER_TEST_JDBC_URL", "testcontainers" or "embedded". */
    public static String source() {
        return server().source;
    }

    private static Server server() {
        Server s = server;
        if (s == null) {
            synchronized (PostgresTestDatabase.class) {
                s = server;
                if (s == null) {
                    s = start();
                    server = s;
                    Runtime.getRuntime().addShutdownHook(new Thread(PostgresTestDatabase::dropSchemas,
                            "drop-test-schemas"));
                }
            }
        }
        return s;
    }

    private static Server start() {
        String configured = System.getenv(ENV_URL);
        if (configured != null && !configured.isBlank()) {
            log.info("PostgreSQL tests use {}={}", ENV_URL, configured);
            return new Server(configured.strip(), null, null, ENV_URL);
        }
        if (dockerAvailable()) {
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:15-alpine");
            container.start();
            log.info("PostgreSQL tests use a Testcontainers PostgreSQL at {}", container.getJdbcUrl());
            return new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                    "testcontainers");
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            String url = postgres.getJdbcUrl("postgres", "postgres");
            log.info("PostgreSQL tests use an embedded PostgreSQL at {}", url);
            // closed by the embedded server's own shutdown hook, after the Spring contexts
            return new Server(url, "postgres", null, "embedded");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    private static boolean dockerAvailable() {
        // without a socket or DOCKER_HOST there is nothing to find; skip Testcontainers' noisy probing
        boolean socket = java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"));
        String dockerHost = System.getenv("DOCKER_HOST");
        if (!socket && (dockerHost == null || dockerHost.isBlank())) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    private static void dropSchemas() {
        Server s = server;
        if (s == null || CREATED.isEmpty()) {
            return;
        }
        try (Connection connection = s.connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET lock_timeout = '2s'");
            for (String schema : CREATED) {
                try {
                    statement.execute("DROP SCHEMA IF EXISTS " + schema.toLowerCase(Locale.ROOT) + " CASCADE");
                } catch (SQLException e) {
                    // still in use by a closing context: harmless, it is empty test data
                }
            }
        } catch (SQLException | RuntimeException e) {
            // the server may already be gone (embedded one stopping concurrently)
        }
    }

    private record Server(String baseUrl, String username, String password, String source) {

        Connection connect() throws SQLException {
            Properties properties = new Properties();
            if (username != null) {
                properties.setProperty("user", username);
            }
            if (password != null) {
                properties.setProperty("password", password);
            }
            return DriverManager.getConnection(baseUrl, properties);
        }
    }
}
