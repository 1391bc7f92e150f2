package cn.perfledger.app.integrity;

import cn.perfledger.app.command.NotFoundException;
import cn.perfledger.domain.common.ConflictException;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.FiscalYearId;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * A department-year's digest: the last link and event count of each of its streams, to be kept by an auditor
 * outside the ledger and checked against the store later.
 *
 * <p>{@code digest} = lowercase hex SHA-256 of the UTF-8 canonical JSON ({@link ChainHash}) of the {@code streams}
 * list sorted by aggregate id, each stream an object with exactly the members {@code aggregateId},
 * {@code eventCount}, {@code lastChainHash}, {@code lastSequence}; for example
 * {@code [{"aggregateId":"GZ-1/2021","eventCount":37,"lastChainHash":"ab…","lastSequence":36}]}. It seals the
 * document against editing; it is not a signature (whoever edits the streams can recompute it), so the auditor
 * keeps the document where the ledger's operators cannot change it.
 *
 * <p>A check passes when every exported stream still has the exported link at the exported sequence, with the
 * same number of events up to it, and every stream of the year verifies. Events appended since are fine: the
 * stored chain then still passes through the exported hash.
 */
@Service
public class IntegrityDigests {

    static final String HASH_RULE = "应为 64 位小写十六进制 SHA-256";
    static final String REQUIRED = "不能为空";

    /** The exported document. */
    @Schema(description = "部门年度记录链摘要：由审计方保存，日后用于核对账本是否被改动")
    public record DigestDocument(
            @Schema(description = "部门年度", example = "GZ-ZSJ/2021") @NotBlank(message = REQUIRED) String fiscalYearId,
            @Schema(description = "各记录链（按聚合标识排序）") @NotNull(message = REQUIRED) List<@Valid @NotNull(message = REQUIRED) DigestStream> streams,
            @Schema(description = "导出时间") Instant exportedAt,
            @Schema(description = "streams 的规范 JSON 的 SHA-256（小写十六进制）")
            @NotBlank(message = REQUIRED) @Pattern(regexp = "[0-9a-f]{64}", message = HASH_RULE) String digest) {
    }

    /** One stream as exported. */
    @Schema(description = "导出时一条记录链的末端")
    public record DigestStream(
            @Schema(example = "GZ-ZSJ/2021") @NotBlank(message = REQUIRED) String aggregateId,
            @Schema(description = "最后一条记录的序号") @NotNull(message = REQUIRED) @PositiveOrZero(message = "不能为负数") Long lastSequence,
            @Schema(description = "最后一条记录的链哈希") @NotBlank(message = REQUIRED)
            @Pattern(regexp = "[0-9a-f]{64}", message = HASH_RULE) String lastChainHash,
            @Schema(description = "记录条数") @NotNull(message = REQUIRED) @PositiveOrZero(message = "不能为负数") Long eventCount) {
    }

    @Schema(description = "MATCHES 与摘要完全一致；EXTENDED 一致且导出后又追加了记录；MISMATCH 不一致；DOCUMENT_ALTERED 摘要文件本身被改动")
    public enum CheckStatus {
        MATCHES, EXTENDED, MISMATCH, DOCUMENT_ALTERED
    }

    @Schema(description = """
            MATCHES 一致；EXTENDED 一致且其后追加了记录；NEW_STREAM 导出后新建的记录链（链完整）；\
            MISSING_STREAM 记录链已不存在；MISSING_EVENT 导出时的最后一条记录已不存在；\
            HASH_DIFFERS 该序号处的链哈希与摘要不符；COUNT_DIFFERS 截至该序号的记录数不符；BROKEN 记录链的链已断裂""")
    public enum StreamCheckStatus {
        MATCHES, EXTENDED, NEW_STREAM, MISSING_STREAM, MISSING_EVENT, HASH_DIFFERS, COUNT_DIFFERS, BROKEN
    }

    /**
     * One stream compared.
     *
     * @param field the part of the document that does not match ({@code streams[0].lastChainHash}, …), null if fine
     * @param rule  the explanation in Chinese
     */
    @Schema(description = "一条记录链的核对结果")
    public record StreamCheck(String aggregateId, StreamCheckStatus status, String field, String rule,
            @Schema(description = "摘要中的最后序号（新建的记录链为 null）") Long exportedLastSequence,
            @Schema(description = "账本中该序号处的链哈希") String storedChainHashAtExportedSequence,
            @Schema(description = "账本中截至该序号的记录数") Long storedEventCountUpToExportedSequence,
            @Schema(description = "账本中的最后序号（无记录为 -1）") long storedLastSequence,
            @Schema(description = "导出后追加的记录数") long eventsAppendedSince,
            @Schema(description = "记录链的第一处断裂（如有）") IntegrityReport.ChainBreak firstBreak) {
    }

    /** The outcome of a check. */
    @Schema(description = "摘要核对结果")
    public record DigestCheck(String fiscalYearId, CheckStatus status,
            @Schema(description = "账本是否仍与摘要相符（MATCHES 或 EXTENDED）") boolean matches,
            @Schema(description = "摘要文件的 digest 是否与其 streams 相符") boolean documentDigestValid,
            @Schema(description = "结论（中文）") String summary, Instant checkedAt, List<StreamCheck> streams) {
    }

    private final IntegrityVerifier verifier;
    private final Clock clock;

    public IntegrityDigests(IntegrityVerifier verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    /**
     * The digest of a department-year as stored now. Refused (409) when a stream of the year does not verify: a
     * digest of a broken chain would vouch for tampered data.
     */
    public DigestDocument export(FiscalYearId fiscalYearId) {
        List<DigestStream> streams = new ArrayList<>();
        for (String aggregate : verifier.streamsOf(fiscalYearId)) {
            StreamWalk walk = verifier.walk(aggregate, -1);
            if (walk.broken()) {
                throw new ConflictException("integrity", "记录链校验未通过，不能导出摘要：" + walk.problems().get(0).rule());
            }
            if (walk.eventCount > 0) {
                streams.add(new DigestStream(aggregate, walk.lastSequence, walk.lastLink, walk.eventCount));
            }
        }
        if (streams.isEmpty() || !streams.get(0).aggregateId().equals(fiscalYearId.toString())) {
            throw new NotFoundException("year", "部门年度不存在（尚未开立）: " + fiscalYearId);
        }
        streams.sort(Comparator.comparing(DigestStream::aggregateId));
        return new DigestDocument(fiscalYearId.toString(), streams, clock.instant(), digestOf(streams));
    }

    /** Compares the store with a document exported earlier for {@code fiscalYearId}. */
    public DigestCheck check(FiscalYearId fiscalYearId, DigestDocument document) {
        if (!fiscalYearId.toString().equals(document.fiscalYearId())) {
            throw new DomainException("fiscalYearId", "摘要所属的部门年度 " + document.fiscalYearId() + " 与路径中的 "
                    + fiscalYearId + " 不一致");
        }
        List<String> yearStreams = verifier.streamsOf(fiscalYearId);
        Map<String, Integer> positions = new LinkedHashMap<>();
        for (int i = 0; i < document.streams().size(); i++) {
            String aggregate = document.streams().get(i).aggregateId();
            if (!yearStreams.contains(aggregate)) {
                throw new DomainException("streams[" + i + "].aggregateId", "不属于部门年度 " + fiscalYearId
                        + " 的记录链（应为 " + String.join(" 或 ", yearStreams) + "）: " + aggregate);
            }
            if (positions.putIfAbsent(aggregate, i) != null) {
                throw new DomainException("streams[" + i + "].aggregateId", "记录链重复: " + aggregate);
            }
        }
        boolean documentValid = digestOf(document.streams()).equals(document.digest());
        List<StreamCheck> checks = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, Integer> entry : positions.entrySet()) {
            DigestStream exported = document.streams().get(entry.getValue());
            seen.add(exported.aggregateId());
            checks.add(compare(entry.getValue(), exported, verifier.walk(exported.aggregateId(), exported.lastSequence())));
        }
        for (String aggregate : yearStreams) {
            if (!seen.contains(aggregate)) {
                StreamWalk walk = verifier.walk(aggregate, -1);
                if (walk.eventCount > 0) {
                    checks.add(walk.broken()
                            ? new StreamCheck(aggregate, StreamCheckStatus.BROKEN, null, walk.problems().get(0).rule(),
                                    null, null, null, walk.lastSequence, walk.eventCount, walk.problems().get(0))
                            : new StreamCheck(aggregate, StreamCheckStatus.NEW_STREAM, null, "导出后新建的记录链，共 "
                                    + walk.eventCount + " 条记录，链完整", null, null, null, walk.lastSequence,
                                    walk.eventCount, null));
                }
            }
        }
        boolean storeMatches = checks.stream().allMatch(c -> c.status() == StreamCheckStatus.MATCHES
                || c.status() == StreamCheckStatus.EXTENDED || c.status() == StreamCheckStatus.NEW_STREAM);
        boolean extended = checks.stream().anyMatch(c -> c.status() == StreamCheckStatus.EXTENDED
                || c.status() == StreamCheckStatus.NEW_STREAM);
        CheckStatus status = !documentValid ? CheckStatus.DOCUMENT_ALTERED
                : !storeMatches ? CheckStatus.MISMATCH : extended ? CheckStatus.EXTENDED : CheckStatus.MATCHES;
        return new DigestCheck(fiscalYearId.toString(), status, status == CheckStatus.MATCHES
                || status == CheckStatus.EXTENDED, documentValid, summary(fiscalYearId, status, checks),
                clock.instant(), checks);
    }

    private static StreamCheck compare(int index, DigestStream exported, StreamWalk walk) {
        String aggregate = exported.aggregateId();
        long sequence = exported.lastSequence();
        String prefix = "streams[" + index + "]";
        long appended = Math.max(0, walk.lastSequence - sequence);
        if (walk.eventCount == 0) {
            return new StreamCheck(aggregate, StreamCheckStatus.MISSING_STREAM, prefix + ".aggregateId",
                    "记录链 " + aggregate + " 在账本中已没有任何记录（导出时 " + exported.eventCount() + " 个）", sequence,
                    null, null, -1, 0, null);
        }
        if (walk.broken()) {
            IntegrityReport.ChainBreak first = walk.problems().get(0);
            return new StreamCheck(aggregate, StreamCheckStatus.BROKEN, prefix, first.rule(), sequence,
                    walk.linkAtCheckpoint, walk.eventsUpToCheckpoint, walk.lastSequence, appended, first);
        }
        if (walk.linkAtCheckpoint == null) {
            return new StreamCheck(aggregate, StreamCheckStatus.MISSING_EVENT, prefix + ".lastSequence",
                    "导出时的最后一条记录（第 " + sequence + " 号）已不在账本中（现存最后序号 " + walk.lastSequence
                            + "）：其后的记录被删除", sequence, null, walk.eventsUpToCheckpoint, walk.lastSequence, 0,
                    null);
        }
        if (!walk.linkAtCheckpoint.equals(exported.lastChainHash())) {
            return new StreamCheck(aggregate, StreamCheckStatus.HASH_DIFFERS, prefix + ".lastChainHash",
                    "账本中第 " + sequence + " 号记录的链哈希与摘要不符：该记录或其之前的记录在导出后被改动、替换，"
                            + "或整条链被重算", sequence, walk.linkAtCheckpoint, walk.eventsUpToCheckpoint,
                    walk.lastSequence, appended, null);
        }
        if (walk.eventsUpToCheckpoint != exported.eventCount()) {
            return new StreamCheck(aggregate, StreamCheckStatus.COUNT_DIFFERS, prefix + ".eventCount",
                    "截至第 " + sequence + " 号记录，账本中有 " + walk.eventsUpToCheckpoint + " 条记录，摘要中为 "
                            + exported.eventCount() + " 个", sequence, walk.linkAtCheckpoint, walk.eventsUpToCheckpoint,
                    walk.lastSequence, appended, null);
        }
        if (appended > 0) {
            return new StreamCheck(aggregate, StreamCheckStatus.EXTENDED, null, "与摘要一致；导出后又追加了 " + appended
                    + " 条记录，链仍经过导出时的哈希", sequence, walk.linkAtCheckpoint, walk.eventsUpToCheckpoint,
                    walk.lastSequence, appended, null);
        }
        return new StreamCheck(aggregate, StreamCheckStatus.MATCHES, null, "与摘要一致", sequence,
                walk.linkAtCheckpoint, walk.eventsUpToCheckpoint, walk.lastSequence, 0, null);
    }

    private static String summary(FiscalYearId fiscalYearId, CheckStatus status, List<StreamCheck> checks) {
        String problems = String.join("；", checks.stream().filter(c -> c.status() != StreamCheckStatus.MATCHES
                && c.status() != StreamCheckStatus.EXTENDED && c.status() != StreamCheckStatus.NEW_STREAM)
                .map(c -> c.aggregateId() + "：" + c.rule()).toList());
        return switch (status) {
            case MATCHES -> fiscalYearId + "：账本与摘要完全一致";
            case EXTENDED -> fiscalYearId + "：账本与摘要一致，导出后追加了新记录";
            case MISMATCH -> fiscalYearId + "：账本与摘要不符 —— " + problems;
            case DOCUMENT_ALTERED -> fiscalYearId + "：摘要文件的 digest 与其 streams 不符，摘要文件本身被改动，不能作为核对依据"
                    + (problems.isEmpty() ? "" : "；另：" + problems);
        };
    }

    /** The digest of a streams list (see the class comment). */
    public static String digestOf(List<DigestStream> streams) {
        List<DigestStream> sorted = new ArrayList<>(streams);
        sorted.sort(Comparator.comparing(DigestStream::aggregateId));
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (DigestStream stream : sorted) {
            array.addObject()
                    .put("aggregateId", stream.aggregateId())
                    .put("eventCount", stream.eventCount())
                    .put("lastChainHash", stream.lastChainHash())
                    .put("lastSequence", stream.lastSequence());
        }
        return ChainHash.sha256Hex(ChainHash.canonicalJson(array).getBytes(StandardCharsets.UTF_8));
    }
}
