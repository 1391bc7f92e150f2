package cn.perfledger.app.evaluation;

import cn.perfledger.domain.common.IndicatorId;
import cn.perfledger.domain.common.RubricItemCode;
import cn.perfledger.domain.evaluation.Direction;
import cn.perfledger.domain.evaluation.EvaluationCommand.DefineIndicator;
import cn.perfledger.domain.evaluation.EvaluationCommand.EnterJudgementScore;
import cn.perfledger.domain.evaluation.EvaluationCommand.RecordActual;
import cn.perfledger.domain.evaluation.EvaluationCommand.RecordItemExplanation;
import cn.perfledger.domain.evaluation.EvaluationId;
import cn.perfledger.domain.evaluation.Grade;
import cn.perfledger.domain.rubric.RubricNode;
import cn.perfledger.projections.scoring.SelfEvaluationCells;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The commands one entry of a scored self-evaluation table records, whichever way the table arrives (the demo
 * loader's transcriptions of the seeds, an evaluator's imported 自评表), so that both record the same facts the same
 * way: an indicator is defined with its 年度指标值 and, when the table gives one, its 实际完成值; a judged rubric
 * item gets its score with its 评分依据. Items the rubric derives (ledger metrics, indicator groups, bonus/penalty)
 * get no entry: their printed score is only a figure to compare with.
 */
public final class SelfEvaluationEntries {

    /** Who scores a table that does not say: the seeds' tables are signed by the 自评小组. */
    public static final String DEFAULT_EVALUATOR = "自评小组";

    private SelfEvaluationEntries() {
    }

    /**
     * An indicator as a table prints it; {@code actual} may be null or blank (not yet known); {@code direction} is the
     * table's 指标性质 (null: the target states it); {@code grade} the 评定等级 of a qualitative indicator (else null).
     */
    public record IndicatorEntry(IndicatorId id, List<String> path, String name, BigDecimal weight, String target,
            Direction direction, String actual, Grade grade, RubricItemCode rubricItemCode) {

        /** A quantitative indicator whose target states its direction. */
        public IndicatorEntry(IndicatorId id, List<String> path, String name, BigDecimal weight, String target,
                String actual, RubricItemCode rubricItemCode) {
            this(id, path, name, weight, target, null, actual, null, rubricItemCode);
        }
    }

    /** {@code DefineIndicator}, effective {@code definedOn} (the targets are the year's, set at its start). */
    public static DefineIndicator define(EvaluationId evaluation, IndicatorEntry entry, LocalDate definedOn) {
        return new DefineIndicator(evaluation, entry.id(), entry.path(), entry.name(),
                entry.weight() == null ? BigDecimal.ZERO : entry.weight(), entry.target(), entry.direction(),
                entry.rubricItemCode(), definedOn);
    }

    /** {@code RecordActual}, or null when the table gives no 实际完成值 (nothing to record, never a guess). */
    public static RecordActual actual(EvaluationId evaluation, IndicatorEntry entry, LocalDate assessedOn) {
        if (entry.actual() == null || entry.actual().isBlank()) {
            return null;
        }
        return new RecordActual(evaluation, entry.id(), entry.actual(), entry.grade(), assessedOn);
    }

    /** {@code EnterJudgementScore}; a table that names no evaluator is the {@link #DEFAULT_EVALUATOR}'s. */
    public static EnterJudgementScore judgement(EvaluationId evaluation, RubricItemCode item, BigDecimal score,
            String basis, String evaluator, LocalDate assessedOn) {
        return new EnterJudgementScore(evaluation, item, score, basis,
                evaluator == null || evaluator.isBlank() ? DEFAULT_EVALUATOR : evaluator, assessedOn);
    }

    /**
     * The department's explanation of a computed item as a table's column states it, or null for a blank cell: under
     * a column named for the deviation (偏差原因, 未完成原因分析, 偏差原因分析及改进措施) it is the 偏差原因, under any
     * other (评分依据) the basis. One cell is kept whole: a table never splits 原因 from 措施 reliably.
     */
    public static RecordItemExplanation explanation(EvaluationId evaluation, RubricItemCode item, String columnLabel,
            String text, LocalDate assessedOn) {
        if (text == null || text.isBlank()) {
            return null;
        }
        boolean deviation = SelfEvaluationCells.deviationColumn(columnLabel);
        return new RecordItemExplanation(evaluation, item, deviation ? null : text, deviation ? text : null, null,
                assessedOn);
    }

    /**
     * The effective date of an actual or a score is the 评价基准日 it assesses, not the day it was typed in: a 12-31
     * table must see the year's actuals and judgements. When they were entered is the other axis of the basis
     * (knownAt), which the event store records by itself. An entry dated before the reference date keeps its date.
     */
    public static LocalDate assessedAt(LocalDate referenceDate, LocalDate enteredOn) {
        return enteredOn == null || enteredOn.isAfter(referenceDate) ? referenceDate : enteredOn;
    }

    /** The codes of a rubric's judged leaves (see {@link RubricNode#judged()}), in rubric order. */
    public static Set<String> judgedItems(List<RubricNode> tree) {
        Set<String> codes = new LinkedHashSet<>();
        for (RubricNode top : tree) {
            top.leaves().stream().filter(RubricNode::judged).forEach(leaf -> codes.add(leaf.code().value()));
        }
        return codes;
    }
}
