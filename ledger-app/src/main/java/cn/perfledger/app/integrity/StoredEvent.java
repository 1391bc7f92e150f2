package cn.perfledger.app.integrity;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One raw row of {@code DomainEventEntry}, as stored, and what its chain keys say.
 *
 * @param metaData the stored metadata bytes (JSON), null if none
 * @param payload  the stored payload bytes (JSON)
 */
record StoredEvent(long globalIndex, String aggregateIdentifier, long sequenceNumber, String type,
        String eventIdentifier, byte[] metaData, byte[] payload, String payloadRevision, String payloadType,
        String timeStamp) {

    static final String COLUMNS = "globalIndex, aggregateIdentifier, sequenceNumber, type, eventIdentifier,"
            + " metaData, payload, payloadRevision, payloadType, timeStamp";

    /** Reads metadata for hashing: plain JSON, floating numbers exact. */
    static final ObjectMapper METADATA_READER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    static StoredEvent read(ResultSet rs) throws SQLException {
        return new StoredEvent(rs.getLong("globalIndex"), rs.getString("aggregateIdentifier"),
                rs.getLong("sequenceNumber"), rs.getString("type"), rs.getString("eventIdentifier"),
                rs.getBytes("metaData"), rs.getBytes("payload"), rs.getString("payloadRevision"),
                rs.getString("payloadType"), rs.getString("timeStamp"));
    }

    /** The simple name of the payload type ({@code BudgetEvent$ExpenditureRecorded} → ExpenditureRecorded). */
    String simpleType() {
        int cut = Math.max(payloadType.lastIndexOf('$'), payloadType.lastIndexOf('.'));
        return payloadType.substring(cut + 1);
    }

    ChainHash.EventFields fields() {
        return new ChainHash.EventFields(eventIdentifier, aggregateIdentifier, sequenceNumber, type, payloadType,
                payloadRevision, timeStamp);
    }

    /** Parses the metadata and hashes what the chain covers; see {@link Links}. */
    Links links() {
        JsonNode node;
        boolean unreadable = false;
        try {
            node = metaData == null ? null : METADATA_READER.readTree(metaData);
        } catch (IOException e) {
            node = null;
            unreadable = true;
        }
        String prev = null;
        String hash = null;
        boolean hasPrev = false;
        boolean hasHash = false;
        if (node != null && node.isObject()) {
            JsonNode p = node.get(ChainHash.CHAIN_PREV);
            JsonNode h = node.get(ChainHash.CHAIN_HASH);
            hasPrev = p != null;
            hasHash = h != null;
            prev = p != null && p.isTextual() ? p.textValue() : null;
            hash = h != null && h.isTextual() ? h.textValue() : null;
        } else if (node != null) {
            unreadable = true;
        }
        String payloadSha = ChainHash.sha256Hex(payload);
        String metadataSha = unreadable ? ChainHash.sha256Hex(metaData)
                : ChainHash.sha256Hex(ChainHash.canonicalMetadata(node)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        boolean chained = hasPrev || hasHash;
        boolean damaged = unreadable || (chained && !(ChainHash.isLink(prev) && ChainHash.isLink(hash)));
        return new Links(chained, damaged, prev, hash, payloadSha, metadataSha);
    }

    /**
     * What the stored row says about the chain.
     *
     * @param chained     the metadata has at least one chain key
     * @param damaged     a chain key is missing or not a 64-hex value, or the metadata is not a JSON object
     * @param storedPrev  the stored {@code chainPrev}
     * @param storedHash  the stored {@code chainHash}
     * @param payloadSha  hex SHA-256 of the stored payload bytes
     * @param metadataSha hex SHA-256 of the canonical metadata without chain keys
     */
    record Links(boolean chained, boolean damaged, String storedPrev, String storedHash, String payloadSha,
            String metadataSha) {
    }

    /** The hash of this row recomputed with {@code chainPrev}. */
    String hashWith(String chainPrev, Links links) {
        return ChainHash.eventHash(chainPrev, fields(), links.payloadSha(), links.metadataSha());
    }
}
