package cn.perfledger.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.app.command.ClientKind;
import cn.perfledger.app.command.CommandDispatcher;
import cn.perfledger.app.command.CommandOrigin;
import cn.perfledger.app.demo.DemoUsers;
import cn.perfledger.app.support.DemoServer;
import cn.perfledger.domain.budget.BudgetCommand;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.domain.common.Money;
import cn.perfledger.domain.common.VoucherNo;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Journey (d), an auditor in headless Chromium at 1366×768: after the department submitted its 自评表, a clerk
 * reverses the year's largest December voucher (a post-close correction), so the 预算完成率 score drops below what
 * was submitted. The auditor signs in, opens the 自评表 (1 click), follows the dropped cell's 较提交时 link to why it
 * dropped (2) and the reversal's voucher number to 联查凭证 (3), where the voucher shows its amount, its line with
 * names, who recorded it from which client and the chain status. Then the 自评表 is printed: with print media
 * emulated the navigation and the pickers are gone and the footer carries the basis and digest; Chrome's
 * print-to-PDF lays it out on A4 landscape. Works on a copy of the demo year (department AUD-ZSJ), so the other
 * tests' figures stay as the seeds print them. Screenshots and the PDF: target/journeys/auditor/.
 */
class AuditorJourneyTest extends DemoServer {

    static final Path OUT = Path.of("target", "journeys", "auditor");
    private static final String DEPT = "AUD-ZSJ";
    private static final FiscalYearId YEAR = FiscalYearId.of(DEPT, 2021);

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CommandDispatcher dispatcher;

    ChromeDriver browser;
    WebDriverWait wait;
    int clicks;

    @BeforeEach
    void browser() throws Exception {
        Files.createDirectories(OUT);
        browser = HeadlessChromium.start(Files.createTempDirectory("ledger-downloads-"));
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void auditor_goesFromADroppedScoreToTheVoucherInThreeClicks_andPrintsTheTable() throws Exception {
        String reversal = dropAScoreAfterTheSubmission();

        browser.get(url("/login"));
        browser.findElement(By.name("username")).sendKeys("auditor");
        browser.findElement(By.name("password")).sendKeys(DemoUsers.PASSWORD);
        browser.findElement(By.cssSelector("form button[type='submit']")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
        shot("00-directory");

        // 1: the year's 自评表 from the directory
        click(By.cssSelector("a[href$='/departments/" + DEPT + "/years/2021/evaluation']"));
        WebElement dropped = wait.until(d -> d.findElement(
                By.cssSelector("#item-M\\.FUND\\.BUDGET-COMPLETION a.since-submission")));
        assertThat(dropped.getText()).startsWith("较提交时 −");
        shot("01-evaluation-dropped-score");
        assertNothingOverflows();

        // 2: why it dropped, from the submission to now
        click(By.cssSelector("#item-M\\.FUND\\.BUDGET-COMPLETION a.since-submission"));
        String why = wait.until(d -> d.findElement(By.tagName("main"))).getText();
        assertThat(why).contains("得分变动原因", "预算完成率", "第 1 次自评提交时", "冲销凭证", reversal);
        shot("02-why-dropped");
        assertNothingOverflows();

        // 3: the reversal's voucher
        click(By.cssSelector("a.voucher-link[href*='" + encoded(reversal) + "']"));
        String voucher = wait.until(d -> d.findElement(By.cssSelector(".voucher-page"))).getText();
        assertThat(clicks).as("clicks from the directory to the voucher page").isLessThanOrEqualTo(3);
        assertThat(voucher).contains(reversal, "红字冲销凭证", "预算行", "资金来源", "一般公共预算",
                "功能分类", "经济分类", "记录人", "clerk", "接口（API）", "链状态", "完整", "本凭证的冲销与更正",
                "数据迁移复核：原凭证重复入账");
        assertThat(browser.findElement(By.cssSelector(".voucher-trail tbody")).getText()).contains("冲销（红字）");
        assertThat(browser.findElement(By.cssSelector(".voucher-head .money.neg"))).isNotNull();
        shot("03-voucher");
        assertNothingOverflows();

        // print the 自评表: print media hides navigation and pickers and shows the footer with basis and digest
        browser.get(url("/departments/" + DEPT + "/years/2021/evaluation?asOf=2021-12-31"));
        wait.until(d -> d.findElement(By.cssSelector(".score-total")));
        assertThat(browser.findElement(By.cssSelector(".print-footer")).isDisplayed()).isFalse();
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertThat(browser.findElement(By.cssSelector(".sub-nav")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.cssSelector("form.basis-form")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.cssSelector(".toolbar")).isDisplayed()).isFalse();
        WebElement footer = browser.findElement(By.cssSelector(".print-footer"));
        assertThat(footer.isDisplayed()).isTrue();
        assertThat(footer.getText()).contains("部门整体支出绩效自评表", "评价基准日 2021-12-31", "结果摘要 SHA-256");
        // every column of the table fits the printed width
        Object overflow = browser.executeScript("const t = document.querySelector('table.eval');"
                + "return t.scrollWidth - t.parentElement.clientWidth;");
        assertThat(((Number) overflow).longValue()).as("自评表 wider than the printed page").isLessThanOrEqualTo(0);
        shot("04-evaluation-print-media");
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));

        Map<String, Object> pdf = browser.executeCdpCommand("Page.printToPDF",
                Map.of("preferCSSPageSize", true, "printBackground", true));
        byte[] bytes = Base64.getDecoder().decode((String) pdf.get("data"));
        Files.write(OUT.resolve("05-evaluation.pdf"), bytes);
        String head = new String(bytes, 0, Math.min(bytes.length, 8), StandardCharsets.ISO_8859_1);
        assertThat(head).startsWith("%PDF");
        Matcher box = Pattern.compile("/MediaBox\\s*\\[\\s*0 0 ([\\d.]+) ([\\d.]+)\\s*]")
                .matcher(new String(bytes, StandardCharsets.ISO_8859_1));
        assertThat(box.find()).as("PDF page size").isTrue();
        double width = Double.parseDouble(box.group(1));
        double height = Double.parseDouble(box.group(2));
        // A4 landscape: 297 × 210 mm = 841.9 × 595.3 pt
        assertThat(width).isCloseTo(841.9, org.assertj.core.data.Offset.offset(2.0));
        assertThat(height).isCloseTo(595.3, org.assertj.core.data.Offset.offset(2.0));

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

    /**
     * A copy of the 市本级 2021 year (its submission included), then, after the submission, a clerk's reversal of the
     * largest voucher of December: the year's execution rate and the 预算完成率 score fall below the submitted ones.
     */
    private String dropAScoreAfterTheSubmission() {
        Long stored = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                Long.class, YEAR.toString());
        if (stored == null || stored == 0) {
            loader.load(loader.read("demo/gz-municipal-2021.json").underDepartment(DEPT, "（审计旅程副本）"));
        }
        JsonNode events = api("auditor", "/api/v1/departments/" + DEPT
                + "/years/2021/events?type=ExpenditureRecorded&from=2021-12-01&to=2021-12-31&size=1000");
        JsonNode largest = null;
        for (JsonNode event : events.path("events")) {
            JsonNode payload = event.path("payload");
            if (largest == null || new java.math.BigDecimal(payload.path("amount").asText())
                    .compareTo(new java.math.BigDecimal(largest.path("amount").asText())) > 0) {
                largest = payload;
            }
        }
        assertThat(largest).as("a December voucher of the copy").isNotNull();
        String reversal = "红冲-" + System.nanoTime() % 1_000_000;
        CommandOrigin clerk = new CommandOrigin(ClientKind.API, "clerk", "CLERK", false, "auditor-journey");
        dispatcher.send(new BudgetCommand.ReverseExpenditure(YEAR, new VoucherNo(reversal),
                new VoucherNo(largest.path("voucherNo").asText()), Money.of(largest.path("amount").asText()),
                "数据迁移复核：原凭证重复入账", LocalDate.of(2021, 12, 30), "审计发现重复入账，结账后冲销"), clerk);
        return reversal;
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
