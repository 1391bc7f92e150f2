package cn.perfledger.app.readmodel.figures;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;

/**
 * A row of {@code year_figures}: the four documents are embedded exactly as stored (the canonical JSON bytes of
 * the views), so each one is byte-identical to the {@code result} of the corresponding as-of query at
 * (asOf, now) once the processor has caught up, and its digest equals that query's {@code digest}.
 */
@Schema(description = "读模型中保存的部门年度当前数据（评价基准日为该年 12-31，包含截至 lastGlobalIndex 已记录的全部记录）")
public record StoredYearFigures(
        @Schema(example = "GZ-ZSJ/2021") String fiscalYearId,
        @Schema(description = "评价基准日（该年 12-31）") LocalDate asOf,
        @Schema(description = "该行所反映的最高全局序号（本年度及其评价体系版本的记录）") long lastGlobalIndex,
        @Schema(description = "基准日内被计入的记录数") int eventsApplied,
        @Schema(description = "该行最近写入时间（ISO-8601，UTC）") String updatedAt,
        @Schema(description = "四个文档各自规范 JSON 的 SHA-256，与按时点查询返回的 digest 可直接比较") Digests digests,
        @Schema(description = "read-model：读模型中校验通过的行；replay：该行未通过 MAC 校验，数字由记录回放得出") String source,
        @Schema(description = "该行折叠到的各记录链位置（aggregate@sequence;…），受行 MAC 保护") String boundStreams,
        @Schema(description = "所依据记录（及该行本身）的完整性；BROKEN 时数字不可信") cn.perfledger.app.integrity.IntegrityStatus integrity,
        @JsonRawValue @Schema(type = "object", description = "预算执行情况（同 GET .../execution 的 result）") String execution,
        @JsonRawValue @Schema(type = "object", description = "结转结余（同 GET .../carryover 的 result）") String carryOver,
        @JsonRawValue @Schema(type = "object", description = "绩效指标完成情况（同 GET .../indicators 的 result）") String indicators,
        @JsonRawValue @Schema(type = "object", nullable = true,
                description = "评分后的自评表（同 GET .../evaluation 的 result）；尚无已发布的评价体系版本时为 null") String evaluation) {

    /** Lower-case hex SHA-256 of each stored document ({@code evaluation} null when there is none). */
    public record Digests(String execution, String carryOver, String indicators, String evaluation) {
    }
}
