package cn.perfledger.domain.budget;

import cn.perfledger.domain.common.BudgetLineId;
import cn.perfledger.domain.common.DepartmentId;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.domain.common.LedgerEvent;
import cn.perfledger.domain.common.Money;
import cn.perfledger.domain.common.ProcurementId;
import cn.perfledger.domain.common.RubricVersionId;
import cn.perfledger.domain.common.UnitCode;
import cn.perfledger.domain.common.VoucherNo;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * Everything that happens to a department-year's budget ledger, in past tense. Each event carries its
 * effective date (业务日期); the recorded time is the event store's timestamp. Events that may arrive
 * after the year is sealed carry {@code postCloseReason}: null for ordinary entries, the stated reason
 * for an explicitly flagged post-close correction.
 */
public sealed interface BudgetEvent extends LedgerEvent {

    FiscalYearId fiscalYearId();

    /** A unit of the department as it stood when the year was opened. */
    record UnitRef(UnitCode code, String name) {
    }

    /** The carry-out of one line computed at close. */
    record LineCarryOut(BudgetLineId lineId, Money amount, CarryOverKind kind) {
    }

    /** One line's share of a transfer (调剂); the shares of a transfer sum to zero. */
    record LineShare(BudgetLineId lineId, Money amount) {
    }

    @Revision("1")
    record FiscalYearOpened(FiscalYearId fiscalYearId, DepartmentId departmentId, int year, String departmentName,
            List<UnitRef> units, RubricVersionId rubricVersion, LocalDate effectiveDate) implements BudgetEvent {
    }

    /**
     * The year was opened with a rubric version of another place (its 辖区 differs from the department's) or of another
     * year (its template year differs): allowed, and recorded so that the 自评表 carries the warning.
     */
    @Revision("1")
    record RubricOfOtherPlaceOrYearNoted(FiscalYearId fiscalYearId, RubricVersionId rubricVersion, String warning,
            LocalDate effectiveDate) implements BudgetEvent {
    }

    @Revision("1")
    record BudgetLineOpened(FiscalYearId fiscalYearId, BudgetLineId lineId, BudgetLineSpec spec,
            LocalDate effectiveDate) implements BudgetEvent {
    }

    @Revision("1")
    record InitialBudgetApproved(FiscalYearId fiscalYearId, BudgetLineId lineId, Money amount, String documentNo,
            LocalDate effectiveDate) implements BudgetEvent {
    }

    /*
     * Revision 2 of the three adjustments added adjustmentId: the explicit 调整编号, or null when the adjustment is
     * identified by its 文号 and line(s). Revision 1 had none (upcast to null).
     */

    @Revision("2")
    record BudgetIncreased(FiscalYearId fiscalYearId, BudgetLineId lineId, Money amount, String documentNo,
            String reason, LocalDate effectiveDate, String postCloseReason, String adjustmentId)
            implements BudgetEvent {

        /** Identified by its 文号 and line. */
        public BudgetIncreased(FiscalYearId fiscalYearId, BudgetLineId lineId, Money amount, String documentNo,
                String reason, LocalDate effectiveDate, String postCloseReason) {
            this(fiscalYearId, lineId, amount, documentNo, reason, effectiveDate, postCloseReason, null);
        }
    }

    @Revision("2")
    record BudgetDecreased(FiscalYearId fiscalYearId, BudgetLineId lineId, Money amount, String documentNo,
            String reason, LocalDate effectiveDate, String postCloseReason, String adjustmentId)
            implements BudgetEvent {

        /** Identified by its 文号 and line. */
        public BudgetDecreased(FiscalYearId fiscalYearId, BudgetLineId lineId, Money amount, String documentNo,
                String reason, LocalDate effectiveDate, String postCloseReason) {
            this(fiscalYearId, lineId, amount, documentNo, reason, effectiveDate, postCloseReason, null);
        }
    }

    @Revision("2")
    record BudgetTransferred(FiscalYearId fiscalYearId, List<LineShare> shares, String documentNo, String reason,
            LocalDate effectiveDate, String postCloseReason, String adjustmentId) implements BudgetEvent {

        /** Identified by its 文号 and lines. */
        public BudgetTransferred(FiscalYearId fiscalYearId, List<LineShare> shares, String documentNo, String reason,
                LocalDate effectiveDate, String postCloseReason) {
            this(fiscalYearId, shares, documentNo, reason, effectiveDate, postCloseReason, null);
        }
    }

    @Revision("1")
    record CarryInRecorded(FiscalYearId fiscalYearId, BudgetLineId lineId, Money amount, CarryOverKind kind,
            LocalDate effectiveDate) implements BudgetEvent {
    }

    /** 其他资金收入 on a line funded from other sources: spendable there, not part of its 全年预算数. */
    @Revision("1")
    record OtherFundsReceived(FiscalYearId fiscalYearId, BudgetLineId lineId, Money amount, String documentNo,
            String reason, LocalDate effectiveDate) implements BudgetEvent {
    }

    @Revision("1")
    record AppropriationWithdrawn(FiscalYearId fiscalYearId, BudgetLineId lineId, Money amount, String documentNo,
            String reason, LocalDate effectiveDate, String postCloseReason) implements BudgetEvent {
    }

    /** {@code correctionOf} names the voucher this one corrects (after that voucher was reversed), or null. */
    @Revision("1")
    record ExpenditureRecorded(FiscalYearId fiscalYearId, VoucherNo voucherNo, BudgetLineId lineId, Money amount,
            LocalDate effectiveDate, String payee, String summary, String batchId, VoucherNo correctionOf,
            String postCloseReason) implements BudgetEvent {
    }

    @Revision("1")
    record ExpenditureReversed(FiscalYearId fiscalYearId, VoucherNo voucherNo, VoucherNo originalVoucherNo,
            BudgetLineId lineId, Money amount, String reason, LocalDate effectiveDate, String postCloseReason)
            implements BudgetEvent {
    }

    @Revision("1")
    record ProcurementPlanned(FiscalYearId fiscalYearId, ProcurementId procurementId, String name,
            ProcurementCategory category, Money planAmount, Money smeReserve, LocalDate effectiveDate)
            implements BudgetEvent {
    }

    /** effectiveDate is the signing date; the award notice date measures signing timeliness. */
    @Revision("1")
    record ProcurementContractSigned(FiscalYearId fiscalYearId, ProcurementId procurementId, String contractNo,
            Money contractAmount, LocalDate awardNoticeDate, LocalDate effectiveDate) implements BudgetEvent {
    }

    /** effectiveDate is the filing (备案) date. */
    @Revision("1")
    record ProcurementContractFiled(FiscalYearId fiscalYearId, ProcurementId procurementId, String contractNo,
            LocalDate effectiveDate) implements BudgetEvent {
    }

    @Revision("1")
    record ProcurementExecuted(FiscalYearId fiscalYearId, ProcurementId procurementId, Money amount,
            Money smeAwardedAmount, LocalDate effectiveDate) implements BudgetEvent {
    }

    /**
     * A periodic execution notice of the finance bureau (财政局通报): the required progress (序时进度) and the
     * execution rate it published for the department, both as fractions (0.75 = 75%).
     */
    @Revision("1")
    record ExecutionNoticeRecorded(FiscalYearId fiscalYearId, String documentNo, BigDecimal requiredProgress,
            BigDecimal publishedRate, LocalDate effectiveDate) implements BudgetEvent {
    }

    @Revision("1")
    record FixedAssetsRecorded(FiscalYearId fiscalYearId, Money originalValue, Money inUseValue,
            LocalDate effectiveDate) implements BudgetEvent {
    }

    /** 财政供养人员: 编制数 and 实有人数 (the latest recorded counts). */
    @Revision("1")
    record StaffingRecorded(FiscalYearId fiscalYearId, int authorizedPositions, int actualHeadcount,
            String documentNo, LocalDate effectiveDate) implements BudgetEvent {
    }

    /**
     * A clerk's file was imported: the events of its rows precede this one in the stream (same correlation id).
     * Its SHA-256 makes a second import of the same file a no-op. effectiveDate is the latest effective date of
     * the rows' events, so that an as-of replay shows the import once everything it brought is in effect.
     */
    @Revision("1")
    record LedgerFileImported(FiscalYearId fiscalYearId, String importId, String fileName, String sha256,
            int rowCount, int eventCount, LocalDate effectiveDate) implements BudgetEvent {
    }

    @Revision("1")
    record FiscalYearClosed(FiscalYearId fiscalYearId, List<LineCarryOut> carryOuts, LocalDate effectiveDate)
            implements BudgetEvent {
    }
}
