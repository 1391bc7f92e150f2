package cn.perfledger.projections.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.domain.evaluation.EvaluationId;
import cn.perfledger.domain.evaluation.TargetComparator;
import cn.perfledger.projections.basis.Basis;
import cn.perfledger.projections.basis.Replay;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndicatorReportTest {

    private static final EvaluationEvents EVAL = new EvaluationEvents(EvaluationId.of("HZ-ZSJ", 2023));
    private static final LocalDate JAN_10 = LocalDate.of(2023, 1, 10);
    private static final LocalDate DEC_31 = LocalDate.of(2023, 12, 31);
    private static final List<String> OUTPUT_QUANTITY = List.of("产出指标", "数量指标");
    private static final List<String> OUTPUT_QUALITY = List.of("产出指标", "质量指标");
    private static final List<String> BENEFIT = List.of("效益指标", "满意度指标");

    private IndicatorReport report() {
        EventLog log = new EventLog();
        log.add(EVAL.define("O1", OUTPUT_QUANTITY, "电子政务外网单位接入点位数量", "2", ">=450", "LZ.OUTPUT", JAN_10));
        log.add(EVAL.define("O2", OUTPUT_QUANTITY, "数据质量报告", "2", "12份", "LZ.OUTPUT", JAN_10));
        log.add(EVAL.define("O3", OUTPUT_QUALITY, "系统可用率", "2", ">=99%", "LZ.OUTPUT", JAN_10));
        log.add(EVAL.define("B1", BENEFIT, "群众满意度", "2", ">=90%", "LZ.BENEFIT", JAN_10));
        log.add(EVAL.define("B2", BENEFIT, "投诉率", "2", "<5%", null, JAN_10));
        log.add(EVAL.actual("O1", "657", DEC_31));
        log.add(EVAL.actual("O2", "31份", DEC_31));
        log.add(EVAL.actual("O3", "98.2%", DEC_31));
        log.add(EVAL.actual("B1", "97.52%", DEC_31));
        EvaluationFold fold = Replay.fold(log.events(), new Basis(DEC_31, Instant.MAX), new EvaluationFold());
        return IndicatorReport.of(fold);
    }

    @Test
    void rows_showTargetActualUncappedRateStatusAndFlags() {
        IndicatorReport report = report();

        assertThat(report.indicators()).extracting(IndicatorReport.Row::indicatorId)
                .containsExactly("O1", "O2", "O3", "B1", "B2");
        IndicatorReport.Row points = report.indicators().get(0);
        assertThat(points.level1()).isEqualTo("产出指标");
        assertThat(points.level2()).isEqualTo("数量指标");
        assertThat(points.level3()).isNull();
        assertThat(points.targetText()).isEqualTo(">=450");
        assertThat(points.comparator()).isEqualTo(TargetComparator.GE);
        assertThat(points.comparatorLabel()).isEqualTo("≥");
        assertThat(points.actualText()).isEqualTo("657");
        assertThat(points.completionRateDisplay()).isEqualTo("146.00%");
        assertThat(points.statusLabel()).isEqualTo("达标");
        assertThat(points.flags()).isEmpty();

        IndicatorReport.Row reports = report.indicators().get(1);
        assertThat(reports.completionRateDisplay()).isEqualTo("258.33%");
        assertThat(reports.flags()).extracting(Flag::label).containsExactly("目标值偏低");

        IndicatorReport.Row availability = report.indicators().get(2);
        assertThat(availability.status()).isEqualTo(IndicatorStatus.NOT_MET);
        assertThat(availability.completionRateDisplay()).isEqualTo("99.19%");
        assertThat(availability.flags()).extracting(Flag::label).containsExactly("指标未达标");

        IndicatorReport.Row complaints = report.indicators().get(4);
        assertThat(complaints.actualText()).isNull();
        assertThat(complaints.completionRate()).isNull();
        assertThat(complaints.status()).isEqualTo(IndicatorStatus.MISSING_ACTUAL);
        assertThat(complaints.flags()).extracting(Flag::label).containsExactly("缺少实际值");
    }

    @Test
    void shareMet_perPathGroup_perRubricItem_andOverall() {
        IndicatorReport report = report();

        assertThat(report.byPath()).extracting(IndicatorReport.GroupShare::key).containsExactly(
                "产出指标", "产出指标 / 数量指标", "产出指标 / 质量指标", "效益指标", "效益指标 / 满意度指标");
        IndicatorReport.GroupShare output = report.byPath().get(0);
        assertThat(output.defined()).isEqualTo(3);
        assertThat(output.met()).isEqualTo(2);
        assertThat(output.notMet()).isEqualTo(1);
        assertThat(output.shareMetDisplay()).isEqualTo("66.67%");
        IndicatorReport.GroupShare benefit = report.byPath().get(3);
        assertThat(benefit.missingActual()).isEqualTo(1);
        assertThat(benefit.shareMetDisplay()).isEqualTo("50.00%");

        assertThat(report.byRubricItem()).extracting(IndicatorReport.GroupShare::key)
                .containsExactly("LZ.OUTPUT", "LZ.BENEFIT");
        assertThat(report.byRubricItem().get(1).defined()).isEqualTo(1);

        // 绩效目标完成率 = met ÷ defined = 3 ÷ 5
        assertThat(report.overall().label()).isEqualTo("绩效目标完成率");
        assertThat(report.overall().defined()).isEqualTo(5);
        assertThat(report.overall().met()).isEqualTo(3);
        assertThat(report.overall().shareMetDisplay()).isEqualTo("60.00%");
    }

    @Test
    void emptyEvaluation_hasNoShare() {
        IndicatorReport report = IndicatorReport.of(new EvaluationFold());

        assertThat(report.indicators()).isEmpty();
        assertThat(report.overall().shareMet()).isNull();
    }
}
