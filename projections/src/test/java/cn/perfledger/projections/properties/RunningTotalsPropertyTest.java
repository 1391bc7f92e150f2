package cn.perfledger.projections.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.perfledger.domain.budget.ExpenditureKind;
import cn.perfledger.projections.basis.RecordedEvent;
import cn.perfledger.projections.basis.ReplayIndex;
import cn.perfledger.projections.ledger.Grouping;
import cn.perfledger.projections.ledger.LedgerFold;
import cn.perfledger.projections.ledger.LedgerMetrics;
import cn.perfledger.projections.ledger.LineFigures;
import cn.perfledger.projections.ledger.Totals;
import java.security.SecureRandom;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Seeded property: one {@link LedgerMetrics} kept over a fold that advances event by event (as the why-list keeps
 * it) reads, at every step, exactly ({@code equals}, scale included) the totals a from-scratch sum of the fold's
 * lines gives — for every line set it keeps running. Replay a failure with {@code -Dproperties.seed=…}.
 */
class RunningTotalsPropertyTest {

    private static final int CASES = 40;

    private record Set(String name, Function<LedgerMetrics, Totals> running, Predicate<LineFigures> member) {
    }

    private static final List<Set> SETS = List.of(
            new Set("total", LedgerMetrics::total, line -> true),
            new Set("财政拨款", LedgerMetrics::fiscalAppropriation, LedgerMetrics::isFiscalAppropriation),
            new Set("基本", LedgerMetrics::basic, line -> line.spec().kind().isBasic()),
            new Set("项目", LedgerMetrics::project, line -> line.spec().kind() == ExpenditureKind.PROJECT),
            new Set("公用经费", LedgerMetrics::operatingExpense,
                    line -> line.spec().kind() == ExpenditureKind.BASIC_OPERATING),
            new Set("三公", LedgerMetrics::threePublic,
                    line -> line.spec().economicCode().threePublicCategory().isPresent()));

    @Test
    void runningTotalsEqualFromScratchSumsAtEveryStep() {
        String given = System.getProperty("properties.seed");
        long seed = given == null || given.isBlank() ? new SecureRandom().nextLong() : Long.parseLong(given.strip());
        System.out.println("RunningTotalsPropertyTest seed=" + seed + "  (replay: -Dproperties.seed=" + seed + ")");
        Random random = new Random(seed);
        for (int c = 0; c < CASES; c++) {
            long caseSeed = random.nextLong();
            List<RecordedEvent> events = ReplayIndex.of(FoldPropertiesTest.store(RandomYear.generate(caseSeed).entries));
            LedgerFold fold = new LedgerFold();
            LedgerMetrics kept = new LedgerMetrics(fold);
            int step = 0;
            for (RecordedEvent event : events) {
                fold.accept(event);
                step++;
                // read often but not always, so that several changes may pile up between two reads
                if (random.nextInt(3) != 0) {
                    continue;
                }
                for (Set set : SETS) {
                    Totals expected = Grouping.total(fold.lines().stream().filter(set.member()).toList());
                    assertEquals(expected, set.running().apply(kept), "seed=" + seed + " caseSeed=" + caseSeed
                            + " step " + step + " (" + event.type() + ") " + set.name());
                }
            }
        }
    }
}
