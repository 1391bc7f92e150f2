package cn.perfledger.projections.basis;

import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Consumer;

/**
 * A department-year's events sorted once in replay order (effective date, then global sequence), for answering
 * many bases from the same events: a basis then costs one binary search for the last event effective on
 * {@code asOf} and one pass over the events before it that skips those recorded after {@code knownAt} — no
 * filtering of the whole year and no sort per query. An immutable list in replay order; {@link Replay} recognises
 * it, so {@code Replay.fold(index, basis, fold)} (and every fold's {@code replay}) takes the fast path and selects
 * exactly the events, in exactly the order, that {@link Replay#select} would.
 */
public final class ReplayIndex extends AbstractList<RecordedEvent> implements RandomAccess {

    private final RecordedEvent[] events;
    /** {@code effectiveDays[i]} = events[i].effectiveDate().toEpochDay(), for the binary search. */
    private final long[] effectiveDays;

    private ReplayIndex(RecordedEvent[] sorted) {
        this.events = sorted;
        this.effectiveDays = new long[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            effectiveDays[i] = sorted[i].effectiveDate().toEpochDay();
        }
    }

    private ReplayIndex(RecordedEvent[] sorted, long[] effectiveDays) {
        this.events = sorted;
        this.effectiveDays = effectiveDays;
    }

    /** Sorts a copy of the events in replay order (an index is returned as it is). */
    public static ReplayIndex of(Collection<RecordedEvent> events) {
        if (events instanceof ReplayIndex index) {
            return index;
        }
        RecordedEvent[] sorted = events.toArray(new RecordedEvent[0]);
        Arrays.sort(sorted, Basis.REPLAY_ORDER);
        return new ReplayIndex(sorted);
    }

    /**
     * This index with {@code added} (events it does not hold) put in their places: the same list {@link #of} would
     * sort from all of them, at the cost of sorting {@code added} and one binary search and block copy per added
     * event, instead of sorting the year again on every write (issue 14). Most added events are new writes that go
     * at or near the end.
     */
    public ReplayIndex with(Collection<RecordedEvent> added) {
        if (added.isEmpty()) {
            return this;
        }
        RecordedEvent[] fresh = added.toArray(new RecordedEvent[0]);
        Arrays.sort(fresh, Basis.REPLAY_ORDER);
        int n = events.length;
        RecordedEvent[] merged = new RecordedEvent[n + fresh.length];
        long[] days = new long[merged.length];
        int from = 0;
        int to = 0;
        for (RecordedEvent event : fresh) {
            int at = insertionPoint(event, from);
            int run = at - from;
            System.arraycopy(events, from, merged, to, run);
            System.arraycopy(effectiveDays, from, days, to, run);
            to += run;
            merged[to] = event;
            days[to] = event.effectiveDate().toEpochDay();
            to++;
            from = at;
        }
        System.arraycopy(events, from, merged, to, n - from);
        System.arraycopy(effectiveDays, from, days, to, n - from);
        return new ReplayIndex(merged, days);
    }

    /** The first position at or after {@code from} whose event comes after {@code event} in replay order. */
    private int insertionPoint(RecordedEvent event, int from) {
        int low = from;
        int high = events.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (Basis.REPLAY_ORDER.compare(events[mid], event) <= 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    @Override
    public RecordedEvent get(int index) {
        return events[index];
    }

    @Override
    public int size() {
        return events.length;
    }

    /** How many events are effective on or before {@code asOf}: they form a prefix of the index. */
    public int effectiveThrough(LocalDate asOf) {
        long day = asOf.toEpochDay();
        int low = 0;
        int high = events.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (effectiveDays[mid] <= day) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** Feeds the events the basis admits to {@code fold}, in replay order. */
    public <F extends Consumer<RecordedEvent>> F fold(Basis basis, F fold) {
        int end = effectiveThrough(basis.asOf());
        java.time.Instant knownAt = basis.knownAt();
        for (int i = 0; i < end; i++) {
            RecordedEvent event = events[i];
            if (!event.recordedAt().isAfter(knownAt)) {
                fold.accept(event);
            }
        }
        return fold;
    }

    /** The events the basis admits, in replay order. */
    public List<RecordedEvent> select(Basis basis) {
        return fold(basis, new Collector()).events.stream().toList();
    }

    private static final class Collector implements Consumer<RecordedEvent> {
        private final List<RecordedEvent> events = new ArrayList<>();

        @Override
        public void accept(RecordedEvent event) {
            events.add(event);
        }
    }
}
