package cn.perfledger.app.query;

import cn.perfledger.app.integrity.IntegrityStatus;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A query result with the basis it was computed at and the SHA-256 digest of the result's canonical JSON:
 * asking again with the same {@code asOf} and {@code knownAt} returns the same bytes and the same digest.
 *
 * @param eventsAdmitted how many events of the year the basis admitted
 * @param lastGlobalSequence the highest global sequence among them (-1 if none)
 * @param integrity the integrity of every stream the answer replays from (BROKEN: the numbers must not be
 *                  trusted); not part of the digest, which is the result's alone
 */
public record BasisResult<T>(String fiscalYearId, LocalDate asOf, Instant knownAt, int eventsAdmitted,
        long lastGlobalSequence, String digest, IntegrityStatus integrity, T result) {
}
