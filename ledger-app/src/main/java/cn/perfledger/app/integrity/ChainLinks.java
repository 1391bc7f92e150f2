package cn.perfledger.app.integrity;

import cn.perfledger.app.eventstore.StoredEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What one stored row says about the chain: its chain keys and the hashes of the bytes the chain covers.
 *
 * @param chained     the metadata has at least one chain key
 * @param damaged     a chain key is missing or not a 64-hex value, or the metadata is not a JSON object
 * @param keyId       the stored {@code chainKey} (null: an unkeyed, legacy link)
 * @param storedPrev  the stored {@code chainPrev}
 * @param storedHash  the stored {@code chainHash}
 * @param payloadSha  hex SHA-256 of the stored payload bytes
 * @param metadataSha hex SHA-256 of the canonical metadata without chain keys
 * @param metadata    the metadata as parsed for hashing, a JSON object (null when it is not one), so that a reader
 *                    of the row need not parse it a second time
 */
public record ChainLinks(StoredEvent row, boolean chained, boolean damaged, String keyId, String storedPrev,
        String storedHash, String payloadSha, String metadataSha, JsonNode metadata) {

    /** Reads metadata for hashing: plain JSON, floating numbers exact. */
    static final ObjectMapper METADATA_READER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** Parses the row's metadata and hashes what the chain covers. */
    public static ChainLinks of(StoredEvent row) {
        byte[] metaData = row.metaData();
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
        String keyId = null;
        boolean hasPrev = false;
        boolean hasHash = false;
        boolean hasKey = false;
        if (node != null && node.isObject()) {
            JsonNode p = node.get(ChainHash.CHAIN_PREV);
            JsonNode h = node.get(ChainHash.CHAIN_HASH);
            JsonNode k = node.get(ChainHash.CHAIN_KEY);
            hasPrev = p != null;
            hasHash = h != null;
            hasKey = k != null;
            prev = p != null && p.isTextual() ? p.textValue() : null;
            hash = h != null && h.isTextual() ? h.textValue() : null;
            keyId = k != null && k.isTextual() ? k.textValue() : null;
        } else if (node != null) {
            unreadable = true;
        }
        String payloadSha = ChainHash.sha256Hex(row.payload());
        String metadataSha = unreadable ? ChainHash.sha256Hex(metaData)
                : ChainHash.sha256Hex(ChainHash.canonicalMetadata(node).getBytes(StandardCharsets.UTF_8));
        boolean chained = hasPrev || hasHash || hasKey;
        boolean damaged = unreadable || (chained && !(ChainHash.isLink(prev) && ChainHash.isLink(hash)))
                || (hasKey && (keyId == null || keyId.isBlank()));
        return new ChainLinks(row, chained, damaged, hasKey ? keyId : null, prev, hash, payloadSha, metadataSha,
                node != null && node.isObject() ? node : null);
    }

    public boolean keyed() {
        return keyId != null;
    }

    ChainHash.EventFields fields() {
        return new ChainHash.EventFields(row.eventIdentifier(), row.aggregateIdentifier(), row.sequenceNumber(),
                row.type(), row.payloadType(), row.payloadRevision(), row.timeStamp());
    }

    /** The unkeyed (legacy) hash of this row with {@code chainPrev}. */
    String unkeyedHash(String chainPrev) {
        return ChainHash.eventHash(chainPrev, fields(), payloadSha, metadataSha);
    }

    /** The keyed hash of this row with {@code chainPrev} under its own key id; null when the key is unknown. */
    String keyedHash(IntegrityKeys keys, String chainPrev) {
        return ChainHash.keyedEventHash(keys, keyId, chainPrev, fields(), payloadSha, metadataSha);
    }

    /**
     * The link a successor chains to: the stored chainHash of a chained row, or the anchor (unkeyed hash with
     * {@link ChainHash#GENESIS}) of a row stored before any chain existed.
     */
    public String link() {
        if (chained && ChainHash.isLink(storedHash)) {
            return storedHash;
        }
        return unkeyedHash(ChainHash.GENESIS);
    }
}
