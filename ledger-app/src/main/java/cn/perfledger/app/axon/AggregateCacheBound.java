package cn.perfledger.app.axon;

import cn.perfledger.app.config.HeapShares;

/**
 * How many events each aggregate cache's aggregates may hold together ({@link BoundedAggregateCache}). Configured
 * by {@code ledger.aggregate-cache-max-events}; when it is not set (0), derived from the heap: the aggregate
 * caches' share ({@link HeapShares#aggregateCaches}: a quarter of {@code -Xmx} less the reserve) at
 * {@value #BYTES_PER_EVENT} bytes per event held (a budget ledger keeps every voucher it recorded: its state, its
 * number and amount, its index entry); 384 MiB hold ≈ 125,000 events, 1 GiB ≈ 545,000. Only the budget ledgers
 * grow with a year's vouchers; the other aggregates weigh a few events each.
 */
final class AggregateCacheBound {

    static final long BYTES_PER_EVENT = 400;
    /** Never below this: one ordinary department-year stays cached between its commands. */
    static final long FLOOR = 10_000;

    private AggregateCacheBound() {
    }

    static long maxEvents(long configured, long maxHeapBytes) {
        return HeapShares.events("ledger.aggregate-cache-max-events", configured, HeapShares.aggregateCaches(maxHeapBytes),
                BYTES_PER_EVENT, FLOOR);
    }
}
