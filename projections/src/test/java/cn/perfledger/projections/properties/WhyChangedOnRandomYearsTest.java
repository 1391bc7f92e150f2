package cn.perfledger.projections.properties;

import cn.perfledger.domain.rubric.EveryRuleRubric;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.perfledger.projections.audit.WhyChanged;
import cn.perfledger.projections.audit.WhyChangedReference;
import cn.perfledger.projections.basis.Basis;
import cn.perfledger.projections.basis.RecordedEvent;
import cn.perfledger.projections.basis.ReplayIndex;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Seeded property: on the richest random years ({@link RandomYear}: transfers, withdrawals, procurement, notices,
 * revised targets, withdrawn judgements, submissions, late and back-dated recordings) the why-list gives exactly
 * ({@code equals}) what {@link WhyChangedReference}, the straightforward algorithm, gives, for random items of the
 * rubric and the total, in both directions. Replay a failure with {@code -Dproperties.seed=…}.
 */
class WhyChangedOnRandomYearsTest {

    private static final int CASES = Integer.getInteger("properties.cases", 25);

    static int failures;

    /**
     * The result, or the failure as "class: message", so that a failure is compared too; none is expected (several
     * transfers between lines in one month used to share a group and fail).
     */
    private static Object outcome(Supplier<WhyChanged.Result> explain) {
        try {
            return explain.get();
        } catch (RuntimeException e) {
            failures++;
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    @Test
    void sameResultAsTheReferenceAlgorithm() {
        String given = System.getProperty("properties.seed");
        long seed = given == null || given.isBlank() ? new SecureRandom().nextLong() : Long.parseLong(given.strip());
        System.out.println("WhyChangedOnRandomYearsTest seed=" + seed + "  (replay: -Dproperties.seed=" + seed + ")");
        Random random = new Random(seed);
        List<String> codes = new ArrayList<>();
        EveryRuleRubric.published(RandomYear.RUBRIC).tree().forEach(top -> top.flatten().forEach(n -> codes.add(n.code().value())));
        codes.add("TOTAL");
        for (int c = 0; c < CASES; c++) {
            long caseSeed = random.nextLong();
            RandomYear year = RandomYear.generate(caseSeed);
            List<RecordedEvent> events = FoldPropertiesTest.store(year.entries);
            ReplayIndex index = ReplayIndex.of(events);
            Basis a = FoldPropertiesTest.randomBasis(random, year.entries);
            Basis b = FoldPropertiesTest.randomBasis(random, year.entries);
            // a few items per year (the total always): the reference is slow, and the years vary more than the items
            List<String> picked = new ArrayList<>(List.of("TOTAL"));
            for (int i = 0; i < 3; i++) {
                picked.add(codes.get(random.nextInt(codes.size())));
            }
            for (String code : picked) {
                String context = "seed=" + seed + " caseSeed=" + caseSeed + " item " + code + " " + a + " → " + b;
                assertEquals(outcome(() -> WhyChangedReference.explain(events, code, a, b)),
                        outcome(() -> WhyChanged.explain(index, code, a, b)), context);
                assertEquals(outcome(() -> WhyChangedReference.explain(events, code, b, a)),
                        outcome(() -> WhyChanged.explain(events, code, b, a)), context + " (reversed)");
            }
        }
        System.out.println("  failures (reference and why-list alike): " + failures);
        assertEquals(0, failures, "why-lists that failed (seed=" + seed + ")");
    }
}
