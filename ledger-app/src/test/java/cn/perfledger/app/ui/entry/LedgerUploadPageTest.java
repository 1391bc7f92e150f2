package cn.perfledger.app.ui.entry;

import static cn.perfledger.app.ui.entry.EntryFixture.DEPT;
import static cn.perfledger.app.ui.entry.EntryFixture.clerk;
import static cn.perfledger.app.ui.entry.EntryFixture.events;
import static cn.perfledger.app.ui.entry.EntryPagesTest.html;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.perfledger.app.readmodel.DirectoryQueries;
import cn.perfledger.app.security.DepartmentScope;
import cn.perfledger.app.security.LedgerRole;
import cn.perfledger.app.support.H2FileContext;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * 导入账务文件 through the page: a preview that writes nothing (template errors listed by row, column and cell), a
 * confirmation whose ledger refusal is the API's 422 list as the same table, the corrected file imported once.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LedgerUploadPageTest implements H2FileContext {

    static final int YEAR = 2023;
    static final String UPLOAD = "/departments/" + DEPT + "/years/" + YEAR + "/entry/upload";
    static final String HEADER = "记录类型,预算行编号,业务日期,金额,文号,调整原因,凭证号,收款人,摘要,调入预算行编号,单位编码,资金来源,支出类型,"
            + "项目编码,项目名称,功能分类科目,经济分类科目\n";

    @Autowired
    MockMvc mvc;
    @Autowired
    DirectoryQueries directory;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void year() throws Exception {
        EntryFixture.department(mvc, directory);
        EntryFixture.openYear(mvc, YEAR);
    }

    static String file(String voucherAmount, String secondAmount) {
        return "金额单位,元\n" + HEADER
                + "预算科目,U1,2023-01-01,,,,,,,,BJ,一般公共预算,项目支出,P9,平台建设,2010101,30227\n"
                + "年初预算,U1,2023-01-01,50000.00,测财〔2023〕9号,,,,,,,,,,,,\n"
                + "支出凭证,U1,2023-02-01," + voucherAmount + ",,,记-9001,某公司,设备购置,,,,,,,,\n"
                + "支出凭证,U1,2023-02-03," + secondAmount + ",,,记-9002,某公司,安装调试,,,,,,,,\n";
    }

    @Test
    void aFileIsPreviewed_refusedWithEveryCell_fixedAndImportedOnce() throws Exception {
        long before = events(jdbc, YEAR);
        // a template error: shown at once, in the preview, nothing kept for confirmation
        MockHttpServletResponse templateError = mvc.perform(multipart(UPLOAD).file(csv(file("12.345", "1.00")))
                .with(clerk()).with(csrf())).andReturn().getResponse();
        String preview = html(templateError, 422);
        assertThat(preview).contains("不能导入", "<td class=\"cell\">D5</td>", "金额").doesNotContain("确认导入");

        // a ledger refusal: the preview passes, the confirmation is refused with the API's 422 errors
        MvcResult previewed = mvc.perform(multipart(UPLOAD).file(csv(file("40000.00", "20000.00"))).with(clerk())
                .with(csrf())).andReturn();
        String ok = html(previewed.getResponse(), 200);
        assertThat(ok).contains("确认导入", "支出凭证", "60,000.00", "年初预算", "50,000.00");
        MockHttpSession session = (MockHttpSession) previewed.getRequest().getSession(false);
        MockHttpServletResponse refused = mvc.perform(post(UPLOAD + "/confirm").session(session).with(clerk())
                .with(csrf()).param("token", field(ok, "token")).param("idempotencyKey", field(ok, "idempotencyKey"))).andReturn()
                .getResponse();
        String table = html(refused, 422);
        assertThat(table).contains("未写入任何记录", "<td class=\"num\">6</td>", "<td class=\"cell\">D6</td>", "U1");
        assertThat(events(jdbc, YEAR)).isEqualTo(before);

        // fixed and uploaded again: confirmed twice with the same key, imported once
        MvcResult fixed = mvc.perform(multipart(UPLOAD).file(csv(file("40000.00", "10000.00"))).with(clerk())
                .with(csrf())).andReturn();
        String fixedPreview = html(fixed.getResponse(), 200);
        session = (MockHttpSession) fixed.getRequest().getSession(false);
        for (int i = 0; i < 2; i++) {
            MockHttpServletResponse done = mvc.perform(post(UPLOAD + "/confirm").session(session).with(clerk())
                    .with(csrf()).param("token", field(fixedPreview, "token"))
                    .param("idempotencyKey", field(fixedPreview, "idempotencyKey"))).andReturn().getResponse();
            if (i == 0) {
                assertThat(done.getStatus()).isEqualTo(303);
                assertThat(done.getRedirectedUrl()).startsWith(UPLOAD + "?recorded=");
                String after = html(mvc.perform(get(done.getRedirectedUrl().replace("#recent", "")).with(clerk()))
                        .andReturn().getResponse(), 200);
                assertThat(after).contains("已导入", "账务文件导入", "记-9002", "class=\"badge new\"");
            }
        }
        // 1 line + 1 budget + 2 vouchers + the import's own record
        assertThat(events(jdbc, YEAR)).isEqualTo(before + 5);
    }

    @Test
    void theUploadIsTheClerks() throws Exception {
        assertThat(mvc.perform(multipart(UPLOAD).file(csv(file("1.00", "1.00"))).with(clerk())).andReturn()
                .getResponse().getStatus()).as("no CSRF token").isEqualTo(403);
        assertThat(mvc.perform(multipart(UPLOAD).file(csv(file("1.00", "1.00"))).with(csrf())
                .with(EntryFixture.as("entry-evaluator", LedgerRole.EVALUATOR, DepartmentScope.of(DEPT)))).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
        byte[] template = mvc.perform(get(UPLOAD + "/template.xlsx").with(clerk())).andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(template).startsWith((byte) 'P', (byte) 'K');
    }

    private static MockMultipartFile csv(String content) {
        return new MockMultipartFile("file", "预算台账.csv", "text/csv", content.getBytes(StandardCharsets.UTF_8));
    }

    private static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as(name).isTrue();
        return m.group(1);
    }
}
