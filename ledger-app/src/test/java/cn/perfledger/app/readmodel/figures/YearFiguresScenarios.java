package cn.perfledger.app.readmodel.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.perfledger.app.command.ClientKind;
import cn.perfledger.app.command.CommandDispatcher;
import cn.perfledger.app.command.CommandOrigin;
import cn.perfledger.app.query.BasisResult;
import cn.perfledger.app.query.CanonicalJson;
import cn.perfledger.app.query.YearQueries;
import cn.perfledger.domain.budget.BudgetCommand;
import cn.perfledger.domain.budget.BudgetEvent.UnitRef;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.domain.common.RubricVersionId;
import cn.perfledger.domain.common.UnitCode;
import cn.perfledger.projections.basis.RecordedEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The {@code year-figures} read model against the on-demand replay (DESIGN.md, Projections): a year written
 * through the REST API with a back-dated expenditure and a rubric published after the year was opened; the stored
 * documents must equal, byte for byte, the as-of queries at (12-31, now); after a rebuild from the first event the
 * rows must be byte-identical to the incrementally built ones. Subclasses choose the database and may add years.
 */
abstract class YearFiguresScenarios {

    private static final Duration CATCH_UP = Duration.ofSeconds(30);

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected ObjectMapper objectMapper;
    @Autowired
    protected YearQueries queries;
    @Autowired
    protected YearFiguresReadModel readModel;
    @Autowired
    protected YearFiguresProjection projection;
    @Autowired
    protected CommandDispatcher dispatcher;

    /** Further years (already written) to check and rebuild along with the scenario's. */
    protected List<FiscalYearId> moreYears() {
        return List.of();
    }

    @Test
    void storedFigures_equalTheReplay_andARebuildReproducesThemByteForByte() throws Exception {
        long started = System.nanoTime();
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String dept = "YF-" + suffix;
        String rubric = "yf-" + suffix.toLowerCase() + "@1";
        FiscalYearId year = FiscalYearId.of(dept, 2021);
        String base = "/api/v1/departments/" + dept + "/years/2021";

        // a year naming a rubric version that is not published yet: the API refuses to open one now
        // (RubricDirectory), but stores written before that rule, and restored backups, hold such years; the
        // command goes straight to the aggregate, as those did
        postJson("/api/v1/departments", """
                {"departmentId":"%s","name":"读模型测试局","jurisdiction":"广州市",
                 "units":[{"code":"BJ","name":"本级","headOffice":true},{"code":"XS","name":"下属中心","headOffice":false}],
                 "effectiveDate":"2021-01-01"}""".formatted(dept)).andExpect(status().isCreated());
        dispatcher.send(new BudgetCommand.OpenFiscalYear(year, "读模型测试局", List.of(
                new UnitRef(new UnitCode("BJ"), "本级"), new UnitRef(new UnitCode("XS"), "下属中心")),
                new RubricVersionId(rubric)), new CommandOrigin(ClientKind.API, "tester", "CLERK", false, null));
        postJson(base + "/budget-lines", """
                {"lineId":"L1","unit":"BJ","fundingSource":"GENERAL_PUBLIC_BUDGET","kind":"BASIC_OPERATING",
                 "functionalCode":"2010101","economicCode":"30201","effectiveDate":"2021-01-01"}""")
                .andExpect(status().isCreated());
        postJson(base + "/budget-lines", """
                {"lineId":"L2","unit":"XS","fundingSource":"GOVERNMENT_FUND","kind":"PROJECT","projectCode":"P-01",
                 "projectName":"信息化建设","functionalCode":"2010150","economicCode":"31002","effectiveDate":"2021-01-01"}""")
                .andExpect(status().isCreated());
        postJson(base + "/initial-budgets", """
                {"lineId":"L1","amount":"100000.00","documentNo":"财预〔2021〕1号","effectiveDate":"2021-01-15"}""")
                .andExpect(status().isCreated());
        postJson(base + "/initial-budgets", """
                {"lineId":"L2","amount":"500000.00","documentNo":"财预〔2021〕1号","effectiveDate":"2021-01-15"}""")
                .andExpect(status().isCreated());
        expenditure(base, "记-0001", "L1", "12000.00", "2021-03-01");
        expenditure(base, "记-0002", "L2", "200000.00", "2021-06-01");
        expenditure(base, "记-0003", "L1", "30000.00", "2021-09-15");

        StoredYearFigures first = awaitCaughtUp(year);
        assertMatchesReplay(year, first);
        assertThat(first.evaluation()).as("no rubric published yet").isNull();
        YearFiguresProjection.Stats before = projection.stats();

        // recorded after the September voucher, effective in February: belongs before events already folded, but a
        // voucher only adds to its line's sums, so it is folded in without folding the year again
        expenditure(base, "记-0004", "L2", "45000.50", "2021-02-01");
        StoredYearFigures backDated = awaitCaughtUp(year);
        assertMatchesReplay(year, backDated);
        YearFiguresProjection.Stats afterBackDated = projection.stats();
        assertThat(afterBackDated.refolds() + afterBackDated.coldFolds())
                .as("a back-dated voucher does not refold the year").isEqualTo(before.refolds() + before.coldFolds());
        assertThat(afterBackDated.incrementalSteps()).isGreaterThan(before.incrementalSteps());
        // the rubric the year names, published only now (effective from the start of the year)
        postJson("/api/v1/rubrics", rubricFile(rubric)).andExpect(status().isCreated());
        expenditure(base, "记-0005", "L1", "8000.00", "2021-12-01");

        StoredYearFigures incremental = awaitCaughtUp(year);
        assertMatchesReplay(year, incremental);
        assertThat(incremental.evaluation()).as("scored once the rubric is published").isNotNull();
        YearFiguresProjection.Stats after = projection.stats();
        assertThat(after.refolds() + after.coldFolds())
                .as("the back-dated rubric refolded the year")
                .isGreaterThan(afterBackDated.refolds() + afterBackDated.coldFolds());

        // the REST read: the stored documents as JSON, digests equal to the as-of queries'
        JsonNode body = getJson(base + "/figures");
        JsonNode execution = getJson(base + "/execution");
        assertThat(body.get("fiscalYearId").asText()).isEqualTo(year.toString());
        assertThat(body.get("asOf").asText()).isEqualTo("2021-12-31");
        assertThat(body.get("lastGlobalIndex").asLong()).isEqualTo(incremental.lastGlobalIndex());
        assertThat(body.get("execution")).isEqualTo(execution.get("result"));
        assertThat(body.get("digests").get("execution").asText()).isEqualTo(execution.get("digest").asText());
        assertThat(body.get("evaluation")).isEqualTo(getJson(base + "/evaluation").get("result"));
        mvc.perform(get("/api/v1/departments/" + dept + "/years/2020/figures")).andExpect(status().isNotFound());

        List<FiscalYearId> years = new ArrayList<>(moreYears());
        years.add(year);
        Map<FiscalYearId, StoredYearFigures> built = new LinkedHashMap<>();
        for (FiscalYearId y : years) {
            StoredYearFigures figures = awaitCaughtUp(y);
            assertMatchesReplay(y, figures);
            built.put(y, figures);
        }
        long rebuildStart = System.nanoTime();
        mvc.perform(post("/api/v1/admin/read-models/year-figures/rebuild"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.processingGroup").value("year-figures"));
        for (FiscalYearId y : years) {
            StoredYearFigures rebuilt = awaitCaughtUp(y);
            assertSameRow(rebuilt, built.get(y));
            assertMatchesReplay(y, rebuilt);
        }
        System.out.printf("year-figures: %d years, rebuild caught up in %d ms, whole test %d ms, %s%n", years.size(),
                (System.nanoTime() - rebuildStart) / 1_000_000, (System.nanoTime() - started) / 1_000_000,
                projection.stats());
    }

    /** Waits until the year's row reflects every event of the year and of its rubrics now in the store. */
    protected StoredYearFigures awaitCaughtUp(FiscalYearId year) {
        long expected = queries.events(year).stream().mapToLong(RecordedEvent::globalSequence).max().orElseThrow();
        return Awaitility.await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(50))
                .until(() -> readModel.find(year).orElse(null),
                        row -> row != null && row.lastGlobalIndex() == expected);
    }

    /** The stored documents are the canonical JSON of the as-of queries at (12-31, now), byte for byte. */
    protected void assertMatchesReplay(FiscalYearId year, StoredYearFigures stored) {
        LocalDate asOf = year.year().lastDay();
        Instant now = Instant.now();
        BasisResult<?> execution = queries.execution(year, asOf, now);
        assertThat(stored.asOf()).isEqualTo(asOf);
        assertThat(stored.execution()).isEqualTo(canonical(execution.result()));
        assertThat(stored.digests().execution()).isEqualTo(execution.digest());
        assertThat(stored.carryOver()).isEqualTo(canonical(queries.carryOver(year, asOf, now).result()));
        assertThat(stored.indicators()).isEqualTo(canonical(queries.indicators(year, asOf, now).result()));
        String evaluation = queries.fold(year, queries.basis(year, asOf, now)).scoredTable()
                .map(YearFiguresScenarios::canonical).orElse(null);
        assertThat(stored.evaluation()).isEqualTo(evaluation);
        if (evaluation != null) {
            assertThat(stored.evaluation()).isEqualTo(canonical(queries.evaluation(year, asOf, now).result()));
        }
        assertThat(stored.eventsApplied()).isEqualTo(execution.eventsAdmitted());
    }

    private static void assertSameRow(StoredYearFigures rebuilt, StoredYearFigures incremental) {
        assertThat(rebuilt.lastGlobalIndex()).isEqualTo(incremental.lastGlobalIndex());
        assertThat(rebuilt.eventsApplied()).isEqualTo(incremental.eventsApplied());
        assertThat(rebuilt.execution()).isEqualTo(incremental.execution());
        assertThat(rebuilt.carryOver()).isEqualTo(incremental.carryOver());
        assertThat(rebuilt.indicators()).isEqualTo(incremental.indicators());
        assertThat(rebuilt.evaluation()).isEqualTo(incremental.evaluation());
        assertThat(rebuilt.digests()).isEqualTo(incremental.digests());
    }

    private static String canonical(Object value) {
        return new String(CanonicalJson.bytes(value), StandardCharsets.UTF_8);
    }

    private String rubricFile(String rubricVersionId) throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("rubrics/gz-municipal-2021.json")) {
            ObjectNode rubric = (ObjectNode) objectMapper.readTree(in);
            rubric.put("rubricVersionId", rubricVersionId);
            rubric.put("effectiveDate", "2021-01-01");
            return objectMapper.writeValueAsString(rubric);
        }
    }

    private void expenditure(String base, String voucher, String line, String amount, String date) throws Exception {
        postJson(base + "/expenditures", """
                {"voucherNo":"%s","lineId":"%s","amount":"%s","effectiveDate":"%s"}"""
                .formatted(voucher, line, amount, date)).andExpect(status().isCreated());
    }

    protected ResultActions postJson(String url, String json) throws Exception {
        return mvc.perform(post(url).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    protected JsonNode getJson(String url) throws Exception {
        String body = mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return objectMapper.readTree(body);
    }
}
