package cn.perfledger.projections.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.projections.basis.Basis;
import cn.perfledger.projections.basis.RecordedEvent;
import cn.perfledger.projections.basis.ReplayIndex;
import cn.perfledger.projections.checkpoint.FoldCheckpoints;
import cn.perfledger.projections.ledger.CarryOverReport;
import cn.perfledger.projections.ledger.ExecutionReport;
import cn.perfledger.projections.ledger.LedgerMetrics;
import cn.perfledger.projections.scoring.SelfEvaluationFold;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A basis answered from a fold checkpoint (a copy of the fold part-way along the replay order, continued with the
 * events after it) gives exactly the figures of a replay from scratch: seeded random years (budget lines,
 * vouchers recorded late, reversals, adjustments, notices, indicators, judgements, bonus entries) at random
 * bases, with strides small enough that every basis starts from some checkpoint. Also: a copy is independent of
 * the fold it was taken from, and the copied classes have no field their {@code copy()} does not know.
 */
class FoldCheckpointsTest {

    private static final int SCENARIOS = 60;

    @Test
    void checkpointedBasis_equalsReplayFromScratch() {
        long seed = Long.getLong("audit.seed", System.nanoTime());
        System.out.println("FoldCheckpointsTest seed = " + seed + " (rerun with -Daudit.seed=" + seed + ")");
        Random random = new Random(seed);
        int fromCheckpoint = 0;
        for (int scenario = 0; scenario < SCENARIOS; scenario++) {
            List<RecordedEvent> events = AuditYear.random(random);
            ReplayIndex index = ReplayIndex.of(events);
            FoldCheckpoints checkpoints = FoldCheckpoints.of(index, 1 + random.nextInt(9));
            for (int b = 0; b < 8; b++) {
                Basis basis = randomBasis(random);
                String context = "seed " + seed + " scenario " + scenario + " stride " + checkpoints.stride() + " " + basis;
                SelfEvaluationFold expected = SelfEvaluationFold.replay(index, basis);
                int end = index.effectiveThrough(basis.asOf());
                FoldCheckpoints.Start start = checkpoints.start(basis, end);
                SelfEvaluationFold actual = start.fold();
                int admitted = start.admitted();
                long highest = start.highestGlobal();
                for (int i = start.position(); i < end; i++) {
                    RecordedEvent event = index.get(i);
                    if (!event.recordedAt().isAfter(basis.knownAt())) {
                        actual.accept(event);
                        admitted++;
                        highest = Math.max(highest, event.globalSequence());
                    }
                }
                fromCheckpoint += start.position() > 0 ? 1 : 0;
                List<RecordedEvent> selected = index.select(basis);
                assertThat(admitted).as(context).isEqualTo(selected.size());
                assertThat(highest).as(context).isEqualTo(selected.stream().mapToLong(RecordedEvent::globalSequence)
                        .max().orElse(-1));
                assertSameFigures(actual, expected, context);
            }
        }
        assertThat(fromCheckpoint).as("bases that started from a checkpoint").isGreaterThan(SCENARIOS / 2);
    }

    /** The why-list the app builds from checkpointed folds equals the one replayed from scratch, step by step. */
    @Test
    void whyList_fromCheckpoints_equalsReplayedWhyList() {
        long seed = Long.getLong("audit.seed", System.nanoTime());
        System.out.println("FoldCheckpointsTest why seed = " + seed);
        Random random = new Random(seed);
        List<String> codes = AuditYear.codes();
        for (int scenario = 0; scenario < 40; scenario++) {
            ReplayIndex index = ReplayIndex.of(AuditYear.random(random));
            FoldCheckpoints checkpoints = FoldCheckpoints.of(index, 1 + random.nextInt(5));
            java.util.function.Function<Basis, SelfEvaluationFold> foldAt = basis -> {
                int end = index.effectiveThrough(basis.asOf());
                FoldCheckpoints.Start start = checkpoints.start(basis, end);
                SelfEvaluationFold fold = start.fold();
                for (int i = start.position(); i < end; i++) {
                    if (!index.get(i).recordedAt().isAfter(basis.knownAt())) {
                        fold.accept(index.get(i));
                    }
                }
                return fold;
            };
            Basis a = randomBasis(random);
            Basis b = randomBasis(random);
            String code = random.nextBoolean() ? "TOTAL" : codes.get(random.nextInt(codes.size()));
            assertThat(WhyChanged.explain(index, code, a, b, foldAt))
                    .as("seed " + seed + " scenario " + scenario + " " + code + " " + a + " → " + b)
                    .isEqualTo(WhyChanged.explain(List.copyOf(index), code, a, b));
        }
    }

    @Test
    void copy_isIndependentOfTheFoldItWasTakenFrom() {
        Random random = new Random(42);
        for (int scenario = 0; scenario < 30; scenario++) {
            ReplayIndex index = ReplayIndex.of(AuditYear.random(random));
            int half = index.size() / 2;
            SelfEvaluationFold fold = new SelfEvaluationFold();
            for (int i = 0; i < half; i++) {
                fold.accept(index.get(i));
            }
            SelfEvaluationFold copy = fold.copy();
            SelfEvaluationFold untouched = fold.copy();
            for (int i = half; i < index.size(); i++) {
                fold.accept(index.get(i)); // the original goes on: the copies must not move
            }
            assertSameFigures(copy, untouched, "scenario " + scenario);
            for (int i = half; i < index.size(); i++) {
                copy.accept(index.get(i));
            }
            assertSameFigures(copy, fold, "scenario " + scenario + " continued");
        }
    }

    /** A field added to a fold without its copy() would make checkpointed answers differ: name them here. */
    @Test
    void copiedClasses_haveOnlyTheFieldsTheirCopyKnows() {
        assertFields(cn.perfledger.projections.ledger.LedgerFold.class, "opened", "lines", "procurements", "notices",
                "pendingNotices", "fixedAssets", "staffing", "rubricWarning", "closed", "lastGlobalSequence", "eventCount");
        assertFields(cn.perfledger.projections.ledger.LineFigures.class, "lineId", "spec", "initial", "adjustments",
                "carryIn", "carryInKind", "withdrawn", "otherFunds", "increases", "decreases", "transfersIn", "spent", "reversed", "executedByMonth", "adjustmentHistory",
                "version");
        assertFields(cn.perfledger.projections.ledger.ProcurementFigures.class, "plan", "contracts", "filings",
                "executed", "smeAwarded");
        assertFields(cn.perfledger.projections.evaluation.EvaluationFold.class, "only", "started", "tracks",
                "definitionOrder", "judgements", "withdrawals", "explanations", "bonusPenalties", "submissions", "eventCount",
                "lastGlobalSequence");
        assertFields(SelfEvaluationFold.class, "ledger", "evaluation", "rubrics", "previousYear");
    }

    private static void assertFields(Class<?> type, String... names) {
        String[] declared = Arrays.stream(type.getDeclaredFields()).filter(f -> !Modifier.isStatic(f.getModifiers()))
                .filter(f -> !f.isSynthetic()).map(Field::getName).toArray(String[]::new);
        assertThat(declared).as(type.getSimpleName() + ": update copy() and this list together")
                .containsExactlyInAnyOrder(names);
    }

    private static void assertSameFigures(SelfEvaluationFold actual, SelfEvaluationFold expected, String context) {
        assertThat(ExecutionReport.of(new LedgerMetrics(actual.ledger())))
                .as(context).isEqualTo(ExecutionReport.of(new LedgerMetrics(expected.ledger())));
        assertThat(CarryOverReport.of(new LedgerMetrics(actual.ledger())))
                .as(context).isEqualTo(CarryOverReport.of(new LedgerMetrics(expected.ledger())));
        assertThat(actual.indicatorReport()).as(context).isEqualTo(expected.indicatorReport());
        assertThat(actual.scoredTable()).as(context).isEqualTo(expected.scoredTable());
        assertThat(actual.ledger().eventCount()).as(context).isEqualTo(expected.ledger().eventCount());
        assertThat(actual.ledger().lastGlobalSequence()).as(context).isEqualTo(expected.ledger().lastGlobalSequence());
        assertThat(actual.evaluation().eventCount()).as(context).isEqualTo(expected.evaluation().eventCount());
        assertThat(actual.ledger().notices()).as(context).isEqualTo(expected.ledger().notices());
    }

    private static Basis randomBasis(Random random) {
        LocalDate asOf = LocalDate.of(2021, 1, 1).plusDays(random.nextInt(400));
        Instant knownAt = random.nextInt(4) == 0 ? Instant.MAX
                : AuditYear.at(LocalDate.of(2021, 1, 1), 0).plusSeconds(86_400L * random.nextInt(500));
        return new Basis(asOf, knownAt);
    }
}
