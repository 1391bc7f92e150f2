package cn.perfledger.domain.evaluation;

import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.domain.common.IndicatorId;
import cn.perfledger.domain.common.LedgerEvent;
import cn.perfledger.domain.common.RubricItemCode;
import cn.perfledger.domain.common.RubricVersionId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * Everything that happens to a department-year's self-evaluation, in past tense. Each event carries its
 * effective date (业务日期); the recorded time is the event store's timestamp. Texts are kept as written
 * next to their parsed form so that a later, better parser can be checked against the original.
 */
public sealed interface EvaluationEvent extends LedgerEvent {

    EvaluationId evaluationId();

    @Revision("1")
    record EvaluationStarted(EvaluationId evaluationId, FiscalYearId fiscalYearId, RubricVersionId rubricVersion,
            LocalDate effectiveDate) implements EvaluationEvent {
    }

    /**
     * {@code targetExpression} is the text as written, {@code target} its reading with the indicator's direction.
     * Revision 2: the target carries its direction, where it came from, and a range's upper end; revision-1 events
     * are upcast with the direction the old parser read (see the upcasters in ledger-app).
     */
    @Revision("2")
    record IndicatorDefined(EvaluationId evaluationId, IndicatorId indicatorId, List<String> path, String name,
            BigDecimal weight, String targetExpression, TargetExpression target, RubricItemCode rubricItemCode,
            LocalDate effectiveDate) implements EvaluationEvent {
    }

    /** Revision 2: {@code newTarget} as in {@link IndicatorDefined} revision 2. */
    @Revision("2")
    record IndicatorTargetRevised(EvaluationId evaluationId, IndicatorId indicatorId, String previousTargetExpression,
            String newTargetExpression, TargetExpression newTarget, String reason, LocalDate effectiveDate)
            implements EvaluationEvent {
    }

    /**
     * {@code actual} is the text as written, {@code value} its reading against the target (with the grade recorded
     * for a qualitative indicator); supersedes earlier actuals. Revision 2: the value carries the grade, and a bound
     * it states ("少于5个") is read as a set of values; revision-1 values were compared at their number, so their
     * upcast drops the bound.
     */
    @Revision("2")
    record IndicatorActualRecorded(EvaluationId evaluationId, IndicatorId indicatorId, String actual,
            ActualValue value, LocalDate effectiveDate) implements EvaluationEvent {
    }

    /** {@code previousScore} is the score this entry supersedes, or null for a first entry. */
    @Revision("1")
    record JudgementScoreEntered(EvaluationId evaluationId, RubricItemCode rubricItemCode, BigDecimal score,
            String basis, String evaluator, BigDecimal previousScore, LocalDate effectiveDate)
            implements EvaluationEvent {
    }

    @Revision("1")
    record JudgementScoreWithdrawn(EvaluationId evaluationId, RubricItemCode rubricItemCode, BigDecimal withdrawnScore,
            String reason, LocalDate effectiveDate) implements EvaluationEvent {
    }

    /**
     * The department's explanation of a rubric item (评分依据, 偏差原因, 改进措施; each may be null, not all); it
     * supersedes the one recorded before for the item ({@code supersedesEarlier}).
     */
    @Revision("1")
    record ItemExplanationRecorded(EvaluationId evaluationId, RubricItemCode rubricItemCode, String basis,
            String deviationReason, String improvement, boolean supersedesEarlier, LocalDate effectiveDate)
            implements EvaluationEvent {
    }

    @Revision("1")
    record BonusPenaltyRecorded(EvaluationId evaluationId, BonusPenaltyEntryId entryId, BonusPenaltyKind kind,
            BigDecimal points, String reason, String documentNo, LocalDate effectiveDate) implements EvaluationEvent {
    }

    /** {@code submissionNo} counts submissions from 1; a resubmission does not erase the earlier ones. */
    @Revision("1")
    record SelfEvaluationSubmitted(EvaluationId evaluationId, int submissionNo, LocalDate referenceDate,
            String digest, BigDecimal declaredTotal, String submittedBy, LocalDate effectiveDate)
            implements EvaluationEvent {
    }

    /**
     * A figure as a published document states it: {@code printedValue} as printed, {@code value} its number (scale as
     * printed), the unit as printed, the ledger value it should equal ({@code ledgerFigure}, may be null) and its
     * printed operands ({@code structure}, may be null).
     */
    @Revision("1")
    record DeclaredFigureRecorded(EvaluationId evaluationId, String figureId, String document, String item,
            String printedValue, BigDecimal value, String unitAsPrinted, String ledgerFigure,
            DeclaredStructure structure, LocalDate effectiveDate) implements EvaluationEvent {
    }

    /**
     * A self-evaluation table was imported: the file ({@code fileName} as uploaded, {@code digest} its hex SHA-256)
     * and how many of each entry its {@code rows} recorded; the entries themselves follow as their ordinary events
     * in the same commit. {@code unchanged} counts the entries that already stood as the table states them.
     */
    @Revision("1")
    record EvaluationTableImported(EvaluationId evaluationId, String fileName, String digest, int rows,
            int indicatorsDefined, int actualsRecorded, int judgementScoresEntered, int declaredFiguresRecorded,
            int unchanged, LocalDate effectiveDate) implements EvaluationEvent {
    }
}
