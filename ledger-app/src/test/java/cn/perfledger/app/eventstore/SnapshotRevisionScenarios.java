package cn.perfledger.app.eventstore;

import cn.perfledger.app.support.TestRubrics;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.perfledger.app.axon.BoundedAggregateCache;
import cn.perfledger.app.axon.SnapshotExecutor;
import cn.perfledger.domain.budget.BudgetLedger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Revision;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A snapshot decides commands, so one that does not match the ledger's current state class must never be loaded:
 * a snapshot of another revision, or of the current revision with a field the class does not have (a rename
 * nobody versioned), is skipped and the department-year rebuilt from its events; the next command is decided on
 * that rebuilt state; the next snapshot is of the current revision. Each stored snapshot is forged to claim
 * nothing was spent, so a test can tell from the answer whether the snapshot was used. Subclasses choose the
 * database (the real JDBC event store in both).
 */
abstract class SnapshotRevisionScenarios {

    private static final String CURRENT_REVISION = BudgetLedger.class.getAnnotation(Revision.class).value();

    @Autowired
    private MockMvc mvc;

    @Autowired
    private ObjectMapper objectMapper;

    @Autowired
    private AggregateSnapshotter snapshotter;

    @Autowired
    private SnapshotExecutor snapshotExecutor;

    @Autowired
    private BoundedAggregateCache budgetLedgerCache;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private org.axonframework.config.Configuration axon;

    @Autowired
    private EventStorageEngine storageEngine;

    @Test
    void theStoreAdmitsOnlyBudgetLedgerSnapshotsOfTheCurrentRevision() {
        assertThat(axon.snapshotFilter().allow(snapshotData(CURRENT_REVISION))).isTrue();
        assertThat(axon.snapshotFilter().allow(snapshotData(null))).isFalse();
        assertThat(axon.snapshotFilter().allow(snapshotData("0"))).isFalse();
        assertThat(axon.snapshotFilter().allow(snapshotData(CURRENT_REVISION + "0"))).isFalse();
    }

    @Test
    void aSnapshotOfAnotherRevision_isSkipped_andTheNextCommandIsDecidedOnTheEvents() throws Exception {
        String dept = yearWithASpentLineAndItsSnapshot();
        forgeSnapshot(dept, "0", false);

        expectDecidedOnTheEvents(dept);
        expectTheNextSnapshotOfTheCurrentRevision(dept);
    }

    @Test
    void aSnapshotWithoutRevision_asWrittenBeforeRevisionsExisted_isSkipped() throws Exception {
        String dept = yearWithASpentLineAndItsSnapshot();
        forgeSnapshot(dept, null, false);

        expectDecidedOnTheEvents(dept);
    }

    @Test
    void aSnapshotOfTheCurrentRevision_withAFieldTheClassDoesNotHave_isSkipped() throws Exception {
        String dept = yearWithASpentLineAndItsSnapshot();
        forgeSnapshot(dept, CURRENT_REVISION, true);

        expectDecidedOnTheEvents(dept);
        expectTheNextSnapshotOfTheCurrentRevision(dept);
    }

    /** A year whose line L1 has 100,000.00 budgeted and 30,000.00 spent, snapshotted after the voucher. */
    private String yearWithASpentLineAndItsSnapshot() throws Exception {
        String dept = "SR-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        TestRubrics.ensurePublished(mvc);
        postJson("/api/v1/departments", """
                {"departmentId":"%s","name":"快照测试局","jurisdiction":"广州市",
                 "units":[{"code":"BJ","name":"本级","headOffice":true}],"effectiveDate":"2021-01-01"}"""
                .formatted(dept)).andExpect(status().isCreated());
        postJson("/api/v1/departments/" + dept + "/years", """
                {"year":2021,"rubricVersion":"gz-municipal-2021@1"}""").andExpect(status().isCreated());
        postJson(year(dept) + "/budget-lines", """
                {"lineId":"L1","unit":"BJ","fundingSource":"GENERAL_PUBLIC_BUDGET","kind":"BASIC_OPERATING",
                 "functionalCode":"2010101","economicCode":"30201","effectiveDate":"2021-01-01"}""")
                .andExpect(status().isCreated());
        postJson(year(dept) + "/initial-budgets", """
                {"lineId":"L1","amount":"100000.00","documentNo":"财预〔2021〕1号","effectiveDate":"2021-01-15"}""")
                .andExpect(status().isCreated());
        postJson(year(dept) + "/expenditures", """
                {"voucherNo":"记-0001","lineId":"L1","amount":"30000.00","effectiveDate":"2021-03-01","payee":"甲"}""")
                .andExpect(status().isCreated());
        snapshotter.scheduleSnapshot(BudgetLedger.class, dept + "/2021");
        snapshotExecutor.awaitIdle(30, TimeUnit.SECONDS);
        assertThat(snapshotRevisions(dept)).containsExactly(CURRENT_REVISION);
        return dept;
    }

    /**
     * Rewrites the stored snapshot as if nothing had been spent (every spent amount 0, no voucher), under
     * {@code revision}, optionally with a property the state class does not have.
     */
    private void forgeSnapshot(String dept, String revision, boolean unknownProperty) throws Exception {
        long sequence = jdbc.queryForObject(
                "SELECT sequenceNumber FROM SnapshotEventEntry WHERE aggregateIdentifier = ?", Long.class, dept + "/2021");
        byte[] payload = jdbc.queryForObject("SELECT payload FROM SnapshotEventEntry WHERE aggregateIdentifier = ?",
                (rs, i) -> rs.getBytes(1), dept + "/2021");
        JsonNode state = objectMapper.readTree(payload);
        assertThat(forgetSpending(state)).as("the snapshot holds spent amounts to forge").isPositive();
        if (unknownProperty) {
            ((ObjectNode) state).put("spentFenRenamed", 3_000_000L);
        }
        int updated = jdbc.update("UPDATE SnapshotEventEntry SET payload = ?, payloadRevision = ?"
                        + " WHERE aggregateIdentifier = ? AND sequenceNumber = ?",
                objectMapper.writeValueAsBytes(state), revision, dept + "/2021", sequence);
        assertThat(updated).isEqualTo(1);
        budgetLedgerCache.removeAll();
    }

    /** Sets every {@code spentFen} to 0 and empties every {@code vouchers} map; returns how many it changed. */
    private static int forgetSpending(JsonNode node) {
        int changed = 0;
        if (node instanceof ObjectNode object) {
            if (object.path("spentFen").asLong() != 0) {
                object.put("spentFen", 0L);
                changed++;
            }
            if (object.path("vouchers").isObject() && !object.path("vouchers").isEmpty()) {
                object.putObject("vouchers");
                changed++;
            }
        }
        for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
            changed += forgetSpending(children.next());
        }
        return changed;
    }

    /** Answers that only the events can give: 30,000.00 spent and voucher 记-0001 known. */
    private void expectDecidedOnTheEvents(String dept) throws Exception {
        postJson(year(dept) + "/expenditures", """
                {"voucherNo":"记-0002","lineId":"L1","amount":"70000.01","effectiveDate":"2021-04-01"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.rule").value(Matchers.containsString("已支出 30000.00 元")));
        postJson(year(dept) + "/expenditures", """
                {"voucherNo":"记-0001","lineId":"L1","amount":"30000.00","effectiveDate":"2021-03-01","payee":"甲"}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.recorded").value(false));
        postJson(year(dept) + "/expenditures", """
                {"voucherNo":"记-0001","lineId":"L1","amount":"1.00","effectiveDate":"2021-03-01"}""")
                .andExpect(status().isConflict());
        postJson(year(dept) + "/expenditures", """
                {"voucherNo":"记-0002","lineId":"L1","amount":"70000.00","effectiveDate":"2021-04-01"}""")
                .andExpect(status().isCreated());
    }

    private void expectTheNextSnapshotOfTheCurrentRevision(String dept) throws Exception {
        snapshotter.scheduleSnapshot(BudgetLedger.class, dept + "/2021");
        snapshotExecutor.awaitIdle(30, TimeUnit.SECONDS);
        assertThat(snapshotRevisions(dept)).containsExactly(CURRENT_REVISION);
        // the ledger's own snapshot passes the strict reading (a failure would be hidden by the rebuild from events)
        assertThat(storageEngine.readSnapshot(dept + "/2021").map(snapshot -> snapshot.getPayload()))
                .containsInstanceOf(BudgetLedger.class);
        budgetLedgerCache.removeAll();
        // loaded from the new snapshot: the line is fully spent
        postJson(year(dept) + "/expenditures", """
                {"voucherNo":"记-0003","lineId":"L1","amount":"0.01","effectiveDate":"2021-05-01"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.rule").value(Matchers.containsString("已支出 100000.00 元")));
    }

    private List<String> snapshotRevisions(String dept) {
        return jdbc.queryForList("SELECT payloadRevision FROM SnapshotEventEntry WHERE aggregateIdentifier = ?",
                String.class, dept + "/2021");
    }

    private static GenericDomainEventEntry<byte[]> snapshotData(String revision) {
        return new GenericDomainEventEntry<>(BudgetLedger.class.getSimpleName(), "D/2021", 7, "id-1",
                java.time.Instant.EPOCH, BudgetLedger.class.getName(), revision, new byte[0], new byte[0]);
    }

    private ResultActions postJson(String url, String json) throws Exception {
        return mvc.perform(post(url).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private static String year(String dept) {
        return "/api/v1/departments/" + dept + "/years/2021";
    }
}
