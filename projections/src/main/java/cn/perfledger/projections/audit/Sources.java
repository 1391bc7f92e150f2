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
import cn.perfledger.domain.budget.BudgetEvent.FixedAssetsRecorded;
import cn.perfledger.domain.budget.BudgetEvent.InitialBudgetApproved;
import cn.perfledger.domain.budget.BudgetEvent.LineShare;
import cn.perfledger.domain.budget.BudgetEvent.OtherFundsReceived;
import cn.perfledger.domain.budget.BudgetEvent.ProcurementContractFiled;
import cn.perfledger.domain.budget.BudgetEvent.ProcurementContractSigned;
import cn.perfledger.domain.budget.BudgetEvent.ProcurementExecuted;
import cn.perfledger.domain.budget.BudgetEvent.ProcurementPlanned;
import cn.perfledger.domain.budget.BudgetEvent.StaffingRecorded;
import cn.perfledger.domain.budget.BudgetLineSpec;
import cn.perfledger.domain.budget.ExpenditureKind;
import cn.perfledger.domain.common.BudgetLineId;
import cn.perfledger.domain.evaluation.EvaluationEvent.BonusPenaltyRecorded;
import cn.perfledger.domain.evaluation.EvaluationEvent.IndicatorActualRecorded;
import cn.perfledger.domain.evaluation.EvaluationEvent.IndicatorDefined;
import cn.perfledger.domain.evaluation.EvaluationEvent.IndicatorTargetRevised;
import cn.perfledger.domain.evaluation.EvaluationEvent.JudgementScoreEntered;
import cn.perfledger.domain.evaluation.EvaluationEvent.JudgementScoreWithdrawn;
import cn.perfledger.domain.rubric.LedgerMetric;
import cn.perfledger.projections.basis.RecordedEvent;
import cn.perfledger.projections.scoring.InputKind;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Which stored events an input of a scored item rests on, decided from the input's kind and code alone
 * ({@link cn.perfledger.projections.scoring.ScoredInput}): a ledger metric rests on the events of the budget
 * lines (or procurements, notices, assets) it sums, an indicator on its definition, target revisions and actuals,
 * a judgement on its entries and withdrawals, a bonus/penalty entry on its recording.
 */
public final class Sources {

    private Sources() {
    }

    /**
     * The events an input rests on. {@code lines} are the budget lines' specs as opened (the line a voucher
     * books to decides whether it counts for 财政拨款, 基本支出, 三公 …).
     */
    public static Predicate<RecordedEvent> of(InputKind kind, String code, Map<BudgetLineId, BudgetLineSpec> lines) {
        return switch (kind) {
            case LEDGER_METRIC -> metric(LedgerMetric.valueOf(code), lines);
            case INDICATOR -> e -> indicatorId(e.payload()) != null && indicatorId(e.payload()).equals(code);
            case INDICATOR_GROUP -> e -> false; // its members are listed as inputs of their own
            case JUDGEMENT -> e -> (e.payload() instanceof JudgementScoreEntered j && j.rubricItemCode().value().equals(code))
                    || (e.payload() instanceof JudgementScoreWithdrawn w && w.rubricItemCode().value().equals(code));
            case BONUS_PENALTY -> e -> e.payload() instanceof BonusPenaltyRecorded b && b.entryId().value().equals(code);
            case COMPUTED -> e -> false; // a step of the rule's arithmetic: its inputs are listed of their own
        };
    }

    /** What a ledger metric is computed from (LedgerMetricValues / LedgerMetrics). */
    static Predicate<RecordedEvent> metric(LedgerMetric metric, Map<BudgetLineId, BudgetLineSpec> lines) {
        return switch (metric) {
            case BUDGET_EXECUTION_RATE, CARRYOVER_RATE_53, CARRYOVER_RATE_YEAR_OVER_YEAR,
                    APPROPRIATION_REVENUE_VARIANCE_RATE -> onLines(lines, spec -> spec.fundingSource().isFiscalAppropriation());
            case BASIC_EXPENDITURE_EXECUTION_RATE -> onLines(lines, spec -> spec.kind().isBasic());
            case PROJECT_EXPENDITURE_EXECUTION_RATE -> onLines(lines, spec -> spec.kind() == ExpenditureKind.PROJECT);
            case OPERATING_EXPENSE_CONTROL_RATE -> onLines(lines, spec -> spec.kind() == ExpenditureKind.BASIC_OPERATING);
            case THREE_PUBLIC_CONTROL_RATE -> onLines(lines,
                    spec -> spec.economicCode().threePublicCategory().isPresent());
            case ANNUAL_AVERAGE_EXECUTION_RATE -> e -> e.payload() instanceof ExecutionNoticeRecorded;
            case PROCUREMENT_EXECUTION_RATE, SME_AWARD_SHARE -> e -> e.payload() instanceof ProcurementPlanned
                    || e.payload() instanceof ProcurementExecuted;
            case CONTRACT_SIGNING_TIMELINESS_RATE, CONTRACT_FILING_TIMELINESS_RATE -> e ->
                    e.payload() instanceof ProcurementContractSigned || e.payload() instanceof ProcurementContractFiled;
            case FIXED_ASSET_UTILISATION_RATE -> e -> e.payload() instanceof FixedAssetsRecorded;
            case INDICATOR_COMPLETION_SHARE -> e -> indicatorId(e.payload()) != null;
            case BUDGET_ADJUSTMENT_RATE, BUDGET_ADJUSTMENT_RATE_GROSS -> e -> (e.payload() instanceof InitialBudgetApproved
                    || e.payload() instanceof BudgetIncreased || e.payload() instanceof BudgetDecreased
                    || e.payload() instanceof BudgetTransferred)
                    && onLines(lines, spec -> spec.fundingSource().isFiscalAppropriation()).test(e);
            case STAFF_CONTROL_RATE -> e -> e.payload() instanceof StaffingRecorded;
            // this year's side; the previous year's events are not in this year's stream
            case THREE_PUBLIC_CHANGE_RATE -> onLines(lines, spec -> spec.economicCode().threePublicCategory().isPresent());
            case OPERATING_EXPENSE_CHANGE_RATE -> onLines(lines, spec -> spec.kind() == ExpenditureKind.BASIC_OPERATING);
            case EXPENDITURE_CHANGE_RATE -> e -> e.payload() instanceof ExpenditureRecorded
                    || e.payload() instanceof ExpenditureReversed;
        };
    }

    private static Predicate<RecordedEvent> onLines(Map<BudgetLineId, BudgetLineSpec> lines,
            Predicate<BudgetLineSpec> wanted) {
        return event -> {
            for (BudgetLineId id : lineIds(event.payload())) {
                BudgetLineSpec spec = lines.get(id);
                if (spec != null && wanted.test(spec)) {
                    return true;
                }
            }
            return false;
        };
    }

    /** The budget lines a ledger event books to (a transfer books to each of its shares' lines). */
    public static List<BudgetLineId> lineIds(Object payload) {
        if (payload instanceof ExpenditureRecorded e) {
            return List.of(e.lineId());
        } else if (payload instanceof ExpenditureReversed e) {
            return List.of(e.lineId());
        } else if (payload instanceof InitialBudgetApproved e) {
            return List.of(e.lineId());
        } else if (payload instanceof BudgetIncreased e) {
            return List.of(e.lineId());
        } else if (payload instanceof BudgetDecreased e) {
            return List.of(e.lineId());
        } else if (payload instanceof BudgetTransferred e) {
            return e.shares().stream().map(LineShare::lineId).toList();
        } else if (payload instanceof CarryInRecorded e) {
            return List.of(e.lineId());
        } else if (payload instanceof AppropriationWithdrawn e) {
            return List.of(e.lineId());
        } else if (payload instanceof OtherFundsReceived e) {
            return List.of(e.lineId());
        } else if (payload instanceof BudgetLineOpened e) {
            return List.of(e.lineId());
        }
        return List.of();
    }

    static String indicatorId(Object payload) {
        if (payload instanceof IndicatorDefined e) {
            return e.indicatorId().value();
        } else if (payload instanceof IndicatorTargetRevised e) {
            return e.indicatorId().value();
        } else if (payload instanceof IndicatorActualRecorded e) {
            return e.indicatorId().value();
        }
        return null;
    }
}
