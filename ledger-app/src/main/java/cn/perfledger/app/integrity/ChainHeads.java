package cn.perfledger.app.integrity;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last committed link of recently written aggregates: aggregate id → (sequence number, chain hash). Written
 * only after a unit of work has committed, so a rolled-back append never reaches it. Read only for the exact
 * sequence n−1 an append needs: an entry for another sequence (another instance appended since, or this
 * instance's after-commit callbacks ran out of order) is ignored and the store is asked instead. Because a
 * committed (aggregate, sequence) row is unique and never rewritten by the ledger, an entry that matches the
 * sequence is the stored link. Least recently used entries are evicted beyond {@code capacity}.
 */
public final class ChainHeads {

    /** One aggregate's last committed link. */
    public record Head(long sequenceNumber, String chainHash) {
    }

    private final Map<String, Head> heads;

    public ChainHeads(int capacity) {
        this.heads = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Head> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The cached link of {@code aggregateIdentifier} at exactly {@code sequenceNumber}, or null. */
    public synchronized String linkAt(String aggregateIdentifier, long sequenceNumber) {
        Head head = heads.get(aggregateIdentifier);
        return head != null && head.sequenceNumber() == sequenceNumber ? head.chainHash() : null;
    }

    /** Records committed heads, keeping the higher sequence when a newer one is already known. */
    public synchronized void advance(Map<String, Head> committed) {
        committed.forEach((aggregate, head) -> heads.merge(aggregate, head,
                (old, fresh) -> fresh.sequenceNumber() >= old.sequenceNumber() ? fresh : old));
    }

    /** Forgets everything (tests that rewrite the store underneath). */
    public synchronized void clear() {
        heads.clear();
    }

    public synchronized int size() {
        return heads.size();
    }
}
