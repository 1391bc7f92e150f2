package cn.perfledger.benchmarks.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A misspelt option or section is refused instead of running the defaults; the write warm-up has a default per size. */
class BenchOptionsTest {

    @Test
    void theWriteWarmupHasADefaultAndCanBeSetApart() {
        assertEquals(500, BenchOptions.parse(new String[] {"--full"}).writeWarmup);
        assertEquals(50, BenchOptions.parse(new String[] {"--samples=50"}).writeWarmup);
        assertEquals(0, BenchOptions.parse(new String[] {"--samples=50", "--write-warmup=0"}).writeWarmup);
    }

    @Test
    void aMisspeltOptionIsRefusedByName() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> BenchOptions.parse(new String[] {"--full", "--sampels=50"}));
        assertTrue(refused.getMessage().contains("--sampels"), refused.getMessage());
    }

    @Test
    void anUnknownSectionToSkipIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> BenchOptions.parse(new String[] {"--skip=peers,writer"}));
        assertTrue(refused.getMessage().contains("writer"), refused.getMessage());
        assertTrue(BenchOptions.parse(new String[] {"--skip=" + String.join(",", BenchOptions.SECTIONS)})
                .skip.containsAll(BenchOptions.SECTIONS));
    }

    @Test
    void aNegativeWarmupIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--write-warmup=-1"}));
    }
}
