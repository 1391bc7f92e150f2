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

    /**
     * An event bound: {@code configured} when set (&gt; 0), otherwise {@code shareBytes} at {@code bytesPerEvent},
     * never below {@code floor}; a negative setting is refused naming {@code setting}.
     */
    public static long events(String setting, long configured, long shareBytes, long bytesPerEvent, long floor) {
        if (configured < 0) {
            throw new IllegalArgumentException(setting + ": 不能为负数: " + configured);
        }
        return configured > 0 ? configured : Math.max(floor, shareBytes / bytesPerEvent);
    }

    private static long beyondReserve(long maxHeapBytes) {
        return Math.max(0, maxHeapBytes - RESERVED_MIB * 1024 * 1024);
    }
}
