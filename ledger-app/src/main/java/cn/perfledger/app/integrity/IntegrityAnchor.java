package cn.perfledger.app.integrity;

import cn.perfledger.app.eventstore.EventTable;
import java.time.Clock;
import java.util.List;
import org.axonframework.common.DateTimeUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The treatment of events written before the keyed chain (an old {@code ./data}, an upgraded PostgreSQL store):
 * the first time this version meets a store, every stream that has events but no keyed head is walked with the
 * unkeyed (SHA-256) rules; a stream whose unkeyed chain is intact gets a keyed head that accepts its events as
 * <em>legacy</em> up to its last sequence number; a broken one gets none and stays BROKEN. The anchor row
 * ({@code integrity_anchor}, keyed) records when and how many — logged at WARN, shown in every answer's
 * {@code legacyUnkeyedEvents} — so nothing is accepted silently. Tampering <em>before</em> the anchor cannot be
 * detected; after it, the legacy events are covered by the keyed head (and by every keyed event that follows).
 *
 * <p>Once anchored, an unkeyed event beyond a stream's legacy prefix, or a stream without a head, is BROKEN. A
 * fresh store is anchored at its first start with nothing to accept.
 */
public final class IntegrityAnchor {

    private static final Logger log = LoggerFactory.getLogger(IntegrityAnchor.class);
    static final String LAYOUT = "perfledger-anchor-v1";

    private final JdbcTemplate jdbc;
    private final EventTable events;
    private final StreamHeads heads;
    private final IntegrityKeys keys;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private volatile boolean anchored;
    private org.springframework.context.ApplicationEventPublisher publisher;

    /** What an anchoring of a store written before the keyed chain published: read models must be rebuilt. */
    public record StoreAnchored(long legacyStreams, long legacyEvents) {
    }

    /** Where {@link StoreAnchored} goes (set by the configuration). */
    void publishTo(org.springframework.context.ApplicationEventPublisher publisher) {
        this.publisher = publisher;
    }

    public IntegrityAnchor(JdbcTemplate jdbc, EventTable events, StreamHeads heads, IntegrityKeys keys, Clock clock,
            PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.events = events;
        this.heads = heads;
        this.keys = keys;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Anchors the store once (cheap after the first call). */
    public void ensureAnchored() {
        if (anchored) {
            return;
        }
        synchronized (this) {
            if (anchored) {
                return;
            }
            Integer present = jdbc.queryForObject("SELECT COUNT(*) FROM integrity_anchor", Integer.class);
            if (present == null || present == 0) {
                try {
                    transaction.executeWithoutResult(status -> anchor());
                } catch (DuplicateKeyException e) {
                    log.info("Event chain: the store was anchored by another instance");
                }
            }
            anchored = true;
        }
    }

    private void anchor() {
        long[] totals = new long[3]; // legacy streams, legacy events, broken streams
        StreamWalk[] current = new StreamWalk[1];
        java.util.Set<String> headed = heads.all().keySet();
        events.everyStream(row -> {
            if (headed.contains(row.aggregateIdentifier())) {
                return;
            }
            if (current[0] == null || !current[0].aggregateId.equals(row.aggregateIdentifier())) {
                finish(current[0], totals);
                current[0] = new StreamWalk(row.aggregateIdentifier(), keys, StreamWalk.ACCEPT_ALL_LEGACY, -1);
            }
            current[0].accept(row);
        });
        finish(current[0], totals);
        String at = DateTimeUtils.formatInstant(clock.instant());
        String keyId = keys.currentId();
        jdbc.update("INSERT INTO integrity_anchor (anchor_id, anchored_at, legacy_streams, legacy_events, broken_streams,"
                + " key_id, anchor_mac) VALUES (1, ?, ?, ?, ?, ?, ?)", at, totals[0], totals[1], totals[2], keyId,
                keys.mac(keyId, List.of(LAYOUT, keyId, at, Long.toString(totals[0]), Long.toString(totals[1]),
                        Long.toString(totals[2]))));
        if (totals[0] > 0 && publisher != null) {
            // read-model rows written before row MACs are unsealed: rebuild them from the (now anchored) events
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            publisher.publishEvent(new StoreAnchored(totals[0], totals[1]));
                        }
                    });
        }
        if (totals[0] + totals[2] > 0) {
            log.warn("Event chain: anchored the store at {}: {} stream(s) with {} event(s) written before the keyed"
                    + " chain were ACCEPTED AS LEGACY (changes made to them before now cannot be detected; from now on"
                    + " they are covered by keyed heads); {} stream(s) whose unkeyed chain is broken were not anchored"
                    + " and stay BROKEN", at, totals[0], totals[1], totals[2]);
        } else {
            log.info("Event chain: anchored a store without legacy events at {}", at);
        }
    }

    private void finish(StreamWalk walk, long[] totals) {
        if (walk == null) {
            return;
        }
        if (walk.broken()) {
            totals[2]++;
            log.error("Event chain: stream {} is broken before the keyed chain and was NOT anchored: {}",
                    walk.aggregateId, walk.firstBreak.rule());
            return;
        }
        long legacy = walk.legacyEvents();
        heads.insert(walk.aggregateId, walk.lastSequence(), walk.lastLink(), legacy > 0 ? walk.lastSequence() : null);
        if (legacy > 0) {
            totals[0]++;
            totals[1] += legacy;
        }
    }
}
