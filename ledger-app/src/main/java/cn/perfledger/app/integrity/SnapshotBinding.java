package cn.perfledger.app.integrity;

import cn.perfledger.app.eventstore.StoredEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.axonframework.serialization.SerializedObject;

/**
 * A snapshot's keyed binding to the event chain, kept in the snapshot's own metadata. A snapshot decides commands
 * (a clerk's spending is checked against the budget it holds), so an edited snapshot must never be used:
 * {@code snapshotMac = hex HMAC-SHA256(key[snapshotKey], length-prefixed ["perfledger-snapshot-v1", snapshotKey,
 * aggregateIdentifier, sequenceNumber, type, payloadType, payloadRevision, snapshotChainHash, hex SHA-256 of the
 * payload bytes])}, where {@code snapshotChainHash} is the chain hash of the event the snapshot was built at. On
 * read the MAC is recomputed over the stored row, and the chain hash must still be that of the stored event at
 * that sequence; any mismatch discards the snapshot (the aggregate is then rebuilt from its events). The payload is
 * the row as stored: a chunked snapshot names its full chunks there by their SHA-256 ({@code
 * eventstore.SnapshotChunks}), so the MAC covers the chunks through their hashes, and each chunk is checked against
 * its hash when the snapshot is put together again.
 */
final class SnapshotBinding {

    static final String LAYOUT = "perfledger-snapshot-v1";
    static final String CHAIN_HASH = "snapshotChainHash";
    static final String KEY = "snapshotKey";
    static final String MAC = "snapshotMac";

    private SnapshotBinding() {
    }

    /** The metadata entries binding a snapshot about to be stored. */
    static Map<String, Object> bind(IntegrityKeys keys, String aggregate, long sequence, String type,
            SerializedObject<byte[]> payload, String link) {
        String keyId = keys.currentId();
        String mac = keys.mac(keyId, parts(keyId, aggregate, sequence, type, payload.getType().getName(),
                payload.getType().getRevision(), link, ChainHash.sha256Hex(payload.getData())));
        return Map.of(CHAIN_HASH, link, KEY, keyId, MAC, mac);
    }

    /**
     * Why the stored snapshot must not be used, or null when it verifies.
     *
     * @param identifier the identifier of the snapshot message the engine read
     * @param stored     the stored row at that sequence (null: gone)
     * @param chainLink  the chain hash of the stored event at that sequence (null: no such event)
     */
    static String check(IntegrityKeys keys, String identifier, StoredEvent stored, String chainLink) {
        if (stored == null || !stored.eventIdentifier().equals(identifier)) {
            return "the stored snapshot row changed while it was read";
        }
        JsonNode metaData;
        try {
            metaData = stored.metaData() == null ? null : ChainLinks.METADATA_READER.readTree(stored.metaData());
        } catch (IOException e) {
            return "its metadata is not JSON";
        }
        String keyId = text(metaData, KEY);
        String mac = text(metaData, MAC);
        String link = text(metaData, CHAIN_HASH);
        if (keyId == null || mac == null || link == null) {
            return "it carries no keyed binding (written before the keyed chain, or the binding was removed)";
        }
        if (!keys.knows(keyId)) {
            return "its key id " + keyId + " is not configured";
        }
        if (!keys.verifies(keyId, parts(keyId, stored.aggregateIdentifier(), stored.sequenceNumber(), stored.type(),
                stored.payloadType(), stored.payloadRevision(), link, ChainHash.sha256Hex(stored.payload())), mac)) {
            return "its content does not match its MAC (the snapshot was edited)";
        }
        if (!link.equals(chainLink)) {
            return "it was built at a chain hash that is not the stored event's at sequence " + stored.sequenceNumber()
                    + " (events changed, or the snapshot belongs to another history)";
        }
        return null;
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node == null ? null : node.get(key);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    private static List<String> parts(String keyId, String aggregate, long sequence, String type, String payloadType,
            String revision, String link, String payloadSha) {
        return java.util.Arrays.asList(LAYOUT, keyId, aggregate, Long.toString(sequence), type, payloadType, revision,
                link, payloadSha);
    }
}
