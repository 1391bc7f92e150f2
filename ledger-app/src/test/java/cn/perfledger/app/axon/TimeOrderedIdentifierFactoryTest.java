package cn.perfledger.app.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.axonframework.common.IdentifierFactory;
import org.junit.jupiter.api.Test;

class TimeOrderedIdentifierFactoryTest {

    @Test
    void axon_usesTheTimeOrderedFactory() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(TimeOrderedIdentifierFactory.class);
        UUID id = UUID.fromString(IdentifierFactory.getInstance().generateIdentifier());
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void identifier_beginsWithItsMillisecond_andSortsByIt() {
        long at = 1_796_662_633_263L;
        UUID earlier = TimeOrderedIdentifierFactory.next(at);
        UUID later = TimeOrderedIdentifierFactory.next(at + 1);
        assertThat(earlier.getMostSignificantBits() >>> 16).isEqualTo(at);
        assertThat(earlier.toString().compareTo(later.toString())).isNegative();
        assertThat(earlier.version()).isEqualTo(7);
        assertThat(earlier.variant()).isEqualTo(2);
    }

    @Test
    void identifiers_ofOneMillisecond_areDistinct() {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            seen.add(TimeOrderedIdentifierFactory.next(42L));
        }
        assertThat(seen).hasSize(100_000);
    }
}
