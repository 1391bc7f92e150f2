package cn.perfledger.app.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.perfledger.app.axon.BoundedAggregateCache;
import cn.perfledger.app.axon.SnapshotExecutor;
import cn.perfledger.app.history.EventHistory;
import cn.perfledger.app.query.YearQueries;
import cn.perfledger.domain.budget.BudgetLedger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * One test per tamper kind (issue 10 point 3), each on a department-year of its own written through the API with a
 * rubric version of its own: the database is changed the way someone with write access to it alone would, the
 * caches are dropped (as after a restart), and then
 * <ul>
 *   <li>the tampering must be <b>detected and named</b>: a problem of the expected kind at the expected stream and
 *       sequence number in the answers' {@code integrity} (or in the refusal);</li>
 *   <li>no figure endpoint — execution, evaluation, carry-over, indicators, reconciliation, the stored figures,
 *       export.xlsx, the directory — may serve its numbers <b>silently</b> (200 without BROKEN).</li>
 * </ul>
 * Each test adds its row to the matrix printed after the class ({@code [tamper-matrix]} lines, kind × store).
 */
abstract class TamperMatrixScenarios {

    private static final Map<String, Map<String, String>> MATRIX = new ConcurrentHashMap<>();

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected ObjectMapper json;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    private EventHistory history;
    @Autowired
    private YearQueries queries;
    @Autowired
    private IntegritySeals seals;
    @Autowired
    private BoundedAggregateCache budgetLedgerCache;
    @Autowired
    private ChainHeads chainHeads;
    @Autowired
    private AggregateSnapshotter snapshotter;
    @Autowired
    private SnapshotExecutor snapshotExecutor;
    @Autowired
    private EventStorageEngine storageEngine;

    /** The store's name in the matrix. */
    abstract String store();

    private String dept;
    private String rubric;

    @AfterEach
    void forget() {
        history.clear();
        queries.clear();
    }

    @AfterAll
    static void printMatrix() {
        System.out.println("[tamper-matrix] kind | store | detected (named) | figure endpoints served silently");
        new TreeMap<>(MATRIX).forEach((kind, stores) -> new TreeMap<>(stores).forEach((store, outcome) ->
                System.out.println("[tamper-matrix] " + kind + " | " + store + " | " + outcome)));
    }

    // ---- the ten kinds ----

    @Test
    void amountChanged() throws Exception {
        writeYear();
        editPayload(ledger(), 5, p -> p.replace("\"1234.50\"", "\"9234.50\""));
        expectDetected("amount changed", ledger(), 5L, "HASH_MISMATCH");
    }

    @Test
    void middleEventDeleted() throws Exception {
        writeYear();
        jdbc.update("DELETE FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = 6", ledger());
        expectDetected("middle event deleted", ledger(), 6L, "SEQUENCE_GAP");
    }

    @Test
    void lastEventsDeleted() throws Exception {
        writeYear();
        jdbc.update("DELETE FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber >= 7", ledger());
        expectDetected("last events deleted", ledger(), 7L, "TRUNCATED");
    }

    @Test
    void twoPayloadsSwapped() throws Exception {
        writeYear();
        Map<String, Object> six = row(ledger(), 6);
        Map<String, Object> seven = row(ledger(), 7);
        jdbc.update("UPDATE DomainEventEntry SET payload = ? WHERE eventIdentifier = ?", seven.get("P"), six.get("ID"));
        jdbc.update("UPDATE DomainEventEntry SET payload = ? WHERE eventIdentifier = ?", six.get("P"), seven.get("ID"));
        expectDetected("two payloads swapped", ledger(), 6L, "HASH_MISMATCH");
    }

    @Test
    void payloadChangedAndHashRecomputedWithoutTheKey() throws Exception {
        writeYear();
        TamperKit.rewriteAndRehash(jdbc, json, ledger(), 5, p -> p.replace("\"1234.50\"", "\"9234.50\""));
        expectDetected("payload changed, hash recomputed", ledger(), 5L, "HASH_MISMATCH");
    }

    @Test
    void wholeStreamDeleted() throws Exception {
        writeYear();
        String evaluation = ledger() + "/evaluation";
        jdbc.update("DELETE FROM DomainEventEntry WHERE aggregateIdentifier = ?", evaluation);
        jdbc.update("DELETE FROM stream_head WHERE aggregate_identifier = ?", evaluation);
        expectDetected("whole stream deleted (with its head)", evaluation, 0L, "STREAM_DELETED");
    }

    @Test
    void rubricChangedAndHashRecomputed() throws Exception {
        writeYear();
        TamperKit.rewriteAndRehash(jdbc, json, rubric, 0, p -> p.replaceFirst("\"weight\":45\\.00", "\"weight\":55.00")
                .replaceFirst("\"weight\":45\\.0", "\"weight\":55.0").replaceFirst("\"weight\":45,", "\"weight\":55,"));
        assertThat(new String((byte[]) row(rubric, 0).get("P"), StandardCharsets.UTF_8)).contains("55");
        expectDetected("rubric changed, hash recomputed", rubric, 0L, "HASH_MISMATCH");
    }

    @Test
    void metadataUserChanged() throws Exception {
        writeYear();
        Map<String, Object> target = row(ledger(), 3);
        ObjectNode metaData = (ObjectNode) json.readTree((byte[]) target.get("M"));
        metaData.put("user", "someone-else");
        jdbc.update("UPDATE DomainEventEntry SET metaData = ? WHERE eventIdentifier = ?", json.writeValueAsBytes(metaData),
                target.get("ID"));
        expectDetected("metadata user changed", ledger(), 3L, "HASH_MISMATCH");
    }

    /** A snapshot decides commands: an edited one must be discarded, so the clerk still cannot overspend. */
    @Test
    void snapshotEdited() throws Exception {
        writeYear();
        snapshotter.scheduleSnapshot(BudgetLedger.class, ledger());
        snapshotExecutor.awaitIdle(30, TimeUnit.SECONDS);
        Map<String, Object> snapshot = jdbc.queryForMap("SELECT sequenceNumber AS seq, payload AS p FROM SnapshotEventEntry"
                + " WHERE aggregateIdentifier = ?", ledger());
        assertThat(storageEngine.readSnapshot(ledger())).as("the genuine snapshot is used").isPresent();
        String payload = new String((byte[]) snapshot.get("P"), StandardCharsets.UTF_8);
        // the snapshot holds each line's available budget in fen: give line L1 9,000,000.00
        assertThat(payload).contains("\"availableFen\":10000000");
        jdbc.update("UPDATE SnapshotEventEntry SET payload = ? WHERE aggregateIdentifier = ?",
                payload.replace("\"availableFen\":10000000", "\"availableFen\":900000000")
                        .getBytes(StandardCharsets.UTF_8), ledger());
        budgetLedgerCache.removeAll();

        boolean discarded = storageEngine.readSnapshot(ledger()).isEmpty();
        MockHttpServletResponse overspend = postJson(year() + "/expenditures", """
                {"voucherNo":"记-9999","lineId":"L1","amount":"5000000.00","effectiveDate":"2021-09-01"}""");
        assertThat(discarded).as("the edited snapshot is discarded").isTrue();
        assertThat(overspend.getStatus()).as("a clerk cannot spend 5,000,000 on a line budgeted 100,000: "
                + overspend.getContentAsString(StandardCharsets.UTF_8)).isBetween(400, 499);
        record("snapshot edited", "detected: " + ledger() + "#" + snapshot.get("SEQ")
                + " snapshot discarded, aggregate rebuilt from events | decision: overspend refused ("
                + overspend.getStatus() + ")");
    }

    /** A year_figures row and a directory row edited: neither is served; the answers come from the events. */
    @Test
    void readModelRowEdited() throws Exception {
        writeYear();
        JsonNode stored = awaitStoredFigures();
        assertThat(stored.get("source").asText()).isEqualTo("read-model");
        String genuineTotal = stored.get("execution").get("total").get("executed").asText();
        String storedExecution = jdbc.queryForObject("SELECT execution_json FROM year_figures WHERE fiscal_year_id = ?",
                String.class, ledger());
        jdbc.update("UPDATE year_figures SET execution_json = ? WHERE fiscal_year_id = ?",
                storedExecution.replace(genuineTotal, "8888888.88"), ledger());
        jdbc.update("UPDATE department_directory SET name = ? WHERE department_id = ?", "篡改后的部门名", dept);

        JsonNode figures = getJson(year() + "/figures");
        boolean figuresDetected = figures.get("source").asText().equals("replay")
                && named(figures.get("integrity"), "year_figures:" + ledger(), null, "READ_MODEL_ALTERED");
        boolean figuresSilent = figures.toString().contains("8888888.88");
        JsonNode directory = getJson("/api/v1/departments/" + dept);
        boolean directoryDetected = named(directory.get("integrity"), "department_directory:" + dept, null,
                "READ_MODEL_ALTERED");
        boolean directorySilent = directory.toString().contains("篡改后的部门名");
        assertThat(figuresDetected).as(figures.toString()).isTrue();
        assertThat(directoryDetected).as(directory.toString()).isTrue();
        assertThat(figuresSilent || directorySilent).as("tampered read-model values served").isFalse();
        assertThat(figures.get("execution").get("total").get("executed").asText()).isEqualTo(genuineTotal);
        // put the rows back: other tests of the shared store compare the read models with rebuilt ones
        jdbc.update("UPDATE year_figures SET execution_json = ? WHERE fiscal_year_id = ?", storedExecution, ledger());
        jdbc.update("UPDATE department_directory SET name = ? WHERE department_id = ?", "篡改矩阵测试局", dept);
        assertThat(getJson(year() + "/figures").get("source").asText()).isEqualTo("read-model");
        record("read-model row edited", "detected: year_figures:" + ledger() + " and department_directory:" + dept
                + " READ_MODEL_ALTERED (answered from the events) | served silently: 0 of 2");
    }

    // ---- the year ----

    String ledger() {
        return dept + "/2021";
    }

    String year() {
        return "/api/v1/departments/" + dept + "/years/2021";
    }

    /** Like IntegrityScenarioTests' small year, with a rubric version of its own and a seal taken at the end. */
    void writeYear() throws Exception {
        dept = "TM-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        rubric = "tm-" + dept.substring(3).toLowerCase() + "@1";
        ObjectNode rubricBody;
        try (InputStream in = getClass().getResourceAsStream("/rubrics/gz-municipal-2021.json")) {
            rubricBody = (ObjectNode) json.readTree(in);
        }
        rubricBody.put("rubricVersionId", rubric);
        expect(postJson("/api/v1/rubrics", json.writeValueAsString(rubricBody)), 201);
        expect(postJson("/api/v1/departments", """
                {"departmentId":"%s","name":"篡改矩阵测试局","jurisdiction":"广州市",
                 "units":[{"code":"BJ","name":"本级","headOffice":true}],"effectiveDate":"2021-01-01"}"""
                .formatted(dept)), 201);
        expect(postJson("/api/v1/departments/" + dept + "/years", """
                {"year":2021,"rubricVersion":"%s"}""".formatted(rubric)), 201);
        for (String line : List.of("L1", "L2")) {
            expect(postJson(year() + "/budget-lines", """
                    {"lineId":"%s","unit":"BJ","fundingSource":"GENERAL_PUBLIC_BUDGET","kind":"BASIC_OPERATING",
                     "functionalCode":"2010101","economicCode":"%s","effectiveDate":"2021-01-01"}"""
                    .formatted(line, line.equals("L1") ? "30201" : "30202")), 201);
            expect(postJson(year() + "/initial-budgets", """
                    {"lineId":"%s","amount":"100000.00","documentNo":"财预〔2021〕1号","effectiveDate":"2021-01-15"}"""
                    .formatted(line)), 201);
        }
        expect(postJson(year() + "/expenditures", """
                {"voucherNo":"记-0001","lineId":"L1","amount":"1234.50","effectiveDate":"2021-03-01",
                 "payee":"某公司","summary":"办公用品"}"""), 201);
        expect(postJson(year() + "/expenditure-batches", """
                {"batchId":"b-1","entries":[
                  {"voucherNo":"记-0002","lineId":"L2","amount":"100.00","effectiveDate":"2021-04-01"},
                  {"voucherNo":"记-0003","lineId":"L2","amount":"200.00","effectiveDate":"2021-05-01"},
                  {"voucherNo":"记-0004","lineId":"L1","amount":"300.00","effectiveDate":"2021-06-01"}]}"""), 201);
        expect(postJson(year() + "/evaluation", ""), 201);
        expect(postJson(year() + "/evaluation/indicators", """
                {"indicatorId":"I-1","path":["履职效能","产出指标"],"name":"热线接通率","weight":"2.96",
                 "targetExpression":"≥95%","effectiveDate":"2021-03-01"}"""), 201);
        assertThat(getJson(year() + "/integrity").get("status").asText()).isEqualTo("INTACT");
        awaitStoredFigures();
        seals.sealNow();
    }

    // ---- checking one kind ----

    /**
     * Drops every in-memory copy (as after a restart), then reads the year's answers: the problem must be named at
     * {@code stream}/{@code sequence} with {@code kind}, and no endpoint may answer 200 without BROKEN.
     */
    void expectDetected(String kind, String stream, Long sequence, String breakKind) throws Exception {
        history.clear();
        queries.clear();
        chainHeads.clear();
        budgetLedgerCache.removeAll();
        List<String> silent = new ArrayList<>();
        List<String> detectedBy = new ArrayList<>();
        String base = year();
        for (String endpoint : List.of("/execution", "/evaluation", "/carryover", "/indicators", "/reconciliation",
                "/figures")) {
            MockHttpServletResponse response = mvc.perform(get(base + endpoint)).andReturn().getResponse();
            String body = response.getContentAsString(StandardCharsets.UTF_8);
            if (response.getStatus() == 200) {
                JsonNode answer = json.readTree(body);
                if (named(answer.get("integrity"), stream, sequence, breakKind)) {
                    detectedBy.add(endpoint);
                } else if (!broken(answer.get("integrity"))) {
                    silent.add(endpoint);
                }
            } else if (response.getStatus() == 409 && body.contains("\"integrity\"")) {
                detectedBy.add(endpoint + "(409)");
            }
        }
        MockHttpServletResponse xlsx = mvc.perform(get(base + "/export.xlsx")).andReturn().getResponse();
        if (xlsx.getStatus() == 200) {
            silent.add("/export.xlsx");
        }
        JsonNode department = json.readTree(mvc.perform(get("/api/v1/departments/" + dept)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        JsonNode directoryYear = department.path("years").path(0);
        if (named(directoryYear.get("integrity"), stream, sequence, breakKind)
                || named(department.get("integrity"), stream, sequence, breakKind)) {
            detectedBy.add("directory");
        } else if (!broken(directoryYear.get("integrity"))) {
            silent.add("directory");
        }
        JsonNode verify = json.readTree(mvc.perform(get(base + "/integrity")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        String verified = verify.path("status").asText();
        record(kind, "detected: " + (detectedBy.isEmpty() ? "NO" : stream + "#" + sequence + " " + breakKind + " (by "
                + detectedBy.size() + " endpoints; verify " + verified + ")") + " | served silently: " + silent.size()
                + " of 8" + (silent.isEmpty() ? "" : " " + silent));
        assertThat(silent).as(kind + ": endpoints serving numbers without the broken status").isEmpty();
        assertThat(detectedBy).as(kind + ": named as " + stream + "#" + sequence + " " + breakKind)
                .contains("/execution", "directory");
        assertThat(verified).isEqualTo("BROKEN");
    }

    private void record(String kind, String outcome) {
        MATRIX.computeIfAbsent(kind, k -> new ConcurrentHashMap<>()).put(store(), outcome);
    }

    static boolean broken(JsonNode integrity) {
        return integrity != null && "BROKEN".equals(integrity.path("status").asText());
    }

    static boolean named(JsonNode integrity, String stream, Long sequence, String kind) {
        if (!broken(integrity)) {
            return false;
        }
        for (JsonNode problem : integrity.path("problems")) {
            if (problem.path("stream").asText().equals(stream) && problem.path("kind").asText().equals(kind)
                    && (sequence == null || problem.path("sequence").asLong(-1) == sequence)) {
                return true;
            }
        }
        return false;
    }

    private JsonNode awaitStoredFigures() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            MockHttpServletResponse response = mvc.perform(get(year() + "/figures")).andReturn().getResponse();
            if (response.getStatus() == 200) {
                JsonNode figures = json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
                if (figures.path("boundStreams").asText("").contains(ledger() + "/evaluation@1")) {
                    return figures;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("year-figures never caught up: " + response.getContentAsString());
            }
            Thread.sleep(50);
        }
    }

    void editPayload(String aggregate, long sequence, java.util.function.UnaryOperator<String> edit) {
        Map<String, Object> target = row(aggregate, sequence);
        String payload = new String((byte[]) target.get("P"), StandardCharsets.UTF_8);
        String edited = edit.apply(payload);
        assertThat(edited).isNotEqualTo(payload);
        jdbc.update("UPDATE DomainEventEntry SET payload = ? WHERE eventIdentifier = ?",
                edited.getBytes(StandardCharsets.UTF_8), target.get("ID"));
    }

    private Map<String, Object> row(String aggregate, long sequence) {
        return jdbc.queryForMap("SELECT eventIdentifier AS id, payload AS p, metaData AS m FROM DomainEventEntry"
                + " WHERE aggregateIdentifier = ? AND sequenceNumber = ?", aggregate, sequence);
    }

    MockHttpServletResponse postJson(String url, String body) throws Exception {
        return mvc.perform(post(url).contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
    }

    static void expect(MockHttpServletResponse response, int status) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(status);
    }

    private JsonNode getJson(String url) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(url)).andReturn().getResponse();
        assertThat(response.getStatus()).as(url + " " + response.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(200);
        return json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }
}
