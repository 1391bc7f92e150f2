package cn.perfledger.app.eventlog;

import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.FiscalYearId;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import cn.perfledger.app.eventstore.EventTable;
import cn.perfledger.app.eventstore.StoredEvent;
import org.springframework.stereotype.Service;

/**
 * The events of one department-year: its budget ledger stream ({@code DEPT/2021}) and its evaluation stream
 * ({@code DEPT/2021/evaluation}), in global order, read with plain JDBC from Axon's {@code DomainEventEntry}
 * ({@link EventTable}).
 *
 * <p>Payload and metadata are shown as stored (the JSON Jackson wrote, at the stored revision); upcasters, if any
 * are added later, are not applied here, which is what an auditor wants from a raw log.
 *
 * <p>Cost, honestly:
 * <ul>
 *   <li>without a date filter: a COUNT and a LIMIT/OFFSET page over the rows of the two streams, found through
 *       the unique (aggregateIdentifier, sequenceNumber) index and sorted by globalIndex; the type filter is a
 *       LIKE on payloadType. Deep pages of a 100,000-event year cost the sort of all its rows (tens of ms).</li>
 *   <li>with a {@code from}/{@code to} effective-date filter: the effective date lives inside the JSON payload,
 *       not in a column, so every row of the two streams (after the type filter) is read and its payload
 *       scanned for {@code effectiveDate} with a streaming parser — O(events of the year) per request, roughly
 *       0.1–0.5 s for 100,000 events. If that becomes a problem, a projection can keep (globalIndex,
 *       effectiveDate) in an indexed table.</li>
 * </ul>
 */
@Service
public class EventLogQuery {

    public static final int DEFAULT_SIZE = 100;
    public static final int MAX_SIZE = 1000;
    private static final Pattern TYPE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,99}");

    /** One recorded event. {@code effectiveDate} is taken from the payload (null if it has none). */
    public record RecordedEvent(long globalSequence, String aggregateId, long sequenceNumber, String type,
            String payloadType, String revision, LocalDate effectiveDate, String recordedAt, JsonNode metadata,
            JsonNode payload) {
    }

    /** A page of events with the total matching the filter. */
    public record EventPage(String fiscalYearId, int page, int size, long totalElements, int totalPages,
            List<RecordedEvent> events) {
    }

    /** The filter: event type simple names (empty = all) and an inclusive effective-date range (nulls = open). */
    public record Filter(List<String> types, LocalDate from, LocalDate to) {

        public Filter {
            types = types == null ? List.of() : List.copyOf(types);
            for (String type : types) {
                if (!TYPE_NAME.matcher(type).matches()) {
                    throw new DomainException("type", "记录类型应为记录的英文简名，例如 ExpenditureRecorded: " + type);
                }
            }
            if (from != null && to != null && from.isAfter(to)) {
                throw new DomainException("from", "起始日期不能晚于截止日期: " + from + " > " + to);
            }
        }

        boolean hasDateRange() {
            return from != null || to != null;
        }

        boolean accepts(LocalDate effectiveDate) {
            if (!hasDateRange()) {
                return true;
            }
            if (effectiveDate == null) {
                return false;
            }
            return (from == null || !effectiveDate.isBefore(from)) && (to == null || !effectiveDate.isAfter(to));
        }
    }

    private final EventTable table;
    private final ObjectMapper objectMapper;

    public EventLogQuery(EventTable table, ObjectMapper objectMapper) {
        this.table = table;
        this.objectMapper = objectMapper;
    }

    /** True when the department-year's budget ledger has at least one event. */
    public boolean exists(FiscalYearId fiscalYearId) {
        return table.lastSequence(fiscalYearId.toString()).isPresent();
    }

    /** Number of events in one aggregate stream (its last sequence number + 1), 0 if none. */
    public long streamLength(String aggregateId) {
        return table.lastSequence(aggregateId).map(max -> max + 1).orElse(0L);
    }

    /** The payload of one stored event as JSON, if that event exists. */
    public java.util.Optional<JsonNode> payloadAt(String aggregateId, long sequenceNumber) {
        return table.event(aggregateId, sequenceNumber).map(row -> readTree(row.payload()));
    }

    public EventPage page(FiscalYearId fiscalYearId, Filter filter, int page, int size) {
        if (page < 0) {
            throw new DomainException("page", "页码从 0 开始，不能为负数: " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new DomainException("size", "每页条数应在 1 至 " + MAX_SIZE + " 之间: " + size);
        }
        EventTable.LogFilter where = new EventTable.LogFilter(List.of(fiscalYearId.toString(),
                fiscalYearId + "/evaluation"), filter.types());
        long total;
        List<RecordedEvent> events;
        if (!filter.hasDateRange()) {
            total = table.count(where);
            events = table.page(where, size, (long) page * size).stream().map(this::toEvent).toList();
        } else {
            List<Long> matching = new ArrayList<>();
            table.payloads(where, (globalIndex, payload) -> {
                if (filter.accepts(effectiveDate(payload))) {
                    matching.add(globalIndex);
                }
            });
            total = matching.size();
            long fromIndex = Math.min((long) page * size, total);
            List<Long> ids = matching.subList((int) fromIndex, (int) Math.min(fromIndex + size, total));
            events = table.byGlobalIndex(ids).stream().map(this::toEvent).toList();
        }
        int totalPages = (int) ((total + size - 1) / size);
        return new EventPage(fiscalYearId.toString(), page, size, total, totalPages, events);
    }

    private RecordedEvent toEvent(StoredEvent row) {
        JsonNode payloadNode = readTree(row.payload());
        JsonNode dateNode = payloadNode == null ? null : payloadNode.get("effectiveDate");
        LocalDate effectiveDate = null;
        if (dateNode != null && dateNode.isTextual()) {
            effectiveDate = parseDate(dateNode.asText());
        }
        return new RecordedEvent(row.globalIndex(), row.aggregateIdentifier(), row.sequenceNumber(),
                row.simpleType(), row.payloadType(), row.payloadRevision(), effectiveDate, row.timeStamp(),
                readTree(row.metaData()), payloadNode);
    }

    private JsonNode readTree(byte[] json) {
        if (json == null) {
            return null;
        }
        try {
            return objectMapper.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The top-level {@code effectiveDate} of a payload, found by streaming (without building a tree). */
    private LocalDate effectiveDate(byte[] payload) {
        if (payload == null) {
            return null;
        }
        try (JsonParser parser = objectMapper.getFactory().createParser(payload)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("effectiveDate".equals(name)) {
                    return value == JsonToken.VALUE_STRING ? parseDate(parser.getText()) : null;
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
