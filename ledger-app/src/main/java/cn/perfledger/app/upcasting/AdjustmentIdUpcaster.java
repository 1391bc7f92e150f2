package cn.perfledger.app.upcasting;

import cn.perfledger.domain.budget.BudgetEvent.BudgetDecreased;
import cn.perfledger.domain.budget.BudgetEvent.BudgetIncreased;
import cn.perfledger.domain.budget.BudgetEvent.BudgetTransferred;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Reads revision "1" of the three adjustments — {@link BudgetIncreased}, {@link BudgetDecreased},
 * {@link BudgetTransferred} — as revision "2". Revision 2 added {@code adjustmentId}, the explicit 调整编号 that tells
 * apart two adjustments of one line under one 文号:
 * <pre>
 * revision 1: {"fiscalYearId":"D/2021","lineId":"L1","amount":"50.00","documentNo":"穗财预〔2021〕88号",
 *              "reason":"…","effectiveDate":"2021-03-01","postCloseReason":null}
 * revision 2: {…the same…, "adjustmentId":null}
 * </pre>
 * Every revision-1 adjustment had no such number, so it becomes null: the adjustment stays identified by its kind,
 * 文号 and line(s), as the aggregate identifies every adjustment without one. Only the payload changes; the stored row
 * is never rewritten.
 */
public class AdjustmentIdUpcaster extends SingleEventUpcaster {

    static final List<String> TYPES = List.of(BudgetIncreased.class.getName(), BudgetDecreased.class.getName(),
            BudgetTransferred.class.getName());

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return TYPES.contains(representation.getType().getName())
                && "1".equals(representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(representation.getType().getName(), "2"),
                JsonNode.class, AdjustmentIdUpcaster::withAdjustmentId);
    }

    static JsonNode withAdjustmentId(JsonNode payload) {
        ObjectNode node = ((ObjectNode) payload).deepCopy();
        if (!node.has("adjustmentId")) {
            node.putNull("adjustmentId");
        }
        return node;
    }
}
