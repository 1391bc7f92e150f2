package cn.perfledger.app.eventlog;

import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.FiscalYearId;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The events of one department-year: its budget ledger stream ({@code DEPT/2021}) and its evaluation stream
 * ({@code DEPT/2021/evaluation}), in global order, read with plain JDBC from Axon's {@code DomainEventEntry}.
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
    private static final String COLUMNS = "globalIndex, aggregateIdentifier, sequenceNumber, payloadType,"
            + " payloadRevision, timeStamp, metaData, payload";

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
                    throw new DomainException("type", "事件类型应为事件的英文简名，例如 ExpenditureRecorded: " + type);
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

    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;

    public EventLogQuery(JdbcTemplate jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    /** True when the department-year's budget ledger has at least one event. */
    public boolean exists(FiscalYearId fiscalYearId) {
        Long max = jdbc.queryForObject("SELECT MAX(sequenceNumber) FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                Long.class, fiscalYearId.toString());
        return max != null;
    }

    /** Number of events in one aggregate stream (its last sequence number + 1), 0 if none. */
    public long streamLength(String aggregateId) {
        Long max = jdbc.queryForObject("SELECT MAX(sequenceNumber) FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                Long.class, aggregateId);
        return max == null ? 0 : max + 1;
    }

    /** The payload of one stored event as JSON, if that event exists. */
    public java.util.Optional<JsonNode> payloadAt(String aggregateId, long sequenceNumber) {
        return jdbc.query("SELECT payload FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = ?",
                (rs, i) -> readTree(rs.getBytes(1)), aggregateId, sequenceNumber).stream().findFirst();
    }

    public EventPage page(FiscalYearId fiscalYearId, Filter filter, int page, int size) {
        if (page < 0) {
            throw new DomainException("page", "页码从 0 开始，不能为负数: " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new DomainException("size", "每页条数应在 1 至 " + MAX_SIZE + " 之间: " + size);
        }
        List<Object> args = new ArrayList<>();
        String where = where(fiscalYearId, filter, args);
        long total;
        List<RecordedEvent> events;
        if (!filter.hasDateRange()) {
            Long count = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry" + where, Long.class,
                    args.toArray());
            total = count == null ? 0 : count;
            List<Object> pageArgs = new ArrayList<>(args);
            pageArgs.add(size);
            pageArgs.add((long) page * size);
            events = jdbc.query("SELECT " + COLUMNS + " FROM DomainEventEntry" + where
                    + " ORDER BY globalIndex LIMIT ? OFFSET ?", (rs, i) -> toEvent(rs), pageArgs.toArray());
        } else {
            List<Long> matching = new ArrayList<>();
            jdbc.query(con -> {
                var statement = con.prepareStatement("SELECT globalIndex, payload FROM DomainEventEntry" + where
                        + " ORDER BY globalIndex");
                statement.setFetchSize(1000);
                for (int i = 0; i < args.size(); i++) {
                    statement.setObject(i + 1, args.get(i));
                }
                return statement;
            }, rs -> {
                if (filter.accepts(effectiveDate(rs.getBytes(2)))) {
                    matching.add(rs.getLong(1));
                }
            });
            total = matching.size();
            long fromIndex = Math.min((long) page * size, total);
            List<Long> ids = matching.subList((int) fromIndex, (int) Math.min(fromIndex + size, total));
            events = ids.isEmpty() ? Collections.emptyList() : jdbc.query("SELECT " + COLUMNS
                    + " FROM DomainEventEntry WHERE globalIndex IN ("
                    + String.join(",", Collections.nCopies(ids.size(), "?")) + ") ORDER BY globalIndex",
                    (rs, i) -> toEvent(rs), ids.toArray());
        }
        int totalPages = (int) ((total + size - 1) / size);
        return new EventPage(fiscalYearId.toString(), page, size, total, totalPages, events);
    }

    private static String where(FiscalYearId fiscalYearId, Filter filter, List<Object> args) {
        StringBuilder where = new StringBuilder(" WHERE aggregateIdentifier IN (?, ?)");
        args.add(fiscalYearId.toString());
        args.add(fiscalYearId + "/evaluation");
        if (!filter.types().isEmpty()) {
            where.append(" AND (");
            for (int i = 0; i < filter.types().size(); i++) {
                if (i > 0) {
                    where.append(" OR ");
                }
                // nested record types are stored as Outer$Name, top-level ones as package.Name
                where.append("payloadType LIKE ? OR payloadType LIKE ?");
                args.add("%$" + filter.types().get(i));
                args.add("%." + filter.types().get(i));
            }
            where.append(')');
        }
        return where.toString();
    }

    private RecordedEvent toEvent(ResultSet rs) throws SQLException {
        String payloadType = rs.getString("payloadType");
        byte[] payload = rs.getBytes("payload");
        byte[] metaData = rs.getBytes("metaData");
        JsonNode payloadNode = readTree(payload);
        JsonNode dateNode = payloadNode == null ? null : payloadNode.get("effectiveDate");
        LocalDate effectiveDate = null;
        if (dateNode != null && dateNode.isTextual()) {
            effectiveDate = parseDate(dateNode.asText());
        }
        return new RecordedEvent(rs.getLong("globalIndex"), rs.getString("aggregateIdentifier"),
                rs.getLong("sequenceNumber"), simpleName(payloadType), payloadType, rs.getString("payloadRevision"),
                effectiveDate, rs.getString("timeStamp"), readTree(metaData), payloadNode);
    }

    static String simpleName(String payloadType) {
        int cut = Math.max(payloadType.lastIndexOf('$'), payloadType.lastIndexOf('.'));
        return payloadType.substring(cut + 1);
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
