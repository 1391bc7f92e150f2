package cn.perfledger.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.app.demo.DemoUsers;
import cn.perfledger.app.support.DemoServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The error points of the pages as a signed-in clerk meets them in Chromium: a malformed address (refused by Tomcat
 * before the user is known), an unknown path and a page of another role are Chinese pages with the user bar; an
 * unknown API path stays Problem JSON; a 知悉时点 before the first record says so. Screenshots:
 * target/browser-screenshots/errors/.
 */
class ErrorPagesBrowserTest extends DemoServer {

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void browser() throws Exception {
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
    void errorPages_areChinese_andKeepTheUserBar() throws Exception {
        browser.get(url("/login"));
        browser.findElement(By.name("username")).sendKeys("clerk");
        browser.findElement(By.name("password")).sendKeys(DemoUsers.PASSWORD);
        browser.findElement(By.cssSelector("form button[type='submit']")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));

        // a malformed address: Tomcat's page, in Chinese, then the user bar fetched from the server
        browser.get(url("/departments/%zz/years/2021"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("400", "请求地址无法识别")
                .doesNotContain("HTTP Status", "Apache Tomcat");
        assertThat(wait.until(d -> d.findElement(By.cssSelector(".site-header .signed-in"))).getText())
                .contains("录入员", "退出");
        HeadlessChromium.screenshot(browser, "errors/400-malformed-address");

        // an unknown path: the Chinese page with the user bar, not JSON
        browser.get(url("/departments/GZ-ZSJ/years/2021/no-such-page"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("404", "没有这个页面");
        assertThat(browser.findElement(By.cssSelector(".site-header .signed-in")).getText()).contains("录入员");
        assertThat(browser.getPageSource()).doesNotContain("\"status\":404");
        HeadlessChromium.screenshot(browser, "errors/404-unknown-path");

        // another role's page: 403 with the user bar and who the user is
        browser.get(url("/admin/users"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("403", "无权访问", "录入员");
        assertThat(browser.findElement(By.cssSelector(".site-header .signed-in")).getText()).contains("录入员");
        HeadlessChromium.screenshot(browser, "errors/403-other-role");

        // a 知悉时点 before the first record of the year
        browser.get(url("/departments/GZ-ZSJ/years/2021/evaluation?knownAt=2001-01-01%2000:00"));
        assertThat(browser.findElement(By.cssSelector(".basis-note")).getText()).contains("第一条记录");

        // the API keeps its Problem Details for an unknown path
        HttpResponse<String> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(url("/api/v1/no-such-endpoint")))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("clerk:" + DemoUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "text/html,application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(api.body()).contains("没有这个接口");
    }
}
