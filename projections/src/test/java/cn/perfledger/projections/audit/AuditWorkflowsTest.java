package cn.perfledger.projections.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.domain.budget.BudgetEvent.ExpenditureRecorded;
import cn.perfledger.domain.budget.BudgetEvent.ExpenditureReversed;
import cn.perfledger.domain.common.Money;
import cn.perfledger.domain.common.VoucherNo;
import cn.perfledger.projections.basis.Basis;
import cn.perfledger.projections.basis.RecordedEvent;
import cn.perfledger.projections.evaluation.EventLog;
import cn.perfledger.projections.ledger.LedgerMetrics;
import cn.perfledger.projections.scoring.InputKind;
import cn.perfledger.projections.scoring.ScoredTable;
import cn.perfledger.projections.scoring.SelfEvaluationFold;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Lineage, why-list, shortfall, re-score and submission comparison on deterministic years. */
class AuditWorkflowsTest {

    private static final LocalDate DEC_31 = LocalDate.of(2021, 12, 31);
    private static final Instant BEFORE = Instant.parse("2022-03-01T00:00:00Z");
    private static final Instant AFTER = Instant.parse("2022-06-01T00:00:00Z");

    /** A random year plus a late correction voucher effective 2021-12-20, recorded 2022-05-01. */
    private static List<RecordedEvent> yearWithLateVoucher(long seed) {
        List<RecordedEvent> events = new ArrayList<>(AuditYear.random(new Random(seed)));
        long next = events.size();
        ExpenditureRecorded late = new ExpenditureRecorded(AuditYear.YEAR, new VoucherNo("LATE-1"),
                new cn.perfledger.domain.common.BudgetLineId("L01"), Money.of("5000.00"), LocalDate.of(2021, 12, 20),
                null, "更正", null, null, "年度结账后补记");
        events.add(new RecordedEvent(next, AuditYear.YEAR.toString(), next, "late-1",
                Instant.parse("2022-05-01T00:00:00Z"), late.effectiveDate(), late, java.util.Map.of()));
        return events;
    }

    @Test
    void whyListAttributesALateVoucherToItselfAlone() {
        List<RecordedEvent> events = yearWithLateVoucher(11);
        WhyChanged.Result why = WhyChanged.explain(events, "F.EXEC", new Basis(DEC_31, BEFORE), new Basis(DEC_31, AFTER));
        assertThat(why.eventsAdded()).isEqualTo(1);
        assertThat(why.eventsRemoved()).isZero();
        BigDecimal before = ItemValue.of(SelfEvaluationFold.replay(events, new Basis(DEC_31, BEFORE)), "F.EXEC").exact();
        BigDecimal after = ItemValue.of(SelfEvaluationFold.replay(events, new Basis(DEC_31, AFTER)), "F.EXEC").exact();
        assertThat(why.exactChange()).isEqualByComparingTo(after.subtract(before));
        if (why.exactChange().signum() != 0) {
            assertThat(why.steps()).hasSize(1);
            WhyChanged.Step step = why.steps().get(0);
            assertThat(step.events()).extracting(AuditEvent::reference).containsExactly("LATE-1");
            assertThat(step.delta()).isEqualByComparingTo(why.change());
            assertThat(step.label()).contains("LATE-1").contains("L01").contains("2021年12月");
        }
        // back again: the same voucher, removed
        WhyChanged.Result back = WhyChanged.explain(events, "F.EXEC", new Basis(DEC_31, AFTER), new Basis(DEC_31, BEFORE));
        assertThat(back.eventsRemoved()).isEqualTo(1);
        assertThat(back.change()).isEqualByComparingTo(why.change().negate());
    }

    @Test
    void vouchersOfOneLineInOneMonthFormOneGroup() {
        List<RecordedEvent> events = AuditYear.random(new Random(5));
        WhyChanged.Result why = WhyChanged.explain(events, "F.EXEC", new Basis(LocalDate.of(2021, 6, 30), AFTER),
                new Basis(DEC_31, AFTER));
        for (WhyChanged.Step step : why.steps()) {
            assertThat(step.events()).allSatisfy(e -> {
                assertThat(e.type()).isEqualTo(step.type());
                assertThat(e.effectiveDate().toString()).startsWith(step.month());
            });
        }
        assertThat(why.groupsEvaluated()).isLessThanOrEqualTo(why.eventsAdded());
    }

    @Test
    void lineageOfTheExecutionRateListsMonthlyExpenditureSummingToTheExecutedAmount() {
        List<RecordedEvent> events = AuditYear.random(new Random(3));
        Basis basis = new Basis(DEC_31, AFTER);
        Lineage.Result lineage = Lineage.of(events, basis, "F.EXEC", 0, 10).orElseThrow();
        assertThat(lineage.rubricVersion()).isEqualTo("audit@1");
        assertThat(lineage.rule().kind()).isEqualTo("deductionPerPoint");
        Lineage.InputLineage input = lineage.inputs().get(0);
        assertThat(input.kind()).isEqualTo(InputKind.LEDGER_METRIC);
        BigDecimal net = BigDecimal.ZERO;
        for (Lineage.Summary s : input.summary()) {
            if (s.type().equals("ExpenditureRecorded")) {
                net = net.add(s.amountSum());
            } else if (s.type().equals("ExpenditureReversed")) {
                net = net.subtract(s.amountSum());
            }
        }
        Money executed = new LedgerMetrics(SelfEvaluationFold.replay(events, basis).ledger()).fiscalAppropriation().executed();
        assertThat(net).isEqualByComparingTo(executed.yuan());
        assertThat(input.events().events()).hasSizeLessThanOrEqualTo(10);
        assertThat(input.events().totalEvents()).isGreaterThan(input.summary().size() - 1);
        // a second page continues where the first stopped
        Lineage.Result second = Lineage.of(events, basis, "F.EXEC", 1, 10).orElseThrow();
        if (input.events().totalEvents() > 10) {
            assertThat(second.inputs().get(0).events().events().get(0).globalSequence())
                    .isNotEqualTo(input.events().events().get(0).globalSequence());
        }
        Lineage.Result total = Lineage.of(events, basis, "TOTAL", 0, 10).orElseThrow();
        assertThat(total.children()).extracting(Lineage.Child::code).containsExactly("F", "K", "S", "J", "B");
    }

    @Test
    void lineageOfAnIndicatorListsItsDefinitionAndActuals() {
        List<RecordedEvent> events = AuditYear.random(new Random(8));
        Lineage.Result lineage = Lineage.of(events, new Basis(DEC_31, AFTER), "K.1", 0, 50).orElseThrow();
        Lineage.InputLineage input = lineage.inputs().get(0);
        assertThat(input.kind()).isEqualTo(InputKind.INDICATOR);
        assertThat(input.events().events()).extracting(AuditEvent::type).contains("IndicatorDefined")
                .allMatch(t -> t.startsWith("Indicator"));
    }

    @Test
    void shortfallNamesTheThresholdAndTheGap() {
        EventLog log = new EventLog();
        log.add(AuditYear.rubric(), Instant.parse("2020-12-01T00:00:00Z"));
        log.add(new cn.perfledger.domain.budget.BudgetEvent.FiscalYearOpened(AuditYear.YEAR, AuditYear.YEAR.department(),
                2021, "审计测试部门", List.of(), AuditYear.RUBRIC, AuditYear.JAN_1));
        log.add(AuditYear.EVAL.started(AuditYear.RUBRIC));
        log.add(AuditYear.EVAL.define("IND-1", List.of("履职"), "热线每月接通率", "3", "≥95%", "K.1", AuditYear.JAN_1));
        log.add(AuditYear.EVAL.actual("IND-1", "94.07%", DEC_31));
        SelfEvaluationFold fold = SelfEvaluationFold.replay(log.events(), new Basis(DEC_31, AFTER));
        Shortfall.Result result = Shortfall.of(fold, new Basis(DEC_31, AFTER), "K.1").orElseThrow();
        assertThat(result.items()).hasSize(1);
        Shortfall.Item item = result.items().get(0);
        assertThat(item.score()).isEqualByComparingTo("2.70");
        assertThat(item.threshold()).isEqualByComparingTo("95");
        assertThat(item.gap()).isEqualByComparingTo("0.93");
        assertThat(item.explanation()).contains("94.07%").contains("95%").contains("0.93 个百分点").contains("0.9 系数");
    }

    @Test
    void rescoreMatchesItemsByCode() {
        List<RecordedEvent> events = AuditYear.random(new Random(21));
        SelfEvaluationFold fold = SelfEvaluationFold.replay(events, new Basis(DEC_31, AFTER));
        Rescore.Result result = Rescore.of(fold, new Basis(DEC_31, AFTER), AuditYear.rubric2()).orElseThrow();
        assertThat(result.currentVersion()).isEqualTo("audit@1");
        assertThat(result.otherVersion()).isEqualTo("audit@2");
        assertThat(result.items()).filteredOn(r -> r.match() == Rescore.Match.REMOVED).extracting(Rescore.Row::code)
                .containsExactly("J", "J.1");
        assertThat(result.items()).filteredOn(r -> r.match() == Rescore.Match.ADDED).extracting(Rescore.Row::code)
                .containsExactly("X", "X.FA");
        assertThat(result.totalDifference()).isEqualByComparingTo(result.totalOther().subtract(result.totalCurrent()));
    }

    @Test
    void submissionComparisonMarksExactlyTheCellsALateVoucherChanges() {
        List<RecordedEvent> events = new ArrayList<>(yearWithLateVoucher(11));
        Function<ScoredTable, String> digest = t -> t.total().toPlainString() + "|" + t.items().size();
        // the digest the submitter stored: of the table at (12-31, BEFORE)
        String stored = digest.apply(SelfEvaluationFold.replay(events, new Basis(DEC_31, BEFORE)).scoredTable().orElseThrow());
        var submitted = new cn.perfledger.domain.evaluation.EvaluationEvent.SelfEvaluationSubmitted(AuditYear.EVAL.id(),
                1, DEC_31, stored, new BigDecimal("80"), "自评小组", DEC_31);
        long next = events.size();
        RecordedEvent submission = new RecordedEvent(next, "eval", next, "submission-1", BEFORE, DEC_31, submitted,
                java.util.Map.of());
        events.add(submission);
        SubmissionComparison.Result same = SubmissionComparison.compare(events, submission, BEFORE, digest);
        assertThat(same.digestMatches()).isTrue();
        assertThat(same.changed()).isFalse();
        assertThat(same.warning()).isNull();

        SubmissionComparison.Result later = SubmissionComparison.compare(events, submission, AFTER, t -> "tampered");
        assertThat(later.digestMatches()).isFalse();
        assertThat(later.warning()).contains("不一致");
        List<String> changedCodes = later.items().stream().filter(SubmissionComparison.ItemRow::changed)
                .map(SubmissionComparison.ItemRow::code).toList();
        // L01 is a 财政拨款 project-or-basic line: only the ledger-metric items on it (and their groups) may change
        assertThat(changedCodes).isNotEmpty().allMatch(c -> c.startsWith("F"));
        assertThat(later.items()).filteredOn(r -> r.code().equals("F.EXEC")).singleElement()
                .satisfies(r -> assertThat(r.changes()).extracting(SubmissionComparison.Cell::field)
                        .contains("inputs[LEDGER_METRIC:BUDGET_EXECUTION_RATE]"));
    }
}
