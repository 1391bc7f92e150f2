package cn.perfledger.app.axon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;

/**
 * A least-recently-used, strongly referenced in-memory cache of loaded aggregates, bounded by entry count and by
 * the events the cached aggregates hold together.
 *
 * <p>Axon 4.12 ships no weighted or LRU cache of its own (only {@code WeakReferenceCache}, whose entries a busy
 * JVM clears at any young collection, and adapters for EhCache/JCache, which are not on the classpath). A
 * department-year with 100,000 vouchers is a few tens of MB of state, so a bound in entries alone
 * ({@code ledger.aggregate-cache-size}) lets the cache outgrow the heap when the years are large; each entry
 * therefore weighs the events its aggregate has applied (its version + 1, refreshed at every save, which puts the
 * entry again) and the least recently used entries are evicted while the total exceeds
 * {@code ledger.aggregate-cache-max-events} ({@link AggregateCacheBound}). The entry just put is never evicted
 * by its own weight: a year larger than the bound stays cached alone until another one is used.
 *
 * <p>Axon's caching repository removes an entry whenever a unit of work that loaded it rolls back (a refused
 * command included); the next command then loads from the latest snapshot plus the events after it. With
 * several application instances on one database an entry can be stale: the append then fails on the unique
 * (aggregateIdentifier, sequenceNumber) key, the client gets a 409, the entry is dropped and a retry loads fresh.
 *
 * <p>A stale entry is also a wrong <em>refusal</em> waiting to happen: a command validated against it is refused
 * for a line, voucher or budget that another instance has just recorded (400 "预算行不存在"), although the client
 * already had that instance's 201. Therefore, given a {@link LatestSequence}, every hit is checked against the
 * event store (one point lookup on the unique key, in the command's own transaction): an entry behind the
 * stream's last sequence number is dropped and the aggregate is loaded from the store instead.
 */
public final class BoundedAggregateCache implements Cache {

    /**
     * Whether the store holds an event of the aggregate after the given sequence number. Sequence numbers of a
     * stream are contiguous, so this is a point lookup of {@code sequence + 1} on the unique key — constant time
     * however long the stream is (a {@code MAX(sequenceNumber)} is not: H2 scans the aggregate's rows for it).
     */
    @FunctionalInterface
    public interface LatestSequence {
        boolean hasEventAfter(String aggregateIdentifier, long sequence);
    }

    private final int maxEntries;
    private final long maxEvents;
    private final LatestSequence latestSequence;
    private final Map<Object, Object> entries;
    /** Each entry's weight (events its aggregate holds) and their sum; guarded by {@code entries}. */
    private final Map<Object, Long> weights = new HashMap<>();
    private long totalWeight;
    private final CopyOnWriteArrayList<EntryListener> listeners = new CopyOnWriteArrayList<>();

    public BoundedAggregateCache(int maxEntries) {
        this(maxEntries, Long.MAX_VALUE, null);
    }

    /**
     * A cache of at most {@code maxEntries} aggregates holding at most {@code maxEvents} events together, whose hits
     * are checked against the store's latest sequence number (null: never checked).
     */
    public BoundedAggregateCache(int maxEntries, long maxEvents, LatestSequence latestSequence) {
        this.latestSequence = latestSequence;
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive: " + maxEntries);
        }
        if (maxEvents < 1) {
            throw new IllegalArgumentException("maxEvents must be positive: " + maxEvents);
        }
        this.maxEntries = maxEntries;
        this.maxEvents = maxEvents;
        this.entries = new LinkedHashMap<>(16, 0.75f, true);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object value;
        synchronized (entries) {
            value = entries.get(key);
        }
        if (value != null && latestSequence != null && isStale(key, value)) {
            synchronized (entries) {
                if (entries.remove(key, value)) {
                    unweigh(key);
                }
            }
            listeners.forEach(l -> l.onEntryRemoved(key));
            return null;
        }
        if (value != null) {
            listeners.forEach(l -> l.onEntryRead(key, value));
        }
        return (V) value;
    }

    @Override
    public void put(Object key, Object value) {
        long weight = weightOf(value);
        Object previous;
        List<Object> evicted;
        synchronized (entries) {
            previous = entries.put(key, value);
            weigh(key, weight);
            evicted = evictEldest(key);
        }
        if (previous == null) {
            listeners.forEach(l -> l.onEntryCreated(key, value));
        } else {
            listeners.forEach(l -> l.onEntryUpdated(key, value));
        }
        notifyExpired(evicted);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        long weight = weightOf(value);
        List<Object> evicted;
        synchronized (entries) {
            if (entries.containsKey(key)) {
                return false;
            }
            entries.put(key, value);
            weigh(key, weight);
            evicted = evictEldest(key);
        }
        listeners.forEach(l -> l.onEntryCreated(key, value));
        notifyExpired(evicted);
        return true;
    }

    @Override
    public boolean remove(Object key) {
        boolean removed;
        synchronized (entries) {
            removed = entries.remove(key) != null;
            if (removed) {
                unweigh(key);
            }
        }
        if (removed) {
            listeners.forEach(l -> l.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public void removeAll() {
        Object[] keys;
        synchronized (entries) {
            keys = entries.keySet().toArray();
            entries.clear();
            weights.clear();
            totalWeight = 0;
        }
        for (Object key : keys) {
            listeners.forEach(l -> l.onEntryRemoved(key));
        }
    }

    @Override
    public boolean containsKey(Object key) {
        synchronized (entries) {
            return entries.containsKey(key);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        synchronized (entries) {
            Object updated = entries.computeIfPresent(key, (k, v) -> update.apply((V) v));
            if (updated == null) {
                unweigh(key);
            } else {
                weigh(key, weightOf(updated));
            }
        }
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        listeners.add(cacheEntryListener);
        return () -> listeners.remove(cacheEntryListener);
    }

    /** Number of cached aggregates. */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    /** The events the cached aggregates hold together (their versions + 1). */
    public long events() {
        synchronized (entries) {
            return totalWeight;
        }
    }

    /** An aggregate's events applied (version + 1); 1 for anything else or an aggregate without a version. */
    static long weightOf(Object value) {
        if (value instanceof AggregateCacheEntry<?> entry) {
            try {
                Long version = liveVersion(entry);
                return version == null ? 1 : version + 1;
            } catch (RuntimeException e) {
                return 1;
            }
        }
        return 1;
    }

    /** The cached aggregate's version: an entry made in this JVM holds its live aggregate and ignores the arguments. */
    private static Long liveVersion(AggregateCacheEntry<?> entry) {
        return entry.recreateAggregate(null, null, null, null).version();
    }

    private void weigh(Object key, long weight) {
        Long previous = weights.put(key, weight);
        totalWeight += weight - (previous == null ? 0 : previous);
    }

    private void unweigh(Object key) {
        Long previous = weights.remove(key);
        if (previous != null) {
            totalWeight -= previous;
        }
    }

    private boolean isStale(Object key, Object value) {
        if (!(value instanceof AggregateCacheEntry<?> entry)) {
            return false;
        }
        Long cached;
        try {
            cached = liveVersion(entry);
        } catch (RuntimeException e) {
            return true;
        }
        return cached == null || latestSequence.hasEventAfter(String.valueOf(key), cached);
    }

    /** Evicts the least recently used entries, never {@code kept}, while either bound is exceeded. */
    private List<Object> evictEldest(Object kept) {
        List<Object> evicted = new ArrayList<>(1);
        var eldest = entries.keySet().iterator();
        while ((entries.size() > maxEntries || totalWeight > maxEvents) && eldest.hasNext()) {
            Object key = eldest.next();
            if (key.equals(kept)) {
                continue;
            }
            eldest.remove();
            unweigh(key);
            evicted.add(key);
        }
        return evicted;
    }

    private void notifyExpired(List<Object> evictedKeys) {
        for (Object key : evictedKeys) {
            listeners.forEach(l -> l.onEntryExpired(key));
        }
    }
}
