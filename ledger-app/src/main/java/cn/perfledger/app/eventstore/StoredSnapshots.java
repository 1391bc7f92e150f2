package cn.perfledger.app.eventstore;

import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * A storage engine that hands the latest usable snapshot together with its row exactly as stored, so that the
 * snapshot's keyed check ({@code integrity.ChainingEventStorageEngine}) verifies the very bytes the message was
 * read from, without reading the row a second time.
 */
public interface StoredSnapshots {

    /**
     * @param message the snapshot as Axon reads it (chunks joined, revision filtered, deserialized)
     * @param row     its row as stored (a chunked snapshot's full chunks named by their hashes, as the MAC covers it)
     */
    record StoredSnapshot(DomainEventMessage<?> message, StoredEvent row) {
    }

    /** The latest snapshot Axon would use, with its stored row; empty when there is none (or none usable). */
    Optional<StoredSnapshot> readStoredSnapshot(String aggregateIdentifier);
}
