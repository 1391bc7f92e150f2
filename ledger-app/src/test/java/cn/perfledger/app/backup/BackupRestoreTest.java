package cn.perfledger.app.backup;

import cn.perfledger.app.support.TestUsers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import cn.perfledger.app.LedgerApplication;
import cn.perfledger.app.demo.DemoDataLoader;
import cn.perfledger.app.query.CanonicalJson;
import cn.perfledger.app.query.YearQueries;
import cn.perfledger.app.support.H2FileContext;
import cn.perfledger.app.support.TestDatabases;
import cn.perfledger.domain.common.FiscalYearId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Exports a demo year from the shared H2 store, imports it into a FRESH store (a second application on a new H2
 * directory, over real HTTP) and shows that the year's figures at the same basis are identical: execution,
 * carry-over, indicators and the scored self-evaluation, compared by the SHA-256 of their canonical JSON.
 */
@SpringBootTest
@AutoConfigureMockMvc
class BackupRestoreTest implements H2FileContext {

    private static final FiscalYearId YEAR = FiscalYearId.of("GZ-ZSJ", 2021);
    private static final Instant FAR_FUTURE = Instant.parse("9999-01-01T00:00:00Z");

    @Autowired
    MockMvc mvc;
    @Autowired
    DemoDataLoader loader;
    @Autowired
    YearQueries queries;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper objectMapper;

    @Test
    void exportedYear_restoredIntoAFreshStore_givesIdenticalFigures() throws Exception {
        loader.loadAll(); // idempotent
        byte[] file = mvc.perform(get("/api/v1/departments/GZ-ZSJ/years/2021/export")).andReturn().getResponse()
                .getContentAsByteArray();
        String text = new String(file, StandardCharsets.UTF_8);
        int firstBreak = 0; // a byte index: the header holds Chinese text (its integrity summary)
        while (file[firstBreak] != '\n') {
            firstBreak++;
        }
        JsonNode header = objectMapper.readTree(java.util.Arrays.copyOfRange(file, 0, firstBreak));
        byte[] lines = java.util.Arrays.copyOfRange(file, firstBreak + 1, file.length);
        assertThat(header.get("format").asText()).isEqualTo(EventExport.FORMAT);
        assertThat(header.get("fiscalYear").asInt()).isEqualTo(2021);
        assertThat(header.get("digest").asText())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(lines)));
        long count = header.get("eventCount").asLong();
        assertThat(text.split("\n")).hasSize((int) count + 1);
        assertThat(header.get("streams").toString()).contains("GZ-ZSJ/2021", "GZ-ZSJ/2021/evaluation",
                "gz-municipal-2021@1");
        assertThat(header.get("integrity").get("status").asText()).isEqualTo("INTACT");
        assertThat(header.get("heads").findValuesAsText("aggregateId")).contains("GZ-ZSJ/2021", "GZ-ZSJ");
        Map<String, String> figures = figures(queries, jdbc, header.get("streams"));

        // the file's events are all here already: importing it into this store is a reported no-op (multipart form)
        long rowsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
        var again = mvc.perform(multipart("/api/v1/import").file(new MockMultipartFile("file", "backup.jsonl",
                "application/x-ndjson", file))).andReturn().getResponse();
        assertThat(again.getStatus()).isEqualTo(200);
        assertThat(objectMapper.readTree(again.getContentAsString(StandardCharsets.UTF_8)).get("alreadyPresent")
                .asBoolean()).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class)).isEqualTo(rowsBefore);

        Path dir = TestDatabases.tempDir("ledger-restore-");
        try (ConfigurableApplicationContext fresh = new SpringApplicationBuilder(LedgerApplication.class)
                .run("--ledger.data-dir=" + dir, "--ledger.demo.load-on-start=false", "--server.port=0",
                        "--spring.main.banner-mode=off")) {
            int port = fresh.getEnvironment().getProperty("local.server.port", Integer.class);
            JdbcTemplate freshJdbc = fresh.getBean(JdbcTemplate.class);
            assertThat(freshJdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class)).isZero();

            // one changed byte: refused by the digest, nothing written
            byte[] tampered = file.clone();
            int at = new String(file, StandardCharsets.ISO_8859_1).indexOf("\"amount\":\"") + 11;
            tampered[at] = (byte) (tampered[at] == '1' ? '2' : '1');
            HttpResponse<String> refused = postImport(port, tampered);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(objectMapper.readTree(refused.body()).get("field").asText()).isEqualTo("header.digest");
            assertThat(freshJdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class)).isZero();

            // a file re-hashed without the key (amount changed, header digest recomputed): refused by the chain,
            // naming the line; a file cut short (its last voucher removed, count and digest recomputed): refused
            // by the stream's keyed head in the header
            List<String> eventLines = new java.util.ArrayList<>(List.of(new String(lines, StandardCharsets.UTF_8)
                    .split("\n")));
            int voucher = -1;
            for (int i = 0; i < eventLines.size(); i++) {
                if (eventLines.get(i).contains("ExpenditureRecorded") && eventLines.get(i).contains("\"amount\":\"")) {
                    voucher = i;
                    break;
                }
            }
            List<String> rehashed = new java.util.ArrayList<>(eventLines);
            rehashed.set(voucher, rehashed.get(voucher).replaceFirst("\"amount\":\"(\\d)", "\"amount\":\"9$1"));
            HttpResponse<String> forged = postImport(port, withHeader(header, rehashed));
            assertThat(forged.statusCode()).as(forged.body()).isEqualTo(400);
            assertThat(objectMapper.readTree(forged.body()).get("field").asText()).isEqualTo("line " + (voucher + 2));
            assertThat(objectMapper.readTree(forged.body()).get("rule").asText()).contains("记录链校验未通过");
            int last = -1;
            for (int i = 0; i < eventLines.size(); i++) {
                if (eventLines.get(i).contains("\"aggregateIdentifier\":\"GZ-ZSJ/2021\"")) {
                    last = i;
                }
            }
            List<String> cut = new java.util.ArrayList<>(eventLines);
            cut.remove(last);
            HttpResponse<String> truncated = postImport(port, withHeader(header, cut));
            assertThat(truncated.statusCode()).as(truncated.body()).isEqualTo(400);
            assertThat(objectMapper.readTree(truncated.body()).get("rule").asText()).contains("末尾的记录被删除");
            assertThat(freshJdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class)).isZero();
            System.out.println("[backup] restore refused a re-hashed file at line " + (voucher + 2)
                    + " and a file cut short: " + objectMapper.readTree(truncated.body()).get("field").asText());

            HttpResponse<String> restored = postImport(port, file);
            assertThat(restored.statusCode()).as(restored.body()).isEqualTo(201);
            assertThat(objectMapper.readTree(restored.body()).get("eventCount").asLong()).isEqualTo(count);
            long restoredRows = freshJdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
            HttpResponse<String> rerun = postImport(port, file);
            assertThat(rerun.statusCode()).as("re-running the import is a no-op").isEqualTo(200);
            assertThat(objectMapper.readTree(rerun.body()).get("alreadyPresent").asBoolean()).isTrue();
            assertThat(freshJdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class))
                    .isEqualTo(restoredRows);

            // identical bytes for every event, identical figures at the same basis
            assertThat(storedEvents(freshJdbc)).isEqualTo(storedEvents(jdbc, header.get("streams")));
            Map<String, String> restoredFigures = figures(fresh.getBean(YearQueries.class), freshJdbc,
                    header.get("streams"));
            System.out.println("[backup] exported " + count + " events (" + file.length + " bytes, digest "
                    + header.get("digest").asText().substring(0, 16) + "…); restored figures " + restoredFigures);
            assertThat(restoredFigures).isEqualTo(figures);
        }
    }

    /** A file with these event lines under the given header, its event count and SHA-256 digest recomputed. */
    private byte[] withHeader(JsonNode header, List<String> eventLines) throws Exception {
        StringBuilder body = new StringBuilder();
        eventLines.forEach(line -> body.append(line).append('\n'));
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        com.fasterxml.jackson.databind.node.ObjectNode edited = header.deepCopy();
        edited.put("eventCount", eventLines.size());
        edited.put("digest", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(objectMapper.writeValueAsBytes(edited));
        out.write('\n');
        out.write(bytes);
        return out.toByteArray();
    }

    private static HttpResponse<String> postImport(int port, byte[] body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/import")).header("Authorization", TestUsers.basicHeader()).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Digests of the year's figures at one basis (year end, known at a far future instant). Results that refer to
     * an event by its global index (e.g. an adjustment's {@code globalSequence} in the execution report) name it by
     * its rank among the exported streams' events instead: a restore renumbers global indexes (documented) but
     * keeps their order, so the ranks — and every figure — must be identical.
     */
    private static Map<String, String> figures(YearQueries q, JdbcTemplate jdbc, JsonNode streams) {
        List<String> names = new java.util.ArrayList<>();
        streams.forEach(s -> names.add(s.asText()));
        List<Long> order = jdbc.queryForList("SELECT globalIndex FROM DomainEventEntry WHERE aggregateIdentifier IN ("
                + String.join(",", java.util.Collections.nCopies(names.size(), "?")) + ") ORDER BY globalIndex",
                Long.class, names.toArray());
        Map<Long, Integer> rank = new java.util.HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            rank.put(order.get(i), i);
        }
        Map<String, String> digests = new LinkedHashMap<>();
        digests.put("execution", digest(q.execution(YEAR, null, FAR_FUTURE).result(), rank));
        digests.put("carryOver", digest(q.carryOver(YEAR, null, FAR_FUTURE).result(), rank));
        digests.put("indicators", digest(q.indicators(YEAR, null, FAR_FUTURE).result(), rank));
        digests.put("evaluation", digest(q.evaluation(YEAR, null, FAR_FUTURE).result(), rank));
        return digests;
    }

    private static String digest(Object result, Map<Long, Integer> rank) {
        String json = new String(CanonicalJson.bytes(result), StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"(globalSequence|lastGlobalSequence)\":(\\d+)")
                .matcher(json);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Integer r = rank.get(Long.parseLong(m.group(2)));
            m.appendReplacement(out, "\"" + m.group(1) + "\":\"rank-" + (r == null ? "unknown" : r) + "\"");
        }
        m.appendTail(out);
        return CanonicalJson.sha256(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> storedEvents(JdbcTemplate jdbc) {
        return jdbc.query("SELECT aggregateIdentifier, sequenceNumber, type, eventIdentifier, timeStamp,"
                + " payloadType, payloadRevision, payload, metaData FROM DomainEventEntry ORDER BY globalIndex",
                (rs, i) -> rs.getString(1) + "|" + rs.getLong(2) + "|" + rs.getString(3) + "|" + rs.getString(4)
                        + "|" + rs.getString(5) + "|" + rs.getString(6) + "|" + rs.getString(7) + "|"
                        + HexFormat.of().formatHex(rs.getBytes(8)) + "|"
                        + (rs.getBytes(9) == null ? "" : HexFormat.of().formatHex(rs.getBytes(9))));
    }

    private static List<String> storedEvents(JdbcTemplate jdbc, JsonNode streams) {
        List<String> names = new java.util.ArrayList<>();
        streams.forEach(s -> names.add(s.asText()));
        return storedEvents(jdbc).stream().filter(line -> names.contains(line.substring(0, line.indexOf('|'))))
                .toList();
    }
}
