package cn.perfledger.app.integrity;

import cn.perfledger.app.eventstore.SnapshotChunks;
import cn.perfledger.app.eventstore.StoredSnapshots;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wraps the event store's {@link EventStorageEngine} and writes the hash chain ({@link ChainHash}) into the
 * metadata of every event it appends: {@code chainPrev}, {@code chainHash} (an HMAC under the current key) and
 * {@code chainKey} (that key's id), and moves the stream's keyed head ({@link StreamHeads}) in the same
 * transaction. Snapshots are bound to the chain on the way in and checked on the way out ({@link SnapshotBinding}).
 *
 * <p><b>Why here.</b> Every event reaches the database through {@link #appendEvents(List)} of the one storage
 * engine, whichever command, aggregate, import or direct {@code EventBus.publish} produced it, and after every
 * dispatch interceptor has run: nothing can change an event between its hashing and its insert. The payload is
 * serialized once, with the store's own event serializer, and the stored message hands exactly those bytes to the
 * engine, so the payload hash is the hash of the stored bytes. The timestamp is formatted with the function the
 * JDBC engine writes it with.
 *
 * <p><b>Where {@code chainPrev} comes from</b>, for an event with sequence n (sequence 0: {@link ChainHash#GENESIS}):
 * <ol>
 *   <li>an event of the same aggregate earlier in this call or earlier in this unit of work (a batch);</li>
 *   <li>{@link ChainHeads}, filled only after commit and used only when it holds exactly sequence n−1;</li>
 *   <li>the store: the {@code chainHash} in the metadata of sequence n−1 ({@link PredecessorLookup}).</li>
 * </ol>
 * Two writers appending to one aggregate are serialised by the unique (aggregateIdentifier, sequenceNumber)
 * constraint: the loser's insert fails and its unit of work rolls back. A cache entry is only ever the link of a
 * committed, unique row at that exact sequence, so it cannot make a wrong {@code chainPrev} that commits.
 */
public final class ChainingEventStorageEngine implements EventStorageEngine {

    private static final Logger log = LoggerFactory.getLogger(ChainingEventStorageEngine.class);
    private static final String PENDING = ChainingEventStorageEngine.class.getName() + ".pending";

    private final EventStorageEngine delegate;
    private final Serializer serializer;
    private final Serializer snapshotSerializer;
    private final PredecessorLookup store;
    private final ChainHeads heads;
    private final Supplier<ChainIntegrity> integrity;
    private final Supplier<SnapshotChunks> chunks;

    /** An engine storing every snapshot whole. */
    public ChainingEventStorageEngine(EventStorageEngine delegate, Serializer serializer,
            Serializer snapshotSerializer, PredecessorLookup store, ChainHeads heads,
            Supplier<ChainIntegrity> integrity) {
        this(delegate, serializer, snapshotSerializer, store, heads, integrity, () -> SnapshotChunks.NONE);
    }

    /**
     * @param integrity looked up on first use (the engine is built before the beans it needs)
     * @param chunks    how a snapshot's full chunks are stored apart from its row (looked up on first use); the
     *                  delegate must put them together again on read
     */
    public ChainingEventStorageEngine(EventStorageEngine delegate, Serializer serializer,
            Serializer snapshotSerializer, PredecessorLookup store, ChainHeads heads,
            Supplier<ChainIntegrity> integrity, Supplier<SnapshotChunks> chunks) {
        this.delegate = delegate;
        this.serializer = serializer;
        this.snapshotSerializer = snapshotSerializer;
        this.store = store;
        this.heads = heads;
        this.integrity = integrity;
        this.chunks = chunks;
    }

    /** The engine this one decorates. */
    public EventStorageEngine delegate() {
        return delegate;
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        if (events.isEmpty()) {
            delegate.appendEvents(events);
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get() : null;
        Map<String, ChainHeads.Head> pending = unitOfWork == null ? new HashMap<>()
                : unitOfWork.root().getOrComputeResource(PENDING, key -> new HashMap<String, ChainHeads.Head>());
        ChainIntegrity guard = integrity.get();
        String keyId = guard.keys().currentId();
        Map<String, ChainHeads.Head> appended = new LinkedHashMap<>();
        Map<String, Long> firstSequence = new LinkedHashMap<>();
        List<EventMessage<?>> chained = new ArrayList<>(events.size());
        for (EventMessage<?> event : events) {
            DomainEventMessage<?> domainEvent = asDomainEventMessage(event);
            String aggregate = domainEvent.getAggregateIdentifier();
            long sequence = domainEvent.getSequenceNumber();
            String previous = previousLink(aggregate, sequence, appended, pending);
            ChainedEventMessage<?> message = chain(guard.keys(), keyId, domainEvent, previous);
            appended.put(aggregate, new ChainHeads.Head(sequence, message.chainHash));
            firstSequence.putIfAbsent(aggregate, sequence);
            chained.add(message);
        }
        guard.inTransaction(() -> {
            delegate.appendEvents(chained);
            appended.forEach((aggregate, head) -> guard.advanceHead(aggregate, firstSequence.get(aggregate) - 1,
                    head.sequenceNumber(), head.chainHash()));
            return null;
        });
        pending.putAll(appended);
        afterCommit(unitOfWork, () -> heads.advance(appended));
    }

    private String previousLink(String aggregate, long sequence, Map<String, ChainHeads.Head> appended,
            Map<String, ChainHeads.Head> pending) {
        if (sequence == 0) {
            return ChainHash.GENESIS;
        }
        long wanted = sequence - 1;
        ChainHeads.Head head = appended.get(aggregate);
        if (head == null) {
            head = pending.get(aggregate);
        }
        if (head != null && head.sequenceNumber() == wanted) {
            return head.chainHash();
        }
        String cached = heads.linkAt(aggregate, wanted);
        if (cached != null) {
            return cached;
        }
        Optional<String> stored = store.linkOf(aggregate, wanted);
        if (stored.isEmpty()) {
            log.error("Event chain: aggregate {} has no stored event {} in front of the event being appended;"
                    + " chaining to the missing-predecessor marker (verification will report the gap)", aggregate,
                    wanted);
        }
        return stored.orElse(ChainHash.MISSING_PREDECESSOR);
    }

    private <T> ChainedEventMessage<T> chain(IntegrityKeys keys, String keyId, DomainEventMessage<T> event,
            String chainPrev) {
        SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
        MetaData metaData = event.getMetaData();
        ChainHash.EventFields fields = new ChainHash.EventFields(event.getIdentifier(),
                event.getAggregateIdentifier(), event.getSequenceNumber(), event.getType(),
                payload.getType().getName(), payload.getType().getRevision(),
                DateTimeUtils.formatInstant(event.getTimestamp()));
        String hash = ChainHash.keyedEventHash(keys, keyId, chainPrev, fields, ChainHash.sha256Hex(payload.getData()),
                ChainHash.sha256Hex(canonicalMetadata(metaData).getBytes(StandardCharsets.UTF_8)));
        Map<String, Object> chainedMetaData = new HashMap<>(metaData);
        chainedMetaData.put(ChainHash.CHAIN_PREV, chainPrev);
        chainedMetaData.put(ChainHash.CHAIN_HASH, hash);
        chainedMetaData.put(ChainHash.CHAIN_KEY, keyId);
        return new ChainedEventMessage<>(event, MetaData.from(chainedMetaData), serializer, payload, hash);
    }

    /** The canonical JSON of the metadata, taking the serializer's JSON for values only it knows how to write. */
    private String canonicalMetadata(MetaData metaData) {
        String direct = ChainHash.canonicalMetadata(metaData);
        if (direct != null) {
            return direct;
        }
        Map<String, Object> withoutChain = new HashMap<>(metaData);
        withoutChain.keySet().removeAll(ChainHash.CHAIN_KEYS);
        byte[] json = serializer.serialize(MetaData.from(withoutChain), byte[].class).getData();
        try {
            return ChainHash.canonicalMetadata(ChainLinks.METADATA_READER.readTree(json));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("event metadata is not JSON: " + e.getMessage(), e);
        }
    }

    private static void afterCommit(UnitOfWork<?> unitOfWork, Runnable action) {
        if (unitOfWork != null) {
            // a nested unit of work hands its after-commit phase on to its root's
            unitOfWork.afterCommit(u -> action.run());
        } else if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            // the engine ran (and committed) its own transaction
            action.run();
        }
    }

    /** What the JDBC engine does with a plain event message: its own aggregate, sequence 0, no type. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static DomainEventMessage<?> asDomainEventMessage(EventMessage<?> event) {
        if (event instanceof DomainEventMessage<?> domain) {
            return domain;
        }
        return new GenericDomainEventMessage(null, event.getIdentifier(), 0L, event, event::getTimestamp);
    }

    /**
     * The event as stored: chained metadata, and the payload bytes already serialized for hashing handed to the
     * engine unchanged.
     */
    static final class ChainedEventMessage<T> extends GenericDomainEventMessage<T> {

        private static final long serialVersionUID = 1L;

        private final transient Serializer serializer;
        private final transient SerializedObject<byte[]> payload;
        private final String chainHash;

        ChainedEventMessage(DomainEventMessage<T> event, MetaData metaData, Serializer serializer,
                SerializedObject<byte[]> payload, String chainHash) {
            super(event.getType(), event.getAggregateIdentifier(), event.getSequenceNumber(),
                    new GenericMessage<>(event.getIdentifier(), event.getPayloadType(), event.getPayload(), metaData),
                    event.getTimestamp());
            this.serializer = serializer;
            this.payload = payload;
            this.chainHash = chainHash;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <R> SerializedObject<R> serializePayload(Serializer requested, Class<R> representation) {
            if (requested == serializer && representation == byte[].class) {
                return (SerializedObject<R>) payload;
            }
            return super.serializePayload(requested, representation);
        }
    }

    // ---- everything else is the delegate's ----

    /**
     * Binds the snapshot to the chain: its metadata gets the chain hash of the event it was built at
     * ({@value SnapshotBinding#CHAIN_HASH}), the key id and a keyed MAC over its identity, that link and the
     * SHA-256 of the payload bytes handed to the engine ({@link SnapshotBinding}). Those bytes are the row as
     * stored: full chunks are first stored apart and named in it by their SHA-256 ({@link SnapshotChunks#split}),
     * so the MAC covers them too, and a snapshot writes only its small state, its open chunk and new full chunks.
     */
    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        String aggregate = snapshot.getAggregateIdentifier();
        long sequence = snapshot.getSequenceNumber();
        String link = heads.linkAt(aggregate, sequence);
        if (link == null) {
            link = store.linkOf(aggregate, sequence).orElse(null);
        }
        if (link == null) {
            log.warn("Snapshot of {} at {} not stored: the event it was built at is not in the store", aggregate,
                    sequence);
            return;
        }
        SerializedObject<byte[]> whole = snapshot.serializePayload(snapshotSerializer, byte[].class);
        SerializedObject<byte[]> payload = new SimpleSerializedObject<>(
                chunks.get().split(aggregate, whole.getType().getName(), whole.getData()), byte[].class,
                whole.getType());
        Map<String, Object> metaData = new HashMap<>(snapshot.getMetaData());
        metaData.putAll(SnapshotBinding.bind(integrity.get().keys(), aggregate, sequence, snapshot.getType(),
                payload, link));
        delegate.storeSnapshot(new ChainedEventMessage<>(snapshot, MetaData.from(metaData), snapshotSerializer,
                payload, null));
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return delegate.readEvents(trackingToken, mayBlock);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier) {
        return delegate.readEvents(aggregateIdentifier);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    /**
     * The latest snapshot only if its keyed binding verifies against its row as stored and the current chain;
     * otherwise it is discarded (logged) and the aggregate is rebuilt from its events. The delegate hands the row
     * it read the message from ({@link StoredSnapshots}), so the check covers exactly those bytes and the row is
     * read once; a delegate that cannot hand its rows gets no snapshot used at all.
     */
    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        if (!(delegate instanceof StoredSnapshots stored)) {
            return Optional.empty();
        }
        Optional<StoredSnapshots.StoredSnapshot> snapshot = stored.readStoredSnapshot(aggregateIdentifier);
        if (snapshot.isEmpty()) {
            return Optional.empty();
        }
        DomainEventMessage<?> message = snapshot.get().message();
        long sequence = message.getSequenceNumber();
        String problem = SnapshotBinding.check(integrity.get().keys(), message.getIdentifier(), snapshot.get().row(),
                store.linkOf(aggregateIdentifier, sequence).orElse(null));
        if (problem != null) {
            log.warn("Snapshot of {} at sequence {} DISCARDED, the aggregate is rebuilt from its events: {}",
                    aggregateIdentifier, sequence, problem);
            return Optional.empty();
        }
        return Optional.of(message);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return delegate.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }
}
