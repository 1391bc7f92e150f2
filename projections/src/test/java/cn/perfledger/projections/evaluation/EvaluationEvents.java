package cn.perfledger.projections.evaluation;

import cn.perfledger.domain.common.IndicatorId;
import cn.perfledger.domain.common.RubricItemCode;
import cn.perfledger.domain.common.RubricVersionId;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.evaluation.ActualValue;
import cn.perfledger.domain.evaluation.Direction;
import cn.perfledger.domain.evaluation.Grade;
import cn.perfledger.domain.evaluation.BonusPenaltyEntryId;
import cn.perfledger.domain.evaluation.BonusPenaltyKind;
import cn.perfledger.domain.evaluation.EvaluationEvent.BonusPenaltyRecorded;
import cn.perfledger.domain.evaluation.EvaluationEvent.EvaluationStarted;
import cn.perfledger.domain.evaluation.EvaluationEvent.IndicatorActualRecorded;
import cn.perfledger.domain.evaluation.EvaluationEvent.IndicatorDefined;
import cn.perfledger.domain.evaluation.EvaluationEvent.IndicatorTargetRevised;
import cn.perfledger.domain.evaluation.EvaluationEvent.JudgementScoreEntered;
import cn.perfledger.domain.evaluation.EvaluationEvent.JudgementScoreWithdrawn;
import cn.perfledger.domain.evaluation.EvaluationEvent.SelfEvaluationSubmitted;
import cn.perfledger.domain.evaluation.EvaluationId;
import cn.perfledger.domain.evaluation.TargetExpression;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Evaluation events of one test department-year, built the way the aggregate would emit them. */
public final class EvaluationEvents {

    private final EvaluationId id;

    public EvaluationEvents(EvaluationId id) {
        this.id = id;
    }

    public EvaluationId id() {
        return id;
    }

    public EvaluationStarted started(RubricVersionId rubric) {
        return new EvaluationStarted(id, id.fiscalYearId(), rubric, id.fiscalYearId().year().firstDay());
    }

    public IndicatorDefined define(String indicatorId, List<String> path, String name, String weight, String target,
            String rubricItemCode, LocalDate date) {
        TargetExpression parsed = read(target);
        return new IndicatorDefined(id, new IndicatorId(indicatorId), path, name, new BigDecimal(weight),
                parsed.text(), parsed, rubricItemCode == null ? null : new RubricItemCode(rubricItemCode), date);
    }

    /** A qualitative (定性) indicator: the text is its target. */
    public IndicatorDefined defineQualitative(String indicatorId, List<String> path, String name, String weight,
            String target, String rubricItemCode, LocalDate date) {
        TargetExpression parsed = TargetExpression.parse("targetExpression", target, Direction.QUALITATIVE);
        return new IndicatorDefined(id, new IndicatorId(indicatorId), path, name, new BigDecimal(weight),
                parsed.text(), parsed, rubricItemCode == null ? null : new RubricItemCode(rubricItemCode), date);
    }

    public IndicatorTargetRevised revise(String indicatorId, String previous, String target, String reason,
            LocalDate date) {
        TargetExpression parsed = read(target);
        return new IndicatorTargetRevised(id, new IndicatorId(indicatorId), previous, parsed.text(), parsed, reason,
                date);
    }

    /**
     * A target as its text states it; a bare figure ("三、2、100%", "140个") as 正向, which is how the demo data records
     * the seeds' bare figures (their tables count more as better).
     */
    public static TargetExpression read(String target) {
        try {
            return TargetExpression.parse(target);
        } catch (DomainException statesNoDirection) {
            return TargetExpression.parse("targetExpression", target, Direction.POSITIVE);
        }
    }

    /** A qualitative indicator's actual: its text and grade. */
    public IndicatorActualRecorded graded(String indicatorId, String actual, Grade grade, LocalDate date) {
        ActualValue parsed = ActualValue.parse("actual", actual,
                TargetExpression.parse("targetExpression", "定性", Direction.QUALITATIVE), grade);
        return new IndicatorActualRecorded(id, new IndicatorId(indicatorId), parsed.text(), parsed, date);
    }

    public IndicatorActualRecorded actual(String indicatorId, String actual, LocalDate date) {
        ActualValue parsed = ActualValue.parse(actual);
        return new IndicatorActualRecorded(id, new IndicatorId(indicatorId), parsed.text(), parsed, date);
    }

    public JudgementScoreEntered judge(String code, String score, String basis, LocalDate date) {
        return new JudgementScoreEntered(id, new RubricItemCode(code), new BigDecimal(score), basis, "自评小组", null,
                date);
    }

    public JudgementScoreWithdrawn withdraw(String code, String score, String reason, LocalDate date) {
        return new JudgementScoreWithdrawn(id, new RubricItemCode(code), new BigDecimal(score), reason, date);
    }

    public BonusPenaltyRecorded bonus(String entryId, BonusPenaltyKind kind, String points, String reason,
            LocalDate date) {
        return new BonusPenaltyRecorded(id, new BonusPenaltyEntryId(entryId), kind, new BigDecimal(points), reason,
                null, date);
    }

    public SelfEvaluationSubmitted submit(int number, String declaredTotal, LocalDate date) {
        return new SelfEvaluationSubmitted(id, number, id.fiscalYearId().year().lastDay(), "ab".repeat(32),
                declaredTotal == null ? null : new BigDecimal(declaredTotal), "自评小组", date);
    }
}
