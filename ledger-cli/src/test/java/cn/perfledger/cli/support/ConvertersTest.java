package cn.perfledger.cli.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class ConvertersTest {

    private final Converters.KnownAtConverter knownAt = new Converters.KnownAtConverter();

    @Test
    void knownAt_acceptsInstantOffsetBeijingTimeAndDate() {
        assertThat(knownAt.convert("2022-03-15T00:00:00Z")).isEqualTo(Instant.parse("2022-03-15T00:00:00Z"));
        assertThat(knownAt.convert("2022-03-15T08:00+08:00")).isEqualTo(Instant.parse("2022-03-15T00:00:00Z"));
        assertThat(knownAt.convert("2022-03-15T08:00")).isEqualTo(Instant.parse("2022-03-15T00:00:00Z"));
        // a date is "known by the end of that day", Beijing time: everything recorded that day is in
        assertThat(knownAt.convert("2022-03-15")).isEqualTo(Instant.parse("2022-03-15T15:59:59.999999999Z"));
    }

    @Test
    void knownAt_refusesOtherText_inChinese() {
        assertThatThrownBy(() -> knownAt.convert("昨天")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("知悉时点应为");
    }

    @Test
    void asOf_isAStrictCalendarDate() {
        Converters.DateConverter date = new Converters.DateConverter();
        assertThat(date.convert("2021-12-31")).hasToString("2021-12-31");
        assertThatThrownBy(() -> date.convert("2021-02-30")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> date.convert("2021/12/31")).hasMessageContaining("yyyy-MM-dd");
    }
}
