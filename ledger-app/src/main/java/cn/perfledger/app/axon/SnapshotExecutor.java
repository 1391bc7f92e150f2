package cn.perfledger.app.axon;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * The single background thread that builds snapshots, so that a command's caller never waits for one.
 * Axon skips a snapshot request for an aggregate whose snapshot is already being built, so the queue stays
 * short. Holds the {@link DataSource} only so that Spring shuts this executor down (finishing the snapshot in
 * progress) before it closes the connection pool.
 */
public final class SnapshotExecutor implements Executor, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SnapshotExecutor.class);

    private final ExecutorService delegate;
    /** Tasks handed over and not yet finished (the pool's own counters miss a task between queue and worker). */
    private final java.util.concurrent.atomic.AtomicLong pending = new java.util.concurrent.atomic.AtomicLong();

    SnapshotExecutor(DataSource dataSource) {
        if (dataSource == null) {
            throw new IllegalArgumentException("dataSource");
        }
        this.delegate = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(1000),
                runnable -> {
                    Thread thread = new Thread(runnable, "ledger-snapshotter");
                    thread.setDaemon(true);
                    return thread;
                }, (task, pool) -> pending.decrementAndGet()); // discarded when 1,000 are queued: only an optimisation
    }

    @Override
    public void execute(Runnable command) {
        pending.incrementAndGet();
        try {
            delegate.execute(() -> {
                try {
                    command.run();
                } finally {
                    pending.decrementAndGet();
                }
            });
        } catch (RuntimeException e) {
            pending.decrementAndGet();
            throw e;
        }
    }

    /** Waits until every snapshot requested so far has been written (tests, benchmarks). */
    public void awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (pending.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        delegate.shutdown();
        if (!delegate.awaitTermination(30, TimeUnit.SECONDS)) {
            log.warn("snapshotter did not finish within 30 s; pending snapshots are dropped (they are only an optimisation)");
            delegate.shutdownNow();
        }
    }
}
