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
import cn.perfledger.domain.budget.BudgetEvent.InitialBudgetApproved;
import cn.perfledger.domain.budget.BudgetEvent.LedgerFileImported;
import cn.perfledger.domain.budget.BudgetEvent.ProcurementContractFiled;
import cn.perfledger.domain.budget.BudgetEvent.ProcurementContractSigned;
import cn.perfledger.domain.budget.BudgetEvent.ProcurementExecuted;
import cn.perfledger.domain.budget.BudgetEvent.ProcurementPlanned;
import cn.perfledger.domain.evaluation.EvaluationEvent.BonusPenaltyRecorded;
import cn.perfledger.domain.evaluation.EvaluationEvent.EvaluationStarted;
import cn.perfledger.domain.evaluation.EvaluationEvent.IndicatorActualRecorded;
import cn.perfledger.domain.evaluation.EvaluationEvent.IndicatorDefined;
import cn.perfledger.domain.evaluation.EvaluationEvent.IndicatorTargetRevised;
import cn.perfledger.domain.evaluation.EvaluationEvent.JudgementScoreEntered;
import cn.perfledger.domain.evaluation.EvaluationEvent.JudgementScoreWithdrawn;
import cn.perfledger.domain.evaluation.EvaluationEvent.SelfEvaluationSubmitted;
import cn.perfledger.domain.rubric.RubricEvent.RubricPublished;
import cn.perfledger.projections.basis.RecordedEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * One stored event as an auditor reads it: id, type (and its Chinese name), effective date, recorded time,
 * the voucher or 文号 it carries, the amount (元, as recorded: a reversal's amount is positive, a decrease too)
 * and what it is about (budget line, procurement, indicator, rubric item, bonus entry).
 *
 * @param reference voucher number, 文号, contract number or imported file name; null when the event has none
 * @param amount    the amount as recorded, or the judgement score / bonus points; null when the event has none
 * @param subject   the line, procurement, indicator, item or entry the event is about, or the import id of a
 *                  file import; null for year-wide events
 */
public record AuditEvent(long globalSequence, String eventId, String type, String typeLabel, LocalDate effectiveDate,
        Instant recordedAt, String reference, BigDecimal amount, String subject) {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("FiscalYearOpened", "年度开账"), Map.entry("BudgetLineOpened", "预算行开设"),
            Map.entry("InitialBudgetApproved", "年初预算批复"), Map.entry("BudgetIncreased", "追加预算"),
            Map.entry("BudgetDecreased", "调减预算"), Map.entry("BudgetTransferred", "预算调剂"),
            Map.entry("CarryInRecorded", "年初结转结余"), Map.entry("AppropriationWithdrawn", "指标收回"),
            Map.entry("ExpenditureRecorded", "支出凭证"), Map.entry("ExpenditureReversed", "冲销凭证"),
            Map.entry("ProcurementPlanned", "政府采购计划"), Map.entry("ProcurementContractSigned", "采购合同签订"),
            Map.entry("ProcurementContractFiled", "采购合同备案"), Map.entry("ProcurementExecuted", "政府采购执行"),
            Map.entry("ExecutionNoticeRecorded", "财政执行进度通报"), Map.entry("FixedAssetsRecorded", "固定资产登记"),
            Map.entry("LedgerFileImported", "账务文件导入"), Map.entry("FiscalYearClosed", "年度结账"), Map.entry("EvaluationStarted", "自评开始"),
            Map.entry("IndicatorDefined", "绩效指标设定"), Map.entry("IndicatorTargetRevised", "指标目标值调整"),
            Map.entry("IndicatorActualRecorded", "指标实际值录入"), Map.entry("JudgementScoreEntered", "评价人评分录入"),
            Map.entry("JudgementScoreWithdrawn", "评价人评分撤回"), Map.entry("BonusPenaltyRecorded", "加减分事项"),
            Map.entry("SelfEvaluationSubmitted", "自评提交"), Map.entry("RubricPublished", "评价体系发布"),
            Map.entry("RubricRetired", "评价体系停用"), Map.entry("DeclaredFigureRecorded", "申报数登记"),
            Map.entry("EvaluationTableImported", "自评表导入"), Map.entry("DepartmentRegistered", "部门登记"),
            Map.entry("UnitAdded", "单位增设"));

    /** The Chinese name of an event type; the type itself when unknown. */
    public static String label(String type) {
        return LABELS.getOrDefault(type, type);
    }

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
        } else if (p instanceof BonusPenaltyRecorded e) {
            reference = e.documentNo();
            amount = e.points();
            subject = e.entryId().value();
        } else if (p instanceof SelfEvaluationSubmitted e) {
            amount = e.declaredTotal();
        } else if (p instanceof RubricPublished e) {
            subject = e.rubricVersionId().value();
        } else if (p instanceof FiscalYearOpened || p instanceof FiscalYearClosed || p instanceof EvaluationStarted) {
            subject = null;
        }
        String type = event.type();
        return new AuditEvent(event.globalSequence(), event.eventId(), type, label(type),
                event.effectiveDate(), event.recordedAt(), reference, amount, subject);
    }
}
