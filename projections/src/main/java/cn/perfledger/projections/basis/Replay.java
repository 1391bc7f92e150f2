package cn.perfledger.projections.basis;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/** Selects the events a basis admits and feeds them to a fold in replay order. */
public final class Replay {

    private Replay() {
    }

    /**
     * The admitted events in replay order (effective date, then global sequence). A {@link ReplayIndex} is already
     * in that order and answers without filtering the whole year or sorting.
     */
    public static List<RecordedEvent> select(Collection<RecordedEvent> events, Basis basis) {
        if (events instanceof ReplayIndex index) {
            return index.select(basis);
        }
        return events.stream().filter(basis::admits).sorted(Basis.REPLAY_ORDER).toList();
    }

    /** Folds the admitted events into {@code fold} in replay order and returns it. */
    public static <F extends Consumer<RecordedEvent>> F fold(Collection<RecordedEvent> events, Basis basis, F fold) {
        if (events instanceof ReplayIndex index) {
            return index.fold(basis, fold);
        }
        select(events, basis).forEach(fold);
        return fold;
    }
}
