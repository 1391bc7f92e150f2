package cn.perfledger.projections.scoring;

import cn.perfledger.domain.common.RubricItemCode;
import cn.perfledger.domain.rubric.InputReference.IndicatorGroupInput;
import cn.perfledger.domain.rubric.InputReference.IndicatorInput;
import cn.perfledger.domain.rubric.LedgerMetric;
import cn.perfledger.domain.rubric.RubricEvent.RubricPublished;
import cn.perfledger.domain.rubric.RubricNode;
import cn.perfledger.projections.evaluation.Display;
import cn.perfledger.projections.evaluation.EvaluationFold;
import cn.perfledger.projections.evaluation.Flag;
import cn.perfledger.projections.evaluation.FlagKind;
import cn.perfledger.projections.evaluation.IndicatorReport;
import cn.perfledger.projections.evaluation.IndicatorState;
import cn.perfledger.projections.evaluation.IndicatorStatus;
import cn.perfledger.projections.ledger.LedgerMetrics;
import cn.perfledger.projections.ledger.Rates;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What every rule family of the engine reads: the rubric, the ledger metrics, the evaluation and a snapshot of its
 * indicators, and the lookups they share (an indicator by id or tag, a group's members, a metric's value, each
 * input as shown). One per scoring run; metric values are computed once per run.
 */
final class ScoringContext {

    final RubricPublished rubric;
    final LedgerMetrics ledger;
    final EvaluationFold evaluation;
    /** Snapshot of the indicators, taken once: every leaf reads the same state. */
    final List<IndicatorState> indicators;
    private final Map<LedgerMetric, MetricValue> metrics = new EnumMap<>(LedgerMetric.class);

    ScoringContext(RubricPublished rubric, LedgerMetrics ledger, EvaluationFold evaluation) {
        this.rubric = Objects.requireNonNull(rubric, "rubric");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.evaluation = Objects.requireNonNull(evaluation, "evaluation");
        this.indicators = evaluation.indicators();
    }

    MetricValue metric(LedgerMetric metric) {
        return metrics.computeIfAbsent(metric, m -> LedgerMetricValues.of(m, ledger, evaluation));
    }

    /** A metric as a scored input, and the flag saying why it has no value (none when it has one). */
    ScoredInput metricInput(MetricValue value) {
        LedgerMetric metric = value.metric();
        String display = value.defined() ? Display.percent(value.value()) : value.whenUndefined().label();
        return ScoredInput.of(InputKind.LEDGER_METRIC, metric.name(), metric.label(), value.value(), display,
                value.figures(), null);
    }

    static List<Flag> undefinedFlags(MetricValue value) {
        return value.defined() ? List.of()
                : List.of(Flag.of(value.whenUndefined(), value.metric().label() + "：" + value.metric().description()));
    }

    /** Without a comparable actual an indicator scores 0 (its flags say why). */
    static boolean scorable(IndicatorState indicator) {
        IndicatorStatus status = indicator.status();
        return status == IndicatorStatus.MET || status == IndicatorStatus.NOT_MET;
    }

    /** The indicator a leaf names, by id or by tag; the first defined one when several carry the tag. */
    Optional<IndicatorState> resolve(IndicatorInput reference, List<Flag> flags) {
        List<IndicatorState> matches = indicators.stream()
                .filter(i -> reference.indicatorId() != null ? i.indicatorId().equals(reference.indicatorId())
                        : reference.taggedWith().equals(i.rubricItemCode()))
                .toList();
        String named = reference.indicatorId() != null ? "指标 " + reference.indicatorId()
                : "关联评分项 " + reference.taggedWith() + " 的指标";
        if (matches.isEmpty()) {
            flags.add(Flag.of(FlagKind.INDICATOR_NOT_FOUND, "未找到" + named));
            return Optional.empty();
        }
        if (matches.size() > 1) {
            flags.add(Flag.of(FlagKind.AMBIGUOUS_INDICATOR, named + "有 " + matches.size() + " 个（"
                    + String.join("、", matches.stream().map(i -> i.indicatorId().value()).toList()) + "），按最先定义的 "
                    + matches.get(0).indicatorId() + " 计分"));
        }
        return Optional.of(matches.get(0));
    }

    /**
     * The indicators of a group: tagged with the group's code or any code below it in the rubric tree, or (when
     * the group names a path prefix) defined under that path.
     */
    List<IndicatorState> members(IndicatorGroupInput group) {
        Set<RubricItemCode> codes = RubricNode.find(rubric.tree(), group.groupCode()).map(RubricNode::subtreeCodes)
                .orElseGet(() -> Set.of(group.groupCode()));
        List<String> prefix = group.pathPrefix();
        return indicators.stream()
                .filter(i -> (i.rubricItemCode() != null && codes.contains(i.rubricItemCode()))
                        || (!prefix.isEmpty() && i.path().size() >= prefix.size()
                                && i.path().subList(0, prefix.size()).equals(prefix)))
                .toList();
    }

    String groupName(IndicatorGroupInput group) {
        return RubricNode.find(rubric.tree(), group.groupCode()).map(RubricNode::name)
                .orElse(group.groupCode().value());
    }

    /** A group leaf whose group has no indicator scores 0, flagged: never an error. */
    LeafScore emptyGroup(IndicatorGroupInput group, List<ScoredInput> inputs) {
        return LeafScore.zero(inputs, List.of(Flag.of(FlagKind.INDICATOR_NOT_FOUND,
                "指标组「" + groupName(group) + "」内没有绩效指标")));
    }

    ScoredInput groupInput(IndicatorGroupInput group, List<IndicatorState> members) {
        long met = members.stream().filter(IndicatorState::met).count();
        BigDecimal share = Rates.ratio(BigDecimal.valueOf(met), BigDecimal.valueOf(members.size()));
        String display = share == null ? FlagKind.DENOMINATOR_ZERO.label()
                : Display.percent(share) + "（" + met + "/" + members.size() + "）";
        return ScoredInput.of(InputKind.INDICATOR_GROUP, group.groupCode().value(), groupName(group), share, display,
                List.of(Figure.count("达标指标数", met), Figure.count("指标总数", members.size())), null);
    }

    ScoredInput indicatorInput(IndicatorState indicator, List<Figure> figures) {
        IndicatorReport.Row row = IndicatorReport.Row.of(indicator, rubric.coefficients());
        String display = row.completionRate() == null ? row.statusLabel()
                : row.completionRateDisplay() + "（" + row.statusLabel() + "）";
        return ScoredInput.of(InputKind.INDICATOR, row.indicatorId(), row.name(), row.completionRate(), display,
                figures, row);
    }

    /** One flag per kind, details joined, kinds in declaration order: a group leaf stays readable. */
    static List<Flag> merged(List<Flag> flags) {
        Map<FlagKind, List<String>> details = new EnumMap<>(FlagKind.class);
        flags.forEach(flag -> details.computeIfAbsent(flag.kind(), k -> new ArrayList<>()).add(flag.detail()));
        List<Flag> result = new ArrayList<>();
        details.forEach((kind, texts) -> result.add(Flag.of(kind, String.join("；", texts))));
        return result;
    }
}
