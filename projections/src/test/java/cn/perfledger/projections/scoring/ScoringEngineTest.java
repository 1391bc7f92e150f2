package cn.perfledger.projections.scoring;

import static cn.perfledger.domain.rubric.RubricNode.group;
import static cn.perfledger.domain.rubric.RubricNode.leaf;
import static cn.perfledger.projections.scoring.Rubrics.d;
import static cn.perfledger.projections.scoring.Rubrics.judgement;
import static cn.perfledger.projections.scoring.Rubrics.metric;
import static cn.perfledger.projections.scoring.Rubrics.publish;
import static cn.perfledger.projections.scoring.Rubrics.tagged;
import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.domain.common.IndicatorId;
import cn.perfledger.domain.common.RubricItemCode;
import cn.perfledger.domain.common.RubricVersionId;
import cn.perfledger.domain.evaluation.BonusPenaltyKind;
import cn.perfledger.domain.evaluation.EvaluationId;
import cn.perfledger.domain.rubric.InputReference.BonusPenaltyInput;
import cn.perfledger.domain.rubric.InputReference.IndicatorGroupInput;
import cn.perfledger.domain.rubric.InputReference.IndicatorInput;
import cn.perfledger.domain.rubric.LedgerMetric;
import cn.perfledger.domain.rubric.Rounding;
import cn.perfledger.domain.rubric.RubricEvent.RubricPublished;
import cn.perfledger.domain.rubric.RubricNode;
import cn.perfledger.domain.rubric.ScoringRule.Band;
import cn.perfledger.domain.rubric.ScoringRule.Bands;
import cn.perfledger.domain.rubric.ScoringRule.BonusPenalty;
import cn.perfledger.domain.rubric.ScoringRule.DeductionPerPoint;
import cn.perfledger.domain.rubric.ScoringRule.MetOrFactor;
import cn.perfledger.domain.rubric.ScoringRule.Proportional;
import cn.perfledger.domain.rubric.ScoringRule.ShareMet;
import cn.perfledger.projections.basis.Basis;
import cn.perfledger.projections.basis.RecordedEvent;
import cn.perfledger.projections.basis.Replay;
import cn.perfledger.projections.evaluation.EvaluationEvents;
import cn.perfledger.projections.evaluation.EvaluationFold;
import cn.perfledger.projections.evaluation.EventLog;
import cn.perfledger.projections.evaluation.Flag;
import cn.perfledger.projections.evaluation.FlagKind;
import cn.perfledger.projections.ledger.LedgerFold;
import cn.perfledger.projections.ledger.LedgerMetrics;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The engine on small hand-built rubrics: every rule kind, rounding, caps, bonus/penalty, missing inputs. */
class ScoringEngineTest {

    private static final EvaluationEvents EVAL = new EvaluationEvents(EvaluationId.of("T-DEPT", 2021));
    private static final Basis BASIS = new Basis(LocalDate.of(2022, 12, 31), Instant.MAX);
    private static final LocalDate JAN_5 = LocalDate.of(2021, 1, 5);
    private static final LocalDate DEC_31 = LocalDate.of(2021, 12, 31);
    private static final LocalDate SCORED_ON = LocalDate.of(2022, 2, 28);
    private static final List<String> OUTPUT = List.of("产出指标", "数量指标");
    private static final List<String> BENEFIT = List.of("效益指标", "满意度指标");

    private final EventLog log = new EventLog();

    private ScoredTable score(RubricPublished rubric) {
        return score(rubric, log.events());
    }

    private static ScoredTable score(RubricPublished rubric, List<RecordedEvent> events) {
        LedgerMetrics ledger = new LedgerMetrics(Replay.fold(events, BASIS, new LedgerFold()));
        EvaluationFold evaluation = Replay.fold(events, BASIS, new EvaluationFold());
        return ScoringEngine.score(rubric, ledger, evaluation);
    }

    private static ScoredItem item(ScoredTable table, String code) {
        return table.find(code).orElseThrow();
    }

    private static List<FlagKind> flagKinds(ScoredItem item) {
        return item.flags().stream().map(Flag::kind).toList();
    }

    private void indicator(String id, List<String> path, String weight, String target, String tag, String actual) {
        log.add(EVAL.define(id, path, "指标" + id, weight, target, tag, JAN_5));
        if (actual != null) {
            log.add(EVAL.actual(id, actual, DEC_31));
        }
    }

    // --- judgement ------------------------------------------------------------------------------------------

    @Test
    void judgement_scoresTheEnteredScore_withItsBasis_cappedAtTheWeight() {
        RubricPublished rubric = publish(List.of(group("G", "绩效管理", "5", List.of(
                judgement("G.A", "制度建设", "3"), judgement("G.B", "结果应用", "2")))));
        log.add(EVAL.judge("G.A", "2", "初评", SCORED_ON));
        log.add(EVAL.judge("G.A", "2.5", "制度健全，个别未执行", SCORED_ON.plusDays(1)));
        log.add(EVAL.judge("G.B", "2.8", "超分录入", SCORED_ON));

        ScoredTable table = score(rubric);

        ScoredItem a = item(table, "G.A");
        assertThat(a.score().toPlainString()).isEqualTo("2.50");
        assertThat(a.judgementBasis()).isEqualTo("制度健全，个别未执行");
        assertThat(a.evaluator()).isEqualTo("自评小组");
        assertThat(a.rule().description()).isEqualTo("评价人按评分依据录入得分，不超过分值 3");
        assertThat(a.inputs()).singleElement().satisfies(input -> {
            assertThat(input.kind()).isEqualTo(InputKind.JUDGEMENT);
            assertThat(input.code()).isEqualTo("G.A");
            assertThat(input.value()).isEqualByComparingTo("2.5");
        });
        ScoredItem b = item(table, "G.B");
        assertThat(b.score().toPlainString()).isEqualTo("2.00");
        assertThat(flagKinds(b)).containsExactly(FlagKind.JUDGEMENT_ABOVE_WEIGHT);
        assertThat(item(table, "G").score().toPlainString()).isEqualTo("4.50");
        assertThat(item(table, "G").level()).isEqualTo(1);
        assertThat(b.level()).isEqualTo(2);
        assertThat(table.total().toPlainString()).isEqualTo("4.50");
    }

    @Test
    void judgement_notEnteredOrWithdrawn_scoresZero_flaggedMissing() {
        RubricPublished rubric = publish(List.of(judgement("A", "制度建设", "3"), judgement("B", "结果应用", "2")));
        log.add(EVAL.judge("B", "2", "已应用", SCORED_ON));
        log.add(EVAL.withdraw("B", "2", "佐证不足", SCORED_ON.plusDays(3)));

        ScoredTable table = score(rubric);

        assertThat(item(table, "A").score()).isEqualByComparingTo("0");
        assertThat(item(table, "A").flags()).singleElement().satisfies(flag -> {
            assertThat(flag.label()).isEqualTo("缺少评分");
            assertThat(flag.detail()).isEqualTo("制度建设：尚未录入评价人评分");
        });
        assertThat(item(table, "B").score()).isEqualByComparingTo("0");
        assertThat(item(table, "B").flags().get(0).detail()).isEqualTo("结果应用：评分 2 已于 2022-03-03 撤回（佐证不足）");
        assertThat(item(table, "B").judgementBasis()).isNull();
        assertThat(table.total()).isEqualByComparingTo("0");
        assertThat(table.grade()).isEqualTo("差");
    }

    // --- rate rules -----------------------------------------------------------------------------------------

    @Test
    void proportional_isWeightTimesRate_cappedAtTheWeight_fullFromItsThreshold() {
        TestLedger.oneLine(log, "1000.00", "800.00");
        indicator("I1", OUTPUT, "3", ">=450", "P.IND", "657");
        RubricPublished rubric = publish(List.of(
                leaf("P.RATE", "预算执行率", "5", new Proportional(null), metric(LedgerMetric.BUDGET_EXECUTION_RATE)),
                leaf("P.FULL", "预算执行率（达 80% 满分）", "2", new Proportional(d("0.8")),
                        metric(LedgerMetric.BUDGET_EXECUTION_RATE)),
                leaf("P.IND", "接入点位数量", "3", new Proportional(null), tagged("P.IND"))));

        ScoredTable table = score(rubric);

        ScoredItem rate = item(table, "P.RATE");
        assertThat(rate.score().toPlainString()).isEqualTo("4.00");
        assertThat(rate.rule().description()).isEqualTo("按比例：得分 = 分值 5 × 比率，不超过分值");
        assertThat(rate.inputs()).singleElement().satisfies(input -> {
            assertThat(input.display()).isEqualTo("80.00%");
            assertThat(input.value()).isEqualByComparingTo("0.8");
            assertThat(input.figures()).extracting(Figure::name).containsExactly("财政拨款执行数", "财政拨款全年预算数");
            assertThat(input.figures()).extracting(Figure::display).containsExactly("800.00元", "1,000.00元");
        });
        assertThat(item(table, "P.FULL").score().toPlainString()).isEqualTo("2.00");
        assertThat(item(table, "P.FULL").rule().description())
                .isEqualTo("按比例：比率 ≥ 80% 得满分 2，否则得分 = 分值 2 × 比率，不超过分值");
        // 657 ÷ 450: the rate is shown uncapped, the points are capped at the weight
        ScoredItem indicator = item(table, "P.IND");
        assertThat(indicator.inputs().get(0).display()).isEqualTo("146.00%（达标）");
        assertThat(indicator.inputs().get(0).indicator().completionRateDisplay()).isEqualTo("146.00%");
        assertThat(indicator.exactScore()).isEqualByComparingTo("3");
        assertThat(indicator.score().toPlainString()).isEqualTo("3.00");
        assertThat(indicator.flags()).isEmpty();
    }

    @Test
    void bands_scoreTheBandTheRateFallsIn() {
        TestLedger.oneLine(log, "1000.00", "850.00");
        Bands bands = new Bands(List.of(new Band(d("0.9"), true, null, false, d("3")),
                Band.from(d("0.8"), d("0.9"), d("2")), new Band(null, false, d("0.8"), false, BigDecimal.ZERO)));
        RubricPublished rubric = publish(List.of(
                leaf("B", "执行率分档", "3", bands, metric(LedgerMetric.BUDGET_EXECUTION_RATE))));

        ScoredItem item = item(score(rubric), "B");

        assertThat(item.score().toPlainString()).isEqualTo("2.00");
        assertThat(item.rule().kind()).isEqualTo("bands");
        assertThat(item.rule().label()).isEqualTo("分档计分");
        assertThat(item.rule().description()).isEqualTo("分档：≥ 90% → 3；[80%, 90%) → 2；< 80% → 0；不在以上档次 → 0");
    }

    @Test
    void deductionPerPoint_isRoundedAsTheRubricOrTheLeafStates() {
        TestLedger.oneLine(log, "100000.00", "98765.00");
        DeductionPerPoint deduction = new DeductionPerPoint(BigDecimal.ONE, d("0.1"));
        List<RubricNode> tree = List.of(group("G", "资金管理", "4", List.of(
                leaf("G.RUBRIC", "预算完成率", "2", deduction, metric(LedgerMetric.BUDGET_EXECUTION_RATE)),
                leaf("G.LEAF", "预算完成率（一位小数）", "2", deduction, metric(LedgerMetric.BUDGET_EXECUTION_RATE))
                        .withRounding(Rounding.ONE_DECIMAL_HALF_UP))));

        // 2 − 0.1 × 1.235 = 1.8765
        ScoredTable halfUp = score(publish(tree, Rounding.TWO_DECIMALS_HALF_UP, BigDecimal.ZERO));
        ScoredTable down = score(publish(tree, new Rounding(2, RoundingMode.DOWN), BigDecimal.ZERO));

        assertThat(item(halfUp, "G.RUBRIC").exactScore()).isEqualByComparingTo("1.8765");
        assertThat(item(halfUp, "G.RUBRIC").score().toPlainString()).isEqualTo("1.88");
        assertThat(item(down, "G.RUBRIC").score().toPlainString()).isEqualTo("1.87");
        assertThat(item(down, "G.LEAF").score().toPlainString()).isEqualTo("1.9");
        assertThat(item(down, "G").score().toPlainString()).isEqualTo("3.77");
        assertThat(item(halfUp, "G.RUBRIC").rule().description())
                .isEqualTo("扣分：以 100% 为目标，每低 1 个百分点扣 0.1 分，扣完为止（满分 2）");
    }

    @Test
    void ledgerMetricWithZeroDenominator_scoresZero_flaggedUncomputable() {
        RubricPublished rubric = publish(List.of(
                leaf("R", "预算执行率", "5", new Proportional(null), metric(LedgerMetric.BUDGET_EXECUTION_RATE)),
                leaf("F", "固定资产利用率", "2", new Proportional(null), metric(LedgerMetric.FIXED_ASSET_UTILISATION_RATE))));

        ScoredTable table = score(rubric);

        ScoredItem rate = item(table, "R");
        assertThat(rate.score()).isEqualByComparingTo("0");
        assertThat(rate.flags()).extracting(Flag::label).containsExactly("无法计算（分母为零）");
        assertThat(rate.inputs()).singleElement().satisfies(input -> {
            assertThat(input.code()).isEqualTo("BUDGET_EXECUTION_RATE");
            assertThat(input.value()).isNull();
            assertThat(input.display()).isEqualTo("无法计算（分母为零）");
        });
        assertThat(flagKinds(item(table, "F"))).containsExactly(FlagKind.DENOMINATOR_ZERO);
    }

    // --- indicator rules ------------------------------------------------------------------------------------

    @Test
    void metOrFactor_onOneIndicator_fullWhenMet_elseFactorOrCompletionRate() {
        indicator("I1", OUTPUT, "2.96", "≥95%", "K.MET", "97.52%");
        indicator("I2", OUTPUT, "2.96", "≥95%", "K.FACTOR", "94.07%");
        indicator("I3", OUTPUT, "2.96", "≥95%", "K.RATE", "94.07%");
        indicator("I4", OUTPUT, "2.96", "≥95%", "K.MISSING", null);
        RubricPublished rubric = publish(List.of(
                leaf("K.MET", "满意率", "2.96", MetOrFactor.factor(d("0.9")), tagged("K.MET")),
                leaf("K.FACTOR", "接通率（系数）", "2.96", MetOrFactor.factor(d("0.9")), tagged("K.FACTOR")),
                leaf("K.RATE", "接通率（完成率）", "2.96", MetOrFactor.completionRate(), tagged("K.RATE")),
                leaf("K.MISSING", "未录实际值", "2.96", MetOrFactor.factor(d("0.9")), tagged("K.MISSING")),
                leaf("K.ORPHAN", "无对应指标", "2.96", MetOrFactor.factor(d("0.9")), tagged("K.ORPHAN")),
                leaf("K.BYID", "按编码", "2.96", MetOrFactor.factor(d("0.9")),
                        IndicatorInput.byId(new IndicatorId("I1")))));

        ScoredTable table = score(rubric);

        assertThat(item(table, "K.MET").score().toPlainString()).isEqualTo("2.96");
        assertThat(item(table, "K.FACTOR").score().toPlainString()).isEqualTo("2.66");
        assertThat(item(table, "K.FACTOR").flags()).singleElement().satisfies(flag -> {
            assertThat(flag.label()).isEqualTo("指标未达标");
            assertThat(flag.detail()).isEqualTo("指标I2（I2）：实际值「94.07%」未达到目标值「≥95%」");
        });
        // 2.96 × 94.07 ÷ 95 = 2.9310…
        assertThat(item(table, "K.RATE").score().toPlainString()).isEqualTo("2.93");
        assertThat(item(table, "K.RATE").rule().description()).isEqualTo("达标得满分，未达标得 分值 × 完成率（不超过 100%）");
        assertThat(item(table, "K.MISSING").score()).isEqualByComparingTo("0");
        assertThat(item(table, "K.MISSING").flags()).extracting(Flag::label).containsExactly("缺少实际值");
        assertThat(item(table, "K.MISSING").inputs().get(0).display()).isEqualTo("缺少实际值");
        assertThat(item(table, "K.ORPHAN").score()).isEqualByComparingTo("0");
        assertThat(item(table, "K.ORPHAN").flags()).extracting(Flag::label).containsExactly("未找到对应指标");
        assertThat(item(table, "K.BYID").score().toPlainString()).isEqualTo("2.96");
    }

    @Test
    void metOrFactor_onAGroup_scoresEachIndicatorWithItsOwnWeight_cappedAtTheLeaf() {
        indicator("I1", OUTPUT, "1", "≥10个", "G.A", "12个");
        indicator("I2", OUTPUT, "1", "≥10个", "G.A", "10个");
        indicator("I3", BENEFIT, "2", "≥90%", "G.B", "80%");
        indicator("X1", BENEFIT, "5", "≥90%", "OTHER", "95%");
        List<RubricNode> groupTree = List.of(group("G", "重点工作", "5", List.of(
                leaf("G.A", "数量", "1", new ShareMet(), IndicatorGroupInput.of(new RubricItemCode("G.A"))),
                leaf("G.B", "质量", "4", MetOrFactor.factor(d("0.5")),
                        IndicatorGroupInput.of(new RubricItemCode("G"))))),
                judgement("OTHER", "其他", "5"));

        ScoredTable table = score(publish(groupTree));

        // 1 + 1 + 2 × 0.5 = 3 of 4
        ScoredItem quality = item(table, "G.B");
        assertThat(quality.score().toPlainString()).isEqualTo("3.00");
        assertThat(quality.inputs()).extracting(ScoredInput::code).containsExactly("G", "I1", "I2", "I3");
        assertThat(quality.inputs().get(0).display()).isEqualTo("66.67%（2/3）");
        assertThat(quality.inputs().get(3).figures()).singleElement()
                .satisfies(f -> assertThat(f.value()).isEqualByComparingTo("1"));
        assertThat(quality.rule().description())
                .isEqualTo("达标得满分，未达标得 分值 × 0.5；指标组内每个指标按其自身分值计分后合计，不超过分值 4");

        List<RubricNode> capped = List.of(leaf("C", "重点工作", "2.5", MetOrFactor.factor(d("0.5")),
                IndicatorGroupInput.of(new RubricItemCode("C"))));
        indicator("C1", OUTPUT, "2", "≥1个", "C", "1个");
        indicator("C2", OUTPUT, "2", "≥1个", "C", "1个");
        assertThat(item(score(publish(capped)), "C").score().toPlainString()).isEqualTo("2.50");
    }

    @Test
    void shareMet_isWeightTimesMetOverDefined_byTagOrPath_andZeroForAnEmptyGroup() {
        indicator("O1", OUTPUT, "1", "≥10个", null, "12个");
        indicator("O2", OUTPUT, "1", "≥10个", null, "9个");
        indicator("O3", OUTPUT, "1", "≥10个", "S.OUT", "10个");
        indicator("B1", BENEFIT, "1", "≥1212万件", "S.BEN", "2871.7436万件");
        RubricPublished rubric = publish(List.of(group("S", "履职效能", "6", List.of(
                leaf("S.OUT", "产出指标完成情况", "3", new ShareMet(),
                        new IndicatorGroupInput(new RubricItemCode("S.OUT"), List.of("产出指标"))),
                leaf("S.BEN", "效益指标完成情况", "2", new ShareMet(), IndicatorGroupInput.of(new RubricItemCode("S.BEN"))),
                leaf("S.EMPTY", "空指标组", "1", new ShareMet(), IndicatorGroupInput.of(new RubricItemCode("S.EMPTY")))))));

        ScoredTable table = score(rubric);

        ScoredItem output = item(table, "S.OUT");
        assertThat(output.score().toPlainString()).isEqualTo("2.00");
        assertThat(output.rule().description()).isEqualTo("得分 = 分值 3 × 达标指标数 ÷ 指标总数");
        assertThat(output.inputs()).extracting(ScoredInput::kind).containsExactly(InputKind.INDICATOR_GROUP,
                InputKind.INDICATOR, InputKind.INDICATOR, InputKind.INDICATOR);
        assertThat(flagKinds(output)).containsExactly(FlagKind.INDICATOR_NOT_MET);
        // points capped, target flagged as too low
        assertThat(item(table, "S.BEN").score().toPlainString()).isEqualTo("2.00");
        assertThat(flagKinds(item(table, "S.BEN"))).containsExactly(FlagKind.TARGET_TOO_LOW);
        ScoredItem empty = item(table, "S.EMPTY");
        assertThat(empty.score()).isEqualByComparingTo("0");
        assertThat(empty.flags()).singleElement().satisfies(flag -> assertThat(flag.label()).isEqualTo("无法计算（分母为零）"));
    }

    // --- bonus and penalty ----------------------------------------------------------------------------------

    @Test
    void bonusPenalty_countsEachEntry_cappedEachWay_andMayBeNegative() {
        RubricPublished rubric = publish(List.of(judgement("J", "其他", "95"),
                leaf("BP", "工作受表彰或批评", "5", new BonusPenalty(d("2.5"), d("2.5"), d("5"), d("5")),
                        new BonusPenaltyInput())), Rounding.TWO_DECIMALS_HALF_UP, d("5"));
        log.add(EVAL.judge("J", "90", "良好", SCORED_ON));
        log.add(EVAL.bonus("B1", BonusPenaltyKind.BONUS, "2.5", "决算公开受表扬", LocalDate.of(2021, 3, 1)));
        log.add(EVAL.bonus("B2", BonusPenaltyKind.BONUS, "2.5", "预算编制受表扬", LocalDate.of(2021, 4, 1)));
        log.add(EVAL.bonus("B3", BonusPenaltyKind.BONUS, "2.5", "执行进度受表扬", LocalDate.of(2021, 5, 1)));
        log.add(EVAL.bonus("P1", BonusPenaltyKind.PENALTY, "1", "自评逾期", LocalDate.of(2021, 6, 1)));

        ScoredTable table = score(rubric);

        // bonus 7.5 capped at 5, minus 2.5 per penalty (the rule's fixed points, not the 1 recorded)
        ScoredItem bonus = item(table, "BP");
        assertThat(bonus.score().toPlainString()).isEqualTo("2.50");
        assertThat(flagKinds(bonus)).containsExactly(FlagKind.BONUS_CAPPED);
        assertThat(bonus.inputs()).extracting(ScoredInput::display).containsExactly("+2.5", "+2.5", "+2.5", "-1");
        assertThat(bonus.inputs().get(3).figures()).singleElement()
                .satisfies(f -> assertThat(f.value()).isEqualByComparingTo("-2.5"));
        assertThat(bonus.inputs()).extracting(ScoredInput::code).containsExactly("B1", "B2", "B3", "P1");
        assertThat(bonus.rule().description())
                .isEqualTo("加分：每项加 2.5 分，加分最多不超过 5 分；减分：每项扣 2.5 分，扣分合计不超过 5 分");
        assertThat(table.total().toPlainString()).isEqualTo("92.50");

        log.add(EVAL.bonus("P2", BonusPenaltyKind.PENALTY, "2.5", "违规", LocalDate.of(2021, 7, 1)));
        log.add(EVAL.bonus("P3", BonusPenaltyKind.PENALTY, "2.5", "违规", LocalDate.of(2021, 8, 1)));
        ScoredItem penalised = item(score(rubric), "BP");
        // 5 − min(7.5, 5)
        assertThat(penalised.score().toPlainString()).isEqualTo("0.00");
        assertThat(flagKinds(penalised)).containsExactly(FlagKind.BONUS_CAPPED, FlagKind.PENALTY_CAPPED);
    }

    @Test
    void bonusPenalty_withoutFixedPoints_usesTheRecordedPoints_andCanDeductBelowZero() {
        RubricPublished rubric = publish(List.of(judgement("J", "其他", "95"),
                leaf("BP", "加减分", "5", new BonusPenalty(null, null, d("5"), d("5")), new BonusPenaltyInput())),
                Rounding.TWO_DECIMALS_HALF_UP, d("5"));
        log.add(EVAL.judge("J", "80", "一般", SCORED_ON));
        log.add(EVAL.bonus("B1", BonusPenaltyKind.BONUS, "1.5", "表扬", LocalDate.of(2021, 3, 1)));
        log.add(EVAL.bonus("P1", BonusPenaltyKind.PENALTY, "3", "逾期", LocalDate.of(2021, 4, 1)));

        ScoredTable table = score(rubric);

        assertThat(item(table, "BP").score().toPlainString()).isEqualTo("-1.50");
        assertThat(table.total().toPlainString()).isEqualTo("78.50");
        assertThat(item(table, "BP").rule().description())
                .isEqualTo("加分：按各事项录入的分数加分，加分最多不超过 5 分；减分：按各事项录入的分数扣分，扣分合计不超过 5 分");
    }

    @Test
    void netBonusAcrossLeaves_isCappedAtTheRubricsBonusCap() {
        BonusPenalty rule = new BonusPenalty(d("2.5"), d("2.5"), d("5"), d("5"));
        RubricPublished rubric = publish(List.of(judgement("J", "其他", "90"),
                leaf("BP1", "表彰", "5", rule, new BonusPenaltyInput()),
                leaf("BP2", "表彰（另一项）", "5", rule, new BonusPenaltyInput())), Rounding.TWO_DECIMALS_HALF_UP, d("5"));
        log.add(EVAL.judge("J", "90", "满分", SCORED_ON));
        log.add(EVAL.bonus("B1", BonusPenaltyKind.BONUS, "2.5", "表扬", LocalDate.of(2021, 3, 1)));
        log.add(EVAL.bonus("B2", BonusPenaltyKind.BONUS, "2.5", "表扬", LocalDate.of(2021, 4, 1)));

        ScoredTable table = score(rubric);

        assertThat(item(table, "BP1").score()).isEqualByComparingTo("5");
        assertThat(item(table, "BP2").score()).isEqualByComparingTo("5");
        assertThat(table.total().toPlainString()).isEqualTo("95.00");
        assertThat(table.flags()).extracting(Flag::kind).containsExactly(FlagKind.BONUS_CAPPED);
    }

    // --- table ----------------------------------------------------------------------------------------------

    @Test
    void table_gradesTheTotal_andNamesItsRubric() {
        RubricPublished rubric = publish(List.of(judgement("A", "甲", "60"), judgement("B", "乙", "40")));
        log.add(EVAL.started(new RubricVersionId("other@2")));
        log.add(EVAL.judge("A", "50", "较好", SCORED_ON));
        log.add(EVAL.judge("B", "39.99", "较好", SCORED_ON));

        ScoredTable table = score(rubric);

        assertThat(table.total().toPlainString()).isEqualTo("89.99");
        assertThat(table.grade()).isEqualTo("良");
        assertThat(table.rubricVersion()).isEqualTo("test@1");
        assertThat(table.totalWeight()).isEqualByComparingTo("100");
        assertThat(table.declared()).isNull();
        assertThat(table.flags()).extracting(Flag::kind).containsExactly(FlagKind.RUBRIC_VERSION_MISMATCH);
    }

    @Test
    void declaredTotal_standsNextToTheComputedOne() {
        RubricPublished rubric = publish(List.of(judgement("A", "甲", "100")));
        log.add(EVAL.judge("A", "90", "好", SCORED_ON));
        log.add(EVAL.submit(1, "90.00", LocalDate.of(2022, 3, 15)));

        ScoredTable table = score(rubric);

        assertThat(table.declared().declaredTotal()).isEqualByComparingTo("90");
        assertThat(table.declared().difference()).isEqualByComparingTo("0");
        assertThat(table.flags()).isEmpty();
    }

    @Test
    void recordingOrderOfEventsWithDistinctDates_doesNotChangeTheTable() {
        long seed = System.nanoTime();
        System.out.println("ScoringEngineTest seed = " + seed);
        Random random = new Random(seed);
        TestLedger.oneLine(log, "1000.00", "800.00");
        List<RecordedEvent> budget = log.events();
        RubricPublished rubric = publish(List.of(
                leaf("R", "预算执行率", "10", new Proportional(null), metric(LedgerMetric.BUDGET_EXECUTION_RATE)),
                leaf("S", "指标完成", "10", new ShareMet(), IndicatorGroupInput.of(new RubricItemCode("S"))),
                judgement("J", "评判", "80")));
        List<Object> facts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            LocalDate day = LocalDate.of(2021, 2, 1).plusDays(i);
            facts.add(EVAL.define("I" + i, OUTPUT, "指标" + i, "1", "≥" + (10 + i) + "个", "S", day));
        }
        for (int i = 0; i < 20; i++) {
            facts.add(EVAL.actual("I" + i, (5 + random.nextInt(30)) + "个", LocalDate.of(2021, 12, 1).plusDays(i)));
        }
        facts.add(EVAL.judge("J", "72.5", "较好", SCORED_ON));
        facts.forEach(log::add);
        ScoredTable inOrder = score(rubric);

        EventLog shuffledLog = new EventLog();
        budget.forEach(e -> shuffledLog.add(e.payload(), e.recordedAt()));
        List<Object> shuffled = new ArrayList<>(facts);
        Collections.shuffle(shuffled, random);
        Instant t = Instant.parse("2022-06-01T00:00:00Z");
        for (Object fact : shuffled) {
            shuffledLog.add(fact, t);
            t = t.plusSeconds(1);
        }

        assertThat(score(rubric, shuffledLog.events())).isEqualTo(inOrder);
    }
}
