package cn.perfledger.benchmarks.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * City scale scaled down to this machine, on PostgreSQL: two app instances sharing one fresh database, {@code N}
 * department-years of about {@code E} events each loaded through both at once; then the directory from each
 * instance, the jurisdiction comparison (if the product has an endpoint for it), the totals of a few years read
 * through the other instance, and a cold year query after restarting one instance.
 */
final class CityRun {

    private final BenchOptions options;
    private final Report report;
    private final RubricFile rubric;
    private static final String STORE = "city-pg";

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
        jurisdiction(a, clerkA);
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

    /** Times the jurisdiction comparison if the API document has a GET path naming a jurisdiction; else a note. */
    private void jurisdiction(AppProcess app, Api api) {
        JsonNode paths = api.getAnonymous("/v3/api-docs").require("api docs").json().get("paths");
        String found = null;
        for (Iterator<String> names = paths.fieldNames(); names.hasNext();) {
            String path = names.next();
            if (path.toLowerCase().contains("jurisdiction") && paths.get(path).has("get")) {
                found = path;
                break;
            }
        }
        if (found == null) {
            report.skipped(STORE, "city: jurisdiction comparison",
                    "the API has no jurisdiction comparison endpoint (no GET path naming a jurisdiction in /v3/api-docs)");
            return;
        }
        String path = found.replace("{jurisdiction}", URLEncoder.encode("基准市", StandardCharsets.UTF_8))
                .replaceAll("\\{year}", "2021");
        if (path.contains("{")) {
            report.skipped(STORE, "city: jurisdiction comparison", "endpoint " + found + " has parameters the harness does not know");
            return;
        }
        Api.Response r = api.get(path + (path.contains("?") ? "&" : "?") + "year=2021");
        if (!r.ok()) {
            report.skipped(STORE, "city: jurisdiction comparison", "GET " + path + " answered " + r.status());
            return;
        }
        report.figure(STORE, "city: jurisdiction comparison " + found + " (server)", app.serverMillis(r.tag()), "ms", null);
        report.figure(STORE, "city: jurisdiction comparison (client HTTP)", r.millis(), "ms", null);
    }
}
