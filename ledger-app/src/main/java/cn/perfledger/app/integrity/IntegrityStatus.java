package cn.perfledger.app.integrity;

import cn.perfledger.app.integrity.IntegrityReport.BreakKind;
import cn.perfledger.app.integrity.IntegrityReport.ChainBreak;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The integrity of the events an answer was computed from, verified once as they were read into memory: every
 * figure answer carries one ({@code BasisResult.integrity}). BROKEN means at least one of the streams the answer
 * replays (department, budget ledger, evaluation, the rubric versions the year names) or the read-model row it
 * used was found tampered with; the numbers then must not be trusted.
 *
 * @param legacyUnkeyedEvents events written before the keyed chain and accepted when the store was anchored
 *                            (their unkeyed links are protected by the keyed head since the anchor)
 */
@Schema(description = "答案所依据记录的完整性（读入内存时逐一校验一次）")
public record IntegrityStatus(
        @Schema(description = "INTACT 完整；BROKEN 发现篡改，数字不可信") Status status,
        @Schema(description = "发现的问题（记录链、序号、类型、说明），最多 " + IntegrityStatus.MAX_PROBLEMS + " 条")
        List<Problem> problems,
        @Schema(description = "启用带密钥哈希链之前写入、在锚定时被接受的旧记录数") long legacyUnkeyedEvents,
        @Schema(description = "结论（中文）") String summary) {

    public static final int MAX_PROBLEMS = 20;

    public enum Status {
        INTACT, BROKEN
    }

    /** One problem: where (stream and sequence number, if known), what kind, and why in Chinese. */
    @Schema(description = "一处完整性问题")
    public record Problem(
            @Schema(description = "记录链（聚合标识），或读模型的表与行", example = "GZ-ZSJ/2021") String stream,
            @Schema(description = "记录序号（未知时为 null）") Long sequence,
            BreakKind kind,
            @Schema(description = "说明（中文）") String rule) {

        public static Problem of(ChainBreak chainBreak, String stream) {
            Long sequence = chainBreak.missingFrom() != null ? chainBreak.missingFrom()
                    : chainBreak.event() != null ? Long.valueOf(chainBreak.event().sequenceNumber()) : null;
            return new Problem(stream, sequence, chainBreak.kind(), chainBreak.rule());
        }
    }

    public static final IntegrityStatus INTACT = new IntegrityStatus(Status.INTACT, List.of(), 0, "记录链完整");

    public boolean broken() {
        return status == Status.BROKEN;
    }

    /** The status of several parts: broken when any is; problems concatenated (capped). */
    public static IntegrityStatus combine(Collection<IntegrityStatus> parts) {
        List<Problem> problems = new ArrayList<>();
        long legacy = 0;
        for (IntegrityStatus part : parts) {
            legacy += part.legacyUnkeyedEvents();
            for (Problem problem : part.problems()) {
                if (problems.size() < MAX_PROBLEMS && !problems.contains(problem)) {
                    problems.add(problem);
                }
            }
        }
        return of(problems, legacy);
    }

    public static IntegrityStatus of(List<Problem> problems, long legacyUnkeyedEvents) {
        List<Problem> capped = List.copyOf(problems.size() > MAX_PROBLEMS ? problems.subList(0, MAX_PROBLEMS) : problems);
        if (capped.isEmpty()) {
            return legacyUnkeyedEvents == 0 ? INTACT : new IntegrityStatus(Status.INTACT, List.of(),
                    legacyUnkeyedEvents, "记录链完整；其中 " + legacyUnkeyedEvents + " 条记录写于启用带密钥哈希链之前，"
                            + "在锚定时被接受（锚定前的改动无法发现）");
        }
        Problem first = capped.get(0);
        return new IntegrityStatus(Status.BROKEN, capped, legacyUnkeyedEvents, "记录链校验未通过，数字不可信：发现 "
                + capped.size() + (problems.size() > MAX_PROBLEMS ? "+" : "") + " 处问题；首个："
                + first.stream() + (first.sequence() == null ? "" : " 第 " + first.sequence() + " 号") + " "
                + first.rule());
    }

    /** A status with one more problem (e.g. a read-model row that did not verify). */
    public IntegrityStatus with(Problem problem) {
        List<Problem> all = new ArrayList<>();
        all.add(problem);
        all.addAll(problems);
        return of(all, legacyUnkeyedEvents);
    }
}
