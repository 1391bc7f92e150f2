package cn.perfledger.app.upcasting;

import cn.perfledger.domain.rubric.RubricEvent.RubricPublished;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Reads revision "2" of {@link RubricPublished} — released before a node kept our note on where its rule comes from
 * apart from the document's wording — as revision "3": every node of the tree gets {@code "provenance": null}.
 * <pre>
 * revision 2: {"tree":[{"code":"M","name":"…","criteria":"…","rule":…,"children":[…]}],…}
 * revision 3: {"tree":[{"code":"M","name":"…","criteria":"…","provenance":null,"rule":…,"children":[…]}],…}
 * </pre>
 * A revision-2 version's criteria stay as they were published (mixed texts included): a stored event is never
 * rewritten, so only a new version separates them.
 */
public class RubricProvenanceUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType REVISION_2 = RubricPublishedUpcaster.REVISION_2;
    static final SimpleSerializedType REVISION_3 = new SimpleSerializedType(RubricPublishedUpcaster.TYPE, "3");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(REVISION_2);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_3, JsonNode.class, RubricProvenanceUpcaster::upcast);
    }

    static JsonNode upcast(JsonNode payload) {
        ObjectNode node = ((ObjectNode) payload).deepCopy();
        JsonNode tree = node.get("tree");
        if (tree != null && tree.isArray()) {
            tree.forEach(RubricProvenanceUpcaster::withoutProvenance);
        }
        return node;
    }

    private static void withoutProvenance(JsonNode rubricNode) {
        if (!(rubricNode instanceof ObjectNode object)) {
            return;
        }
        if (object.has("provenance")) {
            throw new IllegalStateException("revision 2 rubric node already has a provenance: " + object.get("code"));
        }
        // keep the field order of revision 3: provenance right after criteria
        ObjectNode copy = object.objectNode();
        object.fields().forEachRemaining(field -> {
            copy.set(field.getKey(), field.getValue());
            if (field.getKey().equals("criteria")) {
                copy.putNull("provenance");
            }
        });
        if (!copy.has("provenance")) {
            copy.putNull("provenance");
        }
        object.removeAll();
        object.setAll(copy);
        JsonNode children = object.get("children");
        if (children != null && children.isArray()) {
            children.forEach(RubricProvenanceUpcaster::withoutProvenance);
        }
    }
}
