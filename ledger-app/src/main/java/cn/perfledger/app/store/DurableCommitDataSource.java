package cn.perfledger.app.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The connection pool of the embedded H2 file store, with every connection made durable at commit: after
 * {@link Connection#commit()} returns to the caller, and before a connection goes back to the pool (which covers
 * statements run in auto-commit mode, such as a {@code JdbcTemplate} update outside a transaction), everything the
 * database has committed is written and forced to the device ({@link H2CommitSync}). A command's events, an
 * idempotency record or a new user are therefore on disk before the HTTP answer says they were written.
 *
 * <p>A failure to force the file makes {@code commit()} throw, so the request fails instead of being acknowledged.
 */
public final class DurableCommitDataSource extends DelegatingDataSource {

    private final H2CommitSync sync = new H2CommitSync();

    public DurableCommitDataSource(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return durable(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return durable(super.getConnection(username, password));
    }

    /** How many times committed changes were forced to disk so far (tests). */
    public long syncCount() {
        return sync.syncCount();
    }

    /** The time those syncs took, in all (measurements). */
    public long syncNanos() {
        return sync.syncNanos();
    }

    private Connection durable(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                new SyncingHandler(connection, sync));
    }

    /**
     * Syncs at each commit and when the connection goes back to the pool, if the connection may have written: it
     * prepared a statement other than a {@code SELECT} (or one with an updatable result set), or executed anything
     * but a query through a plain {@code Statement}. A connection that only read commits and closes without forcing
     * what other threads committed (a tracking processor's derived rows, {@link DerivedWrites}): it has nothing of
     * its own to make durable.
     */
    private static final class SyncingHandler implements InvocationHandler {

        private final Connection target;
        private final H2CommitSync sync;
        private boolean mayHaveWritten;

        SyncingHandler(Connection target, H2CommitSync sync) {
            this.target = target;
            this.sync = sync;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "unwrap" -> {
                    if (((Class<?>) args[0]).isInstance(proxy)) {
                        return proxy;
                    }
                }
                case "isWrapperFor" -> {
                    if (((Class<?>) args[0]).isInstance(proxy)) {
                        return true;
                    }
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "toString" -> {
                    return "durable-at-commit " + target;
                }
                case "close" -> {
                    try {
                        if (mayHaveWritten && !target.isClosed()) {
                            sync.makeDurable(target);
                        }
                    } finally {
                        target.close();
                    }
                    return null;
                }
                case "prepareStatement" -> {
                    // a query can write through an updatable result set (Axon's token store claims tokens so)
                    boolean updatable = args.length >= 3 && args[2] instanceof Integer concurrency
                            && concurrency == ResultSet.CONCUR_UPDATABLE;
                    if (updatable || !isQuery((String) args[0])) {
                        mayHaveWritten = true;
                    }
                }
                case "prepareCall" -> mayHaveWritten = true;
                default -> {
                }
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (method.getName().equals("createStatement")) {
                Statement statement = (Statement) result;
                return Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {Statement.class},
                        (statementProxy, statementMethod, statementArgs) -> {
                            if (statementMethod.getName().startsWith("execute")
                                    && !statementMethod.getName().equals("executeQuery")) {
                                mayHaveWritten = true;
                            }
                            try {
                                return statementMethod.invoke(statement, statementArgs);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
            // setAutoCommit(true) commits an open transaction (JDBC); commit() itself. A transaction that only read
            // (Axon's event reader, every query) has nothing of its own to force.
            if (mayHaveWritten && (method.getName().equals("commit") || method.getName().equals("setAutoCommit"))) {
                sync.makeDurable(target);
            }
            return result;
        }

        private static boolean isQuery(String sql) {
            String statement = sql.stripLeading();
            return statement.regionMatches(true, 0, "SELECT", 0, "SELECT".length());
        }
    }
}
