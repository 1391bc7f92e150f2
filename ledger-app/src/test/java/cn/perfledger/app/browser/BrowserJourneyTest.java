package cn.perfledger.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.app.demo.DemoUsers;
import cn.perfledger.app.support.DemoServer;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The web UI in a real headless Chromium against the application on a real port with the demo data: an auditor
 * signs in and reaches the scored 市本级 2021 table in at most three clicks, moves the 评价基准日 and sees the table
 * change, opens a why page, downloads the xlsx and its cells are checked with POI; a clerk sees only his
 * department, is refused the audit pages of another and cannot write from the browser where his role does not.
 * Expected figures are the API's own answers for the same basis. Screenshots: target/browser-screenshots/.
 */
class BrowserJourneyTest extends DemoServer {

    @Autowired
    JdbcTemplate jdbc;

    Path downloads;
    ChromeDriver browser;
    WebDriverWait wait;
    int clicks;

    @BeforeEach
    void browser() throws Exception {
        downloads = Files.createTempDirectory("ledger-downloads-");
        browser = HeadlessChromium.start(downloads);
        wait = HeadlessChromium.waitFor(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void auditor_reachesTheTableInThreeClicks_movesTheBasis_asksWhy_andExportsTheWorkbook() throws Exception {
        browser.get(url("/"));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        HeadlessChromium.screenshot(browser, "00-login");
        signIn("auditor");

        click(By.cssSelector("a[href$='/departments/GZ-ZSJ/years/2021/evaluation']"));
        WebElement total = wait.until(d -> d.findElement(By.cssSelector(".score-total")));
        assertThat(clicks).as("clicks from the sign-in page to the scored table").isLessThanOrEqualTo(3);
        String fullYear = total.getText().trim();
        assertThat(new BigDecimal(fullYear)).isEqualByComparingTo(apiTotal("2021-12-31"));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("绩效等级", "审计");
        HeadlessChromium.screenshot(browser, "01-evaluation-2021-12-31");
        assertNothingOverflows();

        // move the 评价基准日 to mid-year: the table is replayed to that date
        setDate("asOf", "2021-06-30");
        click(By.cssSelector("form.basis-form button[type='submit']"));
        wait.until(d -> d.getCurrentUrl().contains("asOf=2021-06-30"));
        String midYear = browser.findElement(By.cssSelector(".score-total")).getText().trim();
        assertThat(midYear).isNotEqualTo(fullYear);
        assertThat(new BigDecimal(midYear)).isEqualByComparingTo(apiTotal("2021-06-30"));
        HeadlessChromium.screenshot(browser, "02-evaluation-2021-06-30");

        // why did the total change between mid-year and year end
        browser.get(url("/departments/GZ-ZSJ/years/2021/evaluation/why?fromAsOf=2021-06-30&toAsOf=2021-12-31"));
        String why = wait.until(d -> d.findElement(By.tagName("main"))).getText();
        assertThat(why).contains("得分变动", "2021-06-30", "2021-12-31");
        assertThat(browser.findElements(By.cssSelector("table tbody tr"))).isNotEmpty();
        HeadlessChromium.screenshot(browser, "03-why-total");

        // the download button of the table exports the same basis as xlsx
        browser.get(url("/departments/GZ-ZSJ/years/2021/evaluation?asOf=2021-12-31"));
        click(By.cssSelector("a[href*='export.xlsx']"));
        Path file = awaitDownload();
        try (InputStream in = Files.newInputStream(file); Workbook workbook = WorkbookFactory.create(in)) {
            Sheet table = workbook.getSheet("部门整体支出绩效自评表");
            assertThat(table).isNotNull();
            List<String> header = headerRow(table);
            assertThat(header).containsExactly("一级指标", "分值", "二级指标", "分值", "三级指标", "分值",
                    "指标解释/年度指标值", "实际完成值", "得分", "评分依据");
            assertThat(sumRowScore(table)).isEqualByComparingTo(apiTotal("2021-12-31"));
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
                    }
                }
            }
        }
    }

    @Test
    void clerk_seesOnlyHisDepartment_isRefusedOthersAuditPages_andCannotWriteWhereHisRoleDoesNot() {
        browser.get(url("/login"));
        signIn("clerk");
        String directory = browser.findElement(By.tagName("main")).getText();
        assertThat(directory).contains("GZ-ZSJ").doesNotContain("HZ-ZSJ").doesNotContain("PY-ZSJ");
        HeadlessChromium.screenshot(browser, "10-clerk-directory");

        browser.get(url("/departments/HZ-ZSJ/years/2020/reconciliation"));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("无权访问");
        HeadlessChromium.screenshot(browser, "11-clerk-refused-other-department");

        // the audit pages of his own department open, but writing there is the evaluator's: a form post from
        // the page with a valid CSRF token is refused and nothing is recorded
        browser.get(url("/departments/GZ-ZSJ/years/2021/reconciliation"));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("对账");
        long eventsBefore = events();
        Object status = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const token = document.querySelector('meta[name=_csrf]').content;
                const header = document.querySelector('meta[name=_csrf_header]').content;
                fetch('/departments/GZ-ZSJ/years/2021/reconciliation/declared-figures', {method: 'POST',
                    headers: {[header]: token, 'Content-Type': 'application/x-www-form-urlencoded'},
                    body: 'documentId=x&item=SCORE.TOTAL&value=1'}).then(r => done(r.status), e => done(String(e)));
                """);
        assertThat(status).isEqualTo(403L);
        assertThat(events()).isEqualTo(eventsBefore);
        HeadlessChromium.screenshot(browser, "12-clerk-reconciliation");
    }

    private void signIn(String user) {
        browser.findElement(By.name("username")).sendKeys(user);
        browser.findElement(By.name("password")).sendKeys(DemoUsers.PASSWORD);
        click(By.cssSelector("form button[type='submit']"));
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private void click(By by) {
        wait.until(d -> d.findElement(by)).click();
        clicks++;
    }

    private void setDate(String name, String isoDate) {
        WebElement input = browser.findElement(By.name(name));
        // a date input's typed form depends on the locale; the value property is always ISO
        browser.executeScript("arguments[0].value = arguments[1];", input, isoDate);
    }

    private void assertNothingOverflows() {
        Object wider = browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) wider).longValue()).as("page wider than the 1366 px window").isLessThanOrEqualTo(0);
    }

    private Path awaitDownload() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.list(downloads)) {
                List<Path> done = files.filter(p -> p.toString().endsWith(".xlsx")).toList();
                if (!done.isEmpty()) {
                    return done.get(0);
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no .xlsx downloaded into " + downloads);
    }

    private static List<String> headerRow(Sheet sheet) {
        DataFormatter text = new DataFormatter();
        for (Row row : sheet) {
            List<String> cells = new ArrayList<>();
            row.forEach(cell -> cells.add(text.formatCellValue(cell).trim()));
            if (cells.contains("一级指标")) {
                return cells.stream().filter(c -> !c.isEmpty()).toList();
            }
        }
        throw new AssertionError("no header row with 一级指标");
    }

    private static BigDecimal sumRowScore(Sheet sheet) {
        DataFormatter text = new DataFormatter();
        int scoreColumn = -1;
        for (Row row : sheet) {
            for (Cell cell : row) {
                String value = text.formatCellValue(cell).trim();
                if (value.equals("得分") && scoreColumn < 0) {
                    scoreColumn = cell.getColumnIndex();
                }
            }
            Cell first = row.getCell(0);
            if (scoreColumn >= 0 && first != null && text.formatCellValue(first).trim().startsWith("合计")) {
                return BigDecimal.valueOf(row.getCell(scoreColumn).getNumericCellValue());
            }
        }
        throw new AssertionError("no 合计 row");
    }

    private BigDecimal apiTotal(String asOf) {
        return api("auditor", "/api/v1/departments/GZ-ZSJ/years/2021/evaluation?asOf=" + asOf)
                .path("result").path("total").decimalValue();
    }

    private long events() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
    }
}
