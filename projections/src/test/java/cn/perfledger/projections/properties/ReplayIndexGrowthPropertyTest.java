package cn.perfledger.projections.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.perfledger.projections.basis.RecordedEvent;
import cn.perfledger.projections.basis.ReplayIndex;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded property: an index grown by {@link ReplayIndex#with} (the stream tails a write appends, back-dated or
 * not, in any number of steps) is the list {@link ReplayIndex#of} sorts from all the events, and answers
 * {@code effectiveThrough} alike. Replay a failure with {@code -Dproperties.seed=…}.
 */
class ReplayIndexGrowthPropertyTest {

    private static final int CASES = 40;

    @Test
    void grownIndexEqualsTheIndexSortedFromScratch() {
        String given = System.getProperty("properties.seed");
        long seed = given == null || given.isBlank() ? new SecureRandom().nextLong() : Long.parseLong(given.strip());
        System.out.println("ReplayIndexGrowthPropertyTest seed=" + seed + "  (replay: -Dproperties.seed=" + seed + ")");
        Random random = new Random(seed);
        for (int c = 0; c < CASES; c++) {
            long caseSeed = random.nextLong();
            List<RecordedEvent> recorded = FoldPropertiesTest.store(RandomYear.generate(caseSeed).entries);
            int start = random.nextInt(recorded.size() + 1);
            ReplayIndex grown = ReplayIndex.of(recorded.subList(0, start));
            int at = start;
            while (at < recorded.size()) {
                int step = 1 + random.nextInt(random.nextBoolean() ? 3 : 200);
                int end = Math.min(recorded.size(), at + step);
                grown = grown.with(new ArrayList<>(recorded.subList(at, end)));
                at = end;
                ReplayIndex expected = ReplayIndex.of(recorded.subList(0, at));
                assertEquals(expected, grown, "seed=" + seed + " caseSeed=" + caseSeed + " after " + at + " events");
                LocalDate day = LocalDate.of(2021, 1, 1).plusDays(random.nextInt(400) - 20);
                assertEquals(expected.effectiveThrough(day), grown.effectiveThrough(day),
                        "seed=" + seed + " caseSeed=" + caseSeed + " effectiveThrough " + day);
            }
        }
    }
}
