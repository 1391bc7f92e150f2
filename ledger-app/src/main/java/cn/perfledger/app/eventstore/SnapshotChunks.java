package cn.perfledger.app.eventstore;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
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
    /** Tokens are copied as read: numbers keep their text, nothing is parsed into values. */
    private static final JsonFactory JSON = new JsonFactory();

    private final EventTable events;
    /** The path (field names from the root) of the chunk list, by snapshot payload type (class name). */
    private final Map<String, List<String>> chunkLists;

    /**
     * @param chunkLists the path of the chunk list (field names from the root: {@code voucherBook, chunks}) by
     *                   snapshot payload class
     */
    public SnapshotChunks(EventTable events, Map<Class<?>, List<String>> chunkLists) {
        this.events = events;
        this.chunkLists = chunkLists.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(e -> e.getKey().getName(), e -> List.copyOf(e.getValue())));
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
     * snapshot's transaction, so chunks and row commit together. Streams the JSON (one chunk in memory at a time), so
     * a year of 1,000,000 vouchers is never held as a tree.
     */
    public byte[] split(String aggregate, String payloadType, byte[] payload) {
        List<String> path = chunkLists.get(payloadType);
        if (path == null) {
            return payload;
        }
        Map<Integer, String> stored = events.snapshotChunkHashes(aggregate);
        return rewrite(payload, path, (parser, out) -> {
            int number = 0;
            byte[] pending = null;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (pending != null) {
                    out.writeString(store(aggregate, number++, pending, stored));
                }
                pending = structure(parser);
            }
            if (pending != null) {
                out.writeRawValue(new String(pending, StandardCharsets.UTF_8)); // the open chunk stays in the row
            }
        });
    }

    private String store(String aggregate, int number, byte[] chunk, Map<Integer, String> stored) {
        String hash = sha256Hex(chunk);
        String before = stored.get(number);
        if (before == null) {
            events.insertSnapshotChunk(aggregate, number, hash, chunk);
        } else if (!before.equals(hash)) {
            // the store once had another history under this id (restored, rebuilt): this history's chunk wins
            events.updateSnapshotChunk(aggregate, number, hash, chunk);
        }
        return hash;
    }

    /**
     * The whole snapshot payload again from its stored row and its chunks.
     *
     * @throws Unusable when a chunk it names is missing or does not hash to its name
     */
    public byte[] join(String aggregate, String payloadType, byte[] stored) {
        List<String> path = chunkLists.get(payloadType);
        if (path == null) {
            return stored;
        }
        // read only when the row names a chunk (a year of fewer than 2,048 vouchers has none)
        Map<Integer, byte[]> rows = new HashMap<>();
        boolean[] loaded = {false};
        return rewrite(stored, path, (parser, out) -> {
            int number = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (parser.currentToken() != JsonToken.VALUE_STRING) {
                    out.copyCurrentStructureExact(parser); // the open chunk
                } else {
                    if (!loaded[0]) {
                        rows.putAll(events.snapshotChunks(aggregate));
                        loaded[0] = true;
                    }
                    byte[] chunk = rows.get(number);
                    if (chunk == null) {
                        throw new Unusable("its chunk " + number + " is missing from snapshot_chunk");
                    }
                    if (!sha256Hex(chunk).equals(parser.getText())) {
                        throw new Unusable("its chunk " + number + " does not hash to the SHA-256 the snapshot names"
                                + " (edited)");
                    }
                    out.writeRawValue(new String(chunk, StandardCharsets.UTF_8));
                }
                number++;
            }
        });
    }

    /** What is done with the elements of the chunk list: the parser stands on its START_ARRAY. */
    private interface Elements {
        void rewrite(JsonParser parser, JsonGenerator out) throws IOException;
    }

    /** A copy of the JSON with the array at {@code path} (field names from the root) rewritten by {@code elements}. */
    private byte[] rewrite(byte[] payload, List<String> path, Elements elements) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(payload.length);
        try (JsonParser parser = JSON.createParser(payload); JsonGenerator out = JSON.createGenerator(bytes)) {
            parser.nextToken();
            copy(parser, out, path, elements);
        } catch (IOException e) {
            throw new Unusable("it is not JSON: " + e.getMessage());
        }
        return bytes.toByteArray();
    }

    private static void copy(JsonParser parser, JsonGenerator out, List<String> path, Elements elements)
            throws IOException {
        if (path.isEmpty()) {
            if (parser.currentToken() == JsonToken.START_ARRAY) {
                out.writeStartArray();
                elements.rewrite(parser, out);
                out.writeEndArray();
            } else {
                out.copyCurrentStructureExact(parser);
            }
            return;
        }
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            out.copyCurrentStructureExact(parser);
            return;
        }
        out.writeStartObject();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            out.writeFieldName(name);
            parser.nextToken();
            if (name.equals(path.get(0))) {
                copy(parser, out, path.subList(1, path.size()), elements);
            } else {
                out.copyCurrentStructureExact(parser);
            }
        }
        out.writeEndObject();
    }

    /** The JSON of the structure the parser stands on, as written by the snapshot serializer. */
    private static byte[] structure(JsonParser parser) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128 * 1024);
        try (JsonGenerator out = JSON.createGenerator(bytes)) {
            out.copyCurrentStructureExact(parser);
        }
        return bytes.toByteArray();
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
