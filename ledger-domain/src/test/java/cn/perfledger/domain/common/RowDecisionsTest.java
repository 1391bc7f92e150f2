package cn.perfledger.domain.common;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.domain.common.RowDecisions.Refusal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one import loop: later rows see earlier ones, a refused row changes nothing, every refusal is kept. */
class RowDecisionsTest {

    /** A draft that only counts: a row "takes" n units and is refused when the running total would exceed 5. */
    private final List<Integer> draft = new ArrayList<>();
    private final RowDecisions<Integer> decisions = new RowDecisions<>(draft::add, 2);

    private List<Integer> take(int units) {
        int total = draft.stream().mapToInt(Integer::intValue).sum();
        if (total + units > 5) {
            throw new DomainException("units", "超过 5: " + (total + units));
        }
        return units == 0 ? List.of() : List.of(units);
    }

    @Test
    void laterRowsMeetTheDraftTheEarlierRowsLeft_andARefusedRowLeavesItAsItWas() {
        assertThat(decisions.decide(0, "a.", () -> take(3))).isTrue();
        assertThat(decisions.decide(1, "a.", () -> take(3))).isFalse();
        assertThat(decisions.decide(2, "a.", () -> take(2))).isTrue();
        assertThat(decisions.decide(3, "a.", () -> take(0))).isTrue();

        assertThat(draft).containsExactly(3, 2);
        assertThat(decisions.events()).containsExactly(3, 2);
        assertThat(decisions.refusals()).containsExactly(new Refusal(1, "a.units", "超过 5: 6", false));
    }

    @Test
    void refusalsBeyondTheListedMaximum_areCountedNotListed_andConflictsAreMarked() {
        decisions.decide(0, "", () -> {
            throw new ConflictException("no", "已存在");
        });
        decisions.refuse(1, "file", "重复", false);
        decisions.refuse(2, "file", "重复", false);

        assertThat(decisions.anyRefused()).isTrue();
        assertThat(decisions.refusedCount()).isEqualTo(3);
        assertThat(decisions.refusals()).containsExactly(new Refusal(0, "no", "已存在", true),
                new Refusal(1, "file", "重复", false));
        assertThat(decisions.events()).isEmpty();
    }
}
