package cn.perfledger.app.integrity;

import cn.perfledger.app.eventstore.EventTable;
import cn.perfledger.app.eventstore.StoredEvent;
import cn.perfledger.domain.common.ConflictException;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link ChainIntegrity} on the database: {@code stream_head}, the anchor, and the snapshot table. */
final class StoreChainIntegrity implements ChainIntegrity {

    private static final Logger log = LoggerFactory.getLogger(StoreChainIntegrity.class);

    private final IntegrityKeys keys;
    private final StreamHeads heads;
    private final IntegrityAnchor anchor;
    private final EventTable events;
    private final TransactionTemplate transaction;

    StoreChainIntegrity(IntegrityKeys keys, StreamHeads heads, IntegrityAnchor anchor, EventTable events,
            PlatformTransactionManager transactionManager) {
        this.keys = keys;
        this.heads = heads;
        this.anchor = anchor;
        this.events = events;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Override
    public IntegrityKeys keys() {
        return keys;
    }

    @Override
    public <T> T inTransaction(Supplier<T> append) {
        anchor.ensureAnchored();
        return transaction.execute(status -> append.get());
    }

    @Override
    public void advanceHead(String aggregateId, long from, long to, String link) {
        switch (heads.advance(aggregateId, from, to, link)) {
            case ADVANCED, CREATED -> {
            }
            case HEAD_ELSEWHERE -> throw refused(aggregateId, "其流头记录不在第 " + from + " 号（" + where(aggregateId)
                    + "）：末尾的记录被删除、流头被换回旧值，或整条记录链被删除后重建");
            case NO_HEAD -> {
                Optional<StoredEvent> previous = events.event(aggregateId, from);
                if (previous.isEmpty() || ChainLinks.of(previous.get()).keyed()) {
                    throw refused(aggregateId, "没有流头记录，而其第 " + from + " 号记录"
                            + (previous.isEmpty() ? "不存在" : "是本系统带密钥写入的") + "：流头或记录被删除");
                }
                // a stream written around the ledger (plain SQL, never anchored): it stays BROKEN for its
                // unkeyed events, but new events are chained and headed from here on
                log.warn("Event chain: stream {} had no head and unkeyed events up to {}; heading it at {}",
                        aggregateId, from, to);
                heads.insert(aggregateId, to, link, null);
            }
        }
    }

    private String where(String aggregateId) {
        return heads.find(aggregateId).map(h -> "流头在第 " + h.sequenceNumber() + " 号").orElse("无流头");
    }

    private static ConflictException refused(String aggregateId, String why) {
        log.error("Event chain: append to {} REFUSED: {}", aggregateId, why);
        return new ConflictException("integrity", "记录链 " + aggregateId + " 的完整性校验未通过，已拒绝写入（未写入任何记录）：" + why
                + "。请管理员校验账本（/api/v1/integrity）");
    }
}
