package cn.perfledger.projections.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.domain.common.IndicatorId;
import cn.perfledger.domain.common.RubricItemCode;
import cn.perfledger.domain.common.RubricVersionId;
import cn.perfledger.domain.evaluation.BonusPenaltyKind;
import cn.perfledger.domain.evaluation.EvaluationId;
import cn.perfledger.projections.basis.Basis;
import cn.perfledger.projections.basis.Replay;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationFoldTest {

    private static final EvaluationEvents EVAL = new EvaluationEvents(EvaluationId.of("T-DEPT", 2021));
    private static final List<String> PATH = List.of("产出指标", "数量指标");
    private static final LocalDate JAN_10 = LocalDate.of(2021, 1, 10);
    private static final LocalDate DEC_31 = LocalDate.of(2021, 12, 31);
    private static final Basis EVERYTHING = new Basis(LocalDate.of(2022, 12, 31), Instant.MAX);

    private final EventLog log = new EventLog();

    private EvaluationFold fold(Basis basis) {
        return Replay.fold(log.events(), basis, new EvaluationFold());
    }

    private IndicatorState indicator(EvaluationFold fold, String id) {
        return fold.indicator(new IndicatorId(id)).orElseThrow();
    }

    @Test
    void completionRate_positive_isActualOverTarget_uncapped() {
        log.add(EVAL.started(new RubricVersionId("r@1")));
        log.add(EVAL.define("I1", PATH, "服务次数", "2", "≥700万次", null, JAN_10));
        log.add(EVAL.define("I2", PATH, "接入点位", "2", ">=450", null, JAN_10));
        log.add(EVAL.actual("I1", "805万次", DEC_31));
        log.add(EVAL.actual("I2", "657", DEC_31));

        EvaluationFold fold = fold(EVERYTHING);

        assertThat(indicator(fold, "I1").completionRate()).isEqualByComparingTo("1.15");
        assertThat(indicator(fold, "I1").status()).isEqualTo(IndicatorStatus.MET);
        // 657 ÷ 450 = 146%: shown uncapped, as seed 000 prints it
        assertThat(Display.percent(indicator(fold, "I2").completionRate())).isEqualTo("146.00%");
        assertThat(indicator(fold, "I2").targetTooLow()).isFalse();
    }

    @Test
    void completionRate_reverse_isFullWhenMet_elseTargetOverActual() {
        log.add(EVAL.define("R1", PATH, "有效投诉率", "2", "≤5%", null, JAN_10));
        log.add(EVAL.define("R2", PATH, "差错率", "2", "<2%", null, JAN_10));
        log.add(EVAL.actual("R1", "0", DEC_31));
        log.add(EVAL.actual("R2", "2.5%", DEC_31));

        EvaluationFold fold = fold(EVERYTHING);

        assertThat(indicator(fold, "R1").completionRate()).isEqualByComparingTo("1");
        assertThat(indicator(fold, "R1").met()).isTrue();
        assertThat(indicator(fold, "R2").completionRate()).isEqualByComparingTo("0.8");
        assertThat(indicator(fold, "R2").status()).isEqualTo(IndicatorStatus.NOT_MET);
        assertThat(indicator(fold, "R2").flags()).extracting(Flag::kind).containsExactly(FlagKind.INDICATOR_NOT_MET);
    }

    @Test
    void completionRate_qualitativeAndEqual_areFullWhenMet() {
        log.add(EVAL.define("Q1", PATH, "要素梳理", "2", "100%达标", null, JAN_10));
        log.add(EVAL.define("Q2", PATH, "系统上线", "2", "100%完成", null, JAN_10));
        log.add(EVAL.define("E1", PATH, "覆盖率", "2", "=100%", null, JAN_10));
        log.add(EVAL.actual("Q1", "已达标", DEC_31));
        log.add(EVAL.actual("Q2", "未完成", DEC_31));
        log.add(EVAL.actual("E1", "100%", DEC_31));

        EvaluationFold fold = fold(EVERYTHING);

        assertThat(indicator(fold, "Q1").completionRate()).isEqualByComparingTo("1");
        assertThat(indicator(fold, "Q2").completionRate()).isEqualByComparingTo("0");
        assertThat(indicator(fold, "Q2").status()).isEqualTo(IndicatorStatus.NOT_MET);
        assertThat(indicator(fold, "E1").completionRate()).isEqualByComparingTo("1");
        assertThat(indicator(fold, "Q1").targetTooLow()).isFalse();
    }

    @Test
    void actualAboveOneAndAHalfTimesTarget_flagsTargetTooLow_forPositiveIndicatorsOnly() {
        log.add(EVAL.define("P1", PATH, "话务服务量", "2.94", "≥1212万件", null, JAN_10));
        log.add(EVAL.define("P2", PATH, "存储能力", "2.94", "≥6个月", null, JAN_10));
        log.add(EVAL.define("R1", PATH, "投诉率", "2", "≤5%", null, JAN_10));
        log.add(EVAL.actual("P1", "2871.7436万件", DEC_31));
        log.add(EVAL.actual("P2", "≥9个月", DEC_31));
        log.add(EVAL.actual("R1", "1%", DEC_31));

        EvaluationFold fold = fold(EVERYTHING);

        IndicatorState calls = indicator(fold, "P1");
        assertThat(calls.targetTooLow()).isTrue();
        assertThat(calls.flags()).singleElement().satisfies(flag -> {
            assertThat(flag.kind()).isEqualTo(FlagKind.TARGET_TOO_LOW);
            assertThat(flag.label()).isEqualTo("目标值偏低");
            assertThat(flag.detail()).contains("236.94%");
        });
        // exactly 1.5 is not above 1.5
        assertThat(indicator(fold, "P2").completionRate()).isEqualByComparingTo("1.5");
        assertThat(indicator(fold, "P2").targetTooLow()).isFalse();
        // a reverse indicator far below its ceiling is not "target too low"
        assertThat(indicator(fold, "R1").targetTooLow()).isFalse();
    }

    @Test
    void laterActual_supersedesEarlier_andAsOfSeesTheOneEffectiveThen() {
        log.add(EVAL.define("I1", PATH, "接通率", "2.96", "≥95%", "LZ.2-2", JAN_10));
        log.add(EVAL.actual("I1", "93.5%", LocalDate.of(2021, 6, 30)));
        log.add(EVAL.actual("I1", "94.07%", DEC_31));

        assertThat(indicator(fold(EVERYTHING), "I1").actual().text()).isEqualTo("94.07%");
        assertThat(indicator(fold(new Basis(LocalDate.of(2021, 9, 30), Instant.MAX)), "I1").actual().text())
                .isEqualTo("93.5%");
        assertThat(indicator(fold(new Basis(LocalDate.of(2021, 3, 31), Instant.MAX)), "I1").status())
                .isEqualTo(IndicatorStatus.MISSING_ACTUAL);
    }

    @Test
    void revisedTarget_isTheCurrentTarget_andTheRevisionIsKept() {
        log.add(EVAL.define("I1", PATH, "新增主题", "2", "≥6个", null, JAN_10));
        log.add(EVAL.revise("I1", "≥6个", "≥12个", "年中调整工作任务", LocalDate.of(2021, 7, 1)));
        log.add(EVAL.actual("I1", "16个", DEC_31));

        IndicatorState now = indicator(fold(EVERYTHING), "I1");
        IndicatorState before = indicator(fold(new Basis(LocalDate.of(2021, 6, 30), Instant.MAX)), "I1");

        assertThat(now.target().text()).isEqualTo("≥12个");
        assertThat(now.completionRate()).isEqualByComparingTo(new java.math.BigDecimal("16").divide(
                new java.math.BigDecimal("12"), 12, java.math.RoundingMode.HALF_EVEN));
        assertThat(now.revisions()).singleElement().satisfies(r -> assertThat(r.reason()).isEqualTo("年中调整工作任务"));
        assertThat(now.targetBy()).isEqualTo(now.revisions().get(0).source());
        assertThat(before.target().text()).isEqualTo("≥6个");
        assertThat(before.revisions()).isEmpty();
    }

    @Test
    void actualEffectiveBeforeTheDefinition_isAttachedOnceTheDefinitionIsFolded() {
        // recorded after the definition, effective before it: replay meets the actual first
        log.add(EVAL.define("I1", PATH, "报告数量", "2", "提供20份以上的数据质量报告", null, LocalDate.of(2021, 3, 1)));
        log.add(EVAL.actual("I1", "提供了31份数据质量报告", LocalDate.of(2021, 2, 1)), Instant.parse("2021-04-01T00:00:00Z"));

        EvaluationFold fold = fold(EVERYTHING);

        assertThat(indicator(fold, "I1").actual().text()).isEqualTo("提供了31份数据质量报告");
        assertThat(fold(new Basis(LocalDate.of(2021, 2, 15), Instant.MAX)).indicators()).isEmpty();
    }

    @Test
    void laterJudgement_supersedesEarlier_andWithdrawnJudgementIsMissing() {
        log.add(EVAL.judge("M.SYSTEM", "2", "制度基本健全", LocalDate.of(2022, 1, 10)));
        log.add(EVAL.judge("M.SYSTEM", "3", "制度健全并严格执行", LocalDate.of(2022, 2, 10)));
        log.add(EVAL.judge("M.RESULT", "2", "结果已应用", LocalDate.of(2022, 1, 10)));
        log.add(EVAL.withdraw("M.RESULT", "2", "佐证材料不足", LocalDate.of(2022, 2, 20)));

        EvaluationFold fold = fold(EVERYTHING);
        EvaluationFold january = fold(new Basis(LocalDate.of(2022, 1, 31), Instant.MAX));

        assertThat(fold.judgement(new RubricItemCode("M.SYSTEM"))).hasValueSatisfying(j -> {
            assertThat(j.score()).isEqualByComparingTo("3");
            assertThat(j.basis()).isEqualTo("制度健全并严格执行");
            assertThat(j.evaluator()).isEqualTo("自评小组");
        });
        assertThat(fold.judgement(new RubricItemCode("M.RESULT"))).isEmpty();
        assertThat(fold.withdrawal(new RubricItemCode("M.RESULT")))
                .hasValueSatisfying(w -> assertThat(w.reason()).isEqualTo("佐证材料不足"));
        assertThat(january.judgement(new RubricItemCode("M.SYSTEM")).orElseThrow().score()).isEqualByComparingTo("2");
        assertThat(january.judgement(new RubricItemCode("M.RESULT"))).isPresent();
    }

    @Test
    void reenteredJudgement_clearsTheWithdrawal() {
        log.add(EVAL.judge("M.RESULT", "2", "结果已应用", LocalDate.of(2022, 1, 10)));
        log.add(EVAL.withdraw("M.RESULT", "2", "佐证材料不足", LocalDate.of(2022, 2, 20)));
        log.add(EVAL.judge("M.RESULT", "1.5", "补充佐证后重评", LocalDate.of(2022, 3, 1)));

        EvaluationFold fold = fold(EVERYTHING);

        assertThat(fold.judgement(new RubricItemCode("M.RESULT")).orElseThrow().score()).isEqualByComparingTo("1.5");
        assertThat(fold.withdrawal(new RubricItemCode("M.RESULT"))).isEmpty();
    }

    @Test
    void bonusPenaltiesAndSubmissions_areKeptInReplayOrder() {
        log.add(EVAL.bonus("BP-01", BonusPenaltyKind.BONUS, "2.5", "决算公开受表扬", LocalDate.of(2021, 10, 15)));
        log.add(EVAL.bonus("BP-02", BonusPenaltyKind.PENALTY, "2.5", "自评逾期", LocalDate.of(2021, 11, 1)));
        log.add(EVAL.submit(1, "94.65", LocalDate.of(2022, 3, 15)));
        log.add(EVAL.submit(2, "94.35", LocalDate.of(2022, 4, 1)));

        EvaluationFold fold = fold(EVERYTHING);

        assertThat(fold.bonusPenalties()).extracting(BonusPenaltyEntry::signedPoints)
                .usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(new java.math.BigDecimal("2.5"), new java.math.BigDecimal("-2.5"));
        assertThat(fold.submissions()).extracting(SubmissionEntry::submissionNo).containsExactly(1, 2);
        assertThat(fold.latestSubmission().orElseThrow().declaredTotal()).isEqualByComparingTo("94.35");
        assertThat(fold(new Basis(LocalDate.of(2022, 3, 31), Instant.MAX)).latestSubmission().orElseThrow()
                .submissionNo()).isEqualTo(1);
    }

    @Test
    void eventsOfOtherStreamsAndOtherEvaluations_areIgnored() {
        EvaluationEvents other = new EvaluationEvents(EvaluationId.of("OTHER", 2021));
        log.add(EVAL.define("I1", PATH, "指标", "2", "≥1个", null, JAN_10));
        log.add(other.define("X1", PATH, "别的部门的指标", "2", "≥1个", null, JAN_10));

        EvaluationFold onlyOurs = Replay.fold(log.events(), EVERYTHING, new EvaluationFold(EVAL.id()));
        EvaluationFold all = fold(EVERYTHING);

        assertThat(onlyOurs.indicators()).extracting(i -> i.indicatorId().value()).containsExactly("I1");
        assertThat(onlyOurs.eventCount()).isEqualTo(1);
        assertThat(all.indicators()).hasSize(2);
    }
}
