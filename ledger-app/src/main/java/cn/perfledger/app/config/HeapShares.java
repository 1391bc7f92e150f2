package cn.perfledger.app.config;

/**
 * How the heap is shared between the two things that grow with the department-years an instance holds: the
 * in-memory history (events read for as-of queries) and the aggregate caches (loaded department-years, each with
 * every voucher of its year). A fixed reserve of {@value #RESERVED_MIB} MiB stays for everything else (framework,
 * read-model folds, an import or a cold read in progress); of the rest the history gets three quarters and the
 * aggregate caches one quarter. Both are bounded from these shares unless configured, so that holding more years
 * evicts instead of exhausting the heap (measured: with every aggregate cached by count, two instances at
 * {@code -Xmx384m} ran out of heap after about ten 30,000-event years of a city load).
 */
public final class HeapShares {

    public static final long RESERVED_MIB = 192;

    private HeapShares() {
    }

    /** Bytes of the heap the in-memory history may fill. */
    public static long history(long maxHeapBytes) {
        return beyondReserve(maxHeapBytes) / 4 * 3;
    }

    /** Bytes of the heap the aggregate caches may fill together. */
    public static long aggregateCaches(long maxHeapBytes) {
        return beyondReserve(maxHeapBytes) - history(maxHeapBytes);
    }

    private static long beyondReserve(long maxHeapBytes) {
        return Math.max(0, maxHeapBytes - RESERVED_MIB * 1024 * 1024);
    }
}
