package cn.perfledger.app.query;

import cn.perfledger.app.json.LedgerJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one serialization digests are taken of: the ledger's JSON conventions with map keys sorted, so the bytes
 * depend only on the content (records serialize their components in declaration order).
 */
public final class CanonicalJson {

    private static final ObjectMapper MAPPER = LedgerJson.newObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private CanonicalJson() {
    }

    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    /** Lower-case hex SHA-256 of the canonical JSON. */
    public static String sha256(Object value) {
        return sha256(bytes(value));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    static String utf8(Object value) {
        return new String(bytes(value), StandardCharsets.UTF_8);
    }
}
