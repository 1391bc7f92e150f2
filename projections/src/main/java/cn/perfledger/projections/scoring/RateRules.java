package cn.perfledger.projections.scoring;

import cn.perfledger.domain.evaluation.Direction;
import cn.perfledger.domain.evaluation.TargetComparator;
import cn.perfledger.domain.evaluation.TargetExpression;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.rubric.CompletionRatio;
import cn.perfledger.domain.rubric.DeductionPerStep;
import cn.perfledger.domain.rubric.GradeCoefficientTable;
import cn.perfledger.domain.rubric.InputReference;
import cn.perfledger.domain.rubric.InputReference.IndicatorGroupInput;
import cn.perfledger.domain.rubric.InputReference.IndicatorInput;
import cn.perfledger.domain.rubric.InputReference.LedgerMetricInput;
import cn.perfledger.domain.rubric.InputReference.LedgerMetricTargetInput;
import cn.perfledger.domain.rubric.RubricNode;
import cn.perfledger.domain.rubric.ScoringRule;
import cn.perfledger.domain.rubric.ScoringRule.Bands;
import cn.perfledger.domain.rubric.ScoringRule.DeductionPerPoint;
import cn.perfledger.domain.rubric.ScoringRule.Proportional;
import cn.perfledger.projections.evaluation.Display;
import cn.perfledger.projections.evaluation.Flag;
import cn.perfledger.projections.evaluation.FlagKind;
import cn.perfledger.projections.evaluation.IndicatorState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rate rule family: a rate read from a ledger metric or one indicator and scored by proportion, bands, a
 * deduction per point or per step; a ledger metric's completion ratio against its target (完成比率); and the grade a
 * rate or an indicator reaches in a 得分系数 table.
 */
final class RateRules {

    private final ScoringContext context;

    RateRules(ScoringContext context) {
        this.context = context;
    }

    /** A rate read from a ledger metric or an indicator: null value when it cannot be computed. */
    private record RateInput(BigDecimal value, List<ScoredInput> inputs, List<Flag> flags) {
    }

    LeafScore rate(RubricNode leaf, ScoringRule rule, InputReference input) {
        RateInput rate = input instanceof LedgerMetricInput metric ? metricRate(metric)
                : indicatorRate((IndicatorInput) input);
        if (rate.value() == null) {
            return LeafScore.zero(rate.inputs(), rate.flags());
        }
        BigDecimal weight = leaf.weight();
        BigDecimal exact;
        if (rule instanceof Proportional proportional) {
            exact = proportional.score(weight, rate.value());
        } else if (rule instanceof Bands bands) {
            exact = bands.score(weight, rate.value());
        } else if (rule instanceof DeductionPerPoint deduction) {
            exact = deduction.score(weight, rate.value());
        } else if (rule instanceof DeductionPerStep deduction) {
            return deductionPerStep(leaf, deduction, rate);
        } else {
            throw new IllegalStateException("评分规则「" + rule.label() + "」不是比率规则");
        }
        return LeafScore.of(exact, rate.inputs(), rate.flags());
    }

    private LeafScore deductionPerStep(RubricNode leaf, DeductionPerStep rule, RateInput rate) {
        BigDecimal steps = rule.steps(rate.value());
        List<ScoredInput> inputs = new ArrayList<>(rate.inputs());
        inputs.add(ScoredInput.of(InputKind.COMPUTED, "STEPS", "扣分档数", steps,
                Display.number(steps.setScale(2, RoundingMode.HALF_UP)) + " 档（" + rule.side().label() + " " + Display.exactPercent(rule.limit())
                        + " 的部分 " + Display.number(rule.excess(rate.value()).movePointRight(2).setScale(2, RoundingMode.HALF_UP))
                        + " 个百分点，每档 "
                        + Display.number(rule.step().movePointRight(2)) + " 个百分点，" + rule.partialStep().label() + "）",
                List.of(Figure.points("扣分", rule.pointsPerStep().multiply(steps))), null));
        return LeafScore.of(rule.score(leaf.weight(), rate.value()), inputs, rate.flags());
    }

    private RateInput metricRate(LedgerMetricInput reference) {
        MetricValue value = context.metric(reference.metric());
        return new RateInput(value.value(), List.of(context.metricInput(value)), ScoringContext.undefinedFlags(value));
    }

    private RateInput indicatorRate(IndicatorInput reference) {
        List<Flag> flags = new ArrayList<>();
        Optional<IndicatorState> found = context.resolve(reference, flags);
        if (found.isEmpty()) {
            return new RateInput(null, List.of(), flags);
        }
        IndicatorState indicator = found.get();
        flags.addAll(indicator.flags());
        return new RateInput(indicator.completionRate(context.rubric.coefficients()),
                List.of(context.indicatorInput(indicator, List.of())), flags);
    }

    // --- 完成比率 ---------------------------------------------------------------------------------------------

    LeafScore completionRatio(RubricNode leaf, CompletionRatio rule, InputReference input) {
        RateInput ratio = input instanceof LedgerMetricTargetInput against ? againstTarget(against)
                : cappedIndicatorRate((IndicatorInput) input);
        if (ratio.value() == null) {
            return LeafScore.zero(ratio.inputs(), ratio.flags());
        }
        return LeafScore.of(rule.score(leaf.weight(), ratio.value()), ratio.inputs(), ratio.flags());
    }

    /** An indicator's completion rate, capped at 1 (完成值 ÷ 指标值, or for 反向 指标值 ÷ 完成值 when missed). */
    private RateInput cappedIndicatorRate(IndicatorInput reference) {
        RateInput rate = indicatorRate(reference);
        return rate.value() == null ? rate
                : new RateInput(rate.value().min(BigDecimal.ONE), rate.inputs(), rate.flags());
    }

    /**
     * The ratio of a ledger metric to its target, capped at 1: the 完成值 is the metric in percent points, the 指标值
     * the target's number; the direction is the target's. Null (with the reason flagged) when the metric cannot be
     * computed, the indicator holding the target is missing, or the target cannot be divided by.
     */
    private RateInput againstTarget(LedgerMetricTargetInput reference) {
        MetricValue value = context.metric(reference.metric());
        List<ScoredInput> inputs = new ArrayList<>();
        inputs.add(context.metricInput(value));
        List<Flag> flags = new ArrayList<>(ScoringContext.undefinedFlags(value));
        TargetExpression target;
        String targetSource;
        if (reference.target() != null) {
            target = fixedTarget(reference.target(), flags);
            targetSource = "评分规则规定的目标值";
        } else {
            Optional<IndicatorState> indicator = context.resolve(reference.indicator(), flags);
            target = indicator.map(IndicatorState::target).orElse(null);
            indicator.ifPresent(i -> inputs.add(context.indicatorInput(i, List.of())));
            targetSource = indicator.map(i -> "部门绩效指标 " + i.displayName() + " 的年度指标值").orElse(null);
        }
        if (target == null || !usable(target, flags)) {
            return new RateInput(null, inputs, flags);
        }
        inputs.add(ScoredInput.of(InputKind.COMPUTED, "TARGET", "目标值（" + targetSource + "）", null,
                target.text() + "（" + target.reading() + "）", List.of(), null));
        if (value.value() == null) {
            return new RateInput(null, inputs, flags);
        }
        boolean positive = target.direction() == Direction.POSITIVE;
        BigDecimal ratio = CompletionRatio.ratio(positive, value.value().movePointRight(2), target.normalisedValue());
        inputs.add(ScoredInput.of(InputKind.COMPUTED, "RATIO", "完成比率", ratio, Display.percent(ratio)
                + (positive ? "（完成值 ÷ 指标值，不超过 100%）" : "（指标值 ÷ 完成值，不超过 100%）"), List.of(), null));
        if (ratio.compareTo(BigDecimal.ONE) < 0) {
            flags.add(Flag.of(FlagKind.INDICATOR_NOT_MET, reference.metric().label() + " "
                    + Display.percent(value.value()) + " 未达到目标值 " + target.text()));
        }
        return new RateInput(ratio, inputs, flags);
    }

    /** A rubric's fixed target, validated when the rubric was published; read again here for its numbers. */
    private static TargetExpression fixedTarget(String text, List<Flag> flags) {
        try {
            return TargetExpression.parse("target", text);
        } catch (DomainException unreadable) {
            flags.add(Flag.of(FlagKind.TARGET_UNUSABLE, unreadable.getMessage()));
            return null;
        }
    }

    /** Only a 正向 or 反向 percentage can be divided by (the validator applies the same rule to fixed targets). */
    private static boolean usable(TargetExpression target, List<Flag> flags) {
        boolean directed = target.direction() == Direction.POSITIVE || target.direction() == Direction.REVERSE;
        if (directed && target.comparator() != TargetComparator.BETWEEN && "%".equals(target.baseUnit())) {
            return true;
        }
        flags.add(Flag.of(FlagKind.TARGET_UNUSABLE, "目标值「" + target.text() + "」（" + target.reading()
                + "）不是正向或反向的百分数，账本指标的完成比率无法计算"));
        return false;
    }

    // --- 得分系数表 -------------------------------------------------------------------------------------------

    LeafScore gradeCoefficients(RubricNode leaf, GradeCoefficientTable rule, InputReference input) {
        if (input instanceof IndicatorGroupInput group) {
            return gradeGroup(leaf, rule, group);
        }
        if (input instanceof IndicatorInput reference) {
            List<Flag> flags = new ArrayList<>();
            Optional<IndicatorState> found = context.resolve(reference, flags);
            if (found.isEmpty()) {
                return LeafScore.zero(List.of(), flags);
            }
            flags.addAll(found.get().flags());
            return gradeOf(rule, leaf.weight(), found.get(), new ArrayList<>(List.of(context.indicatorInput(
                    found.get(), List.of()))), flags);
        }
        RateInput rate = input instanceof LedgerMetricTargetInput against ? againstTarget(against)
                : metricRate((LedgerMetricInput) input);
        if (rate.value() == null) {
            return LeafScore.zero(rate.inputs(), rate.flags());
        }
        GradeCoefficientTable.Level level = rule.levelOf(rate.value());
        List<ScoredInput> inputs = new ArrayList<>(rate.inputs());
        return LeafScore.of(points(rule, leaf.weight(), level, inputs), inputs, rate.flags());
    }

    /** Each member with its own weight: a qualitative one by the grade recorded, another by its completion rate. */
    private LeafScore gradeGroup(RubricNode leaf, GradeCoefficientTable rule, IndicatorGroupInput group) {
        List<IndicatorState> members = context.members(group);
        List<ScoredInput> inputs = new ArrayList<>();
        inputs.add(context.groupInput(group, members));
        if (members.isEmpty()) {
            return context.emptyGroup(group, inputs);
        }
        BigDecimal sum = BigDecimal.ZERO;
        List<Flag> flags = new ArrayList<>();
        for (IndicatorState member : members) {
            flags.addAll(member.flags());
            List<ScoredInput> own = new ArrayList<>(List.of(context.indicatorInput(member, List.of())));
            LeafScore scored = gradeOf(rule, member.weight(), member, own, new ArrayList<>());
            sum = sum.add(scored.exact());
            inputs.addAll(scored.inputs());
        }
        return LeafScore.of(sum.min(leaf.weight()), inputs, ScoringContext.merged(flags));
    }

    private LeafScore gradeOf(GradeCoefficientTable rule, BigDecimal weight, IndicatorState indicator,
            List<ScoredInput> inputs, List<Flag> flags) {
        if (!ScoringContext.scorable(indicator)) {
            return LeafScore.zero(inputs, flags);
        }
        GradeCoefficientTable.Level level = indicator.qualitative()
                ? rule.levelOf(indicator.actual().grade()).orElse(new GradeCoefficientTable.Level(
                        indicator.actual().grade(), null, null))
                : rule.levelOf(indicator.completionRate(context.rubric.coefficients()));
        return LeafScore.of(points(rule, weight, level, inputs), inputs, flags);
    }

    private BigDecimal points(GradeCoefficientTable rule, BigDecimal weight, GradeCoefficientTable.Level level,
            List<ScoredInput> inputs) {
        BigDecimal coefficient = GradeCoefficientTable.coefficientOf(level, context.rubric.gradeCoefficients());
        BigDecimal points = rule.score(weight, coefficient);
        inputs.add(ScoredInput.of(InputKind.COMPUTED, "GRADE", "达到等级", coefficient,
                level.grade().label() + "，得分系数 " + Display.number(coefficient),
                List.of(Figure.points("分值 " + Display.number(weight) + " × 得分系数", points)), null));
        return points;
    }
}
