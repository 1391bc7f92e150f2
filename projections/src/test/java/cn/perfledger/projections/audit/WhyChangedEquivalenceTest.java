package cn.perfledger.projections.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.projections.basis.Basis;
import cn.perfledger.projections.basis.RecordedEvent;
import cn.perfledger.projections.basis.ReplayIndex;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded property: the why-list gives exactly (record equality: every step, delta, scale, label and listed event)
 * what {@link WhyChangedReference}, the straightforward algorithm, gives — for every item and the total, random
 * years and random bases in both directions, whether the events come as a plain list (in any order) or as a
 * {@link ReplayIndex}. The seed is printed; rerun a failure with {@code -Daudit.seed=…}.
 */
class WhyChangedEquivalenceTest {

    private static final int SCENARIOS = 60;

    @Test
    void sameResultAsTheReferenceAlgorithm() {
        long seed = Long.getLong("audit.seed", System.nanoTime());
        System.out.println("WhyChangedEquivalenceTest seed = " + seed + " (rerun with -Daudit.seed=" + seed + ")");
        Random random = new Random(seed);
        List<String> codes = AuditYear.codes();
        int withSteps = 0;
        for (int scenario = 0; scenario < SCENARIOS; scenario++) {
            List<RecordedEvent> events = AuditYear.random(random);
            List<RecordedEvent> shuffled = new ArrayList<>(events);
            Collections.shuffle(shuffled, random);
            ReplayIndex index = ReplayIndex.of(events);
            Basis a = randomBasis(random);
            Basis b = random.nextInt(3) == 0 ? new Basis(a.asOf(), randomBasis(random).knownAt())
                    : random.nextInt(2) == 0 ? new Basis(randomBasis(random).asOf(), a.knownAt()) : randomBasis(random);
            for (String code : codes) {
                String context = "seed " + seed + " scenario " + scenario + " item " + code + " " + a + " → " + b;
                WhyChanged.Result expected = WhyChangedReference.explain(events, code, a, b);
                assertThat(WhyChanged.explain(events, code, a, b)).as(context).isEqualTo(expected);
                assertThat(WhyChanged.explain(shuffled, code, a, b)).as(context).isEqualTo(expected);
                assertThat(WhyChanged.explain(index, code, a, b)).as(context).isEqualTo(expected);
                assertThat(WhyChanged.explain(index, code, b, a)).as(context + " (reversed)")
                        .isEqualTo(WhyChangedReference.explain(events, code, b, a));
                if (!expected.steps().isEmpty()) {
                    withSteps++;
                }
            }
        }
        // the generator must actually produce why-lists with steps to compare
        assertThat(withSteps).isGreaterThan(SCENARIOS);
    }

    private static Basis randomBasis(Random random) {
        LocalDate asOf = LocalDate.of(2021, 1, 1).plusDays(random.nextInt(400));
        Instant knownAt = AuditYear.at(LocalDate.of(2021, 1, 1), 0).plusSeconds(86_400L * random.nextInt(500));
        return new Basis(asOf, knownAt);
    }
}
