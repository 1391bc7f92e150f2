package cn.perfledger.projections.scoring;

import cn.perfledger.domain.rubric.InputReference.IndicatorGroupInput;
import cn.perfledger.domain.rubric.InputReference.IndicatorInput;
import cn.perfledger.domain.rubric.RubricNode;
import cn.perfledger.domain.rubric.ScoringRule.MetOrFactor;
import cn.perfledger.domain.rubric.ScoringRule.ShareMet;
import cn.perfledger.projections.evaluation.Display;
import cn.perfledger.projections.evaluation.Flag;
import cn.perfledger.projections.evaluation.FlagKind;
import cn.perfledger.projections.evaluation.IndicatorState;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The indicator rule family: 达标满分否则按系数 (one indicator or a group) and 达标比例计分. */
final class IndicatorRules {

    private final ScoringContext context;

    IndicatorRules(ScoringContext context) {
        this.context = context;
    }

    LeafScore metOrFactorSingle(RubricNode leaf, MetOrFactor rule, IndicatorInput reference) {
        List<Flag> flags = new ArrayList<>();
        Optional<IndicatorState> found = context.resolve(reference, flags);
        if (found.isEmpty()) {
            return LeafScore.zero(List.of(), flags);
        }
        IndicatorState indicator = found.get();
        flags.addAll(indicator.flags());
        List<ScoredInput> inputs = List.of(context.indicatorInput(indicator, List.of()));
        if (!ScoringContext.scorable(indicator)) {
            return LeafScore.zero(inputs, flags);
        }
        return LeafScore.of(indicatorPoints(rule, leaf.weight(), indicator), inputs, flags);
    }

    /** Each member scores by the rule with its own weight; the leaf scores their sum, capped at its weight. */
    LeafScore metOrFactorGroup(RubricNode leaf, MetOrFactor rule, IndicatorGroupInput group) {
        List<IndicatorState> members = context.members(group);
        List<ScoredInput> inputs = new ArrayList<>();
        inputs.add(context.groupInput(group, members));
        if (members.isEmpty()) {
            return context.emptyGroup(group, inputs);
        }
        BigDecimal sum = BigDecimal.ZERO;
        List<Flag> memberFlags = new ArrayList<>();
        for (IndicatorState member : members) {
            BigDecimal points = ScoringContext.scorable(member) ? indicatorPoints(rule, member.weight(), member)
                    : BigDecimal.ZERO;
            sum = sum.add(points);
            inputs.add(context.indicatorInput(member, List.of(Figure.points("按本指标分值 "
                    + Display.number(member.weight()) + " 计分", points))));
            memberFlags.addAll(member.flags());
        }
        return LeafScore.of(sum.min(leaf.weight()), inputs, ScoringContext.merged(memberFlags));
    }

    LeafScore shareMet(RubricNode leaf, ShareMet rule, IndicatorGroupInput group) {
        List<IndicatorState> members = context.members(group);
        List<ScoredInput> inputs = new ArrayList<>();
        inputs.add(context.groupInput(group, members));
        List<Flag> memberFlags = new ArrayList<>();
        for (IndicatorState member : members) {
            inputs.add(context.indicatorInput(member, List.of()));
            memberFlags.addAll(member.flags());
        }
        if (members.isEmpty()) {
            return LeafScore.zero(inputs, List.of(Flag.of(FlagKind.DENOMINATOR_ZERO,
                    "指标组「" + context.groupName(group) + "」内没有绩效指标，达标比例无法计算")));
        }
        int met = (int) members.stream().filter(IndicatorState::met).count();
        return LeafScore.of(rule.score(leaf.weight(), met, members.size()), inputs,
                ScoringContext.merged(memberFlags));
    }

    /**
     * A quantitative indicator scores by the rule (met ⇒ weight, else the rule's factor or completion rate); a
     * qualitative one scores weight × the rubric's 得分系数 of the grade recorded, whatever the rule's not-met factor.
     */
    private BigDecimal indicatorPoints(MetOrFactor rule, BigDecimal weight, IndicatorState indicator) {
        if (indicator.qualitative()) {
            return weight.multiply(context.rubric.coefficients().coefficient(indicator.actual().grade())).min(weight);
        }
        return rule.score(weight, indicator.met(), indicator.completionRate(context.rubric.coefficients()));
    }
}
