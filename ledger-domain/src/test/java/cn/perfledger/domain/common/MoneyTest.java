package cn.perfledger.domain.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    /** Base seed of the randomized test; override with -Dmoney.seed=... to replay a logged failure. */
    private static final long BASE_SEED = Long.getLong("money.seed", System.nanoTime());

    @Test
    void addsExactly_whereDoublesWouldNot() {
        assertThat(0.1 + 0.2).isNotEqualTo(0.3);
        assertThat(Money.of("0.10").plus(Money.of("0.20"))).isEqualTo(Money.of("0.30"));
    }

    @Test
    void keepsTwoDecimals_andEqualsIgnoresHowTheScaleWasWritten() {
        assertThat(Money.of("1.5")).isEqualTo(Money.of("1.50"));
        assertThat(Money.of("7")).isEqualTo(Money.ofYuan(7));
        assertThat(Money.of("1.000")).isEqualTo(Money.of("1.00"));
        assertThat(Money.of("1.5").toString()).isEqualTo("1.50");
        assertThat(Money.of("-0.01").isNegative()).isTrue();
    }

    @Test
    void reproducesAPublishedTotalToTheFen() {
        // seed 002: 基本 91,154,209.43 + 项目 301,796,794.12 = 财政拨款 392,951,003.55
        Money total = Money.of("91154209.43").plus(Money.of("301796794.12"));
        assertThat(total).isEqualTo(Money.of("392951003.55"));
        assertThat(total.fen()).isEqualTo(39_295_100_355L);
        assertThat(Money.ofFen(39_295_100_355L).toString()).isEqualTo("392951003.55");
        assertThat(total.minus(Money.of("392533097.08"))).isEqualTo(Money.of("417906.47"));
    }

    @Test
    void refusesThreeDecimals() {
        assertThatThrownBy(() -> Money.of("1.005")).isInstanceOf(DomainException.class)
                .hasMessageStartingWith("amount: ").hasMessageContaining("两位小数");
        assertThatThrownBy(() -> new Money(new BigDecimal("0.001"))).isInstanceOf(DomainException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e5", "1E5", "1.5e2", "1,000.00", "1 000", "¥100", "100元", "0x10", "１２３", ".5", "5.",
            "", "  "})
    void refusesAnythingButAPlainDecimal(String text) {
        assertThatThrownBy(() -> Money.of(text)).isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).field()).isEqualTo("amount"));
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> Money.of(null)).isInstanceOf(DomainException.class);
    }

    @Test
    void refusesAmountsBeyondOneTrillionYuan() {
        assertThat(new Money(Money.MAX_ABS_YUAN).yuan()).isEqualByComparingTo("1000000000000");
        assertThatThrownBy(() -> Money.of("1000000000000.01")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> Money.of("-1000000000000.01")).isInstanceOf(DomainException.class);
    }

    @Test
    void convertsWanYuanExactly() {
        // seed 003: 15,094.71 万元 initial budget
        assertThat(Money.ofWanYuan("15094.71")).isEqualTo(Money.of("150947100.00"));
        assertThat(Money.ofWanYuan("0.0001")).isEqualTo(Money.of("1.00"));
        assertThat(Money.ofWanYuan("0.000001")).isEqualTo(Money.of("0.01"));
        assertThat(Money.of("150947100.00").inWanYuan()).isEqualByComparingTo("15094.71");
        assertThat(Money.of("0.01").inWanYuan()).isEqualByComparingTo("0.000001");
    }

    @Test
    void refusesWanYuanFiguresFinerThanAFen() {
        assertThatThrownBy(() -> Money.ofWanYuan("0.0000001")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> Money.ofWanYuan("1,509.02")).isInstanceOf(DomainException.class);
    }

    @Test
    void computesRatiosWithAnExplicitRoundingMode() {
        // seed 002: executed ÷ budget = 99.89%
        Money budget = Money.of("392951003.55");
        Money executed = Money.of("392533097.08");
        assertThat(executed.ratioTo(budget, 4, RoundingMode.HALF_UP)).isEqualByComparingTo("0.9989");
        assertThat(executed.ratioTo(Money.ZERO, 4, RoundingMode.HALF_UP)).isNull();
    }

    @Test
    void comparesByValue() {
        assertThat(Money.of("2.00").isGreaterThan(Money.of("1.99"))).isTrue();
        assertThat(Money.of("1.99").isLessThan(Money.of("2"))).isTrue();
        assertThat(Money.of("0.00").isZero()).isTrue();
        assertThat(Money.of("3.00").negate()).isEqualTo(Money.of("-3"));
    }

    /**
     * Sums random fen amounts both as Money and as longs: the totals must agree to the fen, and each amount
     * must survive the trip through its string form. The seed is printed so that a failure can be replayed.
     */
    @RepeatedTest(20)
    void randomSums_agreeWithLongFenArithmetic(RepetitionInfo repetition) {
        long seed = BASE_SEED + repetition.getCurrentRepetition();
        System.out.println("MoneyTest seed " + seed + " (replay with -Dmoney.seed=" + BASE_SEED + ")");
        Random random = new Random(seed);
        Money total = Money.ZERO;
        long totalFen = 0;
        for (int i = 0; i < 2_000; i++) {
            // up to ±100 million yuan each, so that 2,000 of them stay within Money's bound
            long fen = random.nextLong() % 10_000_000_000L;
            Money amount = Money.ofFen(fen);
            assertThat(Money.of(amount.toString()).fen()).as("seed %d, round trip of %d fen", seed, fen).isEqualTo(fen);
            total = random.nextBoolean() ? total.plus(amount) : total.minus(amount.negate());
            totalFen += fen;
        }
        assertThat(total.fen()).as("seed %d", seed).isEqualTo(totalFen);
        assertThat(total).as("seed %d", seed).isEqualTo(Money.ofFen(totalFen));
    }
}
