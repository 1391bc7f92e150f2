package cn.perfledger.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void money_thousandsSeparators_twoDecimals_exact() {
        assertThat(Numbers.money("392951003.55")).isEqualTo("392,951,003.55");
        assertThat(Numbers.money("4122")).isEqualTo("4,122.00");
        assertThat(Numbers.money("-549842.5")).isEqualTo("-549,842.50");
        assertThat(Numbers.money("0.00")).isEqualTo("0.00");
        assertThat(Numbers.money("999.995")).isEqualTo("1,000.00");
        // beyond double's 15-16 significant digits, still exact
        assertThat(Numbers.money("12345678901234567.89")).isEqualTo("12,345,678,901,234,567.89");
    }

    @Test
    void percent_ofARatio_halfUpTo2Decimals() {
        assertThat(Numbers.percent("0.998936492168")).isEqualTo("99.89%");
        assertThat(Numbers.percent("1.046011111111")).isEqualTo("104.60%");
        assertThat(Numbers.percent("0.00005")).isEqualTo("0.01%");
        assertThat(Numbers.percent("1")).isEqualTo("100.00%");
    }

    @Test
    void scores_asTheServerRoundedThem_changesSigned() {
        assertThat(Numbers.score("94.35")).isEqualTo("94.35");
        assertThat(Numbers.score("45.00")).isEqualTo("45.00");
        assertThat(Numbers.signed("0.38")).isEqualTo("+0.38");
        assertThat(Numbers.signed("-0.50")).isEqualTo("-0.50");
        assertThat(Numbers.signed("0")).isEqualTo("0");
    }

    @Test
    void notANumber_isShownAsSent() {
        assertThat(Numbers.money("n/a")).isEqualTo("n/a");
        assertThat(Numbers.parse(" ")).isNull();
    }
}
