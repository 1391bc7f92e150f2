package cn.perfledger.app.history;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.app.json.LedgerJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The metadata a stream read keeps, taken from the chain check's parse, equals what Axon's message gives: the
 * kept keys' values as {@code Objects.toString} of the ledger mapper's untyped read (which is how Axon's Jackson
 * serializer reads {@code MetaData}).
 */
class KeptMetadataTest {

    /** How the chain check parses a row's metadata. */
    private static final ObjectMapper CHAIN = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    /** How Axon's serializer reads it. */
    private static final ObjectMapper AXON = LedgerJson.newObjectMapper();
    private final Map<Map<String, String>, Map<String, String>> shared = new HashMap<>();

    @Test
    void keepsTheFoldedKeys() throws Exception {
        String stored = """
                {"user":"clerk01","role":"CLERK","client":"web","synthetic":true,"correlationId":"c-1",
                 "traceId":"t","chainHash":"%s","chainPrev":"%s","chainKey":"k1"}""".formatted("a".repeat(64), "b".repeat(64));
        assertThat(EventHistory.keptMetadata(CHAIN.readTree(stored), shared)).isEqualTo(Map.of("user", "clerk01",
                "role", "CLERK", "client", "web", "synthetic", "true", "correlationId", "c-1"))
                .isEqualTo(axon(stored));
    }

    /** Values no writer of this ledger stores, but a row may hold: the same text as through Axon, one function. */
    @ParameterizedTest
    @ValueSource(strings = {
            "{\"synthetic\":1}",
            "{\"synthetic\":false,\"user\":12345678901234}",
            "{\"user\":1.5,\"role\":-0.001,\"client\":1e300}",
            "{\"user\":123456789012345678901234567890}",
            "{\"user\":null}",
            "{\"user\":{\"name\":\"u\",\"n\":[1,2.25,{\"x\":null}]},\"role\":[]}",
            "{\"client\":{},\"correlationId\":[\"a\",true]}",
            "{\"other\":1}"})
    void everyJsonValue_readsAsAxonWould(String stored) throws Exception {
        assertThat(EventHistory.keptMetadata(CHAIN.readTree(stored), shared)).isEqualTo(axon(stored));
    }

    @Test
    void equalMapsAreShared() throws Exception {
        JsonNode one = CHAIN.readTree("{\"user\":\"u\",\"traceId\":\"1\"}");
        JsonNode two = CHAIN.readTree("{\"user\":\"u\",\"traceId\":\"2\"}");
        assertThat(EventHistory.keptMetadata(one, shared)).isSameAs(EventHistory.keptMetadata(two, shared));
    }

    @Test
    void metadataThatIsNoObject_keepsNothing() throws Exception {
        assertThat(EventHistory.keptMetadata(null, shared)).isEqualTo(Map.of());
        assertThat(EventHistory.keptMetadata(CHAIN.readTree("[1]"), shared)).isEqualTo(Map.of());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> axon(String stored) throws Exception {
        Map<String, Object> read = AXON.readValue(stored, Map.class);
        Map<String, String> kept = new TreeMap<>();
        for (String key : new String[] {"client", "user", "role", "synthetic", "correlationId"}) {
            if (read.containsKey(key)) {
                kept.put(key, Objects.toString(read.get(key)));
            }
        }
        return kept;
    }
}
