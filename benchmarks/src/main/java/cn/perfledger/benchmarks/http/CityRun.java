package cn.perfledger.benchmarks.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * City scale scaled down to this machine, on PostgreSQL: two app instances sharing one fresh database, {@code N}
 * department-years of about {@code E} events each loaded through both at once; then the directory from each
 * instance, the jurisdiction comparison from each (totals checked against the generated years), the totals of a
 * few years read through the other instance, and a cold year query and comparison after restarting one instance.
 */
final class CityRun {

    private final BenchOptions options;
    private final Report report;
    private final RubricFile rubric;
    private static final String STORE = "city-pg";
    private static final String COMPARISON = "/api/v1/comparisons";

    CityRun(BenchOptions options, Report report, RubricFile rubric) {
        this.options = options;
        this.report = report;
        this.rubric = rubric;
    }

    void run(Postgres postgres) {
        Path dir = options.workDir.resolve("city-" + options.mode() + "-" + System.currentTimeMillis());
        String database = "perf_bench_city_" + System.currentTimeMillis();
        String url = postgres.create(database);
        AppProcess a = new AppProcess("city-a", options.jar, dir, options.heap, options.serverJvm, url);
        AppProcess b = new AppProcess("city-b", options.jar, dir, options.heap, options.serverJvm, url);
        try {
            a.start();
            b.start();
            report.info("two instances on " + database + " (pids " + a.pid() + ", " + b.pid() + ")");
            measure(a, b);
        } finally {
            a.stop();
            b.stop();
            if (!options.keepData) {
                postgres.drop(database);
            }
        }
    }

    private void measure(AppProcess a, AppProcess b) {
        Api clerkA = StoreRun.prepare(a, rubric);
        Api clerkB = b.admin().as(StoreRun.CLERK, StoreRun.CLERK_PASSWORD);
        int lines = options.lines;
        int overhead = 2 + 2 * lines + options.adjustments + options.cityReversals + 2;
        int vouchers = Math.max(10, options.cityEvents - overhead);
        List<YearPlan> years = new ArrayList<>();
        for (int i = 0; i < options.cityYears; i++) {
            years.add(YearPlan.generate(new YearPlan.Spec(String.format("BC-%04d", i + 1), 2021, options.units, lines,
                    vouchers, options.adjustments, options.cityReversals, options.seed + 10_000 + i)));
        }
        YearLoader loaderA = new YearLoader(a.admin(), clerkA, rubric.versionId, options.vouchersVia, options.setupByImport,
                options.maxRows, options.batchSize, options.reversalsVia);
        YearLoader loaderB = new YearLoader(b.admin(), clerkB, rubric.versionId, options.vouchersVia, options.setupByImport,
                options.maxRows, options.batchSize, options.reversalsVia);
        report.info("city: " + years.size() + " years × ≈" + options.cityEvents + " events (" + vouchers + " vouchers, "
                + options.cityReversals + " reversals via " + loaderA.reversalPath() + ") through 2 instances, "
                + options.cityLoaders + " loaders");
        double[] rssBefore = {a.residentMiB()[0], b.residentMiB()[0]};
        AtomicInteger next = new AtomicInteger();
        AtomicLong events = new AtomicLong();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < options.cityLoaders; t++) {
            Thread thread = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < years.size() && errors.isEmpty(); i = next.getAndIncrement()) {
                    try {
                        events.addAndGet((i % 2 == 0 ? loaderA : loaderB).load(years.get(i)).events());
                        if ((i + 1) % 10 == 0) {
                            report.info("city: " + (i + 1) + " years loaded");
                        }
                    } catch (RuntimeException e) {
                        errors.add(years.get(i).spec.department() + ": " + e.getMessage());
                    }
                }
            }, "city-loader-" + t);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("city load failed: " + errors.peek());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        report.figure(STORE, "city: loading " + years.size() + " years, events/s (2 instances)", events.get() / seconds, "/s", null);
        report.figure(STORE, "city: loading wall time (" + events.get() + " events)", seconds, "s", null);
        for (int k = 0; k < 2; k++) {
            AppProcess app = k == 0 ? a : b;
            double[] mib = app.residentMiB();
            int loaded = (years.size() + 1 - k) / 2;
            report.figure(STORE, "city: RSS of instance " + (k == 0 ? "a" : "b") + " after loading " + loaded + " years",
                    Report.number(mib[0]) + " MiB (VmHWM " + Report.number(mib[1]) + " MiB), "
                            + Report.number((mib[0] - rssBefore[k]) / Math.max(1, loaded)) + " MiB per year loaded", null, null);
        }
        directory(a, clerkA, "a");
        directory(b, clerkB, "b");
        comparison(a, clerkA, "a", years, true);
        comparison(b, clerkB, "b", years, false);
        Random random = new Random(options.seed);
        for (int k = 0; k < Math.min(3, years.size()); k++) {
            YearPlan year = years.get(random.nextInt(years.size()));
            ProductFigures.check(report, STORE, random.nextBoolean() ? clerkA : clerkB, year, List.of(year.lastDay()));
        }
        b.restart();
        YearPlan year = years.get(random.nextInt(years.size()));
        Api.Response cold = clerkB.get(year.fiscalYearPath() + "/execution?asOf=" + year.lastDay()).require("cold city execution");
        report.figure(STORE, "city: cold year query after restarting one instance (server)", b.serverMillis(cold.tag()), "ms",
                Report.Target.atMost(500, "ms"));
        report.figure(STORE, "city: cold year query (client HTTP)", cold.millis(), "ms", null);
        comparison(b, clerkB, "b after its restart", years, false);
        directory(b, clerkB, "b after its restart");
    }

    private void directory(AppProcess app, Api api, String name) {
        List<Double> client = new ArrayList<>();
        List<Double> server = new ArrayList<>();
        int bytes = 0;
        for (int i = 0; i < 10; i++) {
            Api.Response r = api.get("/api/v1/departments").require("directory");
            client.add(r.millis());
            server.add(app.serverMillis(r.tag()));
            bytes = r.body().length;
        }
        report.figure(STORE, "city: directory /api/v1/departments via " + name + " (client HTTP)",
                new Stats(client).describe(50, 95) + ", " + Report.number(bytes / 1024.0) + " KiB", null, null);
        report.figure(STORE, "city: directory via " + name + " (server)", new Stats(server).describe(50, 95), null, null);
    }

    /**
     * The jurisdiction comparison {@value #COMPARISON} of every generated year (all are registered in 基准市): waits
     * until the year-figures processors have written every year's row with the generated totals (budget and spent
     * equal to the plan's at 12-31; a difference after the wait is a correctness failure), then times it — the
     * first call on the instance apart (years it has not read are verified on the way), then ten more.
     */
    private void comparison(AppProcess app, Api api, String name, List<YearPlan> years, boolean awaitRows) {
        String path = COMPARISON + "?jurisdiction=" + URLEncoder.encode("基准市", StandardCharsets.UTF_8) + "&year=2021";
        Map<String, long[]> expected = new HashMap<>();
        for (YearPlan year : years) {
            long[] total = new long[2];
            for (long[] line : year.totalsAt(year.lastDay()).values()) {
                total[0] += line[0];
                total[1] += line[1];
            }
            expected.put(year.spec.department(), total);
        }
        long waitStart = System.nanoTime();
        long deadline = waitStart + 300_000_000_000L;
        Api.Response first = api.get(path).require("comparison");
        List<String> differences = comparisonDifferences(first.json(), expected);
        while (awaitRows && !differences.isEmpty() && System.nanoTime() < deadline) {
            sleep(500);
            first = api.get(path).require("comparison");
            differences = comparisonDifferences(first.json(), expected);
        }
        if (awaitRows) {
            report.figure(STORE, "city: year-figures rows caught up with the load (wait before the comparison)",
                    (System.nanoTime() - waitStart) / 1e9, "s", null);
        }
        if (!differences.isEmpty()) {
            report.failure(STORE, "city: jurisdiction comparison via " + name + " differs from the generated years: "
                    + String.join("; ", differences.subList(0, Math.min(5, differences.size())))
                    + (differences.size() > 5 ? " … (" + differences.size() + ")" : ""));
            return;
        }
        report.info("city: jurisdiction comparison via " + name + ": " + years.size()
                + " rows, budget and spent = generated years, all from the read model, all INTACT");
        report.figure(STORE, "city: jurisdiction comparison " + COMPARISON + " via " + name + ", first call (server)",
                app.serverMillis(first.tag()), "ms", null);
        List<Double> client = new ArrayList<>();
        List<Double> server = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Api.Response r = api.get(path).require("comparison");
            client.add(r.millis());
            server.add(app.serverMillis(r.tag()));
        }
        report.figure(STORE, "city: jurisdiction comparison via " + name + " (client HTTP)",
                new Stats(client).describe(50, 95) + ", " + Report.number(first.body().length / 1024.0) + " KiB", null, null);
        report.figure(STORE, "city: jurisdiction comparison via " + name + " (server)", new Stats(server).describe(50, 95),
                null, null);
    }

    /** Department → what differs between a comparison answer and the generated years' totals (fen). */
    private static List<String> comparisonDifferences(JsonNode comparison, Map<String, long[]> expected) {
        List<String> differences = new ArrayList<>();
        Map<String, JsonNode> rows = new HashMap<>();
        for (JsonNode row : comparison.get("rows")) {
            rows.put(row.get("departmentId").asText(), row);
        }
        for (Map.Entry<String, long[]> year : expected.entrySet()) {
            JsonNode row = rows.get(year.getKey());
            if (row == null) {
                differences.add(year.getKey() + " has no row");
                continue;
            }
            long budget = ProductFigures.fen(row.get("budget"));
            long spent = ProductFigures.fen(row.get("spent"));
            if (budget != year.getValue()[0] || spent != year.getValue()[1]) {
                differences.add(year.getKey() + " budget/spent " + budget + "/" + spent + " fen, generated "
                        + year.getValue()[0] + "/" + year.getValue()[1]);
            }
            if (!"read-model".equals(row.get("source").asText())
                    || !"INTACT".equals(row.get("integrity").get("status").asText())) {
                differences.add(year.getKey() + " source " + row.get("source").asText() + ", integrity "
                        + row.get("integrity").get("status").asText());
            }
        }
        if (rows.size() != expected.size()) {
            differences.add(rows.size() + " rows for " + expected.size() + " generated years");
        }
        return differences;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
