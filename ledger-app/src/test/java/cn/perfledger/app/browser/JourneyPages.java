package cn.perfledger.app.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import cn.perfledger.app.support.TestUsers;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A user's journey through the write pages in the browser: sign in, click, type, and count the clicks and the
 * pages seen (the issue note lists them per job); screenshots of the viewport (1366×768) under
 * {@code target/browser-screenshots/{job}/}. Setup that is not the journey's own job goes through the API as the test user.
 */
final class JourneyPages {

    final ChromeDriver browser;
    final WebDriverWait wait;
    final Path screenshots;
    final String base;
    int clicks;
    final List<String> pages = new ArrayList<>();

    JourneyPages(ChromeDriver browser, String base, String job) {
        this.browser = browser;
        this.base = base;
        this.wait = HeadlessChromium.waitFor(browser, Duration.ofSeconds(30));
        this.screenshots = HeadlessChromium.SCREENSHOTS.resolve(job);
    }

    void open(String path) {
        browser.get(base + path);
        seen();
    }

    void signIn(String user, String password) {
        open("/login");
        type("username", user);
        type("password", password);
        click(By.cssSelector("form button[type='submit']"));
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
        seen();
    }

    /** Clicks and waits for the page the click leads to. */
    void click(By by) {
        WebElement element = wait.until(d -> d.findElement(by));
        scrollTo(element);
        WebElement oldPage = browser.findElement(By.tagName("html"));
        element.click();
        clicks++;
        // the old page is still "complete" until the navigation starts: wait for it to go first, or the next read
        // may find an element of the old page that goes stale under it (a click that stays on the page waits 5 s)
        try {
            HeadlessChromium.waitFor(browser, Duration.ofSeconds(5)).until(d -> gone(oldPage));
        } catch (TimeoutException stayedOnThePage) {
            // not a navigation: nothing to wait for
        }
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        seen();
    }

    /**
     * Whether the element has left the document. Caught mid-navigation, Chromium answers "Node with given id does not
     * belong to the document" as an unknown error instead of a stale reference (CI failed once on it): the same fact.
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException stale) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    void type(String name, String text) {
        type(browser.findElement(By.name(name)), text);
    }

    void type(WebElement input, String text) {
        scrollTo(input);
        input.clear();
        input.sendKeys(text);
    }

    /** Date fields show and take yyyy-mm-dd whatever the browser's locale: typed as a user types it. */
    void date(WebElement input, String iso) {
        type(input, iso);
    }

    WebElement in(String formSelector, String name) {
        return browser.findElement(By.cssSelector(formSelector + " [name='" + name + "']"));
    }

    String main() {
        return browser.findElement(By.tagName("main")).getText();
    }

    void scrollTo(WebElement element) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    void shot(String name) {
        try {
            Files.createDirectories(screenshots);
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Nothing wider than the window. */
    long overflow() {
        return ((Number) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")).longValue();
    }

    private void seen() {
        String path = URI.create(browser.getCurrentUrl()).getPath();
        if (pages.isEmpty() || !pages.get(pages.size() - 1).equals(path)) {
            pages.add(path);
        }
    }

    /** {@code POST path} with a JSON body as the test user; the status. */
    int api(String path, String json) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", TestUsers.basicHeader()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String report(String job) {
        return job + ": " + clicks + " clicks over " + pages.size() + " pages " + pages;
    }
}
