package cn.perfledger.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.perfledger.app.command.ClientKind;
import cn.perfledger.app.command.CommandDispatcher;
import cn.perfledger.app.command.CommandOrigin;
import cn.perfledger.app.demo.DemoDataLoader;
import cn.perfledger.app.history.EventHistory;
import cn.perfledger.app.readmodel.DirectoryQueries;
import cn.perfledger.app.support.H2FileContext;
import cn.perfledger.domain.budget.BudgetCommand;
import cn.perfledger.domain.common.BudgetLineId;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.domain.common.Money;
import cn.perfledger.domain.common.VoucherNo;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The auditor's pages on the demo year GZ-ZSJ 2021 (seed 002): lineage under the 自评表 rows, why a score changed
 * between two bases, why it is below its weight, the submission as submitted and as now known, the reconciliation
 * flagging the seed's own mistakes (DOMAIN.md §8) and the integrity verification. A late correction and a tampered
 * submission are played on a copy of the year under the department UIP-ZSJ, so the demo years stay as loaded.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuditPagesTest implements H2FileContext {

    private static final String GZ = "/departments/GZ-ZSJ/years/2021";
    private static final String COPY_DEPT = "UIP-ZSJ";
    private static final FiscalYearId COPY = FiscalYearId.of(COPY_DEPT, 2021);

    @Autowired
    MockMvc mvc;
    @Autowired
    DemoDataLoader loader;
    @Autowired
    DirectoryQueries directory;
    @Autowired
    CommandDispatcher dispatcher;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventHistory eventHistory;

    @BeforeEach
    void demoData() throws InterruptedException {
        loader.loadAll(); // idempotent
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (directory.fiscalYear("GZ-ZSJ/2021").isEmpty() || directory.fiscalYear("HZ-ZSJ/2020").isEmpty()
                || directory.fiscalYear("PY-ZSJ/2023").isEmpty()) {
            assertThat(Instant.now()).as("directory read model caught up").isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private String page(String url) throws Exception {
        return html(mvc.perform(get(url).accept(MediaType.TEXT_HTML)).andExpect(status().isOk()));
    }

    private String error(String url, int status) throws Exception {
        // the urls are written already percent-encoded; a String template would be encoded a second time
        String body = html(mvc.perform(get(java.net.URI.create(url)).accept(MediaType.TEXT_HTML)).andExpect(status().is(status)));
        assertThat(body).contains(String.valueOf(status)).doesNotContain("Exception", "at cn.");
        return body;
    }

    private static String html(ResultActions result) throws Exception {
        result.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML));
        String body = result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("<html lang=\"zh-CN\"").contains("绩效账本");
        return body;
    }

    private static int count(String body, String needle) {
        int n = 0;
        for (int at = body.indexOf(needle); at >= 0; at = body.indexOf(needle, at + 1)) {
            n++;
        }
        return n;
    }

    // --- 自评表 → lineage ----------------------------------------------------------------------------------------

    @Test
    void evaluationRowsUnfoldToTheirLineageAndLinkToEveryAuditPage() throws Exception {
        String body = page(GZ + "/evaluation?asOf=2021-12-31");
        // every leaf has a toggle and a collapsed lineage row whose panel is fetched at the table's own basis
        assertThat(body).contains("data-lineage-toggle=\"lineage-E.KPI-09\"", "id=\"lineage-E.KPI-09\"",
                "data-src=\"" + GZ + "/evaluation/items/E.KPI-09/panel?asOf=2021-12-31&amp;knownAt=",
                "href=\"/departments/GZ-ZSJ/years/2021/evaluation/items/E.KPI-09?asOf=2021-12-31&amp;knownAt=");
        assertThat(count(body, "class=\"lineage-row\"")).isEqualTo(count(body, "class=\"item-row\"")).isGreaterThan(30);
        // the download and the links for the total carry the same basis
        assertThat(body).contains("href=\"/departments/GZ-ZSJ/years/2021/export.xlsx?asOf=2021-12-31&amp;knownAt=",
                "下载 Excel", "总分变动原因", "/evaluation/items/TOTAL/why?toAsOf=2021-12-31&amp;toKnownAt=",
                "/evaluation/items/TOTAL/shortfall?asOf=2021-12-31", "/submissions", "/reconciliation");
        // the year's pages are one click away from every year page
        assertThat(body).contains(">自评提交</a>", ">对账</a>", ">完整性校验</a>");
        assertThat(page(GZ)).contains(GZ + "/reconciliation?asOf=", ">完整性校验</a>", GZ + "/evaluation/why");
    }

    @Test
    void lineagePanelShowsRuleInputsAndEventTotalsPerTypeAndMonth() throws Exception {
        String panel = mvc.perform(get(GZ + "/evaluation/items/E.KPI-09/panel?asOf=2021-12-31"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(panel).doesNotContain("<html").contains("gz-municipal-2021@1", "分值 <b>2.96</b>",
                "得分 <b>2.66</b>", "达标得满分", "0.9", "GZ21-KPI-09", "绩效指标设定", "实际完成值登记", "2021-12",
                "查看全部 <span>2</span> 条记录", "得分变动原因", "未得满分原因");
        String money = mvc.perform(get(GZ + "/evaluation/items/M.FUND.BUDGET-COMPLETION/panel"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        // expenditure per month, in both units for the toggle
        assertThat(money).contains("BUDGET_EXECUTION_RATE", "99.89%", "支出凭证", "2021-11", "392,533,097.08",
                "data-wan=\"39,253.31\"");
    }

    @Test
    void lineagePageListsTheEventsOfAnInputPaged() throws Exception {
        String body = page(GZ + "/evaluation/items/M.FUND.BUDGET-COMPLETION?asOf=2021-12-31");
        assertThat(body).contains("得分溯源", "预算完成率", "M.FUND.BUDGET-COMPLETION", "1.99", "gz-municipal-2021@1",
                "以 100% 为目标", "BUDGET_EXECUTION_RATE", "财政拨款全年预算数", "392,951,003.55",
                "年初预算批复", "穗财预〔2021〕28号", "支出凭证", "演示-202101-L01-1", "下一页", "全局序号", "记录时间");
        String second = page(GZ + "/evaluation/items/M.FUND.BUDGET-COMPLETION?asOf=2021-12-31&input=1&size=20&page=1");
        assertThat(second).contains("第 <span>2</span> /", "上一页");
        String total = page(GZ + "/evaluation/items/TOTAL");
        assertThat(total).contains("总分", "94.35", "管理效能", "履职效能", "各一级指标");
    }

    // --- why ----------------------------------------------------------------------------------------------------

    @Test
    void whyPageForTheConnectionRateNamesTheActualThatScoredIt() throws Exception {
        String body = page(GZ + "/evaluation/items/E.KPI-09/why?fromAsOf=2021-12-30&toAsOf=2021-12-31");
        assertThat(body).contains("得分变动原因", "接通率", "A：评价基准日 <b>2021-12-30</b>",
                "B：评价基准日 <b>2021-12-31</b>", "+2.66", "实际完成值登记", "GZ21-KPI-09", "2021-12-31",
                "chart-why", "data-charts=\"{&quot;", "/dist/echarts.min.js",
                // the shortfall at B on the same page: which rule, how far from the threshold
                "未得满分原因", "0.93 个百分点", "0.9 系数", "94.07%");
    }

    @Test
    void whyPageForTheTotalBetweenTwoDatesListsEventsAndDeltasInOrder() throws Exception {
        String body = page(GZ + "/evaluation/why?fromAsOf=2021-06-30&toAsOf=2021-12-31");
        assertThat(body).contains("得分变动原因：<span>总分</span>", ">8<", "94.35", "+86.35",
                "支出凭证", "演示-202110-L06-1", "3,723,367.47", "加减分登记", "2.5 分", "指标收回/注销",
                "穗财预〔2021〕602号", "实际完成值登记", "评分录入", "+0.38", "−0.5");
        // points are not money: no "—" from the money cell next to them
        assertThat(body).doesNotContain("分</span><span class=\"money-none\">");
        // in replay order: the October vouchers come before the December actuals
        assertThat(body.indexOf("演示-202110-L06-1")).isLessThan(body.indexOf("GZ21-KPI-09"));
        // the chart's bars, start and end
        assertThat(body).contains("&quot;why&quot;:{&quot;categories&quot;:[", "&quot;tips&quot;:[", "&quot;up&quot;:[",
                "&quot;down&quot;:[");
        // every listed group's delta sums to the change: the page says how the attribution works
        assertThat(body).contains("各组变动之和恰好等于 B 的得分 − A 的得分");
    }

    @Test
    void whyPageStartsAtTheLastSubmissionByDefault() throws Exception {
        String body = page(GZ + "/evaluation/why");
        assertThat(body).contains("第 <span>1</span> 次自评提交时", "两个基准下该项得分相同", "提交时 → 现在");
    }

    @Test
    void shortfallPageOfTheTotalNamesEveryLeafBelowItsWeight() throws Exception {
        String body = page(GZ + "/evaluation/items/TOTAL/shortfall");
        assertThat(body).contains("未得满分原因", "所有未得满分的末级评分项", "E.KPI-09", "0.93 个百分点",
                "M.FUND.BUDGET-COMPLETION", "预算完成率", "M.FUND.CARRY-OVER");
        String full = page(GZ + "/evaluation/items/M.FUND.SYSTEM/shortfall");
        assertThat(full).contains("在此基准下得满分");
    }

    // --- submissions --------------------------------------------------------------------------------------------

    @Test
    void submissionPagesShowAsSubmittedNextToAsNowKnownAndTheDigestCheck() throws Exception {
        String list = page(GZ + "/submissions");
        assertThat(list).contains("自评提交", "自评小组", "94.65", "2021-12-31", GZ + "/submissions/1");
        String body = page(GZ + "/submissions/1");
        assertThat(body).contains("摘要核验一致", "digest-ok", "提交时保存的摘要", "现在按提交时点重新推导",
                "提交时所知", "现在所知", "94.35", "申报总分 <b>94.65</b>", "提交后没有影响该自评表的新记录",
                "M.FUND.BUDGET-COMPLETION", "无变化").doesNotContain("摘要不一致");
        assertThat(page(GZ + "/submissions/1?changedOnly=true")).contains("没有有变化的评分项");
    }

    // --- reconciliation -----------------------------------------------------------------------------------------

    @Test
    void reconciliationFlagsTheSeedMistakesOfGuangzhou2021() throws Exception {
        String body = page(GZ + "/reconciliation");
        assertThat(body).contains("对账", "预算调整瀑布图", "chart-reconciliation", "穗财预〔2021〕517号", "调剂",
                "年初预算 + Σ 调整 = 全年预算", "✓ 成立", "决算恒等式核对", "总计平衡", "4 处需核实",
                // 002: the total 94.65 vs 94.35, the header 万元 over 元 figures, 原值/在用 swapped
                "94.65", "不符", "94.35分", "单位错写（元/万元）", "两数互换", "197273890.80", "197823733.30",
                "一致");
        assertThat(count(body, "<tr class=\"flagged\">")).isEqualTo(4);
        String flagged = page(GZ + "/reconciliation?flaggedOnly=true");
        assertThat(count(flagged, "class=\"cls cls-alarm\"")).isEqualTo(4);
        assertThat(flagged).doesNotContain("class=\"cls cls-equal\"");
    }

    @Test
    void reconciliationOfTheOtherSeedsShowsRoundingInversionAndConflicts() throws Exception {
        String panyu = page("/departments/PY-ZSJ/years/2023/reconciliation");
        // 003: 1,180.85元 / 17,865.48元 should be 万元, 18,977.95 vs .96 (尾数), 85.65% is 56.40 ÷ 65.85 inverted
        assertThat(panyu).contains("比率倒置", "116.76%", "尾数误差", "class=\"noted\"", "单位错写（元/万元）", "1,180.85");
        String haizhu = page("/departments/HZ-ZSJ/years/2020/reconciliation");
        // 001: 三公 budget 3.64 in the text vs 1.50 in table 7, growth 27.80% vs 27.75%
        assertThat(haizhu).contains("同一文件内前后矛盾的表述", "3.64", "1.50", "27.75%", "尾数误差");
    }

    // --- verify -------------------------------------------------------------------------------------------------

    @Test
    void verifyPageSaysTheChainIsIntactAndChecksAKeptDigest() throws Exception {
        String body = page(GZ + "/verify");
        assertThat(body).contains("记录链完整", "哈希链完整", "预算台账", "GZ-ZSJ/2021/evaluation", "完整",
                "记录链摘要", "fiscalYearId", "lastChainHash", "复制摘要 JSON",
                "/api/v1/departments/GZ-ZSJ/years/2021/integrity/digest",
                "用保存的摘要核对").doesNotContain("记录链断裂");
        String kept = mvc.perform(get("/api/v1/departments/GZ-ZSJ/years/2021/integrity/digest"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String checked = html(mvc.perform(get(GZ + "/verify").param("digest", kept).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk()));
        assertThat(checked).contains("与摘要完全一致", "check-result digest-ok");
        // an edited document: its own digest no longer seals its streams
        String edited = kept.replaceFirst("\"eventCount\":(\\d+)", "\"eventCount\":999999");
        String altered = html(mvc.perform(get(GZ + "/verify").param("digest", edited).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk()));
        assertThat(altered).contains("摘要文件本身被改动", "check-result digest-bad");
    }

    // --- errors -------------------------------------------------------------------------------------------------

    @Test
    void badDatesGiveTheChinesePageNamingTheField() throws Exception {
        assertThat(error(GZ + "/evaluation/items/E.KPI-09/why?fromAsOf=2021-02-30", 400))
                .contains("fromAsOf", "起点评价基准日", "yyyy-MM-dd", "2021-02-30");
        assertThat(error(GZ + "/evaluation/items/E.KPI-09/why?toKnownAt=tomorrow", 400))
                .contains("toKnownAt", "终点知悉时点", "tomorrow");
        assertThat(error(GZ + "/evaluation/why?fromAsOf=2020-06-30", 400))
                .contains("fromAsOf", "不能早于该年度");
        assertThat(error(GZ + "/evaluation/items/E.KPI-09?asOf=31.12.2021", 400)).contains("asOf", "评价基准日");
        assertThat(error(GZ + "/evaluation/items/E.KPI-09/panel?knownAt=x", 400)).contains("knownAt", "知悉时点");
        assertThat(error(GZ + "/evaluation/items/TOTAL/shortfall?asOf=2021-1-1", 400)).contains("asOf");
        assertThat(error(GZ + "/reconciliation?asOf=2021-12-32", 400)).contains("asOf", "评价基准日");
        assertThat(error(GZ + "/evaluation/items/E.KPI-09?input=7", 400)).contains("input", "输入");
        assertThat(error(GZ + "/evaluation/items/E.KPI-09?page=-1", 400)).contains("page", "页码");
        assertThat(error(GZ + "/submissions/abc", 400)).contains("no", "提交序号", "整数");
        assertThat(error(GZ + "/verify?digest=not-json", 400)).contains("digest", "摘要文件", "JSON");
        String incomplete = html(mvc.perform(get(GZ + "/verify").param("digest", "{\"fiscalYearId\":\"GZ-ZSJ/2021\"}")
                .accept(MediaType.TEXT_HTML)).andExpect(status().isBadRequest()));
        assertThat(incomplete).contains("digest", "摘要文件", "不能为空");
    }

    @Test
    void unknownItemSubmissionOrDepartmentIsAChinese404Page() throws Exception {
        for (String url : List.of(GZ + "/evaluation/items/NO.SUCH", GZ + "/evaluation/items/NO.SUCH/why",
                GZ + "/evaluation/items/NO.SUCH/shortfall", GZ + "/evaluation/items/NO.SUCH/panel",
                GZ + "/evaluation/items/%E6%8E%A5%E9%80%9A%E7%8E%87")) {
            assertThat(error(url, 404)).as(url).contains("未找到", "评分项");
        }
        assertThat(error(GZ + "/submissions/9", 404)).contains("提交序号", "第 9 次");
        for (String page : List.of("/reconciliation", "/verify", "/submissions", "/evaluation/why",
                "/evaluation/items/E.KPI-09")) {
            assertThat(error("/departments/NO-SUCH/years/2021" + page, 404)).as(page).contains("未找到", "部门");
        }
        assertThat(error("/departments/GZ-ZSJ/years/2019/verify", 404)).contains("没有 2019 年度的账本");
    }

    // --- a late correction and a tampered submission, on a copy of the year ------------------------------------

    @Test
    void lateVoucherShowsUpAsChangedCellsAndInTheWhyList_thenTamperingIsShownLoudly() throws Exception {
        Long stored = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                Long.class, COPY.toString());
        if (stored == null || stored == 0) {
            loader.load(loader.read("demo/gz-municipal-2021.json").underDepartment(COPY_DEPT, "（界面测试副本）"));
        }
        String base = "/departments/" + COPY_DEPT + "/years/2021";
        assertThat(page(base + "/submissions/1")).contains("提交后没有影响该自评表的新记录");

        CommandOrigin origin = new CommandOrigin(ClientKind.API, "ui-test", "system", false, "ui-test");
        BudgetLineId line = new BudgetLineId("L01");
        dispatcher.send(new BudgetCommand.IncreaseBudget(COPY, line, Money.of("100000.00"), "穗财预〔2022〕9号",
                "年度结账后补充预算指标", LocalDate.of(2021, 12, 20), "审计发现漏记"), origin);
        // the store records times to the millisecond: keep the bases clear of the neighbouring events
        Thread.sleep(5);
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Thread.sleep(2);
        String voucher = "V-UI-LATE-" + System.nanoTime();
        dispatcher.send(new BudgetCommand.RecordExpenditure(COPY, new BudgetCommand.ExpenditureEntry(
                new VoucherNo(voucher), line, Money.of("60000.00"), LocalDate.of(2021, 12, 20), "补记供应商", "年末漏记凭证"),
                null, "审计发现漏记凭证，结账后补记"), origin);
        Thread.sleep(2);
        Instant after = Instant.now();

        String comparison = page(base + "/submissions/1");
        assertThat(comparison).contains("摘要核验一致", "提交后新增的记录改变了", "<tr class=\"changed\">",
                "M.FUND.BUDGET-COMPLETION", "cell-old", "cell-new", "输入（账本指标）BUDGET_EXECUTION_RATE",
                "为何变化", "总分为何变化");
        String changedOnly = page(base + "/submissions/1?changedOnly=true");
        assertThat(changedOnly).contains("M.FUND.BUDGET-COMPLETION").doesNotContain("E.KPI-09");

        String why = page(base + "/evaluation/items/M.FUND.BUDGET-COMPLETION/why?fromAsOf=2021-12-31&fromKnownAt="
                + before + "&toAsOf=2021-12-31&toKnownAt=" + after);
        assertThat(why).contains("B 纳入而 A 未纳入的记录 <b>1</b> 条", voucher, "支出凭证", "2021-12-20", "60,000.00",
                "L01");

        // someone with database access rewrites the digest stored with the submission
        Map<String, Object> row = jdbc.queryForMap("SELECT eventIdentifier AS id, globalIndex AS gi, payload AS p"
                + " FROM DomainEventEntry WHERE aggregateIdentifier = ? AND payloadType LIKE ?",
                COPY + "/evaluation", "%SelfEvaluationSubmitted");
        String payload = new String((byte[]) row.get("P"), StandardCharsets.UTF_8);
        Matcher digest = Pattern.compile("\"digest\"\\s*:\\s*\"([0-9a-f]{64})\"").matcher(payload);
        assertThat(digest.find()).isTrue();
        String forged = "0".repeat(64);
        try {
            jdbc.update("UPDATE DomainEventEntry SET payload = ? WHERE eventIdentifier = ?",
                    payload.replace(digest.group(1), forged).getBytes(StandardCharsets.UTF_8), row.get("ID"));
            eventHistory.clear();

            String tampered = page(base + "/submissions/1");
            assertThat(tampered).contains("摘要不一致", "digest-bad", "警告", forged);
            String verify = page(base + "/verify");
            assertThat(verify).contains("记录链断裂", "第一处断裂", "哈希不符", "自评提交", COPY + "/evaluation",
                    "全局序号 <b>" + row.get("GI") + "</b>", "chainHash", "不能导出摘要");
        } finally {
            eventHistory.clear();
        }
    }
}
