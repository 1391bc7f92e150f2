package cn.perfledger.app.store;

/**
 * Marks the threads that write only what is derived from the events: the tracking processors (their tokens and
 * read-model rows) and the year-figures trailing write. Their commits on the embedded H2 file are not forced to the
 * device themselves ({@link DurableCommitDataSource}); the next forced commit of anyone else writes them too, and
 * H2's background writer stores them within {@code WRITE_DELAY}. What a crash can lose of them is a suffix of
 * their transactions, each with its own token, so a processor resumes from an earlier token and derives the same
 * rows again from the events, which were forced before their writers were answered.
 *
 * <p>So a single write costs one forced commit (its own), not one more per processor that follows it.
 */
public final class DerivedWrites {

    private static final ThreadLocal<Boolean> DERIVED = ThreadLocal.withInitial(() -> false);

    private DerivedWrites() {
    }

    /** From now on, this thread writes only derived state. */
    public static void markCurrentThread() {
        DERIVED.set(true);
    }

    /** Whether this thread was marked. */
    public static boolean currentThread() {
        return DERIVED.get();
    }
}
