package cn.perfledger.domain.evaluation;

import static cn.perfledger.domain.evaluation.EvaluationFixtures.CONNECTION_RATE;
import static cn.perfledger.domain.evaluation.EvaluationFixtures.DEC_31;
import static cn.perfledger.domain.evaluation.EvaluationFixtures.ID;
import static cn.perfledger.domain.evaluation.EvaluationFixtures.MAR_1;
import static cn.perfledger.domain.evaluation.EvaluationFixtures.NEXT_YEAR;
import static cn.perfledger.domain.evaluation.EvaluationFixtures.PATH;
import static cn.perfledger.domain.evaluation.EvaluationFixtures.connectionRateDefined;
import static cn.perfledger.domain.evaluation.EvaluationFixtures.domainError;
import static cn.perfledger.domain.evaluation.EvaluationFixtures.started;

import cn.perfledger.domain.common.IndicatorId;
import cn.perfledger.domain.evaluation.EvaluationCommand.DefineIndicator;
import cn.perfledger.domain.evaluation.EvaluationCommand.RecordActual;
import cn.perfledger.domain.evaluation.EvaluationCommand.ReviseTarget;
import cn.perfledger.domain.evaluation.EvaluationEvent.IndicatorActualRecorded;
import cn.perfledger.domain.evaluation.EvaluationEvent.IndicatorDefined;
import cn.perfledger.domain.evaluation.EvaluationEvent.IndicatorTargetRevised;
import java.math.BigDecimal;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The indicator handlers with directions: a bare figure needs a given direction, a text that states one must agree
 * with it, absurd targets are refused, qualitative indicators take a grade, bounded actuals are read as sets.
 */
class IndicatorDirectionTest {

    private static final IndicatorId CONTROL = new IndicatorId("IND-COST");
    private static final IndicatorId STABLE = new IndicatorId("HZ20-DEPT-10");
    private static final IndicatorId FAULTS = new IndicatorId("IND-FAULTS");

    private FixtureConfiguration<Evaluation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Evaluation.class);
    }

    private static DefineIndicator define(IndicatorId id, String name, String target, Direction direction) {
        return new DefineIndicator(ID, id, PATH, name, BigDecimal.ONE, target, direction, null, MAR_1);
    }

    private static IndicatorDefined defined(IndicatorId id, String name, String target, Direction direction) {
        return new IndicatorDefined(ID, id, PATH, name, BigDecimal.ONE, target,
                TargetExpression.parse("targetExpression", target, direction), null, MAR_1);
    }

    @Test
    void defineIndicator_refusesABareFigure_withoutADirection() {
        fixture.given(started())
                .when(define(CONTROL, "公用经费控制率", "100%", null))
                .expectException(domainError("targetExpression", "请给出指标方向"))
                .expectNoEvents();
    }

    @Test
    void defineIndicator_readsABareFigure_withTheGivenDirection() {
        fixture.given(started())
                .when(define(CONTROL, "公用经费控制率", "100%", Direction.REVERSE))
                .expectEvents(defined(CONTROL, "公用经费控制率", "100%", Direction.REVERSE));
    }

    @Test
    void defineIndicator_refusesATextThatStatesAnotherDirection() {
        fixture.given(started())
                .when(define(CONTROL, "结转结余率", "≥2%", Direction.REVERSE))
                .expectException(domainError("targetExpression", "方向与目标值不一致"))
                .expectNoEvents();
    }

    @Test
    void defineIndicator_refusesAControlRateHeldAtZero_readingTheIndicatorsName() {
        fixture.given(started())
                .when(define(CONTROL, "公用经费控制率", "≤ 0", null))
                .expectException(domainError("targetExpression", "控制率"))
                .expectNoEvents();
    }

    @Test
    void defineIndicator_acceptsATextTarget_as定性() {
        fixture.given(started())
                .when(define(STABLE, "保障数字海珠基础应用平台平稳运行", "平台运行稳定。", Direction.QUALITATIVE))
                .expectEvents(defined(STABLE, "保障数字海珠基础应用平台平稳运行", "平台运行稳定。", Direction.QUALITATIVE));
    }

    @Test
    void recordActual_ofAQualitativeIndicator_requiresTheGrade() {
        fixture.given(started(), defined(STABLE, "平台平稳运行", "平台运行稳定。", Direction.QUALITATIVE))
                .when(new RecordActual(ID, STABLE, "完成平台升级，平台运行稳定。", NEXT_YEAR))
                .expectException(domainError("grade", "须录入评定等级"))
                .expectNoEvents();
    }

    @Test
    void recordActual_ofAQualitativeIndicator_recordsTextAndGrade() {
        TargetExpression target = TargetExpression.parse("targetExpression", "平台运行稳定。", Direction.QUALITATIVE);
        fixture.given(started(), defined(STABLE, "平台平稳运行", "平台运行稳定。", Direction.QUALITATIVE))
                .when(new RecordActual(ID, STABLE, "完成平台升级，平台运行稳定。", Grade.ACHIEVED, NEXT_YEAR))
                .expectEvents(new IndicatorActualRecorded(ID, STABLE, "完成平台升级，平台运行稳定。",
                        ActualValue.parse("actual", "完成平台升级，平台运行稳定。", target, Grade.ACHIEVED), NEXT_YEAR));
    }

    @Test
    void recordActual_refusesAGrade_forAQuantitativeIndicator() {
        fixture.given(started(), connectionRateDefined())
                .when(new RecordActual(ID, CONNECTION_RATE, "96%", Grade.ACHIEVED, NEXT_YEAR))
                .expectException(domainError("grade", "只用于定性指标"))
                .expectNoEvents();
    }

    @Test
    void recordActual_refusesABoundThatCannotTellWhetherTheTargetWasMet() {
        fixture.given(started(), defined(FAULTS, "故障次数", "<5个", null))
                .when(new RecordActual(ID, FAULTS, "不超过5个", NEXT_YEAR))
                .expectException(domainError("actual", "不足以判断"))
                .expectNoEvents();
    }

    @Test
    void recordActual_acceptsABoundInsideTheTarget() {
        TargetExpression target = TargetExpression.parse("<5个");
        fixture.given(started(), defined(FAULTS, "故障次数", "<5个", null))
                .when(new RecordActual(ID, FAULTS, "少于5个", NEXT_YEAR))
                .expectEvents(new IndicatorActualRecorded(ID, FAULTS, "少于5个",
                        ActualValue.parse("actual", "少于5个", target, null), NEXT_YEAR));
    }

    @Test
    void recordActual_ofADeadline_isADate() {
        fixture.given(started(), defined(FAULTS, "平台上线时间", "9月前", null))
                .when(new RecordActual(ID, FAULTS, "2021年7月", NEXT_YEAR))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void reviseTarget_keepsTheIndicatorsDirection_forABareFigure() {
        fixture.given(started(), connectionRateDefined())
                .when(new ReviseTarget(ID, CONNECTION_RATE, "90%", "合同调整", DEC_31))
                .expectEvents(new IndicatorTargetRevised(ID, CONNECTION_RATE, "≥95%", "90%",
                        TargetExpression.parse("newTargetExpression", "90%", Direction.POSITIVE), "合同调整", DEC_31));
    }

    @Test
    void reviseTarget_refusesAChangeOfDirection_withoutANewDirection() {
        fixture.given(started(), connectionRateDefined())
                .when(new ReviseTarget(ID, CONNECTION_RATE, "≤5%", "改为考核未接通率", DEC_31))
                .expectException(domainError("newTargetExpression", "改变指标方向须同时给出新的指标方向"))
                .expectNoEvents();
    }

    @Test
    void reviseTarget_changesTheDirection_whenGiven() {
        fixture.given(started(), connectionRateDefined())
                .when(new ReviseTarget(ID, CONNECTION_RATE, "≤5%", Direction.REVERSE, "改为考核未接通率", DEC_31))
                .expectEvents(new IndicatorTargetRevised(ID, CONNECTION_RATE, "≥95%", "≤5%",
                        TargetExpression.parse("newTargetExpression", "≤5%", Direction.REVERSE), "改为考核未接通率", DEC_31));
    }
}
