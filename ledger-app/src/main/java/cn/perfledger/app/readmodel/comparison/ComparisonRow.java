package cn.perfledger.app.readmodel.comparison;

import cn.perfledger.app.integrity.IntegrityStatus;
import cn.perfledger.domain.common.Money;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;

/** One department-year of a jurisdiction comparison, taken from its {@code year_figures} row. */
@Schema(description = "管辖区域比较中的一个部门年度（取自读模型 year_figures 的该年一行，评价基准日为该年 12-31）")
public record ComparisonRow(
        @Schema(example = "GZ-ZSJ") String departmentId,
        @Schema(example = "广州市某局") String departmentName,
        @Schema(example = "广州市") String jurisdiction,
        @Schema(example = "GZ-ZSJ/2021") String fiscalYearId,
        @Schema(description = "全年预算数（合计）") Money budget,
        @Schema(description = "执行数（合计）") Money spent,
        @Schema(description = "预算执行率（合计，执行数 / 全年预算数）", nullable = true) BigDecimal executionRate,
        @Schema(description = "结转结余（合计的年末结转）") Money carryOver,
        @Schema(description = "自评总分；尚无已发布的评价体系版本时为 null", nullable = true) BigDecimal totalScore,
        @Schema(description = "评价等级；尚无评分表时为 null", nullable = true) String grade,
        @Schema(description = "该行所反映的最高全局序号") long lastGlobalIndex,
        @Schema(description = "该行最近写入时间（ISO-8601，UTC）") String updatedAt,
        @Schema(description = "read-model：读模型中校验通过的行；replay：该行未通过 MAC 校验，数字由记录回放得出") String source,
        @Schema(description = "所依据记录（及该行、目录行本身）的完整性；BROKEN 时数字不可信") IntegrityStatus integrity,
        @Schema(description = "完整性的依据：verified（该年度记录已读入内存并逐条校验）或 heads（仅依据带密钥的流头、"
                + "最近一次封存与最后一条记录，不含中间记录内容的校验）", example = "heads") String integrityBasis) {
}
