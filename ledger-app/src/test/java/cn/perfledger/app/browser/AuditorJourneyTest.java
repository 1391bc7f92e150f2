package cn.perfledger.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.app.demo.DemoUsers;
import cn.perfledger.app.security.DepartmentScope;
import cn.perfledger.app.security.LedgerRole;
import cn.perfledger.app.security.UserStore;
import cn.perfledger.app.support.DemoServer;
import cn.perfledger.domain.common.FiscalYearId;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Journey (d), an auditor in headless Chromium at 1366×768: after the department submitted its 自评表 and closed
 * the year, a clerk makes a late correction through the API (the largest December voucher reversed and recorded
 * again for less, with payee and 摘要), so the 预算完成率 score drops below what was submitted. The auditor signs
 * in, opens the 自评表 (1 click), follows the dropped cell's 较提交时 link to why it dropped (2) and the correction's
 * voucher number to 联查凭证 (3), where the voucher shows its amount, its line with names, payee, 摘要, who
 * recorded it when from which client, its reversal trail and the chain status. Then the 自评表 is printed: with
 * print media emulated the navigation and the pickers are gone and the footer carries the basis and digest;
 * Selenium's print lays it out on A4 landscape. Works on a copy of the demo year (department AUD-ZSJ), so the other
 * tests' figures stay as the seeds print them. Screenshots and the PDF: target/browser-screenshots/auditor/.
 */
class AuditorJourneyTest extends DemoServer {

    static final Path OUT = HeadlessChromium.SCREENSHOTS.resolve("auditor");
    private static final String DEPT = "AUD-ZSJ";
    private static final FiscalYearId YEAR = FiscalYearId.of(DEPT, 2021);

    /** The copy's own clerk: the demo clerk's scope is GZ-ZSJ only. */
    private static final String CLERK = "clerk-aud";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserStore users;

    ChromeDriver browser;
    WebDriverWait wait;
    int clicks;

    @BeforeEach
    void browser() throws Exception {
        Files.createDirectories(OUT);
        browser = HeadlessChromium.start(Files.createTempDirectory("ledger-downloads-"));
        wait = HeadlessChromium.waitFor(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void auditor_goesFromADroppedScoreToTheVoucherInThreeClicks_andPrintsTheTable() throws Exception {
        LateCorrection late = dropAScoreAfterTheSubmission();

        browser.get(url("/login"));
        browser.findElement(By.name("username")).sendKeys("auditor");
        browser.findElement(By.name("password")).sendKeys(DemoUsers.PASSWORD);
        browser.findElement(By.cssSelector("form button[type='submit']")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
        shot("00-directory");

        // 1: the year's 自评表 from the directory, where an auditor starts after signing in
        click(By.cssSelector("a[href$='/departments/" + DEPT + "/years/2021/evaluation']"));
        WebElement dropped = wait.until(d -> d.findElement(
                By.cssSelector("#item-M\\.FUND\\.BUDGET-COMPLETION a.since-submission")));
        assertThat(dropped.getText()).startsWith("较提交时 −");
        shot("01-evaluation-dropped-score");
        assertNothingOverflows();

        // 2: why it dropped, from the submission to now
        click(By.cssSelector("#item-M\\.FUND\\.BUDGET-COMPLETION a.since-submission"));
        String why = wait.until(d -> d.findElement(By.tagName("main"))).getText();
        assertThat(why).contains("得分变动原因", "预算完成率", "第 1 次自评提交时", late.reversal(), late.correction());
        shot("02-why-dropped");
        assertNothingOverflows();

        // 3: the late correction's voucher
        click(By.cssSelector("a.voucher-link[href*='" + encoded(late.correction()) + "']"));
        WebElement head = wait.until(d -> d.findElement(By.cssSelector(".voucher-page .voucher-head")));
        assertThat(clicks).as("clicks from the directory to the voucher page").isLessThanOrEqualTo(3);
        String voucher = head.getText();
        assertThat(head.findElement(By.tagName("h1")).getText()).contains(late.correction());
        assertThat(voucher).contains("金额（元）", "业务日期", "2021-12-30",
                "收款人", late.payee(), "摘要", late.summary(),
                "预算行", "单位", "广州市政务服务数据管理局", "资金来源", "一般公共预算", "功能分类", "经济分类",
                "记录人", CLERK + "（录入）", "记录来源", "接口（API）", "结账后更正原因", "审计发现多计支出，结账后更正");
        assertThat(voucher).containsPattern("记录时间\\s*\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}（北京时间）");
        assertThat(head.findElement(By.cssSelector(".voucher-amount .money")).getText()).matches("[\\d,]+\\.\\d{2}");
        String trail = browser.findElement(By.cssSelector(".voucher-trail tbody")).getText();
        assertThat(trail).contains("冲销（红字）", late.reversal(), late.original(), "验收复核：原凭证金额按合同全额入账");
        assertThat(browser.findElement(By.cssSelector(".voucher-page")).getText()).contains("链状态", "完整");
        shot("03-voucher");
        assertNothingOverflows();
        System.out.println("[journey] auditor: " + clicks + " clicks: directory → 自评表 → 得分变动原因 → 联查凭证");

        // print the 自评表: print media hides navigation and pickers and shows the footer with basis and digest
        browser.get(url("/departments/" + DEPT + "/years/2021/evaluation?asOf=2021-12-31"));
        wait.until(d -> d.findElement(By.cssSelector(".score-total")));
        String digest = browser.findElement(By.cssSelector(".basis-used .digest code")).getText();
        assertThat(browser.findElement(By.cssSelector(".print-footer")).isDisplayed()).isFalse();
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        for (String hidden : new String[] {".main-nav", ".site-header .bar", ".sub-nav", "form.basis-form", ".basis-picks", ".toolbar",
                "a.since-submission"}) {
            for (WebElement element : browser.findElements(By.cssSelector(hidden))) {
                assertThat(element.isDisplayed()).as("%s in print", hidden).isFalse();
            }
        }
        assertThat(browser.findElements(By.cssSelector("form.basis-form"))).isNotEmpty();
        WebElement footer = browser.findElement(By.cssSelector(".print-footer"));
        assertThat(footer.isDisplayed()).isTrue();
        assertThat(footer.getText()).contains("部门整体支出绩效自评表", "评价基准日 2021-12-31", "结果摘要 SHA-256",
                digest);
        // every column of the table fits the printed width
        Object overflow = browser.executeScript("const t = document.querySelector('table.eval');"
                + "return t.scrollWidth - t.parentElement.clientWidth;");
        assertThat(((Number) overflow).longValue()).as("自评表 wider than the printed page").isLessThanOrEqualTo(0);
        // …and uses it: the table spans the page, 评分依据 (the widest text) keeps its share
        @SuppressWarnings("unchecked")
        Map<String, Number> widths = (Map<String, Number>) browser.executeScript(
                "const t = document.querySelector('table.eval');"
                + "const b = t.querySelector('thead th:last-child');"
                + "return {table: t.getBoundingClientRect().width, page: document.body.clientWidth,"
                + " basis: b.getBoundingClientRect().width};");
        System.out.println("[print] 自评表 widths in print media: " + widths);
        assertThat(widths.get("table").doubleValue()).as("自评表 width in print, of the page " + widths)
                .isGreaterThan(0.9 * widths.get("page").doubleValue());
        assertThat(widths.get("basis").doubleValue()).as("评分依据 column in print " + widths)
                .isGreaterThan(0.2 * widths.get("table").doubleValue());
        shot("04-evaluation-print-media");
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));

        // Selenium's print (WebDriver "Print Page"), A4 landscape as the 打印（A4 横向） button says
        PrintOptions a4 = new PrintOptions();
        a4.setPageSize(new PageSize(29.7, 21.0));
        a4.setOrientation(PrintOptions.Orientation.LANDSCAPE);
        a4.setBackground(true);
        byte[] bytes = java.util.Base64.getDecoder().decode(browser.print(a4).getContent());
        Files.write(OUT.resolve("05-evaluation.pdf"), bytes);
        String pdf = new String(bytes, StandardCharsets.ISO_8859_1);
        assertThat(pdf).startsWith("%PDF");
        Matcher box = Pattern.compile("/MediaBox\\s*\\[\\s*0 0 ([\\d.]+) ([\\d.]+)\\s*]").matcher(pdf);
        assertThat(box.find()).as("PDF page size").isTrue();
        // A4 landscape: 297 × 210 mm = 841.9 × 595.3 pt
        assertThat(Double.parseDouble(box.group(1))).isCloseTo(841.9, Offset.offset(2.0));
        assertThat(Double.parseDouble(box.group(2))).isCloseTo(595.3, Offset.offset(2.0));

        // the other two printed pages: execution (overview) and reconciliation, on screen and as printed
        for (String page : new String[] {"", "/reconciliation"}) {
            String name = page.isEmpty() ? "06-overview" : "08-reconciliation";
            browser.get(url("/departments/" + DEPT + "/years/2021" + page + "?asOf=2021-12-31"));
            wait.until(d -> d.findElement(By.cssSelector(".print-footer")));
            shot(name);
            assertNothingOverflows();
            browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
            assertThat(browser.findElement(By.cssSelector(".print-footer")).isDisplayed()).isTrue();
            assertThat(browser.findElement(By.cssSelector(".sub-nav")).isDisplayed()).isFalse();
            shot(name + "-print-media");
            browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    /** The late correction the auditor follows: the reversal and the voucher that corrects the original. */
    record LateCorrection(String original, String reversal, String correction, String payee, String summary) {
    }

    /**
     * A copy of the 市本级 2021 year (its submission included), then, after the submission and the close, a clerk's
     * late correction through the API: the largest December voucher reversed and recorded again at 40 % of its
     * amount, with a payee and a 摘要. The year's execution rate and the 预算完成率 score fall below the submitted ones.
     */
    private LateCorrection dropAScoreAfterTheSubmission() {
        Long stored = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                Long.class, YEAR.toString());
        if (stored == null || stored == 0) {
            loader.load(loader.read("demo/gz-municipal-2021.json").underDepartment(DEPT, "（审计旅程副本）"));
        }
        users.createIfAbsent(new UserStore.NewUser(CLERK, "录入员（审计旅程副本）", DemoUsers.PASSWORD,
                Set.of(LedgerRole.CLERK), DepartmentScope.of(DEPT)), "auditor-journey");
        JsonNode events = api("auditor", "/api/v1/departments/" + DEPT
                + "/years/2021/events?type=ExpenditureRecorded&from=2021-12-01&to=2021-12-31&size=1000");
        java.util.Set<String> reversed = new java.util.HashSet<>();
        api("auditor", "/api/v1/departments/" + DEPT + "/years/2021/events?type=ExpenditureReversed&size=1000")
                .path("events").forEach(e -> reversed.add(e.path("payload").path("originalVoucherNo").asText()));
        JsonNode largest = null;
        for (JsonNode event : events.path("events")) {
            JsonNode payload = event.path("payload");
            if (payload.path("correctionOf").isTextual() || reversed.contains(payload.path("voucherNo").asText())) {
                continue; // an earlier run's correction or its reversed original
            }
            if (largest == null || new BigDecimal(payload.path("amount").asText())
                    .compareTo(new BigDecimal(largest.path("amount").asText())) > 0) {
                largest = payload;
            }
        }
        assertThat(largest).as("a December voucher of the copy").isNotNull();
        long run = System.nanoTime() % 1_000_000;
        String original = largest.path("voucherNo").asText();
        BigDecimal amount = new BigDecimal(largest.path("amount").asText());
        LateCorrection late = new LateCorrection(original, "红冲-" + run, "更正-" + run, "广州数字政府运营服务有限公司",
                "12 月运维服务费（按验收量更正）");
        String base = "/api/v1/departments/" + DEPT + "/years/2021/";
        post(base + "reversals", Map.of("voucherNo", late.reversal(), "originalVoucherNo", original,
                "amount", amount.toPlainString(), "reason", "验收复核：原凭证金额按合同全额入账",
                "effectiveDate", "2021-12-30", "postCloseReason", "审计发现多计支出，结账后更正"));
        post(base + "expenditures", Map.of("voucherNo", late.correction(), "lineId", largest.path("lineId").asText(),
                "amount", amount.multiply(new BigDecimal("0.4")).setScale(2, RoundingMode.HALF_UP).toPlainString(),
                "effectiveDate", "2021-12-30", "payee", late.payee(), "summary", late.summary(),
                "correctionOf", original, "postCloseReason", "审计发现多计支出，结账后更正"));
        return late;
    }

    /** {@code POST path} as the copy's clerk, as the clerk's client would (JSON, an Idempotency-Key). */
    private void post(String path, Map<String, String> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotency-Key", "auditor-journey-" + System.nanoTime());
        ResponseEntity<String> answer = rest.withBasicAuth(CLERK, DemoUsers.PASSWORD).exchange(path,
                HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
        assertThat(answer.getStatusCode().is2xxSuccessful()).as("%s: %s", path, answer.getBody()).isTrue();
    }

    private void click(By by) {
        wait.until(d -> d.findElement(by)).click();
        clicks++;
    }

    private static String encoded(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private void assertNothingOverflows() {
        Object wider = browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) wider).longValue()).as("page wider than the 1366 px window").isLessThanOrEqualTo(0);
    }

    private void shot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), OUT.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
