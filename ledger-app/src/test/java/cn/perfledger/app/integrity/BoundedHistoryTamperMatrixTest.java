package cn.perfledger.app.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.app.history.EventHistory;
import cn.perfledger.app.query.BasisResult;
import cn.perfledger.app.query.YearQueries;
import cn.perfledger.app.support.TestDatabases;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.projections.basis.RecordedEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The tamper matrix again with a history bound of {@value #BOUND} events — about one small department-year — so
 * that every year read evicts the others and streams of the year being read are evicted mid-query: each kind must
 * still be detected and named. Plus the bound itself: a year evicted by another is answered exactly as before, and
 * a row edited while its year was out of memory is found on the next read.
 */
@SpringBootTest(properties = "ledger.history.max-events=" + BoundedHistoryTamperMatrixTest.BOUND)
@AutoConfigureMockMvc
class BoundedHistoryTamperMatrixTest extends TamperMatrixScenarios {

    static final int BOUND = 20;

    @DynamicPropertySource
    static void ownH2File(DynamicPropertyRegistry registry) {
        TestDatabases.h2File(registry, TestDatabases.tempDir("ledger-h2-bounded-"));
    }

    @Autowired
    private EventHistory boundedHistory;
    @Autowired
    private YearQueries yearQueries;

    @Override
    String store() {
        return "H2, history bound " + BOUND;
    }

    @Test
    void evictedYear_answersTheSame_andIsVerifiedAgainOnItsNextRead() throws Exception {
        writeYear();
        String ledgerA = ledger();
        FiscalYearId a = FiscalYearId.parse(ledgerA);
        Instant knownAt = Instant.now();
        BasisResult<?> executionBefore = yearQueries.execution(a, null, knownAt);
        BasisResult<?> scoredBefore = yearQueries.evaluation(a, null, knownAt);
        assertThat(executionBefore.integrity().broken()).isFalse();
        int yearA = yearQueries.events(a).size();
        assertThat(yearA).as("one year must fit the bound for this test to mean anything").isLessThanOrEqualTo(BOUND);
        List<RecordedEvent> heldStreamA = boundedHistory.stream(ledgerA);

        writeYear();
        FiscalYearId b = FiscalYearId.parse(ledger());
        yearQueries.execution(b, null, null);
        assertThat(yearA + yearQueries.events(b).size()).isGreaterThan(BOUND);
        assertThat(boundedHistory.heldEvents()).isLessThanOrEqualTo(BOUND);
        assertThat(boundedHistory.holds(ledgerA, heldStreamA)).as("year A was evicted by year B").isFalse();

        BasisResult<?> executionAfter = yearQueries.execution(a, null, knownAt);
        BasisResult<?> scoredAfter = yearQueries.evaluation(a, null, knownAt);
        assertThat(executionAfter.digest()).isEqualTo(executionBefore.digest());
        assertThat(executionAfter.eventsAdmitted()).isEqualTo(executionBefore.eventsAdmitted());
        assertThat(scoredAfter.digest()).isEqualTo(scoredBefore.digest());
        assertThat(executionAfter.integrity()).isEqualTo(executionBefore.integrity());

        // B's query evicts A again; A's row 5 is edited while A is out of memory
        List<RecordedEvent> readAgainA = boundedHistory.stream(ledgerA);
        assertThat(readAgainA).isNotSameAs(heldStreamA).hasSameSizeAs(heldStreamA);
        yearQueries.execution(b, null, null);
        assertThat(boundedHistory.holds(ledgerA, readAgainA)).isFalse();
        editPayload(ledgerA, 5, p -> p.replace("\"1234.50\"", "\"9234.50\""));
        BasisResult<?> tampered = yearQueries.execution(a, null, knownAt);
        assertThat(tampered.integrity().broken()).isTrue();
        assertThat(tampered.integrity().problems()).anySatisfy(problem -> {
            assertThat(problem.stream()).isEqualTo(ledgerA);
            assertThat(problem.sequence()).isEqualTo(5L);
            assertThat(problem.kind()).isEqualTo(IntegrityReport.BreakKind.HASH_MISMATCH);
        });
    }
    @Test
    void aYearLargerThanTheBound_staysHeldWhileItIsAsked() throws Exception {
        writeYear();
        String ledgerA = ledger();
        FiscalYearId a = FiscalYearId.parse(ledgerA);
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i < BOUND; i++) {
            entries.append(i == 0 ? "" : ",").append("""
                    {"voucherNo":"记-1%03d","lineId":"L2","amount":"10.00","effectiveDate":"2021-07-01"}"""
                    .formatted(i));
        }
        expect(postJson(year() + "/expenditure-batches", """
                {"batchId":"b-big","entries":[%s]}""".formatted(entries)), 201);
        BasisResult<?> first = yearQueries.execution(a, null, null);
        assertThat(yearQueries.events(a).size()).as("the year must exceed the bound").isGreaterThan(BOUND);
        List<RecordedEvent> held = boundedHistory.stream(ledgerA);

        // its evaluation, rubric and department streams are read after the ledger: they must not evict it
        BasisResult<?> second = yearQueries.execution(a, null, null);
        assertThat(boundedHistory.holds(ledgerA, held)).as("the ledger stream was not read again").isTrue();
        assertThat(second.digest()).isEqualTo(first.digest());
        assertThat(second.integrity().broken()).isFalse();
    }
}
