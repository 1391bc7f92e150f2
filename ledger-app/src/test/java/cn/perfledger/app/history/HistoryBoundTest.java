package cn.perfledger.app.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HistoryBoundTest {

    private static final long GIB = 1L << 30;

    @Test
    void aConfiguredBoundIsTakenAsIs() {
        assertThat(HistoryBound.maxEvents(20, GIB)).isEqualTo(20);
    }

    @Test
    void unsetBoundIsTheHistorysShareOfTheHeapAtTheBytesPerEvent() {
        // three quarters of the heap beyond the 192 MiB reserve: 1 GiB → 832 MiB → 624 MiB of events
        assertThat(HistoryBound.maxEvents(0, GIB)).isEqualTo(624L * (1 << 20) / HistoryBound.BYTES_PER_EVENT);
        assertThat(HistoryBound.maxEvents(0, 4 * GIB)).isGreaterThan(HistoryBound.maxEvents(0, GIB));
    }

    @Test
    void aTinyHeapStillHoldsTheFloor() {
        assertThat(HistoryBound.maxEvents(0, 1 << 20)).isEqualTo(HistoryBound.FLOOR);
    }

    @Test
    void aNegativeBoundIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> HistoryBound.maxEvents(-1, GIB)).hasMessageContaining("ledger.history.max-events");
    }
}
