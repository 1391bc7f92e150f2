package cn.perfledger.domain.rubric;

import static cn.perfledger.domain.rubric.RubricFixtures.d;
import static cn.perfledger.domain.rubric.RubricFixtures.publishSeed002;
import static cn.perfledger.domain.rubric.RubricFixtures.seed002Tree;
import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.domain.common.RubricItemCode;
import cn.perfledger.domain.rubric.InputReference.IndicatorGroupInput;
import cn.perfledger.domain.rubric.InputReference.IndicatorInput;
import cn.perfledger.domain.rubric.InputReference.LedgerMetricInput;
import cn.perfledger.domain.rubric.ScoringRule.Band;
import cn.perfledger.domain.rubric.ScoringRule.Bands;
import cn.perfledger.domain.rubric.ScoringRule.BonusPenalty;
import cn.perfledger.domain.rubric.ScoringRule.DeductionPerPoint;
import cn.perfledger.domain.rubric.ScoringRule.Judgement;
import cn.perfledger.domain.rubric.ScoringRule.MetOrFactor;
import cn.perfledger.domain.rubric.ScoringRule.Proportional;
import cn.perfledger.domain.rubric.ScoringRule.ShareMet;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The rules of DOMAIN.md §6 reproduce every printed score of the seeds, from the golden figures of §7 (rates
 * computed exactly from the published amounts, not typed in as percentages).
 */
class ScoringRuleTest {

    private static final Rounding TWO = Rounding.TWO_DECIMALS_HALF_UP;
    private static final Rounding ONE = Rounding.ONE_DECIMAL_HALF_UP;

    // Seed 002 golden figures (元).
    private static final BigDecimal BUDGET = d("392951003.55");
    private static final BigDecimal EXECUTED = d("392533097.08");
    private static final BigDecimal PROCUREMENT_PLAN = d("190800467.90");
    private static final BigDecimal PROCUREMENT_DONE = d("169725206.40");

    private static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
        return numerator.divide(denominator, ScoringRule.INTERMEDIATE_SCALE, RoundingMode.HALF_UP);
    }

    private static final Map<LedgerMetric, BigDecimal> SEED_002_METRICS = Map.of(
            LedgerMetric.BUDGET_EXECUTION_RATE, ratio(EXECUTED, BUDGET),
            LedgerMetric.APPROPRIATION_REVENUE_VARIANCE_RATE, ratio(BUDGET.subtract(EXECUTED).abs(), BUDGET),
            LedgerMetric.ANNUAL_AVERAGE_EXECUTION_RATE, ratio(d("9.4141"), d("9")),
            LedgerMetric.CARRYOVER_RATE_YEAR_OVER_YEAR, ratio(d("4122"), d("4122")),
            LedgerMetric.PROCUREMENT_EXECUTION_RATE, ratio(PROCUREMENT_DONE, PROCUREMENT_PLAN),
            LedgerMetric.OPERATING_EXPENSE_CONTROL_RATE, ratio(d("8642983.79"), d("8643534.98")),
            LedgerMetric.THREE_PUBLIC_CONTROL_RATE, ratio(d("359334.66"), d("810000")));

    /** The evaluator's printed judgement scores of seed 002. */
    private static final Map<String, String> SEED_002_JUDGEMENTS = Map.ofEntries(
            Map.entry("M.FUND.SYSTEM", "3"), Map.entry("M.FUND.BUDGET-PREP", "3"), Map.entry("M.FUND.SPECIAL", "2"),
            Map.entry("M.PERF.MONITORING", "4"), Map.entry("M.PERF.SYSTEM", "3"),
            Map.entry("M.PERF.TARGET-REASONABLE", "2"), Map.entry("M.PERF.INDICATOR-CLARITY", "2"),
            Map.entry("M.PERF.RESULT-USE", "2"), Map.entry("M.DISC.BUDGET", "2"), Map.entry("M.DISC.PERF", "2"),
            Map.entry("M.ASSET.SYSTEM", "1"), Map.entry("M.ASSET.RECONCILE", "1"),
            Map.entry("M.ASSET.UTILISATION", "2"));

    /** Of the 17 key indicators, only 二、2 (接通率 94.07% against ≥95%) was not met. */
    private static final Set<String> SEED_002_NOT_MET = Set.of(RubricFixtures.SEED_002_NOT_MET);

    @Test
    void seed002_budgetCompletion_deductsPerPointShort_1_99() {
        assertThat(TWO.apply(new DeductionPerPoint(BigDecimal.ONE, d("0.1"))
                .score(d("2"), SEED_002_METRICS.get(LedgerMetric.BUDGET_EXECUTION_RATE)))).isEqualByComparingTo("1.99");
    }

    @Test
    void seed002_revenueVariance_bands_1_5() {
        BigDecimal rate = SEED_002_METRICS.get(LedgerMetric.APPROPRIATION_REVENUE_VARIANCE_RATE);
        Bands bands = RubricFixtures.varianceBands();

        assertThat(TWO.apply(bands.score(d("2"), rate))).isEqualByComparingTo("1.5");
        assertThat(bands.score(d("2"), BigDecimal.ZERO)).isEqualByComparingTo("2");
        assertThat(bands.score(d("2"), d("0.02"))).isEqualByComparingTo("1");
        assertThat(bands.score(d("2"), d("0.05"))).isEqualByComparingTo("0.5");
        assertThat(bands.score(d("2"), d("0.0501"))).isEqualByComparingTo("0");
    }

    @Test
    void seed002_carryOver_yearOverYear_100percent_scores0() {
        Bands bands = RubricFixtures.carryOverBands();

        assertThat(bands.score(d("2"), SEED_002_METRICS.get(LedgerMetric.CARRYOVER_RATE_YEAR_OVER_YEAR)))
                .isEqualByComparingTo("0");
        assertThat(bands.score(d("2"), d("0.10"))).isEqualByComparingTo("2");
    }

    @Test
    void seed002_procurement_proportional_1_78() {
        assertThat(TWO.apply(new Proportional(null)
                .score(d("2"), SEED_002_METRICS.get(LedgerMetric.PROCUREMENT_EXECUTION_RATE))))
                .isEqualByComparingTo("1.78");
        assertThat(new Proportional(null).score(d("2"), d("1.2"))).isEqualByComparingTo("2");
    }

    @Test
    void seed002_indicatorCompletion_shareMet_1_88() {
        assertThat(TWO.apply(new ShareMet().score(d("2"), 16, 17))).isEqualByComparingTo("1.88");
        assertThat(new ShareMet().score(d("2"), 0, 0)).isEqualByComparingTo("0");
    }

    @Test
    void seed002_connectionRate_notMet_weightTimes0_9_2_66() {
        MetOrFactor rule = MetOrFactor.factor(d("0.9"));

        assertThat(TWO.apply(rule.score(d("2.96"), false, null))).isEqualByComparingTo("2.66");
        assertThat(rule.score(d("2.96"), true, null)).isEqualByComparingTo("2.96");
        assertThat(MetOrFactor.completionRate().score(d("2.96"), false, d("0.9902"))).isEqualByComparingTo("2.930992");
    }

    @Test
    void seed002_annualAverageExecution_fullAt100percent_2() {
        Proportional rule = new Proportional(BigDecimal.ONE);

        assertThat(rule.score(d("2"), SEED_002_METRICS.get(LedgerMetric.ANNUAL_AVERAGE_EXECUTION_RATE)))
                .isEqualByComparingTo("2");
        assertThat(rule.score(d("2"), d("0.95"))).isEqualByComparingTo("1.90");
    }

    @Test
    void seed002_bonusPenalty_2_5_each_cappedAt5() {
        BonusPenalty rule = new BonusPenalty(d("2.5"), d("2.5"), d("5"), d("5"));

        assertThat(rule.score(List.of(d("2.5")), List.of())).isEqualByComparingTo("2.5");
        assertThat(rule.score(List.of(d("1"), d("1"), d("1")), List.of())).isEqualByComparingTo("5");
        assertThat(rule.score(List.of(d("2.5")), List.of(d("2.5"), d("2.5"), d("2.5")))).isEqualByComparingTo("-2.5");
        assertThat(new BonusPenalty(null, null, d("5"), d("5")).score(List.of(d("1.5")), List.of(d("0.5"))))
                .isEqualByComparingTo("1.0");
    }

    @Test
    void seed003_budgetSpending_proportional_oneDecimal_4_4() {
        BigDecimal rate = ratio(d("18977.96"), d("21766.40"));

        assertThat(ONE.apply(new Proportional(null).score(d("5"), rate))).isEqualByComparingTo("4.4");
    }

    @Test
    void seed000_contractSigning_bands_2_of_3() {
        Bands bands = RubricFixtures.contractSigningBands();

        assertThat(bands.score(d("3"), d("0.95"))).isEqualByComparingTo("2");
        assertThat(bands.score(d("3"), BigDecimal.ONE)).isEqualByComparingTo("3");
        assertThat(bands.score(d("3"), d("0.85"))).isEqualByComparingTo("1");
        assertThat(bands.score(d("3"), d("0.5"))).isEqualByComparingTo("0");
    }

    @Test
    void seed000_carryOver53_noCarryOut_2() {
        BigDecimal rate = ratio(BigDecimal.ZERO, d("9377.98"));

        assertThat(RubricFixtures.carryOverBands().score(d("2"), rate)).isEqualByComparingTo("2");
    }

    @Test
    void judgement_isCappedAtTheWeight() {
        assertThat(new Judgement().score(d("2"), d("2.5"))).isEqualByComparingTo("2");
        assertThat(new Judgement().score(d("2"), d("1.8"))).isEqualByComparingTo("1.8");
    }

    @Test
    void deduction_isFlooredAtZero_andNeverExceedsTheWeight() {
        DeductionPerPoint rule = new DeductionPerPoint(BigDecimal.ONE, d("0.1"));

        assertThat(rule.score(d("2"), d("0.5"))).isEqualByComparingTo("0");
        assertThat(rule.score(d("2"), d("1.3"))).isEqualByComparingTo("2");
    }

    /**
     * Walking the whole seed-002 rubric with the seed's inputs gives the ledger's total 94.35 (the document
     * states 94.65 because it ignored the 接通率 deduction), grade 优.
     */
    @Test
    void seed002Rubric_scoresTheSeedInputs_to94_35() {
        List<RubricNode> tree = seed002Tree();
        BigDecimal total = tree.stream().flatMap(top -> top.leaves().stream())
                .map(leaf -> publishSeed002().rounding().apply(score(tree, leaf)))
                .reduce(BigDecimal.ZERO, BigDecimal::add);

        assertThat(total).isEqualByComparingTo("94.35");
        assertThat(GradeScale.defaults().gradeOf(total)).isEqualTo("优");
        assertThat(GradeScale.defaults().gradeOf(d("89.99"))).isEqualTo("良");
        assertThat(GradeScale.defaults().gradeOf(d("60"))).isEqualTo("中");
        assertThat(GradeScale.defaults().gradeOf(d("-2.5"))).isEqualTo("差");
    }

    /** A minimal scorer for the test: the projections own the real one. */
    private static BigDecimal score(List<RubricNode> tree, RubricNode leaf) {
        BigDecimal weight = leaf.weight();
        ScoringRule rule = leaf.rule();
        if (rule instanceof Judgement judgement) {
            return judgement.score(weight, d(SEED_002_JUDGEMENTS.get(leaf.code().value())));
        }
        if (rule instanceof BonusPenalty bonusPenalty) {
            return bonusPenalty.score(List.of(d("2.5")), List.of());
        }
        if (rule instanceof MetOrFactor metOrFactor) {
            return metOrFactor.score(weight, !SEED_002_NOT_MET.contains(leaf.code().value()), null);
        }
        if (rule instanceof ShareMet shareMet) {
            RubricItemCode group = ((IndicatorGroupInput) leaf.input()).groupCode();
            List<RubricNode> members = RubricNode.find(tree, group).orElseThrow().leaves().stream()
                    .filter(member -> member.input() instanceof IndicatorInput).toList();
            long met = members.stream().filter(member -> !SEED_002_NOT_MET.contains(member.code().value())).count();
            return shareMet.score(weight, (int) met, members.size());
        }
        BigDecimal rate = SEED_002_METRICS.get(((LedgerMetricInput) leaf.input()).metric());
        if (rule instanceof Proportional proportional) {
            return proportional.score(weight, rate);
        }
        if (rule instanceof Bands bands) {
            return bands.score(weight, rate);
        }
        return ((DeductionPerPoint) rule).score(weight, rate);
    }

    @Test
    void band_containsRespectsInclusiveness() {
        Band band = Band.above(BigDecimal.ZERO, d("0.01"), d("1.5"));

        assertThat(band.contains(BigDecimal.ZERO)).isFalse();
        assertThat(band.contains(d("0.01"))).isTrue();
        assertThat(band.contains(d("0.0100001"))).isFalse();
        assertThat(band.interval()).isEqualTo("(0, 0.01]");
    }
}
