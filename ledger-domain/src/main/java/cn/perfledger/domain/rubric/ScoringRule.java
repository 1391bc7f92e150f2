package cn.perfledger.domain.rubric;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * How a rubric leaf turns its input into points. Rates are exact fractions (0.9989 = 99.89%). Each rule's
 * {@code score} method returns the unrounded score (quotients carry {@link #INTERMEDIATE_SCALE} decimals);
 * the caller rounds it with the rubric's {@link Rounding}. Polymorphic in JSON by {@code kind}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ScoringRule.Judgement.class, name = "judgement"),
        @JsonSubTypes.Type(value = ScoringRule.Proportional.class, name = "proportional"),
        @JsonSubTypes.Type(value = ScoringRule.Bands.class, name = "bands"),
        @JsonSubTypes.Type(value = ScoringRule.DeductionPerPoint.class, name = "deductionPerPoint"),
        @JsonSubTypes.Type(value = ScoringRule.MetOrFactor.class, name = "metOrFactor"),
        @JsonSubTypes.Type(value = ScoringRule.ShareMet.class, name = "shareMet"),
        @JsonSubTypes.Type(value = ScoringRule.BonusPenalty.class, name = "bonusPenalty"),
        @JsonSubTypes.Type(value = CompletionRatio.class, name = "completionRatio"),
        @JsonSubTypes.Type(value = DeductionPerStep.class, name = "deductionPerStep"),
        @JsonSubTypes.Type(value = GradeCoefficientTable.class, name = "gradeCoefficients")
})
public sealed interface ScoringRule permits ScoringRule.Judgement, ScoringRule.Proportional, ScoringRule.Bands,
        ScoringRule.DeductionPerPoint, ScoringRule.MetOrFactor, ScoringRule.ShareMet, ScoringRule.BonusPenalty,
        CompletionRatio, DeductionPerStep, GradeCoefficientTable {

    /** Decimals kept by intermediate divisions, far beyond any rubric's display precision. */
    int INTERMEDIATE_SCALE = 12;

    /** The Chinese name of the rule kind, for messages. */
    String label();

    /** Whether the rule can score the given kind of input. */
    boolean accepts(InputReference input);

    /** The input kinds the rule accepts, in Chinese, for messages. */
    String expectedInputs();

    /** Rate rules read a single rate: a ledger metric or one indicator's completion rate. */
    private static boolean isRate(InputReference input) {
        return input instanceof InputReference.LedgerMetricInput || input instanceof InputReference.IndicatorInput;
    }

    private static BigDecimal clamp(BigDecimal value, BigDecimal weight) {
        return value.max(BigDecimal.ZERO).min(weight);
    }

    /** The evaluator enters the score with its basis; it never exceeds the weight. */
    record Judgement() implements ScoringRule {

        public BigDecimal score(BigDecimal weight, BigDecimal entered) {
            return clamp(entered, weight);
        }

        @Override
        public String label() {
            return "评价人评分";
        }

        @Override
        public boolean accepts(InputReference input) {
            return input instanceof InputReference.JudgementInput;
        }

        @Override
        public String expectedInputs() {
            return "评价人评分";
        }
    }

    /**
     * weight × rate, capped at the weight; when {@code fullAt} is set, a rate reaching it scores the full
     * weight (seed 002 年度平均执行率: ≥ 100% ⇒ full, else weight × rate).
     */
    record Proportional(BigDecimal fullAt) implements ScoringRule {

        public BigDecimal score(BigDecimal weight, BigDecimal rate) {
            if (fullAt != null && rate.compareTo(fullAt) >= 0) {
                return weight;
            }
            return clamp(weight.multiply(rate), weight);
        }

        @Override
        public String label() {
            return "按比例计分";
        }

        @Override
        public boolean accepts(InputReference input) {
            return isRate(input);
        }

        @Override
        public String expectedInputs() {
            return "比率（账本指标或单个绩效指标）";
        }
    }

    /**
     * Points by band of a rate (seed 002 差异率: 0 → 2, (0, 1%] → 1.5 …). Bands do not overlap; a rate
     * outside every band scores 0.
     */
    record Bands(List<Band> bands) implements ScoringRule {

        public Bands {
            bands = bands == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(bands));
        }

        public Optional<Band> bandOf(BigDecimal rate) {
            return bands.stream().filter(band -> band != null && band.contains(rate)).findFirst();
        }

        public BigDecimal score(BigDecimal weight, BigDecimal rate) {
            return clamp(bandOf(rate).map(Band::points).orElse(BigDecimal.ZERO), weight);
        }

        @Override
        public String label() {
            return "分档计分";
        }

        @Override
        public boolean accepts(InputReference input) {
            return isRate(input);
        }

        @Override
        public String expectedInputs() {
            return "比率（账本指标或单个绩效指标）";
        }
    }

    /** One band of a {@link Bands} rule; a null bound is unbounded on that side. */
    record Band(BigDecimal lower, boolean lowerInclusive, BigDecimal upper, boolean upperInclusive,
            BigDecimal points) {

        /** [lower, upper) → points. */
        public static Band from(BigDecimal lower, BigDecimal upperExclusive, BigDecimal points) {
            return new Band(lower, true, upperExclusive, false, points);
        }

        /** (lower, upper] → points. */
        public static Band above(BigDecimal lowerExclusive, BigDecimal upper, BigDecimal points) {
            return new Band(lowerExclusive, false, upper, true, points);
        }

        /** Exactly the given rate → points. */
        public static Band exactly(BigDecimal rate, BigDecimal points) {
            return new Band(rate, true, rate, true, points);
        }

        public boolean contains(BigDecimal rate) {
            if (lower != null) {
                int c = rate.compareTo(lower);
                if (c < 0 || (c == 0 && !lowerInclusive)) {
                    return false;
                }
            }
            if (upper != null) {
                int c = rate.compareTo(upper);
                return c < 0 || (c == 0 && upperInclusive);
            }
            return true;
        }

        /** Whether this band lies entirely below the other (touching at an endpoint both include counts as overlap). */
        public boolean below(Band other) {
            if (upper == null || other.lower == null) {
                return false;
            }
            int c = upper.compareTo(other.lower);
            return c < 0 || (c == 0 && !(upperInclusive && other.lowerInclusive));
        }

        public boolean overlaps(Band other) {
            return !below(other) && !other.below(this);
        }

        /** Written as an interval for messages, e.g. "(0, 0.01]". */
        public String interval() {
            return (lowerInclusive && lower != null ? "[" : "(") + (lower == null ? "-∞" : lower.toPlainString()) + ", "
                    + (upper == null ? "+∞" : upper.toPlainString()) + (upperInclusive && upper != null ? "]" : ")");
        }
    }

    /**
     * weight − {@code pointsPerPercentagePoint} × percentage points short of {@code targetRate}, floored at 0
     * (seed 002 预算完成率: 2 − 0.1 × (100 − 99.89) = 1.99).
     */
    record DeductionPerPoint(BigDecimal targetRate, BigDecimal pointsPerPercentagePoint) implements ScoringRule {

        public BigDecimal score(BigDecimal weight, BigDecimal rate) {
            BigDecimal pointsShort = targetRate.subtract(rate).max(BigDecimal.ZERO).movePointRight(2);
            return clamp(weight.subtract(pointsPerPercentagePoint.multiply(pointsShort)), weight);
        }

        @Override
        public String label() {
            return "按差距百分点扣分";
        }

        @Override
        public boolean accepts(InputReference input) {
            return isRate(input);
        }

        @Override
        public String expectedInputs() {
            return "比率（账本指标或单个绩效指标）";
        }
    }

    /** What a not-met indicator scores under {@link MetOrFactor}. */
    enum NotMetScoring {
        /** weight × factor (seed 002 接通率: × 0.9). */
        FACTOR,
        /** weight × completion rate (actual ÷ target, capped at 1). */
        COMPLETION_RATE
    }

    /**
     * Met ⇒ the full weight; otherwise weight × {@code factor} or weight × completion rate. With an indicator
     * group input it applies to each indicator with that indicator's own weight, and the leaf scores the sum.
     */
    record MetOrFactor(NotMetScoring whenNotMet, BigDecimal factor) implements ScoringRule {

        public static MetOrFactor factor(BigDecimal factor) {
            return new MetOrFactor(NotMetScoring.FACTOR, factor);
        }

        public static MetOrFactor completionRate() {
            return new MetOrFactor(NotMetScoring.COMPLETION_RATE, null);
        }

        /** {@code completionRate} is only read when not met and scoring by completion rate. */
        public BigDecimal score(BigDecimal weight, boolean met, BigDecimal completionRate) {
            if (met) {
                return weight;
            }
            BigDecimal multiplier = whenNotMet == NotMetScoring.FACTOR ? factor : completionRate;
            return clamp(weight.multiply(multiplier.max(BigDecimal.ZERO).min(BigDecimal.ONE)), weight);
        }

        @Override
        public String label() {
            return "达标满分否则按系数";
        }

        @Override
        public boolean accepts(InputReference input) {
            return input instanceof InputReference.IndicatorInput
                    || input instanceof InputReference.IndicatorGroupInput;
        }

        @Override
        public String expectedInputs() {
            return "单个绩效指标或绩效指标组";
        }
    }

    /** weight × indicators met ÷ indicators defined in a group (seed 002 绩效目标完成率: 2 × 16 ÷ 17 = 1.88). */
    record ShareMet() implements ScoringRule {

        public BigDecimal score(BigDecimal weight, int met, int defined) {
            if (defined <= 0) {
                return BigDecimal.ZERO;
            }
            return clamp(weight.multiply(BigDecimal.valueOf(met))
                    .divide(BigDecimal.valueOf(defined), INTERMEDIATE_SCALE, RoundingMode.HALF_UP), weight);
        }

        @Override
        public String label() {
            return "达标比例计分";
        }

        @Override
        public boolean accepts(InputReference input) {
            return input instanceof InputReference.IndicatorGroupInput;
        }

        @Override
        public String expectedInputs() {
            return "绩效指标组";
        }
    }

    /**
     * Bonus and penalty entries: each bonus adds {@code pointsPerBonus} and each penalty deducts
     * {@code pointsPerPenalty} (null: the points recorded on the entry), the sums capped at {@code bonusCap} and
     * {@code penaltyCap} (seed 002: ±2.5 each, capped at ±5).
     */
    record BonusPenalty(BigDecimal pointsPerBonus, BigDecimal pointsPerPenalty, BigDecimal bonusCap,
            BigDecimal penaltyCap) implements ScoringRule {

        /** Net points (may be negative) from the points recorded on each bonus and penalty entry. */
        public BigDecimal score(List<BigDecimal> bonusEntries, List<BigDecimal> penaltyEntries) {
            BigDecimal bonus = sum(bonusEntries, pointsPerBonus).min(bonusCap);
            BigDecimal penalty = sum(penaltyEntries, pointsPerPenalty).min(penaltyCap);
            return bonus.subtract(penalty);
        }

        private static BigDecimal sum(List<BigDecimal> entries, BigDecimal fixedPoints) {
            return entries.stream().map(points -> fixedPoints != null ? fixedPoints : points)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        @Override
        public String label() {
            return "加减分";
        }

        @Override
        public boolean accepts(InputReference input) {
            return input instanceof InputReference.BonusPenaltyInput;
        }

        @Override
        public String expectedInputs() {
            return "加减分事项";
        }
    }
}
