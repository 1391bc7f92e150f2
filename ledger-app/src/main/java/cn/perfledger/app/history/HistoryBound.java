package cn.perfledger.app.history;

import cn.perfledger.app.config.HeapShares;

/**
 * How many events the in-memory history may hold. Configured by {@code ledger.history.max-events}; when it is not
 * set (0), derived from the heap: the history's share ({@link HeapShares#history}: three quarters of {@code -Xmx}
 * less {@value HeapShares#RESERVED_MIB} MiB) at {@value #BYTES_PER_EVENT} bytes per held event (the event, its
 * replay-index slot and its share of the fold checkpoints, measured at ≈ 580 B, with room for the payloads'
 * spread): 384 MiB hold ≈ 151,000 events, 1 GiB ≈ 654,000. A year larger than the bound is still answered, read
 * anew on each query.
 */
final class HistoryBound {

    static final long BYTES_PER_EVENT = 1_000;
    /** Never below this: the rubric versions and department streams every answer reads must fit. */
    static final long FLOOR = 10_000;

    private HistoryBound() {
    }

    static long maxEvents(long configured, long maxHeapBytes) {
        return HeapShares.events("ledger.history.max-events", configured, HeapShares.history(maxHeapBytes),
                BYTES_PER_EVENT, FLOOR);
    }
}
