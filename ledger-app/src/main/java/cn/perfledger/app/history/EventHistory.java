package cn.perfledger.app.history;

import cn.perfledger.domain.common.LedgerEvent;
import cn.perfledger.domain.common.RubricVersionId;
import cn.perfledger.projections.basis.RecordedEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The events of each aggregate stream as {@link RecordedEvent}s (payload deserialized and upcast exactly as
 * Axon does when it loads an aggregate), kept in memory and topped up with what was appended since the last
 * read. Every as-of query folds these: reading 100,000 events once costs about a second, reading the tail
 * afterwards costs one indexed query.
 *
 * <p>Streams are append-only and a sequence number is never reused, so a cached prefix never goes stale;
 * a new read asks only for {@code sequenceNumber > last}.
 */
@Service
public class EventHistory {

    private static final java.util.Set<String> KEPT_METADATA = java.util.Set.of("client", "user", "role", "synthetic",
            "correlationId");
    private static final String COLUMNS = "globalIndex, type, aggregateIdentifier, sequenceNumber, eventIdentifier,"
            + " timeStamp, payloadType, payloadRevision, payload, metaData";

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final EventUpcaster upcaster;
    private final Map<String, CachedStream> streams = new ConcurrentHashMap<>();

    public EventHistory(JdbcTemplate jdbc, org.axonframework.config.Configuration axon) {
        this.jdbc = jdbc;
        this.serializer = axon.eventSerializer();
        EventUpcaster chain = axon.upcasterChain();
        this.upcaster = chain == null ? NoOpEventUpcaster.INSTANCE : chain;
    }

    /** The rubric version's events (its publication and retirement). */
    public List<RecordedEvent> rubric(RubricVersionId rubricVersionId) {
        return stream(rubricVersionId.toString());
    }

    /**
     * One aggregate stream, topped up from the store. The returned list is an immutable snapshot shared by all
     * readers until the stream grows (copy-on-append), so a read costs one indexed query and no copying.
     */
    public List<RecordedEvent> stream(String aggregateId) {
        CachedStream stream = streams.computeIfAbsent(aggregateId, id -> new CachedStream());
        synchronized (stream) {
            List<RecordedEvent> fresh = readAfter(aggregateId, stream.lastSequence);
            if (!fresh.isEmpty()) {
                List<RecordedEvent> grown = new ArrayList<>(stream.events.size() + fresh.size());
                grown.addAll(stream.events);
                grown.addAll(fresh);
                stream.events = Collections.unmodifiableList(grown);
                stream.lastSequence = fresh.get(fresh.size() - 1).sequenceNumber();
            }
            return stream.events;
        }
    }

    /** Forgets what was read (tests that change the store underneath, e.g. tamper checks). */
    public void clear() {
        streams.clear();
    }

    private List<RecordedEvent> readAfter(String aggregateId, long lastSequence) {
        List<Long> globalIndexes = new ArrayList<>();
        List<GenericDomainEventEntry<byte[]>> entries = new ArrayList<>();
        jdbc.query(con -> {
            var statement = con.prepareStatement("SELECT " + COLUMNS + " FROM DomainEventEntry"
                    + " WHERE aggregateIdentifier = ? AND sequenceNumber > ? ORDER BY sequenceNumber");
            statement.setFetchSize(1000);
            statement.setString(1, aggregateId);
            statement.setLong(2, lastSequence);
            return statement;
        }, rs -> {
            globalIndexes.add(rs.getLong("globalIndex"));
            entries.add(new GenericDomainEventEntry<>(rs.getString("type"), rs.getString("aggregateIdentifier"),
                    rs.getLong("sequenceNumber"), rs.getString("eventIdentifier"), rs.getString("timeStamp"),
                    rs.getString("payloadType"), rs.getString("payloadRevision"), rs.getBytes("payload"),
                    rs.getBytes("metaData")));
        });
        if (entries.isEmpty()) {
            return List.of();
        }
        Map<String, Long> globalIndexById = new java.util.HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            globalIndexById.put(entries.get(i).getEventIdentifier(), globalIndexes.get(i));
        }
        DomainEventStream messages = EventStreamUtils.upcastAndDeserializeDomainEvents(entries.stream(), serializer,
                upcaster);
        List<RecordedEvent> result = new ArrayList<>(entries.size());
        Map<Map<String, String>, Map<String, String>> sharedMetadata = new java.util.HashMap<>();
        while (messages.hasNext()) {
            DomainEventMessage<?> message = messages.next();
            Object payload = message.getPayload();
            result.add(new RecordedEvent(globalIndexById.get(message.getIdentifier()), aggregateId,
                    message.getSequenceNumber(), message.getIdentifier(), message.getTimestamp(),
                    effectiveDate(payload, message.getTimestamp()), payload, stringMetadata(message, sharedMetadata)));
        }
        return result;
    }

    /**
     * The metadata folds and reports read (who, role, channel, synthetic flag, correlation); Axon's per-message
     * trace and causation ids and the integrity chain stay in the store. Equal maps are shared: the events of one
     * command or import carry the same metadata, and a 100,000-event year must not hold 100,000 copies of it.
     */
    private static Map<String, String> stringMetadata(DomainEventMessage<?> message, Map<Map<String, String>, Map<String, String>> shared) {
        Map<String, String> metadata = new java.util.TreeMap<>();
        message.getMetaData().forEach((key, value) -> {
            if (KEPT_METADATA.contains(key)) {
                metadata.put(key, Objects.toString(value));
            }
        });
        return shared.computeIfAbsent(metadata, m -> Map.copyOf(m));
    }

    /**
     * Every ledger event carries {@code effectiveDate()}; a payload without one (none today) counts as effective
     * on the day it was recorded, in UTC.
     */
    static LocalDate effectiveDate(Object payload, Instant recordedAt) {
        return payload instanceof LedgerEvent event ? event.effectiveDate()
                : LocalDate.ofInstant(recordedAt, ZoneOffset.UTC);
    }

    private static final class CachedStream {
        private List<RecordedEvent> events = List.of();
        private long lastSequence = -1;
    }

}
