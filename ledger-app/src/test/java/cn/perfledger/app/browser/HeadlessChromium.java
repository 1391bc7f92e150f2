package cn.perfledger.app.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium and ChromeDriver ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}; other paths via
 * {@code CHROMIUM_BIN} / {@code CHROMEDRIVER_BIN}), headless at 1366×768 with a fresh profile. Without them the
 * browser tests are skipped with a message ({@code .ci/run} installs them). The flags keep Chromium off the
 * network it would otherwise call at every start (this machine's network refuses those connections).
 */
final class HeadlessChromium {

    static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");
    /**
     * How often a wait looks again. Selenium's default, 500 ms, lost about half a second on every wait that did not
     * hold at once (each lineage page, sign-in, click): a third of the browser tests' time.
     */
    static final Duration POLL = Duration.ofMillis(25);

    private HeadlessChromium() {
    }

    static ChromeDriver start(Path downloads) {
        return start(downloads, "zh-CN", "zh-CN,zh");
    }

    /** With another UI locale ({@code --lang}) and {@code Accept-Language}, e.g. "en-US", "en-US,en". */
    static ChromeDriver start(Path downloads, String lang, String acceptLanguages) {
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));
        Path chromedriver = Path.of(System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"));
        assumeTrue(Files.isExecutable(chromium) && Files.isExecutable(chromedriver),
                "browser tests skipped: no " + chromium + " or " + chromedriver
                        + " (Debian: apt-get install chromium chromium-driver fonts-wqy-microhei)");
        try {
            Path profile = Files.createTempDirectory("ledger-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-dev-shm-usage", "--window-size=1366,768", "--lang=" + lang,
                    "--user-data-dir=" + profile.toAbsolutePath());
            options.setExperimentalOption("prefs", Map.of(
                    "download.default_directory", downloads.toAbsolutePath().toString(),
                    "download.prompt_for_download", false,
                    "intl.accept_languages", acceptLanguages));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            return driver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A wait on {@code driver} for at most {@code timeout}, looking every {@link #POLL}. */
    static WebDriverWait waitFor(WebDriver driver, Duration timeout) {
        return new WebDriverWait(driver, timeout, POLL);
    }

    /** Saves a PNG of the viewport as target/browser-screenshots/{name}.png ({@code name} may name a folder). */
    static Path screenshot(ChromeDriver driver, String name) {
        try {
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.createDirectories(target.getParent());
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
