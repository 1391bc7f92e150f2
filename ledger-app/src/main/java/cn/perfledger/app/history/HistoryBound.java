package cn.perfledger.app.history;

/**
 * How many events the in-memory history may hold. Configured by {@code ledger.history.max-events}; when it is not
 * set (0), derived from the heap: {@code -Xmx} less {@value #RESERVED_MIB} MiB for everything else (framework,
 * aggregate and read-model caches, a cold read in progress), at {@value #BYTES_PER_EVENT} bytes per held event
 * (the event, its replay-index slot and its share of the fold checkpoints, measured at ≈ 580 B, with room for the
 * payloads' spread): 320 MiB hold ≈ 134,000 events, 1 GiB ≈ 872,000. A year larger than the bound is still
 * answered, read anew on each query.
 */
final class HistoryBound {

    static final long BYTES_PER_EVENT = 1_000;
    static final long RESERVED_MIB = 192;
    /** Never below this: the rubric versions and department streams every answer reads must fit. */
    static final long FLOOR = 10_000;

    private HistoryBound() {
    }

    static long maxEvents(long configured, long maxHeapBytes) {
        if (configured < 0) {
            throw new IllegalArgumentException("ledger.history.max-events: 不能为负数: " + configured);
        }
        if (configured > 0) {
            return configured;
        }
        return Math.max(FLOOR, (maxHeapBytes - RESERVED_MIB * 1024 * 1024) / BYTES_PER_EVENT);
    }
}
