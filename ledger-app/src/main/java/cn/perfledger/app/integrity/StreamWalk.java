package cn.perfledger.app.integrity;

import cn.perfledger.app.integrity.IntegrityReport.BreakKind;
import cn.perfledger.app.integrity.IntegrityReport.ChainBreak;
import cn.perfledger.app.integrity.IntegrityReport.EventRef;
import cn.perfledger.app.integrity.IntegrityReport.StreamResult;
import cn.perfledger.app.integrity.IntegrityReport.StreamStatus;

/**
 * Walks one aggregate's stored events in sequence order, recomputing every link, and remembers the first break.
 * Optionally notes the link and the number of events at one sequence number (a digest's checkpoint).
 */
final class StreamWalk {

    final String aggregateId;
    private final long checkpoint;

    long eventCount;
    long chainedEvents;
    long unchainedEvents;
    long lastSequence = -1;
    /** The link of the last event: its stored chainHash, or its anchor when unchained. */
    String lastLink;
    private long lastGlobalIndex = Long.MIN_VALUE;
    private boolean sawChained;
    ChainBreak firstBreak;

    /** The link at {@link #checkpoint}, null if that event is missing (or the chain broke before it). */
    String linkAtCheckpoint;
    /** Events with a sequence number ≤ {@link #checkpoint}. */
    long eventsUpToCheckpoint;

    StreamWalk(String aggregateId) {
        this(aggregateId, -1);
    }

    StreamWalk(String aggregateId, long checkpoint) {
        this.aggregateId = aggregateId;
        this.checkpoint = checkpoint;
    }

    void accept(StoredEvent row) {
        eventCount++;
        long sequence = row.sequenceNumber();
        if (sequence <= checkpoint) {
            eventsUpToCheckpoint++;
        }
        StoredEvent.Links links = row.links();
        if (links.chained()) {
            chainedEvents++;
        } else {
            unchainedEvents++;
        }
        long expectedSequence = lastSequence + 1;
        long previousSequence = lastSequence;
        long previousGlobalIndex = lastGlobalIndex;
        String expectedPrev = lastLink == null ? ChainHash.GENESIS : lastLink;
        lastSequence = sequence;
        lastGlobalIndex = row.globalIndex();
        if (firstBreak != null) {
            lastLink = links.chained() ? links.storedHash() : null;
            return;
        }
        String link = check(row, links, expectedSequence, previousSequence, previousGlobalIndex, expectedPrev);
        lastLink = link;
        if (firstBreak == null && sequence == checkpoint) {
            linkAtCheckpoint = link;
        }
    }

    private String check(StoredEvent row, StoredEvent.Links links, long expectedSequence, long previousSequence,
            long previousGlobalIndex, String expectedPrev) {
        long sequence = row.sequenceNumber();
        String at = aggregateId + " 第 " + sequence + " 号事件（" + row.simpleType() + "，全局序号 " + row.globalIndex()
                + "）";
        if (sequence != expectedSequence) {
            String where = expectedSequence == 0 ? "开头" : "第 " + previousSequence + " 号与第 " + sequence + " 号之间";
            String missing = expectedSequence == sequence - 1 ? "第 " + expectedSequence + " 号事件"
                    : "第 " + expectedSequence + "–" + (sequence - 1) + " 号事件";
            breakAt(BreakKind.SEQUENCE_GAP, "sequenceNumber", "事件流 " + aggregateId + " 缺少" + missing + "（" + where
                    + "）：事件被删除或序号被改动", row, expectedSequence, sequence - 1,
                    Long.toString(expectedSequence), Long.toString(sequence));
            return null;
        }
        if (previousSequence >= 0 && row.globalIndex() <= previousGlobalIndex) {
            breakAt(BreakKind.REORDERED, "globalIndex", at + "的全局序号不大于第 " + previousSequence + " 号事件的全局序号 "
                    + previousGlobalIndex + "：事件顺序被调换", row, null, null,
                    "> " + previousGlobalIndex, Long.toString(row.globalIndex()));
            return null;
        }
        if (!links.chained()) {
            if (sawChained) {
                breakAt(BreakKind.CHAIN_REMOVED, "metaData", at + "的元数据中没有链哈希，而其前的事件已入链："
                        + "链哈希被删除，或事件被替换", row, null, null, null, null);
                return null;
            }
            return row.hashWith(ChainHash.GENESIS, links);
        }
        sawChained = true;
        if (links.damaged()) {
            breakAt(BreakKind.CHAIN_KEYS_DAMAGED, "metaData", at + "的元数据中链哈希（chainPrev/chainHash）缺失、"
                    + "格式错误（应为 64 位小写十六进制）或元数据不是 JSON 对象", row, null, null, null, null);
            return null;
        }
        String recomputed = row.hashWith(links.storedPrev(), links);
        if (!recomputed.equals(links.storedHash())) {
            breakAt(BreakKind.HASH_MISMATCH, "chainHash", at + "的内容与其链哈希不符：载荷、元数据、记录时间、类型或标识"
                    + "在写入后被改动（或序号被调换）", row, null, null, recomputed, links.storedHash());
            return null;
        }
        if (!expectedPrev.equals(links.storedPrev())) {
            String previous = sequence == 0 ? "创世值（64 个 0）" : "第 " + previousSequence + " 号事件的链哈希";
            breakAt(BreakKind.PREV_MISMATCH, "chainPrev", at + "记录的上一环（chainPrev）与" + previous
                    + "不符：其前的事件被替换、删除，或被改动后重算了哈希", row, null, null, expectedPrev,
                    links.storedPrev());
            return null;
        }
        return links.storedHash();
    }

    private void breakAt(BreakKind kind, String field, String rule, StoredEvent row, Long missingFrom,
            Long missingTo, String expected, String found) {
        firstBreak = new ChainBreak(kind, field, rule, EventRef.of(row), missingFrom, missingTo, expected, found);
    }

    boolean broken() {
        return firstBreak != null;
    }

    StreamStatus status() {
        if (firstBreak != null) {
            return StreamStatus.BROKEN;
        }
        if (unchainedEvents == 0) {
            return StreamStatus.INTACT;
        }
        return chainedEvents == 0 ? StreamStatus.UNCHAINED : StreamStatus.PARTLY_UNCHAINED;
    }

    StreamResult result() {
        return new StreamResult(aggregateId, status(), eventCount, lastSequence, firstBreak == null ? lastLink : null,
                unchainedEvents, firstBreak);
    }
}
