package cn.perfledger.app.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.app.json.LedgerJson;
import cn.perfledger.domain.budget.BudgetEvent;
import cn.perfledger.domain.budget.BudgetEvent.BudgetDecreased;
import cn.perfledger.domain.budget.BudgetEvent.BudgetIncreased;
import cn.perfledger.domain.budget.BudgetEvent.BudgetTransferred;
import cn.perfledger.domain.budget.BudgetEvent.InitialBudgetApproved;
import cn.perfledger.domain.budget.BudgetEvent.LineShare;
import cn.perfledger.domain.common.BudgetLineId;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.domain.common.Money;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;

/**
 * Stored revision-1 adjustments (their released JSON, without {@code adjustmentId}) read through the upcaster chain
 * as revision 2 with {@code adjustmentId} null and every other field as stored; revision-2 events and other event
 * types pass untouched.
 */
class AdjustmentIdUpcasterTest {

    private static final FiscalYearId YEAR = FiscalYearId.of("GZ-ZSJ", 2021);
    private static final String DOC = "穗财预〔2021〕88号";

    private final ObjectMapper mapper = LedgerJson.newObjectMapper();
    private final Serializer serializer = JacksonSerializer.builder().objectMapper(mapper).build();
    private final EventUpcasterChain chain = new EventUpcasterChain(new ExpenditureRecordedUpcaster(),
            new AdjustmentIdUpcaster());

    @Test
    void revision1Increase_readsAsRevision2_withoutAdjustmentId() {
        Object event = read(BudgetIncreased.class, "1", """
                {"fiscalYearId":"GZ-ZSJ/2021","lineId":"L1","amount":"50.00","documentNo":"%s","reason":"业务量增加",
                 "effectiveDate":"2021-03-01","postCloseReason":null}""".formatted(DOC));
        assertThat(event).isEqualTo(new BudgetIncreased(YEAR, new BudgetLineId("L1"), Money.of("50.00"), DOC,
                "业务量增加", LocalDate.of(2021, 3, 1), null, null));
    }

    @Test
    void revision1Decrease_keepsItsPostCloseReason() {
        Object event = read(BudgetDecreased.class, "1", """
                {"fiscalYearId":"GZ-ZSJ/2021","lineId":"L2","amount":"0.01","documentNo":"%s","reason":"尾差",
                 "effectiveDate":"2021-12-31","postCloseReason":"决算调整"}""".formatted(DOC));
        assertThat(event).isEqualTo(new BudgetDecreased(YEAR, new BudgetLineId("L2"), Money.of("0.01"), DOC, "尾差",
                LocalDate.of(2021, 12, 31), "决算调整", null));
    }

    @Test
    void revision1Transfer_keepsItsShares() {
        Object event = read(BudgetTransferred.class, "1", """
                {"fiscalYearId":"GZ-ZSJ/2021","shares":[{"lineId":"L1","amount":"-200.00"},
                 {"lineId":"L2","amount":"200.00"}],"documentNo":"%s","reason":"调剂","effectiveDate":"2021-04-01",
                 "postCloseReason":null}""".formatted(DOC));
        assertThat(event).isEqualTo(new BudgetTransferred(YEAR, List.of(
                new LineShare(new BudgetLineId("L1"), Money.of("-200.00")),
                new LineShare(new BudgetLineId("L2"), Money.of("200.00"))), DOC, "调剂", LocalDate.of(2021, 4, 1),
                null, null));
    }

    @Test
    void revision2_andOtherTypes_passUntouched() {
        BudgetIncreased current = new BudgetIncreased(YEAR, new BudgetLineId("L1"), Money.of("50.00"), DOC, "追加",
                LocalDate.of(2021, 3, 1), null, "88-1");
        assertThat(read(BudgetIncreased.class, "2", json(current))).isEqualTo(current);
        InitialBudgetApproved approved = new InitialBudgetApproved(YEAR, new BudgetLineId("L1"), Money.of("1.00"),
                DOC, LocalDate.of(2021, 1, 10));
        assertThat(read(InitialBudgetApproved.class, "1", json(approved))).isEqualTo(approved);
        assertThat(AdjustmentIdUpcaster.withAdjustmentId(mapper.valueToTree(current)).get("adjustmentId").asText())
                .as("a payload that already has adjustmentId keeps it").isEqualTo("88-1");
    }

    private String json(Object event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** One stored event of {@code type} at {@code revision}, read as the event store reads it. */
    private Object read(Class<? extends BudgetEvent> type, String revision, String payload) {
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>("BudgetLedger", YEAR.toString(), 3,
                "event-1", Instant.parse("2021-03-01T02:00:00Z"), type.getName(), revision,
                payload.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
        return EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(stored), serializer, chain).next()
                .getPayload();
    }
}
