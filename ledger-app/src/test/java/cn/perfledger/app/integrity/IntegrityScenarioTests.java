package cn.perfledger.app.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.perfledger.app.axon.BoundedAggregateCache;
import cn.perfledger.app.command.ClientKind;
import cn.perfledger.app.command.CommandDispatcher;
import cn.perfledger.app.command.CommandOrigin;
import cn.perfledger.app.history.EventHistory;
import cn.perfledger.domain.budget.BudgetCommand;
import cn.perfledger.domain.budget.BudgetCommand.ExpenditureEntry;
import cn.perfledger.domain.common.BudgetLineId;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.domain.common.Money;
import cn.perfledger.domain.common.VoucherNo;
import cn.perfledger.app.support.TestRubrics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Tamper evidence end to end: a small department-year written through the REST API, verified, then tampered with
 * plain SQL the way someone with database access would, and verified again. Each test has its own department,
 * so the shared context stays clean for other test classes (whose departments are never touched). Subclasses
 * choose the database.
 */
abstract class IntegrityScenarioTests {

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected ObjectMapper objectMapper;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    private EventHistory eventHistory;

    @Autowired
    private CommandDispatcher dispatcher;

    @Autowired
    private TransactionManager transactionManager;

    @Autowired
    private BoundedAggregateCache budgetLedgerCache;

    @Autowired
    private ChainHeads chainHeads;

    /** Tampering tests change rows under the caches' feet: forget what they read. */
    @AfterEach
    void forgetCachedEvents() {
        eventHistory.clear();
    }

    static String newDepartment() {
        return "TI-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static String year(String dept) {
        return "/api/v1/departments/" + dept + "/years/2021";
    }

    /**
     * A small year: department, year, two lines, two initial budgets, one voucher, a batch of three vouchers (one
     * unit of work), an evaluation with one indicator. Budget stream: sequences 0–8; evaluation stream: 0–1.
     */
    void writeSmallYear(String dept) throws Exception {
        TestRubrics.ensurePublished(mvc);
        postJson("/api/v1/departments", """
                {"departmentId":"%s","name":"链校验测试局","jurisdiction":"广州市",
                 "units":[{"code":"BJ","name":"本级","headOffice":true}],"effectiveDate":"2021-01-01"}"""
                .formatted(dept)).andExpect(status().isCreated());
        postJson("/api/v1/departments/" + dept + "/years", """
                {"year":2021,"rubricVersion":"gz-municipal-2021@1"}""").andExpect(status().isCreated());
        for (String line : List.of("L1", "L2")) {
            postJson(year(dept) + "/budget-lines", """
                    {"lineId":"%s","unit":"BJ","fundingSource":"GENERAL_PUBLIC_BUDGET","kind":"BASIC_OPERATING",
                     "functionalCode":"2010101","economicCode":"%s","effectiveDate":"2021-01-01"}"""
                    .formatted(line, line.equals("L1") ? "30201" : "30202"))
                    .andExpect(status().isCreated());
            postJson(year(dept) + "/initial-budgets", """
                    {"lineId":"%s","amount":"100000.00","documentNo":"财预〔2021〕1号","effectiveDate":"2021-01-15"}"""
                    .formatted(line)).andExpect(status().isCreated());
        }
        postJson(year(dept) + "/expenditures", """
                {"voucherNo":"记-0001","lineId":"L1","amount":"1234.50","effectiveDate":"2021-03-01",
                 "payee":"某公司","summary":"办公用品"}""").andExpect(status().isCreated());
        postJson(year(dept) + "/expenditure-batches", """
                {"batchId":"b-1","entries":[
                  {"voucherNo":"记-0002","lineId":"L2","amount":"100.00","effectiveDate":"2021-04-01"},
                  {"voucherNo":"记-0003","lineId":"L2","amount":"200.00","effectiveDate":"2021-05-01"},
                  {"voucherNo":"记-0004","lineId":"L1","amount":"300.00","effectiveDate":"2021-06-01"}]}""")
                .andExpect(status().isCreated());
        postJson(year(dept) + "/evaluation", "").andExpect(status().isCreated());
        postJson(year(dept) + "/evaluation/indicators", """
                {"indicatorId":"I-1","path":["履职效能","产出指标"],"name":"热线接通率","weight":"2.96",
                 "targetExpression":"≥95%","effectiveDate":"2021-03-01"}""").andExpect(status().isCreated());
    }

    @Test
    void aYearWrittenThroughTheApi_verifies_andEveryEventCarriesItsLink() throws Exception {
        String dept = newDepartment();
        writeSmallYear(dept);

        JsonNode report = getJson(year(dept) + "/integrity");
        assertThat(report.get("status").asText()).isEqualTo("INTACT");
        assertThat(report.get("intact").asBoolean()).isTrue();
        // the year's streams: its ledger, its evaluation, its department and the rubric version it names (which
        // has events only if another test of the shared store published it)
        int rubricEvents = rows("gz-municipal-2021@1").size();
        assertThat(report.get("streamCount").asInt()).isEqualTo(rubricEvents > 0 ? 4 : 3);
        assertThat(report.get("eventsChecked").asLong()).isEqualTo(rows(dept + "/2021").size()
                + rows(dept + "/2021/evaluation").size() + rows(dept).size() + rubricEvents);
        assertThat(report.get("unchainedEvents").asLong()).isZero();
        assertThat(report.get("summary").asText()).contains("哈希链完整");
        JsonNode budget = report.get("streams").get(0);
        assertThat(budget.get("aggregateId").asText()).isEqualTo(dept + "/2021");
        assertThat(budget.get("status").asText()).isEqualTo("INTACT");
        assertThat(budget.get("lastSequence").asLong()).isEqualTo(8);
        assertThat(budget.get("firstBreak").isNull()).isTrue();

        for (String aggregate : List.of(dept + "/2021", dept + "/2021/evaluation", dept)) {
            List<Map<String, Object>> rows = rows(aggregate);
            assertThat(rows).isNotEmpty();
            String previous = ChainHash.GENESIS;
            for (Map<String, Object> row : rows) {
                JsonNode metaData = metaData(row);
                assertThat(metaData.get(ChainHash.CHAIN_PREV).asText()).as(aggregate + " " + row.get("SEQ"))
                        .isEqualTo(previous);
                assertThat(metaData.get("client").asText()).isEqualTo("API");
                previous = metaData.get(ChainHash.CHAIN_HASH).asText();
                assertThat(ChainHash.isLink(previous)).isTrue();
            }
            assertThat(getJson("/api/v1/integrity?aggregateId=" + aggregate).get("status").asText())
                    .isEqualTo("INTACT");
        }
        assertThat(budget.get("lastChainHash").asText())
                .isEqualTo(metaData(rows(dept + "/2021").get(8)).get(ChainHash.CHAIN_HASH).asText());
        mvc.perform(get("/api/v1/integrity").param("aggregateId", "NOBODY-" + dept))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.field").value("aggregateId"));
        mvc.perform(get("/api/v1/departments/" + dept + "/years/2022/integrity"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.field").value("year"));
    }

    /** (d) The three vouchers of one batch are appended in one unit of work and link to each other. */
    @Test
    void theEventsOfOneUnitOfWork_linkToEachOther() throws Exception {
        String dept = newDepartment();
        writeSmallYear(dept);
        List<Map<String, Object>> rows = rows(dept + "/2021");
        // 记-0002..记-0004 are sequences 6, 7, 8, written by one command
        for (int sequence = 6; sequence <= 8; sequence++) {
            assertThat(metaData(rows.get(sequence)).get(ChainHash.CHAIN_PREV).asText())
                    .isEqualTo(metaData(rows.get(sequence - 1)).get(ChainHash.CHAIN_HASH).asText());
            assertThat(metaData(rows.get(sequence)).get("correlationId").asText())
                    .isEqualTo(metaData(rows.get(6)).get("correlationId").asText());
        }
        // a second batch on top, through the command dispatcher: still one chain
        FiscalYearId id = FiscalYearId.of(dept, 2021);
        dispatcher.send(new BudgetCommand.RecordExpenditureBatch(id, "b-2", List.of(
                entry("记-0010", "L1", "10.00"), entry("记-0011", "L2", "11.00"), entry("记-0012", "L1", "12.00"),
                entry("记-0013", "L2", "13.00")), null), CommandOrigin.of(ClientKind.IMPORT));
        JsonNode report = getJson(year(dept) + "/integrity");
        assertThat(report.get("status").asText()).isEqualTo("INTACT");
        assertThat(report.get("streams").get(0).get("lastSequence").asLong()).isEqualTo(12);
    }

    /** A unit of work that appended and then rolled back leaves no trace in the cache of committed links. */
    @Test
    void aRolledBackUnitOfWork_doesNotPoisonTheLinkCache() throws Exception {
        String dept = newDepartment();
        writeSmallYear(dept);
        String aggregate = dept + "/2021";
        String committed = metaData(rows(aggregate).get(8)).get(ChainHash.CHAIN_HASH).asText();
        assertThat(chainHeads.linkAt(aggregate, 8)).isEqualTo(committed);

        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactionManager);
        dispatcher.send(new BudgetCommand.RecordExpenditure(FiscalYearId.of(dept, 2021),
                entry("记-0099", "L1", "99.00"), null, null), CommandOrigin.of(ClientKind.API));
        unitOfWork.onPrepareCommit(u -> {
            // runs after the event store has appended (its handler was registered first)
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                    Long.class, aggregate)).isEqualTo(10L);
            throw new IllegalStateException("simulated failure after the insert");
        });
        try {
            unitOfWork.commit();
        } catch (IllegalStateException expected) {
            // rolled back
        }
        budgetLedgerCache.removeAll();
        assertThat(rows(aggregate)).hasSize(9);
        assertThat(chainHeads.linkAt(aggregate, 9)).isNull();
        assertThat(chainHeads.linkAt(aggregate, 8)).isEqualTo(committed);

        postJson(year(dept) + "/expenditures", """
                {"voucherNo":"记-0100","lineId":"L1","amount":"1.00","effectiveDate":"2021-07-01"}""")
                .andExpect(status().isCreated());
        assertThat(metaData(rows(aggregate).get(9)).get(ChainHash.CHAIN_PREV).asText()).isEqualTo(committed);
        assertThat(getJson(year(dept) + "/integrity").get("status").asText()).isEqualTo("INTACT");
    }

    /** (a) One payload changed with plain SQL: verify names exactly that event. */
    @Test
    void aPayloadChangedWithPlainSql_isNamedByVerify() throws Exception {
        String dept = newDepartment();
        writeSmallYear(dept);
        Map<String, Object> target = rows(dept + "/2021").get(5); // 记-0001, 1234.50
        String payload = new String((byte[]) target.get("PAYLOAD"), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"1234.50\"");
        jdbc.update("UPDATE DomainEventEntry SET payload = ? WHERE eventIdentifier = ?",
                payload.replace("\"1234.50\"", "\"234.50\"").getBytes(StandardCharsets.UTF_8), target.get("ID"));

        JsonNode report = getJson(year(dept) + "/integrity");
        assertThat(report.get("status").asText()).isEqualTo("BROKEN");
        assertThat(report.get("intact").asBoolean()).isFalse();
        assertThat(report.get("brokenStreams").asInt()).isEqualTo(1);
        JsonNode broken = report.get("streams").get(0);
        assertThat(broken.get("status").asText()).isEqualTo("BROKEN");
        JsonNode firstBreak = broken.get("firstBreak");
        assertThat(firstBreak.get("kind").asText()).isEqualTo("HASH_MISMATCH");
        assertThat(firstBreak.get("field").asText()).isEqualTo("chainHash");
        JsonNode event = firstBreak.get("event");
        assertThat(event.get("eventIdentifier").asText()).isEqualTo(target.get("ID"));
        assertThat(event.get("globalIndex").asLong()).isEqualTo(((Number) target.get("GI")).longValue());
        assertThat(event.get("aggregateId").asText()).isEqualTo(dept + "/2021");
        assertThat(event.get("sequenceNumber").asLong()).isEqualTo(5);
        assertThat(event.get("type").asText()).isEqualTo("ExpenditureRecorded");
        assertThat(firstBreak.get("rule").asText()).contains(dept + "/2021 第 5 号记录", "ExpenditureRecorded", "被改动");
        assertThat(report.get("summary").asText()).contains("1 条记录链断裂", "第 5 号记录");
        assertThat(report.get("streams").get(1).get("status").asText()).as("evaluation stream").isEqualTo("INTACT");

        // the whole-store walk finds it too, and lists this department's budget stream among the broken ones
        JsonNode all = getJson("/api/v1/integrity");
        assertThat(all.get("scope").asText()).isEqualTo("*");
        assertThat(all.get("status").asText()).isEqualTo("BROKEN");
        assertThat(all.get("streams").findValuesAsText("aggregateId")).contains(dept + "/2021")
                .doesNotContain(dept + "/2021/evaluation", dept);
        assertThat(all.get("eventsChecked").asLong()).isGreaterThanOrEqualTo(report.get("eventsChecked").asLong());
        for (JsonNode stream : all.get("streams")) {
            if (stream.get("aggregateId").asText().equals(dept + "/2021")) {
                assertThat(stream.get("firstBreak").get("event").get("eventIdentifier").asText())
                        .isEqualTo(target.get("ID"));
            }
        }
    }

    /** (b) One event deleted with plain SQL: verify reports the gap with stream and position. */
    @Test
    void aDeletedEvent_isCaughtAsAGap() throws Exception {
        String dept = newDepartment();
        writeSmallYear(dept);
        Map<String, Object> deleted = rows(dept + "/2021").get(6);
        assertThat(jdbc.update("DELETE FROM DomainEventEntry WHERE eventIdentifier = ?", deleted.get("ID"))).isOne();

        JsonNode firstBreak = getJson(year(dept) + "/integrity").get("streams").get(0).get("firstBreak");
        assertThat(firstBreak.get("kind").asText()).isEqualTo("SEQUENCE_GAP");
        assertThat(firstBreak.get("field").asText()).isEqualTo("sequenceNumber");
        assertThat(firstBreak.get("missingFrom").asLong()).isEqualTo(6);
        assertThat(firstBreak.get("missingTo").asLong()).isEqualTo(6);
        assertThat(firstBreak.get("event").get("sequenceNumber").asLong()).isEqualTo(7);
        assertThat(firstBreak.get("event").get("aggregateId").asText()).isEqualTo(dept + "/2021");
        assertThat(firstBreak.get("rule").asText()).contains("记录链 " + dept + "/2021 缺少第 6 号记录",
                "第 5 号与第 7 号之间");

        // deleting the very first event is a gap at the start
        String first = (String) rows(dept + "/2021/evaluation").get(0).get("ID");
        jdbc.update("DELETE FROM DomainEventEntry WHERE eventIdentifier = ?", first);
        JsonNode evaluation = getJson(year(dept) + "/integrity").get("streams").get(1).get("firstBreak");
        assertThat(evaluation.get("kind").asText()).isEqualTo("SEQUENCE_GAP");
        assertThat(evaluation.get("rule").asText()).contains("缺少第 0 号记录（开头）");
    }

    /** (e) Metadata changed; then changed again with its own hash recomputed, which the next link exposes. */
    @Test
    void tamperedMetadata_isCaught_evenWithARecomputedHash() throws Exception {
        String dept = newDepartment();
        writeSmallYear(dept);
        String aggregate = dept + "/2021";
        Map<String, Object> target = rows(aggregate).get(3);
        ObjectNode metaData = (ObjectNode) metaData(target);
        metaData.put("user", "administrator");
        jdbc.update("UPDATE DomainEventEntry SET metaData = ? WHERE eventIdentifier = ?",
                objectMapper.writeValueAsBytes(metaData), target.get("ID"));
        JsonNode firstBreak = getJson(year(dept) + "/integrity").get("streams").get(0).get("firstBreak");
        assertThat(firstBreak.get("kind").asText()).isEqualTo("HASH_MISMATCH");
        assertThat(firstBreak.get("event").get("eventIdentifier").asText()).isEqualTo(target.get("ID"));

        // a careful forger recomputes this event's own hash from the documented layout, but has no key: the
        // keyed hash still does not match (a forger WITH the key is outside what the chain can catch)
        metaData.put(ChainHash.CHAIN_HASH, TamperKit.forgedHash(jdbc, (String) target.get("ID"), metaData));
        jdbc.update("UPDATE DomainEventEntry SET metaData = ? WHERE eventIdentifier = ?",
                objectMapper.writeValueAsBytes(metaData), target.get("ID"));
        firstBreak = getJson(year(dept) + "/integrity").get("streams").get(0).get("firstBreak");
        assertThat(firstBreak.get("kind").asText()).isEqualTo("HASH_MISMATCH");
        assertThat(firstBreak.get("event").get("sequenceNumber").asLong()).isEqualTo(3);

        // stripping the chain keys from a later event is not "unchained" but broken
        String otherDept = newDepartment();
        writeSmallYear(otherDept);
        Map<String, Object> last = rows(otherDept + "/2021").get(8);
        ObjectNode stripped = (ObjectNode) metaData(last);
        stripped.remove(List.of(ChainHash.CHAIN_PREV, ChainHash.CHAIN_HASH, ChainHash.CHAIN_KEY));
        jdbc.update("UPDATE DomainEventEntry SET metaData = ? WHERE eventIdentifier = ?",
                objectMapper.writeValueAsBytes(stripped), last.get("ID"));
        JsonNode removed = getJson(year(otherDept) + "/integrity").get("streams").get(0).get("firstBreak");
        assertThat(removed.get("kind").asText()).isEqualTo("CHAIN_REMOVED");
        assertThat(removed.get("event").get("sequenceNumber").asLong()).isEqualTo(8);
    }

    /**
     * Events written before the keyed chain (unkeyed SHA-256 links, layout v1): anchoring the store accepts an
     * intact legacy stream under a keyed head — counted, not silent — after which a change to a legacy event, or
     * an unkeyed event slipped in after the anchor, is BROKEN.
     */
    @Test
    void legacyUnkeyedEvents_areAcceptedOnlyUpToTheAnchor() throws Exception {
        String dept = newDepartment();
        writeSmallYear(dept);
        String legacy = dept + "/legacy-stream";
        // copy the department's two events into a stream of their own, re-chained the way the old version did
        String prev = ChainHash.GENESIS;
        List<Map<String, Object>> source = rows(dept);
        for (int i = 0; i < source.size(); i++) {
            cn.perfledger.app.eventstore.StoredEvent row = TamperKit.row(jdbc, (String) source.get(i).get("ID"));
            ObjectNode metaData = (ObjectNode) objectMapper.readTree(row.metaData());
            metaData.remove(List.of(ChainHash.CHAIN_PREV, ChainHash.CHAIN_HASH, ChainHash.CHAIN_KEY));
            String id = UUID.randomUUID().toString();
            String hash = ChainHash.eventHash(prev, new ChainHash.EventFields(id, legacy, i, row.type(),
                    row.payloadType(), row.payloadRevision(), row.timeStamp()), ChainHash.sha256Hex(row.payload()),
                    ChainHash.sha256Hex(ChainHash.canonicalMetadata(metaData).getBytes(StandardCharsets.UTF_8)));
            metaData.put(ChainHash.CHAIN_PREV, prev).put(ChainHash.CHAIN_HASH, hash);
            jdbc.update("INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier,"
                    + " timeStamp, payloadType, payloadRevision, payload, metaData) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    legacy, i, row.type(), id, row.timeStamp(), row.payloadType(), row.payloadRevision(),
                    row.payload(), objectMapper.writeValueAsBytes(metaData));
            prev = hash;
        }
        assertThat(getJson("/api/v1/integrity?aggregateId=" + legacy).get("streams").get(0).get("firstBreak")
                .get("kind").asText()).as("not anchored yet: no head").isEqualTo("UNKEYED_EVENT");

        // the first start of the keyed version on an old store: the anchor
        jdbc.update("DELETE FROM integrity_anchor");
        anchor().ensureAnchored();
        assertThat(jdbc.queryForObject("SELECT legacy_up_to FROM stream_head WHERE aggregate_identifier = ?",
                Long.class, legacy)).isEqualTo(source.size() - 1L);
        assertThat(jdbc.queryForObject("SELECT legacy_streams FROM integrity_anchor", Long.class)).isGreaterThan(0);
        JsonNode anchored = getJson("/api/v1/integrity?aggregateId=" + legacy);
        assertThat(anchored.get("status").asText()).isNotEqualTo("BROKEN");
        eventHistory.clear();
        IntegrityStatus read = history().read(legacy).integrity();
        assertThat(read.broken()).as(read.summary()).isFalse();
        assertThat(read.legacyUnkeyedEvents()).isEqualTo(source.size());

        // after the anchor a legacy event changed (its v1 hash recomputed) no longer matches the keyed head
        Map<String, Object> first = rows(legacy).get(0);
        jdbc.update("UPDATE DomainEventEntry SET payload = ? WHERE eventIdentifier = ?", new String(
                (byte[]) first.get("PAYLOAD"), StandardCharsets.UTF_8).replace("链校验测试局", "改名局")
                .getBytes(StandardCharsets.UTF_8), first.get("ID"));
        eventHistory.clear();
        assertThat(history().read(legacy).integrity().broken()).isTrue();
        assertThat(getJson("/api/v1/integrity?aggregateId=" + legacy).get("status").asText()).isEqualTo("BROKEN");
    }

    @Autowired
    private IntegrityAnchor integrityAnchor;

    private IntegrityAnchor anchor() {
        // a fresh instance, as at the first start of a new version (the bean has anchored once already)
        return new IntegrityAnchor(jdbc, new cn.perfledger.app.eventstore.EventTable(jdbc),
                new StreamHeads(jdbc, keys), keys, java.time.Clock.systemUTC(), platformTransactionManager);
    }

    @Autowired
    private IntegrityKeys keys;

    @Autowired
    private org.springframework.transaction.PlatformTransactionManager platformTransactionManager;

    private EventHistory history() {
        return eventHistory;
    }

    /**
     * An append never papers over tampering: with the stream's keyed head deleted, the next write is refused with
     * 409 naming the integrity rule, and nothing is written.
     */
    @Test
    void anAppendToAStreamWhoseHeadWasDeleted_isRefused() throws Exception {
        String dept = newDepartment();
        writeSmallYear(dept);
        String aggregate = dept + "/2021";
        jdbc.update("DELETE FROM stream_head WHERE aggregate_identifier = ?", aggregate);
        postJson(year(dept) + "/expenditures", """
                {"voucherNo":"记-0200","lineId":"L1","amount":"1.00","effectiveDate":"2021-07-01"}""")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.field").value("integrity"))
                .andExpect(jsonPath("$.rule").value(org.hamcrest.Matchers.containsString("拒绝写入")));
        assertThat(rows(aggregate)).hasSize(9);
        JsonNode verify = getJson(year(dept) + "/integrity");
        assertThat(verify.get("status").asText()).isEqualTo("BROKEN");
        assertThat(verify.get("streams").get(0).get("firstBreak").get("kind").asText()).isEqualTo("HEAD_MISSING");
    }

    /** (c) A digest exported before checks OK, then EXTENDED after an append, and fails after tampering. */
    @Test
    void anExportedDigest_checksBeforeAndAfterTampering() throws Exception {
        String dept = newDepartment();
        writeSmallYear(dept);
        String digestUrl = year(dept) + "/integrity/digest";
        JsonNode document = getJson(digestUrl);
        assertThat(document.get("fiscalYearId").asText()).isEqualTo(dept + "/2021");
        assertThat(document.get("streams").findValuesAsText("aggregateId"))
                .startsWith(dept, dept + "/2021", dept + "/2021/evaluation");
        assertThat(document.get("streams").get(1).get("eventCount").asLong()).isEqualTo(9);
        assertThat(document.get("streams").get(1).get("lastSequence").asLong()).isEqualTo(8);
        assertThat(document.get("digest").asText()).matches("[0-9a-f]{64}");
        assertThat(document.get("exportedAt").asText()).endsWith("Z");
        String kept = objectMapper.writeValueAsString(document);

        JsonNode check = check(dept, kept);
        assertThat(check.get("status").asText()).isEqualTo("MATCHES");
        assertThat(check.get("matches").asBoolean()).isTrue();
        assertThat(check.get("documentDigestValid").asBoolean()).isTrue();

        postJson(year(dept) + "/expenditures", """
                {"voucherNo":"记-0020","lineId":"L1","amount":"20.00","effectiveDate":"2021-08-01"}""")
                .andExpect(status().isCreated());
        check = check(dept, kept);
        assertThat(check.get("status").asText()).isEqualTo("EXTENDED");
        assertThat(check.get("matches").asBoolean()).isTrue();
        assertThat(check.get("streams").get(1).get("eventsAppendedSince").asLong()).isEqualTo(1);
        assertThat(check.get("summary").asText()).contains("追加");

        // an edited document is recognised as such
        String edited = kept.replace("\"eventCount\":9", "\"eventCount\":8");
        check = check(dept, edited);
        assertThat(check.get("status").asText()).isEqualTo("DOCUMENT_ALTERED");
        assertThat(check.get("matches").asBoolean()).isFalse();

        // deleting the appended event and the last exported one leaves a valid but shorter chain: the keyed head
        // (and the digest) tell
        List<Map<String, Object>> rows = rows(dept + "/2021");
        jdbc.update("DELETE FROM DomainEventEntry WHERE eventIdentifier IN (?, ?)", rows.get(9).get("ID"),
                rows.get(8).get("ID"));
        JsonNode truncated = getJson(year(dept) + "/integrity");
        assertThat(truncated.get("status").asText()).isEqualTo("BROKEN");
        assertThat(truncated.get("streams").get(0).get("firstBreak").get("kind").asText()).isEqualTo("TRUNCATED");
        assertThat(truncated.get("streams").get(0).get("firstBreak").get("missingFrom").asLong()).isEqualTo(8);
        check = check(dept, kept);
        assertThat(check.get("status").asText()).isEqualTo("MISMATCH");
        assertThat(check.get("streams").get(1).get("status").asText()).isEqualTo("BROKEN");
        assertThat(check.get("streams").get(1).get("firstBreak").get("kind").asText()).isEqualTo("TRUNCATED");
        assertThat(check.get("streams").get(2).get("status").asText()).isEqualTo("MATCHES");

        // tampering with an earlier payload breaks the chain: the check fails and a new export is refused
        String other = newDepartment();
        writeSmallYear(other);
        String otherDigest = objectMapper.writeValueAsString(getJson(year(other) + "/integrity/digest"));
        Map<String, Object> target = rows(other + "/2021/evaluation").get(1);
        String payload = new String((byte[]) target.get("PAYLOAD"), StandardCharsets.UTF_8);
        jdbc.update("UPDATE DomainEventEntry SET payload = ? WHERE eventIdentifier = ?",
                payload.replace("2.96", "9.96").getBytes(StandardCharsets.UTF_8), target.get("ID"));
        check = check(other, otherDigest);
        assertThat(check.get("status").asText()).isEqualTo("MISMATCH");
        assertThat(check.get("matches").asBoolean()).isFalse();
        assertThat(check.get("streams").get(1).get("status").asText()).isEqualTo("MATCHES");
        JsonNode evaluation = check.get("streams").get(2);
        assertThat(evaluation.get("status").asText()).isEqualTo("BROKEN");
        assertThat(evaluation.get("firstBreak").get("event").get("eventIdentifier").asText())
                .isEqualTo(target.get("ID"));
        mvc.perform(get(year(other) + "/integrity/digest"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.field").value("integrity"))
                .andExpect(jsonPath("$.rule").value(org.hamcrest.Matchers.containsString("不能导出摘要")));
    }

    @Test
    void aMalformedDigestDocument_isRefusedNamingTheField() throws Exception {
        String dept = newDepartment();
        writeSmallYear(dept);
        JsonNode document = getJson(year(dept) + "/integrity/digest");
        ObjectNode badHash = document.deepCopy();
        ((ObjectNode) badHash.get("streams").get(0)).put("lastChainHash", "XYZ");
        mvc.perform(post(year(dept) + "/integrity/digest/check").contentType(MediaType.APPLICATION_JSON)
                        .content(objectMapper.writeValueAsString(badHash)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("streams[0].lastChainHash"))
                .andExpect(jsonPath("$.rule").value("应为 64 位小写十六进制 SHA-256"));
        mvc.perform(post(year(dept).replace("/2021", "/2020") + "/integrity/digest/check")
                        .contentType(MediaType.APPLICATION_JSON).content(objectMapper.writeValueAsString(document)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("fiscalYearId"));
        ObjectNode foreign = document.deepCopy();
        ((ObjectNode) foreign.get("streams").get(1)).put("aggregateId", "ELSEWHERE/2021");
        mvc.perform(post(year(dept) + "/integrity/digest/check").contentType(MediaType.APPLICATION_JSON)
                        .content(objectMapper.writeValueAsString(foreign)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("streams[1].aggregateId"));
    }

    // ---- helpers ----

    private JsonNode check(String dept, String document) throws Exception {
        String body = mvc.perform(post(year(dept) + "/integrity/digest/check").contentType(MediaType.APPLICATION_JSON)
                        .content(document))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return objectMapper.readTree(body);
    }

    private static ExpenditureEntry entry(String voucher, String line, String amount) {
        return new ExpenditureEntry(new VoucherNo(voucher), new BudgetLineId(line), Money.of(amount),
                LocalDate.of(2021, 9, 1), null, null);
    }

    /** The stored rows of one aggregate in sequence order: ID, GI, SEQ, PAYLOAD, META. */
    List<Map<String, Object>> rows(String aggregate) {
        return jdbc.query("SELECT eventIdentifier, globalIndex, sequenceNumber, payload, metaData FROM DomainEventEntry"
                + " WHERE aggregateIdentifier = ? ORDER BY sequenceNumber", (rs, i) -> Map.<String, Object>of(
                        "ID", rs.getString(1), "GI", rs.getLong(2), "SEQ", rs.getLong(3), "PAYLOAD", rs.getBytes(4),
                        "META", rs.getBytes(5)), aggregate);
    }

    JsonNode metaData(Map<String, Object> row) throws Exception {
        return objectMapper.readTree((byte[]) row.get("META"));
    }

    ResultActions postJson(String url, String json) throws Exception {
        return mvc.perform(post(url).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    JsonNode getJson(String url) throws Exception {
        String body = mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return objectMapper.readTree(body);
    }
}
