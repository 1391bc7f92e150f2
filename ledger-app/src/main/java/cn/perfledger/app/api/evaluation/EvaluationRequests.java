package cn.perfledger.app.api.evaluation;

import cn.perfledger.domain.common.IndicatorId;
import cn.perfledger.domain.common.RubricItemCode;
import cn.perfledger.domain.evaluation.BonusPenaltyEntryId;
import cn.perfledger.domain.evaluation.BonusPenaltyKind;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Request bodies of the evaluation endpoints; the ledger checks every rule, the annotations mark what is required. */
public final class EvaluationRequests {

    static final String REQUIRED = "不能为空";

    private EvaluationRequests() {
    }

    @Schema(description = "定义绩效指标")
    public record IndicatorRequest(
            @Schema(example = "I-01") @NotNull(message = REQUIRED) IndicatorId indicatorId,
            @Schema(description = "一级/二级/三级指标名称（1 至 3 级），如 [\"产出指标\", \"数量指标\"]")
            @NotNull(message = REQUIRED) List<String> path,
            @Schema(description = "指标名称", example = "培训人次") @NotNull(message = REQUIRED) String name,
            @Schema(description = "分值", example = "2.94") @NotNull(message = REQUIRED) BigDecimal weight,
            @Schema(description = "年度目标值（原文）", example = ">=95%") @NotNull(message = REQUIRED) String targetExpression,
            @Schema(description = "指标方向：正向、反向、等于、定性；目标值写明比较方式（≥、以内、9月底前…）时可不填",
                    example = "正向") String direction,
            @Schema(description = "对应的评分规则项（可选）") RubricItemCode rubricItemCode,
            @NotNull(message = REQUIRED) LocalDate effectiveDate) {
    }

    @Schema(description = "调整指标目标值（须说明原因）")
    public record TargetRevisionRequest(
            @NotNull(message = REQUIRED) String newTargetExpression,
            @Schema(description = "新的指标方向（可选，不填则沿用原方向）：正向、反向、等于、定性") String newDirection,
            @NotNull(message = REQUIRED) String reason,
            @NotNull(message = REQUIRED) LocalDate effectiveDate) {
    }

    @Schema(description = "登记指标实际完成值（原文）")
    public record ActualRequest(
            @Schema(example = "96.5%") @NotNull(message = REQUIRED) String actual,
            @Schema(description = "定性指标的评定等级（定性指标必填）：达成、基本达成、部分达成、未达成") String grade,
            @NotNull(message = REQUIRED) LocalDate effectiveDate) {
    }

    @Schema(description = "录入评分项得分及评分依据")
    public record JudgementScoreRequest(
            @NotNull(message = REQUIRED) RubricItemCode rubricItemCode,
            @Schema(example = "4.5") @NotNull(message = REQUIRED) BigDecimal score,
            @Schema(description = "评分依据") @NotNull(message = REQUIRED) String basis,
            @Schema(description = "评分人") @NotNull(message = REQUIRED) String evaluator,
            @NotNull(message = REQUIRED) LocalDate effectiveDate) {
    }

    @Schema(description = "登记部门对评分项的说明：评分依据、偏差原因（未达标原因）、改进措施，至少一项；计算得分的评分项同样适用，后登记的取代先前的")
    public record ItemExplanationRequest(
            @Schema(example = "M.FUND.BUDGET-COMPLETION") @NotNull(message = REQUIRED) RubricItemCode rubricItemCode,
            @Schema(description = "评分依据") String basis,
            @Schema(description = "偏差原因（未达标原因）") String deviationReason,
            @Schema(description = "改进措施") String improvement,
            @NotNull(message = REQUIRED) LocalDate effectiveDate) {
    }

    @Schema(description = "撤回评分项得分")
    public record WithdrawalRequest(
            @NotNull(message = REQUIRED) String reason,
            @NotNull(message = REQUIRED) LocalDate effectiveDate) {
    }

    @Schema(description = "加减分项")
    public record BonusPenaltyRequest(
            @NotNull(message = REQUIRED) BonusPenaltyEntryId entryId,
            @NotNull(message = REQUIRED) BonusPenaltyKind kind,
            @Schema(example = "2.5") @NotNull(message = REQUIRED) BigDecimal points,
            @NotNull(message = REQUIRED) String reason,
            @Schema(description = "文号（可选）") String documentNo,
            @NotNull(message = REQUIRED) LocalDate effectiveDate) {
    }

    @Schema(description = "提交自评表")
    public record SubmissionRequest(
            @Schema(description = "评价基准日", example = "2021-12-31") @NotNull(message = REQUIRED) LocalDate referenceDate,
            @Schema(description = "所提交表格内容的 SHA-256（十六进制）") @NotNull(message = REQUIRED) String digest,
            @Schema(description = "部门自报总分（可选）", example = "94.65") BigDecimal declaredTotal,
            @NotNull(message = REQUIRED) String submittedBy,
            @NotNull(message = REQUIRED) LocalDate effectiveDate) {
    }
}
