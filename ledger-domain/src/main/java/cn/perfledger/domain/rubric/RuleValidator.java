package cn.perfledger.domain.rubric;

import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.evaluation.Direction;
import cn.perfledger.domain.evaluation.Grade;
import cn.perfledger.domain.evaluation.GradeCoefficients;
import cn.perfledger.domain.evaluation.TargetComparator;
import cn.perfledger.domain.evaluation.TargetExpression;
import cn.perfledger.domain.rubric.InputReference.LedgerMetricTargetInput;
import cn.perfledger.domain.rubric.ScoringRule.Band;
import cn.perfledger.domain.rubric.ScoringRule.Bands;
import cn.perfledger.domain.rubric.ScoringRule.BonusPenalty;
import cn.perfledger.domain.rubric.ScoringRule.DeductionPerPoint;
import cn.perfledger.domain.rubric.ScoringRule.MetOrFactor;
import cn.perfledger.domain.rubric.ScoringRule.NotMetScoring;
import cn.perfledger.domain.rubric.ScoringRule.Proportional;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The checks of one leaf's scoring rule and of the inputs that carry parameters of their own, for
 * {@link RubricValidator}: each refusal names the field by its path and the rule it breaks, in Chinese.
 */
final class RuleValidator {

    private final BigDecimal rubricBonusCap;
    private final GradeCoefficients coefficients;

    RuleValidator(BigDecimal rubricBonusCap, GradeCoefficients coefficients) {
        this.rubricBonusCap = rubricBonusCap;
        this.coefficients = GradeCoefficients.orDefault(coefficients);
    }

    void requireRule(String path, ScoringRule rule, BigDecimal weight) {
        if (rule instanceof Proportional proportional) {
            if (proportional.fullAt() != null && proportional.fullAt().signum() <= 0) {
                throw new DomainException(path + ".fullAt", "满分比率必须大于 0: " + proportional.fullAt().toPlainString());
            }
        } else if (rule instanceof Bands bands) {
            requireBands(path + ".bands", bands.bands(), weight);
        } else if (rule instanceof DeductionPerPoint deduction) {
            RubricValidator.requirePositive(path + ".targetRate", deduction.targetRate(), "目标比率");
            RubricValidator.requirePositive(path + ".pointsPerPercentagePoint", deduction.pointsPerPercentagePoint(), "每百分点扣分");
        } else if (rule instanceof MetOrFactor metOrFactor) {
            requireMetOrFactor(path, metOrFactor);
        } else if (rule instanceof BonusPenalty bonusPenalty) {
            requireBonusPenalty(path, bonusPenalty, weight);
        } else if (rule instanceof DeductionPerStep deduction) {
            requireDeductionPerStep(path, deduction, weight);
        } else if (rule instanceof GradeCoefficientTable table) {
            requireGradeTable(path + ".levels", table);
        }
    }

    private static void requireBands(String path, List<Band> bands, BigDecimal weight) {
        if (bands.isEmpty()) {
            throw new DomainException(path, "分档计分至少需要一档");
        }
        for (int k = 0; k < bands.size(); k++) {
            String bandPath = path + "[" + k + "]";
            Band band = bands.get(k);
            if (band == null) {
                throw new DomainException(bandPath, "分档不能为空");
            }
            BigDecimal points = RubricValidator.requireNonNegative(bandPath + ".points", band.points(), "分档得分");
            if (points.compareTo(weight) > 0) {
                throw new DomainException(bandPath + ".points", "分档得分 " + points.toPlainString() + " 超过本指标分值 "
                        + weight.toPlainString());
            }
            if (band.lower() != null && band.upper() != null) {
                int c = band.lower().compareTo(band.upper());
                if (c > 0) {
                    throw new DomainException(bandPath, "下限 " + band.lower().toPlainString() + " 大于上限 "
                            + band.upper().toPlainString());
                }
                if (c == 0 && !(band.lowerInclusive() && band.upperInclusive())) {
                    throw new DomainException(bandPath, "下限等于上限时两端都必须包含，否则该档为空: " + band.interval());
                }
            }
            for (int m = 0; m < k; m++) {
                if (bands.get(m).overlaps(band)) {
                    throw new DomainException(bandPath, "区间 " + band.interval() + " 与第 " + (m + 1) + " 档 "
                            + bands.get(m).interval() + " 重叠");
                }
            }
        }
    }

    private static void requireMetOrFactor(String path, MetOrFactor rule) {
        if (rule.whenNotMet() == null) {
            throw new DomainException(path + ".whenNotMet", "未达标时的计分方式不能为空，可选: FACTOR（按系数）, COMPLETION_RATE（按完成率）");
        }
        if (rule.whenNotMet() == NotMetScoring.FACTOR) {
            if (rule.factor() == null || rule.factor().signum() < 0 || rule.factor().compareTo(BigDecimal.ONE) > 0) {
                throw new DomainException(path + ".factor", "未达标系数必须在 0 到 1 之间");
            }
        } else if (rule.factor() != null) {
            throw new DomainException(path + ".factor", "按完成率计分时不设系数");
        }
    }

    private void requireBonusPenalty(String path, BonusPenalty rule, BigDecimal weight) {
        BigDecimal bonusCap = RubricValidator.requireNonNegative(path + ".bonusCap", rule.bonusCap(), "加分上限");
        BigDecimal penaltyCap = RubricValidator.requireNonNegative(path + ".penaltyCap", rule.penaltyCap(), "减分上限");
        if (bonusCap.compareTo(weight) > 0) {
            throw new DomainException(path + ".bonusCap", "加分上限 " + bonusCap.toPlainString() + " 超过本指标分值 "
                    + weight.toPlainString());
        }
        if (bonusCap.compareTo(rubricBonusCap) > 0) {
            throw new DomainException(path + ".bonusCap", "加分上限 " + bonusCap.toPlainString() + " 超过评分规则的加分上限 "
                    + rubricBonusCap.toPlainString());
        }
        if (penaltyCap.compareTo(weight) > 0) {
            throw new DomainException(path + ".penaltyCap", "减分上限 " + penaltyCap.toPlainString() + " 超过本指标分值 "
                    + weight.toPlainString());
        }
        requirePerItem(path + ".pointsPerBonus", rule.pointsPerBonus(), bonusCap, "每项加分");
        requirePerItem(path + ".pointsPerPenalty", rule.pointsPerPenalty(), penaltyCap, "每项减分");
    }

    private static void requirePerItem(String path, BigDecimal points, BigDecimal cap, String label) {
        if (points == null) {
            return;
        }
        RubricValidator.requirePositive(path, points, label);
        if (points.compareTo(cap) > 0) {
            throw new DomainException(path, label + " " + points.toPlainString() + " 超过上限 " + cap.toPlainString());
        }
    }

    private static void requireDeductionPerStep(String path, DeductionPerStep rule, BigDecimal weight) {
        if (rule.limit() == null) {
            throw new DomainException(path + ".limit", "扣分起点（限值）不能为空，例如 1 表示 100%");
        }
        if (rule.side() == null) {
            throw new DomainException(path + ".side", "扣分方向不能为空，可选: ABOVE（每超过限值）, BELOW（每低于限值）");
        }
        RubricValidator.requirePositive(path + ".step", rule.step(), "每档的幅度（例如 0.01 表示一个百分点）");
        BigDecimal points = RubricValidator.requirePositive(path + ".pointsPerStep", rule.pointsPerStep(), "每档扣分");
        if (points.compareTo(weight) > 0) {
            throw new DomainException(path + ".pointsPerStep", "每档扣分 " + points.toPlainString() + " 超过本指标分值 "
                    + weight.toPlainString());
        }
        if (rule.partialStep() == null) {
            throw new DomainException(path + ".partialStep", "须写明不足一档的部分如何扣分（评分标准的“每超过/每低于”对此有不同读法）: "
                    + "PROPORTIONAL（按比例扣分）, STARTED（不足一档按一档扣分）, COMPLETED（不足一档不扣分）");
        }
    }

    /** Levels from the highest down: distinct grades, falling minimum rates, the last without one, coefficients not rising. */
    private void requireGradeTable(String path, GradeCoefficientTable table) {
        List<GradeCoefficientTable.Level> levels = table.levels();
        if (levels.isEmpty()) {
            throw new DomainException(path, "得分系数表至少需要一档");
        }
        Set<Grade> seen = EnumSet.noneOf(Grade.class);
        BigDecimal previousRate = null;
        BigDecimal previousCoefficient = BigDecimal.ONE;
        for (int i = 0; i < levels.size(); i++) {
            String levelPath = path + "[" + i + "]";
            GradeCoefficientTable.Level level = levels.get(i);
            if (level == null || level.grade() == null) {
                throw new DomainException(levelPath + ".grade", "等级不能为空，可选: 达成、基本达成、部分达成、未达成");
            }
            if (!seen.add(level.grade())) {
                throw new DomainException(levelPath + ".grade", "等级重复: " + level.grade().label());
            }
            boolean last = i == levels.size() - 1;
            if (last && level.minRate() != null) {
                throw new DomainException(levelPath + ".minRate", "最后一档不设下限，使任何比率都有等级");
            }
            if (!last && level.minRate() == null) {
                throw new DomainException(levelPath + ".minRate", "只有最后一档可以不设下限");
            }
            if (!last && previousRate != null && level.minRate().compareTo(previousRate) >= 0) {
                throw new DomainException(levelPath + ".minRate", "各档下限必须从高到低排列: "
                        + level.minRate().toPlainString());
            }
            BigDecimal coefficient = GradeCoefficientTable.coefficientOf(level, coefficients);
            if (coefficient.signum() < 0 || coefficient.compareTo(BigDecimal.ONE) > 0) {
                throw new DomainException(levelPath + ".coefficient", "得分系数须在 0 至 1 之间: "
                        + coefficient.toPlainString());
            }
            if (coefficient.compareTo(previousCoefficient) > 0) {
                throw new DomainException(levelPath + ".coefficient", "得分系数须随等级降低而不增: "
                        + level.grade().label() + " " + coefficient.toPlainString());
            }
            previousRate = level.minRate();
            previousCoefficient = coefficient;
        }
    }

    /**
     * A ledger metric against a target: the metric, and exactly one of an indicator id, a tag or a fixed target; a
     * fixed target must state 正向 or 反向 by itself and be a percentage (every ledger metric is a rate).
     */
    static void requireMetricTarget(String path, LedgerMetricTargetInput input) {
        if (input.metric() == null) {
            throw new DomainException(path + ".metric", "账本指标不能为空");
        }
        int given = (input.indicatorId() == null ? 0 : 1) + (input.taggedWith() == null ? 0 : 1)
                + (input.target() == null ? 0 : 1);
        if (given != 1) {
            throw new DomainException(path, "须且只能指定 indicatorId（部门的绩效指标）、taggedWith（挂在评分项上的绩效指标）"
                    + "或 target（评分规则规定的目标值，例如 ≤2%）之一");
        }
        if (input.target() != null) {
            requirePercentTarget(path + ".target", TargetExpression.parse(path + ".target", input.target()));
        }
    }

    /** The target a completion ratio can divide by: 正向 or 反向, one number, in percent. */
    static void requirePercentTarget(String field, TargetExpression target) {
        if (target.direction() != Direction.POSITIVE && target.direction() != Direction.REVERSE) {
            throw new DomainException(field, "完成比率只能对照正向（≥、>）或反向（≤、<）的目标值，不能用于"
                    + target.direction().label() + "目标: " + target.text());
        }
        if (target.comparator() == TargetComparator.BETWEEN || !"%".equals(target.baseUnit())) {
            throw new DomainException(field, "账本指标是比率，目标值须是一个百分数（例如 ≥70%、≤2%）: " + target.text());
        }
    }
}
