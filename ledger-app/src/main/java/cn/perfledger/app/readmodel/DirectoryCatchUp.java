package cn.perfledger.app.readmodel;

import cn.perfledger.app.command.ReadAfterWrite;
import cn.perfledger.domain.budget.BudgetCommand.CloseFiscalYear;
import cn.perfledger.domain.budget.BudgetCommand.OpenFiscalYear;
import cn.perfledger.domain.department.DepartmentCommand.AddUnit;
import cn.perfledger.domain.department.DepartmentCommand.RegisterDepartment;
import java.time.Duration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The directory (a tracking processor) answers the year bar's 已结账 / 进行中 and the department list: after a
 * department is registered, a unit added or a year opened or closed, the sender's next page must show it. So the
 * command returns only once the {@value DirectoryProjection#PROCESSING_GROUP} processor has passed the event store's
 * head, waiting at most {@link #MAX_WAIT}; a slower processor is logged and the page shows the directory as it is.
 */
@Component
class DirectoryCatchUp implements ReadAfterWrite {

    static final Duration MAX_WAIT = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(DirectoryCatchUp.class);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    DirectoryCatchUp(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    @Override
    public void caughtUpWith(Object command) {
        if (!(command instanceof RegisterDepartment || command instanceof AddUnit || command instanceof OpenFiscalYear
                || command instanceof CloseFiscalYear)) {
            return;
        }
        StreamingEventProcessor processor = processing
                .eventProcessor(DirectoryProjection.PROCESSING_GROUP, StreamingEventProcessor.class).orElse(null);
        TrackingToken head = eventStore.createHeadToken();
        if (processor == null || !processor.isRunning() || head == null) {
            return;
        }
        long deadline = System.nanoTime() + MAX_WAIT.toNanos();
        while (!passed(processor, head)) {
            if (System.nanoTime() > deadline) {
                log.warn("directory processor has not reached the event store's head {} within {}", head, MAX_WAIT);
                return;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean passed(StreamingEventProcessor processor, TrackingToken head) {
        return !processor.processingStatus().isEmpty() && processor.processingStatus().values().stream()
                .allMatch(status -> status.getTrackingToken() != null && status.getTrackingToken().covers(head));
    }
}
