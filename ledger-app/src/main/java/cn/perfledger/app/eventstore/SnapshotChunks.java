package cn.perfledger.app.eventstore;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The stored form of a snapshot whose state holds a long list that only grows at its end, every element but the
 * last immutable (the budget ledger's voucher chunks, {@code voucherBook.chunks}). Stored whole, such a snapshot
 * grows with the year and is rewritten whole every {@code ledger.snapshot-threshold} events (12 MiB at 100,000
 * vouchers, most of the H2 file). So each element but the last is stored once, in {@code snapshot_chunk} under
 * (aggregate, its index), and the snapshot row holds, in its place, the hex SHA-256 of the element's JSON; the
 * last (open) element stays in the row.
 *
 * <p><b>Trust.</b> The snapshot's keyed MAC ({@code integrity.SnapshotBinding}) is computed over the row as stored,
 * hashes included, so it covers every chunk through its hash. On read ({@link #join}) each named chunk must be
 * present and hash to its name; otherwise the snapshot is unusable ({@link Unusable}) and is discarded like an
 * edited one: the aggregate is rebuilt from its events. A chunk row is written only when the stored hash under its
 * index is not the new one ({@link #split}): a later snapshot of the same history rewrites no full chunk.
 */
public final class SnapshotChunks {

    /** No chunked state: every snapshot is stored whole. */
    public static final SnapshotChunks NONE = new SnapshotChunks(null, Map.of());

    private static final HexFormat HEX = HexFormat.of();

    private final EventTable events;
    /** The JSON pointer of the chunk list, by snapshot payload type (class name). */
    private final Map<String, String> chunkLists;
    /** Exact numbers: a tree of the snapshot must write back what it read. */
    private final ObjectMapper json = new ObjectMapper()
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /**
     * @param chunkLists the JSON pointer of the chunk list ({@code /voucherBook/chunks}) by snapshot payload class
     */
    public SnapshotChunks(EventTable events, Map<Class<?>, String> chunkLists) {
        this.events = events;
        this.chunkLists = chunkLists.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(e -> e.getKey().getName(), Map.Entry::getValue));
    }

    /** Why a stored snapshot cannot be put together again: a chunk it names is missing or edited. */
    public static final class Unusable extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Unusable(String message) {
            super(message);
        }
    }

    /**
     * The bytes to store for a snapshot about to be written: its full chunks stored (those not already stored under
     * the same hash) and named by their hashes; the payload unchanged when its type has no chunk list. Runs in the
     * snapshot's transaction, so chunks and row commit together.
     */
    public byte[] split(String aggregate, String payloadType, byte[] payload) {
        String pointer = chunkLists.get(payloadType);
        if (pointer == null) {
            return payload;
        }
        JsonNode tree = read(payload);
        if (!(tree.at(pointer) instanceof ArrayNode chunks) || chunks.size() < 2) {
            return payload;
        }
        Map<Integer, String> stored = events.snapshotChunkHashes(aggregate);
        for (int i = 0; i < chunks.size() - 1; i++) {
            byte[] chunk = write(chunks.get(i));
            String hash = sha256Hex(chunk);
            String before = stored.get(i);
            if (before == null) {
                events.insertSnapshotChunk(aggregate, i, hash, chunk);
            } else if (!before.equals(hash)) {
                // another history once had this aggregate id (a restored or rebuilt store): this one's chunk wins
                events.updateSnapshotChunk(aggregate, i, hash, chunk);
            }
            chunks.set(i, TextNode.valueOf(hash));
        }
        return write(tree);
    }

    /**
     * The whole snapshot payload again from its stored row and its chunks.
     *
     * @throws Unusable when a chunk it names is missing or does not hash to its name
     */
    public byte[] join(String aggregate, String payloadType, byte[] stored) {
        String pointer = chunkLists.get(payloadType);
        if (pointer == null) {
            return stored;
        }
        JsonNode tree = read(stored);
        if (!(tree.at(pointer) instanceof ArrayNode chunks) || chunks.size() < 2 || !chunks.get(0).isTextual()) {
            return stored;
        }
        Map<Integer, byte[]> rows = events.snapshotChunks(aggregate);
        for (int i = 0; i < chunks.size(); i++) {
            if (!chunks.get(i).isTextual()) {
                continue;
            }
            String hash = chunks.get(i).textValue();
            byte[] chunk = rows.get(i);
            if (chunk == null) {
                throw new Unusable("its chunk " + i + " is missing from snapshot_chunk");
            }
            if (!sha256Hex(chunk).equals(hash)) {
                throw new Unusable("its chunk " + i + " does not hash to the SHA-256 the snapshot names (edited)");
            }
            chunks.set(i, read(chunk));
        }
        return write(tree);
    }

    private JsonNode read(byte[] bytes) {
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            throw new Unusable("it is not JSON: " + e.getMessage());
        }
    }

    private byte[] write(JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
