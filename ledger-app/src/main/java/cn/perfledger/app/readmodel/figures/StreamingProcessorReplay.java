package cn.perfledger.app.readmodel.figures;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;

/**
 * Replays a read model from the first event, the way {@code DirectoryQueries.rebuild()} does: stop the processing
 * group's streaming processor (its thread finishes the batch in hand), reset its tokens — which runs the group's
 * {@code @ResetHandler}s, emptying the tables — and start it again. Returns at once; the processor then catches
 * up in the background. Requires every segment to be unclaimed, i.e. the processor stopped on every instance.
 */
@Component
public class StreamingProcessorReplay {

    private final EventProcessingConfiguration processing;

    public StreamingProcessorReplay(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    public void replayFromStart(String processingGroup) {
        StreamingEventProcessor processor = processing
                .eventProcessor(processingGroup, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no streaming processor '" + processingGroup + "'"));
        processor.shutDown();
        processor.resetTokens();
        processor.start();
    }
}
