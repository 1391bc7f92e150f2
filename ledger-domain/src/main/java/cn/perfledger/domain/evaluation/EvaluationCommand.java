package cn.perfledger.domain.evaluation;

import cn.perfledger.domain.common.IndicatorId;
import cn.perfledger.domain.common.RubricItemCode;
import cn.perfledger.domain.common.RubricVersionId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * What an evaluator asks of a department-year's self-evaluation. Definitions and bonus/penalty entries are
 * effective inside the fiscal year; actuals, judgement scores and submissions may also be effective in the
 * following year, when the self-evaluation is actually done.
 */
public sealed interface EvaluationCommand {

    EvaluationId evaluationId();

    /** Starts the evaluation of the year under the rubric the year was opened with; effective on 1 January. */
    record StartEvaluation(@TargetAggregateIdentifier EvaluationId evaluationId, RubricVersionId rubricVersion)
            implements EvaluationCommand {
    }

    /**
     * Defines a performance indicator. {@code path} names its 一级/二级/三级 categories (1 to 3 names, e.g.
     * 履职效能 / 产出 / 数量指标); {@code weight} is its 分值 (0 to 100, at most 2 decimals);
     * {@code targetExpression} is the 年度目标值 as written; {@code direction} is the indicator's 指标方向 (正向, 反向,
     * 等于, 定性), or null when the target's own comparator states it ("≥95%", "9月底前"); {@code rubricItemCode}
     * optionally names the rubric leaf or group it feeds.
     */
    record DefineIndicator(@TargetAggregateIdentifier EvaluationId evaluationId, IndicatorId indicatorId,
            List<String> path, String name, BigDecimal weight, String targetExpression, Direction direction,
            RubricItemCode rubricItemCode, LocalDate effectiveDate) implements EvaluationCommand {

        /** Without a direction: the target text must state it. */
        public DefineIndicator(EvaluationId evaluationId, IndicatorId indicatorId, List<String> path, String name,
                BigDecimal weight, String targetExpression, RubricItemCode rubricItemCode, LocalDate effectiveDate) {
            this(evaluationId, indicatorId, path, name, weight, targetExpression, null, rubricItemCode, effectiveDate);
        }
    }

    /**
     * Revises an indicator's target (绩效目标调整); the reason is required. {@code newDirection} null keeps the
     * indicator's direction (a direction the old parser guessed is not kept: the text must then state one).
     */
    record ReviseTarget(@TargetAggregateIdentifier EvaluationId evaluationId, IndicatorId indicatorId,
            String newTargetExpression, Direction newDirection, String reason, LocalDate effectiveDate)
            implements EvaluationCommand {

        /** Keeping the indicator's direction. */
        public ReviseTarget(EvaluationId evaluationId, IndicatorId indicatorId, String newTargetExpression,
                String reason, LocalDate effectiveDate) {
            this(evaluationId, indicatorId, newTargetExpression, null, reason, effectiveDate);
        }
    }

    /**
     * Records an indicator's actual value (实际完成值) as written; a later record supersedes an earlier one. A
     * qualitative (定性) indicator's actual is any text and {@code grade} (达成 / 基本达成 / 部分达成 / 未达成) is
     * required; a quantitative indicator's actual takes no grade.
     */
    record RecordActual(@TargetAggregateIdentifier EvaluationId evaluationId, IndicatorId indicatorId, String actual,
            Grade grade, LocalDate effectiveDate) implements EvaluationCommand {

        /** A quantitative indicator's actual (no grade). */
        public RecordActual(EvaluationId evaluationId, IndicatorId indicatorId, String actual,
                LocalDate effectiveDate) {
            this(evaluationId, indicatorId, actual, null, effectiveDate);
        }
    }

    /**
     * Enters (or re-enters) the evaluator's score of a judgement item with its basis (评分依据). The rubric
     * caps the score at the item's weight; here it is only bounded by 0 and 100.
     */
    record EnterJudgementScore(@TargetAggregateIdentifier EvaluationId evaluationId, RubricItemCode rubricItemCode,
            BigDecimal score, String basis, String evaluator, LocalDate effectiveDate) implements EvaluationCommand {
    }

    /** Withdraws the score entered for a judgement item. */
    record WithdrawJudgementScore(@TargetAggregateIdentifier EvaluationId evaluationId,
            RubricItemCode rubricItemCode, String reason, LocalDate effectiveDate) implements EvaluationCommand {
    }

    /**
     * Records the department's own explanation of a rubric item — 评分依据 ({@code basis}), 偏差原因 / 未达标原因
     * ({@code deviationReason}) and 改进措施 ({@code improvement}) — for any item, computed ones included; at least one
     * text is given. It supersedes the explanation recorded before for the same item.
     */
    record RecordItemExplanation(@TargetAggregateIdentifier EvaluationId evaluationId, RubricItemCode rubricItemCode,
            String basis, String deviationReason, String improvement, LocalDate effectiveDate)
            implements EvaluationCommand {
    }

    /** Records a bonus (加分) or penalty (减分) entry; caps are applied by the rubric when scoring. */
    record RecordBonusPenalty(@TargetAggregateIdentifier EvaluationId evaluationId, BonusPenaltyEntryId entryId,
            BonusPenaltyKind kind, BigDecimal points, String reason, String documentNo, LocalDate effectiveDate)
            implements EvaluationCommand {
    }

    /**
     * Submits the self-evaluation table as of {@code referenceDate} (评价基准日); {@code digest} is the hex
     * SHA-256 of the table shown, {@code declaredTotal} the total the department states (optional).
     */
    record SubmitSelfEvaluation(@TargetAggregateIdentifier EvaluationId evaluationId, LocalDate referenceDate,
            String digest, BigDecimal declaredTotal, String submittedBy, LocalDate effectiveDate)
            implements EvaluationCommand {
    }

    /**
     * Records a figure a published document states (决算报告, 自评报告, 自评表), for reconciliation with the ledger.
     * {@code printedValue} is the text exactly as printed and holds exactly one number; {@code unitAsPrinted} is the
     * unit the document gives it (元, 万元, %, 分, 个 …), even when wrong. {@code ledgerFigure} names the ledger value it
     * should equal (a key of the {@link LedgerFigureKey} catalog, e.g. {@code FISCAL.FULL_YEAR} or
     * {@code THREE_PUBLIC.INITIAL_EXECUTION_RATE}); {@code structure} optionally gives the printed operands it was
     * computed from (a sum's parts, a ratio's terms, a growth's terms). At least one of the two is required.
     * {@code figureId} is chosen by the recorder and unique within the evaluation.
     */
    record RecordDeclaredFigure(@TargetAggregateIdentifier EvaluationId evaluationId, String figureId, String document,
            String item, String printedValue, String unitAsPrinted, String ledgerFigure, DeclaredStructure structure,
            LocalDate effectiveDate) implements EvaluationCommand {
    }

    /**
     * Imports a self-evaluation table (自评表) as one unit: every row is checked in file order against the evaluation
     * as it stands plus the rows before it, with the same rules as the single commands it carries, and either all
     * rows are recorded (with one {@code EvaluationTableImported}) or none is. {@code digest} is the hex SHA-256 of the
     * file: a file already imported is a reported no-op. {@code rubricVersion} is the version the rows were matched
     * against; it must be the evaluation's own, and starts the evaluation when it has not started yet.
     * {@code validateOnly} checks the rows and reports what would be recorded, without recording anything.
     */
    record ImportEvaluationTable(@TargetAggregateIdentifier EvaluationId evaluationId, RubricVersionId rubricVersion,
            String fileName, String digest, List<TableRow> rows, boolean validateOnly, LocalDate effectiveDate)
            implements EvaluationCommand {
    }

    /**
     * One row of an imported table ({@code row} is its number in the file, 1-based) and what it asks of the
     * evaluation; each part may be null. {@code actual} records the actual of {@code indicator}; {@code explanation}
     * is what the row's 评分依据 / 偏差原因 column says of a computed item. The parts are the
     * ordinary commands, so that the row is held to exactly their rules.
     */
    record TableRow(int row, DefineIndicator indicator, RecordActual actual, EnterJudgementScore judgement,
            RecordDeclaredFigure declaredFigure, RecordItemExplanation explanation) {

        /** A row without an explanation of its item. */
        public TableRow(int row, DefineIndicator indicator, RecordActual actual, EnterJudgementScore judgement,
                RecordDeclaredFigure declaredFigure) {
            this(row, indicator, actual, judgement, declaredFigure, null);
        }
    }
}
