package cn.perfledger.projections.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.perfledger.projections.basis.Basis;
import cn.perfledger.projections.basis.RecordedEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Paging a why-list: the pages together are the whole list, each step cut to its listed events, the per-type summary sums to the change. */
class WhyPageTest {

    @Test
    void pagesTogether_areTheWholeList_andTheSummarySumsToTheChange() {
        Random random = new Random(7);
        int paged = 0;
        for (int scenario = 0; scenario < 40; scenario++) {
            List<RecordedEvent> events = AuditYear.random(random);
            Basis a = new Basis(LocalDate.of(2021, 3, 31), Instant.MAX);
            Basis b = new Basis(LocalDate.of(2021, 12, 31), Instant.MAX);
            WhyChanged.Result why = WhyChanged.explain(events, "TOTAL", a, b);
            int size = 1 + random.nextInt(4);
            int eventsPerStep = random.nextInt(3);
            WhyPage.Result first = WhyPage.of(why, 0, size, eventsPerStep);
            List<WhyChanged.Step> all = new ArrayList<>();
            for (int page = 0; page < first.pageCount(); page++) {
                WhyPage.Result result = WhyPage.of(why, page, size, eventsPerStep);
                assertThat(result.firstStep()).isEqualTo(page * size + 1);
                assertThat(result.steps()).hasSizeLessThanOrEqualTo(size);
                for (WhyChanged.Step step : result.steps()) {
                    assertThat(step.events()).hasSizeLessThanOrEqualTo(eventsPerStep);
                    assertThat(step.eventsTruncated()).isEqualTo(step.eventCount() > step.events().size());
                }
                all.addAll(result.steps());
            }
            paged += first.pageCount() > 1 ? 1 : 0;
            assertThat(first.stepCount()).isEqualTo(why.steps().size());
            assertThat(all).hasSize(why.steps().size());
            for (int i = 0; i < all.size(); i++) {
                assertThat(all.get(i).label()).isEqualTo(why.steps().get(i).label());
                assertThat(all.get(i).delta()).isEqualTo(why.steps().get(i).delta());
                assertThat(all.get(i).eventCount()).isEqualTo(why.steps().get(i).eventCount());
            }
            BigDecimal summed = first.byType().stream().map(WhyPage.TypeSummary::delta).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(summed).isEqualByComparingTo(why.change());
            assertThat(first.byType().stream().mapToInt(WhyPage.TypeSummary::steps).sum()).isEqualTo(why.steps().size());
            assertThat(WhyPage.of(why, first.pageCount() + 3, size, eventsPerStep).steps()).isEmpty();
        }
        assertThat(paged).isPositive();
        WhyChanged.Result why = WhyChanged.explain(AuditYear.random(random), "TOTAL",
                new Basis(LocalDate.of(2021, 3, 31), Instant.MAX), new Basis(LocalDate.of(2021, 12, 31), Instant.MAX));
        assertThatThrownBy(() -> WhyPage.of(why, 0, 0, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WhyPage.of(why, 0, 10, WhyPage.MAX_EVENTS_PER_STEP + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
