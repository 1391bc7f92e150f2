package cn.perfledger.app.history;

import cn.perfledger.app.eventstore.EventTable;
import cn.perfledger.app.eventstore.StoredTimestamp;
import cn.perfledger.app.integrity.ChainLinks;
import cn.perfledger.app.integrity.IntegrityAnchor;
import cn.perfledger.app.integrity.IntegrityKeys;
import cn.perfledger.app.integrity.IntegrityReport.ChainBreak;
import cn.perfledger.app.integrity.IntegritySeals;
import cn.perfledger.app.integrity.IntegrityStatus;
import cn.perfledger.app.integrity.StreamHeads;
import cn.perfledger.app.integrity.StreamWalk;
import cn.perfledger.domain.common.LedgerEvent;
import cn.perfledger.domain.common.RubricVersionId;
import cn.perfledger.projections.basis.RecordedEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.axonframework.eventsourcing.EventStreamUtils;
import jakarta.annotation.PreDestroy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The events of each aggregate stream as {@link RecordedEvent}s (payload deserialized and upcast exactly as
 * Axon does when it loads an aggregate), kept in memory and topped up with what was appended since the last
 * read. Every as-of query folds these: reading 100,000 events once costs about a second, reading the tail
 * afterwards costs one indexed query.
 *
 * <p><b>Verified once, on read.</b> Each row is checked as it is read into memory ({@link StreamWalk}: keyed
 * chain hash, link, sequence), and after each read that brought rows the stream is compared with its keyed head
 * and last seal (truncation, deletion). The outcome is kept with the stream ({@link #integrity}) and carried by
 * every answer built from it; a query that finds nothing new costs nothing extra. Rows tampered with after they
 * were read do not change what is in memory (the verify endpoints, which read the store, see them).
 *
 * <p>Streams are append-only and a sequence number is never reused, so a cached prefix never goes stale;
 * a new read asks only for {@code sequenceNumber > last}.
 *
 * <p><b>Bounded.</b> At most {@code ledger.history.max-events} events are held ({@link HistoryBound}); past it the
 * least recently read streams are forgotten whole, with their verification state, and the listeners (the years'
 * replay indexes) drop what they built from them. A forgotten stream is read and verified anew, from its first
 * row, on its next use: eviction costs a cold read, never an answer or a check.
 */
@Service
public class EventHistory {

    private static final java.util.Set<String> KEPT_METADATA = java.util.Set.of("client", "user", "role", "synthetic",
            "correlationId");
    /** A stream read only for its integrity (the department's) is topped up at most this often. */
    private static final long STATUS_REFRESH_NANOS = 10_000_000_000L;
    /** Rows deserialized together on a read. */
    private static final int DESERIALIZE_CHUNK = 2_000;

    private final EventTable table;
    private final Serializer serializer;
    private final EventUpcaster upcaster;
    private final IntegrityKeys keys;
    private final StreamHeads heads;
    private final IntegritySeals seals;
    private final IntegrityAnchor anchor;
    private final Map<String, CachedStream> streams = new ConcurrentHashMap<>();
    private final long maxEvents;
    private final AtomicLong held = new AtomicLong();
    /**
     * The cached streams' ids from least to most recently read (access order; guarded by itself): eviction takes
     * the eldest, so it costs what it evicts, not a sort of every stream.
     */
    private final LinkedHashMap<String, Boolean> recency = new LinkedHashMap<>(64, 0.75f, true);
    private final List<Consumer<String>> evictionListeners = new CopyOnWriteArrayList<>();
    /**
     * Deserializes verified chunks beside the reading thread (one thread per further core, at most three; none on
     * one core, where the reader does it all); {@link #inFlight} chunks at most wait per read.
     */
    private final ExecutorService deserializers;
    private final int inFlight;

    public EventHistory(EventTable table, org.axonframework.config.Configuration axon, IntegrityKeys keys,
            StreamHeads heads, IntegritySeals seals, IntegrityAnchor anchor,
            @Value("${ledger.history.max-events:0}") long maxEvents) {
        this.table = table;
        this.serializer = axon.eventSerializer();
        EventUpcaster chain = axon.upcasterChain();
        this.upcaster = chain == null ? NoOpEventUpcaster.INSTANCE : chain;
        this.keys = keys;
        this.heads = heads;
        this.seals = seals;
        this.anchor = anchor;
        this.maxEvents = HistoryBound.maxEvents(maxEvents, Runtime.getRuntime().maxMemory());
        int threads = Math.min(3, Runtime.getRuntime().availableProcessors() - 1);
        this.inFlight = Math.max(1, threads) + 1;
        this.deserializers = threads <= 0 ? null : Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "history-deserializer");
            thread.setDaemon(true);
            // Jackson resolves the stored payload types through the context class loader
            thread.setContextClassLoader(EventHistory.class.getClassLoader());
            return thread;
        });
    }

    @PreDestroy
    void close() {
        if (deserializers != null) {
            deserializers.shutdownNow();
        }
    }

    /** The bound in force: events held at most (configured, or derived from the heap). */
    public long maxEvents() {
        return maxEvents;
    }

    /** Events held now, across all streams. */
    public long heldEvents() {
        return held.get();
    }

    /** Whether this very list is what is held for the stream now (not forgotten since it was read). */
    public boolean holds(String aggregateId, List<RecordedEvent> events) {
        CachedStream stream = streams.get(aggregateId);
        return stream != null && stream.events == events;
    }

    /** Called with a stream's id when it is forgotten (evicted or cleared), after it left the cache. */
    public void onEviction(Consumer<String> listener) {
        evictionListeners.add(listener);
    }

    /** One stream as read: its events and the integrity of everything read of it so far. */
    public record Read(List<RecordedEvent> events, IntegrityStatus integrity) {
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
        return read(aggregateId).events();
    }

    /** One aggregate stream, topped up, with its integrity. */
    public Read read(String aggregateId) {
        return read(aggregateId, Set.of());
    }

    /**
     * {@link #read(String)} that keeps {@code inUse} too when the bound evicts: the other streams of the year being
     * read, so that a year larger than the bound is not dropped by its own evaluation stream half-way through.
     */
    public Read read(String aggregateId, Set<String> inUse) {
        CachedStream stream = streams.computeIfAbsent(aggregateId, id -> new CachedStream());
        Read read;
        touch(aggregateId);
        synchronized (stream) {
            topUpOrForget(aggregateId, stream);
            read = new Read(stream.events, stream.status);
        }
        evictBeyondBound(aggregateId, inUse);
        return read;
    }

    /**
     * The integrity of a stream the answers do not fold but depend on (a year's department): read in full on
     * first use, topped up at most every ten seconds after that.
     */
    public IntegrityStatus integrity(String aggregateId) {
        return integrity(aggregateId, Set.of());
    }

    /** {@link #integrity(String)} that keeps {@code inUse} too when the bound evicts (see {@link #read(String, Set)}). */
    public IntegrityStatus integrity(String aggregateId, Set<String> inUse) {
        CachedStream stream = streams.computeIfAbsent(aggregateId, id -> new CachedStream());
        IntegrityStatus status;
        touch(aggregateId);
        synchronized (stream) {
            if (stream.walk == null || System.nanoTime() - stream.toppedUpAt > STATUS_REFRESH_NANOS) {
                topUpOrForget(aggregateId, stream);
            }
            status = stream.status;
        }
        evictBeyondBound(aggregateId, inUse);
        return status;
    }

    /** Forgets what was read (tests that change the store underneath, e.g. tamper checks). */
    public void clear() {
        for (String aggregateId : List.copyOf(streams.keySet())) {
            forget(aggregateId);
        }
    }

    /** Marks the stream as the most recently read. */
    private void touch(String aggregateId) {
        synchronized (recency) {
            recency.put(aggregateId, Boolean.TRUE);
        }
    }

    /**
     * Past the bound, forgets the least recently read streams (never the one just read, nor the other streams the
     * reader is using) until the held events are back under it. Each step looks at the eldest entries only, past
     * at most the kept ones. Runs outside any stream's lock, so two readers evicting each other's streams cannot
     * deadlock.
     */
    private void evictBeyondBound(String justRead, Set<String> inUse) {
        while (held.get() > maxEvents) {
            String eldest = null;
            synchronized (recency) {
                Iterator<String> ids = recency.keySet().iterator();
                while (ids.hasNext() && eldest == null) {
                    String id = ids.next();
                    if (!id.equals(justRead) && !inUse.contains(id)) {
                        eldest = id;
                    }
                }
            }
            if (eldest == null) {
                return;
            }
            forget(eldest);
        }
    }

    private void forget(String aggregateId) {
        CachedStream stream = streams.get(aggregateId);
        if (stream != null) {
            synchronized (stream) {
                if (streams.remove(aggregateId, stream)) {
                    stream.evicted = true;
                    held.addAndGet(-stream.counted);
                } else {
                    stream = null;
                }
            }
        }
        synchronized (recency) {
            // a reader may have marked it since; it is no longer cached either way (a new read marks it again)
            if (!streams.containsKey(aggregateId)) {
                recency.remove(aggregateId);
            }
        }
        if (stream != null) {
            evictionListeners.forEach(listener -> listener.accept(aggregateId));
        }
    }

    /** A read that failed half-way (e.g. an undeserializable payload) leaves nothing half-verified behind. */
    private void topUpOrForget(String aggregateId, CachedStream stream) {
        try {
            topUp(aggregateId, stream);
        } catch (RuntimeException e) {
            stream.walk = null;
            stream.events = List.of();
            count(stream, -stream.counted);
            stream.status = IntegrityStatus.INTACT;
            throw e;
        }
    }

    /** Held events change only under the stream's lock, and only while it is in the cache. */
    private void count(CachedStream stream, int delta) {
        if (!stream.evicted) {
            held.addAndGet(delta);
        }
        stream.counted += delta;
    }

    private void topUp(String aggregateId, CachedStream stream) {
        stream.toppedUpAt = System.nanoTime();
        boolean first = stream.walk == null;
        StreamHeads.Head before = null;
        IntegritySeals.SealedHead sealed = seals.sealedHead(aggregateId).orElse(null);
        if (first) {
            anchor.ensureAnchored();
            before = heads.find(aggregateId).orElse(null);
            Long legacy = heads.legacyUpTo(before);
            stream.walk = new StreamWalk(aggregateId, keys, legacy == null ? -1 : legacy, -1);
            if (before != null) {
                stream.walk.noteLinkAt(before.sequenceNumber());
            }
        }
        if (sealed != null) {
            stream.walk.noteLinkAt(sealed.sequenceNumber());
        }
        List<RecordedEvent> fresh = readAfter(aggregateId, stream.walk, stream.walk.lastSequence());
        if (fresh.isEmpty() && !first) {
            return;
        }
        // rows first, then the head: rows and head commit together, so a head ahead of what was read is either a
        // commit that came in between (read once more) or a truncation
        StreamHeads.Head head = first && before != null && before.sequenceNumber() == stream.walk.lastSequence()
                ? before : heads.find(aggregateId).orElse(null);
        if (head != null && head.sequenceNumber() > stream.walk.lastSequence()) {
            List<RecordedEvent> more = readAfter(aggregateId, stream.walk, stream.walk.lastSequence());
            fresh = more.isEmpty() ? fresh : concat(fresh, more);
        }
        if (!fresh.isEmpty()) {
            stream.events = Collections.unmodifiableList(concat(stream.events, fresh));
            count(stream, fresh.size());
        }
        // a seal taken after the rows it names were read can only be compared where the walk noted a link
        boolean sealComparable = sealed != null && stream.walk.comparableAt(sealed.sequenceNumber());
        stream.walk.finish(heads, head, sealComparable ? sealed : null);
        List<IntegrityStatus.Problem> all = new ArrayList<>();
        for (ChainBreak problem : stream.walk.problems()) {
            all.add(IntegrityStatus.Problem.of(problem, aggregateId));
        }
        stream.status = IntegrityStatus.of(all, stream.walk.legacyEvents());
    }

    private static List<RecordedEvent> concat(List<RecordedEvent> a, List<RecordedEvent> b) {
        List<RecordedEvent> all = new ArrayList<>(a.size() + b.size());
        all.addAll(a);
        all.addAll(b);
        return all;
    }

    /**
     * Reads, verifies and deserializes the rows after {@code lastSequence}, {@value #DESERIALIZE_CHUNK} rows at a
     * time: a cold read of a large stream never holds all its raw rows (payload and metadata bytes) at once besides
     * the events built from them. Every upcaster is a single-event one, so chunks upcast exactly as one stream.
     *
     * <p>Two stages, so that a cold read uses two cores: this thread reads the rows and verifies each one in
     * sequence order ({@link StreamWalk}, which must see them in order), while the chunks already verified are
     * deserialized by {@link #deserializers} — at most {@link #inFlight} chunks ahead, so memory stays bounded.
     * The events are put together in row order, and nothing is returned before every row was verified: a caller
     * still gets the integrity of exactly what it folds. A chunk still queued when its turn comes is deserialized
     * by this thread itself, so a busy pool never makes a reader wait.
     */
    private List<RecordedEvent> readAfter(String aggregateId, StreamWalk walk, long lastSequence) {
        List<RecordedEvent> result = new ArrayList<>();
        ArrayDeque<FutureTask<List<RecordedEvent>>> pending = new ArrayDeque<>();
        Map<Map<String, String>, Map<String, String>> sharedMetadata = new java.util.HashMap<>();
        Chunk[] chunk = {new Chunk()};
        try {
            table.streamAfter(aggregateId, lastSequence, row -> {
                ChainLinks links = walk.accept(row);
                Chunk open = chunk[0];
                open.globalIndexes.add(row.globalIndex());
                open.recordedAt.add(StoredTimestamp.parse(row.timeStamp()));
                open.metadata.add(keptMetadata(links.metadata(), sharedMetadata));
                open.entries.add(new GenericDomainEventEntry<>(row.type(), row.aggregateIdentifier(),
                        row.sequenceNumber(), row.eventIdentifier(), row.timeStamp(), row.payloadType(),
                        row.payloadRevision(), row.payload(), row.metaData()));
                if (open.entries.size() == DESERIALIZE_CHUNK) {
                    submit(aggregateId, open, pending, result);
                    chunk[0] = new Chunk();
                }
            });
            if (!chunk[0].entries.isEmpty()) {
                submit(aggregateId, chunk[0], pending, result);
            }
            while (!pending.isEmpty()) {
                result.addAll(join(pending.removeFirst()));
            }
        } finally {
            // a failed read: what is still queued is not needed
            pending.forEach(task -> task.cancel(false));
        }
        return result.isEmpty() ? List.of() : result;
    }

    /** One chunk of verified rows waiting to be deserialized. */
    private static final class Chunk {
        final List<GenericDomainEventEntry<byte[]>> entries = new ArrayList<>(DESERIALIZE_CHUNK);
        final List<Long> globalIndexes = new ArrayList<>(DESERIALIZE_CHUNK);
        final List<Instant> recordedAt = new ArrayList<>(DESERIALIZE_CHUNK);
        final List<Map<String, String>> metadata = new ArrayList<>(DESERIALIZE_CHUNK);
    }

    private void submit(String aggregateId, Chunk chunk, ArrayDeque<FutureTask<List<RecordedEvent>>> pending,
            List<RecordedEvent> result) {
        FutureTask<List<RecordedEvent>> task = new FutureTask<>(() -> deserialize(aggregateId, chunk));
        pending.addLast(task);
        if (deserializers == null) {
            task.run();
        } else {
            deserializers.execute(task);
        }
        while (pending.size() > inFlight) {
            result.addAll(join(pending.removeFirst()));
        }
    }

    /** The chunk's events; deserialized here if no deserializer has started it yet. */
    private static List<RecordedEvent> join(FutureTask<List<RecordedEvent>> task) {
        task.run(); // does nothing when it has started or finished
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading events", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private List<RecordedEvent> deserialize(String aggregateId, Chunk chunk) {
        List<RecordedEvent> result = new ArrayList<>(chunk.entries.size());
        // each message's row, for its global index and recording time (an upcaster may drop an event)
        Map<String, Integer> rowById = new java.util.HashMap<>();
        for (int i = 0; i < chunk.entries.size(); i++) {
            rowById.put(chunk.entries.get(i).getEventIdentifier(), i);
        }
        DomainEventStream messages = EventStreamUtils.upcastAndDeserializeDomainEvents(chunk.entries.stream(),
                serializer, upcaster);
        while (messages.hasNext()) {
            DomainEventMessage<?> message = messages.next();
            Object payload = message.getPayload();
            int row = rowById.get(message.getIdentifier());
            // not message.getTimestamp(): it would parse the stored text again through DateTimeFormatter
            Instant recorded = chunk.recordedAt.get(row);
            result.add(new RecordedEvent(chunk.globalIndexes.get(row), aggregateId, message.getSequenceNumber(),
                    message.getIdentifier(), recorded, effectiveDate(payload, recorded), payload,
                    chunk.metadata.get(row)));
        }
        return result;
    }

    /**
     * The metadata folds and reports read (who, role, channel, synthetic flag, correlation), taken from the chain
     * check's parse of the row (upcasters keep metadata as stored, so Axon's own parse would give the same values);
     * Axon's per-message trace and causation ids and the integrity chain stay in the store. A value is kept as its
     * text, as {@code Objects.toString} of the value Axon's Jackson serializer reads ({@link #text}). Metadata that
     * is not a JSON object (a row the walk marks damaged) keeps nothing. Equal maps are shared: the events of one
     * command or import carry the same metadata, and a 100,000-event year must not hold 100,000 copies of it.
     */
    static Map<String, String> keptMetadata(JsonNode parsed, Map<Map<String, String>, Map<String, String>> shared) {
        Map<String, String> metadata = new java.util.TreeMap<>();
        if (parsed != null && parsed.isObject()) {
            for (String key : KEPT_METADATA) {
                JsonNode value = parsed.get(key);
                if (value != null) {
                    metadata.put(key, text(value));
                }
            }
        }
        return shared.computeIfAbsent(metadata, m -> Map.copyOf(m));
    }

    /**
     * A metadata value as {@code Objects.toString} renders what Jackson's untyped read makes of it (text, Boolean,
     * Integer/Long/BigInteger, BigDecimal, null, LinkedHashMap, ArrayList), so that the one parse gives the same text.
     */
    static String text(JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isFloatingPointNumber()) {
            // the ledger mapper reads floats as BigDecimal (USE_BIG_DECIMAL_FOR_FLOATS), as the chain check does
            return value.decimalValue().toString();
        }
        if (value.isNumber() || value.isBoolean() || value.isNull()) {
            return value.asText();
        }
        StringBuilder text = new StringBuilder(value.isObject() ? "{" : "[");
        var entries = value.fields();
        var elements = value.elements();
        boolean first = true;
        while (value.isObject() ? entries.hasNext() : elements.hasNext()) {
            if (!first) {
                text.append(", ");
            }
            first = false;
            if (value.isObject()) {
                Map.Entry<String, JsonNode> entry = entries.next();
                text.append(entry.getKey()).append('=').append(text(entry.getValue()));
            } else {
                text.append(text(elements.next()));
            }
        }
        return text.append(value.isObject() ? '}' : ']').toString();
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
        private volatile List<RecordedEvent> events = List.of();
        private StreamWalk walk;
        private IntegrityStatus status = IntegrityStatus.INTACT;
        private long toppedUpAt;
        /** Events of this stream counted in {@link #held}. */
        private int counted;
        /** Forgotten: a reader still holding it may finish its read, but it no longer counts. */
        private boolean evicted;
    }

}
