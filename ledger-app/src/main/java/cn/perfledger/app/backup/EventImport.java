package cn.perfledger.app.backup;

import cn.perfledger.domain.common.ConflictException;
import cn.perfledger.domain.common.DomainException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Restores an {@link EventExport} file: verifies it completely, then re-appends every event with plain JDBC in one
 * transaction (all or nothing).
 *
 * <p>Verified before anything is written: the header's format, the event count and the SHA-256 digest over the
 * event lines (a file changed by a single byte is refused), every line's required members, and that each stream's
 * sequence numbers run 0, 1, 2, … without a gap. Refused with 409 when any of the file's streams (aggregate
 * identifiers) or event identifiers already exist in this store: an import only fills an empty store, or
 * streams the store has never seen; it never merges into an existing stream.
 *
 * <p>Preserved exactly: aggregate identifier, sequence number, aggregate type, event identifier, timestamp,
 * payload type and revision, and the payload and metadata bytes. Not preserved: the global index, which the
 * target store assigns (in the file's order, so the relative order of all events is kept). Every query names its
 * basis by effective date and recording time ({@code asOf}, {@code knownAt}), never by global index, so a
 * restored year answers every basis query with the same figures; tracking processors of the target build their
 * read models from the restored events as from any other.
 */
@Service
public class EventImport {

    /**
     * What an import did. {@code alreadyPresent}: every event of the file was already in the store with the same
     * identity and bytes (the file was imported before), so nothing was written and the global indexes are -1.
     */
    public record ImportReport(String format, String scope, long eventCount, List<String> streams, String digest,
            long firstGlobalIndex, long lastGlobalIndex, boolean alreadyPresent) {
    }

    private record Row(String aggregateIdentifier, long sequenceNumber, String type, String eventIdentifier,
            String timeStamp, String payloadType, String payloadRevision, byte[] payload, byte[] metaData) {
    }

    private static final int MAX_LINE = 64 * 1024 * 1024;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;

    public EventImport(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, ObjectMapper json) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.json = json;
    }

    public ImportReport importFrom(InputStream input) {
        try {
            return read(new BufferedInputStream(input, 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException("import failed", e);
        }
    }

    private ImportReport read(InputStream in) throws IOException {
        byte[] headerLine = readLine(in, 0);
        if (headerLine == null || headerLine.length == 0) {
            throw new DomainException("header", "导入文件为空：第一行应为文件头（format " + EventExport.FORMAT + "）");
        }
        if (headerLine.length >= 3 && (headerLine[0] & 0xFF) == 0xEF && (headerLine[1] & 0xFF) == 0xBB
                && (headerLine[2] & 0xFF) == 0xBF) {
            headerLine = Arrays.copyOfRange(headerLine, 3, headerLine.length);
        }
        JsonNode header;
        try {
            header = json.readTree(headerLine);
        } catch (IOException e) {
            throw new DomainException("header", "第 1 行（文件头）不是 JSON: " + e.getMessage());
        }
        if (header == null || !header.isObject() || !EventExport.FORMAT.equals(header.path("format").asText())) {
            throw new DomainException("header.format", "文件格式应为 " + EventExport.FORMAT);
        }
        if (!header.path("eventCount").canConvertToLong() || header.path("eventCount").asLong() < 0) {
            throw new DomainException("header.eventCount", "文件头缺少事件数 eventCount");
        }
        String expectedDigest = header.path("digest").asText("");
        if (!"SHA-256".equals(header.path("digestAlgorithm").asText()) || !expectedDigest.matches("[0-9a-f]{64}")) {
            throw new DomainException("header.digest", "文件头缺少 SHA-256 摘要（64 位十六进制）");
        }

        MessageDigest digest = EventExport.sha256();
        List<Row> rows = new ArrayList<>();
        Map<String, Long> nextSequence = new HashMap<>();
        Set<String> streams = new LinkedHashSet<>();
        Set<String> eventIds = new java.util.HashSet<>();
        // the digest first: a changed file is refused as such before any of its lines is interpreted
        List<byte[]> lines = new ArrayList<>();
        byte[] line;
        while ((line = readLine(in, lines.size() + 1)) != null) {
            if (line.length == 0) {
                continue;
            }
            digest.update(line);
            digest.update((byte) '\n');
            lines.add(line);
        }
        String actualDigest = HexFormat.of().formatHex(digest.digest());
        if (!actualDigest.equals(expectedDigest)) {
            throw new DomainException("header.digest", "摘要不符：文件头为 " + expectedDigest + "，事件行计算为 "
                    + actualDigest + "；文件已损坏或被修改，未导入任何事件");
        }
        int lineNo = 1;
        for (byte[] eventLine : lines) {
            lineNo++;
            Row row = parse(eventLine, lineNo);
            long expected = nextSequence.getOrDefault(row.aggregateIdentifier(), 0L);
            if (row.sequenceNumber() != expected) {
                throw new DomainException("line " + lineNo + ".sequenceNumber", "事件流 " + row.aggregateIdentifier()
                        + " 的序号应为 " + expected + "，实际为 " + row.sequenceNumber() + "（文件不完整或顺序错误）");
            }
            nextSequence.put(row.aggregateIdentifier(), expected + 1);
            if (!eventIds.add(row.eventIdentifier())) {
                throw new DomainException("line " + lineNo + ".eventIdentifier", "事件标识重复: " + row.eventIdentifier());
            }
            streams.add(row.aggregateIdentifier());
            rows.add(row);
        }
        if (rows.size() != header.path("eventCount").asLong()) {
            throw new DomainException("header.eventCount", "事件数不符：文件头为 " + header.path("eventCount").asLong()
                    + "，文件中为 " + rows.size() + "；未导入任何事件");
        }
        if (rows.isEmpty()) {
            throw new DomainException("body", "文件中没有事件");
        }
        if (Boolean.TRUE.equals(transaction.execute(status -> allPresentIdentically(rows)))) {
            return new ImportReport(EventExport.FORMAT, header.path("scope").asText(null), rows.size(),
                    List.copyOf(streams), actualDigest, -1, -1, true);
        }
        long[] range = transaction.execute(status -> {
            refuseExisting(new ArrayList<>(streams), new ArrayList<>(eventIds));
            Long before = jdbc.queryForObject("SELECT COALESCE(MAX(globalIndex), 0) FROM DomainEventEntry",
                    Long.class);
            jdbc.batchUpdate("INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type,"
                    + " eventIdentifier, timeStamp, payloadType, payloadRevision, payload, metaData)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows, 1000, (ps, row) -> {
                        ps.setString(1, row.aggregateIdentifier());
                        ps.setLong(2, row.sequenceNumber());
                        ps.setString(3, row.type());
                        ps.setString(4, row.eventIdentifier());
                        ps.setString(5, row.timeStamp());
                        ps.setString(6, row.payloadType());
                        ps.setString(7, row.payloadRevision());
                        ps.setBytes(8, row.payload());
                        ps.setBytes(9, row.metaData());
                    });
            Long first = jdbc.queryForObject("SELECT MIN(globalIndex) FROM DomainEventEntry WHERE globalIndex > ?",
                    Long.class, before);
            Long last = jdbc.queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class);
            return new long[] {first == null ? -1 : first, last == null ? -1 : last};
        });
        return new ImportReport(EventExport.FORMAT, header.path("scope").asText(null), rows.size(),
                List.copyOf(streams), actualDigest, range[0], range[1], false);
    }

    /**
     * Re-running an import is a no-op: true when every event of the file is stored under its identifier, in the
     * same stream at the same sequence, with the same payload and metadata bytes — and the file's streams hold
     * nothing else. Anything in between (some events present, or different bytes) is a conflict, answered by
     * {@link #refuseExisting}.
     */
    private boolean allPresentIdentically(List<Row> rows) {
        Map<String, Row> byId = new HashMap<>();
        rows.forEach(row -> byId.put(row.eventIdentifier(), row));
        List<String> ids = new ArrayList<>(byId.keySet());
        int matching = 0;
        for (int i = 0; i < ids.size(); i += 500) {
            List<String> chunk = ids.subList(i, Math.min(ids.size(), i + 500));
            List<Boolean> same = jdbc.query("SELECT eventIdentifier, aggregateIdentifier, sequenceNumber, payload, metaData"
                    + " FROM DomainEventEntry WHERE eventIdentifier IN (" + placeholders(chunk.size()) + ")",
                    (rs, n) -> {
                        Row row = byId.get(rs.getString(1));
                        return row != null && row.aggregateIdentifier().equals(rs.getString(2))
                                && row.sequenceNumber() == rs.getLong(3) && Arrays.equals(row.payload(), rs.getBytes(4))
                                && Arrays.equals(row.metaData(), rs.getBytes(5));
                    }, chunk.toArray());
            if (same.size() != chunk.size() || same.contains(Boolean.FALSE)) {
                return false;
            }
            matching += same.size();
        }
        if (matching != rows.size()) {
            return false;
        }
        Map<String, Long> perStream = new HashMap<>();
        rows.forEach(row -> perStream.merge(row.aggregateIdentifier(), 1L, Long::sum));
        for (Map.Entry<String, Long> stream : perStream.entrySet()) {
            Long stored = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                    Long.class, stream.getKey());
            if (stored == null || !stored.equals(stream.getValue())) {
                return false;
            }
        }
        return true;
    }

    private void refuseExisting(List<String> streams, List<String> eventIds) {
        for (int i = 0; i < streams.size(); i += 500) {
            List<String> chunk = streams.subList(i, Math.min(streams.size(), i + 500));
            List<String> present = jdbc.queryForList("SELECT DISTINCT aggregateIdentifier FROM DomainEventEntry"
                    + " WHERE aggregateIdentifier IN (" + placeholders(chunk.size()) + ")", String.class,
                    chunk.toArray());
            if (!present.isEmpty()) {
                throw new ConflictException("streams", "目标库中已存在这些事件流，导入只写入空库（或从未有过这些事件流的库），"
                        + "未导入任何事件: " + String.join(", ", present.subList(0, Math.min(10, present.size())))
                        + (present.size() > 10 ? " 等 " + present.size() + " 个" : ""));
            }
        }
        for (int i = 0; i < eventIds.size(); i += 500) {
            List<String> chunk = eventIds.subList(i, Math.min(eventIds.size(), i + 500));
            Long present = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE eventIdentifier IN ("
                    + placeholders(chunk.size()) + ")", Long.class, chunk.toArray());
            if (present != null && present > 0) {
                throw new ConflictException("eventIdentifier", "目标库中已存在 " + present + " 个相同标识的事件，未导入任何事件");
            }
        }
    }

    private static String placeholders(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    /** One event line; payload and metaData are sliced out as the exact bytes of the file. */
    private Row parse(byte[] line, int lineNo) {
        String prefix = "line " + lineNo + ".";
        Map<String, Object> values = new HashMap<>();
        try (JsonParser p = json.getFactory().createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new DomainException("line " + lineNo, "事件行应为 JSON 对象");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken token = p.nextToken();
                if ((name.equals("payload") || name.equals("metaData")) && token == JsonToken.START_OBJECT) {
                    int start = (int) p.currentTokenLocation().getByteOffset();
                    p.skipChildren();
                    int end = (int) p.currentLocation().getByteOffset();
                    values.put(name, Arrays.copyOfRange(line, start, end));
                } else if (token == JsonToken.VALUE_NULL) {
                    values.put(name, null);
                } else if (token.isScalarValue()) {
                    values.put(name, token == JsonToken.VALUE_NUMBER_INT ? (Object) p.getLongValue() : p.getText());
                } else {
                    p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw new DomainException("line " + lineNo, "事件行在对象之后还有内容");
            }
        } catch (IOException e) {
            throw new DomainException("line " + lineNo, "事件行不是 JSON: " + e.getMessage());
        }
        return new Row(text(values, "aggregateIdentifier", prefix, true), number(values, "sequenceNumber", prefix),
                text(values, "type", prefix, false), text(values, "eventIdentifier", prefix, true),
                text(values, "timeStamp", prefix, true), text(values, "payloadType", prefix, true),
                text(values, "payloadRevision", prefix, false), bytes(values, "payload", prefix, true),
                bytes(values, "metaData", prefix, false));
    }

    private static String text(Map<String, Object> values, String name, String prefix, boolean required) {
        Object value = values.get(name);
        if (value == null) {
            if (required) {
                throw new DomainException(prefix + name, "缺少必填项");
            }
            return null;
        }
        if (!(value instanceof String s) || s.isEmpty() || s.length() > 255) {
            throw new DomainException(prefix + name, "应为 1–255 个字符的字符串");
        }
        return s;
    }

    private static long number(Map<String, Object> values, String name, String prefix) {
        if (!(values.get(name) instanceof Long n) || n < 0) {
            throw new DomainException(prefix + name, "应为非负整数");
        }
        return n;
    }

    private static byte[] bytes(Map<String, Object> values, String name, String prefix, boolean required) {
        Object value = values.get(name);
        if (value == null && !required) {
            return null;
        }
        if (!(value instanceof byte[] b)) {
            throw new DomainException(prefix + name, "应为 JSON 对象");
        }
        return b;
    }

    /** The next line without its line break; null at the end of the input. */
    private static byte[] readLine(InputStream in, int lineNo) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
        int b;
        boolean any = false;
        while ((b = in.read()) != -1) {
            any = true;
            if (b == '\n') {
                break;
            }
            if (line.size() >= MAX_LINE) {
                throw new DomainException("line " + (lineNo + 1), "行过长（超过 64 MB）");
            }
            line.write(b);
        }
        if (!any) {
            return null;
        }
        byte[] bytes = line.toByteArray();
        if (bytes.length > 0 && bytes[bytes.length - 1] == '\r') {
            throw new DomainException("line " + (lineNo + 1), "行以 CRLF 结尾：文件被改写过（导出文件只用 LF）");
        }
        return bytes;
    }
}
