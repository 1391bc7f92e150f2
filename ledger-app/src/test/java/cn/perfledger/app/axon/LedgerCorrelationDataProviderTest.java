package cn.perfledger.app.axon;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.app.command.LedgerMetadata;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

class LedgerCorrelationDataProviderTest {

    private final LedgerCorrelationDataProvider provider = new LedgerCorrelationDataProvider();

    @Test
    void eventsApplied_whileHandlingACommand_carryItsSenderAndIds() {
        var command = GenericCommandMessage.asCommandMessage("record").andMetaData(Map.of(
                LedgerMetadata.CLIENT, "API", LedgerMetadata.USER, "clerk", LedgerMetadata.ROLE, "CLERK",
                LedgerMetadata.SYNTHETIC, false, LedgerMetadata.CORRELATION_ID, "req-1", "unrelated", "x"));
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(command);
        unitOfWork.registerCorrelationDataProvider(provider);
        try {
            EventMessage<String> event = GenericEventMessage.asEventMessage("applied");
            assertThat(event.getMetaData()).containsOnly(Map.entry(LedgerMetadata.CLIENT, "API"),
                    Map.entry(LedgerMetadata.USER, "clerk"), Map.entry(LedgerMetadata.ROLE, "CLERK"),
                    Map.entry(LedgerMetadata.SYNTHETIC, false), Map.entry(LedgerMetadata.CORRELATION_ID, "req-1"),
                    Map.entry(LedgerMetadata.TRACE_ID, "req-1"),
                    Map.entry(LedgerMetadata.CAUSATION_ID, command.getIdentifier()));
        } finally {
            unitOfWork.rollback();
        }
    }

    @Test
    void aCommandWithoutCorrelationId_isItsOwnCorrelation() {
        var command = GenericCommandMessage.asCommandMessage("record");
        Map<String, Object> data = Map.copyOf(provider.correlationDataFor(command));
        assertThat(data).isEqualTo(Map.of(LedgerMetadata.CORRELATION_ID, command.getIdentifier(),
                LedgerMetadata.TRACE_ID, command.getIdentifier(), LedgerMetadata.CAUSATION_ID, command.getIdentifier()));
    }

    /** A tracking processor's unit of work handles stored events: their metadata must stay unread (not deserialized). */
    @Test
    void aHandledEvent_isNoSource_andItsMetadataIsNotRead() {
        EventMessage<String> stored = new GenericEventMessage<>("stored", MetaData.with("user", "clerk")) {
            private static final long serialVersionUID = 1L;

            @Override
            public MetaData getMetaData() {
                throw new AssertionError("the stored event's metadata was read");
            }
        };
        assertThat(provider.correlationDataFor(stored)).isEmpty();
    }
}
