package cn.perfledger.app.axon;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;

/**
 * A least-recently-used, strongly referenced in-memory cache of loaded aggregates, bounded by entry count.
 *
 * <p>Axon 4.12 ships no weighted or LRU cache of its own (only {@code WeakReferenceCache}, whose entries a busy
 * JVM clears at any young collection, and adapters for EhCache/JCache, which are not on the classpath). A
 * department-year with 100,000 vouchers is a few tens of MB of state, so the bound is in entries and small by
 * default ({@code ledger.aggregate-cache-size}).
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
    private final LatestSequence latestSequence;
    private final Map<Object, Object> entries;
    private final CopyOnWriteArrayList<EntryListener> listeners = new CopyOnWriteArrayList<>();

    public BoundedAggregateCache(int maxEntries) {
        this(maxEntries, null);
    }

    /** A cache whose hits are checked against the store's latest sequence number (null: never checked). */
    public BoundedAggregateCache(int maxEntries, LatestSequence latestSequence) {
        this.latestSequence = latestSequence;
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive: " + maxEntries);
        }
        this.maxEntries = maxEntries;
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
                entries.remove(key, value);
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
        Object previous;
        Object evicted;
        synchronized (entries) {
            previous = entries.put(key, value);
            evicted = evictEldest();
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
        Object evicted;
        synchronized (entries) {
            if (entries.containsKey(key)) {
                return false;
            }
            entries.put(key, value);
            evicted = evictEldest();
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
            entries.computeIfPresent(key, (k, v) -> update.apply((V) v));
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

    private boolean isStale(Object key, Object value) {
        if (!(value instanceof AggregateCacheEntry<?> entry)) {
            return false;
        }
        Long cached;
        try {
            // an entry made in this JVM holds its live aggregate and returns it without using the arguments
            cached = entry.recreateAggregate(null, null, null, null).version();
        } catch (RuntimeException e) {
            return true;
        }
        return cached == null || latestSequence.hasEventAfter(String.valueOf(key), cached);
    }

    private Object evictEldest() {
        if (entries.size() <= maxEntries) {
            return null;
        }
        var eldest = entries.entrySet().iterator();
        Object key = eldest.next().getKey();
        eldest.remove();
        return key;
    }

    private void notifyExpired(Object evictedKey) {
        if (evictedKey != null) {
            listeners.forEach(l -> l.onEntryExpired(evictedKey));
        }
    }
}
