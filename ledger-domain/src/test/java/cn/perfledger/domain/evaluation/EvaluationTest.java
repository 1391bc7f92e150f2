package cn.perfledger.domain.evaluation;

import static cn.perfledger.domain.evaluation.EvaluationFixtures.CONNECTION_RATE;
import static cn.perfledger.domain.evaluation.EvaluationFixtures.DEC_31;
import static cn.perfledger.domain.evaluation.EvaluationFixtures.DIGEST;
import static cn.perfledger.domain.evaluation.EvaluationFixtures.ID;
import static cn.perfledger.domain.evaluation.EvaluationFixtures.MAR_1;
import static cn.perfledger.domain.evaluation.EvaluationFixtures.NEXT_YEAR;
import static cn.perfledger.domain.evaluation.EvaluationFixtures.PATH;
import static cn.perfledger.domain.evaluation.EvaluationFixtures.RUBRIC;
import static cn.perfledger.domain.evaluation.EvaluationFixtures.SYSTEM_ITEM;
import static cn.perfledger.domain.evaluation.EvaluationFixtures.connectionRateDefined;
import static cn.perfledger.domain.evaluation.EvaluationFixtures.defineConnectionRate;
import static cn.perfledger.domain.evaluation.EvaluationFixtures.domainError;
import static cn.perfledger.domain.evaluation.EvaluationFixtures.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.perfledger.domain.common.ConflictException;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.IndicatorId;
import cn.perfledger.domain.evaluation.EvaluationCommand.DefineIndicator;
import cn.perfledger.domain.evaluation.EvaluationCommand.EnterJudgementScore;
import cn.perfledger.domain.evaluation.EvaluationCommand.RecordActual;
import cn.perfledger.domain.evaluation.EvaluationCommand.RecordBonusPenalty;
import cn.perfledger.domain.evaluation.EvaluationCommand.ReviseTarget;
import cn.perfledger.domain.evaluation.EvaluationCommand.StartEvaluation;
import cn.perfledger.domain.evaluation.EvaluationCommand.SubmitSelfEvaluation;
import cn.perfledger.domain.evaluation.EvaluationCommand.WithdrawJudgementScore;
import cn.perfledger.domain.evaluation.EvaluationEvent.BonusPenaltyRecorded;
import cn.perfledger.domain.evaluation.EvaluationEvent.IndicatorActualRecorded;
import cn.perfledger.domain.evaluation.EvaluationEvent.IndicatorDefined;
import cn.perfledger.domain.evaluation.EvaluationEvent.IndicatorTargetRevised;
import cn.perfledger.domain.evaluation.EvaluationEvent.JudgementScoreEntered;
import cn.perfledger.domain.evaluation.EvaluationEvent.JudgementScoreWithdrawn;
import cn.perfledger.domain.evaluation.EvaluationEvent.SelfEvaluationSubmitted;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EvaluationTest {

    private static final String BASIS = "得分依据：我局先后制定财务、人事、行政、内部监督等各类规章制度，并于日常工作中严格执行。因此，得3分满分。";

    private FixtureConfiguration<Evaluation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Evaluation.class);
    }

    // --- id -------------------------------------------------------------------------------------------------

    @Test
    void evaluationId_printsAndParsesItsRawForm() {
        assertThat(ID).hasToString("GZ-ZSJ/2021/evaluation");
        assertThat(EvaluationId.parse("GZ-ZSJ/2021/evaluation")).isEqualTo(ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GZ-ZSJ/2021", "GZ-ZSJ/evaluation", "/2021/evaluation", "GZ-ZSJ/20x1/evaluation"})
    void evaluationId_refusesOtherForms(String value) {
        assertThatThrownBy(() -> EvaluationId.parse(value)).isInstanceOf(DomainException.class);
    }

    // --- StartEvaluation ------------------------------------------------------------------------------------

    @Test
    void startEvaluation_succeeds_effectiveOnFirstDayOfYear() {
        fixture.givenNoPriorActivity()
                .when(new StartEvaluation(ID, RUBRIC))
                .expectEvents(started());
    }

    @Test
    void startEvaluation_fails_whenAlreadyStarted() {
        fixture.given(started())
                .when(new StartEvaluation(ID, RUBRIC))
                .expectException(domainError(ConflictException.class, "evaluationId", "已开始"));
    }

    @Test
    void startEvaluation_fails_whenRubricVersionMissing() {
        fixture.givenNoPriorActivity()
                .when(new StartEvaluation(ID, null))
                .expectException(domainError("rubricVersion", "不能为空"))
                .expectNoEvents();
    }

    // --- DefineIndicator ------------------------------------------------------------------------------------

    @Test
    void defineIndicator_succeeds_carryingTextAndParsedTarget() {
        fixture.given(started())
                .when(defineConnectionRate())
                .expectEvents(connectionRateDefined());
    }

    @Test
    void defineIndicator_succeeds_withoutRubricItemCode() {
        IndicatorId id = new IndicatorId("IND-3-1");
        fixture.given(started())
                .when(new DefineIndicator(ID, id, List.of("履职效能", "关键指标"), "移动服务平台全年提供服务次数",
                        new BigDecimal("2.94"), " ≥700万次 ", null, DEC_31))
                .expectEvents(new IndicatorDefined(ID, id, List.of("履职效能", "关键指标"), "移动服务平台全年提供服务次数",
                        new BigDecimal("2.94"), "≥700万次", TargetExpression.parse("≥700万次"), null, DEC_31));
    }

    @Test
    void defineIndicator_fails_whenNotStarted() {
        fixture.givenNoPriorActivity()
                .when(defineConnectionRate())
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void defineIndicator_fails_whenIndicatorIdExists() {
        fixture.given(started(), connectionRateDefined())
                .when(defineConnectionRate())
                .expectException(domainError(ConflictException.class, "indicatorId", "已存在"));
    }

    @Test
    void defineIndicator_fails_whenIndicatorIdMissing() {
        fixture.given(started())
                .when(new DefineIndicator(ID, null, PATH, "接通率", BigDecimal.ONE, "≥95%", null, MAR_1))
                .expectException(domainError("indicatorId", "不能为空"));
    }

    @Test
    void defineIndicator_fails_whenTargetUnparseable() {
        fixture.given(started())
                .when(new DefineIndicator(ID, CONNECTION_RATE, PATH, "接通率", BigDecimal.ONE, "按时完成", null, MAR_1))
                .expectException(domainError("targetExpression", "未找到数值"))
                .expectNoEvents();
    }

    @Test
    void defineIndicator_fails_whenTargetHasTwoQuantities() {
        fixture.given(started())
                .when(new DefineIndicator(ID, CONNECTION_RATE, PATH, "接通率", BigDecimal.ONE, "接通率不低于95%，满意率不低于90%",
                        null, MAR_1))
                .expectException(domainError("targetExpression", "包含多个数值"));
    }

    @ParameterizedTest(name = "weight {0}")
    @CsvSource(delimiter = '|', textBlock = """
            -0.01  | 不能为负数
            100.01 | 不能超过
            2.945  | 最多保留两位小数
            """)
    void defineIndicator_fails_whenWeightOutOfRange(String weight, String reason) {
        fixture.given(started())
                .when(new DefineIndicator(ID, CONNECTION_RATE, PATH, "接通率", new BigDecimal(weight), "≥95%", null,
                        MAR_1))
                .expectException(domainError("weight", reason));
    }

    @Test
    void defineIndicator_fails_whenWeightMissing() {
        fixture.given(started())
                .when(new DefineIndicator(ID, CONNECTION_RATE, PATH, "接通率", null, "≥95%", null, MAR_1))
                .expectException(domainError("weight", "不能为空"));
    }

    @Test
    void defineIndicator_fails_whenPathEmpty() {
        fixture.given(started())
                .when(new DefineIndicator(ID, CONNECTION_RATE, List.of(), "接通率", BigDecimal.ONE, "≥95%", null, MAR_1))
                .expectException(domainError("path", "不能为空"));
    }

    @Test
    void defineIndicator_fails_whenPathTooDeep() {
        fixture.given(started())
                .when(new DefineIndicator(ID, CONNECTION_RATE, List.of("履职效能", "产出", "数量指标", "其他"), "接通率",
                        BigDecimal.ONE, "≥95%", null, MAR_1))
                .expectException(domainError("path", "最多 3 级"));
    }

    @Test
    void defineIndicator_fails_whenPathNameBlank() {
        fixture.given(started())
                .when(new DefineIndicator(ID, CONNECTION_RATE, List.of("履职效能", " "), "接通率", BigDecimal.ONE, "≥95%",
                        null, MAR_1))
                .expectException(domainError("path[1]", "不能为空"));
    }

    @Test
    void defineIndicator_fails_whenNameMissing() {
        fixture.given(started())
                .when(new DefineIndicator(ID, CONNECTION_RATE, PATH, "", BigDecimal.ONE, "≥95%", null, MAR_1))
                .expectException(domainError("name", "不能为空"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2020-12-31", "2022-01-01"})
    void defineIndicator_fails_whenEffectiveDateOutsideYear(String date) {
        fixture.given(started())
                .when(new DefineIndicator(ID, CONNECTION_RATE, PATH, "接通率", BigDecimal.ONE, "≥95%", null,
                        LocalDate.parse(date)))
                .expectException(domainError("effectiveDate", "2021 年度内"));
    }

    // --- ReviseTarget ---------------------------------------------------------------------------------------

    @Test
    void reviseTarget_succeeds_withReason() {
        fixture.given(started(), connectionRateDefined())
                .when(new ReviseTarget(ID, CONNECTION_RATE, "≥90%", "服务量增至合同约定的 2.37 倍", DEC_31))
                .expectEvents(new IndicatorTargetRevised(ID, CONNECTION_RATE, "≥95%", "≥90%",
                        TargetExpression.parse("≥90%"), "服务量增至合同约定的 2.37 倍", DEC_31));
    }

    @Test
    void reviseTarget_fails_whenIndicatorUnknown() {
        fixture.given(started())
                .when(new ReviseTarget(ID, CONNECTION_RATE, "≥90%", "原因", DEC_31))
                .expectException(domainError("indicatorId", "指标不存在"));
    }

    @Test
    void reviseTarget_fails_whenReasonMissing() {
        fixture.given(started(), connectionRateDefined())
                .when(new ReviseTarget(ID, CONNECTION_RATE, "≥90%", "  ", DEC_31))
                .expectException(domainError("reason", "不能为空"));
    }

    @Test
    void reviseTarget_fails_whenTargetUnparseable() {
        fixture.given(started(), connectionRateDefined())
                .when(new ReviseTarget(ID, CONNECTION_RATE, "尽量提高", "原因", DEC_31))
                .expectException(domainError("newTargetExpression", "未找到数值"));
    }

    @Test
    void reviseTarget_fails_whenTargetUnchanged() {
        fixture.given(started(), connectionRateDefined())
                .when(new ReviseTarget(ID, CONNECTION_RATE, "≥95%", "原因", DEC_31))
                .expectException(domainError("newTargetExpression", "相同"));
    }

    @Test
    void reviseTarget_fails_whenIncomparableWithRecordedActual() {
        fixture.given(started(), connectionRateDefined(), actualRecorded("94.07%", NEXT_YEAR))
                .when(new ReviseTarget(ID, CONNECTION_RATE, "≥1212万件", "改为考核服务量", DEC_31))
                .expectException(domainError("newTargetExpression", "不可比较"));
    }

    @Test
    void reviseTarget_fails_whenEffectiveInFollowingYear() {
        fixture.given(started(), connectionRateDefined())
                .when(new ReviseTarget(ID, CONNECTION_RATE, "≥90%", "原因", NEXT_YEAR))
                .expectException(domainError("effectiveDate", "2021 年度内"));
    }

    // --- RecordActual ---------------------------------------------------------------------------------------

    @Test
    void recordActual_succeeds_inFollowingYear() {
        fixture.given(started(), connectionRateDefined())
                .when(new RecordActual(ID, CONNECTION_RATE, "94.07%", NEXT_YEAR))
                .expectEvents(actualRecorded("94.07%", NEXT_YEAR));
    }

    @Test
    void recordActual_succeeds_superseding_anEarlierActual() {
        fixture.given(started(), connectionRateDefined(), actualRecorded("93%", DEC_31))
                .when(new RecordActual(ID, CONNECTION_RATE, "94.07%", NEXT_YEAR))
                .expectEvents(actualRecorded("94.07%", NEXT_YEAR));
    }

    @Test
    void recordActual_succeeds_withQualitativeVerdict() {
        fixture.given(started(), connectionRateDefined())
                .when(new RecordActual(ID, CONNECTION_RATE, "未达标", NEXT_YEAR))
                .expectEvents(actualRecorded("未达标", NEXT_YEAR));
    }

    @Test
    void recordActual_fails_whenIndicatorUnknown() {
        fixture.given(started())
                .when(new RecordActual(ID, CONNECTION_RATE, "94.07%", NEXT_YEAR))
                .expectException(domainError("indicatorId", "指标不存在"));
    }

    @Test
    void recordActual_fails_whenUnparseable() {
        fixture.given(started(), connectionRateDefined())
                .when(new RecordActual(ID, CONNECTION_RATE, "良好", NEXT_YEAR))
                .expectException(domainError("actual", "未找到数值或达标结论"));
    }

    @Test
    void recordActual_fails_whenUnitIncomparableWithTarget() {
        fixture.given(started(), connectionRateDefined())
                .when(new RecordActual(ID, CONNECTION_RATE, "805万次", NEXT_YEAR))
                .expectException(domainError("actual", "不可比较"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2020-12-31", "2023-01-01"})
    void recordActual_fails_whenEffectiveDateOutsideEvaluationWindow(String date) {
        fixture.given(started(), connectionRateDefined())
                .when(new RecordActual(ID, CONNECTION_RATE, "94.07%", LocalDate.parse(date)))
                .expectException(domainError("effectiveDate", "2021-01-01 至 2022-12-31"));
    }

    // --- EnterJudgementScore / WithdrawJudgementScore -------------------------------------------------------

    @Test
    void enterJudgementScore_succeeds() {
        fixture.given(started())
                .when(new EnterJudgementScore(ID, SYSTEM_ITEM, new BigDecimal("3"), BASIS, "张三", NEXT_YEAR))
                .expectEvents(new JudgementScoreEntered(ID, SYSTEM_ITEM, new BigDecimal("3"), BASIS, "张三", null,
                        NEXT_YEAR));
    }

    @Test
    void enterJudgementScore_succeeds_superseding_andNamingThePreviousScore() {
        fixture.given(started(), scoreEntered("3"))
                .when(new EnterJudgementScore(ID, SYSTEM_ITEM, new BigDecimal("2.5"), BASIS, "李四", NEXT_YEAR))
                .expectEvents(new JudgementScoreEntered(ID, SYSTEM_ITEM, new BigDecimal("2.5"), BASIS, "李四",
                        new BigDecimal("3"), NEXT_YEAR));
    }

    @Test
    void enterJudgementScore_accepts_aBasisOf4000Characters() {
        String basis = "依".repeat(4000);
        fixture.given(started())
                .when(new EnterJudgementScore(ID, SYSTEM_ITEM, BigDecimal.ONE, basis, "张三", NEXT_YEAR))
                .expectEvents(new JudgementScoreEntered(ID, SYSTEM_ITEM, BigDecimal.ONE, basis, "张三", null,
                        NEXT_YEAR));
    }

    @ParameterizedTest(name = "score {0}")
    @CsvSource(delimiter = '|', textBlock = """
            -1     | 不能为负数
            100.5  | 不能超过
            1.999  | 最多保留两位小数
            """)
    void enterJudgementScore_fails_whenScoreOutOfRange(String score, String reason) {
        fixture.given(started())
                .when(new EnterJudgementScore(ID, SYSTEM_ITEM, new BigDecimal(score), BASIS, "张三", NEXT_YEAR))
                .expectException(domainError("score", reason));
    }

    @Test
    void enterJudgementScore_fails_whenItemCodeMissing() {
        fixture.given(started())
                .when(new EnterJudgementScore(ID, null, BigDecimal.ONE, BASIS, "张三", NEXT_YEAR))
                .expectException(domainError("rubricItemCode", "不能为空"));
    }

    @Test
    void enterJudgementScore_fails_whenBasisMissing() {
        fixture.given(started())
                .when(new EnterJudgementScore(ID, SYSTEM_ITEM, BigDecimal.ONE, null, "张三", NEXT_YEAR))
                .expectException(domainError("basis", "不能为空"));
    }

    @Test
    void enterJudgementScore_fails_whenBasisTooLong() {
        fixture.given(started())
                .when(new EnterJudgementScore(ID, SYSTEM_ITEM, BigDecimal.ONE, "依".repeat(4001), "张三", NEXT_YEAR))
                .expectException(domainError("basis", "4000"));
    }

    @Test
    void enterJudgementScore_fails_whenEvaluatorMissing() {
        fixture.given(started())
                .when(new EnterJudgementScore(ID, SYSTEM_ITEM, BigDecimal.ONE, BASIS, " ", NEXT_YEAR))
                .expectException(domainError("evaluator", "不能为空"));
    }

    @Test
    void enterJudgementScore_fails_whenEffectiveTwoYearsLater() {
        fixture.given(started())
                .when(new EnterJudgementScore(ID, SYSTEM_ITEM, BigDecimal.ONE, BASIS, "张三", LocalDate.of(2023, 1, 1)))
                .expectException(domainError("effectiveDate", "评价年度或次年"));
    }

    @Test
    void withdrawJudgementScore_succeeds_namingTheWithdrawnScore() {
        fixture.given(started(), scoreEntered("3"))
                .when(new WithdrawJudgementScore(ID, SYSTEM_ITEM, "录入错误", NEXT_YEAR))
                .expectEvents(new JudgementScoreWithdrawn(ID, SYSTEM_ITEM, new BigDecimal("3"), "录入错误", NEXT_YEAR));
    }

    @Test
    void withdrawJudgementScore_fails_whenNoneEntered() {
        fixture.given(started())
                .when(new WithdrawJudgementScore(ID, SYSTEM_ITEM, "录入错误", NEXT_YEAR))
                .expectException(domainError("rubricItemCode", "没有已录入的评分"));
    }

    @Test
    void withdrawJudgementScore_fails_whenAlreadyWithdrawn() {
        fixture.given(started(), scoreEntered("3"),
                        new JudgementScoreWithdrawn(ID, SYSTEM_ITEM, new BigDecimal("3"), "录入错误", NEXT_YEAR))
                .when(new WithdrawJudgementScore(ID, SYSTEM_ITEM, "再次撤回", NEXT_YEAR))
                .expectException(domainError("rubricItemCode", "没有已录入的评分"));
    }

    @Test
    void withdrawJudgementScore_fails_whenReasonMissing() {
        fixture.given(started(), scoreEntered("3"))
                .when(new WithdrawJudgementScore(ID, SYSTEM_ITEM, null, NEXT_YEAR))
                .expectException(domainError("reason", "不能为空"));
    }

    // --- RecordBonusPenalty ---------------------------------------------------------------------------------

    @Test
    void recordBonusPenalty_succeeds() {
        fixture.given(started())
                .when(bonus("BP-01", "2.5"))
                .expectEvents(new BonusPenaltyRecorded(ID, new BonusPenaltyEntryId("BP-01"), BonusPenaltyKind.BONUS,
                        new BigDecimal("2.5"), "2020 年度决算公开受到市财政局通报表扬", "穗财通〔2021〕12号", MAR_1));
    }

    @Test
    void recordBonusPenalty_succeeds_forPenaltyWithoutDocumentNo() {
        BonusPenaltyEntryId entryId = new BonusPenaltyEntryId("BP-02");
        fixture.given(started())
                .when(new RecordBonusPenalty(ID, entryId, BonusPenaltyKind.PENALTY, new BigDecimal("2.5"), "未按时完成绩效自评",
                        null, DEC_31))
                .expectEvents(new BonusPenaltyRecorded(ID, entryId, BonusPenaltyKind.PENALTY, new BigDecimal("2.5"),
                        "未按时完成绩效自评", null, DEC_31));
    }

    @Test
    void recordBonusPenalty_fails_whenEntryIdExists() {
        fixture.given(started(), new BonusPenaltyRecorded(ID, new BonusPenaltyEntryId("BP-01"), BonusPenaltyKind.BONUS,
                        new BigDecimal("2.5"), "表扬", null, MAR_1))
                .when(bonus("BP-01", "2.5"))
                .expectException(domainError(ConflictException.class, "entryId", "已存在"));
    }

    @ParameterizedTest(name = "points {0}")
    @CsvSource(delimiter = '|', textBlock = """
            0     | 必须大于 0
            -2.5  | 不能为负数
            2.555 | 最多保留两位小数
            """)
    void recordBonusPenalty_fails_whenPointsNotPositive(String points, String reason) {
        fixture.given(started())
                .when(bonus("BP-01", points))
                .expectException(domainError("points", reason));
    }

    @Test
    void recordBonusPenalty_fails_whenKindMissing() {
        fixture.given(started())
                .when(new RecordBonusPenalty(ID, new BonusPenaltyEntryId("BP-01"), null, BigDecimal.ONE, "表扬", null,
                        MAR_1))
                .expectException(domainError("kind", "不能为空"));
    }

    @Test
    void recordBonusPenalty_fails_whenReasonMissing() {
        fixture.given(started())
                .when(new RecordBonusPenalty(ID, new BonusPenaltyEntryId("BP-01"), BonusPenaltyKind.BONUS, BigDecimal.ONE,
                        "", null, MAR_1))
                .expectException(domainError("reason", "不能为空"));
    }

    @Test
    void recordBonusPenalty_fails_whenEffectiveOutsideYear() {
        fixture.given(started())
                .when(new RecordBonusPenalty(ID, new BonusPenaltyEntryId("BP-01"), BonusPenaltyKind.BONUS, BigDecimal.ONE,
                        "表扬", null, NEXT_YEAR))
                .expectException(domainError("effectiveDate", "2021 年度内"));
    }

    // --- SubmitSelfEvaluation -------------------------------------------------------------------------------

    @Test
    void submitSelfEvaluation_succeeds_withLowercasedDigest() {
        fixture.given(started())
                .when(new SubmitSelfEvaluation(ID, DEC_31, DIGEST, new BigDecimal("94.65"), "财务科 王五", NEXT_YEAR))
                .expectEvents(new SelfEvaluationSubmitted(ID, 1, DEC_31, DIGEST.toLowerCase(), new BigDecimal("94.65"),
                        "财务科 王五", NEXT_YEAR));
    }

    @Test
    void submitSelfEvaluation_succeeds_asNumberedResubmission_withoutDeclaredTotal() {
        fixture.given(started(), new SelfEvaluationSubmitted(ID, 1, DEC_31, DIGEST.toLowerCase(),
                        new BigDecimal("94.65"), "王五", NEXT_YEAR))
                .when(new SubmitSelfEvaluation(ID, DEC_31, DIGEST, null, "王五", NEXT_YEAR.plusDays(10)))
                .expectEvents(new SelfEvaluationSubmitted(ID, 2, DEC_31, DIGEST.toLowerCase(), null, "王五",
                        NEXT_YEAR.plusDays(10)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A0",
            "zz86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"})
    void submitSelfEvaluation_fails_whenDigestMalformed(String digest) {
        fixture.given(started())
                .when(new SubmitSelfEvaluation(ID, DEC_31, digest, null, "王五", NEXT_YEAR))
                .expectException(domainError("digest", "SHA-256"));
    }

    @Test
    void submitSelfEvaluation_fails_whenReferenceDateOutsideYear() {
        fixture.given(started())
                .when(new SubmitSelfEvaluation(ID, LocalDate.of(2022, 1, 1), DIGEST, null, "王五", NEXT_YEAR))
                .expectException(domainError("referenceDate", "2021 年度内"));
    }

    @Test
    void submitSelfEvaluation_fails_whenEffectiveBeforeReferenceDate() {
        fixture.given(started())
                .when(new SubmitSelfEvaluation(ID, DEC_31, DIGEST, null, "王五", LocalDate.of(2021, 6, 30)))
                .expectException(domainError("effectiveDate", "不能早于评价基准日"));
    }

    @Test
    void submitSelfEvaluation_fails_whenEffectiveTwoYearsLater() {
        fixture.given(started())
                .when(new SubmitSelfEvaluation(ID, DEC_31, DIGEST, null, "王五", LocalDate.of(2023, 1, 1)))
                .expectException(domainError("effectiveDate", "评价年度或次年"));
    }

    @Test
    void submitSelfEvaluation_fails_whenDeclaredTotalNegative() {
        fixture.given(started())
                .when(new SubmitSelfEvaluation(ID, DEC_31, DIGEST, new BigDecimal("-1"), "王五", NEXT_YEAR))
                .expectException(domainError("declaredTotal", "不能为负数"));
    }

    @Test
    void submitSelfEvaluation_fails_whenSubmitterMissing() {
        fixture.given(started())
                .when(new SubmitSelfEvaluation(ID, DEC_31, DIGEST, null, null, NEXT_YEAR))
                .expectException(domainError("submittedBy", "不能为空"));
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private static IndicatorActualRecorded actualRecorded(String actual, LocalDate date) {
        return new IndicatorActualRecorded(ID, CONNECTION_RATE, actual, ActualValue.parse(actual), date);
    }

    private static JudgementScoreEntered scoreEntered(String score) {
        return new JudgementScoreEntered(ID, SYSTEM_ITEM, new BigDecimal(score), BASIS, "张三", null, NEXT_YEAR);
    }

    private static RecordBonusPenalty bonus(String entryId, String points) {
        return new RecordBonusPenalty(ID, new BonusPenaltyEntryId(entryId), BonusPenaltyKind.BONUS,
                new BigDecimal(points), "2020 年度决算公开受到市财政局通报表扬", "穗财通〔2021〕12号", MAR_1);
    }
}
