package cn.perfledger.app.backup;

import cn.perfledger.app.query.YearQueries;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.projections.basis.RecordedEvent;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import cn.perfledger.app.eventstore.EventTable;
import cn.perfledger.app.integrity.ExportIntegrity;
import cn.perfledger.app.integrity.IntegrityStatus;
import org.springframework.stereotype.Service;

/**
 * Writes events as a JSON-lines backup file ({@value #FORMAT}):
 * <pre>
 * {"format":"perf-ledger-events/1","exportedAt":"…","scope":"department-year","departmentId":"GZ-ZSJ",
 *  "fiscalYear":2021,"streams":[…],"eventCount":1234,"digestAlgorithm":"SHA-256","digest":"…"}
 * {"globalIndex":1,"aggregateIdentifier":"GZ-ZSJ","sequenceNumber":0,"type":"Department","eventIdentifier":"…",
 *  "timeStamp":"2026-…Z","payloadType":"cn.perfledger.domain.department.DepartmentEvent$DepartmentRegistered",
 *  "payloadRevision":"1","payload":{…},"metaData":{…}}
 * …
 * </pre>
 * One line per event in global order, each with everything needed to append it again exactly; {@code payload} and
 * {@code metaData} are the stored JSON bytes verbatim (not re-serialized), so an import stores the same bytes.
 * {@code digest} is the SHA-256 over the event lines, each as its UTF-8 bytes followed by {@code \n}: exactly the
 * bytes after the header line. The header comes first but is computed last: the lines are written to a temporary
 * file while hashing (one read of the store, consistent with itself), then the header and the file are streamed.
 *
 * <p>The header also carries {@code integrity} — the chain verified over the exported streams as they were read
 * ({@code {status, problems, …}}; a BROKEN store exports a file that says so) — and {@code heads}: each exported
 * stream's keyed head as stored ({@code aggregateId, sequenceNumber, chainHash, keyId, headMac}), so a restore can
 * tell a file whose last events were cut off.
 *
 * <p>A department-year export holds the streams needed to replay the year on its own: the department, the
 * year's budget ledger ({@code DEPT/YEAR}) and evaluation ({@code DEPT/YEAR/evaluation}), and the rubric versions
 * the year names.
 */
@Service
public class EventExport {

    public static final String FORMAT = "perf-ledger-events/1";

    private final EventTable table;
    private final YearQueries queries;
    private final ExportIntegrity integrity;
    private final ObjectMapper json;
    private final Clock clock;

    public EventExport(EventTable table, YearQueries queries, ExportIntegrity integrity, ObjectMapper json,
            Clock clock) {
        this.table = table;
        this.queries = queries;
        this.integrity = integrity;
        this.json = json;
        this.clock = clock;
    }

    /** The streams of a department-year export; 404 when the year has no events. */
    public List<String> streamsOf(FiscalYearId year) {
        TreeSet<String> streams = new TreeSet<>();
        streams.add(year.department().toString());
        for (RecordedEvent event : queries.events(year)) {
            streams.add(event.aggregateId());
        }
        return new ArrayList<>(streams);
    }

    /** An export written to a temporary file, its header known: the caller streams it, then closes it. */
    public static final class Prepared implements AutoCloseable {
        private final Path file;
        private final byte[] header;
        private final IntegrityStatus integrity;

        Prepared(Path file, byte[] header, IntegrityStatus integrity) {
            this.file = file;
            this.header = header;
            this.integrity = integrity;
        }

        /** The chain's integrity over the exported streams (also in the file's header). */
        public IntegrityStatus integrity() {
            return integrity;
        }

        public void transferTo(OutputStream out) {
            try (InputStream lines = Files.newInputStream(file)) {
                out.write(header);
                out.write('\n');
                lines.transferTo(out);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("export failed", e);
            }
        }

        @Override
        public void close() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file left behind is harmless
            }
        }
    }

    /** Exports one department-year (see the class comment for which streams). */
    public void exportYear(FiscalYearId year, OutputStream out) {
        try (Prepared prepared = prepareYear(year)) {
            prepared.transferTo(out);
        }
    }

    public Prepared prepareYear(FiscalYearId year) {
        List<String> streams = streamsOf(year);
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("scope", "department-year");
        header.put("departmentId", year.department().toString());
        header.put("fiscalYear", year.year().year());
        header.put("streams", streams);
        return write(header, streams);
    }

    /** Exports the whole event store. */
    public void exportAll(OutputStream out) {
        try (Prepared prepared = prepareAll()) {
            prepared.transferTo(out);
        }
    }

    public Prepared prepareAll() {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("scope", "all");
        return write(header, null);
    }

    private Prepared write(Map<String, Object> scope, List<String> streams) {
        Path temp = null;
        try {
            temp = Files.createTempFile("ledger-export-", ".jsonl");
            MessageDigest digest = sha256();
            long[] count = {0};
            String exportedAt = clock.instant().toString();
            ExportIntegrity.Check check = integrity.start(streams);
            try (OutputStream file = Files.newOutputStream(temp);
                    DigestOutputStream hashed = new DigestOutputStream(new java.io.BufferedOutputStream(file),
                            digest)) {
                table.inGlobalOrder(streams, row -> {
                    try {
                        check.accept(row);
                        writeLine(hashed, row.globalIndex(), row.aggregateIdentifier(), row.sequenceNumber(),
                                row.type(), row.eventIdentifier(), row.timeStamp(), row.payloadType(),
                                row.payloadRevision(), row.payload(), row.metaData());
                        count[0]++;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
            ExportIntegrity.Result verified = check.finish();
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("format", FORMAT);
            header.put("exportedAt", exportedAt);
            header.putAll(scope);
            header.put("eventCount", count[0]);
            header.put("digestAlgorithm", "SHA-256");
            header.put("digest", HexFormat.of().formatHex(digest.digest()));
            header.put("integrity", verified.status());
            header.put("heads", verified.heads());
            Prepared prepared = new Prepared(temp, json.writeValueAsBytes(header), verified.status());
            temp = null;
            return prepared;
        } catch (IOException e) {
            throw new UncheckedIOException("export failed", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }

    private void writeLine(OutputStream out, long globalIndex, String aggregateIdentifier, long sequenceNumber,
            String type, String eventIdentifier, String timeStamp, String payloadType, String payloadRevision,
            byte[] payload, byte[] metaData) throws IOException {
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream(512 + payload.length);
        try (JsonGenerator g = json.getFactory().createGenerator(line, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeNumberField("globalIndex", globalIndex);
            g.writeStringField("aggregateIdentifier", aggregateIdentifier);
            g.writeNumberField("sequenceNumber", sequenceNumber);
            g.writeStringField("type", type);
            g.writeStringField("eventIdentifier", eventIdentifier);
            g.writeStringField("timeStamp", timeStamp);
            g.writeStringField("payloadType", payloadType);
            g.writeStringField("payloadRevision", payloadRevision);
            g.writeFieldName("payload");
            g.writeRawValue(verbatimJson(payload, eventIdentifier, "payload"));
            g.writeFieldName("metaData");
            if (metaData == null) {
                g.writeNull();
            } else {
                g.writeRawValue(verbatimJson(metaData, eventIdentifier, "metaData"));
            }
            g.writeEndObject();
        }
        out.write(line.toByteArray());
        out.write('\n');
    }

    /** The stored bytes as a raw JSON value: they must be one JSON document on one line. */
    private String verbatimJson(byte[] bytes, String eventIdentifier, String column) throws IOException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            throw new IllegalStateException(column + " of event " + eventIdentifier + " spans several lines");
        }
        json.readTree(bytes); // refuses anything that is not JSON
        return text;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
