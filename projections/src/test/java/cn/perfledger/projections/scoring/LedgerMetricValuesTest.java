package cn.perfledger.projections.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.domain.evaluation.EvaluationId;
import cn.perfledger.domain.rubric.LedgerMetric;
import cn.perfledger.projections.basis.Basis;
import cn.perfledger.projections.basis.Replay;
import cn.perfledger.projections.evaluation.EvaluationEvents;
import cn.perfledger.projections.evaluation.EvaluationFold;
import cn.perfledger.projections.evaluation.EventLog;
import cn.perfledger.projections.ledger.LedgerFold;
import cn.perfledger.projections.ledger.LedgerMetrics;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerMetricValuesTest {

    private static final Basis YEAR_END = new Basis(LocalDate.of(2021, 12, 31), Instant.MAX);

    @Test
    void everyCatalogMetric_mapsToAValue_withTheFiguresItCameFrom() {
        EventLog log = new EventLog();
        TestLedger.oneLine(log, "1000.00", "800.00");
        TestLedger.everyOtherFact(log);
        EvaluationEvents eval = new EvaluationEvents(EvaluationId.of("T-DEPT", 2021));
        log.add(eval.define("I1", List.of("产出指标"), "指标", "2", "≥1个", null, LocalDate.of(2021, 1, 5)));
        log.add(eval.actual("I1", "2个", LocalDate.of(2021, 12, 31)));
        EventLog previous = new EventLog();
        TestLedger.previousYear(previous);
        LedgerMetrics ledger = new LedgerMetrics(Replay.fold(log.events(), YEAR_END, new LedgerFold()),
                Replay.fold(previous.events(), new Basis(LocalDate.of(2020, 12, 31), Instant.MAX), new LedgerFold()));
        EvaluationFold evaluation = Replay.fold(log.events(), YEAR_END, new EvaluationFold());

        for (LedgerMetric metric : LedgerMetric.values()) {
            MetricValue value = LedgerMetricValues.of(metric, ledger, evaluation);

            assertThat(value.metric()).as(metric.name()).isEqualTo(metric);
            assertThat(value.value()).as(metric.name()).isNotNull();
            assertThat(value.figures()).as(metric.name()).isNotEmpty();
        }
        assertThat(LedgerMetricValues.of(LedgerMetric.BUDGET_EXECUTION_RATE, ledger, evaluation).value())
                .isEqualByComparingTo(ledger.budgetExecutionRate());
        assertThat(LedgerMetricValues.of(LedgerMetric.SME_AWARD_SHARE, ledger, evaluation).value())
                .isEqualByComparingTo("1.2");
        assertThat(LedgerMetricValues.of(LedgerMetric.INDICATOR_COMPLETION_SHARE, ledger, evaluation).value())
                .isEqualByComparingTo("1");
    }

    @Test
    void everyCatalogMetric_isUndefinedButDoesNotFail_onAnEmptyYear() {
        LedgerMetrics ledger = new LedgerMetrics(new LedgerFold());
        EvaluationFold evaluation = new EvaluationFold();

        for (LedgerMetric metric : LedgerMetric.values()) {
            MetricValue value = LedgerMetricValues.of(metric, ledger, evaluation);

            assertThat(value.defined()).as(metric.name()).isFalse();
            assertThat(value.figures()).as(metric.name()).isNotEmpty();
        }
    }
}
