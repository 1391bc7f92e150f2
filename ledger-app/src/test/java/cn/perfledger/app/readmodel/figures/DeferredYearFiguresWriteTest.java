package cn.perfledger.app.readmodel.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.perfledger.app.command.ClientKind;
import cn.perfledger.app.command.CommandDispatcher;
import cn.perfledger.app.command.CommandOrigin;
import cn.perfledger.app.integrity.ReadModelSeal;
import cn.perfledger.app.query.CanonicalJson;
import cn.perfledger.app.query.YearQueries;
import cn.perfledger.app.support.TestDatabases;
import cn.perfledger.domain.budget.BudgetCommand;
import cn.perfledger.domain.budget.BudgetEvent.UnitRef;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.domain.common.RubricVersionId;
import cn.perfledger.domain.common.UnitCode;
import cn.perfledger.projections.basis.RecordedEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.awaitility.Awaitility;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The year-figures row written at most once per interval (here one hour, so no trailing write comes during the
 * test): a burst of writes costs one row write, the row stays exactly what it names, and the year is marked in
 * {@code year_figures_pending}; a projection with empty memory — what a restart leaves — brings the marked year
 * up to date from its events at once, without waiting for the year's next write. Runs on its own H2 database.
 */
@SpringBootTest(properties = "ledger.read-models.year-figures.write-interval=PT1H")
@AutoConfigureMockMvc
class DeferredYearFiguresWriteTest {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabases.h2File(registry, TestDatabases.tempDir("ledger-deferred-figures-"));
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    CommandDispatcher dispatcher;
    @Autowired
    YearQueries queries;
    @Autowired
    YearFiguresReadModel readModel;
    @Autowired
    YearFiguresProjection projection;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ReadModelSeal seal;
    @Autowired
    Clock clock;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    ObjectProvider<EventProcessingConfiguration> processing;

    @Test
    void aBurstCostsOneRowWrite_andAMarkedYearIsWrittenAfterARestartWithoutItsNextWrite() throws Exception {
        String dept = "DW-01";
        FiscalYearId year = FiscalYearId.of(dept, 2021);
        String base = "/api/v1/departments/" + dept + "/years/2021";
        postJson("/api/v1/departments", """
                {"departmentId":"%s","name":"延迟写入测试局","jurisdiction":"广州市",
                 "units":[{"code":"BJ","name":"本级","headOffice":true}],"effectiveDate":"2021-01-01"}"""
                .formatted(dept));
        long writesBefore = projection.rowWrites();
        dispatcher.send(new BudgetCommand.OpenFiscalYear(year, "延迟写入测试局",
                List.of(new UnitRef(new UnitCode("BJ"), "本级")), new RubricVersionId("dw-unpublished@1")),
                new CommandOrigin(ClientKind.API, "tester", "CLERK", false, null));
        // the first write of a quiet year is written at once
        StoredYearFigures first = Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> readModel.find(year).orElse(null), row -> row != null);
        postJson(base + "/budget-lines", """
                {"lineId":"L1","unit":"BJ","fundingSource":"GENERAL_PUBLIC_BUDGET","kind":"BASIC_OPERATING",
                 "functionalCode":"2010101","economicCode":"30201","effectiveDate":"2021-01-01"}""");
        postJson(base + "/initial-budgets", """
                {"lineId":"L1","amount":"100000.00","documentNo":"财预〔2021〕1号","effectiveDate":"2021-01-15"}""");
        for (int i = 1; i <= 5; i++) {
            postJson(base + "/expenditures", """
                    {"voucherNo":"记-%04d","lineId":"L1","amount":"1000.00","effectiveDate":"2021-03-0%d"}"""
                    .formatted(i, i));
        }
        long expected = queries.events(year).stream().mapToLong(RecordedEvent::globalSequence).max().orElseThrow();
        StreamingEventProcessor processor = processing.getObject()
                .eventProcessor(YearFiguresProjection.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> processor.processingStatus().values().stream()
                .anyMatch(s -> s.getCurrentPosition().orElse(-1) >= expected));

        // the processor has passed every event, the row still shows the first write, and says so
        StoredYearFigures behind = readModel.find(year).orElseThrow();
        assertThat(projection.rowWrites() - writesBefore).as("rows written for the burst").isEqualTo(1);
        assertThat(behind.lastGlobalIndex()).isEqualTo(first.lastGlobalIndex()).isLessThan(expected);
        assertThat(behind.boundStreams()).isEqualTo(first.boundStreams());
        assertThat(behind.source()).isEqualTo("read-model");
        assertThat(projection.writesPending()).as("the year is marked").isTrue();
        assertThat(jdbc.queryForList("SELECT fiscal_year_id FROM year_figures_pending", String.class))
                .containsExactly(year.toString());

        // a restarted instance: nothing in memory but the mark; its first trailing write folds the year from its
        // events and writes it, although no further event of the year comes
        YearFiguresProjection restarted = new YearFiguresProjection(jdbc, queries, seal, clock, transactionManager,
                processing, Duration.ofHours(1));
        restarted.writePending();

        StoredYearFigures current = readModel.find(year).orElseThrow();
        assertThat(current.source()).as("the row verifies").isEqualTo("read-model");
        assertThat(current.lastGlobalIndex()).isEqualTo(expected);
        LocalDate asOf = year.year().lastDay();
        Instant now = Instant.now();
        assertThat(current.execution()).isEqualTo(canonical(queries.execution(year, asOf, now).result()));
        assertThat(current.indicators()).isEqualTo(canonical(queries.indicators(year, asOf, now).result()));
        assertThat(current.eventsApplied()).isEqualTo(queries.execution(year, asOf, now).eventsAdmitted());
        assertThat(restarted.writesPending()).as("the mark is removed with the write").isFalse();
        assertThat(restarted.stats().coldFolds()).isEqualTo(1);
    }

    private void postJson(String url, String json) throws Exception {
        mvc.perform(post(url).contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isCreated());
    }

    private static String canonical(Object value) {
        return new String(CanonicalJson.bytes(value), StandardCharsets.UTF_8);
    }
}
