package cn.perfledger.app.concurrency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads the raw event store ({@code DomainEventEntry}) with plain SQL and JSON, independently of Axon and of
 * the application's own read paths, to check what the writers' clients were told.
 */
public final class EventStoreAudit {

    /** One stored event: its aggregate sequence number, simple type name and JSON payload. */
    public record StoredEvent(long globalIndex, long sequenceNumber, String type, JsonNode payload) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    public EventStoreAudit(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The aggregate's events in sequence order. */
    public List<StoredEvent> stream(String aggregateId) {
        return jdbc.query("SELECT globalIndex, sequenceNumber, payloadType, payload FROM DomainEventEntry"
                + " WHERE aggregateIdentifier = ? ORDER BY sequenceNumber", (rs, i) -> new StoredEvent(
                        rs.getLong(1), rs.getLong(2), simpleName(rs.getString(3)), parse(rs.getBytes(4))),
                aggregateId);
    }

    /** How often each value of {@code field} occurs among the aggregate's events of type {@code type}. */
    public Map<String, Integer> countBy(String aggregateId, String type, String field) {
        Map<String, Integer> counts = new TreeMap<>();
        for (StoredEvent event : stream(aggregateId)) {
            if (event.type().equals(type)) {
                String value = text(event.payload(), field);
                if (value != null) {
                    counts.merge(value, 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    /**
     * Every aggregate whose sequence numbers are not exactly 0..n−1 (a gap, a duplicate or a wrong start),
     * described as {@code id: count=…, min=…, max=…}; empty when all are dense.
     */
    public List<String> sequenceAnomalies() {
        List<String> anomalies = new ArrayList<>();
        jdbc.query("SELECT aggregateIdentifier, COUNT(*), COUNT(DISTINCT sequenceNumber), MIN(sequenceNumber),"
                + " MAX(sequenceNumber) FROM DomainEventEntry GROUP BY aggregateIdentifier", rs -> {
                    long count = rs.getLong(2);
                    long distinct = rs.getLong(3);
                    long min = rs.getLong(4);
                    long max = rs.getLong(5);
                    if (count != distinct || min != 0 || max != count - 1) {
                        anomalies.add(rs.getString(1) + ": count=" + count + ", distinct=" + distinct + ", min="
                                + min + ", max=" + max);
                    }
                });
        return anomalies;
    }

    /** Number of aggregates in the store. */
    public long aggregates() {
        return jdbc.queryForObject("SELECT COUNT(DISTINCT aggregateIdentifier) FROM DomainEventEntry", Long.class);
    }

    /** Events stored more than once (same event identifier), 0 when none. */
    public long duplicateEventIdentifiers() {
        return jdbc.queryForObject("SELECT COUNT(*) - COUNT(DISTINCT eventIdentifier) FROM DomainEventEntry",
                Long.class);
    }

    public long totalEvents() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
    }

    /** A payload field as text; value types serialized as an object with one member are unwrapped. */
    public static String text(JsonNode payload, String field) {
        JsonNode node = payload.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isObject() && node.size() == 1) {
            node = node.elements().next();
        }
        return node.asText();
    }

    private JsonNode parse(byte[] bytes) {
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String simpleName(String payloadType) {
        int cut = Math.max(payloadType.lastIndexOf('$'), payloadType.lastIndexOf('.'));
        return payloadType.substring(cut + 1);
    }
}
