package cn.perfledger.app.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import cn.perfledger.app.eventstore.SnapshotChunks;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Axon's JDBC storage engine, reading snapshots strictly.
 *
 * <p>Events are read leniently (an older reader may meet a newer event and ignore what it does not know), but a
 * snapshot is a copy of exactly one state class at one revision, and it decides commands. A property the class
 * does not have means the snapshot was written by another shape of the class (a field renamed without bumping
 * the aggregate's {@code @Revision}); read leniently, the renamed field would silently start from zero. So the
 * snapshot serializer ({@link #strictSerializer}) refuses unknown properties, missing primitives and trailing
 * content, and {@link #readSnapshot} deserializes the payload at once: Axon deserializes lazily, so a refusal
 * would otherwise surface later, as a failed command, instead of inside {@code readSnapshot}, where Axon's event
 * store catches it, logs it and rebuilds the aggregate from its events.
 */
public class StrictSnapshotStorageEngine extends JdbcEventStorageEngine {

    private static final Logger log = LoggerFactory.getLogger(StrictSnapshotStorageEngine.class);

    private final SnapshotChunks chunks;

    /**
     * @param chunks puts a snapshot stored in chunks together again before it is read (the chunks are stored by
     *               {@code integrity.ChainingEventStorageEngine}, whose MAC covers the row as stored)
     */
    public StrictSnapshotStorageEngine(JdbcEventStorageEngine.Builder builder, SnapshotChunks chunks) {
        super(builder);
        this.chunks = chunks;
    }

    /** A Jackson serializer over a strict copy of {@code mapper} (the mapper itself is left as it is). */
    public static Serializer strictSerializer(ObjectMapper mapper, RevisionResolver revisionResolver) {
        ObjectMapper strict = mapper.copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        return JacksonSerializer.builder()
                .objectMapper(strict)
                .revisionResolver(revisionResolver)
                .converter(new ChainingConverter(StrictSnapshotStorageEngine.class.getClassLoader()))
                .build();
    }

    /**
     * The stored snapshots with their chunks put back; one whose chunks are missing or edited is left out
     * (logged), so the aggregate is rebuilt from its events, as for an edited snapshot.
     */
    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return super.readSnapshotData(aggregateIdentifier).<DomainEventData<?>>map(stored -> {
            byte[] payload = (byte[]) stored.getPayload().getData();
            byte[] whole;
            try {
                whole = chunks.join(aggregateIdentifier, stored.getPayload().getType().getName(), payload);
            } catch (SnapshotChunks.Unusable e) {
                log.warn("Snapshot of {} at sequence {} DISCARDED, the aggregate is rebuilt from its events: {}",
                        aggregateIdentifier, stored.getSequenceNumber(), e.getMessage());
                return null;
            }
            if (whole == payload) {
                return stored;
            }
            return new GenericDomainEventEntry<>(stored.getType(), stored.getAggregateIdentifier(),
                    stored.getSequenceNumber(), stored.getEventIdentifier(), stored.getTimestamp(),
                    stored.getPayload().getType().getName(), stored.getPayload().getType().getRevision(), whole,
                    (byte[]) stored.getMetaData().getData());
        }).filter(Objects::nonNull);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        Optional<DomainEventMessage<?>> snapshot = super.readSnapshot(aggregateIdentifier);
        snapshot.ifPresent(DomainEventMessage::getPayload);
        return snapshot;
    }
}
