package cn.perfledger.app.integrity;

import cn.perfledger.app.integrity.IntegrityReport.BreakKind;
import cn.perfledger.app.integrity.IntegrityStatus.Problem;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.DateTimeUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Periodic keyed seals of every stream head, so that deleting a whole stream <em>together with</em> its head row
 * is still seen: the last seal lists the stream. A seal is one {@code integrity_seal} row plus its list of heads
 * in {@code integrity_seal_head}; {@code heads_sha256} is the hex SHA-256 of the length-prefixed list
 * {@code [aggregate, sequence, chainHash, …]} in aggregate order and {@code seal_mac = HMAC-SHA256(key,
 * ["perfledger-seal-v1", keyId, sealNo, sealedAt, streamCount, headsSha256])}. A stream whose head is gone or
 * behind keeps its sealed entry in every later seal, so a deletion stays visible.
 *
 * <p>Window: a stream created and then deleted (events and head) between two seals is not seen; nor is a head
 * row replaced by an older genuine copy together with the events after it, if that happened before the next
 * seal. Deleting the latest seals themselves is seen only by the running process (it remembers the highest seal
 * number it saw); after a restart the older seal is taken as the latest.
 */
public final class IntegritySeals implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IntegritySeals.class);
    static final String LAYOUT = "perfledger-seal-v1";
    /** Head lists of older seals are deleted; the seal rows stay. */
    private static final int KEEP_HEAD_LISTS = 2;

    /** One stream as the last seal lists it. */
    public record SealedHead(long sealNo, String aggregateId, long sequenceNumber, String chainHash) {
    }

    private final JdbcTemplate jdbc;
    private final IntegrityKeys keys;
    private final StreamHeads heads;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final long intervalMillis;
    private volatile Map<String, SealedHead> sealed = Map.of();
    private volatile List<Problem> sealProblems = List.of();
    private volatile boolean loaded;
    private long highestSeen = -1;
    private ScheduledExecutorService scheduler;

    public IntegritySeals(JdbcTemplate jdbc, IntegrityKeys keys, StreamHeads heads, Clock clock,
            PlatformTransactionManager transactionManager, IntegrityProperties properties) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.heads = heads;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.intervalMillis = properties.sealInterval().toMillis();
    }

    /** The stream as the last seal lists it, if it does. */
    public Optional<SealedHead> sealedHead(String aggregateId) {
        ensureLoaded();
        return Optional.ofNullable(sealed.get(aggregateId));
    }

    /** Problems of the seal itself (altered, rolled back): they concern every answer. */
    public List<Problem> sealProblems() {
        ensureLoaded();
        return sealProblems;
    }

    /** Seals the current heads now (if any changed since the last seal); returns the latest seal number. */
    public synchronized long sealNow() {
        reload();
        Map<String, SealedHead> previous = sealed;
        Map<String, StreamHeads.Head> current = heads.all();
        TreeMap<String, long[]> sequences = new TreeMap<>();
        TreeMap<String, String> hashes = new TreeMap<>();
        previous.values().forEach(s -> {
            sequences.put(s.aggregateId(), new long[] {s.sequenceNumber()});
            hashes.put(s.aggregateId(), s.chainHash());
        });
        for (StreamHeads.Head head : current.values()) {
            SealedHead before = previous.get(head.aggregateId());
            if (heads.headVerifies(head) && (before == null || head.sequenceNumber() >= before.sequenceNumber())) {
                sequences.put(head.aggregateId(), new long[] {head.sequenceNumber()});
                hashes.put(head.aggregateId(), head.chainHash());
            }
        }
        List<String> parts = new ArrayList<>();
        sequences.forEach((aggregate, seq) -> {
            parts.add(aggregate);
            parts.add(Long.toString(seq[0]));
            parts.add(hashes.get(aggregate));
        });
        String digest = ChainHash.sha256Hex(ChainHash.lengthPrefixed(parts));
        Long latest = latestSealNo();
        if (latest != null && digest.equals(jdbc.queryForObject("SELECT heads_sha256 FROM integrity_seal WHERE seal_no = ?",
                String.class, latest))) {
            return latest;
        }
        long sealNo = latest == null ? 1 : latest + 1;
        String sealedAt = DateTimeUtils.formatInstant(clock.instant());
        String keyId = keys.currentId();
        try {
            transaction.executeWithoutResult(status -> {
                jdbc.update("INSERT INTO integrity_seal (seal_no, sealed_at, stream_count, heads_sha256, key_id, seal_mac)"
                        + " VALUES (?, ?, ?, ?, ?, ?)", sealNo, sealedAt, sequences.size(), digest, keyId,
                        keys.mac(keyId, sealParts(keyId, sealNo, sealedAt, sequences.size(), digest)));
                List<Object[]> rows = new ArrayList<>();
                sequences.forEach((aggregate, seq) -> rows.add(new Object[] {sealNo, aggregate, seq[0],
                        hashes.get(aggregate)}));
                jdbc.batchUpdate("INSERT INTO integrity_seal_head (seal_no, aggregate_identifier, sequence_number,"
                        + " chain_hash) VALUES (?, ?, ?, ?)", rows);
                jdbc.update("DELETE FROM integrity_seal_head WHERE seal_no <= ?", sealNo - KEEP_HEAD_LISTS);
            });
        } catch (DuplicateKeyException e) {
            log.debug("seal {} was written by another instance", sealNo);
        }
        reload();
        return sealNo;
    }

    private Long latestSealNo() {
        return jdbc.queryForObject("SELECT MAX(seal_no) FROM integrity_seal", Long.class);
    }

    private void ensureLoaded() {
        if (!loaded) {
            synchronized (this) {
                if (!loaded) {
                    reload();
                }
            }
        }
    }

    /** Reads and verifies the latest seal. */
    synchronized void reload() {
        List<Problem> problems = new ArrayList<>();
        Map<String, SealedHead> list = new HashMap<>();
        Long latest = latestSealNo();
        if (latest != null && latest < highestSeen) {
            problems.add(new Problem("integrity_seal", latest, BreakKind.SEAL_ALTERED, "流头封存记录被删除或换回旧值：本进程已见过第 "
                    + highestSeen + " 次封存，库中最新却是第 " + latest + " 次"));
        }
        if (latest != null) {
            highestSeen = Math.max(highestSeen, latest);
            Map<String, Object> seal = jdbc.queryForMap("SELECT * FROM integrity_seal WHERE seal_no = ?", latest);
            List<String> parts = new ArrayList<>();
            jdbc.query("SELECT aggregate_identifier, sequence_number, chain_hash FROM integrity_seal_head WHERE seal_no = ?"
                    + " ORDER BY aggregate_identifier", rs -> {
                        SealedHead head = new SealedHead(latest, rs.getString(1), rs.getLong(2), rs.getString(3));
                        list.put(head.aggregateId(), head);
                        parts.add(head.aggregateId());
                        parts.add(Long.toString(head.sequenceNumber()));
                        parts.add(head.chainHash());
                    }, latest);
            String digest = ChainHash.sha256Hex(ChainHash.lengthPrefixed(sortedTriples(parts)));
            String keyId = (String) value(seal, "key_id");
            long count = ((Number) value(seal, "stream_count")).longValue();
            boolean macOk = keys.verifies(keyId, sealParts(keyId, latest, (String) value(seal, "sealed_at"), count,
                    (String) value(seal, "heads_sha256")), (String) value(seal, "seal_mac"));
            if (!macOk || !digest.equals(value(seal, "heads_sha256")) || count != list.size()) {
                problems.add(new Problem("integrity_seal", latest, BreakKind.SEAL_ALTERED, "第 " + latest
                        + " 次流头封存记录与其 MAC 或所列流头不符：封存记录被改动（或其中的记录链被删除）"));
            }
        }
        sealed = Map.copyOf(list);
        sealProblems = List.copyOf(problems);
        loaded = true;
    }

    /** Database collations may order ids differently from Java: the digest is over Java's order. */
    private static List<String> sortedTriples(List<String> parts) {
        List<String[]> triples = new ArrayList<>();
        for (int i = 0; i + 2 < parts.size(); i += 3) {
            triples.add(new String[] {parts.get(i), parts.get(i + 1), parts.get(i + 2)});
        }
        triples.sort((a, b) -> a[0].compareTo(b[0]));
        List<String> sorted = new ArrayList<>();
        triples.forEach(t -> sorted.addAll(List.of(t)));
        return sorted;
    }

    private static Object value(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value != null ? value : row.get(column.toUpperCase(java.util.Locale.ROOT));
    }

    private static List<String> sealParts(String keyId, long sealNo, String sealedAt, long count, String digest) {
        return List.of(LAYOUT, keyId, Long.toString(sealNo), sealedAt, Long.toString(count), digest);
    }

    // ---- the periodic seal ----

    @Override
    public synchronized void start() {
        if (intervalMillis > 0 && scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "ledger-integrity-seal");
                thread.setDaemon(true);
                return thread;
            });
            scheduler.scheduleWithFixedDelay(() -> {
                try {
                    sealNow();
                } catch (RuntimeException e) {
                    log.warn("sealing the stream heads failed (retried next interval): {}", e.toString());
                }
            }, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
