package cn.perfledger.projections.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.projections.basis.Basis;
import cn.perfledger.projections.basis.RecordedEvent;
import cn.perfledger.projections.scoring.SelfEvaluationFold;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded property: for random years and random bases A, B (asOf, knownAt or both differing, either direction),
 * the why-list's deltas sum exactly (BigDecimal, compareTo) to score(B) − score(A) for every item and the
 * total, and the end points are the scores a plain replay gives. The seed is printed; rerun a failure with
 * {@code -Daudit.seed=…}.
 */
class WhyChangedPropertyTest {

    private static final int SCENARIOS = 150;

    @Test
    void deltasSumExactlyToTheChange() {
        long seed = Long.getLong("audit.seed", System.nanoTime());
        System.out.println("WhyChangedPropertyTest seed = " + seed + " (rerun with -Daudit.seed=" + seed + ")");
        Random random = new Random(seed);
        List<String> codes = AuditYear.codes();
        int nonZeroChanges = 0;
        int withRemovals = 0;
        for (int scenario = 0; scenario < SCENARIOS; scenario++) {
            List<RecordedEvent> events = AuditYear.random(random);
            Basis a = randomBasis(random);
            Basis b = random.nextInt(3) == 0 ? new Basis(a.asOf(), randomBasis(random).knownAt())
                    : random.nextInt(2) == 0 ? new Basis(randomBasis(random).asOf(), a.knownAt()) : randomBasis(random);
            for (String code : List.of(codes.get(random.nextInt(codes.size())), codes.get(random.nextInt(codes.size())),
                    "TOTAL")) {
                WhyChanged.Result why = WhyChanged.explain(events, code, a, b);
                String context = "seed " + seed + " scenario " + scenario + " item " + code + " " + a + " → " + b;
                BigDecimal sum = why.steps().stream().map(WhyChanged.Step::delta).reduce(BigDecimal.ZERO, BigDecimal::add);
                assertThat(sum).as(context).isEqualByComparingTo(why.change());
                assertThat(why.scoreFrom()).as(context).isEqualByComparingTo(replayed(events, a, code).score());
                assertThat(why.scoreTo()).as(context).isEqualByComparingTo(replayed(events, b, code).score());
                assertThat(why.change()).as(context).isEqualByComparingTo(why.scoreTo().subtract(why.scoreFrom()));
                if (why.exactChange() != null) {
                    BigDecimal exact = why.steps().stream().map(s -> s.exactDelta() == null ? BigDecimal.ZERO : s.exactDelta())
                            .reduce(BigDecimal.ZERO, BigDecimal::add);
                    assertThat(exact).as(context).isEqualByComparingTo(why.exactChange());
                }
                int listed = why.steps().stream().mapToInt(WhyChanged.Step::eventCount).sum();
                assertThat(listed + why.eventsWithoutEffect()).as(context)
                        .isEqualTo(why.eventsAdded() + why.eventsRemoved());
                if (why.change().signum() != 0) {
                    nonZeroChanges++;
                }
                if (why.eventsRemoved() > 0) {
                    withRemovals++;
                }
            }
        }
        // the generator must actually exercise changes and removals
        assertThat(nonZeroChanges).isGreaterThan(SCENARIOS / 4);
        assertThat(withRemovals).isGreaterThan(SCENARIOS / 10);
    }

    private static ItemValue replayed(List<RecordedEvent> events, Basis basis, String code) {
        return ItemValue.of(SelfEvaluationFold.replay(events, basis), code);
    }

    private static Basis randomBasis(Random random) {
        LocalDate asOf = LocalDate.of(2021, 1, 1).plusDays(random.nextInt(400));
        Instant knownAt = AuditYear.at(LocalDate.of(2021, 1, 1), 0).plusSeconds(86_400L * random.nextInt(500));
        return new Basis(asOf, knownAt);
    }
}
