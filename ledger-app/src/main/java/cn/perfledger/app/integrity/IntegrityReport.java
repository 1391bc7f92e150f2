package cn.perfledger.app.integrity;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * The result of walking event streams and recomputing their hash chains ({@link IntegrityVerifier}).
 *
 * @param scope            what was verified: a department-year ({@code DEPT/2021}), one aggregate id, or {@code *}
 * @param status           {@link Status}
 * @param intact           no stream is broken (unchained events do not count as broken)
 * @param summary          one sentence in Chinese
 * @param streamCount      streams walked
 * @param eventsChecked    events read (all of them, also those behind a break)
 * @param chainedEvents    events carrying chain keys
 * @param unchainedEvents  events stored before the chain existed
 * @param brokenStreams    streams with a broken link
 * @param streams          per stream; for the whole store only the streams that are broken or unchained
 * @param streamsTruncated true when {@code streams} was cut at {@link IntegrityVerifier#MAX_LISTED_STREAMS}
 */
@Schema(description = "记录链校验结果")
public record IntegrityReport(
        @Schema(description = "校验范围：部门年度（DEPT/2021）、单个聚合标识或 *（全部）") String scope,
        Status status,
        @Schema(description = "没有断裂的记录链（未入链的记录不算断裂）") boolean intact,
        @Schema(description = "结论（中文）") String summary,
        Instant verifiedAt,
        int streamCount,
        long eventsChecked,
        long chainedEvents,
        long unchainedEvents,
        int brokenStreams,
        @Schema(description = "各记录链结果；全库校验时只列出断裂或未入链的记录链") List<StreamResult> streams,
        boolean streamsTruncated) {

    @Schema(description = "INTACT 链完整；INTACT_WITH_UNCHAINED 完整，但有启用哈希链之前写入的记录（未入链）；BROKEN 至少一条记录链断裂")
    public enum Status {
        INTACT, INTACT_WITH_UNCHAINED, BROKEN
    }

    @Schema(description = "INTACT 完整；UNCHAINED 全部记录写于启用哈希链之前；PARTLY_UNCHAINED 前段未入链、其后完整；BROKEN 断裂")
    public enum StreamStatus {
        INTACT, UNCHAINED, PARTLY_UNCHAINED, BROKEN
    }

    /**
     * One stream (aggregate).
     *
     * @param lastChainHash the link of the last event: its chainHash, or its anchor if it is unchained
     * @param firstBreak    the first broken link, null if none
     */
    @Schema(description = "一条记录链（聚合）的校验结果")
    public record StreamResult(String aggregateId, StreamStatus status, long eventCount, long lastSequence,
            @Schema(description = "最后一条记录的链哈希（未入链记录为其锚定哈希）") String lastChainHash,
            long unchainedEvents,
            @Schema(description = "第一处断裂，无则为 null") ChainBreak firstBreak,
            @Schema(description = "全部问题：链的第一处断裂与流头、封存记录的问题") List<ChainBreak> problems) {
    }

    @Schema(description = """
            HASH_MISMATCH 重算的（带密钥）哈希与记录的 chainHash 不符（载荷、元数据、时间或标识被改动，或记录被调换、\
            或不持密钥重算了哈希）；SEQUENCE_GAP 序号不连续（记录被删除）；PREV_MISMATCH chainPrev 与上一条记录的链哈希不符；\
            REORDERED 全局序号与记录链序号顺序不一致；CHAIN_REMOVED 已入链的记录之后出现无链哈希的记录；\
            CHAIN_KEYS_DAMAGED 链哈希缺失、格式错误或元数据不是 JSON 对象；UNKNOWN_KEY 所用密钥编号未配置；\
            UNKEYED_EVENT 锚定之后出现不带密钥的记录；HEAD_MISSING 记录链没有带密钥的流头记录；\
            HEAD_ALTERED 流头记录的 MAC 不符，或链不经过流头记录的哈希；TRUNCATED 流头（或封存）记录的记录多于现存记录\
            （末尾的记录被删除）；HEAD_ROLLED_BACK 流头记录落后于已封存或已读到的位置；STREAM_DELETED 整条记录链被删除；\
            SEAL_ALTERED 流头封存记录被改动；READ_MODEL_ALTERED 读模型行的 MAC 不符（未采用，改为从记录回放）""")
    public enum BreakKind {
        HASH_MISMATCH, SEQUENCE_GAP, PREV_MISMATCH, REORDERED, CHAIN_REMOVED, CHAIN_KEYS_DAMAGED, UNKNOWN_KEY,
        UNKEYED_EVENT, HEAD_MISSING, HEAD_ALTERED, TRUNCATED, HEAD_ROLLED_BACK, STREAM_DELETED, SEAL_ALTERED,
        READ_MODEL_ALTERED
    }

    /**
     * The first broken link of a stream.
     *
     * @param field        what is wrong, as a column or metadata key: chainHash, chainPrev, sequenceNumber,
     *                     globalIndex, metaData
     * @param rule         the explanation in Chinese
     * @param event        the event at which the chain breaks (for a gap: the first event after it)
     * @param missingFrom  for a gap: the first missing sequence number
     * @param missingTo    for a gap: the last missing sequence number
     * @param expected     the expected value (hash or sequence), if any
     * @param found        the value found, if any
     */
    @Schema(description = "记录链中第一处断裂")
    public record ChainBreak(BreakKind kind,
            @Schema(description = "出错之处：chainHash、chainPrev、sequenceNumber、globalIndex 或 metaData") String field,
            @Schema(description = "说明（中文）") String rule,
            @Schema(description = "断裂所在的记录（序号缺失时为缺口之后的第一条记录）") EventRef event,
            @Schema(description = "缺失的第一个序号（仅 SEQUENCE_GAP）") Long missingFrom,
            @Schema(description = "缺失的最后一个序号（仅 SEQUENCE_GAP）") Long missingTo,
            String expected, String found) {
    }

    /** An event as stored. {@code type} is the payload's simple name, {@code recordedAt} the stored time stamp. */
    @Schema(description = "账本中的一条记录")
    public record EventRef(long globalIndex, String eventIdentifier, String aggregateId, long sequenceNumber,
            @Schema(description = "记录类型简名", example = "ExpenditureRecorded") String type, String payloadType,
            String recordedAt) {

        static EventRef of(cn.perfledger.app.eventstore.StoredEvent row) {
            return new EventRef(row.globalIndex(), row.eventIdentifier(), row.aggregateIdentifier(),
                    row.sequenceNumber(), row.simpleType(), row.payloadType(), row.timeStamp());
        }
    }
}
