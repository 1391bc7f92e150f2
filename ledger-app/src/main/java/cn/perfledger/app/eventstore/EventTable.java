package cn.perfledger.app.eventstore;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * Every plain-JDBC statement of the ledger on Axon's {@code DomainEventEntry} and {@code SnapshotEventEntry}
 * (Axon's own engine keeps its statements). Raw rows come back as {@link StoredEvent}s, byte for byte as stored;
 * large reads stream with a fetch size of 1,000 so a 100,000-event stream is never held twice.
 *
 * <p>Who uses what: the aggregate cache's freshness check ({@link #hasEvent}), the history and the verifier
 * (stream reads), the chain's predecessor lookup ({@link #event}), backup export/import, the raw event log pages,
 * and the snapshots' full chunks ({@code snapshot_chunk}, {@link SnapshotChunks}).
 */
@Repository
public class EventTable {

    private static final String ALL = "globalIndex, " + StoredEvent.COLUMNS;
    private static final int FETCH = 1000;
    /** Placeholders per IN list: far below every driver's parameter limit. */
    public static final int CHUNK = 500;

    private final JdbcTemplate jdbc;

    public EventTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ---- one stream ----

    /** True when the aggregate has an event with exactly this sequence number (one index probe). */
    public boolean hasEvent(String aggregateId, long sequenceNumber) {
        return !jdbc.queryForList("SELECT sequenceNumber FROM DomainEventEntry WHERE aggregateIdentifier = ?"
                + " AND sequenceNumber = ?", Long.class, aggregateId, sequenceNumber).isEmpty();
    }

    /**
     * The highest sequence number of the aggregate, empty if it has no event. One probe at the end of the unique
     * (aggregateIdentifier, sequenceNumber) index: H2 answers {@code MAX(sequenceNumber)} by reading every row of
     * the stream (100,000 at a busy year: 15 ms a year summary, against 1.5 ms on PostgreSQL), and it walks the
     * index backwards only for an ORDER BY that names both of its columns.
     */
    public Optional<Long> lastSequence(String aggregateId) {
        return jdbc.queryForList(LAST_SEQUENCE, Long.class, aggregateId).stream().findFirst();
    }

    static final String LAST_SEQUENCE = "SELECT sequenceNumber FROM DomainEventEntry WHERE aggregateIdentifier = ?"
            + " ORDER BY aggregateIdentifier DESC, sequenceNumber DESC FETCH FIRST 1 ROW ONLY";

    /** One stored event. */
    public Optional<StoredEvent> event(String aggregateId, long sequenceNumber) {
        return jdbc.query("SELECT " + ALL + " FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = ?",
                (rs, i) -> StoredEvent.read(rs, true), aggregateId, sequenceNumber).stream().findFirst();
    }

    /**
     * The events of a stream with a sequence number above {@code afterSequence}, in sequence order, read in pages
     * of {@value #PAGE} on the unique (aggregate, sequence) key. Why pages: H2 materialises a whole result before
     * the first row is fetched and writes one of more than its {@code MAX_MEMORY_ROWS} (40,000) to a temporary
     * file — a 100,000-event stream was written to disk and read back on every cold read — and PostgreSQL's driver
     * ignores the fetch size outside a transaction, holding the whole stream in memory. Ordered by the whole key
     * although the aggregate is fixed: H2 then reads the unique index in order, where {@code ORDER BY
     * sequenceNumber} alone made it sort the stream. Sequence numbers are never reused, so a later page can only
     * see rows appended meanwhile, which a reader would get from its next top-up anyway.
     */
    public void streamAfter(String aggregateId, long afterSequence, Consumer<StoredEvent> consumer) {
        long after = afterSequence;
        while (true) {
            long[] last = {after};
            int[] rows = {0};
            scan(STREAM_PAGE, new Object[] {aggregateId, after}, row -> {
                rows[0]++;
                last[0] = row.sequenceNumber();
                consumer.accept(row);
            });
            if (rows[0] < PAGE) {
                return;
            }
            after = last[0];
        }
    }

    /** Rows per page of a stream read. */
    static final int PAGE = 2_000;
    static final String STREAM_PAGE = "SELECT " + ALL + " FROM DomainEventEntry WHERE aggregateIdentifier = ?"
            + " AND sequenceNumber > ? ORDER BY aggregateIdentifier, sequenceNumber FETCH FIRST " + PAGE + " ROWS ONLY";

    /** Every event of the store, stream by stream (aggregate id, then sequence number). */
    public void everyStream(Consumer<StoredEvent> consumer) {
        scan("SELECT " + ALL + " FROM DomainEventEntry ORDER BY aggregateIdentifier, sequenceNumber", new Object[0],
                consumer);
    }

    /** The aggregate ids that have events (the store's streams), sorted. */
    public List<String> streams() {
        return jdbc.queryForList("SELECT DISTINCT aggregateIdentifier FROM DomainEventEntry ORDER BY aggregateIdentifier",
                String.class);
    }

    /** The number of events of one aggregate. */
    /** The streams whose first event has the payload type {@code typeName} (e.g. every rubric version). */
    public List<String> streamsStartingWith(String typeName) {
        return jdbc.queryForList("SELECT aggregateIdentifier FROM DomainEventEntry WHERE sequenceNumber = 0"
                + " AND (payloadType LIKE ? OR payloadType LIKE ?) ORDER BY aggregateIdentifier", String.class,
                "%$" + typeName, "%." + typeName);
    }

    public long count(String aggregateId) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                Long.class, aggregateId);
        return count == null ? 0 : count;
    }

    // ---- in global order (backup, event log) ----

    /** The events of the given streams (all streams when null) in global order. */
    public void inGlobalOrder(List<String> aggregateIds, Consumer<StoredEvent> consumer) {
        if (aggregateIds == null) {
            scan("SELECT " + ALL + " FROM DomainEventEntry ORDER BY globalIndex", new Object[0], consumer);
            return;
        }
        scan("SELECT " + ALL + " FROM DomainEventEntry WHERE aggregateIdentifier IN (" + placeholders(aggregateIds.size())
                + ") ORDER BY globalIndex", aggregateIds.toArray(), consumer);
    }

    /**
     * A filter on the event log: some streams, and optionally payload type simple names (a nested record is
     * stored as {@code Outer$Name}, a top-level one as {@code package.Name}).
     */
    public record LogFilter(List<String> aggregateIds, List<String> typeNames) {

        String where(List<Object> args) {
            StringBuilder where = new StringBuilder(" WHERE aggregateIdentifier IN (")
                    .append(placeholders(aggregateIds.size())).append(')');
            args.addAll(aggregateIds);
            if (!typeNames.isEmpty()) {
                where.append(" AND (");
                for (int i = 0; i < typeNames.size(); i++) {
                    where.append(i > 0 ? " OR " : "").append("payloadType LIKE ? OR payloadType LIKE ?");
                    args.add("%$" + typeNames.get(i));
                    args.add("%." + typeNames.get(i));
                }
                where.append(')');
            }
            return where.toString();
        }
    }

    public long count(LogFilter filter) {
        List<Object> args = new ArrayList<>();
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry" + filter.where(args), Long.class,
                args.toArray());
        return count == null ? 0 : count;
    }

    /** One page of the filtered events in global order. */
    public List<StoredEvent> page(LogFilter filter, int limit, long offset) {
        List<Object> args = new ArrayList<>();
        String where = filter.where(args);
        args.add(limit);
        args.add(offset);
        return jdbc.query("SELECT " + ALL + " FROM DomainEventEntry" + where + " ORDER BY globalIndex LIMIT ? OFFSET ?",
                (rs, i) -> StoredEvent.read(rs, true), args.toArray());
    }

    /** Global index and payload of every filtered event, in global order (for filters on the payload). */
    public void payloads(LogFilter filter, PayloadConsumer consumer) {
        List<Object> args = new ArrayList<>();
        String where = filter.where(args);
        query("SELECT globalIndex, payload FROM DomainEventEntry" + where + " ORDER BY globalIndex", args.toArray(),
                rs -> consumer.accept(rs.getLong(1), rs.getBytes(2)));
    }

    /** Receives one (global index, payload) pair. */
    @FunctionalInterface
    public interface PayloadConsumer {
        void accept(long globalIndex, byte[] payload);
    }

    /** The events with these global indexes, in global order. */
    public List<StoredEvent> byGlobalIndex(List<Long> globalIndexes) {
        if (globalIndexes.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT " + ALL + " FROM DomainEventEntry WHERE globalIndex IN ("
                + placeholders(globalIndexes.size()) + ") ORDER BY globalIndex", (rs, i) -> StoredEvent.read(rs, true),
                globalIndexes.toArray());
    }

    // ---- restore ----

    /** The highest global index of the store, 0 when empty. */
    public long maxGlobalIndex() {
        Long max = jdbc.queryForObject("SELECT COALESCE(MAX(globalIndex), 0) FROM DomainEventEntry", Long.class);
        return max == null ? 0 : max;
    }

    /** The first global index above {@code before}, -1 if none. */
    public long firstGlobalIndexAfter(long before) {
        Long first = jdbc.queryForObject("SELECT MIN(globalIndex) FROM DomainEventEntry WHERE globalIndex > ?",
                Long.class, before);
        return first == null ? -1 : first;
    }

    /** Appends rows as they are (the store assigns the global index), in batches of 1,000; in the caller's transaction. */
    public void insert(List<StoredEvent> rows) {
        jdbc.batchUpdate("INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier,"
                + " timeStamp, payloadType, payloadRevision, payload, metaData) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows,
                1000, (ps, row) -> {
                    ps.setString(1, row.aggregateIdentifier());
                    ps.setLong(2, row.sequenceNumber());
                    ps.setString(3, row.type());
                    ps.setString(4, row.eventIdentifier());
                    ps.setString(5, row.timeStamp());
                    ps.setString(6, row.payloadType());
                    ps.setString(7, row.payloadRevision());
                    ps.setBytes(8, row.payload());
                    ps.setBytes(9, row.metaData());
                });
    }

    /** The stored events with these identifiers (any order); at most {@link #CHUNK} identifiers. */
    public List<StoredEvent> byEventIdentifier(List<String> eventIdentifiers) {
        return jdbc.query("SELECT " + ALL + " FROM DomainEventEntry WHERE eventIdentifier IN ("
                + placeholders(eventIdentifiers.size()) + ")", (rs, i) -> StoredEvent.read(rs, true),
                eventIdentifiers.toArray());
    }

    /** Which of these aggregate ids have events; at most {@link #CHUNK} ids. */
    public List<String> existingStreams(List<String> aggregateIds) {
        return jdbc.queryForList("SELECT DISTINCT aggregateIdentifier FROM DomainEventEntry WHERE aggregateIdentifier"
                + " IN (" + placeholders(aggregateIds.size()) + ")", String.class, aggregateIds.toArray());
    }

    /** How many of these event identifiers are stored; at most {@link #CHUNK} identifiers. */
    public long countEventIdentifiers(List<String> eventIdentifiers) {
        Long present = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE eventIdentifier IN ("
                + placeholders(eventIdentifiers.size()) + ")", Long.class, eventIdentifiers.toArray());
        return present == null ? 0 : present;
    }

    // ---- snapshot chunks (SnapshotChunks) ----

    /** The hash stored under each chunk number of the aggregate's snapshots. */
    public Map<Integer, String> snapshotChunkHashes(String aggregateId) {
        Map<Integer, String> hashes = new HashMap<>();
        jdbc.query("SELECT chunk_number, sha256 FROM snapshot_chunk WHERE aggregate_identifier = ?",
                (RowCallbackHandler) rs -> hashes.put(rs.getInt(1), rs.getString(2)), aggregateId);
        return hashes;
    }

    /** The stored chunk payloads of the aggregate's snapshots by chunk number. */
    public Map<Integer, byte[]> snapshotChunks(String aggregateId) {
        Map<Integer, byte[]> chunks = new HashMap<>();
        jdbc.query("SELECT chunk_number, payload FROM snapshot_chunk WHERE aggregate_identifier = ?",
                (RowCallbackHandler) rs -> chunks.put(rs.getInt(1), rs.getBytes(2)), aggregateId);
        return chunks;
    }

    public void insertSnapshotChunk(String aggregateId, int number, String sha256, byte[] payload) {
        jdbc.update("INSERT INTO snapshot_chunk (aggregate_identifier, chunk_number, sha256, payload)"
                + " VALUES (?, ?, ?, ?)", aggregateId, number, sha256, payload);
    }

    public void updateSnapshotChunk(String aggregateId, int number, String sha256, byte[] payload) {
        jdbc.update("UPDATE snapshot_chunk SET sha256 = ?, payload = ? WHERE aggregate_identifier = ?"
                + " AND chunk_number = ?", sha256, payload, aggregateId, number);
    }

    private void scan(String sql, Object[] args, Consumer<StoredEvent> consumer) {
        query(sql, args, rs -> consumer.accept(StoredEvent.read(rs, true)));
    }

    private void query(String sql, Object[] args, RowCallbackHandler handler) {
        jdbc.query(con -> {
            PreparedStatement statement = con.prepareStatement(sql);
            statement.setFetchSize(FETCH);
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            return statement;
        }, handler);
    }

    static String placeholders(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }
}
