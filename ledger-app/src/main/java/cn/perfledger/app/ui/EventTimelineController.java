package cn.perfledger.app.ui;

import cn.perfledger.projections.audit.EventTypeLabels;
import cn.perfledger.app.eventlog.EventLogQuery;
import cn.perfledger.app.eventlog.EventLogQuery.EventPage;
import cn.perfledger.app.eventlog.EventLogQuery.RecordedEvent;
import cn.perfledger.domain.common.FiscalYearId;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 记录时间线 of a department-year: its records, paged, filtered by type (English name or Chinese label), 业务日期,
 * voucher, 文号, line, indicator, user, client, recorded time and free text ({@link TimelineSearch}); the filtered
 * records download as CSV or xlsx ({@link TimelineDownloadController}).
 */
@Controller
@RequestMapping("/departments/{dept}/years/{year}/events")
public class EventTimelineController {

    static final int DEFAULT_SIZE = 50;
    static final List<Integer> SIZES = List.of(20, 50, 100, 200);
    private static final List<String> AMOUNT_FIELDS = List.of("amount", "planAmount");

    /** One event as a row of the timeline. */
    public record EventRow(long globalSequence, String aggregateId, long sequenceNumber, String type,
            String typeLabel, String effectiveDate, String recordedAt, String recordedAtIso, String voucherNo,
            String documentNo, Amount amount, String summary, boolean synthetic, String payloadJson,
            String metadataJson, String lineId, String user, String client) {
    }

    /** A link of the pager. */
    public record PageLink(String label, String href, boolean current) {
    }

    private final EventLogQuery eventLog;
    private final TimelineSearch search;
    private final YearPages pages;
    private final ObjectMapper objectMapper;

    public EventTimelineController(EventLogQuery eventLog, TimelineSearch search, YearPages pages,
            ObjectMapper objectMapper) {
        this.eventLog = eventLog;
        this.search = search;
        this.pages = pages;
        this.objectMapper = objectMapper;
    }

    @GetMapping
    public String events(@PathVariable String dept, @PathVariable int year,
            @RequestParam(required = false) String type, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String voucher,
            @RequestParam(required = false) String document, @RequestParam(required = false) String line,
            @RequestParam(required = false) String indicator, @RequestParam(required = false) String user,
            @RequestParam(required = false) String client, @RequestParam(required = false) String recordedFrom,
            @RequestParam(required = false) String recordedTo, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "" + DEFAULT_SIZE) int size,
            @RequestParam(required = false) String asOf, @RequestParam(required = false) String knownAt,
            Model model) {
        FiscalYearId id = pages.require(dept, year);
        // the timeline lists every record; the basis only travels on to the year's other pages, checked like theirs
        BasisForm.parseDate("asOf", asOf, "评价基准日应为日期，格式 yyyy-MM-dd");
        BasisForm.parseKnownAt("knownAt", knownAt);
        TimelineSearch.Criteria criteria = TimelineSearch.criteria(type, from, to, voucher, document, line,
                indicator, user, client, recordedFrom, recordedTo, q);
        EventPage result = page(id, criteria, page, size);

        String base = "/departments/" + dept + "/years/" + year + "/events";
        Map<String, String> query = query(criteria);
        model.addAttribute("pageTitle", "记录时间线");
        model.addAttribute("active", "events");
        model.addAttribute("header", pages.header(id));
        model.addAttribute("types", EventTypeLabels.LABELS);
        model.addAttribute("selectedType", criteria.type());
        model.addAttribute("criteria", criteria);
        model.addAttribute("filters", query);
        model.addAttribute("from", criteria.from() == null ? "" : criteria.from().toString());
        model.addAttribute("to", criteria.to() == null ? "" : criteria.to().toString());
        Map<String, String> clients = new java.util.LinkedHashMap<>();
        for (cn.perfledger.app.command.ClientKind kind : cn.perfledger.app.command.ClientKind.values()) {
            clients.put(kind.name(), VoucherPageController.clientLabel(kind.name()));
        }
        model.addAttribute("clients", clients);
        model.addAttribute("size", size);
        model.addAttribute("sizes", SIZES);
        model.addAttribute("result", result);
        model.addAttribute("events", result.events().stream().map(this::row).toList());
        model.addAttribute("pager", pager(base, query, size, result));
        model.addAttribute("csvHref", href(base + ".csv", query, -1, -1));
        model.addAttribute("xlsxHref", href(base + ".xlsx", query, -1, -1));
        model.addAttribute("yearStart", year + "-01-01");
        model.addAttribute("yearEnd", year + "-12-31");
        return "ui/events";
    }

    /** One page of the filtered records: the event log's indexed path when it can answer, else the search. */
    private EventPage page(FiscalYearId id, TimelineSearch.Criteria criteria, int page, int size) {
        if (page < 0) {
            throw new cn.perfledger.domain.common.DomainException("page", "页码从 0 开始，不能为负数: " + page);
        }
        if (size < 1 || size > EventLogQuery.MAX_SIZE) {
            throw new cn.perfledger.domain.common.DomainException("size", "每页条数应在 1 至 " + EventLogQuery.MAX_SIZE
                    + " 之间: " + size);
        }
        if (criteria.onlyTypeAndDates()) {
            return eventLog.page(id, new EventLogQuery.Filter(criteria.type() == null ? List.of()
                    : List.of(criteria.type()), criteria.from(), criteria.to()), page, size);
        }
        List<RecordedEvent> all = search.search(id, criteria);
        int fromIndex = (int) Math.min((long) page * size, all.size());
        List<RecordedEvent> slice = all.subList(fromIndex, Math.min(fromIndex + size, all.size()));
        return new EventPage(id.toString(), page, size, all.size(), (all.size() + size - 1) / size, slice);
    }

    /** The filters as query parameters, in the form's order (for the pager and the downloads). */
    static Map<String, String> query(TimelineSearch.Criteria c) {
        Map<String, String> q = new java.util.LinkedHashMap<>();
        put(q, "type", c.type());
        put(q, "from", c.from());
        put(q, "to", c.to());
        put(q, "voucher", c.voucher());
        put(q, "document", c.document());
        put(q, "line", c.line());
        put(q, "indicator", c.indicator());
        put(q, "user", c.user());
        put(q, "client", c.client());
        put(q, "recordedFrom", c.recordedFrom() == null ? null
                : java.time.LocalDateTime.ofInstant(c.recordedFrom(), BasisForm.ZONE).withNano(0).toString().replace('T', ' '));
        put(q, "recordedTo", c.recordedTo() == null ? null
                : java.time.LocalDateTime.ofInstant(c.recordedTo(), BasisForm.ZONE).withNano(0).toString().replace('T', ' '));
        put(q, "q", c.text());
        return q;
    }

    private static void put(Map<String, String> q, String name, Object value) {
        if (value != null) {
            q.put(name, value.toString());
        }
    }

    private EventRow row(RecordedEvent event) {
        JsonNode payload = event.payload();
        JsonNode metadata = event.metadata();
        boolean synthetic = metadata != null && metadata.path("synthetic").asBoolean(false);
        return new EventRow(event.globalSequence(), event.aggregateId(), event.sequenceNumber(), event.type(),
                EventTypeLabels.label(event.type()),
                event.effectiveDate() == null ? "—" : event.effectiveDate().toString(),
                BasisForm.beijing(event.recordedAt()), event.recordedAt(), text(payload, "voucherNo"),
                text(payload, "documentNo"), amount(event), summary(payload), synthetic, pretty(payload),
                pretty(metadata), text(payload, "lineId"), text(metadata, "user"),
                VoucherPageController.clientLabel(text(metadata, "client")));
    }

    /** The amount a record moves (a reversal's as a negative, a transfer's as what it adds to lines), or null. */
    static Amount amount(RecordedEvent event) {
        JsonNode payload = event.payload();
        Amount amount = null;
        for (String field : AMOUNT_FIELDS) {
            JsonNode node = payload == null ? null : payload.get(field);
            if (node != null && (node.isTextual() || node.isNumber())) {
                try {
                    amount = Amount.of(new java.math.BigDecimal(node.asText()));
                } catch (NumberFormatException e) {
                    amount = null;
                }
                break;
            }
        }
        if (amount == null && payload != null && payload.path("shares").isArray()) {
            // a transfer: the amount moved is the sum of the lines it adds to (the shares net to zero)
            java.math.BigDecimal moved = java.math.BigDecimal.ZERO;
            for (JsonNode share : payload.get("shares")) {
                try {
                    java.math.BigDecimal value = new java.math.BigDecimal(share.path("amount").asText());
                    moved = value.signum() > 0 ? moved.add(value) : moved;
                } catch (NumberFormatException e) {
                    // not an amount: leave it out
                }
            }
            amount = moved.signum() > 0 ? Amount.of(moved) : null;
        }
        if (amount != null && "ExpenditureReversed".equals(event.type())) {
            // 红字: a reversal takes back, shown as a negative
            amount = Amount.of(amount.value().negate());
        }
        return amount;
    }

    /** A short description: the summary, reason or name a payload carries. */
    static String summary(JsonNode payload) {
        for (String field : List.of("summary", "reason", "name", "basis", "actual", "targetExpression")) {
            String value = text(payload, field);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    static String text(JsonNode payload, String field) {
        JsonNode node = payload == null ? null : payload.get(field);
        return node == null || node.isNull() || node.asText().isBlank() ? null : node.asText();
    }

    private String pretty(JsonNode node) {
        if (node == null) {
            return "";
        }
        try {
            return objectMapper.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return node.toString();
        }
    }

    private static List<PageLink> pager(String base, Map<String, String> query, int size, EventPage result) {
        List<PageLink> links = new ArrayList<>();
        int pages = result.totalPages();
        int current = result.page();
        if (pages <= 1) {
            return links;
        }
        if (current > 0) {
            links.add(new PageLink("上一页", href(base, query, size, current - 1), false));
        }
        int start = Math.max(0, current - 4);
        int end = Math.min(pages - 1, current + 4);
        if (start > 0) {
            links.add(new PageLink("1", href(base, query, size, 0), false));
            if (start > 1) {
                links.add(new PageLink("…", null, false));
            }
        }
        for (int p = start; p <= end; p++) {
            links.add(new PageLink(String.valueOf(p + 1), href(base, query, size, p), p == current));
        }
        if (end < pages - 1) {
            if (end < pages - 2) {
                links.add(new PageLink("…", null, false));
            }
            links.add(new PageLink(String.valueOf(pages), href(base, query, size, pages - 1), false));
        }
        if (current < pages - 1) {
            links.add(new PageLink("下一页", href(base, query, size, current + 1), false));
        }
        return links;
    }

    /** {@code base} with the filters (and size and page, unless −1). */
    static String href(String base, Map<String, String> query, int size, int page) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(base);
        query.forEach(uri::queryParam);
        if (size > 0) {
            uri.queryParam("size", size);
        }
        if (page >= 0) {
            uri.queryParam("page", page);
        }
        return uri.build().encode().toUriString();
    }
}
