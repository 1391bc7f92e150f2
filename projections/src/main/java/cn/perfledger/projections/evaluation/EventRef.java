package cn.perfledger.projections.evaluation;

import cn.perfledger.projections.basis.RecordedEvent;
import java.time.Instant;
import java.time.LocalDate;

/** Which stored event a piece of state came from, so that a later lineage can point back at it. */
public record EventRef(long globalSequence, String eventId, LocalDate effectiveDate, Instant recordedAt) {

    public static EventRef of(RecordedEvent event) {
        return new EventRef(event.globalSequence(), event.eventId(), event.effectiveDate(), event.recordedAt());
    }
}
