package cn.perfledger.app.query;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A query result with the basis it was computed at and the SHA-256 digest of the result's canonical JSON:
 * asking again with the same {@code asOf} and {@code knownAt} returns the same bytes and the same digest.
 *
 * @param eventsAdmitted how many events of the year the basis admitted
 * @param lastGlobalSequence the highest global sequence among them (-1 if none)
 */
public record BasisResult<T>(String fiscalYearId, LocalDate asOf, Instant knownAt, int eventsAdmitted,
        long lastGlobalSequence, String digest, T result) {
}
