package cn.perfledger.app.integrity;

import cn.perfledger.app.eventstore.StoredEvent;
import cn.perfledger.app.integrity.IntegrityReport.BreakKind;
import cn.perfledger.app.integrity.IntegrityReport.ChainBreak;
import cn.perfledger.app.integrity.IntegrityReport.EventRef;
import cn.perfledger.app.integrity.IntegrityReport.StreamResult;
import cn.perfledger.app.integrity.IntegrityReport.StreamStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Verifies one aggregate stream as its stored rows go by in sequence order — the one verifier behind the verify
 * endpoints, the digests, the history's verify-on-read (fed incrementally as the stream grows) and restores.
 * Each row is checked once: sequence continuity, global order, its keyed chain hash (HMAC with the key its
 * {@code chainKey} names) and its link to the previous row; an unkeyed (legacy) row only up to the stream's
 * accepted legacy prefix. The first broken link is kept. {@link #finish} then compares the walked chain with the
 * stream's keyed head row and its last seal: truncation, a deleted stream, an altered or rolled-back head.
 */
public final class StreamWalk {

    /** Accept every unkeyed row: the walk that anchors a legacy store. */
    public static final long ACCEPT_ALL_LEGACY = Long.MAX_VALUE;

    final String aggregateId;
    private final IntegrityKeys keys;
    private final long checkpoint;
    private final long legacyUpTo;

    long eventCount;
    long chainedEvents;
    long unchainedEvents;
    long keyedEvents;
    private long lastUnkeyedSequence = -1;
    long lastSequence = -1;
    /** The link of the last event: its stored chainHash, or its anchor when unchained. */
    String lastLink;
    private StoredEvent lastRow;
    private long lastGlobalIndex = Long.MIN_VALUE;
    private boolean sawChained;
    private boolean sawKeyed;
    ChainBreak firstBreak;
    private final List<ChainBreak> endProblems = new ArrayList<>();
    /** Links noted at sequence numbers a head or seal names. */
    private final Map<Long, String> noted = new HashMap<>();

    /** The link at {@link #checkpoint}, null if that event is missing (or the chain broke before it). */
    String linkAtCheckpoint;
    /** Events with a sequence number ≤ {@link #checkpoint}. */
    long eventsUpToCheckpoint;

    /**
     * @param legacyUpTo the last sequence number whose unkeyed link is accepted (−1: none; {@link #ACCEPT_ALL_LEGACY})
     * @param checkpoint a sequence number whose link and event count to note (−1: none)
     */
    public StreamWalk(String aggregateId, IntegrityKeys keys, long legacyUpTo, long checkpoint) {
        this.aggregateId = aggregateId;
        this.keys = keys;
        this.legacyUpTo = legacyUpTo;
        this.checkpoint = checkpoint;
    }

    /** Notes the link at {@code sequence} when the walk gets there (a head or seal to compare in {@link #finish}). */
    public void noteLinkAt(long sequence) {
        if (sequence > lastSequence) {
            noted.putIfAbsent(sequence, null);
        }
    }

    /** True when {@link #finish} can compare a head or seal at {@code sequence} with the walked chain. */
    public boolean comparableAt(long sequence) {
        return sequence >= lastSequence || noted.containsKey(sequence);
    }

    /** Checks the next stored row; returns its parsed links. */
    public ChainLinks accept(StoredEvent row) {
        eventCount++;
        long sequence = row.sequenceNumber();
        if (sequence <= checkpoint) {
            eventsUpToCheckpoint++;
        }
        ChainLinks links = ChainLinks.of(row);
        if (links.keyed()) {
            keyedEvents++;
        } else {
            lastUnkeyedSequence = sequence;
        }
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
        lastRow = row;
        if (firstBreak != null) {
            lastLink = links.chained() ? links.storedHash() : null;
            return links;
        }
        String link = check(row, links, expectedSequence, previousSequence, previousGlobalIndex, expectedPrev);
        lastLink = link;
        if (firstBreak == null && sequence == checkpoint) {
            linkAtCheckpoint = link;
        }
        if (noted.containsKey(sequence)) {
            noted.put(sequence, link);
        }
        return links;
    }

    private String check(StoredEvent row, ChainLinks links, long expectedSequence, long previousSequence,
            long previousGlobalIndex, String expectedPrev) {
        long sequence = row.sequenceNumber();
        if (sequence != expectedSequence) {
            String where = expectedSequence == 0 ? "开头" : "第 " + previousSequence + " 号与第 " + sequence + " 号之间";
            String missing = expectedSequence == sequence - 1 ? "第 " + expectedSequence + " 号记录"
                    : "第 " + expectedSequence + "–" + (sequence - 1) + " 号记录";
            breakAt(BreakKind.SEQUENCE_GAP, "sequenceNumber", "记录链 " + aggregateId + " 缺少" + missing + "（" + where
                    + "）：记录被删除或序号被改动", row, expectedSequence, sequence - 1,
                    Long.toString(expectedSequence), Long.toString(sequence));
            return null;
        }
        if (previousSequence >= 0 && row.globalIndex() >= 0 && row.globalIndex() <= previousGlobalIndex) {
            breakAt(BreakKind.REORDERED, "globalIndex", at(row) + "的全局序号不大于第 " + previousSequence + " 号记录的全局序号 "
                    + previousGlobalIndex + "：记录顺序被调换", row, null, null,
                    "> " + previousGlobalIndex, Long.toString(row.globalIndex()));
            return null;
        }
        if (!links.chained()) {
            if (sawChained) {
                breakAt(BreakKind.CHAIN_REMOVED, "metaData", at(row) + "的元数据中没有链哈希，而其前的记录已入链："
                        + "链哈希被删除，或记录被替换", row, null, null, null, null);
                return null;
            }
            return legacy(row, links) ? links.unkeyedHash(ChainHash.GENESIS) : null;
        }
        sawChained = true;
        if (links.damaged()) {
            breakAt(BreakKind.CHAIN_KEYS_DAMAGED, "metaData", at(row) + "的元数据中链哈希（chainPrev/chainHash/chainKey）缺失、"
                    + "格式错误（应为 64 位小写十六进制）或元数据不是 JSON 对象", row, null, null, null, null);
            return null;
        }
        String recomputed;
        if (links.keyed()) {
            sawKeyed = true;
            recomputed = links.keyedHash(keys, links.storedPrev());
            if (recomputed == null) {
                breakAt(BreakKind.UNKNOWN_KEY, "chainKey", at(row) + "的链哈希所用密钥编号 " + links.keyId()
                        + " 未在本系统配置（ledger.integrity.previous-keys）：无法校验", row, null, null,
                        String.join(",", keys.ids()), links.keyId());
                return null;
            }
        } else {
            if (!legacy(row, links)) {
                return null;
            }
            recomputed = links.unkeyedHash(links.storedPrev());
        }
        if (!recomputed.equals(links.storedHash())) {
            breakAt(BreakKind.HASH_MISMATCH, "chainHash", at(row) + "的内容与其链哈希不符：载荷、元数据、记录时间、类型或标识"
                    + "在写入后被改动（或序号被调换，或不持密钥重算了哈希）", row, null, null, recomputed, links.storedHash());
            return null;
        }
        if (!expectedPrev.equals(links.storedPrev())) {
            String previous = row.sequenceNumber() == 0 ? "创世值（64 个 0）" : "第 " + previousSequence + " 号记录的链哈希";
            breakAt(BreakKind.PREV_MISMATCH, "chainPrev", at(row) + "记录的上一环（chainPrev）与" + previous
                    + "不符：其前的记录被替换、删除，或被改动后重算了哈希", row, null, null, expectedPrev,
                    links.storedPrev());
            return null;
        }
        return links.storedHash();
    }

    /** An unkeyed row is accepted only within the stream's anchored legacy prefix. */
    private boolean legacy(StoredEvent row, ChainLinks links) {
        if (!sawKeyed && row.sequenceNumber() <= legacyUpTo) {
            return true;
        }
        breakAt(BreakKind.UNKEYED_EVENT, "chainKey", at(row) + "没有带密钥的链哈希，却不在锚定时接受的旧记录之内"
                + (legacyUpTo < 0 ? "（该记录链没有旧记录）" : "（旧记录截至第 " + legacyUpTo + " 号）")
                + "：记录被绕过账本写入，或被不持密钥地改写", row, null, null, null, links.keyed() ? links.keyId() : null);
        return false;
    }

    /**
     * Compares the walked chain with the stream's keyed head (null: none) and its sealed head (null: none);
     * {@code legacyUpTo} of the head must have been given to the constructor. Call after the rows read so far.
     */
    public List<ChainBreak> finish(StreamHeads heads, StreamHeads.Head head, IntegritySeals.SealedHead sealed) {
        endProblems.clear();
        String stream = "记录链 " + aggregateId;
        if (head == null) {
            if (eventCount > 0 && sealed == null) {
                end(BreakKind.HEAD_MISSING, "stream_head", stream + " 有 " + eventCount + " 条记录，却没有带密钥的流头记录："
                        + "流头被删除，或记录被绕过账本写入", lastSequence, null);
            }
        } else if (!heads.knowsKey(head)) {
            end(BreakKind.UNKNOWN_KEY, "stream_head.key_id", stream + " 的流头记录所用密钥编号 " + head.keyId()
                    + " 未在本系统配置：无法校验", head.sequenceNumber(), null);
        } else if (!heads.headVerifies(head) || heads.legacyUpTo(head) == null) {
            end(BreakKind.HEAD_ALTERED, "stream_head.head_mac", stream + " 的流头记录（第 " + head.sequenceNumber()
                    + " 号）与其 MAC 不符：流头记录被改动", head.sequenceNumber(), null);
        } else {
            position(stream + " 的流头记录", head.sequenceNumber(), head.chainHash());
        }
        if (sealed != null) {
            if (head == null && eventCount > 0) {
                end(BreakKind.HEAD_MISSING, "stream_head", stream + " 在封存记录中（第 " + sealed.sequenceNumber()
                        + " 号），现在却没有流头记录：流头被删除", sealed.sequenceNumber(), null);
            }
            position(stream + " 的封存记录（第 " + sealed.sealNo() + " 次封存）", sealed.sequenceNumber(),
                    sealed.chainHash());
        }
        return List.copyOf(endProblems);
    }

    private void position(String what, long sequence, String hash) {
        if (eventCount == 0) {
            end(BreakKind.STREAM_DELETED, "aggregateIdentifier", what + "记录了 " + (sequence + 1) + " 条记录，账本中"
                    + "却已没有该记录链的任何记录：整条记录链被删除", 0L, sequence);
            return;
        }
        if (sequence > lastSequence) {
            end(BreakKind.TRUNCATED, "sequenceNumber", what + "记录的最后序号为 " + sequence + "，账本中最后一条记录却是第 "
                    + lastSequence + " 号：末尾的记录被删除", lastSequence + 1, sequence);
            return;
        }
        if (firstBreak != null) {
            return; // the chain is broken before: its links say nothing
        }
        String link = sequence == lastSequence ? lastLink : noted.get(sequence);
        if (link == null && !noted.containsKey(sequence)) {
            end(BreakKind.HEAD_ROLLED_BACK, "stream_head.sequence_number", what + "停在第 " + sequence + " 号，落后于已读到"
                    + "的第 " + lastSequence + " 号：流头记录被换回旧值", sequence, null);
        } else if (!hash.equals(link)) {
            end(BreakKind.HEAD_ALTERED, "stream_head.chain_hash", what + "的哈希与记录链第 " + sequence + " 号记录的链哈希"
                    + "不符：记录链被改写（或重算）", sequence, null);
        }
    }

    private void end(BreakKind kind, String field, String rule, Long missingFrom, Long missingTo) {
        endProblems.add(new ChainBreak(kind, field, rule, lastRow == null ? null : EventRef.of(lastRow), missingFrom,
                missingTo, null, null));
    }

    private static String at(StoredEvent row) {
        return row.aggregateIdentifier() + " 第 " + row.sequenceNumber() + " 号记录（" + row.simpleType() + "，全局序号 "
                + row.globalIndex() + "）";
    }

    private void breakAt(BreakKind kind, String field, String rule, StoredEvent row, Long missingFrom,
            Long missingTo, String expected, String found) {
        firstBreak = new ChainBreak(kind, field, rule, EventRef.of(row), missingFrom, missingTo, expected, found);
    }

    boolean broken() {
        return firstBreak != null || !endProblems.isEmpty();
    }

    /** Every problem found: the first broken link, then those of the last {@link #finish}. */
    public List<ChainBreak> problems() {
        List<ChainBreak> all = new ArrayList<>();
        if (firstBreak != null) {
            all.add(firstBreak);
        }
        all.addAll(endProblems);
        return all;
    }

    /** Unkeyed events accepted as legacy. */
    public long legacyEvents() {
        return eventCount - keyedEvents;
    }

    /** The sequence number of the last unkeyed (legacy) row, −1 if none. */
    public long lastUnkeyedSequence() {
        return lastUnkeyedSequence;
    }

    public long lastSequence() {
        return lastSequence;
    }

    public String lastLink() {
        return lastLink;
    }

    StreamStatus status() {
        if (broken()) {
            return StreamStatus.BROKEN;
        }
        if (unchainedEvents == 0) {
            return StreamStatus.INTACT;
        }
        return chainedEvents == 0 ? StreamStatus.UNCHAINED : StreamStatus.PARTLY_UNCHAINED;
    }

    StreamResult result() {
        List<ChainBreak> problems = problems();
        return new StreamResult(aggregateId, status(), eventCount, lastSequence, broken() ? null : lastLink,
                unchainedEvents, problems.isEmpty() ? null : problems.get(0), problems);
    }
}
