package cn.perfledger.app.api.budget;

import cn.perfledger.domain.budget.CarryOverKind;
import cn.perfledger.domain.budget.EconomicCode;
import cn.perfledger.domain.budget.ExpenditureKind;
import cn.perfledger.domain.budget.FunctionalCode;
import cn.perfledger.domain.budget.FundingSource;
import cn.perfledger.domain.budget.ProcurementCategory;
import cn.perfledger.domain.common.BudgetLineId;
import cn.perfledger.domain.common.Money;
import cn.perfledger.domain.common.ProcurementId;
import cn.perfledger.domain.common.RubricVersionId;
import cn.perfledger.domain.common.UnitCode;
import cn.perfledger.domain.common.VoucherNo;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Request bodies of the budget ledger endpoints. Amounts are yuan as a JSON string or number with at most two
 * decimals ({@code "1234.50"}); exponent notation, thousands separators and a third decimal are refused. Dates
 * are {@code yyyy-MM-dd}. The ledger checks every rule itself; the annotations here only mark what must be
 * present so that the OpenAPI document shows it.
 */
public final class BudgetRequests {

    static final String REQUIRED = "不能为空";
    static final String ADJUSTMENT_ID = "调整编号（可空）：不填时一笔调整以类型、文号和预算行识别，同一文号对同一预算行有多笔调整时"
            + "须各填一个；与已登记调整完全相同的再次提交不产生记录（200）";
    /** The largest batch accepted in one request; larger imports are split by the importer. */
    public static final int MAX_BATCH = 20_000;

    private BudgetRequests() {
    }

    @Schema(description = "开立部门年度：部门名称与单位取自部门登记")
    public record OpenYearRequest(
            @Schema(description = "年度", example = "2021") @NotNull(message = REQUIRED) Integer year,
            @Schema(description = "评分所用的评价体系版本", example = "gz-municipal-2021@1")
            @NotNull(message = REQUIRED) RubricVersionId rubricVersion) {
    }

    @Schema(description = "开立预算行：单位 × 资金来源 × 支出类型（项目）× 功能分类 × 经济分类")
    public record BudgetLineRequest(
            @Schema(example = "L-0001") @NotNull(message = REQUIRED) BudgetLineId lineId,
            @Schema(example = "BJ") @NotNull(message = REQUIRED) UnitCode unit,
            @NotNull(message = REQUIRED) FundingSource fundingSource,
            @NotNull(message = REQUIRED) ExpenditureKind kind,
            @Schema(description = "项目编码（仅项目支出）") String projectCode,
            @Schema(description = "项目名称（仅项目支出）") String projectName,
            @Schema(description = "功能分类科目（3/5/7 位）", example = "2010101") @NotNull(message = REQUIRED) FunctionalCode functionalCode,
            @Schema(description = "经济分类科目（3/5 位）", example = "30201") @NotNull(message = REQUIRED) EconomicCode economicCode,
            @Schema(example = "2021-01-01") @NotNull(message = REQUIRED) LocalDate effectiveDate) {
    }

    @Schema(description = "年初预算批复")
    public record InitialBudgetRequest(
            @NotNull(message = REQUIRED) BudgetLineId lineId,
            @Schema(type = "string", example = "1000000.00") @NotNull(message = REQUIRED) Money amount,
            @Schema(description = "批复文号") @NotNull(message = REQUIRED) String documentNo,
            @NotNull(message = REQUIRED) LocalDate effectiveDate) {
    }

    @Schema(description = "预算追加或调减")
    public record AdjustmentRequest(
            @NotNull(message = REQUIRED) BudgetLineId lineId,
            @Schema(type = "string", example = "50000.00") @NotNull(message = REQUIRED) Money amount,
            @Schema(description = "文号") @NotNull(message = REQUIRED) String documentNo,
            @Schema(description = "调整原因") @NotNull(message = REQUIRED) String reason,
            @NotNull(message = REQUIRED) LocalDate effectiveDate,
            @Schema(description = "结账后更正的原因（仅年度结账后填写）") String postCloseReason,
            @Schema(description = ADJUSTMENT_ID) String adjustmentId) {
    }

    @Schema(description = "调剂中的一行：调入为正，调出为负")
    public record ShareRequest(
            @NotNull(message = REQUIRED) BudgetLineId lineId,
            @Schema(type = "string", example = "-20000.00") @NotNull(message = REQUIRED) Money amount) {
    }

    @Schema(description = "预算调剂：各行金额之和为 0")
    public record TransferRequest(
            @NotEmpty(message = REQUIRED) List<@Valid @NotNull(message = REQUIRED) ShareRequest> shares,
            @NotNull(message = REQUIRED) String documentNo,
            @NotNull(message = REQUIRED) String reason,
            @NotNull(message = REQUIRED) LocalDate effectiveDate,
            String postCloseReason,
            @Schema(description = ADJUSTMENT_ID) String adjustmentId) {
    }

    @Schema(description = "年初结转结余（1 月 1 日生效）")
    public record CarryInRequest(
            @NotNull(message = REQUIRED) BudgetLineId lineId,
            @Schema(type = "string") @NotNull(message = REQUIRED) Money amount,
            @NotNull(message = REQUIRED) CarryOverKind kind) {
    }

    @Schema(description = "其他资金收入：资金来源为“其他”或“财政专户”的预算行收到的超出预算的资金（事业收入、经营收入、捐赠、利息等）；"
            + "可在该行支出，不计入全年预算数")
    public record OtherFundsRequest(
            @NotNull(message = REQUIRED) BudgetLineId lineId,
            @Schema(type = "string") @NotNull(message = REQUIRED) Money amount,
            @Schema(description = "收入凭证号或文号（可空）") String documentNo,
            @NotNull(message = REQUIRED) String reason,
            @NotNull(message = REQUIRED) LocalDate effectiveDate) {
    }

    @Schema(description = "指标收回/注销")
    public record WithdrawalRequest(
            @NotNull(message = REQUIRED) BudgetLineId lineId,
            @Schema(type = "string") @NotNull(message = REQUIRED) Money amount,
            @NotNull(message = REQUIRED) String documentNo,
            @NotNull(message = REQUIRED) String reason,
            @NotNull(message = REQUIRED) LocalDate effectiveDate,
            String postCloseReason) {
    }

    @Schema(description = "一张支出凭证")
    public record ExpenditureEntryRequest(
            @Schema(description = "凭证号", example = "记-0012") @NotNull(message = REQUIRED) VoucherNo voucherNo,
            @NotNull(message = REQUIRED) BudgetLineId lineId,
            @Schema(type = "string", example = "1234.50") @NotNull(message = REQUIRED) Money amount,
            @NotNull(message = REQUIRED) LocalDate effectiveDate,
            @Schema(description = "收款人（可选）") String payee,
            @Schema(description = "摘要（可选）") String summary) {
    }

    @Schema(description = "登记支出凭证；与已登记凭证完全相同的重复提交不产生记录（200）")
    public record ExpenditureRequest(
            @NotNull(message = REQUIRED) VoucherNo voucherNo,
            @NotNull(message = REQUIRED) BudgetLineId lineId,
            @Schema(type = "string", example = "1234.50") @NotNull(message = REQUIRED) Money amount,
            @NotNull(message = REQUIRED) LocalDate effectiveDate,
            String payee,
            String summary,
            @Schema(description = "所更正的原凭证号（原凭证须已冲销）") VoucherNo correctionOf,
            String postCloseReason) {
    }

    @Schema(description = "批量登记支出凭证（全部成功或全部不登记）")
    public record ExpenditureBatchRequest(
            @Schema(description = "批次号", example = "import-2021-03") @NotNull(message = REQUIRED) String batchId,
            @NotEmpty(message = "批次至少需要一条凭证") @Size(max = MAX_BATCH, message = "一个批次最多 " + MAX_BATCH + " 条凭证")
            List<@Valid @NotNull(message = REQUIRED) ExpenditureEntryRequest> entries,
            String postCloseReason,
            @Schema(description = "红字冲销（可选）：在本批凭证之后判定，可冲销本批中的凭证")
            @Size(max = MAX_BATCH, message = "一个批次最多 " + MAX_BATCH + " 条冲销")
            List<@Valid @NotNull(message = REQUIRED) BatchReversalRequest> reversals,
            @Schema(description = "更正凭证（可选）：在冲销之后判定，所更正的原凭证须已冲销")
            @Size(max = MAX_BATCH, message = "一个批次最多 " + MAX_BATCH + " 条更正凭证")
            List<@Valid @NotNull(message = REQUIRED) BatchCorrectionRequest> corrections) {
    }

    @Schema(description = "批次中的一笔红字冲销：以新凭证号冲销原凭证的全部或部分金额")
    public record BatchReversalRequest(
            @Schema(description = "冲销凭证号（新号）") @NotNull(message = REQUIRED) VoucherNo voucherNo,
            @Schema(description = "被冲销的原凭证号") @NotNull(message = REQUIRED) VoucherNo originalVoucherNo,
            @Schema(type = "string", description = "冲销金额（正数）") @NotNull(message = REQUIRED) Money amount,
            @Schema(description = "冲销原因") @NotNull(message = REQUIRED) String reason,
            @NotNull(message = REQUIRED) LocalDate effectiveDate) {
    }

    @Schema(description = "批次中的一张更正凭证")
    public record BatchCorrectionRequest(
            @Schema(description = "凭证号", example = "记-0013") @NotNull(message = REQUIRED) VoucherNo voucherNo,
            @NotNull(message = REQUIRED) BudgetLineId lineId,
            @Schema(type = "string", example = "1234.50") @NotNull(message = REQUIRED) Money amount,
            @NotNull(message = REQUIRED) LocalDate effectiveDate,
            @Schema(description = "收款人（可选）") String payee,
            @Schema(description = "摘要（可选）") String summary,
            @Schema(description = "所更正的原凭证号（原凭证须已冲销）") @NotNull(message = REQUIRED) VoucherNo correctionOf) {
    }

    @Schema(description = "冲销原凭证的全部或部分金额，使用新凭证号")
    public record ReversalRequest(
            @Schema(description = "冲销凭证号") @NotNull(message = REQUIRED) VoucherNo voucherNo,
            @NotNull(message = REQUIRED) VoucherNo originalVoucherNo,
            @Schema(type = "string") @NotNull(message = REQUIRED) Money amount,
            @NotNull(message = REQUIRED) String reason,
            @NotNull(message = REQUIRED) LocalDate effectiveDate,
            String postCloseReason) {
    }

    @Schema(description = "政府采购预算")
    public record ProcurementRequest(
            @NotNull(message = REQUIRED) ProcurementId procurementId,
            @NotNull(message = REQUIRED) String name,
            @NotNull(message = REQUIRED) ProcurementCategory category,
            @Schema(type = "string") @NotNull(message = REQUIRED) Money planAmount,
            @Schema(type = "string", description = "预留中小企业份额") Money smeReserve,
            @NotNull(message = REQUIRED) LocalDate effectiveDate) {
    }

    @Schema(description = "采购合同签订")
    public record ContractRequest(
            @NotNull(message = REQUIRED) String contractNo,
            @Schema(type = "string") @NotNull(message = REQUIRED) Money contractAmount,
            @Schema(description = "中标（成交）通知书日期") @NotNull(message = REQUIRED) LocalDate awardNoticeDate,
            @Schema(description = "合同签订日期") @NotNull(message = REQUIRED) LocalDate signedDate) {
    }

    @Schema(description = "采购合同备案")
    public record FilingRequest(
            @NotNull(message = REQUIRED) String contractNo,
            @Schema(description = "备案日期") @NotNull(message = REQUIRED) LocalDate filedDate) {
    }

    @Schema(description = "采购执行")
    public record ProcurementExecutionRequest(
            @Schema(type = "string") @NotNull(message = REQUIRED) Money amount,
            @Schema(type = "string", description = "授予中小企业金额") Money smeAwardedAmount,
            @NotNull(message = REQUIRED) LocalDate effectiveDate) {
    }

    @Schema(description = "财政局执行进度通报；比率为小数（0.75 表示 75%）")
    public record ExecutionNoticeRequest(
            @NotNull(message = REQUIRED) String documentNo,
            @Schema(description = "序时进度", example = "0.75") @NotNull(message = REQUIRED) BigDecimal requiredProgress,
            @Schema(description = "通报执行率", example = "0.8123") @NotNull(message = REQUIRED) BigDecimal publishedRate,
            @NotNull(message = REQUIRED) LocalDate noticeDate) {
    }

    @Schema(description = "固定资产（原值、在用原值）")
    public record FixedAssetsRequest(
            @Schema(type = "string") @NotNull(message = REQUIRED) Money originalValue,
            @Schema(type = "string") @NotNull(message = REQUIRED) Money inUseValue,
            @NotNull(message = REQUIRED) LocalDate effectiveDate) {
    }

    @Schema(description = "财政供养人员：编制数与实有人数（财政供养人员控制率 = 实有人数 ÷ 编制数）")
    public record StaffingRequest(
            @Schema(description = "编制数", example = "120") @NotNull(message = REQUIRED) Integer authorizedPositions,
            @Schema(description = "实有人数", example = "113") @NotNull(message = REQUIRED) Integer actualHeadcount,
            @Schema(description = "编制文件文号（可空）") String documentNo,
            @NotNull(message = REQUIRED) LocalDate effectiveDate) {
    }

    @Schema(description = "年度结账；默认项目支出结转、基本支出结余，可按预算行覆盖")
    public record CloseRequest(Map<BudgetLineId, CarryOverKind> kindOverrides) {
    }
}
