package cn.perfledger.app.upcasting;

import cn.perfledger.domain.evaluation.EvaluationEvent.IndicatorActualRecorded;
import cn.perfledger.domain.evaluation.EvaluationEvent.IndicatorDefined;
import cn.perfledger.domain.evaluation.EvaluationEvent.IndicatorTargetRevised;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.UnaryOperator;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Reads revision "1" of {@link IndicatorDefined}, {@link IndicatorTargetRevised} and {@link IndicatorActualRecorded}
 * as revision "2": the parsed target ({@code target}, {@code newTarget}) and actual ({@code value}) are restated by
 * {@link LegacyIndicatorReading}, every other field stays as stored. One instance per event type.
 */
public final class IndicatorEventsUpcaster extends SingleEventUpcaster {

    private final SimpleSerializedType revision1;
    private final SimpleSerializedType revision2;
    private final String field;
    private final UnaryOperator<JsonNode> restate;

    private IndicatorEventsUpcaster(Class<?> type, String field, UnaryOperator<JsonNode> restate) {
        this.revision1 = new SimpleSerializedType(type.getName(), "1");
        this.revision2 = new SimpleSerializedType(type.getName(), "2");
        this.field = field;
        this.restate = restate;
    }

    public static IndicatorEventsUpcaster indicatorDefined() {
        return new IndicatorEventsUpcaster(IndicatorDefined.class, "target", LegacyIndicatorReading::target);
    }

    public static IndicatorEventsUpcaster indicatorTargetRevised() {
        return new IndicatorEventsUpcaster(IndicatorTargetRevised.class, "newTarget", LegacyIndicatorReading::target);
    }

    public static IndicatorEventsUpcaster indicatorActualRecorded() {
        return new IndicatorEventsUpcaster(IndicatorActualRecorded.class, "value", LegacyIndicatorReading::actual);
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(revision1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(revision2, JsonNode.class, this::upcast);
    }

    /** The revision-2 payload of a revision-1 one (a copy). */
    JsonNode upcast(JsonNode payload) {
        ObjectNode node = ((ObjectNode) payload).deepCopy();
        node.set(field, restate.apply(node.get(field)));
        return node;
    }
}
