package cn.perfledger.app.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The hash chain's definition: which bytes are hashed, in which order. Everything here is pure and documented so
 * that an auditor holding the key can recompute a chain from a database dump without this application.
 *
 * <h2>Keyed chain hash of one event (layout {@value #VERSION_KEYED}, every event written since the keyed chain)</h2>
 * {@code chainHash = lowercase hex HMAC-SHA256(key[chainKey], …)} over the length-prefixed fields (below) of layout
 * {@value #VERSION} with two changes: the first field is the tag {@value #VERSION_KEYED}, and the key id
 * ({@code chainKey} in the metadata) follows it as the second field, so twelve fields in all. The key is held
 * outside the database ({@link IntegrityKeys}); without it a chain hash cannot be recomputed, so a payload changed
 * and "re-hashed" from this layout does not verify.
 *
 * <h2>Unkeyed chain hash (layout {@value #VERSION}, events written before the keyed chain: legacy)</h2>
 * {@code chainHash = lowercase hex SHA-256} of the concatenation of these eleven fields, each written as a 4-byte
 * big-endian length followed by that many bytes of UTF-8 ({@code null} is written as length {@code 0xFFFFFFFF}
 * with no bytes):
 * <ol>
 *   <li>the layout tag {@value #VERSION};</li>
 *   <li>{@code chainPrev}: the {@code chainHash} of the previous event of the same aggregate (sequence n−1), or
 *       {@link #GENESIS} (64 zeros) for sequence 0;</li>
 *   <li>{@code eventIdentifier};</li>
 *   <li>{@code aggregateIdentifier};</li>
 *   <li>{@code sequenceNumber} in decimal;</li>
 *   <li>{@code type} (the aggregate type column, may be null);</li>
 *   <li>{@code payloadType};</li>
 *   <li>{@code payloadRevision} (may be null);</li>
 *   <li>{@code timeStamp} exactly as stored (Axon's ISO-8601 UTC form with milliseconds,
 *       {@code 2021-03-01T08:00:00.123Z});</li>
 *   <li>hex SHA-256 of the {@code payload} bytes exactly as stored (the event serializer's JSON);</li>
 *   <li>hex SHA-256 of the canonical metadata: the stored metadata without {@code chainPrev} and
 *       {@code chainHash}, as canonical JSON (below).</li>
 * </ol>
 * The store's global index is not part of the hash (the database assigns it on insert); its order within a stream
 * is checked separately.
 *
 * <h2>Canonical JSON</h2>
 * Objects with members sorted by key (Java {@link String#compareTo}, i.e. UTF-16 code units), no whitespace;
 * strings in double quotes with only {@code "}, {@code \} and control characters below U+0020 escaped
 * ({@code \"}, {@code \\}, <code>&#92;u00XX</code> in lowercase hex), everything else as literal UTF-8; integers in
 * decimal; other numbers as their plain decimal form without trailing zeros ({@code 1.50} → {@code 1.5});
 * {@code true}, {@code false}, {@code null}; arrays in order.
 *
 * <h2>Events stored before the chain</h2>
 * An event without chain keys is "unchained". When a chained event follows an unchained one, its
 * {@code chainPrev} is the unchained event's <em>anchor</em>: the hash above computed over the unchained event's
 * stored fields with {@code chainPrev} = {@link #GENESIS}.
 */
public final class ChainHash {

    /** Metadata key: the chain hash of the previous event of the same aggregate. */
    public static final String CHAIN_PREV = "chainPrev";
    /** Metadata key: this event's chain hash. */
    public static final String CHAIN_HASH = "chainHash";
    /** Metadata key: the id of the HMAC key of this event's chain hash (absent on legacy unkeyed events). */
    public static final String CHAIN_KEY = "chainKey";
    /** The layout tag of unkeyed (legacy) chain hashes. */
    public static final String VERSION = "perfledger-chain-v1";
    /** The layout tag of keyed chain hashes. */
    public static final String VERSION_KEYED = "perfledger-chain-v2";
    static final Set<String> CHAIN_KEYS = Set.of(CHAIN_PREV, CHAIN_HASH, CHAIN_KEY);
    private static final HexFormat HEX = HexFormat.of();
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(ChainHash::newDigest);

    /** {@code chainPrev} of sequence 0. */
    public static final String GENESIS = "0".repeat(64);
    /**
     * {@code chainPrev} written when the previous event of the aggregate could not be found at append time (it was
     * deleted from the store): verification reports the gap in front of such an event.
     */
    public static final String MISSING_PREDECESSOR = sha256Hex((VERSION + "/missing-predecessor")
            .getBytes(StandardCharsets.UTF_8));


    private ChainHash() {
    }

    /** The stored columns of one event that enter its chain hash (besides payload and metadata). */
    public record EventFields(String eventIdentifier, String aggregateIdentifier, long sequenceNumber, String type,
            String payloadType, String payloadRevision, String timestamp) {
    }

    /**
     * The chain hash of one event.
     *
     * @param chainPrev      the previous link ({@link #GENESIS} for sequence 0)
     * @param fields         the stored columns
     * @param payloadSha256  hex SHA-256 of the stored payload bytes
     * @param metadataSha256 hex SHA-256 of the canonical metadata without the chain keys
     */
    public static String eventHash(String chainPrev, EventFields fields, String payloadSha256,
            String metadataSha256) {
        List<String> parts = new ArrayList<>(11);
        parts.add(VERSION);
        parts.add(chainPrev);
        parts.add(fields.eventIdentifier());
        parts.add(fields.aggregateIdentifier());
        parts.add(Long.toString(fields.sequenceNumber()));
        parts.add(fields.type());
        parts.add(fields.payloadType());
        parts.add(fields.payloadRevision());
        parts.add(fields.timestamp());
        parts.add(payloadSha256);
        parts.add(metadataSha256);
        return sha256Hex(lengthPrefixed(parts));
    }

    /**
     * The keyed chain hash of one event (layout {@value #VERSION_KEYED}); null when {@code keyId} is not a
     * configured key.
     */
    public static String keyedEventHash(IntegrityKeys keys, String keyId, String chainPrev, EventFields fields,
            String payloadSha256, String metadataSha256) {
        List<String> parts = new ArrayList<>(12);
        parts.add(VERSION_KEYED);
        parts.add(keyId);
        parts.add(chainPrev);
        parts.add(fields.eventIdentifier());
        parts.add(fields.aggregateIdentifier());
        parts.add(Long.toString(fields.sequenceNumber()));
        parts.add(fields.type());
        parts.add(fields.payloadType());
        parts.add(fields.payloadRevision());
        parts.add(fields.timestamp());
        parts.add(payloadSha256);
        parts.add(metadataSha256);
        return keys.mac(keyId, parts);
    }

    /** Each part as a 4-byte big-endian length and its UTF-8 bytes; null as length -1 and no bytes. */
    public static byte[] lengthPrefixed(List<String> parts) {
        List<byte[]> encoded = new ArrayList<>(parts.size());
        int size = 0;
        for (String part : parts) {
            byte[] bytes = part == null ? null : part.getBytes(StandardCharsets.UTF_8);
            encoded.add(bytes);
            size += 4 + (bytes == null ? 0 : bytes.length);
        }
        ByteBuffer buffer = ByteBuffer.allocate(size);
        for (byte[] bytes : encoded) {
            if (bytes == null) {
                buffer.putInt(-1);
            } else {
                buffer.putInt(bytes.length);
                buffer.put(bytes);
            }
        }
        return buffer.array();
    }

    /** Lowercase hex SHA-256. */
    public static String sha256Hex(byte[] bytes) {
        MessageDigest digest = SHA_256.get();
        digest.reset();
        return HEX.formatHex(digest.digest(bytes == null ? new byte[0] : bytes));
    }

    /** True for a well-formed link value (64 lowercase hex digits). */
    public static boolean isLink(String value) {
        // a loop, not a regular expression: every row read checks two links (3 % of a cold read's samples)
        if (value == null || value.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Canonical JSON of metadata given as Java values, without the chain keys; null when a value is of a type whose
     * JSON form only the serializer knows (the caller then round-trips the metadata through the serializer and uses
     * {@link #canonicalMetadata(JsonNode)}).
     */
    static String canonicalMetadata(Map<String, ?> metaData) {
        StringBuilder out = new StringBuilder(256);
        return writeJavaObject(metaData, out, true) ? out.toString() : null;
    }

    /** Canonical JSON of stored metadata (a JSON object, or null for none), without the chain keys. */
    public static String canonicalMetadata(JsonNode metaData) {
        StringBuilder out = new StringBuilder(256);
        if (metaData == null || metaData.isNull() || metaData.isMissingNode()) {
            return "{}";
        }
        writeNode(metaData, out, true);
        return out.toString();
    }

    /** Canonical JSON of any JSON tree (used for digests). */
    public static String canonicalJson(JsonNode node) {
        StringBuilder out = new StringBuilder(256);
        writeNode(node, out, false);
        return out.toString();
    }

    private static boolean writeJavaObject(Map<String, ?> map, StringBuilder out, boolean skipChainKeys) {
        List<String> keys = new ArrayList<>(map.keySet());
        keys.sort(null);
        out.append('{');
        boolean first = true;
        for (String key : keys) {
            if (skipChainKeys && CHAIN_KEYS.contains(key)) {
                continue;
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            writeString(key, out);
            out.append(':');
            if (!writeJavaValue(map.get(key), out)) {
                return false;
            }
        }
        out.append('}');
        return true;
    }

    @SuppressWarnings("unchecked")
    private static boolean writeJavaValue(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            writeString(s, out);
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map && map.keySet().stream().allMatch(String.class::isInstance)) {
            return writeJavaObject((Map<String, ?>) map, out, false);
        } else if (value instanceof Collection<?> collection) {
            out.append('[');
            boolean first = true;
            for (Object element : collection) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                if (!writeJavaValue(element, out)) {
                    return false;
                }
            }
            out.append(']');
        } else {
            // floating numbers, dates, enums, …: their JSON form is the serializer's business
            return false;
        }
        return true;
    }

    private static void writeNode(JsonNode node, StringBuilder out, boolean skipChainKeys) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else if (node.isObject()) {
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            keys.sort(null);
            out.append('{');
            boolean first = true;
            for (String key : keys) {
                if (skipChainKeys && CHAIN_KEYS.contains(key)) {
                    continue;
                }
                if (!first) {
                    out.append(',');
                }
                first = false;
                writeString(key, out);
                out.append(':');
                writeNode(node.get(key), out, false);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            Iterator<JsonNode> elements = node.elements();
            boolean first = true;
            while (elements.hasNext()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                writeNode(elements.next(), out, false);
            }
            out.append(']');
        } else if (node.isTextual()) {
            writeString(node.textValue(), out);
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else if (node.isIntegralNumber()) {
            out.append(node.bigIntegerValue());
        } else if (node.isNumber()) {
            BigDecimal decimal = node.decimalValue().stripTrailingZeros();
            out.append(decimal.signum() == 0 ? "0" : decimal.toPlainString());
        } else if (node.isBinary()) {
            writeString(node.asText(), out);
        } else {
            writeString(node.asText(), out);
        }
    }

    private static void writeString(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
