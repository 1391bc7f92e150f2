package cn.perfledger.app.upcasting;

import cn.perfledger.domain.rubric.RubricEvent.RubricPublished;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Reads revision "1" of {@link RubricPublished} as revision "2", which added {@code gradeCoefficients} (the 得分系数 of
 * qualitative indicators). A revision-1 rubric had none and gets null: the default table, which is also all that
 * revision-1 years could score with (they had no qualitative indicators).
 */
public final class RubricPublishedUpcaster extends SingleEventUpcaster {

    static final String TYPE = RubricPublished.class.getName();
    static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(TYPE, "1");
    static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(TYPE, "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, RubricPublishedUpcaster::upcast);
    }

    static JsonNode upcast(JsonNode payload) {
        ObjectNode node = ((ObjectNode) payload).deepCopy();
        if (!node.has("gradeCoefficients")) {
            node.putNull("gradeCoefficients");
        }
        return node;
    }
}
