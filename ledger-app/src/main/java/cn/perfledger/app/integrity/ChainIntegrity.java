package cn.perfledger.app.integrity;

import java.util.function.Supplier;

/**
 * What {@link ChainingEventStorageEngine} needs beyond the storage engine it decorates: the keys, the keyed stream
 * heads it moves in the transaction of each append.
 */
public interface ChainIntegrity {

    IntegrityKeys keys();

    /** Runs {@code append} in a transaction (joining the caller's), so rows and heads commit together. */
    <T> T inTransaction(Supplier<T> append);

    /**
     * Moves the keyed head of {@code aggregateId} from sequence {@code from} (−1: a new stream) to {@code to}, in
     * the append's transaction; refuses (throws, rolling the append back) when the head is not where the stream
     * says it should be — that is tampering, and appending would hide it.
     */
    void advanceHead(String aggregateId, long from, long to, String link);
}
