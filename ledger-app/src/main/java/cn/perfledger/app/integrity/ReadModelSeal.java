package cn.perfledger.app.integrity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Keyed MACs of read-model rows, so that a row edited in the database is never served: {@code row_mac = keyId ":"
 * hex HMAC-SHA256(key, length-prefixed [layout, keyId, table, column values…])}, with each table's columns in a
 * fixed order (see the callers) and JSON documents entered as their SHA-256. A row without a MAC, under an
 * unknown key, or whose MAC does not match is answered from a replay of the events instead (and the answer says
 * so: {@link IntegrityReport.BreakKind#READ_MODEL_ALTERED}).
 */
@Component
public class ReadModelSeal {

    static final String LAYOUT = "perfledger-read-model-v1";

    private final IntegrityKeys keys;

    public ReadModelSeal(IntegrityKeys keys) {
        this.keys = keys;
    }

    /** The MAC to store with a row of {@code table} whose columns are {@code values} (nulls allowed). */
    public String seal(String table, Object... values) {
        String keyId = keys.currentId();
        return keyId + ":" + keys.mac(keyId, parts(keyId, table, values));
    }

    /** True when {@code stored} is the row's MAC under a configured key. */
    public boolean verifies(String stored, String table, Object... values) {
        int colon = stored == null ? -1 : stored.indexOf(':');
        if (colon <= 0) {
            return false;
        }
        String keyId = stored.substring(0, colon);
        return keys.verifies(keyId, parts(keyId, table, values), stored.substring(colon + 1));
    }

    /** A JSON document column enters the MAC as its SHA-256. */
    public static String document(String json) {
        return json == null ? null : ChainHash.sha256Hex(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static List<String> parts(String keyId, String table, Object... values) {
        List<String> parts = new ArrayList<>(values.length + 3);
        parts.addAll(Arrays.asList(LAYOUT, keyId, table));
        for (Object value : values) {
            parts.add(value == null ? null : value.toString());
        }
        return parts;
    }
}
