package cn.perfledger.app.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoredTimestampTest {

    @Test
    void readsWhatAxonWrites_exactlyAsAxonReadsIt() {
        SplittableRandom random = new SplittableRandom(20211231);
        long from = Instant.parse("1970-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2100-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(from, to), random.nextInt(1_000) * 1_000_000L);
            String stored = DateTimeUtils.formatInstant(instant);
            assertThat(StoredTimestamp.parse(stored)).as(stored).isEqualTo(DateTimeUtils.parseInstant(stored))
                    .isEqualTo(instant);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2021-03-01T08:00:00Z", "2021-03-01T08:00:00.123456Z", "2021-03-01T16:00:00.123+08:00",
            "2024-02-29T23:59:59.999Z", "2021-12-31T00:00:00.000Z"})
    void otherShapesGoThroughAxonsParser(String stored) {
        assertThat(StoredTimestamp.parse(stored)).isEqualTo(DateTimeUtils.parseInstant(stored));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2021-02-30T08:00:00.000Z", "2021-13-01T08:00:00.000Z", "2021-03-01T24:00:00.000Z",
            "2021-03-01T08:60:00.000Z", "2021-03-0xT08:00:00.000Z", "2021-03-01 08:00:00.000Z"})
    void whatAxonRefusesIsRefused(String stored) {
        assertThatThrownBy(() -> DateTimeUtils.parseInstant(stored)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> StoredTimestamp.parse(stored)).isInstanceOf(DateTimeParseException.class);
    }
}
