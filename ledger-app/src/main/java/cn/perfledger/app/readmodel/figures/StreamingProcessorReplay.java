package cn.perfledger.app.readmodel.figures;

import cn.perfledger.domain.common.ConflictException;
import java.time.Duration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.springframework.stereotype.Component;

/**
 * Replays a read model from the first event, the way {@code DirectoryQueries.rebuild()} does: stop the processing
 * group's streaming processor (its thread finishes the batch in hand), reset its tokens — which runs the group's
 * {@code @ResetHandler}s, emptying the tables — and start it again. Returns at once; the processor then catches
 * up in the background. Requires every segment to be unclaimed, i.e. the processor stopped on every instance.
 */
@Component
public class StreamingProcessorReplay {

    private static final Duration CLAIM_WAIT = Duration.ofSeconds(10);

    private final EventProcessingConfiguration processing;

    public StreamingProcessorReplay(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    public void replayFromStart(String processingGroup) {
        StreamingEventProcessor processor = processing
                .eventProcessor(processingGroup, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no streaming processor '" + processingGroup + "'"));
        long deadline = System.nanoTime() + CLAIM_WAIT.toNanos();
        try {
            while (true) {
                processor.shutDown();
                try {
                    processor.resetTokens();
                    return;
                } catch (UnableToClaimTokenException e) {
                    // a processor that was just started may still be claiming its segment when it is shut down;
                    // another instance holding it does not let go, and that is reported rather than waited for
                    if (System.nanoTime() > deadline) {
                        throw new ConflictException("processingGroup", "读模型 " + processingGroup
                                + " 的处理器正被其他实例占用，未重建；请先停止其他实例上的该处理器再重试");
                    }
                    sleep();
                }
            }
        } finally {
            processor.start();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to rebuild", e);
        }
    }
}
