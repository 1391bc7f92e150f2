package cn.perfledger.app.ui.entry;

import cn.perfledger.app.command.LedgerMetadata;
import cn.perfledger.app.eventlog.EventLogQuery;
import cn.perfledger.app.eventlog.EventLogQuery.RecordedEvent;
import cn.perfledger.app.ui.Amount;
import cn.perfledger.app.ui.BasisForm;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.projections.audit.EventTypeLabels;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The latest records of a year of the types an entry page writes, newest first, read from the event store itself
 * (not a tracking read model), so a record the page has just written is there at once. Amounts that take budget or
 * spending away (冲销, 调减, the outgoing side of a 调剂) are shown as negatives, in red.
 */
@Component
public class RecentRecords {

    static final int SIZE = 15;
    private static final Set<String> NEGATIVE = Set.of("ExpenditureReversed", "BudgetDecreased",
            "AppropriationWithdrawn");

    /** One recorded event as a row of the list; {@code fresh} when it came from the post just answered. */
    public record Row(long globalSequence, String typeLabel, String effectiveDate, String recordedAt, String user,
            String reference, String line, Amount amount, String text, boolean reversal, boolean fresh) {
    }

    private final EventLogQuery eventLog;

    public RecentRecords(EventLogQuery eventLog) {
        this.eventLog = eventLog;
    }

    /** The newest {@value #SIZE} records of {@code types}; rows of {@code correlationId} are marked fresh. */
    public List<Row> latest(FiscalYearId year, List<String> types, String correlationId) {
        EventLogQuery.Filter filter = new EventLogQuery.Filter(types, null, null);
        long total = eventLog.page(year, filter, 0, 1).totalElements();
        List<RecordedEvent> events = new ArrayList<>();
        if (total > 0) {
            int lastPage = (int) ((total - 1) / SIZE);
            if (lastPage > 0) {
                events.addAll(eventLog.page(year, filter, lastPage - 1, SIZE).events());
            }
            events.addAll(eventLog.page(year, filter, lastPage, SIZE).events());
        }
        List<Row> rows = new ArrayList<>();
        for (RecordedEvent event : events.subList(Math.max(0, events.size() - SIZE), events.size())) {
            rows.add(row(event, correlationId));
        }
        Collections.reverse(rows);
        return rows;
    }

    /** How many records the post of {@code correlationId} wrote, among {@code rows}. */
    public static long freshCount(List<Row> rows) {
        return rows.stream().filter(Row::fresh).count();
    }

    private static Row row(RecordedEvent event, String correlationId) {
        JsonNode p = event.payload();
        JsonNode m = event.metadata();
        boolean fresh = correlationId != null && m != null
                && correlationId.equals(m.path(LedgerMetadata.CORRELATION_ID).asText(null));
        String reference = join(label("凭证号", text(p, "voucherNo")), label("原凭证", text(p, "originalVoucherNo")),
                label("文号", text(p, "documentNo")), label("采购项目", text(p, "procurementId")),
                label("合同", text(p, "contractNo")), label("文件", text(p, "fileName")));
        return new Row(event.globalSequence(), EventTypeLabels.label(event.type()),
                event.effectiveDate() == null ? "—" : event.effectiveDate().toString(),
                BasisForm.beijing(event.recordedAt()), m == null ? null : text(m, LedgerMetadata.USER), reference,
                line(p), amount(event.type(), p), join(text(p, "summary"), text(p, "reason"), text(p, "name"),
                        text(p, "postCloseReason")),
                "ExpenditureReversed".equals(event.type()), fresh);
    }

    private static String line(JsonNode p) {
        String line = text(p, "lineId");
        if (line != null || p == null || !p.path("shares").isArray()) {
            return line;
        }
        List<String> shares = new ArrayList<>();
        p.get("shares").forEach(s -> shares.add(s.path("lineId").asText() + " " + signed(s.path("amount").asText())));
        return String.join("，", shares);
    }

    private static Amount amount(String type, JsonNode p) {
        for (String field : List.of("amount", "planAmount", "contractAmount", "originalValue")) {
            String value = text(p, field);
            if (value != null) {
                try {
                    BigDecimal yuan = new BigDecimal(value);
                    return Amount.of(NEGATIVE.contains(type) ? yuan.negate() : yuan);
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        if (p != null && p.path("shares").isArray()) {
            BigDecimal moved = BigDecimal.ZERO;
            for (JsonNode share : p.get("shares")) {
                try {
                    BigDecimal value = new BigDecimal(share.path("amount").asText());
                    moved = value.signum() > 0 ? moved.add(value) : moved;
                } catch (NumberFormatException e) {
                    // not an amount: left out
                }
            }
            return moved.signum() > 0 ? Amount.of(moved) : null;
        }
        return null;
    }

    private static String signed(String amount) {
        try {
            BigDecimal value = new BigDecimal(amount);
            return (value.signum() > 0 ? "+" : "") + Amount.of(value).yuan();
        } catch (NumberFormatException e) {
            return amount;
        }
    }

    private static String label(String name, String value) {
        return value == null ? null : name + " " + value;
    }

    private static String join(String... parts) {
        List<String> present = new ArrayList<>();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                present.add(part);
            }
        }
        return present.isEmpty() ? null : String.join("；", present);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || value.isContainerNode() || value.asText().isBlank() ? null
                : value.asText();
    }
}
