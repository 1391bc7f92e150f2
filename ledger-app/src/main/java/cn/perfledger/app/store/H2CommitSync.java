package cn.perfledger.app.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.db.Store;

/**
 * Makes what an embedded H2 database has committed durable: writes every unsaved change of its MVStore to the file
 * and forces the file to the device ({@code fsync}/{@code fdatasync}), the same two steps as H2's
 * {@code CHECKPOINT SYNC} ({@code Store.flush()} then {@code MVStore.sync()}).
 *
 * <p>Why this is needed: H2 2.3 does not write a commit to the file at all. A committed transaction lives in memory
 * until the MVStore's background writer stores it, up to {@code WRITE_DELAY} (500 ms) later, and even then nothing
 * is forced to the device. {@code WRITE_DELAY=0} would store at each commit but still not fsync, and it stops the
 * background writer that also compacts the file (measured here: 20,000 small commits grew the file to 1 GB).
 *
 * <p>One sync covers every commit before it, so concurrent committers share it (group commit): a caller that finds
 * nothing unsaved and no store version written since the last sync returns at once — a read-only transaction costs
 * two field reads.
 */
final class H2CommitSync {

    private final Object lock = new Object();
    private final AtomicLong syncs = new AtomicLong();
    private final AtomicLong syncNanos = new AtomicLong();
    private MVStore lastSynced;
    private long lastSyncedVersion = -1;

    /**
     * Returns once everything {@code connection}'s database has committed so far is on the device; at once on a
     * thread that writes only derived state ({@link DerivedWrites}).
     *
     * @throws SQLException when the store could not be written or forced: the caller must not report the write as
     *                      done
     */
    void makeDurable(Connection connection) throws SQLException {
        if (DerivedWrites.currentThread()) {
            return;
        }
        MVStore store = mvStoreOf(connection);
        if (store == null || !store.isPersistent() || store.isReadOnly() || store.isClosed()) {
            return;
        }
        synchronized (lock) {
            if (store == lastSynced && store.getCurrentVersion() == lastSyncedVersion && !store.hasUnsavedChanges()) {
                return;
            }
            long start = System.nanoTime();
            try {
                store.commit();
                long version = store.getCurrentVersion();
                store.sync();
                lastSynced = store;
                lastSyncedVersion = version;
                syncs.incrementAndGet();
                syncNanos.addAndGet(System.nanoTime() - start);
            } catch (MVStoreException e) {
                throw new SQLException("the embedded database could not write its committed changes to disk", e);
            }
        }
    }

    /** How many times the store was written and forced (tests). */
    long syncCount() {
        return syncs.get();
    }

    /** The time spent writing and forcing, in all (measurements). */
    long syncNanos() {
        return syncNanos.get();
    }

    /** The MVStore behind an embedded H2 connection, or null for anything else (server mode, another driver). */
    private static MVStore mvStoreOf(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)) {
            return null;
        }
        if (!(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return null;
        }
        Store store = session.getDatabase().getStore();
        return store == null ? null : store.getMvStore();
    }
}
