package cn.perfledger.app.golden;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.app.demo.DemoDataLoader;
import cn.perfledger.app.query.YearQueries;
import cn.perfledger.app.support.H2FileContext;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.domain.evaluation.Direction;
import cn.perfledger.projections.evaluation.IndicatorReport;
import cn.perfledger.projections.evaluation.IndicatorReport.Row;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Seed 001's 部门整体支出主要绩效目标完成情况表 as the demo loader records it: all 19 indicators are defined (the previous
 * parser refused the eight whose 预期实现值 is text, and two actuals), the eight text targets as 定性 with the grade their
 * 指标完成情况 supports, and every bare figure with the direction the transcription gives.
 */
@SpringBootTest
class Seed001IndicatorsTest implements H2FileContext {

    private static final FiscalYearId HZ_2020 = FiscalYearId.of("HZ-ZSJ", 2020);

    @Autowired
    DemoDataLoader loader;
    @Autowired
    YearQueries queries;

    @BeforeEach
    void loadSeedsOnce() {
        loader.loadAll();
    }

    @Test
    void allNineteenIndicators_areRecorded_theEightTextTargetsAs定性WithTheirGrade() {
        IndicatorReport report = queries.indicators(HZ_2020, null, null).result();

        assertThat(report.indicators()).hasSize(19);
        List<Row> qualitative = report.indicators().stream().filter(r -> r.direction() == Direction.QUALITATIVE)
                .toList();
        assertThat(qualitative).extracting(Row::indicatorId).containsExactly("HZ20-DEPT-01", "HZ20-DEPT-02",
                "HZ20-DEPT-08", "HZ20-DEPT-09", "HZ20-DEPT-10", "HZ20-DEPT-11", "HZ20-DEPT-12", "HZ20-DEPT-13");
        Map<String, String> grades = qualitative.stream().collect(Collectors.toMap(Row::indicatorId, Row::gradeLabel));
        assertThat(grades).containsEntry("HZ20-DEPT-01", "基本达成").containsEntry("HZ20-DEPT-10", "达成");
        assertThat(qualitative).allSatisfy(r -> assertThat(r.statusLabel()).isIn("达标", "未达标"));

        Row deadlineLike = row(report, "HZ20-DEPT-05");
        assertThat(deadlineLike.targetReading()).isEqualTo("反向 ≤ 0.5天");
        Row budget = row(report, "HZ20-DEPT-14");
        assertThat(budget.targetReading()).isEqualTo("正向 ≥ 100%");
        assertThat(budget.statusLabel()).as("the year 2020 in the actual is a label, 100% is the figure").isEqualTo("达标");
        assertThat(row(report, "HZ20-DEPT-07").statusLabel()).as("审批提速超 75% against 不低于70%").isEqualTo("达标");

        assertThat(report.overall().defined()).isEqualTo(19);
        assertThat(report.overall().met()).as("all but HZ20-DEPT-01 (基本达成)").isEqualTo(18);
        assertThat(report.overall().missingActual()).isZero();
        assertThat(report.overall().incomparable()).isZero();
    }

    private static Row row(IndicatorReport report, String id) {
        return report.indicators().stream().filter(r -> r.indicatorId().equals(id)).findFirst().orElseThrow();
    }
}
