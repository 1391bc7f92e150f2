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
import cn.perfledger.app.eventstore.EventTable;
import cn.perfledger.app.eventstore.StoredEvent;
import cn.perfledger.app.integrity.ExportIntegrity;
import cn.perfledger.app.integrity.IntegrityReport;
import cn.perfledger.app.integrity.StreamHeads;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Restores an {@link EventExport} file: verifies it completely, then re-appends every event with plain JDBC in one
 * transaction (all or nothing).
 *
 * <p>Verified before anything is written: the header's format, the event count and the SHA-256 digest over the
 * event lines (a file changed by a single byte is refused), every line's required members, that each stream's
 * sequence numbers run 0, 1, 2, … without a gap, and the keyed chain of every stream with this installation's
 * keys against the keyed heads in the header (a file re-hashed without the key, or cut short, is refused naming
 * its first bad line). The restored streams get keyed heads in the same transaction. Refused with 409 when any of the file's streams (aggregate
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
            long firstGlobalIndex, long lastGlobalIndex, boolean alreadyPresent, long legacyUnkeyedEvents) {
    }


    private static final int MAX_LINE = 64 * 1024 * 1024;

    private final EventTable table;
    private final ExportIntegrity integrity;
    private final StreamHeads heads;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;

    public EventImport(EventTable table, ExportIntegrity integrity, StreamHeads heads,
            PlatformTransactionManager transactionManager, ObjectMapper json) {
        this.table = table;
        this.integrity = integrity;
        this.heads = heads;
        this.transaction = new TransactionTemplate(transactionManager);
        this.json = json;
    }

    /** Restores a file whose events are all keyed (and verify under this installation's keys). */
    public ImportReport importFrom(InputStream input) {
        return importFrom(input, false);
    }

    /**
     * Restores a file; {@code acceptLegacy}: events written before the keyed chain (an old backup) are accepted
     * as legacy if their unkeyed chain is intact, and anchored under keyed heads (an administrator's decision,
     * reported in {@code legacyUnkeyedEvents}).
     */
    public ImportReport importFrom(InputStream input, boolean acceptLegacy) {
        try {
            return read(new BufferedInputStream(input, 1 << 16), acceptLegacy);
        } catch (IOException e) {
            throw new UncheckedIOException("import failed", e);
        }
    }

    private ImportReport read(InputStream in, boolean acceptLegacy) throws IOException {
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
            throw new DomainException("header.eventCount", "文件头缺少记录数 eventCount");
        }
        String expectedDigest = header.path("digest").asText("");
        if (!"SHA-256".equals(header.path("digestAlgorithm").asText()) || !expectedDigest.matches("[0-9a-f]{64}")) {
            throw new DomainException("header.digest", "文件头缺少 SHA-256 摘要（64 位十六进制）");
        }

        MessageDigest digest = EventExport.sha256();
        List<StoredEvent> rows = new ArrayList<>();
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
            throw new DomainException("header.digest", "摘要不符：文件头为 " + expectedDigest + "，记录行计算为 "
                    + actualDigest + "；文件已损坏或被修改，未导入任何记录");
        }
        int lineNo = 1;
        for (byte[] eventLine : lines) {
            lineNo++;
            StoredEvent row = parse(eventLine, lineNo);
            long expected = nextSequence.getOrDefault(row.aggregateIdentifier(), 0L);
            if (row.sequenceNumber() != expected) {
                throw new DomainException("line " + lineNo + ".sequenceNumber", "记录链 " + row.aggregateIdentifier()
                        + " 的序号应为 " + expected + "，实际为 " + row.sequenceNumber() + "（文件不完整或顺序错误）");
            }
            nextSequence.put(row.aggregateIdentifier(), expected + 1);
            if (!eventIds.add(row.eventIdentifier())) {
                throw new DomainException("line " + lineNo + ".eventIdentifier", "记录标识重复: " + row.eventIdentifier());
            }
            streams.add(row.aggregateIdentifier());
            rows.add(row);
        }
        if (rows.size() != header.path("eventCount").asLong()) {
            throw new DomainException("header.eventCount", "记录数不符：文件头为 " + header.path("eventCount").asLong()
                    + "，文件中为 " + rows.size() + "；未导入任何记录");
        }
        if (rows.isEmpty()) {
            throw new DomainException("body", "文件中没有记录");
        }
        ExportIntegrity.Result verified = verifyChain(header, rows, acceptLegacy);
        long legacy = verified.status().legacyUnkeyedEvents();
        if (Boolean.TRUE.equals(transaction.execute(status -> allPresentIdentically(rows)))) {
            return new ImportReport(EventExport.FORMAT, header.path("scope").asText(null), rows.size(),
                    List.copyOf(streams), actualDigest, -1, -1, true, legacy);
        }
        long[] range = transaction.execute(status -> {
            refuseExisting(new ArrayList<>(streams), new ArrayList<>(eventIds));
            long before = table.maxGlobalIndex();
            table.insert(rows);
            // the restored streams get keyed heads here, in the same transaction as their rows
            verified.ends().forEach((stream, end) -> heads.insert(stream, end.lastSequence(), end.lastLink(),
                    end.legacyUpTo() >= 0 ? end.legacyUpTo() : null));
            long first = table.firstGlobalIndexAfter(before);
            long last = table.maxGlobalIndex();
            return new long[] {first, last == 0 ? -1 : last};
        });
        return new ImportReport(EventExport.FORMAT, header.path("scope").asText(null), rows.size(),
                List.copyOf(streams), actualDigest, range[0], range[1], false, legacy);
    }

    /**
     * Verifies the file's chain with this installation's keys and the heads its header carries; refuses the file
     * naming the line of the first problem.
     */
    private ExportIntegrity.Result verifyChain(JsonNode header, List<StoredEvent> rows, boolean acceptLegacy) {
        Map<String, StreamHeads.Head> fileHeads = new HashMap<>();
        for (JsonNode head : header.path("heads")) {
            String aggregate = head.path("aggregateId").asText(null);
            if (aggregate != null) {
                fileHeads.put(aggregate, new StreamHeads.Head(aggregate, head.path("sequenceNumber").asLong(-1),
                        head.path("chainHash").asText(""), head.path("keyId").asText(""),
                        head.path("headMac").asText(""), null, null));
            }
        }
        ExportIntegrity.Check check = integrity.startFile(fileHeads, acceptLegacy);
        Map<String, Integer> lineOf = new HashMap<>();
        Set<String> keyedStreams = new java.util.HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            StoredEvent row = rows.get(i);
            lineOf.put(row.aggregateIdentifier() + "#" + row.sequenceNumber(), i + 2);
            if (check.acceptRow(row)) {
                keyedStreams.add(row.aggregateIdentifier());
            }
        }
        ExportIntegrity.Result result = check.finish();
        for (IntegrityReport.ChainBreak problem : result.problems()) {
            if (problem.kind() == IntegrityReport.BreakKind.HEAD_MISSING && acceptLegacy
                    && problem.event() != null && !keyedStreams.contains(problem.event().aggregateId())) {
                continue; // a legacy-only stream of an old backup has no head: anchored on restore
            }
            Integer line = problem.event() == null ? null
                    : lineOf.get(problem.event().aggregateId() + "#" + problem.event().sequenceNumber());
            String hint = problem.kind() == IntegrityReport.BreakKind.UNKEYED_EVENT && !acceptLegacy
                    ? "（启用带密钥哈希链之前的旧备份：确认来源可信后以 acceptLegacy=true 导入）" : "";
            throw new DomainException(line == null ? "header.heads" : "line " + line, "记录链校验未通过，未导入任何记录："
                    + problem.rule() + hint);
        }
        return result;
    }

    /**
     * Re-running an import is a no-op: true when every event of the file is stored under its identifier, in the
     * same stream at the same sequence, with the same payload and metadata bytes — and the file's streams hold
     * nothing else. Anything in between (some events present, or different bytes) is a conflict, answered by
     * {@link #refuseExisting}.
     */
    private boolean allPresentIdentically(List<StoredEvent> rows) {
        Map<String, StoredEvent> byId = new HashMap<>();
        rows.forEach(row -> byId.put(row.eventIdentifier(), row));
        List<String> ids = new ArrayList<>(byId.keySet());
        int matching = 0;
        for (int i = 0; i < ids.size(); i += 500) {
            List<String> chunk = ids.subList(i, Math.min(ids.size(), i + EventTable.CHUNK));
            List<Boolean> same = table.byEventIdentifier(chunk).stream().map(stored -> {
                StoredEvent row = byId.get(stored.eventIdentifier());
                return row != null && row.aggregateIdentifier().equals(stored.aggregateIdentifier())
                        && row.sequenceNumber() == stored.sequenceNumber()
                        && Arrays.equals(row.payload(), stored.payload())
                        && Arrays.equals(row.metaData(), stored.metaData());
            }).toList();
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
            if (table.count(stream.getKey()) != stream.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void refuseExisting(List<String> streams, List<String> eventIds) {
        for (int i = 0; i < streams.size(); i += EventTable.CHUNK) {
            List<String> chunk = streams.subList(i, Math.min(streams.size(), i + EventTable.CHUNK));
            List<String> present = new ArrayList<>(table.existingStreams(chunk));
            chunk.stream().filter(s -> !present.contains(s) && heads.find(s).isPresent()).forEach(present::add);
            if (!present.isEmpty()) {
                throw new ConflictException("streams", "目标库中已存在这些记录链，导入只写入空库（或从未有过这些记录链的库），"
                        + "未导入任何记录: " + String.join(", ", present.subList(0, Math.min(10, present.size())))
                        + (present.size() > 10 ? " 等 " + present.size() + " 个" : ""));
            }
        }
        for (int i = 0; i < eventIds.size(); i += EventTable.CHUNK) {
            List<String> chunk = eventIds.subList(i, Math.min(eventIds.size(), i + EventTable.CHUNK));
            long present = table.countEventIdentifiers(chunk);
            if (present > 0) {
                throw new ConflictException("eventIdentifier", "目标库中已存在 " + present + " 条相同标识的记录，未导入任何记录");
            }
        }
    }

    /** One event line; payload and metaData are sliced out as the exact bytes of the file. */
    private StoredEvent parse(byte[] line, int lineNo) {
        String prefix = "line " + lineNo + ".";
        Map<String, Object> values = new HashMap<>();
        try (JsonParser p = json.getFactory().createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new DomainException("line " + lineNo, "记录行应为 JSON 对象");
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
                throw new DomainException("line " + lineNo, "记录行在对象之后还有内容");
            }
        } catch (IOException e) {
            throw new DomainException("line " + lineNo, "记录行不是 JSON: " + e.getMessage());
        }
        long globalIndex = values.get("globalIndex") instanceof Long n ? n : lineNo;
        return new StoredEvent(globalIndex, text(values, "aggregateIdentifier", prefix, true),
                number(values, "sequenceNumber", prefix), text(values, "type", prefix, false),
                text(values, "eventIdentifier", prefix, true), bytes(values, "metaData", prefix, false),
                bytes(values, "payload", prefix, true), text(values, "payloadRevision", prefix, false),
                text(values, "payloadType", prefix, true), text(values, "timeStamp", prefix, true));
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
