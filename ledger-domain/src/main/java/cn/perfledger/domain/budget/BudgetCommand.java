package cn.perfledger.domain.budget;

import cn.perfledger.domain.budget.BudgetEvent.LineShare;
import cn.perfledger.domain.budget.BudgetEvent.UnitRef;
import cn.perfledger.domain.common.BudgetLineId;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.domain.common.Money;
import cn.perfledger.domain.common.ProcurementId;
import cn.perfledger.domain.common.RubricVersionId;
import cn.perfledger.domain.common.VoucherNo;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * What a clerk asks the budget ledger of one department-year to do. Commands that may arrive after the
 * year is sealed take {@code postCloseReason}: it must be null before close and is required after it.
 */
public sealed interface BudgetCommand {

    FiscalYearId fiscalYearId();

    /** Opens the year: units come from the department's register, the rubric names how it will be scored. */
    /**
     * Opens the year. {@code rubricFit} says where the rubric version comes from and where the department is (null
     * when the caller does not know): a rubric of another place or year may be used, and is then recorded with a
     * warning ({@code RubricOfOtherPlaceOrYearNoted}).
     */
    record OpenFiscalYear(@TargetAggregateIdentifier FiscalYearId fiscalYearId, String departmentName,
            List<UnitRef> units, RubricVersionId rubricVersion, RubricFit rubricFit) implements BudgetCommand {

        public OpenFiscalYear(FiscalYearId fiscalYearId, String departmentName, List<UnitRef> units,
                RubricVersionId rubricVersion) {
            this(fiscalYearId, departmentName, units, rubricVersion, null);
        }
    }

    /** The rubric version's place (辖区) and template year, and the department's place, as the directory has them. */
    record RubricFit(String rubricName, String rubricJurisdiction, int rubricTemplateYear,
            String departmentJurisdiction) {
    }

    record OpenBudgetLine(@TargetAggregateIdentifier FiscalYearId fiscalYearId, BudgetLineId lineId,
            BudgetLineSpec spec, LocalDate effectiveDate) implements BudgetCommand {
    }

    record ApproveInitialBudget(@TargetAggregateIdentifier FiscalYearId fiscalYearId, BudgetLineId lineId,
            Money amount, String documentNo, LocalDate effectiveDate) implements BudgetCommand {
    }

    /*
     * An adjustment (追加, 追减, 调剂) is identified by its kind, 文号 and line(s), or by an explicit adjustmentId (调整编号)
     * when one 文号 adjusts the same line more than once. The identical adjustment again is a reported no-op; another
     * adjustment under a recorded identity is refused (see AdjustmentIdentity).
     */

    record IncreaseBudget(@TargetAggregateIdentifier FiscalYearId fiscalYearId, BudgetLineId lineId, Money amount,
            String documentNo, String reason, LocalDate effectiveDate, String postCloseReason, String adjustmentId)
            implements BudgetCommand {

        /** Identified by its 文号 and line. */
        public IncreaseBudget(FiscalYearId fiscalYearId, BudgetLineId lineId, Money amount, String documentNo,
                String reason, LocalDate effectiveDate, String postCloseReason) {
            this(fiscalYearId, lineId, amount, documentNo, reason, effectiveDate, postCloseReason, null);
        }
    }

    record DecreaseBudget(@TargetAggregateIdentifier FiscalYearId fiscalYearId, BudgetLineId lineId, Money amount,
            String documentNo, String reason, LocalDate effectiveDate, String postCloseReason, String adjustmentId)
            implements BudgetCommand {

        /** Identified by its 文号 and line. */
        public DecreaseBudget(FiscalYearId fiscalYearId, BudgetLineId lineId, Money amount, String documentNo,
                String reason, LocalDate effectiveDate, String postCloseReason) {
            this(fiscalYearId, lineId, amount, documentNo, reason, effectiveDate, postCloseReason, null);
        }
    }

    /** Moves budget between lines (调剂); the shares must sum to zero and name each line once. */
    record TransferBudget(@TargetAggregateIdentifier FiscalYearId fiscalYearId, List<LineShare> shares,
            String documentNo, String reason, LocalDate effectiveDate, String postCloseReason, String adjustmentId)
            implements BudgetCommand {

        /** Identified by its 文号 and lines. */
        public TransferBudget(FiscalYearId fiscalYearId, List<LineShare> shares, String documentNo, String reason,
                LocalDate effectiveDate, String postCloseReason) {
            this(fiscalYearId, shares, documentNo, reason, effectiveDate, postCloseReason, null);
        }
    }

    /** Carry-in from the previous year, effective on the year's first day. */
    record RecordCarryIn(@TargetAggregateIdentifier FiscalYearId fiscalYearId, BudgetLineId lineId, Money amount,
            CarryOverKind kind) implements BudgetCommand {
    }

    /**
     * 其他资金收入: money a line funded from other sources (资金来源 其他 or 财政专户 — 事业收入, 经营收入, 捐赠, 利息…) received
     * beyond its budget. It may be spent on that line; it is not budget, so the line's 全年预算数 stays as approved.
     */
    record ReceiveOtherFunds(@TargetAggregateIdentifier FiscalYearId fiscalYearId, BudgetLineId lineId, Money amount,
            String documentNo, String reason, LocalDate effectiveDate) implements BudgetCommand {
    }

    record WithdrawAppropriation(@TargetAggregateIdentifier FiscalYearId fiscalYearId, BudgetLineId lineId,
            Money amount, String documentNo, String reason, LocalDate effectiveDate, String postCloseReason)
            implements BudgetCommand {
    }

    /** One voucher line of spending. */
    record ExpenditureEntry(VoucherNo voucherNo, BudgetLineId lineId, Money amount, LocalDate effectiveDate,
            String payee, String summary) {
    }

    /** Records one voucher; resubmitting an identical voucher is a reported no-op. */
    record RecordExpenditure(@TargetAggregateIdentifier FiscalYearId fiscalYearId, ExpenditureEntry entry,
            VoucherNo correctionOf, String postCloseReason) implements BudgetCommand {
    }

    /**
     * Records many vouchers at once (imports): all or nothing. Vouchers already recorded with the identical
     * payload are skipped and reported; a used voucher number with a different payload refuses the batch.
     */
    record RecordExpenditureBatch(@TargetAggregateIdentifier FiscalYearId fiscalYearId, String batchId,
            List<ExpenditureEntry> entries, String postCloseReason, List<ReversalEntry> reversals,
            List<CorrectionEntry> corrections) implements BudgetCommand {

        /** A batch of vouchers only. */
        public RecordExpenditureBatch(FiscalYearId fiscalYearId, String batchId, List<ExpenditureEntry> entries,
                String postCloseReason) {
            this(fiscalYearId, batchId, entries, postCloseReason, List.of(), List.of());
        }

        public RecordExpenditureBatch {
            reversals = reversals == null ? List.of() : reversals;
            corrections = corrections == null ? List.of() : corrections;
        }
    }

    /** A reversal (红字冲销) in a batch: decided after the batch's vouchers, so it may reverse one of them. */
    record ReversalEntry(VoucherNo voucherNo, VoucherNo originalVoucherNo, Money amount, String reason,
            LocalDate effectiveDate) {
    }

    /** A correcting voucher in a batch: decided after the batch's reversals, its original must be reversed by then. */
    record CorrectionEntry(ExpenditureEntry entry, VoucherNo correctionOf) {
    }

    /**
     * Imports one clerk's file (预算科目, 年初预算, 追加/调减/调剂, 支出凭证 and 冲销 rows) all or nothing. Each row is the
     * command the REST API would send for it, checked by that command's own rules in file order against the
     * ledger as the earlier rows leave it; one refused row refuses the file and every refusal is reported
     * against its row. A file whose SHA-256 was imported before is a reported no-op. Vouchers carry
     * {@code importId} as their batch id.
     *
     * @param rows     {@link OpenBudgetLine}, {@link ApproveInitialBudget}, {@link IncreaseBudget},
     *                 {@link DecreaseBudget}, {@link TransferBudget}, {@link RecordExpenditure} (a correction when it
     *                 names {@code correctionOf}) or {@link ReverseExpenditure}, all of this year
     * @param sha256   the SHA-256 of the file's bytes, 64 lowercase hex digits
     */
    record ImportLedgerFile(@TargetAggregateIdentifier FiscalYearId fiscalYearId, String importId, String fileName,
            String sha256, List<BudgetCommand> rows) implements BudgetCommand {

        /** The most rows one file may hold, as many as one expenditure batch; larger imports are split. */
        public static final int MAX_ROWS = 20_000;
    }

    /** Reverses (冲销) all or part of an earlier voucher with a new voucher number. */
    record ReverseExpenditure(@TargetAggregateIdentifier FiscalYearId fiscalYearId, VoucherNo voucherNo,
            VoucherNo originalVoucherNo, Money amount, String reason, LocalDate effectiveDate,
            String postCloseReason) implements BudgetCommand {
    }

    record PlanProcurement(@TargetAggregateIdentifier FiscalYearId fiscalYearId, ProcurementId procurementId,
            String name, ProcurementCategory category, Money planAmount, Money smeReserve,
            LocalDate effectiveDate) implements BudgetCommand {
    }

    record SignProcurementContract(@TargetAggregateIdentifier FiscalYearId fiscalYearId,
            ProcurementId procurementId, String contractNo, Money contractAmount, LocalDate awardNoticeDate,
            LocalDate signedDate) implements BudgetCommand {
    }

    record FileProcurementContract(@TargetAggregateIdentifier FiscalYearId fiscalYearId,
            ProcurementId procurementId, String contractNo, LocalDate filedDate) implements BudgetCommand {
    }

    record RecordProcurementExecution(@TargetAggregateIdentifier FiscalYearId fiscalYearId,
            ProcurementId procurementId, Money amount, Money smeAwardedAmount, LocalDate effectiveDate)
            implements BudgetCommand {
    }

    /** Rates as fractions: 0.75 = 75%. */
    record RecordExecutionNotice(@TargetAggregateIdentifier FiscalYearId fiscalYearId, String documentNo,
            BigDecimal requiredProgress, BigDecimal publishedRate, LocalDate noticeDate) implements BudgetCommand {
    }

    record RecordFixedAssets(@TargetAggregateIdentifier FiscalYearId fiscalYearId, Money originalValue,
            Money inUseValue, LocalDate effectiveDate) implements BudgetCommand {
    }

    /** 财政供养人员: 编制数 (authorized positions) and 实有人数 (actual headcount) as the 编制 document states them. */
    record RecordStaffing(@TargetAggregateIdentifier FiscalYearId fiscalYearId, Integer authorizedPositions,
            Integer actualHeadcount, String documentNo, LocalDate effectiveDate) implements BudgetCommand {
    }

    /**
     * Seals the year on 12-31: every line's unspent remainder becomes its carry-out. By default 项目 lines
     * carry forward (结转) and 基本 lines are 结余; {@code kindOverrides} changes that per line.
     */
    record CloseFiscalYear(@TargetAggregateIdentifier FiscalYearId fiscalYearId,
            Map<BudgetLineId, CarryOverKind> kindOverrides) implements BudgetCommand {
    }
}
