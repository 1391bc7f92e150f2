package cn.perfledger.projections.basis;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * An event as the store recorded it: its payload (a domain event record), its effective date (业务日期, from
 * the payload) and its recorded time and global sequence (from the store). Projections fold these, never
 * framework messages, so the same fold serves live read models and on-demand replays.
 */
public record RecordedEvent(
        long globalSequence,
        String aggregateId,
        long sequenceNumber,
        String eventId,
        Instant recordedAt,
        LocalDate effectiveDate,
        Object payload,
        Map<String, String> metadata) {

    public RecordedEvent {
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(effectiveDate, "effectiveDate");
        Objects.requireNonNull(payload, "payload");
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** The simple name of the payload type, e.g. {@code ExpenditureRecorded}. */
    public String type() {
        return payload.getClass().getSimpleName();
    }
}
