package cn.perfledger.projections.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Display#yuan} writes exactly what {@code String.format(Locale.ROOT, "%,.2f元", …)} writes. */
class DisplayTest {

    @Test
    void yuan_examples() {
        assertThat(Display.yuan(new BigDecimal("392951003.55"))).isEqualTo("392,951,003.55元");
        assertThat(Display.yuan(new BigDecimal("-1234567.8"))).isEqualTo("-1,234,567.80元");
        assertThat(Display.yuan(new BigDecimal("999"))).isEqualTo("999.00元");
        assertThat(Display.yuan(new BigDecimal("1000"))).isEqualTo("1,000.00元");
        assertThat(Display.yuan(new BigDecimal("0.05"))).isEqualTo("0.05元");
        assertThat(Display.yuan(BigDecimal.ZERO)).isEqualTo("0.00元");
        assertThat(Display.yuan(null)).isNull();
    }

    @Test
    void yuan_sameAsTheFormatter() {
        long seed = Long.getLong("display.seed", System.nanoTime());
        System.out.println("DisplayTest seed = " + seed + " (rerun with -Ddisplay.seed=" + seed + ")");
        Random random = new Random(seed);
        for (int i = 0; i < 20_000; i++) {
            long unscaled = random.nextLong() >> random.nextInt(64);
            int scale = random.nextInt(6) - 2; // -2 … 3: whole hundreds to a fraction of a fen (formatter path)
            BigDecimal value = BigDecimal.valueOf(unscaled, scale);
            assertThat(Display.yuan(value)).as("seed %d value %s", seed, value)
                    .isEqualTo(String.format(Locale.ROOT, "%,.2f元", value));
        }
    }
}
