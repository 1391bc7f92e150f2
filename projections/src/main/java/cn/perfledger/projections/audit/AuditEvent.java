package cn.perfledger.projections.audit;

import cn.perfledger.domain.budget.BudgetEvent.AppropriationWithdrawn;
import cn.perfledger.domain.budget.BudgetEvent.BudgetDecreased;
import cn.perfledger.domain.budget.BudgetEvent.BudgetIncreased;
import cn.perfledger.domain.budget.BudgetEvent.BudgetLineOpened;
import cn.perfledger.domain.budget.BudgetEvent.BudgetTransferred;
import cn.perfledger.domain.budget.BudgetEvent.CarryInRecorded;
import cn.perfledger.domain.budget.BudgetEvent.ExecutionNoticeRecorded;
import cn.perfledger.domain.budget.BudgetEvent.ExpenditureRecorded;
import cn.perfledger.domain.budget.BudgetEvent.ExpenditureReversed;
import cn.perfledger.domain.budget.BudgetEvent.FiscalYearClosed;
import cn.perfledger.domain.budget.BudgetEvent.FiscalYearOpened;
import cn.perfledger.domain.budget.BudgetEvent.FixedAssetsRecorded;
import cn.perfledger.domain.budget.BudgetEvent.OtherFundsReceived;
import cn.perfledger.domain.budget.BudgetEvent.RubricOfOtherPlaceOrYearNoted;
import cn.perfledger.domain.budget.BudgetEvent.StaffingRecorded;
import cn.perfledger.domain.budget.BudgetEvent.InitialBudgetApproved;
import cn.perfledger.domain.budget.BudgetEvent.LedgerFileImported;
import cn.perfledger.domain.budget.BudgetEvent.ProcurementContractFiled;
import cn.perfledger.domain.budget.BudgetEvent.ProcurementContractSigned;
import cn.perfledger.domain.budget.BudgetEvent.ProcurementExecuted;
import cn.perfledger.domain.budget.BudgetEvent.ProcurementPlanned;
import cn.perfledger.domain.department.DepartmentEvent.DepartmentRegistered;
import cn.perfledger.domain.department.DepartmentEvent.UnitAdded;
import cn.perfledger.domain.evaluation.EvaluationEvent.BonusPenaltyRecorded;
import cn.perfledger.domain.evaluation.EvaluationEvent.DeclaredFigureRecorded;
import cn.perfledger.domain.evaluation.EvaluationEvent.EvaluationTableImported;
import cn.perfledger.domain.evaluation.EvaluationEvent.EvaluationStarted;
import cn.perfledger.domain.evaluation.EvaluationEvent.IndicatorActualRecorded;
import cn.perfledger.domain.evaluation.EvaluationEvent.IndicatorDefined;
import cn.perfledger.domain.evaluation.EvaluationEvent.IndicatorTargetRevised;
import cn.perfledger.domain.evaluation.EvaluationEvent.ItemExplanationRecorded;
import cn.perfledger.domain.evaluation.EvaluationEvent.JudgementScoreEntered;
import cn.perfledger.domain.evaluation.EvaluationEvent.JudgementScoreWithdrawn;
import cn.perfledger.domain.evaluation.EvaluationEvent.SelfEvaluationSubmitted;
import cn.perfledger.domain.rubric.RubricEvent.RubricPublished;
import cn.perfledger.domain.rubric.RubricEvent.RubricRetired;
import cn.perfledger.projections.basis.RecordedEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One stored event as an auditor reads it: id, type (and its Chinese name, {@link EventTypeLabels}), effective
 * date, recorded time, the voucher or 文号 it carries, the amount (元, as recorded: a reversal's amount is positive,
 * a decrease too) and what it is about (budget line, procurement, indicator, rubric item, bonus entry).
 *
 * @param reference voucher number, 文号, contract number or imported file name; null when the event has none
 * @param amount    the amount as recorded, or the judgement score / bonus points; null when the event has none
 * @param subject   the line, procurement, indicator, item or entry the event is about, or the import id of a
 *                  file import; null for year-wide events
 */
public record AuditEvent(long globalSequence, String eventId, String type, String typeLabel, LocalDate effectiveDate,
        Instant recordedAt, String reference, BigDecimal amount, String subject) {

    public static AuditEvent of(RecordedEvent event) {
        Object p = event.payload();
        String reference = null;
        BigDecimal amount = null;
        String subject = null;
        if (p instanceof ExpenditureRecorded e) {
            reference = e.voucherNo().value();
            amount = e.amount().yuan();
            subject = e.lineId().value();
        } else if (p instanceof ExpenditureReversed e) {
            reference = e.voucherNo().value();
            amount = e.amount().yuan();
            subject = e.lineId().value();
        } else if (p instanceof InitialBudgetApproved e) {
            reference = e.documentNo();
            amount = e.amount().yuan();
            subject = e.lineId().value();
        } else if (p instanceof BudgetIncreased e) {
            reference = e.documentNo();
            amount = e.amount().yuan();
            subject = e.lineId().value();
        } else if (p instanceof BudgetDecreased e) {
            reference = e.documentNo();
            amount = e.amount().yuan();
            subject = e.lineId().value();
        } else if (p instanceof BudgetTransferred e) {
            reference = e.documentNo();
            amount = e.shares().stream().map(s -> s.amount().yuan()).filter(a -> a.signum() > 0)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        } else if (p instanceof CarryInRecorded e) {
            amount = e.amount().yuan();
            subject = e.lineId().value();
        } else if (p instanceof AppropriationWithdrawn e) {
            reference = e.documentNo();
            amount = e.amount().yuan();
            subject = e.lineId().value();
        } else if (p instanceof BudgetLineOpened e) {
            subject = e.lineId().value();
        } else if (p instanceof ProcurementPlanned e) {
            amount = e.planAmount().yuan();
            subject = e.procurementId().value();
        } else if (p instanceof ProcurementContractSigned e) {
            reference = e.contractNo();
            subject = e.procurementId().value();
        } else if (p instanceof ProcurementContractFiled e) {
            reference = e.contractNo();
            subject = e.procurementId().value();
        } else if (p instanceof ProcurementExecuted e) {
            amount = e.amount().yuan();
            subject = e.procurementId().value();
        } else if (p instanceof ExecutionNoticeRecorded e) {
            reference = e.documentNo();
        } else if (p instanceof FixedAssetsRecorded e) {
            amount = e.originalValue().yuan();
        } else if (p instanceof StaffingRecorded e) {
            reference = e.documentNo();
        } else if (p instanceof OtherFundsReceived e) {
            reference = e.documentNo();
            amount = e.amount().yuan();
            subject = e.lineId().value();
        } else if (p instanceof LedgerFileImported e) {
            reference = e.fileName();
            subject = e.importId();
        } else if (p instanceof IndicatorDefined e) {
            subject = e.indicatorId().value();
        } else if (p instanceof IndicatorTargetRevised e) {
            subject = e.indicatorId().value();
        } else if (p instanceof IndicatorActualRecorded e) {
            subject = e.indicatorId().value();
        } else if (p instanceof JudgementScoreEntered e) {
            amount = e.score();
            subject = e.rubricItemCode().value();
        } else if (p instanceof JudgementScoreWithdrawn e) {
            amount = e.withdrawnScore();
            subject = e.rubricItemCode().value();
        } else if (p instanceof ItemExplanationRecorded e) {
            subject = e.rubricItemCode().value();
        } else if (p instanceof BonusPenaltyRecorded e) {
            reference = e.documentNo();
            amount = e.points();
            subject = e.entryId().value();
        } else if (p instanceof SelfEvaluationSubmitted e) {
            amount = e.declaredTotal();
        } else if (p instanceof RubricPublished e) {
            subject = e.rubricVersionId().value();
        } else if (p instanceof RubricOfOtherPlaceOrYearNoted e) {
            subject = e.rubricVersion().value();
        } else if (p instanceof RubricRetired e) {
            subject = e.rubricVersionId().value();
        } else if (p instanceof DeclaredFigureRecorded e) {
            reference = e.document();
            amount = e.value();
            subject = e.figureId();
        } else if (p instanceof EvaluationTableImported e) {
            reference = e.fileName();
        } else if (p instanceof DepartmentRegistered e) {
            subject = e.departmentId().toString();
        } else if (p instanceof UnitAdded e) {
            subject = e.unit().code().value();
        } else if (p instanceof FiscalYearOpened || p instanceof FiscalYearClosed || p instanceof EvaluationStarted) {
            subject = null;
        }
        String type = event.type();
        return new AuditEvent(event.globalSequence(), event.eventId(), type, EventTypeLabels.label(type),
                event.effectiveDate(), event.recordedAt(), reference, amount, subject);
    }
}
