package cn.perfledger.app.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.perfledger.app.config.HeapShares;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.junit.jupiter.api.Test;

/**
 * The cache is bounded by the events its aggregates hold, not only by their number: large years evict the least
 * recently used ones, a year larger than the bound stays alone, and every removal gives its weight back.
 */
class BoundedAggregateCacheTest {

    private static final long GIB = 1L << 30;

    /** An aggregate with one field; its version is the sequence of its last applied event. */
    static class Counter {
        String id;
    }

    private static final AggregateModel<Counter> MODEL = AnnotatedAggregateMetaModelFactory.inspectAggregate(Counter.class);

    /** A cache entry for an aggregate that has applied {@code events} events (version events − 1). */
    private static AggregateCacheEntry<Counter> entryWith(long events) {
        Counter counter = new Counter();
        EventSourcedAggregate<Counter> aggregate = EventSourcedAggregate.initialize(counter, MODEL, (EventBus) null,
                NoSnapshotTriggerDefinition.TRIGGER);
        aggregate.initSequence(events - 1);
        return new AggregateCacheEntry<>(aggregate);
    }

    @Test
    void anEntryWeighsTheEventsItsAggregateApplied() {
        assertThat(BoundedAggregateCache.weightOf(entryWith(30_000))).isEqualTo(30_000);
        assertThat(BoundedAggregateCache.weightOf("not an aggregate")).isEqualTo(1);
    }

    @Test
    void theLeastRecentlyUsedAreEvictedWhileTheEventsExceedTheBound() {
        BoundedAggregateCache cache = new BoundedAggregateCache(64, 100_000, null);
        List<Object> expired = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryExpired(Object key) {
                expired.add(key);
            }
        });
        cache.put("A/2021", entryWith(30_000));
        cache.put("B/2021", entryWith(30_000));
        cache.put("C/2021", entryWith(30_000));
        cache.get("A/2021"); // A used last: B is now the eldest
        cache.put("D/2021", entryWith(30_000));

        assertThat(expired).containsExactly("B/2021");
        assertThat(cache.containsKey("A/2021")).isTrue();
        assertThat(cache.containsKey("C/2021")).isTrue();
        assertThat(cache.containsKey("D/2021")).isTrue();
        assertThat(cache.events()).isEqualTo(90_000);
    }

    @Test
    void aSaveRefreshesTheWeightOfAGrowingYear() {
        BoundedAggregateCache cache = new BoundedAggregateCache(64, 100_000, null);
        cache.put("A/2021", entryWith(40_000));
        cache.put("B/2021", entryWith(40_000));
        cache.put("A/2021", entryWith(70_000)); // A grew: together 110,000, B (eldest) goes

        assertThat(cache.containsKey("B/2021")).isFalse();
        assertThat(cache.events()).isEqualTo(70_000);
    }

    @Test
    void aYearLargerThanTheBoundStaysCachedAlone() {
        BoundedAggregateCache cache = new BoundedAggregateCache(64, 100_000, null);
        cache.put("A/2021", entryWith(10));
        cache.put("BIG/2021", entryWith(250_000));

        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.containsKey("BIG/2021")).isTrue();
        assertThat(cache.events()).isEqualTo(250_000);
    }

    @Test
    void everyRemovalGivesItsWeightBack() {
        BoundedAggregateCache cache = new BoundedAggregateCache(64, 100_000, null);
        cache.put("A/2021", entryWith(30_000));
        cache.putIfAbsent("B/2021", entryWith(20_000));
        cache.remove("A/2021");
        assertThat(cache.events()).isEqualTo(20_000);
        cache.removeAll();
        assertThat(cache.events()).isZero();
        assertThat(cache.size()).isZero();
    }

    @Test
    void theCountBoundStillHolds() {
        BoundedAggregateCache cache = new BoundedAggregateCache(2, Long.MAX_VALUE, null);
        cache.put("A", entryWith(1));
        cache.put("B", entryWith(1));
        cache.put("C", entryWith(1));
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.containsKey("A")).isFalse();
    }

    @Test
    void theUnsetBoundIsTheCachesShareOfTheHeap() {
        assertThat(AggregateCacheBound.maxEvents(0, GIB))
                .isEqualTo(HeapShares.aggregateCaches(GIB) / AggregateCacheBound.BYTES_PER_EVENT)
                .isEqualTo(208L * (1 << 20) / 400);
        assertThat(AggregateCacheBound.maxEvents(0, 1 << 20)).isEqualTo(AggregateCacheBound.FLOOR);
        assertThat(AggregateCacheBound.maxEvents(5_000, GIB)).isEqualTo(5_000);
        assertThatThrownBy(() -> AggregateCacheBound.maxEvents(-1, GIB))
                .hasMessageContaining("ledger.aggregate-cache-max-events");
    }
}
