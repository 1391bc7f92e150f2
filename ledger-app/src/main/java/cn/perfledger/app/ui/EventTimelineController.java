package cn.perfledger.app.ui;

import cn.perfledger.projections.audit.EventTypeLabels;
import cn.perfledger.app.eventlog.EventLogQuery;
import cn.perfledger.app.eventlog.EventLogQuery.EventPage;
import cn.perfledger.app.eventlog.EventLogQuery.RecordedEvent;
import cn.perfledger.domain.common.FiscalYearId;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** 事件时间线 of a department-year: its recorded events, paged, filtered by type and effective date. */
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
            String metadataJson) {
    }

    /** A link of the pager. */
    public record PageLink(String label, String href, boolean current) {
    }

    private final EventLogQuery eventLog;
    private final YearPages pages;
    private final ObjectMapper objectMapper;

    public EventTimelineController(EventLogQuery eventLog, YearPages pages, ObjectMapper objectMapper) {
        this.eventLog = eventLog;
        this.pages = pages;
        this.objectMapper = objectMapper;
    }

    @GetMapping
    public String events(@PathVariable String dept, @PathVariable int year,
            @RequestParam(required = false) String type, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + DEFAULT_SIZE) int size, Model model) {
        FiscalYearId id = pages.require(dept, year);
        LocalDate fromDate = BasisForm.parseDate("from", from, "业务日期起应为日期，格式 yyyy-MM-dd");
        LocalDate toDate = BasisForm.parseDate("to", to, "业务日期止应为日期，格式 yyyy-MM-dd");
        String selectedType = type == null || type.isBlank() ? null : type.strip();
        EventLogQuery.Filter filter = new EventLogQuery.Filter(
                selectedType == null ? List.of() : List.of(selectedType), fromDate, toDate);
        EventPage result = eventLog.page(id, filter, page, size);

        String base = "/departments/" + dept + "/years/" + year + "/events";
        model.addAttribute("pageTitle", "记录时间线");
        model.addAttribute("active", "events");
        model.addAttribute("header", pages.header(id));
        model.addAttribute("types", EventTypeLabels.LABELS);
        model.addAttribute("selectedType", selectedType);
        model.addAttribute("from", fromDate == null ? "" : fromDate.toString());
        model.addAttribute("to", toDate == null ? "" : toDate.toString());
        model.addAttribute("size", size);
        model.addAttribute("sizes", SIZES);
        model.addAttribute("result", result);
        model.addAttribute("events", result.events().stream().map(this::row).toList());
        model.addAttribute("pager", pager(base, selectedType, fromDate, toDate, size, result));
        return "ui/events";
    }

    private EventRow row(RecordedEvent event) {
        JsonNode payload = event.payload();
        JsonNode metadata = event.metadata();
        boolean synthetic = metadata != null && metadata.path("synthetic").asBoolean(false);
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
        return new EventRow(event.globalSequence(), event.aggregateId(), event.sequenceNumber(), event.type(),
                EventTypeLabels.label(event.type()),
                event.effectiveDate() == null ? "—" : event.effectiveDate().toString(),
                BasisForm.beijing(event.recordedAt()), event.recordedAt(), text(payload, "voucherNo"),
                text(payload, "documentNo"), amount, summary(payload), synthetic, pretty(payload), pretty(metadata));
    }

    /** A short description: the summary, reason or name a payload carries. */
    private static String summary(JsonNode payload) {
        for (String field : List.of("summary", "reason", "name", "basis", "actual", "targetExpression")) {
            String value = text(payload, field);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String text(JsonNode payload, String field) {
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

    private static List<PageLink> pager(String base, String type, LocalDate from, LocalDate to, int size,
            EventPage result) {
        List<PageLink> links = new ArrayList<>();
        int pages = result.totalPages();
        int current = result.page();
        if (pages <= 1) {
            return links;
        }
        if (current > 0) {
            links.add(new PageLink("上一页", href(base, type, from, to, size, current - 1), false));
        }
        int start = Math.max(0, current - 4);
        int end = Math.min(pages - 1, current + 4);
        if (start > 0) {
            links.add(new PageLink("1", href(base, type, from, to, size, 0), false));
            if (start > 1) {
                links.add(new PageLink("…", null, false));
            }
        }
        for (int p = start; p <= end; p++) {
            links.add(new PageLink(String.valueOf(p + 1), href(base, type, from, to, size, p), p == current));
        }
        if (end < pages - 1) {
            if (end < pages - 2) {
                links.add(new PageLink("…", null, false));
            }
            links.add(new PageLink(String.valueOf(pages), href(base, type, from, to, size, pages - 1), false));
        }
        if (current < pages - 1) {
            links.add(new PageLink("下一页", href(base, type, from, to, size, current + 1), false));
        }
        return links;
    }

    private static String href(String base, String type, LocalDate from, LocalDate to, int size, int page) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(base);
        if (type != null) {
            uri.queryParam("type", type);
        }
        if (from != null) {
            uri.queryParam("from", from);
        }
        if (to != null) {
            uri.queryParam("to", to);
        }
        uri.queryParam("size", size).queryParam("page", page);
        return uri.build().encode().toUriString();
    }
}
