package cn.perfledger.domain.evaluation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.perfledger.domain.common.ConflictException;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.Ids;
import cn.perfledger.domain.common.IndicatorId;
import cn.perfledger.domain.evaluation.EvaluationCommand.DefineIndicator;
import cn.perfledger.domain.evaluation.EvaluationCommand.RecordActual;
import cn.perfledger.domain.evaluation.EvaluationCommand.ReviseTarget;
import cn.perfledger.domain.evaluation.EvaluationEvent.IndicatorActualRecorded;
import cn.perfledger.domain.evaluation.EvaluationEvent.IndicatorDefined;
import cn.perfledger.domain.evaluation.EvaluationEvent.IndicatorTargetRevised;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The indicators (绩效指标) of an evaluation: each with its current target (年度指标值, {@link TargetExpression}) and
 * its latest actual (实际完成值, {@link ActualValue}). Decides defining an indicator, revising its target (with a
 * reason) and recording its actual. Rules: an indicator id once; a revised target differs from the current one and
 * stays comparable with the actual recorded; an actual is comparable with its target (a unit mismatch is a typing
 * error); actuals are entered within the evaluation window.
 */
final class IndicatorBook extends EvaluationPart {

    private static final int MAX_PATH_DEPTH = 3;
    /** Current target of each indicator, by indicator id: revisions and actuals are checked against it. */
    private Map<String, TargetExpression> targets = new LinkedHashMap<>();
    /** Name of each indicator, by indicator id: the plausibility rules of a revised target read it. */
    private Map<String, String> names = new LinkedHashMap<>();
    /** Latest actual of each indicator, by indicator id: a revised target must stay comparable with it. */
    private Map<String, ActualValue> actuals = new LinkedHashMap<>();

    /** For Jackson (snapshots). */
    public IndicatorBook() {
    }

    IndicatorBook copy() {
        IndicatorBook copy = copyInto(new IndicatorBook());
        copy.targets = new LinkedHashMap<>(targets);
        copy.names = new LinkedHashMap<>(names);
        copy.actuals = new LinkedHashMap<>(actuals);
        return copy;
    }

    IndicatorDefined decide(DefineIndicator command) {
        IndicatorId indicatorId = requireIndicatorId(command.indicatorId());
        if (targets.containsKey(indicatorId.value())) {
            throw new ConflictException("indicatorId", "指标编码已存在: " + indicatorId);
        }
        List<String> path = requirePath(command.path());
        String name = Ids.requireText("name", command.name(), 1000);
        BigDecimal weight = requireAmount("weight", command.weight(), HUNDRED, "分值");
        TargetExpression target = TargetExpression.parse("targetExpression", command.targetExpression(),
                command.direction()).checkedFor("targetExpression", name);
        year().requireContains("effectiveDate", command.effectiveDate());
        return new IndicatorDefined(evaluationId, indicatorId, path, name, weight, target.text(), target,
                command.rubricItemCode(), command.effectiveDate());
    }

    void handle(ReviseTarget command) {
        IndicatorId indicatorId = requireDefined(command.indicatorId());
        TargetExpression current = targets.get(indicatorId.value());
        TargetExpression revised = revisedTarget(command, current).checkedFor("newTargetExpression",
                names.get(indicatorId.value()));
        if (revised.text().equals(current.text()) && revised.direction() == current.direction()) {
            throw new DomainException("newTargetExpression", "新目标值与现目标值相同，无需调整: " + current.text());
        }
        ActualValue actual = actuals.get(indicatorId.value());
        if (actual != null && !revised.comparableWith(actual)) {
            throw new DomainException("newTargetExpression", "新目标值「" + revised.reading() + "」与已录入的实际值「"
                    + actual.text() + "」不可比较（单位或指标方向不同）");
        }
        String reason = Ids.requireText("reason", command.reason(), 1000);
        year().requireContains("effectiveDate", command.effectiveDate());
        apply(new IndicatorTargetRevised(evaluationId, indicatorId, current.text(), revised.text(), revised, reason,
                command.effectiveDate()));
    }

    IndicatorActualRecorded decide(RecordActual command) {
        IndicatorId indicatorId = requireDefined(command.indicatorId());
        TargetExpression target = targets.get(indicatorId.value());
        ActualValue actual = ActualValue.parse("actual", command.actual(), target, command.grade());
        if (!target.comparableWith(actual)) {
            // A unit mismatch (次 against %) is a typing error: refusing it keeps completion rates computable.
            throw new DomainException("actual", "实际值的单位「" + actual.unit() + "」与目标值「" + target.text() + "」不可比较");
        }
        if (target.assess(actual) == Assessment.UNDETERMINED) {
            throw new DomainException("actual", "实际值「" + actual.text() + "」不足以判断是否达到目标「" + target.reading()
                    + "」：请填写实际达到的数值");
        }
        requireInEvaluationWindow("effectiveDate", command.effectiveDate());
        return new IndicatorActualRecorded(evaluationId, indicatorId, actual.text(), actual, command.effectiveDate());
    }

    /**
     * The revised target: read with the direction the user gives, else as its text states it (which must be the
     * indicator's direction: changing it takes an explicit new direction), else with the indicator's direction. A
     * direction the old parser guessed (revision-1 events) is not carried over.
     */
    private static TargetExpression revisedTarget(ReviseTarget command, TargetExpression current) {
        if (command.newDirection() != null) {
            return TargetExpression.parse("newTargetExpression", command.newTargetExpression(), command.newDirection());
        }
        Direction kept = current.directionSource() == DirectionSource.LEGACY ? null : current.direction();
        TargetExpression stated;
        try {
            stated = TargetExpression.parse("newTargetExpression", command.newTargetExpression(), null);
        } catch (DomainException statesNoDirection) {
            if (kept == null) {
                throw statesNoDirection;
            }
            return TargetExpression.parse("newTargetExpression", command.newTargetExpression(), kept);
        }
        if (kept != null && stated.direction() != kept) {
            throw new DomainException("newTargetExpression", "新目标值「" + stated.text() + "」表示「" + stated.direction().label()
                    + "」，而该指标为「" + kept.label() + "」：改变指标方向须同时给出新的指标方向（newDirection）");
        }
        return stated;
    }

    /** The current target of an indicator, or null when it is not defined. */
    TargetExpression target(String indicatorId) {
        return targets.get(indicatorId);
    }

    /** The latest actual of an indicator, or null. */
    ActualValue actual(String indicatorId) {
        return actuals.get(indicatorId);
    }

    Set<String> definedIds() {
        return Set.copyOf(targets.keySet());
    }

    private static IndicatorId requireIndicatorId(IndicatorId indicatorId) {
        if (indicatorId == null) {
            throw new DomainException("indicatorId", "指标编码不能为空");
        }
        return indicatorId;
    }

    private IndicatorId requireDefined(IndicatorId indicatorId) {
        requireIndicatorId(indicatorId);
        if (!targets.containsKey(indicatorId.value())) {
            throw new DomainException("indicatorId", "指标不存在: " + indicatorId);
        }
        return indicatorId;
    }

    private static List<String> requirePath(List<String> path) {
        if (path == null || path.isEmpty()) {
            throw new DomainException("path", "指标层级不能为空（一级、二级、三级指标名称）");
        }
        if (path.size() > MAX_PATH_DEPTH) {
            throw new DomainException("path", "指标层级最多 " + MAX_PATH_DEPTH + " 级: " + path.size());
        }
        List<String> names = new ArrayList<>(path.size());
        for (int i = 0; i < path.size(); i++) {
            names.add(Ids.requireText("path[" + i + "]", path.get(i), 100));
        }
        return List.copyOf(names);
    }

    // ---- event sourcing (called by the evaluation's handlers): assignment only ----

    void on(IndicatorDefined event) {
        targets.put(event.indicatorId().value(), event.target());
        names.put(event.indicatorId().value(), event.name());
    }

    void on(IndicatorTargetRevised event) {
        targets.put(event.indicatorId().value(), event.newTarget());
    }

    void on(IndicatorActualRecorded event) {
        actuals.put(event.indicatorId().value(), event.value());
    }
}
