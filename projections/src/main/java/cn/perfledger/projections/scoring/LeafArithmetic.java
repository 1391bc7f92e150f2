package cn.perfledger.projections.scoring;

import cn.perfledger.domain.rubric.CompletionRatio;
import cn.perfledger.domain.rubric.DeductionPerStep;
import cn.perfledger.domain.rubric.GradeCoefficientTable;
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
import cn.perfledger.projections.evaluation.Display;
import cn.perfledger.projections.evaluation.IndicatorReport;
import cn.perfledger.projections.evaluation.IndicatorStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A computed leaf's arithmetic in words, made from the inputs the rule read and the score it gave — what the 自评表
 * shows as 评分依据 when the department has recorded no explanation of its own. Nothing here is copied from a rubric
 * text: a corrected input changes the text with the score ("政府采购执行率 88.95%（…）；2 × 88.95% = 1.78").
 */
final class LeafArithmetic {

    private LeafArithmetic() {
    }

    /** The arithmetic of a leaf, or null for a judged leaf (the evaluator's 评分依据 explains it). */
    static String of(ScoringRule rule, BigDecimal weight, LeafScore leaf, BigDecimal score) {
        if (rule == null || rule instanceof Judgement) {
            return null;
        }
        String w = Display.number(weight);
        String s = Display.number(score);
        if (rule instanceof BonusPenalty) {
            List<String> entries = leaf.inputs().stream().map(i -> i.name() + " " + i.display()).toList();
            return (entries.isEmpty() ? "没有加减分事项" : String.join("；", entries)) + "；得 " + s + " 分";
        }
        if (rule instanceof ShareMet) {
            return shareMet(leaf, w, s);
        }
        if (rule instanceof MetOrFactor metOrFactor) {
            return metOrFactor(metOrFactor, leaf, w, s);
        }
        if (rule instanceof GradeCoefficientTable) {
            List<String> parts = new ArrayList<>(described(leaf, InputKind.INDICATOR_GROUP));
            computed(leaf, "GRADE").forEach(grade -> parts.add(grade.display() + "，" + grade.figures().get(0).name()
                    + " = " + grade.figures().get(0).display()));
            return join(parts, s);
        }
        Optional<ScoredInput> rated = leaf.inputs().stream().filter(i -> i.kind() == InputKind.LEDGER_METRIC
                || i.kind() == InputKind.INDICATOR).findFirst();
        List<String> parts = new ArrayList<>(described(leaf, null));
        BigDecimal rate = rated.map(ScoredInput::value).orElse(null);
        if (rule instanceof CompletionRatio) {
            Optional<ScoredInput> ratio = computed(leaf, "RATIO").stream().findFirst();
            ratio.ifPresent(r -> parts.add("完成比率 " + r.display() + "；得分 = " + w + " × " + Display.percent(r.value())
                    + " = " + s));
            return join(parts, s);
        }
        if (rate == null) {
            return join(parts, s);
        }
        String r = Display.percent(rate);
        if (rule instanceof Proportional p) {
            parts.add(p.fullAt() != null && rate.compareTo(p.fullAt()) >= 0
                    ? r + " 达到 " + Display.exactPercent(p.fullAt()) + "，得满分 " + w + " 分"
                    : "得分 = " + w + " × " + r + " = " + s);
        } else if (rule instanceof Bands bands) {
            Optional<Band> band = bands.bands().stream().filter(b -> b.contains(rate)).findFirst();
            parts.add(band.map(b -> r + " 在 " + RuleSummary.band(b).replace(" → ", " 档，得 ") + " 分")
                    .orElse(r + " 不在评分档次内，得 0 分"));
        } else if (rule instanceof DeductionPerPoint d) {
            BigDecimal short_ = d.targetRate().subtract(rate).max(BigDecimal.ZERO).movePointRight(2)
                    .setScale(2, RoundingMode.HALF_UP);
            parts.add(short_.signum() == 0 ? r + " 达到 " + Display.exactPercent(d.targetRate()) + "，得满分 " + w + " 分"
                    : "得分 = " + w + " − " + Display.number(d.pointsPerPercentagePoint()) + " × "
                            + Display.number(short_) + "（距 " + Display.exactPercent(d.targetRate())
                            + " 的百分点数）= " + s);
        } else if (rule instanceof DeductionPerStep) {
            computed(leaf, "STEPS").forEach(steps -> parts.add("得分 = " + w + " − " + steps.figures().get(0).display()
                    + "（" + steps.display() + "）= " + s));
        }
        return join(parts, s);
    }

    private static String shareMet(LeafScore leaf, String w, String s) {
        Optional<ScoredInput> group = leaf.inputs().stream().filter(i -> i.kind() == InputKind.INDICATOR_GROUP)
                .findFirst();
        if (group.isEmpty() || group.get().value() == null) {
            return join(described(leaf, InputKind.INDICATOR), s);
        }
        List<Figure> figures = group.get().figures();
        String notMet = notMet(leaf);
        return group.get().name() + "：达标 " + figures.get(0).display() + " 个，共 " + figures.get(1).display() + " 个"
                + notMet + "；得分 = " + w + " × " + figures.get(0).display() + " ÷ " + figures.get(1).display() + " = " + s;
    }

    private static String metOrFactor(MetOrFactor rule, LeafScore leaf, String w, String s) {
        List<ScoredInput> indicators = leaf.inputs().stream().filter(i -> i.kind() == InputKind.INDICATOR
                && i.indicator() != null).toList();
        if (indicators.size() != 1 || leaf.inputs().stream().anyMatch(i -> i.kind() == InputKind.INDICATOR_GROUP)) {
            Optional<ScoredInput> group = leaf.inputs().stream().filter(i -> i.kind() == InputKind.INDICATOR_GROUP)
                    .findFirst();
            return (group.map(g -> g.name() + "：达标 " + g.display()).orElse("")) + notMet(leaf) + "；各指标按其分值计分，合计 "
                    + s + " 分";
        }
        IndicatorReport.Row row = indicators.get(0).indicator();
        String stated = "实际完成值 " + (row.actualText() == null ? "未录入" : row.actualText()) + "，年度指标值 "
                + row.targetText();
        if (row.status() == IndicatorStatus.MET) {
            return stated + "，达标，得满分 " + w + " 分";
        }
        if (row.status() != IndicatorStatus.NOT_MET) {
            return stated + "（" + row.statusLabel() + "），得 " + s + " 分";
        }
        if (row.gradeLabel() != null) {
            return stated + "，评定等级「" + row.gradeLabel() + "」，得 " + s + " 分";
        }
        return stated + "，未达标；得分 = " + w + " × " + (rule.whenNotMet() == NotMetScoring.FACTOR
                ? Display.number(rule.factor()) : "完成率 " + row.completionRateDisplay()) + " = " + s;
    }

    /** "（未达标：…、…）" naming the indicators of a group that missed their targets. */
    private static String notMet(LeafScore leaf) {
        String names = leaf.inputs().stream().filter(i -> i.kind() == InputKind.INDICATOR && i.indicator() != null
                && i.indicator().status() != IndicatorStatus.MET).map(i -> i.indicator().name() + " "
                        + (i.indicator().actualText() == null ? "未录入" : i.indicator().actualText()))
                .collect(Collectors.joining("、"));
        return names.isEmpty() ? "" : "（未达标：" + names + "）";
    }

    /** The inputs the rule read, each with the figures it was computed from; steps of the arithmetic left out. */
    private static List<String> described(LeafScore leaf, InputKind skipped) {
        List<String> parts = new ArrayList<>();
        for (ScoredInput input : leaf.inputs()) {
            if (input.kind() == InputKind.COMPUTED || input.kind() == skipped) {
                continue;
            }
            String figures = input.figures().stream().map(f -> f.name() + " " + f.display())
                    .collect(Collectors.joining("，"));
            parts.add(input.name() + " " + input.display() + (figures.isEmpty() ? "" : "（" + figures + "）"));
        }
        return parts;
    }

    private static List<ScoredInput> computed(LeafScore leaf, String code) {
        return leaf.inputs().stream().filter(i -> i.kind() == InputKind.COMPUTED && code.equals(i.code())).toList();
    }

    private static String join(List<String> parts, String score) {
        String text = String.join("；", parts);
        return text.contains(" = " + score) || text.contains("得 " + score) || text.contains("得满分")
                ? text : (text.isEmpty() ? "" : text + "；") + "得 " + score + " 分";
    }
}
