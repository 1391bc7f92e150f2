package cn.perfledger.projections.scoring;

import static cn.perfledger.domain.rubric.RubricNode.group;
import static cn.perfledger.domain.rubric.RubricNode.leaf;
import static cn.perfledger.projections.scoring.Rubrics.d;
import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.domain.common.RubricItemCode;
import cn.perfledger.domain.evaluation.EvaluationId;
import cn.perfledger.domain.evaluation.Grade;
import cn.perfledger.domain.evaluation.GradeCoefficients;
import cn.perfledger.domain.rubric.InputReference.IndicatorGroupInput;
import cn.perfledger.domain.rubric.Rounding;
import cn.perfledger.domain.rubric.RubricCommand.PublishRubric;
import cn.perfledger.domain.rubric.RubricEvent.RubricPublished;
import cn.perfledger.domain.rubric.RubricNode;
import cn.perfledger.domain.rubric.RubricScope;
import cn.perfledger.domain.rubric.RubricValidator;
import cn.perfledger.domain.rubric.ScoringRule.MetOrFactor;
import cn.perfledger.domain.rubric.ScoringRule.ShareMet;
import cn.perfledger.projections.basis.Basis;
import cn.perfledger.projections.basis.Replay;
import cn.perfledger.projections.evaluation.EvaluationEvents;
import cn.perfledger.projections.evaluation.EvaluationFold;
import cn.perfledger.projections.evaluation.EventLog;
import cn.perfledger.projections.evaluation.IndicatorReport;
import cn.perfledger.projections.ledger.LedgerFold;
import cn.perfledger.projections.ledger.LedgerMetrics;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Qualitative (定性) indicators in the report and the scoring: met only at 达成, scored weight × the rubric's 得分系数
 * of the grade recorded (default 1 / 0.8 / 0.6 / 0, or the rubric's own table); quantitative members of the same
 * group keep their rule (§5 completion rates).
 */
class QualitativeIndicatorScoringTest {

    private static final EvaluationEvents EVAL = new EvaluationEvents(EvaluationId.of("HZ-ZSJ", 2020));
    private static final Basis BASIS = new Basis(LocalDate.of(2021, 12, 31), Instant.MAX);
    private static final LocalDate JAN_1 = LocalDate.of(2020, 1, 1);
    private static final LocalDate DEC_31 = LocalDate.of(2020, 12, 31);
    private static final List<String> PATH = List.of("部门整体支出主要绩效目标", "关键指标");

    private final EventLog log = new EventLog();

    private void year() {
        log.add(EVAL.defineQualitative("Q1", PATH, "保障政务服务信息化运行稳定", "4", "确保全区政务服务信息化体系运行正常。",
                "K", JAN_1));
        log.add(EVAL.graded("Q1", "保障全区政务服务信息化体系运行正常。", Grade.ACHIEVED, DEC_31));
        log.add(EVAL.defineQualitative("Q2", PATH, "推进数据治理", "4", "提供电子户册功能……", "K", JAN_1));
        log.add(EVAL.graded("Q2", "基本完成电子户册功能开发", Grade.LARGELY_ACHIEVED, DEC_31));
        log.add(EVAL.defineQualitative("Q3", PATH, "完成基层政务公开标准化", "4", "按省市工作方案完成。", "K", JAN_1));
        log.add(EVAL.graded("Q3", "部分完成", Grade.PARTLY_ACHIEVED, DEC_31));
        log.add(EVAL.define("N1", PATH, "引入港澳服务事项", "4", "不少于 30项。", "K", JAN_1));
        log.add(EVAL.actual("N1", "86项", DEC_31));
        log.add(EVAL.define("N2", PATH, "审批时限", "4", "5个工作日内", "K", JAN_1));
        log.add(EVAL.actual("N2", "6个工作日", DEC_31));
    }

    private static RubricPublished rubric(GradeCoefficients coefficients) {
        List<RubricNode> tree = List.of(group("LZ", "履职效能", "22", List.of(
                leaf("K", "关键指标", "20", MetOrFactor.factor(d("0.9")), IndicatorGroupInput.of(new RubricItemCode("K"))),
                leaf("S", "绩效目标完成率", "2", new ShareMet(), IndicatorGroupInput.of(new RubricItemCode("K"))))));
        PublishRubric valid = RubricValidator.validate(new PublishRubric(Rubrics.TEST, "测试评分规则", "测试", RubricScope.all(), 2020, d("22"),
                BigDecimal.ZERO, tree, Rounding.TWO_DECIMALS_HALF_UP, null, coefficients, "test", JAN_1));
        return new RubricPublished(valid.rubricVersionId(), valid.name(), valid.jurisdiction(), valid.scope(), valid.templateYear(),
                valid.totalWeight(), valid.bonusCap(), valid.tree(), valid.rounding(), valid.grades(),
                valid.gradeCoefficients(), valid.sourceNote(), valid.effectiveDate());
    }

    private ScoredTable score(RubricPublished rubric) {
        LedgerMetrics ledger = new LedgerMetrics(Replay.fold(log.events(), BASIS, new LedgerFold()));
        EvaluationFold evaluation = Replay.fold(log.events(), BASIS, new EvaluationFold());
        return ScoringEngine.score(rubric, ledger, evaluation);
    }

    @Test
    void qualitativeMembers_scoreWeightTimesTheDefaultCoefficientOfTheirGrade() {
        year();

        ScoredTable table = score(rubric(null));

        // Q1 达成 4 × 1 + Q2 基本达成 4 × 0.8 + Q3 部分达成 4 × 0.6 + N1 met 4 + N2 not met 4 × 0.9 = 17.2
        assertThat(table.find("K").orElseThrow().score()).isEqualByComparingTo("17.20");
        // met: Q1 (达成) and N1 → 2 of 5 → 2 × 2 ÷ 5
        assertThat(table.find("S").orElseThrow().score()).isEqualByComparingTo("0.80");
    }

    @Test
    void aRubricsOwnCoefficients_replaceTheDefault() {
        year();
        GradeCoefficients strict = new GradeCoefficients(BigDecimal.ONE, new BigDecimal("0.5"), new BigDecimal("0.25"),
                BigDecimal.ZERO);

        ScoredTable table = score(rubric(strict));

        // 4 + 2 + 1 + 4 + 3.6
        assertThat(table.find("K").orElseThrow().score()).isEqualByComparingTo("14.60");
    }

    @Test
    void theReport_showsDirectionGradeAndCoefficientRate() {
        year();
        EvaluationFold evaluation = Replay.fold(log.events(), BASIS, new EvaluationFold());

        IndicatorReport report = IndicatorReport.of(evaluation, rubric(null));

        IndicatorReport.Row q2 = report.indicators().get(1);
        assertThat(q2.directionLabel()).isEqualTo("定性");
        assertThat(q2.directionSourceLabel()).isEqualTo("填报人给出");
        assertThat(q2.gradeLabel()).isEqualTo("基本达成");
        assertThat(q2.completionRateDisplay()).isEqualTo("80.00%");
        assertThat(q2.statusLabel()).isEqualTo("未达标");
        IndicatorReport.Row n2 = report.indicators().get(4);
        assertThat(n2.targetReading()).isEqualTo("反向 ≤ 5个工作日");
        assertThat(n2.completionRateDisplay()).isEqualTo("83.33%");
        assertThat(report.overall().met()).isEqualTo(2);
        assertThat(report.overall().defined()).isEqualTo(5);
    }
}
