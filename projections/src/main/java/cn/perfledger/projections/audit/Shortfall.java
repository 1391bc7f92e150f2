package cn.perfledger.projections.audit;

import cn.perfledger.domain.common.IndicatorId;
import cn.perfledger.domain.common.RubricItemCode;
import cn.perfledger.domain.evaluation.ActualValue;
import cn.perfledger.domain.evaluation.TargetExpression;
import cn.perfledger.domain.rubric.RubricEvent.RubricPublished;
import cn.perfledger.domain.rubric.RubricNode;
import cn.perfledger.domain.rubric.ScoringRule;
import cn.perfledger.domain.rubric.ScoringRule.Band;
import cn.perfledger.domain.rubric.ScoringRule.Bands;
import cn.perfledger.domain.rubric.ScoringRule.BonusPenalty;
import cn.perfledger.domain.rubric.ScoringRule.DeductionPerPoint;
import cn.perfledger.domain.rubric.ScoringRule.Judgement;
import cn.perfledger.domain.rubric.ScoringRule.MetOrFactor;
import cn.perfledger.domain.rubric.ScoringRule.NotMetScoring;
import cn.perfledger.domain.rubric.ScoringRule.Proportional;
import cn.perfledger.domain.rubric.ScoringRule.ShareMet;
import cn.perfledger.projections.basis.Basis;
import cn.perfledger.projections.evaluation.Display;
import cn.perfledger.projections.evaluation.Flag;
import cn.perfledger.projections.evaluation.IndicatorState;
import cn.perfledger.projections.scoring.InputKind;
import cn.perfledger.projections.scoring.ScoredInput;
import cn.perfledger.projections.scoring.ScoredItem;
import cn.perfledger.projections.scoring.ScoredTable;
import cn.perfledger.projections.scoring.ScoringEngine;
import cn.perfledger.projections.scoring.SelfEvaluationFold;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Why an item scores below its weight at one basis: for every leaf of the item (every leaf of the table for
 * {@code TOTAL}) that does, the rule band or threshold that applied, the input and how far it is from the
 * threshold — "接通率 94.07% < 目标 ≥95%，差 0.93 个百分点；未达标按 0.9 系数计分".
 */
public final class Shortfall {

    /**
     * One leaf below its weight.
     *
     * @param threshold the rate or value the input had to reach (a fraction for rates, the target number for an
     *                  indicator), or null when the rule has none (a judgement)
     * @param gap       how far the input is from the threshold, in percentage points for rates and percentages,
     *                  else in the target's unit; null when not measurable
     */
    public record Item(String code, String name, BigDecimal weight, BigDecimal score, BigDecimal shortBy,
            String ruleKind, String ruleLabel, String inputName, String inputDisplay, BigDecimal threshold,
            String thresholdDisplay, BigDecimal gap, String gapUnit, String explanation, List<Flag> flags) {
    }

    public record Result(String code, String name, Basis basis, BigDecimal weight, BigDecimal score,
            List<Item> items) {
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Shortfall() {
    }

    /** Empty when the basis admits no rubric or it has no such item. */
    public static Optional<Result> of(SelfEvaluationFold fold, Basis basis, String code) {
        Optional<RubricPublished> rubric = fold.rubric();
        if (rubric.isEmpty()) {
            return Optional.empty();
        }
        ScoredTable table = ScoringEngine.score(rubric.get(), fold.metrics(), fold.evaluation());
        List<ScoredItem> leaves;
        String name;
        BigDecimal weight;
        BigDecimal score;
        if (ItemValue.isTotal(code)) {
            leaves = table.leaves();
            name = "总分";
            weight = table.totalWeight();
            score = table.total();
        } else {
            Optional<ScoredItem> item = table.find(code);
            if (item.isEmpty()) {
                return Optional.empty();
            }
            leaves = item.get().flatten().stream().filter(ScoredItem::leaf).toList();
            name = item.get().name();
            weight = item.get().weight();
            score = item.get().score();
        }
        List<Item> items = new ArrayList<>();
        for (ScoredItem leaf : leaves) {
            if (leaf.score().compareTo(leaf.weight()) < 0) {
                RubricNode node = RubricNode.find(rubric.get().tree(), new RubricItemCode(leaf.code())).orElseThrow();
                items.add(explain(leaf, node.rule(), fold));
            }
        }
        return Optional.of(new Result(ItemValue.isTotal(code) ? ItemValue.TOTAL : code, name, basis, weight, score,
                items));
    }

    static Item explain(ScoredItem leaf, ScoringRule rule, SelfEvaluationFold fold) {
        BigDecimal shortBy = leaf.weight().subtract(leaf.score());
        String kind = leaf.rule() == null ? null : leaf.rule().kind();
        String label = leaf.rule() == null ? null : leaf.rule().label();
        ScoredInput input = leaf.inputs().isEmpty() ? null : leaf.inputs().get(0);
        String inputName = input == null ? null : input.name();
        String inputDisplay = input == null ? null : input.display();
        String scored = "得分 " + Display.number(leaf.score()) + "，分值 " + Display.number(leaf.weight()) + "，少 "
                + Display.number(shortBy) + " 分";
        String flags = leaf.flags().isEmpty() ? "" : "；" + String.join("；", leaf.flags().stream().map(Flag::detail).toList());
        BigDecimal rate = input == null ? null : input.value();
        if (rule instanceof DeductionPerPoint d && rate != null) {
            BigDecimal gap = d.targetRate().subtract(rate).movePointRight(2);
            String text = inputName + " " + Display.percent(rate) + " < 目标 " + Display.exactPercent(d.targetRate())
                    + "，差 " + Display.number(gap) + " 个百分点；每低 1 个百分点扣 "
                    + Display.number(d.pointsPerPercentagePoint()) + " 分。" + scored;
            return new Item(leaf.code(), leaf.name(), leaf.weight(), leaf.score(), shortBy, kind, label, inputName,
                    inputDisplay, d.targetRate(), Display.exactPercent(d.targetRate()), gap, "个百分点", text,
                    leaf.flags());
        }
        if (rule instanceof Proportional p && rate != null) {
            BigDecimal full = p.fullAt() == null ? BigDecimal.ONE : p.fullAt();
            BigDecimal gap = full.subtract(rate).movePointRight(2);
            String text = inputName + " " + Display.percent(rate) + " < 满分线 " + Display.exactPercent(full) + "，差 "
                    + Display.number(gap) + " 个百分点；按比例计分：分值 × 比率。" + scored;
            return new Item(leaf.code(), leaf.name(), leaf.weight(), leaf.score(), shortBy, kind, label, inputName,
                    inputDisplay, full, Display.exactPercent(full), gap, "个百分点", text, leaf.flags());
        }
        if (rule instanceof Bands b && rate != null) {
            Optional<Band> in = b.bandOf(rate);
            Band best = b.bands().stream().max(Comparator.comparing(Band::points)).orElse(null);
            BigDecimal threshold = null;
            BigDecimal gap = null;
            if (best != null) {
                if (best.lower() != null && rate.compareTo(best.lower()) <= 0) {
                    threshold = best.lower();
                    gap = best.lower().subtract(rate).movePointRight(2);
                } else if (best.upper() != null && rate.compareTo(best.upper()) >= 0) {
                    threshold = best.upper();
                    gap = rate.subtract(best.upper()).movePointRight(2);
                }
            }
            String text = inputName + " " + Display.percent(rate) + " 落在档次 "
                    + in.map(band -> band.interval() + " → " + Display.number(band.points()) + " 分").orElse("（不在任何档次，0 分）")
                    + (best == null ? "" : "；满分档为 " + best.interval() + " → " + Display.number(best.points()) + " 分")
                    + (gap == null ? "" : "，距满分档界限 " + Display.exactPercent(threshold) + " 差 " + Display.number(gap)
                            + " 个百分点")
                    + "。" + scored;
            return new Item(leaf.code(), leaf.name(), leaf.weight(), leaf.score(), shortBy, kind, label, inputName,
                    inputDisplay, threshold, threshold == null ? null : Display.exactPercent(threshold), gap,
                    gap == null ? null : "个百分点", text, leaf.flags());
        }
        if (rule instanceof MetOrFactor m || rule instanceof ShareMet) {
            List<String> parts = new ArrayList<>();
            BigDecimal threshold = null;
            BigDecimal gap = null;
            String unit = null;
            String thresholdDisplay = null;
            for (ScoredInput member : leaf.inputs()) {
                if (member.kind() != InputKind.INDICATOR) {
                    continue;
                }
                Optional<IndicatorState> state = fold.evaluation().indicator(new IndicatorId(member.code()));
                if (state.isEmpty() || state.get().met()) {
                    continue;
                }
                IndicatorState s = state.get();
                TargetExpression target = s.target();
                ActualValue actual = s.actual();
                StringBuilder part = new StringBuilder(s.displayName()).append("：");
                if (actual == null) {
                    part.append("尚未录入实际完成值（目标 ").append(target.text()).append("）");
                } else if (actual.grade() != null) {
                    part.append("评定等级「").append(actual.grade().label()).append("」（目标 ").append(target.text())
                            .append("，完成情况 ").append(actual.text()).append("）");
                } else {
                    part.append("实际 ").append(actual.text()).append(" 未达到目标 ").append(target.text());
                    // a deadline's numbers are days of the year: the texts say it better than a gap in days
                    if (actual.number() != null && target.number() != null && !target.deadline()
                            && target.comparableWith(actual)) {
                        BigDecimal g = target.number().subtract(actual.number()).abs();
                        String u = "%".equals(target.unit()) ? "个百分点" : target.unit();
                        part.append("（").append(number(actual.number(), actual.unit())).append(" 对 ")
                                .append(number(target.number(), target.unit())).append("），差 ")
                                .append(Display.number(g)).append(" ").append(u);
                        if (threshold == null) {
                            threshold = target.number();
                            thresholdDisplay = number(target.number(), target.unit());
                            gap = g;
                            unit = u;
                        }
                    }
                }
                parts.add(part.toString());
            }
            String how;
            if (rule instanceof MetOrFactor m2) {
                how = m2.whenNotMet() == NotMetScoring.FACTOR ? "未达标按 " + Display.number(m2.factor()) + " 系数计分"
                        : "未达标按完成率计分";
            } else {
                how = "按达标指标比例计分";
            }
            String text = (parts.isEmpty() ? "" : String.join("；", parts) + "；") + how + "。" + scored + flags;
            return new Item(leaf.code(), leaf.name(), leaf.weight(), leaf.score(), shortBy, kind, label, inputName,
                    inputDisplay, threshold, thresholdDisplay, gap, unit, text, leaf.flags());
        }
        if (rule instanceof Judgement) {
            String text = input == null || input.value() == null ? "尚未录入评价人评分" + flags + "。" + scored
                    : "评价人录入 " + Display.number(input.value()) + " 分"
                            + (leaf.judgementBasis() == null ? "" : "，评分依据：" + leaf.judgementBasis()) + "。" + scored;
            return new Item(leaf.code(), leaf.name(), leaf.weight(), leaf.score(), shortBy, kind, label, inputName,
                    inputDisplay, null, null, null, null, text, leaf.flags());
        }
        if (rule instanceof BonusPenalty) {
            List<String> entries = leaf.inputs().stream().map(i -> i.name() + " " + i.display()).toList();
            String text = (entries.isEmpty() ? "没有加减分事项" : String.join("；", entries)) + "。" + scored + flags;
            return new Item(leaf.code(), leaf.name(), leaf.weight(), leaf.score(), shortBy, kind, label, inputName,
                    inputDisplay, null, null, null, null, text, leaf.flags());
        }
        String text = (inputName == null ? "缺少输入" : inputName + "：" + inputDisplay) + flags + "。" + scored;
        return new Item(leaf.code(), leaf.name(), leaf.weight(), leaf.score(), shortBy, kind, label, inputName,
                inputDisplay, null, null, null, null, text, leaf.flags());
    }

    private static String number(BigDecimal value, String unit) {
        return Display.number(value) + (unit == null ? "" : unit);
    }
}
