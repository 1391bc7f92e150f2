package cn.perfledger.app.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import cn.perfledger.app.eventstore.SnapshotChunks;
import cn.perfledger.app.eventstore.StoredEvent;
import cn.perfledger.app.eventstore.StoredSnapshots;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
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
 *
 * <p>A snapshot is read once: {@link #readStoredSnapshot} hands the message together with its row as stored, for
 * the keyed check of the engine that decorates this one.
 */
public class StrictSnapshotStorageEngine extends JdbcEventStorageEngine implements StoredSnapshots {

    private static final Logger log = LoggerFactory.getLogger(StrictSnapshotStorageEngine.class);

    private final SnapshotChunks chunks;
    private final SnapshotFilter snapshotFilter;

    /**
     * @param chunks         puts a snapshot stored in chunks together again before it is read (the chunks are
     *                       stored by {@code integrity.ChainingEventStorageEngine}, whose MAC covers the row as
     *                       stored)
     * @param snapshotFilter the filter given to {@code builder} (Axon keeps its copy private)
     */
    public StrictSnapshotStorageEngine(JdbcEventStorageEngine.Builder builder, SnapshotChunks chunks,
            SnapshotFilter snapshotFilter) {
        super(builder.snapshotFilter(snapshotFilter));
        this.chunks = chunks;
        this.snapshotFilter = snapshotFilter;
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
        return joined(aggregateIdentifier).map(Joined::entry);
    }

    /** A stored snapshot row and the entry it reads as (its chunks joined). */
    private record Joined(DomainEventData<?> stored, DomainEventData<?> entry) {
    }

    private Stream<Joined> joined(String aggregateIdentifier) {
        return super.readSnapshotData(aggregateIdentifier).<Joined>map(stored -> {
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
                return new Joined(stored, stored);
            }
            return new Joined(stored, new GenericDomainEventEntry<>(stored.getType(), stored.getAggregateIdentifier(),
                    stored.getSequenceNumber(), stored.getEventIdentifier(), stored.getTimestamp(),
                    stored.getPayload().getType().getName(), stored.getPayload().getType().getRevision(), whole,
                    (byte[]) stored.getMetaData().getData()));
        }).filter(Objects::nonNull);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return readStoredSnapshot(aggregateIdentifier).map(StoredSnapshot::message);
    }

    /**
     * What Axon's {@code readSnapshot} does (the first stored snapshot the filter allows, upcast and deserialized),
     * keeping the row it came from; the payload is deserialized at once (see the class comment).
     */
    @Override
    public Optional<StoredSnapshot> readStoredSnapshot(String aggregateIdentifier) {
        return joined(aggregateIdentifier)
                .filter(joined -> snapshotFilter.allow(joined.entry()))
                .flatMap(joined -> EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(joined.entry()),
                        getSnapshotSerializer(), upcasterChain).asStream()
                        .map(message -> new StoredSnapshot(message, row(joined.stored()))))
                .findFirst()
                .map(snapshot -> {
                    snapshot.message().getPayload();
                    return snapshot;
                });
    }

    private static StoredEvent row(DomainEventData<?> stored) {
        return new StoredEvent(-1, stored.getAggregateIdentifier(), stored.getSequenceNumber(), stored.getType(),
                stored.getEventIdentifier(), (byte[]) stored.getMetaData().getData(),
                (byte[]) stored.getPayload().getData(), stored.getPayload().getType().getRevision(),
                stored.getPayload().getType().getName(), DateTimeUtils.formatInstant(stored.getTimestamp()));
    }
}
