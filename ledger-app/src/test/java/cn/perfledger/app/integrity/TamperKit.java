package cn.perfledger.app.integrity;

import cn.perfledger.app.eventstore.StoredEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What someone with write access to the database alone can do to the chain: edit rows, and recompute chain hashes
 * from the documented byte layout ({@link ChainHash}) — but only with SHA-256, since the HMAC key is not in the
 * database.
 */
final class TamperKit {

    private TamperKit() {
    }

    static StoredEvent row(JdbcTemplate jdbc, String eventIdentifier) {
        return jdbc.query("SELECT globalIndex, aggregateIdentifier, sequenceNumber, type, eventIdentifier, metaData,"
                + " payload, payloadRevision, payloadType, timeStamp FROM DomainEventEntry WHERE eventIdentifier = ?",
                (rs, i) -> new StoredEvent(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getBytes(6), rs.getBytes(7), rs.getString(8), rs.getString(9),
                        rs.getString(10)), eventIdentifier).get(0);
    }

    /** The chain hash a forger computes for the stored row with {@code metaData}: the keyed layout, SHA-256. */
    static String forgedHash(JdbcTemplate jdbc, String eventIdentifier, JsonNode metaData) {
        StoredEvent row = row(jdbc, eventIdentifier);
        return forgedHash(row, row.payload(), metaData, metaData.get(ChainHash.CHAIN_PREV).asText());
    }

    static String forgedHash(StoredEvent row, byte[] payload, JsonNode metaData, String chainPrev) {
        List<String> parts = new ArrayList<>(List.of(ChainHash.VERSION_KEYED,
                metaData.path(ChainHash.CHAIN_KEY).asText("forged"), chainPrev, row.eventIdentifier(),
                row.aggregateIdentifier(), Long.toString(row.sequenceNumber())));
        parts.add(row.type());
        parts.add(row.payloadType());
        parts.add(row.payloadRevision());
        parts.add(row.timeStamp());
        parts.add(ChainHash.sha256Hex(payload));
        parts.add(ChainHash.sha256Hex(ChainHash.canonicalMetadata(metaData).getBytes(StandardCharsets.UTF_8)));
        return ChainHash.sha256Hex(ChainHash.lengthPrefixed(parts));
    }

    /**
     * Replaces the payload of {@code aggregate}'s event {@code fromSequence} and recomputes, without the key, the
     * chain hash of it and of every later event of the stream (each linking to the forged one before it).
     */
    static void rewriteAndRehash(JdbcTemplate jdbc, com.fasterxml.jackson.databind.ObjectMapper json, String aggregate,
            long fromSequence, java.util.function.UnaryOperator<String> payloadEdit) throws Exception {
        List<String> ids = jdbc.queryForList("SELECT eventIdentifier FROM DomainEventEntry WHERE aggregateIdentifier = ?"
                + " AND sequenceNumber >= ? ORDER BY sequenceNumber", String.class, aggregate, fromSequence);
        String prev = null;
        for (String id : ids) {
            StoredEvent row = row(jdbc, id);
            byte[] payload = row.payload();
            if (prev == null) {
                payload = payloadEdit.apply(new String(payload, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            }
            ObjectNode metaData = (ObjectNode) json.readTree(row.metaData());
            if (prev != null) {
                metaData.put(ChainHash.CHAIN_PREV, prev);
            }
            String hash = forgedHash(row, payload, metaData, metaData.get(ChainHash.CHAIN_PREV).asText());
            metaData.put(ChainHash.CHAIN_HASH, hash);
            jdbc.update("UPDATE DomainEventEntry SET payload = ?, metaData = ? WHERE eventIdentifier = ?", payload,
                    json.writeValueAsBytes(metaData), id);
            prev = hash;
        }
    }
}
