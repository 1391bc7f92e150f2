package cn.perfledger.projections.basis;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;

/**
 * What a query sees: events effective on or before {@code asOf} and recorded on or before {@code knownAt}.
 * "As submitted" is the submission's reference date with knownAt = submission time; "as now known" is the
 * same date with knownAt = now. The same basis always selects the same events, hence the same result.
 */
public record Basis(LocalDate asOf, Instant knownAt) {

    /** Replay order: effective date first, then the store's global sequence (recording order) as tie-break. */
    public static final Comparator<RecordedEvent> REPLAY_ORDER = Comparator
            .comparing(RecordedEvent::effectiveDate)
            .thenComparingLong(RecordedEvent::globalSequence);

    public Basis {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(knownAt, "knownAt");
    }

    public boolean admits(RecordedEvent event) {
        return !event.effectiveDate().isAfter(asOf) && !event.recordedAt().isAfter(knownAt);
    }
}
