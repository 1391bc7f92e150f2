package cn.perfledger.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.app.demo.DemoUsers;
import cn.perfledger.app.support.DemoServer;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Dates read yyyy-mm-dd whatever the browser's locale: a Chromium in en-US (where a {@code type="date"} input shows
 * mm/dd/yyyy) opens a write page and a basis form; every date field shows its value as yyyy-mm-dd, says so in its
 * placeholder, names the year's range, and takes a typed yyyy-mm-dd. Screenshot: target/browser-screenshots/locale/.
 */
class DateFieldsLocaleBrowserTest extends DemoServer {

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void browser() throws Exception {
        browser = HeadlessChromium.start(Files.createTempDirectory("ledger-downloads-"), "en-US", "en-US,en");
        wait = HeadlessChromium.waitFor(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void dateFields_showYyyyMmDd_inAnEnUsBrowser() {
        browser.get(url("/login"));
        browser.findElement(By.name("username")).sendKeys("clerk");
        browser.findElement(By.name("password")).sendKeys(DemoUsers.PASSWORD);
        browser.findElement(By.cssSelector("form button[type='submit']")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
        assertThat(browser.executeScript("return navigator.language")).isEqualTo("en-US");

        browser.get(url("/departments/GZ-ZSJ/years/2021/entry/vouchers"));
        WebElement voucherDate = wait.until(d -> d.findElement(
                By.cssSelector("form[data-form='voucher'] [name='effectiveDate']")));
        List<WebElement> dates = browser.findElements(By.cssSelector("main [name='effectiveDate']"));
        assertThat(dates).hasSizeGreaterThanOrEqualTo(2);
        for (WebElement date : dates) {
            assertThat(date.getAttribute("type")).as("a date field's type (date shows the locale's order)")
                    .isEqualTo("text");
            assertThat(date.getAttribute("placeholder")).isEqualTo("yyyy-mm-dd");
            assertThat(date.getAttribute("title")).contains("2021-01-01 至 2021-12-31");
            assertThat(date.getAttribute("value")).matches("2021-\\d{2}-\\d{2}");
        }
        voucherDate.clear();
        voucherDate.sendKeys("2021-06-30");
        assertThat(voucherDate.getAttribute("value")).isEqualTo("2021-06-30");
        HeadlessChromium.screenshot(browser, "locale/en-US-entry-vouchers");

        // the basis form of a read page: its 评价基准日 as given in the URL, and its quick picks still there
        browser.get(url("/departments/GZ-ZSJ/years/2021/evaluation?asOf=2021-06-30"));
        WebElement asOf = wait.until(d -> d.findElement(By.cssSelector("form.basis-form [name='asOf']")));
        assertThat(asOf.getAttribute("type")).isEqualTo("text");
        assertThat(asOf.getAttribute("value")).isEqualTo("2021-06-30");
        assertThat(browser.findElement(By.cssSelector(".basis-picks")).getText()).contains("季末", "月末", "提交时");
        HeadlessChromium.screenshot(browser, "locale/en-US-evaluation-basis");
        assertThat(browser.findElements(By.cssSelector("input[type='date'], input[type='datetime-local']")))
                .isEmpty();
    }
}
