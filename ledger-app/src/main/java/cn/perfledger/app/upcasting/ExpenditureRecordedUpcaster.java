package cn.perfledger.app.upcasting;

import cn.perfledger.domain.budget.BudgetEvent.ExpenditureRecorded;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Reads revision "0" of {@link ExpenditureRecorded} — the pre-release form written by the 0.x prototype — as
 * revision "1", the current form. Revision 0 differed in two ways:
 * <pre>
 * revision 0: {"fiscalYearId":"D/2021","voucherNo":"记-1","lineId":"L1","amountFen":123450,
 *              "effectiveDate":"2021-03-01","payeeName":"某公司","summary":"…","batchId":null}
 * revision 1: {"fiscalYearId":"D/2021","voucherNo":"记-1","lineId":"L1","amount":"1234.50",
 *              "effectiveDate":"2021-03-01","payee":"某公司","summary":"…","batchId":null,
 *              "correctionOf":null,"postCloseReason":null}
 * </pre>
 * <ul>
 *   <li>{@code amountFen} (an integer number of 分) becomes {@code amount}, yuan as a string with two decimals
 *       (exact: 123450 分 = "1234.50");</li>
 *   <li>{@code payeeName} is renamed {@code payee};</li>
 *   <li>{@code correctionOf} and {@code postCloseReason} did not exist (corrections and post-close entries came
 *       with revision 1): they are null, which is what every revision-0 voucher meant.</li>
 * </ul>
 * Only the payload changes; identifier, sequence, timestamp and metadata stay as stored. The stored row itself is
 * never rewritten: the event store is append-only and the upcast happens on every read (aggregate loading,
 * tracking processors, {@code EventHistory}).
 */
public class ExpenditureRecordedUpcaster extends SingleEventUpcaster {

    static final String TYPE = ExpenditureRecorded.class.getName();
    static final SimpleSerializedType REVISION_0 = new SimpleSerializedType(TYPE, "0");
    static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(TYPE, "1");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(REVISION_0);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_1, JsonNode.class, ExpenditureRecordedUpcaster::upcast);
    }

    static JsonNode upcast(JsonNode payload) {
        ObjectNode node = ((ObjectNode) payload).deepCopy();
        JsonNode fen = node.remove("amountFen");
        if (fen != null && !fen.isNull()) {
            if (!fen.canConvertToExactIntegral()) {
                throw new IllegalStateException("revision 0 ExpenditureRecorded with a non-integral amountFen: " + fen);
            }
            node.put("amount", new BigDecimal(fen.bigIntegerValue()).movePointLeft(2).setScale(2).toPlainString());
        }
        JsonNode payee = node.remove("payeeName");
        if (!node.has("payee")) {
            node.set("payee", payee == null ? node.nullNode() : payee);
        }
        if (!node.has("correctionOf")) {
            node.putNull("correctionOf");
        }
        if (!node.has("postCloseReason")) {
            node.putNull("postCloseReason");
        }
        return node;
    }
}
