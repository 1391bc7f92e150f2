package cn.perfledger.app.ui.entry;

import static cn.perfledger.app.ui.entry.EntryFixture.DEPT;
import static cn.perfledger.app.ui.entry.EntryFixture.as;
import static cn.perfledger.app.ui.entry.EntryFixture.clerk;
import static cn.perfledger.app.ui.entry.EntryFixture.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.perfledger.app.readmodel.DirectoryQueries;
import cn.perfledger.app.security.DepartmentScope;
import cn.perfledger.app.security.LedgerRole;
import cn.perfledger.app.support.H2FileContext;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The clerk's entry forms through the page, as a browser posts them: each records its command once (a second post
 * of the same key answers the same redirect and writes nothing) and shows the new record at once; a refusal names
 * the field in Chinese beside it and writes nothing; without the CSRF token, with another role or for another
 * department the post is refused.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EntryPagesTest implements H2FileContext {

    /** Year 2021: walked through every form from opening to close. Year 2022: refusals (stays open). */
    static final int WALK = 2021;
    static final int OPEN = 2022;
    static final String BASE = "/departments/" + DEPT + "/years/";

    @Autowired
    MockMvc mvc;
    @Autowired
    DirectoryQueries directory;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void department() throws Exception {
        EntryFixture.department(mvc, directory);
        EntryFixture.openYear(mvc, OPEN);
    }

    /** The forms of the walk in the order a clerk enters a year: page, form, fields, the text the list then shows. */
    static List<Step> walk() {
        return List.of(
                step("lines", "line", "预算行设立", "lineId", "L1", "unit", "BJ", "fundingSource", "GENERAL_PUBLIC_BUDGET",
                        "kind", "PROJECT", "projectCode", "P001", "projectName", "政务平台运维", "functionalCode", "2010101",
                        "economicCode", "30227", "effectiveDate", "2021-01-01"),
                step("lines", "line", "预算行设立", "lineId", "L2", "unit", "XS", "fundingSource", "GENERAL_PUBLIC_BUDGET",
                        "kind", "BASIC_OPERATING", "functionalCode", "2010101", "economicCode", "30201",
                        "effectiveDate", "2021-01-01"),
                step("lines", "initial", "穗财预〔2021〕1号", "lineId", "L1", "amount", "1000000.00", "documentNo",
                        "穗财预〔2021〕1号", "effectiveDate", "2021-01-01"),
                step("lines", "initial", "穗财预〔2021〕2号", "lineId", "L2", "amount", "200000.00", "documentNo",
                        "穗财预〔2021〕2号", "effectiveDate", "2021-01-01"),
                step("adjustments", "adjustment", "穗财预〔2021〕88号", "kind", "INCREASE", "lineId", "L1", "amount",
                        "50000.00", "documentNo", "穗财预〔2021〕88号", "reason", "追加平台扩容经费", "effectiveDate",
                        "2021-05-10"),
                step("adjustments", "adjustment", "穗财预〔2021〕95号", "kind", "DECREASE", "lineId", "L2", "amount",
                        "10000.00", "documentNo", "穗财预〔2021〕95号", "reason", "压减一般性支出", "effectiveDate",
                        "2021-06-01"),
                step("adjustments", "adjustment", "L1 -20,000.00，L2 +20,000.00", "kind", "TRANSFER", "lineId", "L1",
                        "targetLineId", "L2", "amount", "20000.00", "documentNo", "穗财预〔2021〕120号", "reason",
                        "调剂至公用经费", "effectiveDate", "2021-07-01"),
                step("adjustments", "carry-in", "年初结转和结余", "lineId", "L1", "amount", "3000.00", "kind",
                        "CARRY_FORWARD"),
                step("adjustments", "withdrawal", "-1,000.00", "lineId", "L2", "amount", "1000.00", "documentNo",
                        "穗财预〔2021〕130号", "reason", "收回结余指标", "effectiveDate", "2021-08-01"),
                step("vouchers", "voucher", "凭证号 记-0001", "voucherNo", "记-0001", "lineId", "L1", "amount", "120000.00",
                        "effectiveDate", "2021-03-15", "payee", "某科技公司", "summary", "平台运维费"),
                step("vouchers", "reversal", "-20,000.00", "originalVoucherNo", "记-0001", "voucherNo", "红-0001",
                        "amount", "20000.00", "reason", "多付款项冲回", "effectiveDate", "2021-03-20"),
                step("procurement", "plan", "采购项目 CG-01", "procurementId", "CG-01", "name", "运维服务采购", "category",
                        "SERVICES", "planAmount", "300000.00", "smeReserve", "100000.00", "effectiveDate", "2021-02-01"),
                step("procurement", "contract", "合同 HT-01", "procurementId", "CG-01", "contractNo", "HT-01",
                        "contractAmount", "280000.00", "awardNoticeDate", "2021-02-20", "signedDate", "2021-03-01"),
                step("procurement", "filing", "采购合同备案", "procurementId", "CG-01", "contractNo", "HT-01",
                        "filedDate", "2021-03-02"),
                step("procurement", "execution", "政府采购执行", "procurementId", "CG-01", "amount", "280000.00",
                        "smeAwardedAmount", "100000.00", "effectiveDate", "2021-06-30"),
                step("notices", "notice", "穗财通〔2021〕6号", "documentNo", "穗财通〔2021〕6号", "requiredProgress", "50%",
                        "publishedRate", "0.4", "noticeDate", "2021-06-30"),
                step("notices", "assets", "固定资产登记", "originalValue", "500000.00", "inUseValue", "450000.00",
                        "effectiveDate", "2021-12-31"),
                step("close", "close", "年度结账", "confirm", "yes"));
    }

    /** The year opened, and the warning recorded with it: its rubric (广州市本级 2021) is another place's. */
    private static final long OPENING_EVENTS = 2;

    record Step(String page, String form, String shows, Map<String, String> fields) {
    }

    private static Step step(String page, String form, String shows, String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return new Step(page, form, shows, fields);
    }

    @Test
    void aClerkOpensAYearAndEntersItThroughEveryForm_eachPostRecordsOnce_andTheListShowsItAtOnce() throws Exception {
        if (events(jdbc, WALK) == 0) {
            String key = newKey();
            MockHttpServletResponse opened = mvc.perform(form("/departments/" + DEPT + "/entry/open-year", key,
                    Map.of("year", "2021", "rubricVersion", "gz-municipal-2021@1"))).andReturn().getResponse();
            assertThat(opened.getStatus()).isEqualTo(303);
            assertThat(opened.getRedirectedUrl()).startsWith(BASE + WALK + "/entry?recorded=");
            assertThat(events(jdbc, WALK)).isEqualTo(OPENING_EVENTS);
        }
        assertThat(events(jdbc, WALK)).as("the walk starts from a freshly opened year").isEqualTo(OPENING_EVENTS);
        for (Step step : walk()) {
            String action = BASE + WALK + "/entry/" + step.page() + "/" + step.form();
            long before = events(jdbc, WALK);
            String key = newKey();
            MockHttpServletResponse first = mvc.perform(form(action, key, step.fields())).andReturn().getResponse();
            assertThat(first.getStatus()).as(step.form() + ": " + first.getContentAsString(StandardCharsets.UTF_8))
                    .isEqualTo(303);
            // a double click: the same key and content again answers the same redirect and records nothing
            MockHttpServletResponse again = mvc.perform(form(action, key, step.fields())).andReturn().getResponse();
            assertThat(again.getStatus()).isEqualTo(303);
            assertThat(again.getRedirectedUrl()).isEqualTo(first.getRedirectedUrl());
            assertThat(events(jdbc, WALK)).as(step.form() + " records one event").isEqualTo(before + 1);

            String location = first.getRedirectedUrl();
            assertThat(location).startsWith(BASE + WALK + "/entry/" + step.page() + "?recorded=").endsWith("#recent");
            String page = html(mvc.perform(get(location.replace("#recent", "")).with(clerk())).andReturn()
                    .getResponse(), 200);
            assertThat(page).contains("已登记", "class=\"badge new\"", step.shows());
        }
        String vouchers = html(mvc.perform(get(BASE + WALK + "/entry/vouchers").with(clerk())).andReturn()
                .getResponse(), 200);
        // the reversal in red, as a negative; after close the forms ask for the post-close reason
        assertThat(vouchers).contains("red-entry", "class=\"money neg\"", "-20,000.00", "结账后更正原因", "本年度已结账");
        assertThat(vouchers).contains("action=\"" + BASE + WALK + "/entry/vouchers/voucher\"",
                "action=\"" + BASE + WALK + "/entry/vouchers/reversal\"");

        // the closed year's 年度结账 page: when and by whom it was closed instead of the form, and where the
        // corrections the ledger still takes are entered
        String close = html(mvc.perform(get(BASE + WALK + "/entry/close").with(clerk())).andReturn().getResponse(), 200);
        assertThat(close).doesNotContain("action=\"" + BASE + WALK + "/entry/close/close\"")
                .contains("本年度已结账", "结账日期（业务日期）", "北京时间）登记", "已结账的年度不再受理：结账",
                        "可登记的结账后更正", "href=\"" + BASE + WALK + "/entry/vouchers\"",
                        "href=\"" + BASE + WALK + "/entry/adjustments\"");
        String corrections = close.substring(close.indexOf("可登记的结账后更正"));
        corrections = corrections.substring(0, corrections.indexOf("</p>"));
        assertThat(corrections).contains("支出凭证与红字冲销", "预算调整与年初结转")
                .doesNotContain("政府采购", "年度结账", "预算行与年初预算");
        assertThat(close).containsPattern("由 <b>[^<]+</b> 于 <b>\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}</b>");
        // adjustments and withdrawals are corrections a closed year takes; a carry-in it refuses
        String adjustments = html(mvc.perform(get(BASE + WALK + "/entry/adjustments").with(clerk())).andReturn()
                .getResponse(), 200);
        assertThat(adjustments).contains("/entry/adjustments/adjustment\"", "/entry/adjustments/withdrawal\"",
                "已结账的年度不再受理：年初结转和结余").doesNotContain("/entry/adjustments/carry-in\"");
        String procurement = html(mvc.perform(get(BASE + WALK + "/entry/procurement").with(clerk())).andReturn()
                .getResponse(), 200);
        assertThat(procurement).doesNotContain("class=\"entry-form\"").contains("已结账的年度不再受理：政府采购预算");
        // the open year still shows its 结账 form
        String open = html(mvc.perform(get(BASE + OPEN + "/entry/close").with(clerk())).andReturn().getResponse(), 200);
        assertThat(open).contains("action=\"" + BASE + OPEN + "/entry/close/close\"").doesNotContain("本年度已结账");
    }

    static Stream<Arguments> forms() {
        return Stream.of(Arguments.of("lines", "line"), Arguments.of("lines", "initial"),
                Arguments.of("adjustments", "adjustment"), Arguments.of("adjustments", "carry-in"),
                Arguments.of("adjustments", "withdrawal"), Arguments.of("vouchers", "voucher"),
                Arguments.of("vouchers", "reversal"), Arguments.of("procurement", "plan"),
                Arguments.of("procurement", "contract"), Arguments.of("procurement", "filing"),
                Arguments.of("procurement", "execution"), Arguments.of("notices", "notice"),
                Arguments.of("notices", "assets"), Arguments.of("close", "close"));
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("forms")
    void everyFormRefusesAnEmptyPostInChinese_aPostWithoutCsrf_otherRolesAndOtherDepartments(String page, String form)
            throws Exception {
        String action = BASE + OPEN + "/entry/" + page + "/" + form;
        long before = events(jdbc, OPEN);
        String refused = html(mvc.perform(form(action, newKey(), Map.of())).andReturn().getResponse(), 400);
        assertThat(refused).contains("未登记：请按提示修改后再提交", "class=\"field-error\"")
                .containsAnyOf("不能为空", "请勾选确认结账");

        Map<String, String> any = Map.of("lineId", "L1", "amount", "1.00", "confirm", "yes");
        assertThat(mvc.perform(post(action).with(clerk()).param("idempotencyKey", newKey()).params(params(any)))
                .andReturn().getResponse().getStatus()).as("no CSRF token").isEqualTo(403);
        for (RequestPostProcessor other : List.of(as("entry-auditor", LedgerRole.AUDITOR, DepartmentScope.of(DEPT)),
                as("entry-evaluator", LedgerRole.EVALUATOR, DepartmentScope.of(DEPT)),
                as("other-clerk", LedgerRole.CLERK, DepartmentScope.of("GZ-ZSJ")))) {
            assertThat(mvc.perform(post(action).with(other).with(csrf()).param("idempotencyKey", newKey()).params(params(any)))
                    .andReturn().getResponse().getStatus()).isEqualTo(403);
        }
        assertThat(events(jdbc, OPEN)).isEqualTo(before);
    }

    @Test
    void theLedgersRefusalIsShownInChineseBesideItsField_withTheValuesAsPosted() throws Exception {
        String action = BASE + OPEN + "/entry/vouchers/voucher";
        long before = events(jdbc, OPEN);
        String tooPrecise = html(mvc.perform(form(action, newKey(), Map.of("voucherNo", "记-9", "lineId", "L1",
                "amount", "12.345", "effectiveDate", "2022-03-01"))).andReturn().getResponse(), 400);
        assertThat(fieldError(tooPrecise, "vouchers", "voucher-amount")).contains("金额最多保留两位小数");
        assertThat(tooPrecise).contains("value=\"12.345\"", "value=\"记-9\"");

        String overspent = html(mvc.perform(form(action, newKey(), Map.of("voucherNo", "记-9", "lineId", "L1",
                "amount", "100000.01", "effectiveDate", "2022-03-01"))).andReturn().getResponse(), 400);
        assertThat(fieldError(overspent, "vouchers", "voucher-amount")).contains("L1");

        String badDate = html(mvc.perform(form(action, newKey(), Map.of("voucherNo", "记-9", "lineId", "L1",
                "amount", "1.00", "effectiveDate", "2021-12-31"))).andReturn().getResponse(), 400);
        assertThat(fieldError(badDate, "vouchers", "voucher-effectiveDate")).contains("2022");
        assertThat(events(jdbc, OPEN)).isEqualTo(before);

        String transferToItself = html(mvc.perform(form(BASE + OPEN + "/entry/adjustments/adjustment", newKey(),
                Map.of("kind", "INCREASE", "lineId", "L1", "targetLineId", "L1", "amount", "1.00", "documentNo", "x号",
                        "reason", "r", "effectiveDate", "2022-03-01"))).andReturn().getResponse(), 400);
        assertThat(fieldError(transferToItself, "adjustments", "adjustment-targetLineId")).contains("仅用于调剂");
    }

    @Test
    void aKeyUsedForOtherContentIsRefused_andARefusedPostLeavesItsKeyForTheCorrection() throws Exception {
        String action = BASE + OPEN + "/entry/vouchers/voucher";
        String key = newKey();
        long before = events(jdbc, OPEN);
        String voucher = "记-K" + UUID.randomUUID().toString().substring(0, 6);
        html(mvc.perform(form(action, key, Map.of("voucherNo", voucher, "lineId", "L1", "amount", "1.001",
                "effectiveDate", "2022-04-01"))).andReturn().getResponse(), 400);
        assertThat(mvc.perform(form(action, key, Map.of("voucherNo", voucher, "lineId", "L1", "amount", "1.00",
                "effectiveDate", "2022-04-01"))).andReturn().getResponse().getStatus()).isEqualTo(303);
        String other = html(mvc.perform(form(action, key, Map.of("voucherNo", voucher + "X", "lineId", "L1",
                "amount", "1.00", "effectiveDate", "2022-04-01"))).andReturn().getResponse(), 422);
        assertThat(other).contains("表单：此表单已提交过另一份内容").doesNotContain("idempotencyKey：");
        assertThat(events(jdbc, OPEN)).isEqualTo(before + 1);
    }

    @Test
    void onlyClerksOfTheDepartmentSeeTheFormsAndTheLink() throws Exception {
        String overview = html(mvc.perform(get(BASE + OPEN).with(clerk())).andReturn().getResponse(), 200);
        assertThat(overview).contains("href=\"" + BASE + OPEN + "/entry\"");
        String auditorsOverview = html(mvc.perform(get(BASE + OPEN).with(as("entry-auditor", LedgerRole.AUDITOR,
                DepartmentScope.of(DEPT)))).andReturn().getResponse(), 200);
        assertThat(auditorsOverview).doesNotContain("href=\"" + BASE + OPEN + "/entry\"");
        for (String page : List.of("", "/vouchers", "/upload")) {
            String refused = html(mvc.perform(get(BASE + OPEN + "/entry" + page).with(as("entry-auditor",
                    LedgerRole.AUDITOR, DepartmentScope.of(DEPT)))).andReturn().getResponse(), 403);
            assertThat(refused).contains("无权录入").doesNotContain("name=\"idempotencyKey\"");
        }
        assertThat(mvc.perform(get(BASE + OPEN + "/entry/vouchers").with(as("other-clerk", LedgerRole.CLERK,
                DepartmentScope.of("GZ-ZSJ")))).andReturn().getResponse().getStatus()).isEqualTo(403);
        String home = html(mvc.perform(get(BASE + OPEN + "/entry").with(clerk())).andReturn().getResponse(), 200);
        assertThat(home).contains("支出凭证与红字冲销", "导入账务文件", "最近记录", "年初预算批复");
    }

    static String newKey() {
        return "form-test-" + UUID.randomUUID();
    }

    private static MockHttpServletRequestBuilder form(String action, String key, Map<String, String> fields) {
        return post(action).with(clerk()).with(csrf()).param("idempotencyKey", key).params(params(fields));
    }

    private static org.springframework.util.MultiValueMap<String, String> params(Map<String, String> fields) {
        org.springframework.util.LinkedMultiValueMap<String, String> params = new org.springframework.util.LinkedMultiValueMap<>();
        fields.forEach(params::add);
        return params;
    }

    static String html(MockHttpServletResponse response, int status) throws Exception {
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(body).isEqualTo(status);
        assertThat(body).contains("<html lang=\"zh-CN\"");
        return body;
    }

    /** The error drawn beside the input {@code inputId} (the text of its field-error element). */
    static String fieldError(String html, String page, String inputId) {
        int input = html.indexOf("id=\"" + inputId + "\"");
        assertThat(input).as("input " + inputId + " on " + page).isPositive();
        java.util.regex.Matcher next = java.util.regex.Pattern.compile("<div class=\"field[ \"]").matcher(html);
        int fieldEnd = next.find(input) ? next.start() : html.length();
        String field = html.substring(input, fieldEnd);
        int error = field.indexOf("class=\"field-error\">");
        assertThat(error).as("an error beside " + inputId).isPositive();
        return field.substring(error + 20, field.indexOf("</div>", error));
    }
}
