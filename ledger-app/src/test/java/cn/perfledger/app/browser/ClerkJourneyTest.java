package cn.perfledger.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.app.support.DemoServer;
import cn.perfledger.app.support.TestRubrics;
import cn.perfledger.app.support.TestUsers;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Journey (a) of issue 13: a clerk enters a small year in a real headless Chromium at 1366×768 through the entry
 * pages only — opens the year, two budget lines with their initial budgets, an adjustment, vouchers (one by a
 * double click, recorded once), a red reversal, a ledger file refused with its error table, fixed and imported,
 * the close — and finds the figures on the year's execution overview. The expected figures are the sums of what
 * the journey entered. Screenshots: target/browser-screenshots/clerk/; clicks per job are counted and printed.
 */
class ClerkJourneyTest extends DemoServer {

    static final Path SHOTS = HeadlessChromium.SCREENSHOTS.resolve("clerk");
    static final String PASSWORD = "journey-clerk-pw";

    @Autowired
    JdbcTemplate jdbc;

    ChromeDriver browser;
    WebDriverWait wait;
    String dept;
    String clerk;
    int clicks;
    final Map<String, Integer> clicksPerJob = new LinkedHashMap<>();

    @BeforeEach
    void browserAndDepartment() throws Exception {
        browser = HeadlessChromium.start(Files.createTempDirectory("ledger-downloads-"));
        wait = HeadlessChromium.waitFor(browser, Duration.ofSeconds(30));
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase(java.util.Locale.ROOT);
        dept = "JY-" + suffix;
        clerk = "journey-clerk-" + suffix.toLowerCase(java.util.Locale.ROOT);
        // the administrator's part (journey (c)) through the API: the department, its units, the clerk
        TestRubrics.ensurePublished(url(""));
        post("/api/v1/departments", """
                {"departmentId":"%s","name":"旅程测试局","jurisdiction":"测试","effectiveDate":"2021-01-01",
                 "units":[{"code":"BJ","name":"本级","headOffice":true},{"code":"XX","name":"信息中心"}]}"""
                .formatted(dept));
        post("/api/v1/admin/users", """
                {"username":"%s","displayName":"录入员（旅程）","password":"%s","roles":["CLERK"],"departments":"%s"}"""
                .formatted(clerk, PASSWORD, dept));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (get("/api/v1/departments/" + dept) != 200) {
            assertThat(Instant.now()).as("directory shows the new department").isBefore(deadline);
            Thread.sleep(100);
        }
        Files.createDirectories(SHOTS);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aClerkEntersASmallYearThroughTheFormsAndAFileUpload_andFindsItsFiguresOnTheExecutionPage() throws Exception {
        browser.get(url("/login"));
        job("sign in", () -> {
            browser.findElement(By.name("username")).sendKeys(clerk);
            browser.findElement(By.name("password")).sendKeys(PASSWORD);
            click(By.cssSelector("form button[type='submit']"));
            wait.until(d -> !d.getCurrentUrl().contains("/login"));
        });
        shot("01-directory");

        job("open the year", () -> {
            click(By.cssSelector("a[href='/departments/" + dept + "/entry/open-year']"));
            type("open-year", "year", "2021");
            type("open-year", "rubricVersion", TestRubrics.GZ_2021);
            submit("open-year");
        });
        wait.until(d -> d.getCurrentUrl().contains("/years/2021/entry"));
        shot("02-entry-home");
        String year = "/departments/" + dept + "/years/2021";

        job("budget lines and initial budgets", () -> {
            click(By.cssSelector(".entry-menu a[href='" + year + "/entry/lines']"));
            type("line", "lineId", "L1");
            choose("line", "unit", "BJ");
            choose("line", "fundingSource", "GENERAL_PUBLIC_BUDGET");
            choose("line", "kind", "PROJECT");
            type("line", "projectCode", "P001");
            type("line", "projectName", "政务平台运维");
            type("line", "functionalCode", "2010101");
            type("line", "economicCode", "30227");
            submit("line");
            type("line", "lineId", "L2");
            choose("line", "unit", "XX");
            choose("line", "fundingSource", "GENERAL_PUBLIC_BUDGET");
            choose("line", "kind", "BASIC_OPERATING");
            type("line", "functionalCode", "2010101");
            type("line", "economicCode", "30201");
            submit("line");
            initial("L1", "1000000.00", "旅财〔2021〕1号");
            initial("L2", "200000.00", "旅财〔2021〕2号");
        });
        assertThat(text("#recent")).contains("预算行设立", "年初预算批复", "旅财〔2021〕2号");
        shot("03-lines-and-budgets");

        job("an adjustment (追加 with 文号 and 原因)", () -> {
            click(By.cssSelector(".entry-menu a[href='" + year + "/entry/adjustments']"));
            choose("adjustment", "kind", "INCREASE");
            choose("adjustment", "lineId", "L1");
            type("adjustment", "amount", "50000.00");
            type("adjustment", "documentNo", "旅财〔2021〕88号");
            type("adjustment", "reason", "追加平台扩容经费");
            setDate("adjustment", "effectiveDate", "2021-05-10");
            submit("adjustment");
        });
        assertThat(text("#recent")).contains("预算追加", "旅财〔2021〕88号", "追加平台扩容经费", "50,000.00");
        shot("04-adjustment");

        job("vouchers and a red reversal", () -> {
            click(By.cssSelector(".entry-menu a[href='" + year + "/entry/vouchers']"));
            voucher("记-0001", "L1", "120000.00", "2021-03-15", "运维服务费");
            // first a field error, in Chinese beside the field; corrected and sent again
            voucher("记-0002", "L2", "30000.001", "2021-04-02", "办公用品");
            assertThat(browser.findElement(By.cssSelector("form[data-form=voucher] .field.has-error .field-error"))
                    .getText()).contains("金额最多保留两位小数");
            shot("05-voucher-field-error");
            type("voucher", "amount", "30000.00");
            // a double click on 提交 records once
            long before = events(year);
            new Actions(browser).doubleClick(browser.findElement(By.cssSelector(
                    "form[data-form=voucher] button[type=submit]"))).perform();
            clicks += 2;
            waitForFresh();
            assertThat(events(year)).as("a double click records one voucher").isEqualTo(before + 1);
            type("reversal", "originalVoucherNo", "记-0001");
            type("reversal", "voucherNo", "红-0001");
            type("reversal", "amount", "20000.00");
            type("reversal", "reason", "多付款项冲回");
            setDate("reversal", "effectiveDate", "2021-03-20");
            submit("reversal");
        });
        WebElement red = browser.findElement(By.cssSelector("#recent tr.fresh .money.neg"));
        assertThat(red.getText()).isEqualTo("-20,000.00");
        assertThat(red.getCssValue("color")).isEqualTo("rgba(198, 40, 40, 1)");
        shot("06-vouchers-and-reversal");

        Path wrong = csv("wrong", "40000.00", "20000.00");
        Path fixed = csv("fixed", "40000.00", "10000.00");
        job("ledger file: refused, fixed, imported", () -> {
            click(By.cssSelector(".entry-menu a[href='" + year + "/entry/upload']"));
            upload(wrong);
            assertThat(text("#preview")).contains("支出凭证", "60,000.00");
            shot("07-upload-preview");
            click(By.cssSelector("form[action$='/upload/confirm'] button[type=submit]"));
            WebElement table = wait.until(d -> d.findElement(By.cssSelector("#rejected table.import-errors")));
            assertThat(table.getText()).contains("6", "金额", "D6", "U1");
            shot("08-upload-refused");
            upload(fixed);
            click(By.cssSelector("form[action$='/upload/confirm'] button[type=submit]"));
            waitForFresh();
        });
        assertThat(text("main")).contains("已导入", "账务文件导入");
        shot("09-upload-imported");

        job("close the year", () -> {
            click(By.cssSelector(".entry-menu a[href='" + year + "/entry/close']"));
            click(By.cssSelector("form[data-form=close] input[name=confirm]"));
            submit("close");
        });
        assertThat(text("#recent")).contains("年度结账");
        shot("10-closed");

        job("the execution page", () -> click(By.cssSelector(".entry-menu a[href='" + year + "']")));
        var kpis = browser.findElements(By.cssSelector(".kpi-value"));
        // 1,000,000 + 200,000 + 50,000 (追加) + 50,000 (the file's line); 120,000 − 20,000 + 30,000 + 40,000 + 10,000
        assertThat(kpis.get(0).getText()).isEqualTo("1,300,000.00");
        assertThat(kpis.get(1).getText()).isEqualTo("180,000.00");
        assertThat(kpis.get(2).getText()).isEqualTo("13.85%");
        assertThat(text(".year-bar")).contains("已结账");
        shot("11-execution");
        assertNothingOverflows();
        System.out.println("clerk journey clicks per job: " + clicksPerJob);
    }

    private interface Steps {
        void run() throws Exception;
    }

    private void job(String name, Steps steps) throws Exception {
        int start = clicks;
        steps.run();
        clicksPerJob.put(name, clicks - start);
    }

    private void initial(String line, String amount, String documentNo) {
        choose("initial", "lineId", line);
        type("initial", "amount", amount);
        type("initial", "documentNo", documentNo);
        submit("initial");
    }

    private void voucher(String no, String line, String amount, String date, String summary) {
        type("voucher", "voucherNo", no);
        choose("voucher", "lineId", line);
        type("voucher", "amount", amount);
        setDate("voucher", "effectiveDate", date);
        type("voucher", "summary", summary);
        submit("voucher");
    }

    private void upload(Path file) {
        browser.findElement(By.cssSelector("form.upload-form input[type=file]")).sendKeys(file.toAbsolutePath()
                .toString());
        click(By.cssSelector("form.upload-form[enctype] button[type=submit]"));
        wait.until(d -> d.findElement(By.id("preview")));
    }

    private Path csv(String name, String first, String second) throws Exception {
        String content = "金额单位,元\n记录类型,预算行编号,业务日期,金额,文号,调整原因,凭证号,收款人,摘要,调入预算行编号,单位编码,资金来源,"
                + "支出类型,项目编码,项目名称,功能分类科目,经济分类科目\n"
                + "预算科目,U1,2021-01-01,,,,,,,,BJ,一般公共预算,项目支出,P9,平台建设,2010101,30227\n"
                + "年初预算,U1,2021-01-01,50000.00,旅财〔2021〕9号,,,,,,,,,,,,\n"
                + "支出凭证,U1,2021-02-01," + first + ",,,记-9001,某公司,设备购置,,,,,,,,\n"
                + "支出凭证,U1,2021-02-03," + second + ",,,记-9002,某公司,安装调试,,,,,,,,\n";
        Path file = Files.createTempDirectory("ledger-upload-").resolve("预算台账-" + name + ".csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    /** Clears the field {@code name} of form {@code form} and types {@code value}. */
    private void type(String form, String name, String value) {
        WebElement input = field(form, name);
        input.clear();
        input.sendKeys(value);
    }

    private void choose(String form, String name, String value) {
        new Select(field(form, name)).selectByValue(value);
    }

    private void setDate(String form, String name, String isoDate) {
        // date fields show and take yyyy-mm-dd whatever the locale: typed as a user types it
        WebElement input = field(form, name);
        assertThat(input.getAttribute("placeholder")).isEqualTo("yyyy-mm-dd");
        input.clear();
        input.sendKeys(isoDate);
    }

    private WebElement field(String form, String name) {
        return wait.until(d -> d.findElement(By.cssSelector("form[data-form='" + form + "'] [name='" + name + "']")));
    }

    private void submit(String form) {
        String before = browser.getCurrentUrl();
        click(By.cssSelector("form[data-form='" + form + "'] button[type=submit]"));
        wait.until(d -> !d.getCurrentUrl().equals(before) || !d.findElements(By.cssSelector(".form-errors")).isEmpty()
                || d.findElements(By.cssSelector("form[data-form='" + form + "'] button[disabled]")).isEmpty());
        wait.until(d -> "complete".equals(((ChromeDriver) d).executeScript("return document.readyState")));
    }

    private void waitForFresh() {
        wait.until(d -> !d.findElements(By.cssSelector("#recent tr.fresh")).isEmpty());
    }

    private void click(By by) {
        wait.until(d -> d.findElement(by)).click();
        clicks++;
    }

    private String text(String css) {
        return wait.until(d -> d.findElement(By.cssSelector(css))).getText();
    }

    private void shot(String name) throws Exception {
        File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private void assertNothingOverflows() {
        Object wider = browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) wider).longValue()).as("page wider than the 1366 px window").isLessThanOrEqualTo(0);
    }

    private long events(String yearPath) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?", Long.class,
                dept + "/2021");
    }

    private void post(String path, String body) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", TestUsers.basicHeader()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(201);
    }

    private int get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", TestUsers.basicHeader()).GET().build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }
}
