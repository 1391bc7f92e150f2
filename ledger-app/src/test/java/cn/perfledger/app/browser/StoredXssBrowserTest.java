package cn.perfledger.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.app.browser.XssPayloads.Payload;
import cn.perfledger.app.browser.XssPlanter.Year;
import cn.perfledger.app.demo.DemoDataLoader;
import cn.perfledger.app.readmodel.DirectoryQueries;
import cn.perfledger.app.support.H2FileContext;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Stored and reflected script injection, tried in a real headless Chromium: {@link XssPlanter} writes every payload
 * of {@link XssPayloads} through the API into every free text a clerk, evaluator or administrator can write (one
 * department-year holding all payloads in its multi-valued texts, and one department-year per payload for the
 * texts a year, a rubric or a user has once); then the year's auditor (display name: a payload) opens every page of
 * each year (the main year's pages found by following its links), unfolds every lineage row, shows every chart's
 * tooltip at every data point, and the test asserts that no payload ran, that no element a payload would create is
 * in the page (so a broken escape fails even where the Content-Security-Policy stops the script) and that no
 * {@code securitypolicyviolation} fired (so the pages really have no inline script or style). It prints the counts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StoredXssBrowserTest implements H2FileContext {

    private static final int MAX_PAGES_PER_YEAR = 150;
    private static final Set<String> BASIS = Set.of("asOf", "knownAt", "fromAsOf", "fromKnownAt", "toAsOf", "toKnownAt");

    @LocalServerPort
    int port;
    @Autowired
    DemoDataLoader loader;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    DirectoryQueries directory;

    /** One browser with its own profile (cookies, localStorage) and its wait. */
    private record Session(ChromeDriver browser, WebDriverWait waiting) {
    }

    final List<ChromeDriver> browsers = new CopyOnWriteArrayList<>();
    List<String> texts;
    // two browsers record into these at once
    final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    final Set<String> textsSeen = ConcurrentHashMap.newKeySet();
    final Map<String, Integer> kindsSeen = new ConcurrentSkipListMap<>();
    final AtomicInteger pages = new AtomicInteger();
    final AtomicInteger exposures = new AtomicInteger();
    final AtomicInteger tooltips = new AtomicInteger();
    final AtomicInteger tooltipsWithPayload = new AtomicInteger();

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(ChromeDriver::quit);
    }

    private Session session() throws java.io.IOException {
        // skips the test without Chromium
        ChromeDriver browser = HeadlessChromium.start(Files.createTempDirectory("ledger-xss-downloads-"));
        browsers.add(browser);
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", XssPayloads.WATCHER));
        return new Session(browser, HeadlessChromium.waitFor(browser, Duration.ofSeconds(30)));
    }

    @Test
    void noPayloadRunsOrBecomesMarkupOnAnyPageOrTooltip() throws Exception {
        Session first = session();
        Session second = session();
        loader.loadAll();

        long started = System.nanoTime();
        XssPlanter planter = new XssPlanter(rest);
        planter.writers("xss", XssPayloads.ALL);
        // one year per thread: different aggregates, so the writes do not wait for each other
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<Year>> planting = new ArrayList<>();
        planting.add(pool.submit(() -> planter.year("XSS-ALL", XssPayloads.ALL, true, "xss")));
        for (int k = 0; k < XssPayloads.ALL.size(); k++) {
            List<Payload> one = List.of(XssPayloads.ALL.get(k));
            String dept = "XSS-S" + k;
            planting.add(pool.submit(() -> planter.year(dept, one, false, "xss")));
        }
        pool.shutdown();
        List<Year> years = new ArrayList<>();
        for (Future<Year> year : planting) {
            years.add(year.get());
        }
        Year main = years.get(0);
        texts = planter.planted.stream().map(XssPlanter.Planted::text).distinct().toList();
        awaitDirectory(years);
        long planted = System.nanoTime();

        // the main year in one browser, the other years in the other: while the server renders a page for one,
        // the other draws its own (one browser kept one of the two cores idle most of the time)
        ExecutorService browsing = Executors.newFixedThreadPool(2);
        Future<?> mainYear = browsing.submit(() -> {
            signIn(first, main.auditor());
            crawl(first, main);
            reflected(first, main);
            HeadlessChromium.screenshot(first.browser(), "xss-90-last-page");
            visit(first, main.base(), "xss-91-overview");
            visit(first, main.base() + "/reconciliation", "xss-92-reconciliation");
            visit(first, main.base() + "/evaluation/items/B.BP/why?fromAsOf=2021-01-01&toAsOf=2021-12-31",
                    "xss-93-why");
            return null;
        });
        Future<?> otherYears = browsing.submit(() -> {
            for (Year year : years.subList(1, years.size())) {
                signIn(second, year.auditor());
                for (String path : sidePages(year)) {
                    visit(second, path, null);
                }
            }
            return null;
        });
        browsing.shutdown();
        mainYear.get();
        otherYears.get();
        checkStorage(first);
        checkStorage(second);
        System.out.printf("XSS browser test: planting %d s, browsing %d s%n", (planted - started) / 1_000_000_000,
                (System.nanoTime() - planted) / 1_000_000_000);

        Map<String, Long> perKind = planter.planted.stream().distinct().collect(
                Collectors.groupingBy(XssPlanter.Planted::kind, TreeMap::new, Collectors.counting()));
        Set<String> fieldsSeen = planter.planted.stream().filter(p -> textsSeen.contains(p.text()))
                .map(XssPlanter.Planted::field).collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> fieldsNotSeen = new LinkedHashSet<>(planter.fields());
        fieldsNotSeen.removeAll(fieldsSeen);
        long pairs = planter.planted.stream().map(p -> p.field() + "\u0000" + p.kind()).distinct().count();
        System.out.printf("%nXSS browser test: %d payload kinds in %d fields: %d (field, payload) pairs planted "
                        + "through the API (%d distinct texts, %d years); %d pages opened, %d (text × page) exposures, "
                        + "%d tooltips shown (%d with a payload text); executed %d, injected elements %d, "
                        + "CSP violations %d%n  planted per kind: %s%n  fields never seen on a page: %s%n"
                        + "  left out (payload longer than the field): %s%n",
                XssPayloads.ALL.size(), planter.fields().size(), pairs, texts.size(), years.size(), pages.get(), exposures.get(),
                tooltips.get(), tooltipsWithPayload.get(), count("executed"), count("injected"), count("csp"), perKind,
                fieldsNotSeen, planter.tooLong);
        assertThat(problems).as("payloads that ran, elements they created, CSP violations").isEmpty();
        assertThat(kindsSeen.keySet()).as("every payload kind shown as text somewhere")
                .containsAll(XssPayloads.ALL.stream().map(Payload::kind).toList());
        assertThat(tooltipsWithPayload.get()).as("tooltips that showed a planted text").isPositive();
    }

    // --- pages -----------------------------------------------------------------------------------------------

    /**
     * The main year: every page reachable by links from its pages (one per path and parameter names, but every
     * page of a list), each leaf's why from 1 January, the directory, the sign-in page and Swagger UI.
     */
    private void crawl(Session session, Year year) {
        Deque<String> queue = new ArrayDeque<>(List.of("/", "/login?error", "/swagger-ui/index.html",
                year.base(), year.base() + "/evaluation",
                year.base() + "/evaluation/why", year.base() + "/submissions", year.base() + "/reconciliation",
                year.base() + "/events?size=200", year.base() + "/verify"));
        for (String leaf : year.leaves()) {
            String item = year.base() + "/evaluation/items/" + leaf;
            queue.add(item);
            queue.add(item + "/why?fromAsOf=2021-01-01&toAsOf=2021-12-31");
            queue.add(item + "/shortfall");
        }
        Set<String> keys = new LinkedHashSet<>();
        int opened = 0;
        while (!queue.isEmpty() && opened < MAX_PAGES_PER_YEAR) {
            String path = queue.poll();
            if (!keys.add(key(path))) {
                continue;
            }
            opened++;
            for (String link : visit(session, path, null)) {
                if (link.startsWith(year.base()) || link.equals("/")) {
                    queue.add(link);
                }
            }
        }
        try {
            Files.write(java.nio.file.Path.of("target", "xss-main-year-pages.txt"), keys);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        long unvisited = queue.stream().map(StoredXssBrowserTest::key).filter(k -> !keys.contains(k)).distinct().count();
        System.out.printf("XSS browser test: main year %d pages, %s%n", opened,
                unvisited == 0 ? "every link followed" : unvisited + " pages not opened (limit " + MAX_PAGES_PER_YEAR + ")");
        assertThat(opened).as("pages of the main year").isGreaterThan(20);
    }

    /** Payloads in the query and the path come back in error pages, the verify form and the filters. */
    private void reflected(Session session, Year year) {
        String all = XssPayloads.ALL.stream().map(Payload::text).collect(Collectors.joining(" "));
        String q = URLEncoder.encode(all, StandardCharsets.UTF_8);
        for (String path : List.of(year.base() + "?asOf=" + q, year.base() + "/events?type=" + q,
                year.base() + "/verify?digest=" + q, year.base() + "/evaluation/why?fromAsOf=" + q,
                year.base() + "/evaluation/items/" + q, "/departments/" + q + "/years/2021")) {
            visit(session, path, null);
        }
    }

    private static List<String> sidePages(Year year) {
        String b = year.base();
        String leaf = b + "/evaluation/items/" + year.judgementLeaves().get(0);
        return List.of(b, b + "/evaluation", b + "/evaluation/items/TOTAL", b + "/evaluation/why",
                leaf + "/shortfall", b + "/submissions/1", b + "/reconciliation", b + "/events?size=200");
    }

    /** Opens a page, unfolds it, shows its tooltips, checks it; returns its same-origin links. */
    @SuppressWarnings("unchecked")
    private List<String> visit(Session session, String path, String screenshot) {
        ChromeDriver browser = session.browser();
        WebDriverWait wait = session.waiting();
        browser.get(url(path));
        pages.incrementAndGet();
        if (path.startsWith("/swagger-ui")) {
            // Swagger UI draws itself from /v3/api-docs after loading: its CSP violations would come then
            wait.until(d -> !d.findElements(By.cssSelector(".swagger-ui .information-container")).isEmpty());
        }
        browser.executeScript("document.querySelectorAll('details').forEach(function (d) { d.open = true; });");
        if (!browser.findElements(By.cssSelector("[data-lineage-toggle]")).isEmpty()) {
            browser.executeScript("document.querySelectorAll('[data-lineage-toggle]').forEach(function (a) { a.click(); });");
            wait.until(d -> (Boolean) browser.executeScript("return Array.prototype.every.call("
                    + "document.querySelectorAll('[data-src]'), function (p) { return p.getAttribute('data-loaded') === 'yes'; });"));
        }
        List<Map<String, Object>> tips = (List<Map<String, Object>>) browser.executeScript(
                XssPayloads.INJECTED_FUNCTION + TOOLTIPS);
        for (Map<String, Object> tip : tips) {
            if (Boolean.TRUE.equals(tip.get("missing"))) {
                problems.add("chart not drawn: " + tip.get("chart") + " on " + path);
                continue;
            }
            tooltips.incrementAndGet();
            String text = String.valueOf(tip.get("text"));
            if (texts.stream().anyMatch(text::contains)) {
                tooltipsWithPayload.incrementAndGet();
            }
            for (Object found : (List<Object>) tip.get("injected")) {
                problems.add("injected in tooltip " + tip.get("chart") + "[" + tip.get("series") + ","
                        + tip.get("index") + "] on " + path + ": " + found);
            }
        }
        if (screenshot != null) {
            Map<String, Object> at = (Map<String, Object>) browser.executeScript(FOURTH_CATEGORY);
            if (at != null) {
                new Actions(browser).moveToElement(browser.findElement(By.cssSelector(".chart")),
                        ((Number) at.get("dx")).intValue(), ((Number) at.get("dy")).intValue()).perform();
                awaitTooltipShown(session);
            }
            HeadlessChromium.screenshot(browser, screenshot);
        }
        if (!path.startsWith("/swagger-ui")) { // Swagger UI draws its icons as svg and shows no user text
            for (Object found : (List<Object>) browser.executeScript(
                    XssPayloads.INJECTED_FUNCTION + "return injected(document);")) {
                problems.add("injected on " + path + ": " + found);
            }
        }
        Map<String, Object> state = (Map<String, Object>) browser.executeScript(STATE, texts);
        ((List<Object>) state.get("hits")).forEach(h -> problems.add("executed on " + path + ": " + h));
        ((List<Object>) state.get("csp")).forEach(v -> problems.add("csp violation on " + path + ": " + v));
        for (Object index : (List<Object>) state.get("seen")) {
            String text = texts.get(((Number) index).intValue());
            exposures.incrementAndGet();
            textsSeen.add(text);
            XssPayloads.ALL.stream().filter(p -> text.contains(p.text()) || text.equals(p.compact()))
                    .forEach(p -> kindsSeen.merge(p.kind(), 1, Integer::sum));
        }
        return ((List<Object>) state.get("links")).stream().map(String::valueOf).toList();
    }

    /** Every chart's tooltip at every data point of every series; what each showed and what it contained. */
    private static final String TOOLTIPS = """
            var results = [];
            document.querySelectorAll('.chart').forEach(function (el) {
              var chart = window.echarts && window.echarts.getInstanceByDom(el);
              if (!chart) { results.push({chart: el.id, missing: true}); return; }
              chart.getOption().series.forEach(function (series, s) {
                for (var i = 0; i < (series.data || []).length; i++) {
                  chart.dispatchAction({type: 'showTip', seriesIndex: s, dataIndex: i});
                  var tip = Array.prototype.filter.call(el.children, function (c) { return !c.querySelector('canvas'); });
                  var text = tip.map(function (t) { return t.textContent; }).join(' ');
                  var found = [];
                  tip.forEach(function (t) { found = found.concat(injected(t)); });
                  results.push({chart: el.id, series: s, index: i, text: text, injected: found});
                }
              });
              chart.dispatchAction({type: 'hideTip'});
            });
            return results;
            """;

    /** Where the first chart's fourth category is, from the chart's centre (for a real mouse hover). */
    private static final String FOURTH_CATEGORY = """
            var el = document.querySelector('.chart');
            var chart = el && window.echarts && window.echarts.getInstanceByDom(el);
            if (!chart) { return null; }
            el.scrollIntoView();
            window.scrollBy(0, -80);
            var x = chart.convertToPixel({xAxisIndex: 0}, 3);
            return {dx: Math.round(x - el.clientWidth / 2), dy: 0};
            """;

    /** Hits and violations so far, the indices of the planted texts the page shows, its links. */
    private static final String STATE = """
            var texts = arguments[0];
            var hay = [document.body ? document.body.textContent : ''];
            document.querySelectorAll('*').forEach(function (el) {
              for (var j = 0; j < el.attributes.length; j++) { hay.push(el.attributes[j].value); }
            });
            document.querySelectorAll('input, textarea').forEach(function (el) { hay.push(el.value); });
            hay = hay.join('\\n');
            var seen = [];
            texts.forEach(function (t, i) { if (hay.indexOf(t) >= 0) { seen.push(i); } });
            var links = [];
            document.querySelectorAll('a[href]').forEach(function (a) {
              var u = new URL(a.href, location.href);
              if (u.origin === location.origin && !a.hasAttribute('download') && u.pathname.indexOf('/api/') !== 0
                  && u.pathname.indexOf('/logout') !== 0 && u.pathname.indexOf('.xlsx') < 0) {
                links.push(u.pathname + u.search);
              }
            });
            var hits = window.__xssHits.splice(0), csp = window.__cspViolations.splice(0);
            return {hits: hits, csp: csp, seen: seen, links: links};
            """;

    /** The localStorage copies: a hit on a page that navigated away before it was checked. */
    @SuppressWarnings("unchecked")
    private void checkStorage(Session session) {
        ChromeDriver browser = session.browser();
        browser.get(url("/login"));
        Map<String, Object> stored = (Map<String, Object>) browser.executeScript(
                "return {hits: JSON.parse(localStorage.getItem('xss.hits') || '[]'),"
                        + " csp: JSON.parse(localStorage.getItem('xss.csp') || '[]')};");
        ((List<Object>) stored.get("hits")).forEach(h -> problems.add("executed (stored): " + h));
        ((List<Object>) stored.get("csp")).forEach(v -> problems.add("csp violation (stored): " + v));
        synchronized (problems) {
            problems.replaceAll(String::valueOf);
            List<String> distinct = problems.stream().distinct().toList();
            problems.clear();
            problems.addAll(distinct);
        }
    }

    private long count(String kind) {
        synchronized (problems) {
            return problems.stream().filter(p -> p.startsWith(kind)).count();
        }
    }

    /**
     * Same path, same parameter names: one page; the basis (评价基准日, 知悉时点 of either side) does not count, but
     * every page of a list and every input of a lineage does.
     */
    private static String key(String path) {
        URI uri = URI.create(path.replace(" ", "%20"));
        Map<String, String> params = new TreeMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                if (BASIS.contains(kv[0])) {
                    continue;
                }
                boolean keepValue = kv[0].equals("page") || kv[0].equals("input");
                params.put(kv[0], keepValue && kv.length > 1 ? kv[1] : "");
            }
        }
        return uri.getRawPath() + params;
    }

    // --- sign-in and set-up ----------------------------------------------------------------------------------

    private void signIn(Session session, String user) {
        ChromeDriver browser = session.browser();
        WebDriverWait wait = session.waiting();
        browser.get(url("/"));
        if (!browser.getCurrentUrl().contains("/login")) {
            browser.findElement(By.cssSelector("form[action$='/logout'] button")).click();
            wait.until(d -> d.getCurrentUrl().contains("/login"));
        }
        browser.findElement(By.name("username")).sendKeys(user);
        browser.findElement(By.name("password")).sendKeys(XssPlanter.PASSWORD);
        browser.findElement(By.cssSelector("form button[type='submit']")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private void awaitDirectory(List<Year> years) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        for (Year year : years) {
            while (directory.fiscalYear(year.dept() + "/2021").isEmpty()) {
                assertThat(Instant.now()).as("directory read model caught up").isBefore(deadline);
                Thread.sleep(100);
            }
        }
    }

    /**
     * The hovered chart's tooltip has faded in (for the screenshot): a child of the chart other than its canvas
     * shown at full opacity; a screenshot without it is still taken after 3 s.
     */
    private static void awaitTooltipShown(Session session) {
        try {
            HeadlessChromium.waitFor(session.browser(), Duration.ofSeconds(3)).until(d -> (Boolean) session.browser()
                    .executeScript(TOOLTIP_SHOWN));
        } catch (org.openqa.selenium.TimeoutException notShown) {
            // the screenshot shows the chart without it
        }
    }

    private static final String TOOLTIP_SHOWN = """
            var el = document.querySelector('.chart');
            return Array.prototype.some.call(el.children, function (c) {
              var style = getComputedStyle(c);
              return !c.querySelector('canvas') && style.display !== 'none' && style.visibility !== 'hidden'
                  && style.opacity === '1' && c.textContent.trim() !== '';
            });
            """;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
