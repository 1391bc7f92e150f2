package cn.perfledger.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.perfledger.app.demo.DemoDataLoader;
import cn.perfledger.app.readmodel.DirectoryQueries;
import cn.perfledger.app.support.H2FileContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The pages render the seed years with their golden figures, move with the basis, and fail in Chinese. */
@SpringBootTest
@AutoConfigureMockMvc
class WebPagesTest implements H2FileContext {

    private static final String GZ = "/departments/GZ-ZSJ/years/2021";

    @Autowired
    MockMvc mvc;
    @Autowired
    DemoDataLoader loader;
    @Autowired
    DirectoryQueries directory;

    @BeforeEach
    void demoData() throws InterruptedException {
        loader.loadAll(); // idempotent
        // the directory is a tracking read model: wait until it has caught up with the seed years
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (directory.fiscalYear("PY-ZSJ/2023").isEmpty() || directory.fiscalYear("GZ-ZSJ/2021").isEmpty()) {
            assertThat(Instant.now()).as("directory read model caught up").isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private String page(String url) throws Exception {
        return html(mvc.perform(get(url).accept(MediaType.TEXT_HTML)).andExpect(status().isOk()));
    }

    private static String html(ResultActions result) throws Exception {
        result.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML));
        String body = result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("<html lang=\"zh-CN\"").contains("绩效账本");
        return body;
    }

    @Test
    void departmentListShowsUnitsYearsAndExecution() throws Exception {
        String body = page("/");
        assertThat(body).contains("部门与年度", "广州市政务服务数据管理局", "广州市数字政府运营中心", "2021 年度", "已结账",
                "href=\"/departments/GZ-ZSJ/years/2021\"", "href=\"/departments/PY-ZSJ/years/2023/evaluation\"",
                "392,951,003.55", "99.89%",
                // both units rendered server-side for the client-side toggle
                "data-yuan=\"392,951,003.55\"", "data-wan=\"39,295.10\"");
    }

    @Test
    void overviewShowsWaterfallExecutionCarryOverAndGroupings() throws Exception {
        String body = page(GZ);
        assertThat(body).contains("年度概览", "2021 年度", "全年预算", "392,951,003.55", "392,533,097.08", "99.89%",
                "104.60%", // 年度平均执行率
                "穗财预〔2021〕517号", "调剂", // the transfer under the waterfall
                "穗财预〔2021〕300号", // an execution notice
                "结转结余", "年末结转和结余", "4,122.00", "恒等式成立",
                "资金来源", "一般公共预算", "基本支出", "91,154,209.43", "项目支出", "301,796,794.12", "99.86%",
                "功能分类科目", "经济分类科目", "三公", "公务接待费",
                "/webjars/echarts/", "/dist/echarts.min.js", "data-charts=\"{&quot;", "chart-waterfall", "chart-execution",
                "评价基准日", "知悉时点");
    }

    @Test
    void overviewOfAYearWithAdjustmentsListsEveryDocument() throws Exception {
        String body = page("/departments/PY-ZSJ/years/2023");
        assertThat(body).contains("番财预〔2023〕198号", "番财预〔2023〕213号", "番财预〔2023〕351号", "追加",
                "150,947,100.00", "217,664,000.00", "21,766.40", "87.19%");
    }

    @Test
    void echartsIsServedFromTheWebJar() throws Exception {
        mvc.perform(get("/webjars/echarts/dist/echarts.min.js")).andExpect(status().isOk());
        mvc.perform(get("/ui/ledger.js")).andExpect(status().isOk());
        mvc.perform(get("/ui/ledger.css")).andExpect(status().isOk());
    }

    @Test
    void evaluationShowsTotalGradeDeclaredTotalAndTheOfficialColumns() throws Exception {
        String body = page(GZ + "/evaluation");
        assertThat(body).contains("自评表", "94.35", "优", "94.65", "+0.30", "class=\"diff bad\"",
                "一级指标", "二级指标", "三级指标", "指标解释/年度指标值", "实际完成值", "得分", "评分依据",
                "管理效能", "履职效能", "加减分项", "预算完成率", "1.99", "99.89%",
                "指标未达标", "目标值偏低", "2.66", "<details", "财政拨款全年预算数",
                "rowspan=\"", "结果摘要 SHA-256", "本次基准：评价基准日 <b>2021-12-31</b>");
    }

    @Test
    void movingTheEvaluationDateChangesTheTable() throws Exception {
        String yearEnd = page(GZ + "/evaluation?asOf=2021-12-31");
        String midYear = page(GZ + "/evaluation?asOf=2021-06-30");
        assertThat(midYear).contains("本次基准：评价基准日 <b>2021-06-30</b>", "缺少评分")
                .doesNotContain("<div class=\"score-total\">94.35</div>");
        assertThat(yearEnd).contains("<div class=\"score-total\">94.35</div>");
        assertThat(digest(midYear)).isNotEqualTo(digest(yearEnd));
    }

    @Test
    void knownAtIsReadAsBeijingTimeAndEchoed() throws Exception {
        String body = page(GZ + "/evaluation?asOf=2021-12-31&knownAt=2099-01-01T08:00");
        // 08:00 in Beijing is 00:00 UTC; the table is the current one (everything was recorded before 2099)
        assertThat(body).contains("2099-01-01 08:00:00", "asOf=2021-12-31&amp;knownAt=2099-01-01T00:00:00Z",
                "value=\"2099-01-01 08:00:00\"", "94.35");
        String before = page(GZ + "/evaluation?knownAt=2000-01-01T00:00:00Z");
        assertThat(before).contains("此基准下没有自评表");
    }

    @Test
    void eventTimelineFiltersAndLabelsInChinese() throws Exception {
        String all = page(GZ + "/events");
        assertThat(all).contains("记录时间线", "全局序号", "业务日期", "记录时间", "年度开立", "预算行设立", "演示合成",
                "原始数据", "下一页", "<option value=\"ExpenditureRecorded\">支出凭证</option>");
        String transfers = page(GZ + "/events?type=BudgetTransferred&from=2021-01-01&to=2021-12-31");
        assertThat(transfers).contains("预算调剂", "穗财预〔2021〕517号", "450,665.34", "共 <b>1</b> 条记录")
                .doesNotContain("年度开立</span>");
        String vouchers = page(GZ + "/events?type=ExpenditureRecorded&size=20&page=1");
        assertThat(vouchers).contains("凭证号", "支出凭证", "第 <span>2</span>");
    }

    @Test
    void unknownYearIsAChinese404Page() throws Exception {
        for (String url : new String[] {"/departments/GZ-ZSJ/years/2019", "/departments/GZ-ZSJ/years/2019/evaluation",
                "/departments/NO-SUCH/years/2021/events"}) {
            String body = html(mvc.perform(get(url).accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound()));
            assertThat(body).contains("404", "未找到", "字段", "规则", "部门").doesNotContain("Exception", "at cn.");
        }
    }

    @Test
    void malformedInputIsAChinese400Page() throws Exception {
        String asOf = html(mvc.perform(get(GZ + "/evaluation?asOf=2021-13-45").accept(MediaType.TEXT_HTML))
                .andExpect(status().isBadRequest()));
        assertThat(asOf).contains("400", "请求参数有误", "asOf", "评价基准日", "yyyy-MM-dd", "2021-13-45")
                .doesNotContain("Exception");
        String knownAt = html(mvc.perform(get(GZ + "/evaluation?knownAt=yesterday").accept(MediaType.TEXT_HTML))
                .andExpect(status().isBadRequest()));
        assertThat(knownAt).contains("knownAt", "知悉时点", "yesterday");
        String year = html(mvc.perform(get("/departments/GZ-ZSJ/years/abc").accept(MediaType.TEXT_HTML))
                .andExpect(status().isBadRequest()));
        assertThat(year).contains("year", "年度", "整数", "abc");
        String before = html(mvc.perform(get(GZ + "?asOf=2020-06-30").accept(MediaType.TEXT_HTML))
                .andExpect(status().isBadRequest()));
        assertThat(before).contains("asOf", "不能早于该年度");
        String range = html(mvc.perform(get(GZ + "/events?from=2021-12-31&to=2021-01-01").accept(MediaType.TEXT_HTML))
                .andExpect(status().isBadRequest()));
        assertThat(range).contains("from", "起始日期不能晚于截止日期");
        String type = html(mvc.perform(get(GZ + "/events?type=<script>").accept(MediaType.TEXT_HTML))
                .andExpect(status().isBadRequest()));
        assertThat(type).contains("记录类型").doesNotContain("<script>");
    }

    private static String digest(String body) {
        int at = body.indexOf("SHA-256 <code>");
        assertThat(at).isPositive();
        return body.substring(at, at + 100);
    }
}
