package cn.perfledger.app.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.perfledger.app.json.LedgerJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/**
 * The decorator alone, on Axon's in-memory engine: links within one append and one unit of work, the head cache
 * after commit only, and a second writer on the same store (a second application instance) never producing a
 * wrong {@code chainPrev}.
 */
class ChainingEventStorageEngineTest {

    private static final String AGGREGATE = "D-1/2021";

    private final InMemoryEventStorageEngine store = new InMemoryEventStorageEngine();
    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(LedgerJson.newObjectMapper()).build();
    private final List<String> storeReads = new ArrayList<>();
    private final PredecessorLookup lookup = (aggregate, sequence) -> {
        storeReads.add(aggregate + "#" + sequence);
        return store.readEvents(aggregate, sequence).asStream()
                .filter(e -> e.getSequenceNumber() == sequence).findFirst()
                .map(e -> (String) e.getMetaData().get(ChainHash.CHAIN_HASH));
    };
    private final ChainHeads heads = new ChainHeads(100);
    /** Keyed heads kept in memory: what the store's stream_head table does, without a database. */
    private final java.util.Map<String, Long> storedHeads = new java.util.HashMap<>();
    private final IntegrityKeys keys = IntegrityKeys.of("k1", java.util.Map.of("k1", new byte[32]));
    private final ChainIntegrity integrity = new ChainIntegrity() {
        @Override
        public IntegrityKeys keys() {
            return keys;
        }

        @Override
        public <T> T inTransaction(java.util.function.Supplier<T> append) {
            return append.get();
        }

        @Override
        public void advanceHead(String aggregateId, long from, long to, String link) {
            storedHeads.put(aggregateId, to);
        }
    };
    private final ChainingEventStorageEngine engine = new ChainingEventStorageEngine(store, serializer, serializer,
            lookup, heads, () -> integrity);

    @Test
    void eventsOfOneAppend_chainToEachOther_fromGenesis() {
        engine.appendEvents(event(0), event(1), event(2));
        List<DomainEventMessage<?>> stored = stored();
        assertThat(stored.get(0).getMetaData().get(ChainHash.CHAIN_PREV)).isEqualTo(ChainHash.GENESIS);
        for (int i = 1; i < 3; i++) {
            assertThat(stored.get(i).getMetaData().get(ChainHash.CHAIN_PREV))
                    .isEqualTo(stored.get(i - 1).getMetaData().get(ChainHash.CHAIN_HASH));
        }
        assertThat(stored.stream().map(e -> (String) e.getMetaData().get(ChainHash.CHAIN_HASH))
                .collect(Collectors.toSet())).hasSize(3).allMatch(ChainHash::isLink);
        assertThat(stored.get(1).getMetaData()).containsEntry("user", "tester").containsEntry(ChainHash.CHAIN_KEY, "k1");
        assertThat(storeReads).isEmpty();
        assertThat(storedHeads).containsEntry(AGGREGATE, 2L);
    }

    @Test
    void severalAppendsInOneUnitOfWork_chainWithoutReadingTheStore_andTheCacheLearnsOnlyOnCommit() {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        engine.appendEvents(event(0));
        engine.appendEvents(event(1), event(2));
        assertThat(heads.linkAt(AGGREGATE, 2)).as("nothing cached before commit").isNull();
        unitOfWork.commit();
        assertThat(storeReads).isEmpty();
        assertThat(stored().get(1).getMetaData().get(ChainHash.CHAIN_PREV))
                .isEqualTo(stored().get(0).getMetaData().get(ChainHash.CHAIN_HASH));
        assertThat(heads.linkAt(AGGREGATE, 2)).isEqualTo(stored().get(2).getMetaData().get(ChainHash.CHAIN_HASH));

        engine.appendEvents(event(3));
        assertThat(storeReads).as("the next append uses the committed head").isEmpty();
        assertThat(stored().get(3).getMetaData().get(ChainHash.CHAIN_PREV))
                .isEqualTo(stored().get(2).getMetaData().get(ChainHash.CHAIN_HASH));
    }

    @Test
    void aRolledBackUnitOfWork_leavesTheCacheUntouched() {
        engine.appendEvents(event(0));
        String committed = heads.linkAt(AGGREGATE, 0);
        assertThat(committed).isNotNull();

        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        engine.appendEvents(event(1));
        unitOfWork.rollback();
        assertThat(heads.linkAt(AGGREGATE, 1)).isNull();
        assertThat(heads.linkAt(AGGREGATE, 0)).isEqualTo(committed);
        assertThat(stored()).hasSize(1);

        // a failing insert (e.g. the unique key said someone else appended first) caches nothing either
        ChainingEventStorageEngine failing = new ChainingEventStorageEngine(new InMemoryEventStorageEngine() {
            @Override
            public void appendEvents(List<? extends EventMessage<?>> events) {
                throw new IllegalStateException("duplicate key");
            }
        }, serializer, serializer, lookup, heads, () -> integrity);
        DefaultUnitOfWork<?> second = DefaultUnitOfWork.startAndGet(null);
        assertThatThrownBy(() -> failing.appendEvents(event(1))).hasMessage("duplicate key");
        second.rollback();
        assertThat(heads.linkAt(AGGREGATE, 1)).isNull();
    }

    @Test
    void aSecondInstanceAppending_makesTheFirstReadTheStore_notTrustItsStaleHead() {
        ChainingEventStorageEngine other = new ChainingEventStorageEngine(store, serializer, serializer, lookup,
                new ChainHeads(100), () -> integrity);
        engine.appendEvents(event(0), event(1));
        other.appendEvents(event(2));
        engine.appendEvents(event(3));
        List<DomainEventMessage<?>> stored = stored();
        assertThat(stored.get(3).getMetaData().get(ChainHash.CHAIN_PREV))
                .isEqualTo(stored.get(2).getMetaData().get(ChainHash.CHAIN_HASH));
        assertThat(storeReads).containsExactly(AGGREGATE + "#1", AGGREGATE + "#2");
    }

    @Test
    void chainKeysSentByAClient_areReplaced() {
        engine.appendEvents(event(0).andMetaData(MetaData.with(ChainHash.CHAIN_HASH, "forged")
                .and(ChainHash.CHAIN_PREV, "forged")));
        assertThat(stored().get(0).getMetaData().get(ChainHash.CHAIN_PREV)).isEqualTo(ChainHash.GENESIS);
        assertThat((String) stored().get(0).getMetaData().get(ChainHash.CHAIN_HASH)).matches("[0-9a-f]{64}");
    }

    @Test
    void aMissingPredecessor_isChainedToTheMarker() {
        engine.appendEvents(event(5));
        assertThat(stored().get(0).getMetaData().get(ChainHash.CHAIN_PREV)).isEqualTo(ChainHash.MISSING_PREDECESSOR);
        assertThat(Optional.ofNullable(heads.linkAt(AGGREGATE, 5))).isPresent();
    }

    /**
     * A snapshot is read once: the delegate hands the message with the row it read it from, and the keyed check
     * runs on that row — a row whose payload was edited after its MAC is discarded, without a second read.
     */
    @Test
    void aSnapshot_isCheckedOnTheRowItWasReadFrom_readOnce() {
        engine.appendEvents(event(0), event(1), event(2));
        String link = (String) stored().get(2).getMetaData().get(ChainHash.CHAIN_HASH);
        byte[] payload = "{\"spent\":\"1.00\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        org.axonframework.serialization.SimpleSerializedObject<byte[]> serialized =
                new org.axonframework.serialization.SimpleSerializedObject<>(payload, byte[].class, "State", "4");
        java.util.Map<String, Object> binding = SnapshotBinding.bind(keys, AGGREGATE, 2, "BudgetLedger", serialized,
                link);
        byte[] metadata;
        try {
            metadata = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(binding);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        cn.perfledger.app.eventstore.StoredEvent row = new cn.perfledger.app.eventstore.StoredEvent(-1, AGGREGATE, 2,
                "BudgetLedger", "snapshot-1", metadata, payload, "4", "State", "2021-01-01T00:00:00Z");
        byte[] edited = payload.clone();
        edited[10] = '9';
        cn.perfledger.app.eventstore.StoredEvent tampered = new cn.perfledger.app.eventstore.StoredEvent(-1,
                AGGREGATE, 2, "BudgetLedger", "snapshot-1", metadata, edited, "4", "State",
                "2021-01-01T00:00:00Z");

        assertThat(snapshotReading(row).readSnapshot(AGGREGATE)).map(DomainEventMessage::getIdentifier)
                .contains("snapshot-1");
        assertThat(snapshotReads).isEqualTo(1);
        assertThat(snapshotReading(tampered).readSnapshot(AGGREGATE)).isEmpty();
        assertThat(snapshotReads).isEqualTo(2);
    }

    @Test
    void aDelegateThatCannotHandItsRows_hasNoSnapshotUsed() {
        engine.appendEvents(event(0));
        store.storeSnapshot(event(0));
        assertThat(engine.readSnapshot(AGGREGATE)).isEmpty();
    }

    private int snapshotReads;

    /** An engine over {@link #store} whose delegate hands {@code row} as the snapshot's stored row. */
    private ChainingEventStorageEngine snapshotReading(cn.perfledger.app.eventstore.StoredEvent row) {
        class Handing extends InMemoryEventStorageEngine implements cn.perfledger.app.eventstore.StoredSnapshots {
            @Override
            public Optional<StoredSnapshot> readStoredSnapshot(String aggregateIdentifier) {
                snapshotReads++;
                return Optional.of(new StoredSnapshot(new GenericDomainEventMessage<>("BudgetLedger", AGGREGATE, 2,
                        "state", MetaData.emptyInstance(), row.eventIdentifier(), java.time.Instant.EPOCH), row));
            }

            @Override
            public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
                throw new AssertionError("the snapshot row is read once, through readStoredSnapshot");
            }
        }
        return new ChainingEventStorageEngine(new Handing(), serializer, serializer, lookup, heads, () -> integrity);
    }

    private static DomainEventMessage<?> event(long sequence) {
        return new GenericDomainEventMessage<>("BudgetLedger", AGGREGATE, sequence, "payload " + sequence,
                MetaData.with("user", "tester"));
    }

    private List<DomainEventMessage<?>> stored() {
        return store.readEvents(AGGREGATE).asStream().collect(Collectors.toList());
    }
}
