package cn.perfledger.benchmarks.http;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * A fresh PostgreSQL database per run on the server of {@code --pg-url} (default 127.0.0.1:5432, user postgres,
 * trust authentication), its size for the disk figure, and dropping it afterwards. Flyway of the product creates
 * the schema in it; nothing here touches the product's tables.
 */
final class Postgres {

    private final String serverUrl;
    private final String user;

    /** {@code serverUrl} without a database name, e.g. {@code jdbc:postgresql://127.0.0.1:5432/}. */
    Postgres(String serverUrl, String user) {
        this.serverUrl = serverUrl.endsWith("/") ? serverUrl : serverUrl + "/";
        this.user = user;
    }

    /** Creates the database and returns the JDBC URL the product is started with. */
    String create(String database) {
        execute("postgres", "CREATE DATABASE " + database);
        return url(database);
    }

    String url(String database) {
        return serverUrl + database + "?user=" + user;
    }

    long sizeBytes(String database) {
        try (Connection c = connect(database); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT pg_database_size(current_database())")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }

    void drop(String database) {
        execute("postgres", "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    /** Whether the server answers at all (the PostgreSQL runs are skipped with a note if not). */
    boolean reachable() {
        try (Connection c = connect("postgres")) {
            return c.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    private void execute(String database, String sql) {
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        return DriverManager.getConnection(serverUrl + database, properties);
    }
}
