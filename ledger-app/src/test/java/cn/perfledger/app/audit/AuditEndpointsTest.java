package cn.perfledger.app.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.perfledger.app.command.ClientKind;
import cn.perfledger.app.command.CommandDispatcher;
import cn.perfledger.app.command.CommandOrigin;
import cn.perfledger.app.demo.DemoDataLoader;
import cn.perfledger.app.demo.DemoScenario;
import cn.perfledger.app.query.YearQueries;
import cn.perfledger.app.support.H2FileContext;
import cn.perfledger.domain.budget.BudgetCommand;
import cn.perfledger.domain.common.BudgetLineId;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.domain.common.Money;
import cn.perfledger.domain.common.VoucherNo;
import cn.perfledger.projections.audit.Lineage;
import cn.perfledger.projections.audit.Shortfall;
import cn.perfledger.projections.audit.SubmissionComparison;
import cn.perfledger.projections.audit.WhyChanged;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The auditor workflows on the demo data in the shared H2 file store. Read-only checks use GZ-ZSJ 2021 as the
 * demo loaded it; the late correction is recorded on a copy of that year under the department AUD-ZSJ, so the
 * demo years other tests read stay unchanged.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuditEndpointsTest implements H2FileContext {

    private static final FiscalYearId GZ_2021 = FiscalYearId.of("GZ-ZSJ", 2021);
    private static final String COPY_DEPT = "AUD-ZSJ";
    private static final FiscalYearId COPY_2021 = FiscalYearId.of(COPY_DEPT, 2021);
    private static final LocalDate DEC_31 = LocalDate.of(2021, 12, 31);

    @Autowired
    DemoDataLoader loader;
    @Autowired
    AuditService audit;
    @Autowired
    YearQueries queries;
    @Autowired
    CommandDispatcher dispatcher;
    @Autowired
    MockMvc mvc;

    @BeforeEach
    void loadDemo() {
        loader.loadAll(); // idempotent
    }

    @Test
    void gz2021_asSubmittedEqualsAsNowKnownAndTheDigestMatches() throws Exception {
        assertThat(audit.submissions(GZ_2021)).isNotEmpty();
        int no = audit.submissions(GZ_2021).get(0).submissionNo();
        SubmissionComparison.Result result = audit.comparison(GZ_2021, no);
        assertThat(result.digestMatches()).isTrue();
        assertThat(result.warning()).isNull();
        assertThat(result.changed()).isFalse();
        assertThat(result.items()).noneMatch(SubmissionComparison.ItemRow::changed);
        mvc.perform(get("/api/v1/departments/GZ-ZSJ/years/2021/submissions/" + no + "/comparison"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.digestMatches").value(true))
                .andExpect(jsonPath("$.changed").value(false));
        mvc.perform(get("/api/v1/departments/GZ-ZSJ/years/2021/submissions"))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].submissionNo").value(no));
    }

    @Test
    void lateCorrectionChangesExactlyTheAffectedCellsAndTheWhyListNamesTheVoucher() throws InterruptedException {
        DemoScenario copy = loader.read("demo/gz-municipal-2021.json").underDepartment(COPY_DEPT, "（审计测试副本）");
        try {
            audit.submissions(COPY_2021);
        } catch (cn.perfledger.app.command.NotFoundException notYetLoaded) {
            loader.load(copy);
        }
        CommandOrigin origin = new CommandOrigin(ClientKind.API, "auditor-test", "system", false, "audit-test");
        BudgetLineId line = new BudgetLineId("L01");
        // the year is closed and L01 fully spent: first a post-close budget increase, then the late voucher
        dispatcher.send(new BudgetCommand.IncreaseBudget(COPY_2021, line, Money.of("100000.00"), "穗财预〔2022〕9号",
                "年度结账后补充预算指标", LocalDate.of(2021, 12, 20), "审计发现漏记"), origin);
        // the store keeps recording times to the millisecond: keep the bases clear of the neighbouring events
        Thread.sleep(5);
        Instant before = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Thread.sleep(2);
        String voucher = "V-LATE-" + System.nanoTime();
        dispatcher.send(new BudgetCommand.RecordExpenditure(COPY_2021, new BudgetCommand.ExpenditureEntry(
                new VoucherNo(voucher), line, Money.of("60000.00"), LocalDate.of(2021, 12, 20), "补记供应商", "年末漏记凭证"),
                null, "审计发现漏记凭证，结账后补记"), origin);
        Thread.sleep(2);
        Instant after = Instant.now();

        SubmissionComparison.Result comparison = audit.comparison(COPY_2021,
                audit.submissions(COPY_2021).get(0).submissionNo());
        assertThat(comparison.digestMatches()).isTrue();
        assertThat(comparison.changed()).isTrue();
        Set<String> changed = comparison.items().stream().filter(SubmissionComparison.ItemRow::changed)
                .map(SubmissionComparison.ItemRow::code).collect(Collectors.toSet());
        assertThat(changed).contains("M.FUND.BUDGET-COMPLETION");
        // only ledger-metric leaves on 财政拨款 lines (and the groups above them) can change
        for (SubmissionComparison.ItemRow row : comparison.items()) {
            if (row.changed()) {
                assertThat(row.code()).matches("M(\\..*)?"); // a 管理 leaf or the 管理 group above it
                assertThat(row.changes()).allSatisfy(cell -> assertThat(cell.field())
                        .matches("score|exactScore|flags|inputs\\[LEDGER_METRIC:.*\\]"));
            }
        }
        assertThat(comparison.items()).filteredOn(r -> r.code().startsWith("LZ") || r.code().startsWith("E."))
                .noneMatch(SubmissionComparison.ItemRow::changed);

        WhyChanged.Result why = audit.why(COPY_2021, "M.FUND.BUDGET-COMPLETION", DEC_31, before, DEC_31, after);
        assertThat(why.eventsAdded()).isEqualTo(1);
        assertThat(why.eventsRemoved()).isZero();
        assertThat(why.exactChange()).isNotNull().isNotZero();
        assertThat(why.steps()).singleElement().satisfies(step -> {
            assertThat(step.events()).singleElement().satisfies(e -> assertThat(e.reference()).isEqualTo(voucher));
            assertThat(step.delta()).isEqualByComparingTo(why.change());
            assertThat(step.exactDelta()).isEqualByComparingTo(why.exactChange());
        });
        BigDecimal sum = why.steps().stream().map(WhyChanged.Step::delta).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualByComparingTo(why.scoreTo().subtract(why.scoreFrom()));
    }

    @Test
    void lineageOfBudgetCompletionListsMonthlyExpenditureSummingToTheExecutedAmount() throws Exception {
        Lineage.Result lineage = audit.lineage(GZ_2021, "M.FUND.BUDGET-COMPLETION", null, null, 0, 20);
        assertThat(lineage.rubricVersion()).isEqualTo("gz-municipal-2021@1");
        assertThat(lineage.rule().kind()).isEqualTo("deductionPerPoint");
        Lineage.InputLineage input = lineage.inputs().get(0);
        assertThat(input.code()).isEqualTo("BUDGET_EXECUTION_RATE");
        BigDecimal net = BigDecimal.ZERO;
        Set<String> months = new java.util.TreeSet<>();
        for (Lineage.Summary s : input.summary()) {
            if (s.type().equals("ExpenditureRecorded")) {
                net = net.add(s.amountSum());
                months.add(s.month());
            } else if (s.type().equals("ExpenditureReversed")) {
                net = net.subtract(s.amountSum());
            }
        }
        assertThat(months).hasSize(12);
        assertThat(net).isEqualByComparingTo("392533097.08");
        assertThat(input.events().events()).hasSize(20);
        assertThat(input.events().totalEvents()).isGreaterThan(20);
        mvc.perform(get("/api/v1/departments/GZ-ZSJ/years/2021/evaluation/items/M.FUND.BUDGET-COMPLETION/lineage?size=0"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/v1/departments/GZ-ZSJ/years/2021/evaluation/items/NO.SUCH/lineage"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/departments/GZ-ZSJ/years/2021/evaluation/items/TOTAL/lineage"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.code").value("TOTAL"));
    }

    @Test
    void shortfallOfTheConnectionRateNamesTheThreshold() throws Exception {
        Shortfall.Result result = audit.shortfall(GZ_2021, "E.KPI-09", null, null);
        assertThat(result.score()).isEqualByComparingTo("2.66");
        assertThat(result.weight()).isEqualByComparingTo("2.96");
        assertThat(result.items()).singleElement().satisfies(item -> {
            assertThat(item.explanation()).contains("95%").contains("94.07%").contains("0.93 个百分点")
                    .contains("0.9 系数");
            assertThat(item.gap()).isEqualByComparingTo("0.93");
        });
        mvc.perform(get("/api/v1/departments/GZ-ZSJ/years/2021/evaluation/items/E.KPI-09/shortfall"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[0].threshold").value(95));
        mvc.perform(get("/api/v1/departments/GZ-ZSJ/years/2021/evaluation/rescore?rubricVersion=gz-municipal-2021@1"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.totalDifference").value(0));
        mvc.perform(get("/api/v1/departments/GZ-ZSJ/years/2021/evaluation/rescore?rubricVersion=no-such@9"))
                .andExpect(status().isNotFound());
    }
    @Test
    void whyListIsPaged_withTheWholeChangeAndATypeSummary() throws Exception {
        String path = "/api/v1/departments/GZ-ZSJ/years/2021/evaluation/items/TOTAL/why?fromAsOf=2021-06-30&toAsOf=2021-12-31";
        WhyChanged.Result whole = audit.why(GZ_2021, "TOTAL", LocalDate.of(2021, 6, 30), null, DEC_31, null);
        assertThat(whole.steps()).hasSizeGreaterThan(2);
        mvc.perform(get(path + "&size=2&page=1&eventsPerStep=1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stepCount").value(whole.steps().size()))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.firstStep").value(3))
                .andExpect(jsonPath("$.pageCount").value((whole.steps().size() + 1) / 2))
                .andExpect(jsonPath("$.steps[0].label").value(whole.steps().get(2).label()))
                .andExpect(jsonPath("$.steps.length()").value(Math.min(2, whole.steps().size() - 2)))
                .andExpect(jsonPath("$.byType").isArray());
        for (String bad : List.of("size=0", "size=501", "page=-1", "eventsPerStep=51")) {
            String field = bad.substring(0, bad.indexOf('='));
            mvc.perform(get(path + "&" + bad))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.field").value(field));
        }
    }
}
