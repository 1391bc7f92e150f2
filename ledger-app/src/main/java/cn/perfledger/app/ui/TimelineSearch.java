package cn.perfledger.app.ui;

import cn.perfledger.app.command.ClientKind;
import cn.perfledger.app.eventlog.EventLogQuery.RecordedEvent;
import cn.perfledger.app.eventstore.EventTable;
import cn.perfledger.app.eventstore.StoredEvent;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.projections.audit.EventTypeLabels;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The timeline's search: by record type (its English name or its Chinese label), 业务日期 range, voucher number,
 * 文号, budget line, indicator, user, client, recorded-time range and free text. A value the year cannot match (a
 * type that does not exist, a line, indicator, user, voucher or 文号 the year never recorded, a client that is not
 * one) is refused with the reason — never silently turned into an empty list or into "all".
 *
 * <p>It reads every record of the year's two streams (ledger and evaluation) once per request and filters them in
 * memory: O(records of the year), the price of filters on payload and metadata fields that have no column.
 */
@Component
public class TimelineSearch {

    /** What the user asked for; null fields do not filter. */
    public record Criteria(String type, LocalDate from, LocalDate to, String voucher, String document, String line,
            String indicator, String user, String client, Instant recordedFrom, Instant recordedTo, String text) {

        /** True when nothing but type and 业务日期 filter (the event log's indexed path can answer). */
        public boolean onlyTypeAndDates() {
            return voucher == null && document == null && line == null && indicator == null && user == null
                    && client == null && recordedFrom == null && recordedTo == null && text == null;
        }
    }

    private final EventTable table;
    private final ObjectMapper json;

    public TimelineSearch(EventTable table, ObjectMapper json) {
        this.table = table;
        this.json = json;
    }

    /** Parses the form's parameters; blank means "no filter". */
    public static Criteria criteria(String type, String from, String to, String voucher, String document,
            String line, String indicator, String user, String client, String recordedFrom, String recordedTo,
            String text) {
        LocalDate fromDate = BasisForm.parseDate("from", from, "业务日期起应为日期，格式 yyyy-MM-dd");
        LocalDate toDate = BasisForm.parseDate("to", to, "业务日期止应为日期，格式 yyyy-MM-dd");
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            throw new DomainException("from", "起始日期不能晚于截止日期（业务日期）: " + fromDate + " > " + toDate);
        }
        Instant recFrom = recorded("recordedFrom", recordedFrom, false);
        Instant recTo = recorded("recordedTo", recordedTo, true);
        if (recFrom != null && recTo != null && recFrom.isAfter(recTo)) {
            throw new DomainException("recordedFrom", "记录时间起不能晚于记录时间止");
        }
        return new Criteria(typeName(type), fromDate, toDate, blank(voucher), blank(document), blank(line),
                blank(indicator), blank(user), clientName(client), recFrom, recTo, blank(text));
    }

    /** A type by its English name or its Chinese label; anything else is refused with the labels to choose from. */
    static String typeName(String type) {
        String value = blank(type);
        if (value == null) {
            return null;
        }
        if (EventTypeLabels.LABELS.containsKey(value)) {
            return value;
        }
        for (Map.Entry<String, String> entry : EventTypeLabels.LABELS.entrySet()) {
            if (entry.getValue().equals(value)) {
                return entry.getKey();
            }
        }
        throw new DomainException("type", "没有「" + VoucherTrail.abbreviate(value) + "」这种记录类型，可选："
                + String.join("、", EventTypeLabels.LABELS.values()));
    }

    static String clientName(String client) {
        String value = blank(client);
        if (value == null) {
            return null;
        }
        for (ClientKind kind : ClientKind.values()) {
            if (kind.name().equalsIgnoreCase(value) || VoucherPageController.clientLabel(kind.name()).equals(value)) {
                return kind.name();
            }
        }
        throw new DomainException("client", "没有「" + VoucherTrail.abbreviate(value) + "」这种记录来源，可选：网页（UI）、接口（API）、"
                + "命令行（CLI）、文件导入（IMPORT）、演示数据装载（DEMO）");
    }

    /** A recorded-time bound: a date (the whole day, Beijing time) or a Beijing date-time. */
    private static Instant recorded(String field, String text, boolean end) {
        String value = blank(text);
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (end ? day.plusDays(1).atStartOfDay(BasisForm.ZONE).minusNanos(1)
                        : day.atStartOfDay(BasisForm.ZONE)).toInstant();
            }
            return LocalDateTime.parse(value.replace(' ', 'T')).atZone(BasisForm.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new DomainException(field, (end ? "记录时间止" : "记录时间起") + "应为日期 yyyy-MM-dd 或北京时间 yyyy-MM-ddTHH:mm，收到「"
                    + VoucherTrail.abbreviate(value) + "」");
        }
    }

    /** Every record of the year matching the criteria, in global order; unknown values refused. */
    public List<RecordedEvent> search(FiscalYearId id, Criteria c) {
        List<RecordedEvent> all = new ArrayList<>();
        table.inGlobalOrder(List.of(id.toString(), id + "/evaluation"), row -> all.add(event(row)));
        refuseUnknown(all, c);
        String needle = c.text() == null ? null : c.text().toLowerCase(Locale.ROOT);
        return all.stream().filter(e -> matches(e, c, needle)).toList();
    }

    /** A value no record of the year carries is a mistake to name, not an empty result to show. */
    private static void refuseUnknown(List<RecordedEvent> all, Criteria c) {
        Set<String> vouchers = new HashSet<>();
        Set<String> documents = new HashSet<>();
        Set<String> lines = new HashSet<>();
        Set<String> indicators = new HashSet<>();
        Set<String> users = new HashSet<>();
        for (RecordedEvent e : all) {
            add(vouchers, e.payload(), "voucherNo");
            add(vouchers, e.payload(), "originalVoucherNo");
            add(documents, e.payload(), "documentNo");
            add(lines, e.payload(), "lineId");
            if (e.payload() != null) {
                e.payload().path("shares").forEach(share -> add(lines, share, "lineId"));
            }
            add(indicators, e.payload(), "indicatorId");
            add(users, e.metadata(), "user");
        }
        refuse(c.voucher(), vouchers, "voucher", "该年度没有凭证号「%s」的记录");
        refuse(c.document(), documents, "document", "该年度没有文号「%s」的记录");
        refuse(c.line(), lines, "line", "该年度没有预算行「%s」");
        refuse(c.indicator(), indicators, "indicator", "该年度没有绩效指标「%s」");
        refuse(c.user(), users, "user", "该年度没有用户「%s」记录的内容");
    }

    private static void refuse(String value, Set<String> known, String field, String rule) {
        if (value != null && !known.contains(value)) {
            throw new DomainException(field, String.format(rule, VoucherTrail.abbreviate(value)));
        }
    }

    private static boolean matches(RecordedEvent e, Criteria c, String needle) {
        JsonNode p = e.payload();
        if (c.type() != null && !c.type().equals(e.type())) {
            return false;
        }
        if ((c.from() != null || c.to() != null) && (e.effectiveDate() == null
                || c.from() != null && e.effectiveDate().isBefore(c.from())
                || c.to() != null && e.effectiveDate().isAfter(c.to()))) {
            return false;
        }
        if (c.voucher() != null && !c.voucher().equals(LedgerLines.text(p, "voucherNo"))
                && !c.voucher().equals(LedgerLines.text(p, "originalVoucherNo"))
                && !c.voucher().equals(LedgerLines.text(p, "correctionOf"))) {
            return false;
        }
        if (c.document() != null && !c.document().equals(LedgerLines.text(p, "documentNo"))) {
            return false;
        }
        if (c.line() != null && !c.line().equals(LedgerLines.text(p, "lineId")) && !sharesLine(p, c.line())) {
            return false;
        }
        if (c.indicator() != null && !c.indicator().equals(LedgerLines.text(p, "indicatorId"))) {
            return false;
        }
        if (c.user() != null && !c.user().equals(LedgerLines.text(e.metadata(), "user"))) {
            return false;
        }
        if (c.client() != null && !c.client().equals(LedgerLines.text(e.metadata(), "client"))) {
            return false;
        }
        Instant recorded = e.recordedAt() == null ? null : Instant.parse(e.recordedAt());
        if ((c.recordedFrom() != null || c.recordedTo() != null) && (recorded == null
                || c.recordedFrom() != null && recorded.isBefore(c.recordedFrom())
                || c.recordedTo() != null && recorded.isAfter(c.recordedTo()))) {
            return false;
        }
        return needle == null || texts(p).toLowerCase(Locale.ROOT).contains(needle)
                || EventTypeLabels.label(e.type()).contains(needle);
    }

    private static boolean sharesLine(JsonNode payload, String line) {
        if (payload == null) {
            return false;
        }
        for (JsonNode share : payload.path("shares")) {
            if (line.equals(LedgerLines.text(share, "lineId"))) {
                return true;
            }
        }
        return false;
    }

    /** The payload's text values (not its field names), for the free-text search. */
    private static String texts(JsonNode node) {
        StringBuilder out = new StringBuilder();
        collect(node, out);
        return out.toString();
    }

    private static void collect(JsonNode node, StringBuilder out) {
        if (node == null) {
            return;
        }
        if (node.isValueNode()) {
            out.append(node.asText()).append('\n');
        } else {
            node.forEach(child -> collect(child, out));
        }
    }

    private static void add(Set<String> set, JsonNode node, String field) {
        String value = LedgerLines.text(node, field);
        if (value != null) {
            set.add(value);
        }
    }

    private RecordedEvent event(StoredEvent row) {
        JsonNode payload = read(row.payload());
        String date = LedgerLines.text(payload, "effectiveDate");
        LocalDate effective = null;
        try {
            effective = date == null ? null : LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            effective = null;
        }
        return new RecordedEvent(row.globalIndex(), row.aggregateIdentifier(), row.sequenceNumber(), row.simpleType(),
                row.payloadType(), row.payloadRevision(), effective, row.timeStamp(), read(row.metaData()), payload);
    }

    private JsonNode read(byte[] bytes) {
        try {
            return bytes == null ? null : json.readTree(bytes);
        } catch (IOException e) {
            return null;
        }
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
