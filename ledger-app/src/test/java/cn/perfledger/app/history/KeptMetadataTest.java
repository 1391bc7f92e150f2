package cn.perfledger.app.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

/** The metadata a stream read keeps, taken from the chain check's parse, equals what Axon's message gives. */
class KeptMetadataTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<Map<String, String>, Map<String, String>> shared = new HashMap<>();

    @Test
    void keepsTheFoldedKeys_asAxonsMessageWould() throws Exception {
        String stored = """
                {"user":"clerk01","role":"CLERK","client":"web","synthetic":true,"correlationId":"c-1",
                 "traceId":"t","chainHash":"%s","chainPrev":"%s","chainKey":"k1"}""".formatted("a".repeat(64), "b".repeat(64));
        Map<String, String> kept = EventHistory.keptMetadata(JSON.readTree(stored), shared);

        Map<String, Object> axon = JSON.readValue(stored, Map.class);
        GenericDomainEventMessage<String> message = new GenericDomainEventMessage<>("t", "a", 0, "p",
                MetaData.from(axon));
        assertThat(kept).isEqualTo(Map.of("user", "clerk01", "role", "CLERK", "client", "web", "synthetic", "true",
                "correlationId", "c-1")).isEqualTo(EventHistory.stringMetadata(message, shared));
    }

    @Test
    void equalMapsAreShared() throws Exception {
        JsonNode one = JSON.readTree("{\"user\":\"u\",\"traceId\":\"1\"}");
        JsonNode two = JSON.readTree("{\"user\":\"u\",\"traceId\":\"2\"}");
        assertThat(EventHistory.keptMetadata(one, shared)).isSameAs(EventHistory.keptMetadata(two, shared));
    }

    @Test
    void anythingElseIsLeftToAxon() throws Exception {
        assertThat(EventHistory.keptMetadata(null, shared)).isNull();
        assertThat(EventHistory.keptMetadata(JSON.readTree("{\"user\":{\"name\":\"u\"}}"), shared)).isNull();
        assertThat(EventHistory.keptMetadata(JSON.readTree("{\"synthetic\":1}"), shared)).isNull();
        assertThat(EventHistory.keptMetadata(JSON.readTree("{\"other\":1}"), shared)).isEqualTo(Map.of());
    }
}
