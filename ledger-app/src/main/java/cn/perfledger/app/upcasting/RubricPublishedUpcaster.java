package cn.perfledger.app.upcasting;

import cn.perfledger.domain.rubric.RubricEvent.RubricPublished;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Reads revision "1" of {@link RubricPublished} — released before rubric versions had an owner scope and their own
 * 得分系数 — as revision "2":
 * <pre>
 * revision 1: {"rubricVersionId":"gz-municipal-2021@1","name":"…","jurisdiction":"广州市","templateYear":2021,…}
 * revision 2: {"rubricVersionId":"gz-municipal-2021@1","name":"…","jurisdiction":"广州市",
 *              "scope":{"allDepartments":true,"departments":[]},"templateYear":2021,…,"gradeCoefficients":null,…}
 * </pre>
 * A revision-1 version was usable by every department (nothing restricted it), so it reads as scoped to all
 * departments: every year already opened under it stays valid, and only an administrator of all departments may
 * retire it. It had no 得分系数 and gets null: the default table, which is also all that revision-1 years could score
 * with (they had no qualitative indicators). The stored row is never rewritten (the upcast happens on every read).
 */
public class RubricPublishedUpcaster extends SingleEventUpcaster {

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
        if (node.has("scope")) {
            throw new IllegalStateException("revision 1 RubricPublished already has a scope: " + node.get("scope"));
        }
        ObjectNode scope = node.putObject("scope");
        scope.put("allDepartments", true);
        scope.putArray("departments");
        if (!node.has("gradeCoefficients")) {
            node.putNull("gradeCoefficients");
        }
        return node;
    }
}
