package cn.perfledger.app.upcasting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.perfledger.app.history.EventHistory;
import cn.perfledger.app.query.CanonicalJson;
import cn.perfledger.app.query.YearQueries;
import cn.perfledger.app.support.TestDatabases;
import cn.perfledger.domain.budget.BudgetEvent.ExpenditureRecorded;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.domain.common.Money;
import cn.perfledger.projections.basis.RecordedEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Stored revision-0 {@code ExpenditureRecorded} events (fixtures inserted with plain SQL, as the prototype left
 * them) load through the upcaster chain: the aggregate accepts commands that depend on their amounts and payees,
 * and the as-of queries replay them to exactly the figures of the same ledger stored in the current revision.
 * Runs on its own H2 database.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ExpenditureRecordedUpcasterTest {

    /**
     * Its own H2 directory (a context of its own): the fixtures are appended with plain SQL, outside the command
     * path, and must not appear in the shared store other tests verify (e.g. the integrity chain checks).
     */
    @org.springframework.test.context.DynamicPropertySource
    static void ownDatabase(org.springframework.test.context.DynamicPropertyRegistry registry) {
        TestDatabases.h2File(registry, TestDatabases.tempDir("ledger-upcasting-"));
    }

    private static final Instant FAR_FUTURE = Instant.parse("9999-01-01T00:00:00Z");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    YearQueries queries;
    @Autowired
    EventHistory history;
    @Autowired
    MockMvc mvc;

    @Test
    void unitUpcast_convertsFenAndRenamesPayee() throws Exception {
        JsonNode upcast = ExpenditureRecordedUpcaster.upcast(objectMapper.readTree("""
                {"fiscalYearId":"D/2021","voucherNo":"V","lineId":"L1","amountFen":123405,
                 "effectiveDate":"2021-03-01","payeeName":"某公司","summary":null,"batchId":null}"""));
        assertThat(upcast.get("amount").asText()).isEqualTo("1234.05");
        assertThat(upcast.get("payee").asText()).isEqualTo("某公司");
        assertThat(upcast.has("amountFen") || upcast.has("payeeName")).isFalse();
        assertThat(upcast.get("correctionOf").isNull()).isTrue();
        ExpenditureRecorded event = objectMapper.treeToValue(upcast, ExpenditureRecorded.class);
        assertThat(event.amount()).isEqualTo(Money.of("1234.05"));
    }

    @Test
    void revision0Events_loadAcceptCommands_andReplayToTheFiguresOfRevision1() throws Exception {
        String oldDept = "UP0-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String newDept = "UP1-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        FiscalYearId oldYear = FiscalYearId.of(oldDept, 2021);
        FiscalYearId newYear = FiscalYearId.of(newDept, 2021);
        insert("budget-ledger-expenditure-rev0.json", oldYear);
        insert("budget-ledger-expenditure-rev1.json", newYear);
        assertThat(jdbc.queryForList("SELECT payloadRevision FROM DomainEventEntry WHERE aggregateIdentifier = ?"
                + " AND payloadType LIKE '%ExpenditureRecorded'", String.class, oldYear.toString()))
                .containsOnly("0");

        // EventHistory reads through the upcaster chain: the old events are current-revision records
        List<RecordedEvent> events = history.stream(oldYear.toString());
        List<ExpenditureRecorded> vouchers = events.stream().map(RecordedEvent::payload)
                .filter(ExpenditureRecorded.class::isInstance).map(ExpenditureRecorded.class::cast).toList();
        assertThat(vouchers).extracting(ExpenditureRecorded::amount)
                .containsExactly(Money.of("1234.50"), Money.of("0.05"), Money.of("50000.00"));
        assertThat(vouchers.get(0).payee()).isEqualTo("某公司");

        // the same figures as the twin stored in revision 1, at the same basis
        for (String view : List.of("execution", "carryOver")) {
            String old = canonical(view, oldYear).replace(oldDept, "DEPT");
            String current = canonical(view, newYear).replace(newDept, "DEPT");
            assertThat(old).as(view).isEqualTo(current);
        }
        System.out.println("[upcasting] revision-0 ledger " + oldYear + " replays to execution digest "
                + CanonicalJson.sha256(canonical("execution", oldYear).replace(oldDept, "DEPT").getBytes(
                        StandardCharsets.UTF_8)).substring(0, 16) + "… = revision-1 twin");

        // (a) the aggregate loads from them and decides on their content
        String year = "/api/v1/departments/" + oldDept + "/years/2021";
        MockHttpServletResponse identical = send(year + "/expenditures", """
                {"voucherNo":"V-1","lineId":"L1","amount":"1234.50","effectiveDate":"2021-03-01","payee":"某公司",
                 "summary":"办公用品"}""");
        assertThat(identical.getStatus()).as("an identical resubmission of an upcast voucher is a no-op: "
                + identical.getContentAsString()).isEqualTo(200);
        assertThat(send(year + "/expenditures", """
                {"voucherNo":"V-1","lineId":"L1","amount":"1234.51","effectiveDate":"2021-03-01","payee":"某公司",
                 "summary":"办公用品"}""").getStatus()).isEqualTo(409);
        assertThat(send(year + "/reversals", """
                {"voucherNo":"R-1","originalVoucherNo":"V-2","amount":"0.06","reason":"多冲","effectiveDate":"2021-06-01"}""")
                .getStatus()).as("a reversal beyond the upcast 0.05").isEqualTo(400);
        assertThat(send(year + "/reversals", """
                {"voucherNo":"R-1","originalVoucherNo":"V-2","amount":"0.05","reason":"退回","effectiveDate":"2021-06-01"}""")
                .getStatus()).isEqualTo(201);
        assertThat(send(year + "/expenditures", """
                {"voucherNo":"V-4","lineId":"L1","amount":"10.00","effectiveDate":"2021-07-01"}""").getStatus())
                .isEqualTo(201);
        assertThat(queries.execution(oldYear, null, FAR_FUTURE).result().fiscalAppropriation().executed())
                .isEqualTo(Money.of("51244.50"));
    }

    private MockHttpServletResponse send(String path, String body) throws Exception {
        return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body)).andReturn()
                .getResponse();
    }

    private String canonical(String view, FiscalYearId year) {
        Object result = view.equals("execution") ? queries.execution(year, null, FAR_FUTURE).result()
                : queries.carryOver(year, null, FAR_FUTURE).result();
        return new String(CanonicalJson.bytes(result), StandardCharsets.UTF_8);
    }

    /** Appends the fixture's events as one stream with plain SQL (sequence 0, 1, …, new event identifiers). */
    private void insert(String fixture, FiscalYearId year) throws Exception {
        JsonNode document;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/events/" + fixture)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{{year}}", year.toString()).replace("{{dept}}", year.department().toString());
            document = objectMapper.readTree(text);
        }
        long sequence = 0;
        for (JsonNode event : document.get("events")) {
            jdbc.update("INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier,"
                    + " timeStamp, payloadType, payloadRevision, payload, metaData) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    year.toString(), sequence++, document.get("aggregateType").asText(), UUID.randomUUID().toString(),
                    event.get("timeStamp").asText(), event.get("payloadType").asText(),
                    event.get("payloadRevision").asText(),
                    objectMapper.writeValueAsBytes(event.get("payload")),
                    "{\"client\":\"IMPORT\",\"synthetic\":\"false\"}".getBytes(StandardCharsets.UTF_8));
        }
    }
}
