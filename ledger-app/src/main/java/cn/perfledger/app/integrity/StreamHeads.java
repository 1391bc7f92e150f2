package cn.perfledger.app.integrity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code stream_head} table: one keyed checkpoint per aggregate stream — the sequence number and chain hash of
 * its last event — written in the transaction of every append. Tail truncation leaves the head ahead of the
 * events; a head row cannot be forged or moved back to a <em>new</em> position without the key.
 *
 * <p>{@code head_mac = hex HMAC-SHA256(key[key_id], length-prefixed ["perfledger-head-v1", key_id,
 * aggregate_identifier, sequence_number (decimal), chain_hash])}; {@code legacy_mac = keyId ":" hex
 * HMAC-SHA256(key, ["perfledger-legacy-v1", keyId, aggregate_identifier, legacy_up_to])}.
 */
public final class StreamHeads {

    static final String HEAD_LAYOUT = "perfledger-head-v1";
    static final String LEGACY_LAYOUT = "perfledger-legacy-v1";

    /** One stored head row. {@code legacyUpTo} null: the stream has no accepted legacy events. */
    public record Head(String aggregateId, long sequenceNumber, String chainHash, String keyId, String headMac,
            Long legacyUpTo, String legacyMac) {
    }

    /** What {@link #advance} found. */
    public enum Advance { ADVANCED, CREATED, NO_HEAD, HEAD_ELSEWHERE }

    private final JdbcTemplate jdbc;
    private final IntegrityKeys keys;

    public StreamHeads(JdbcTemplate jdbc, IntegrityKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    public Optional<Head> find(String aggregateId) {
        return jdbc.query("SELECT * FROM stream_head WHERE aggregate_identifier = ?", (rs, i) -> head(rs),
                aggregateId).stream().findFirst();
    }

    /** Every head row, by aggregate id. */
    public Map<String, Head> all() {
        Map<String, Head> heads = new LinkedHashMap<>();
        jdbc.query("SELECT * FROM stream_head ORDER BY aggregate_identifier", rs -> {
            Head head = head(rs);
            heads.put(head.aggregateId(), head);
        });
        return heads;
    }

    /**
     * Moves the head of {@code aggregateId} from sequence {@code from} (−1: a new stream) to {@code to} with link
     * {@code link}, in the caller's transaction. Never moves a head that is not at {@code from}: the caller decides
     * what a missing or misplaced head means.
     */
    public Advance advance(String aggregateId, long from, long to, String link) {
        String keyId = keys.currentId();
        String mac = headMac(keyId, aggregateId, to, link);
        if (from >= 0) {
            int updated = jdbc.update("UPDATE stream_head SET sequence_number = ?, chain_hash = ?, key_id = ?,"
                    + " head_mac = ? WHERE aggregate_identifier = ? AND sequence_number = ?", to, link, keyId, mac,
                    aggregateId, from);
            if (updated == 1) {
                return Advance.ADVANCED;
            }
            return find(aggregateId).isPresent() ? Advance.HEAD_ELSEWHERE : Advance.NO_HEAD;
        }
        if (find(aggregateId).isPresent()) {
            return Advance.HEAD_ELSEWHERE;
        }
        insert(aggregateId, to, link, null);
        return Advance.CREATED;
    }

    /** Writes a new head row (for a stream that has none), optionally accepting its events up to {@code legacyUpTo}. */
    public void insert(String aggregateId, long sequence, String link, Long legacyUpTo) {
        String keyId = keys.currentId();
        jdbc.update("INSERT INTO stream_head (aggregate_identifier, sequence_number, chain_hash, key_id, head_mac,"
                + " legacy_up_to, legacy_mac) VALUES (?, ?, ?, ?, ?, ?, ?)", aggregateId, sequence, link, keyId,
                headMac(keyId, aggregateId, sequence, link), legacyUpTo,
                legacyUpTo == null ? null : keyId + ":" + legacyMac(keyId, aggregateId, legacyUpTo));
    }

    /** True when the head row's MAC verifies under a configured key. */
    public boolean headVerifies(Head head) {
        return keys.verifies(head.keyId(), headParts(head.keyId(), head.aggregateId(), head.sequenceNumber(),
                head.chainHash()), head.headMac());
    }

    /**
     * The accepted legacy prefix: the head's {@code legacyUpTo} if its MAC verifies, −1 when there is none, and
     * null when it is there but does not verify (altered).
     */
    public Long legacyUpTo(Head head) {
        if (head == null || head.legacyUpTo() == null) {
            return -1L;
        }
        String stored = head.legacyMac();
        int colon = stored == null ? -1 : stored.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String keyId = stored.substring(0, colon);
        return keys.verifies(keyId, legacyParts(keyId, head.aggregateId(), head.legacyUpTo()),
                stored.substring(colon + 1)) ? head.legacyUpTo() : null;
    }

    public boolean knowsKey(Head head) {
        return keys.knows(head.keyId());
    }

    private String headMac(String keyId, String aggregateId, long sequence, String link) {
        return keys.mac(keyId, headParts(keyId, aggregateId, sequence, link));
    }

    private String legacyMac(String keyId, String aggregateId, long legacyUpTo) {
        return keys.mac(keyId, legacyParts(keyId, aggregateId, legacyUpTo));
    }

    private static List<String> headParts(String keyId, String aggregateId, long sequence, String link) {
        return List.of(HEAD_LAYOUT, keyId, aggregateId, Long.toString(sequence), link);
    }

    private static List<String> legacyParts(String keyId, String aggregateId, long legacyUpTo) {
        return List.of(LEGACY_LAYOUT, keyId, aggregateId, Long.toString(legacyUpTo));
    }

    private static Head head(java.sql.ResultSet rs) throws java.sql.SQLException {
        long legacy = rs.getLong("legacy_up_to");
        Long legacyUpTo = rs.wasNull() ? null : legacy;
        return new Head(rs.getString("aggregate_identifier"), rs.getLong("sequence_number"), rs.getString("chain_hash"),
                rs.getString("key_id"), rs.getString("head_mac"), legacyUpTo, rs.getString("legacy_mac"));
    }
}
