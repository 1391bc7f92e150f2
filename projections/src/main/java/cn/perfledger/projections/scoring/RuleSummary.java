package cn.perfledger.projections.scoring;

import cn.perfledger.domain.rubric.CompletionRatio;
import cn.perfledger.domain.rubric.DeductionPerStep;
import cn.perfledger.domain.rubric.GradeCoefficientTable;
import cn.perfledger.domain.rubric.InputReference;
import cn.perfledger.domain.rubric.InputReference.IndicatorGroupInput;
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
import java.math.BigDecimal;
import java.util.stream.Collectors;

/**
 * A leaf's scoring rule as shown: {@code kind} is the rule's name in rubric data files ("bands"), {@code label}
 * its Chinese name, {@code description} the rule in words, e.g. "分档：0 → 2；(0, 1%] → 1.5；…".
 */
public record RuleSummary(String kind, String label, String description) {

    public static RuleSummary of(ScoringRule rule, InputReference input, BigDecimal weight) {
        return new RuleSummary(kind(rule), rule.label(), describe(rule, input, weight));
    }

    /** The names of {@code ScoringRule}'s JSON subtypes. */
    static String kind(ScoringRule rule) {
        if (rule instanceof Judgement) {
            return "judgement";
        } else if (rule instanceof Proportional) {
            return "proportional";
        } else if (rule instanceof Bands) {
            return "bands";
        } else if (rule instanceof DeductionPerPoint) {
            return "deductionPerPoint";
        } else if (rule instanceof MetOrFactor) {
            return "metOrFactor";
        } else if (rule instanceof ShareMet) {
            return "shareMet";
        } else if (rule instanceof BonusPenalty) {
            return "bonusPenalty";
        } else if (rule instanceof CompletionRatio) {
            return "completionRatio";
        } else if (rule instanceof DeductionPerStep) {
            return "deductionPerStep";
        } else if (rule instanceof GradeCoefficientTable) {
            return "gradeCoefficients";
        }
        throw new IllegalArgumentException("未知的评分规则类型: " + rule.getClass().getName());
    }

    static String describe(ScoringRule rule, InputReference input, BigDecimal weight) {
        String w = Display.number(weight);
        if (rule instanceof Judgement) {
            return "评价人按评分依据录入得分，不超过分值 " + w;
        } else if (rule instanceof Proportional p) {
            String proportional = "得分 = 分值 " + w + " × 比率，不超过分值";
            return p.fullAt() == null ? "按比例：" + proportional
                    : "按比例：比率 ≥ " + Display.exactPercent(p.fullAt()) + " 得满分 " + w + "，否则" + proportional;
        } else if (rule instanceof Bands b) {
            return "分档：" + b.bands().stream().map(RuleSummary::band).collect(Collectors.joining("；"))
                    + "；不在以上档次 → 0";
        } else if (rule instanceof DeductionPerPoint d) {
            return "扣分：以 " + Display.exactPercent(d.targetRate()) + " 为目标，每低 1 个百分点扣 "
                    + Display.number(d.pointsPerPercentagePoint()) + " 分，扣完为止（满分 " + w + "）";
        } else if (rule instanceof MetOrFactor m) {
            String notMet = m.whenNotMet() == NotMetScoring.FACTOR ? "分值 × " + Display.number(m.factor())
                    : "分值 × 完成率（不超过 100%）";
            String text = "达标得满分，未达标得 " + notMet;
            return input instanceof IndicatorGroupInput ? text + "；指标组内每个指标按其自身分值计分后合计，不超过分值 " + w
                    : text;
        } else if (rule instanceof ShareMet) {
            return "得分 = 分值 " + w + " × 达标指标数 ÷ 指标总数";
        } else if (rule instanceof BonusPenalty bp) {
            return "加分：" + perItem(bp.pointsPerBonus(), "加") + "，加分最多不超过 " + Display.number(bp.bonusCap())
                    + " 分；减分：" + perItem(bp.pointsPerPenalty(), "扣") + "，扣分合计不超过 "
                    + Display.number(bp.penaltyCap()) + " 分";
        } else if (rule instanceof CompletionRatio) {
            return "完成比率：得分 = 分值 " + w + " × 完成比率（正向：完成值 ÷ 指标值；反向：指标值 ÷ 完成值；不超过 100%）";
        } else if (rule instanceof DeductionPerStep d) {
            return "扣分：" + d.side().label() + " " + Display.exactPercent(d.limit()) + " 的部分每 "
                    + Display.number(d.step().movePointRight(2)) + " 个百分点扣 " + Display.number(d.pointsPerStep())
                    + " 分（" + d.partialStep().label() + "），扣完为止（满分 " + w + "）";
        } else if (rule instanceof GradeCoefficientTable t) {
            return "得分系数：得分 = 分值 " + w + " × 达到等级的得分系数；" + t.levels().stream()
                    .map(RuleSummary::level).collect(Collectors.joining("；"))
                    + (input instanceof IndicatorGroupInput ? "；指标组内每个指标按其自身分值计分后合计，不超过分值 " + w : "");
        }
        throw new IllegalArgumentException("未知的评分规则类型: " + rule.getClass().getName());
    }

    /** "达成（≥ 100%）系数 1", "未达成 系数按评价体系"; a 定性 indicator reaches the grade recorded for it. */
    private static String level(GradeCoefficientTable.Level level) {
        return level.grade().label() + (level.minRate() == null ? "" : "（≥ " + Display.exactPercent(level.minRate())
                + "）") + " 系数 " + (level.coefficient() == null ? "按评价体系的得分系数" : Display.number(level.coefficient()));
    }

    private static String perItem(BigDecimal points, String verb) {
        return points == null ? "按各事项录入的分数" + verb + "分" : "每项" + verb + " " + Display.number(points) + " 分";
    }

    /** "0 → 2", "(0, 1%] → 1.5", "> 5% → 0", "≤ 100% → 2", "[90%, 100%) → 2". */
    static String band(Band band) {
        return interval(band) + " → " + Display.number(band.points());
    }

    private static String interval(Band band) {
        BigDecimal lower = band.lower();
        BigDecimal upper = band.upper();
        if (lower != null && upper != null && lower.compareTo(upper) == 0) {
            return Display.exactPercent(lower);
        }
        if (lower == null && upper == null) {
            return "任意比率";
        }
        if (lower == null) {
            return (band.upperInclusive() ? "≤ " : "< ") + Display.exactPercent(upper);
        }
        if (upper == null) {
            return (band.lowerInclusive() ? "≥ " : "> ") + Display.exactPercent(lower);
        }
        return (band.lowerInclusive() ? "[" : "(") + Display.exactPercent(lower) + ", " + Display.exactPercent(upper)
                + (band.upperInclusive() ? "]" : ")");
    }
}
