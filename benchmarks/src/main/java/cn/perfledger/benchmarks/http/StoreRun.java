package cn.perfledger.benchmarks.http;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One store's run: a fresh server on the embedded default store or a fresh PostgreSQL database; the main year
 * generated, loaded and checked (against the generated totals and against ledger-cli and hledger); then single
 * writes, warm queries, the why-list, memory, disk, cold queries after restarts and many writers.
 */
final class StoreRun {

    static final String CLERK = "bench-clerk";
    static final String CLERK_PASSWORD = "bench-clerk-1";

    final String store;
    final BenchOptions options;
    final Report report;
    final YearPlan plan;
    AppProcess app;
    /** ledger-cli's and hledger's median whole-process balance time (s), for the cold ratio; NaN until measured. */
    double ledgerSeconds = Double.NaN;
    double hledgerSeconds = Double.NaN;
    private final RubricFile rubric;

    StoreRun(String store, BenchOptions options, Report report, RubricFile rubric) {
        this.store = store;
        this.options = options;
        this.report = report;
        this.rubric = rubric;
        this.plan = YearPlan.generate(options.mainYear());
    }

    /** The clerk (录入 and 评价, all departments) and the rubric version, as an administrator creates them. */
    static Api prepare(AppProcess app, RubricFile rubric) {
        Api admin = app.admin();
        admin.post("/api/v1/admin/users", Map.of("username", CLERK, "displayName", "基准录入", "password", CLERK_PASSWORD,
                "roles", List.of("CLERK", "EVALUATOR"), "departments", "*")).require("create clerk");
        admin.postJson("/api/v1/rubrics", rubric.json).require("publish rubric " + rubric.versionId);
        return admin.as(CLERK, CLERK_PASSWORD);
    }

    void run(Postgres postgres) {
        Path dir = options.workDir.resolve(store + "-" + options.mode() + "-" + System.currentTimeMillis());
        String database = null;
        String jdbcUrl = null;
        if (store.equals("postgres")) {
            database = "perf_bench_" + System.currentTimeMillis();
            jdbcUrl = postgres.create(database);
            report.info("fresh PostgreSQL database " + database);
        }
        app = new AppProcess(store, options.jar, dir, options.heap, options.serverJvm, jdbcUrl);
        try {
            app.start();
            report.info("server started (pid " + app.pid() + ", -Xmx" + options.heap + ") in "
                    + Report.number(app.lastStartSeconds()) + " s; data in " + dir);
            measure(postgres, database, dir);
        } finally {
            app.stop();
            if (database != null && !options.keepData) {
                postgres.drop(database);
            }
            if (!options.keepData) {
                deleteTree(dir.resolve("data"));
            }
        }
    }

    private void measure(Postgres postgres, String database, Path dir) {
        Api clerk = prepare(app, rubric);
        Api admin = app.admin();
        YearLoader loader = new YearLoader(admin, clerk, rubric.versionId, options.vouchersVia, options.setupByImport,
                options.maxRows, options.batchSize, options.reversalsVia);
        report.info("generated " + plan.spec.department() + "/" + plan.spec.year() + ": " + plan.voucherCount() + " vouchers, "
                + plan.lines.size() + " lines in " + plan.units.size() + " units, " + plan.adjustmentCount() + " adjustments, "
                + plan.reversalCount() + " reversals (seed " + plan.spec.seed() + "); reversals via " + loader.reversalPath());
        double rssBefore = app.residentMiB()[0];
        double cpuBefore = app.cpuSeconds();
        Instant loadStart = Instant.now();
        YearLoader.Result load = loader.load(plan);
        Instant loadEnd = Instant.now();
        loadFigures(load);
        report.figure(store, "loading: server CPU per 1,000 events (user+sys)", (app.cpuSeconds() - cpuBefore)
                / load.events() * 1000, "s", null);
        double rssAfter = app.residentMiB()[0];
        report.figure(store, "server RSS growth while loading, per 1,000 events", Report.number((rssAfter - rssBefore)
                / load.events() * 1000) + " MiB (" + Report.number(rssBefore) + " → " + Report.number(rssAfter) + " MiB)",
                null, null);
        int evaluationRequests = SingleWrites.setUpEvaluation(clerk, plan, rubric);
        report.info("evaluation set up with " + evaluationRequests + " requests");

        List<LocalDate> checkDates = List.of(plan.firstDay().withMonth(6).withDayOfMonth(30), plan.lastDay());
        ProductFigures.check(report, store, clerk, plan, checkDates);
        double warmExecution = medianExecution(clerk, 5);
        if (options.runs("peers")) {
            PeerComparison.run(this, clerk, checkDates, warmExecution, dir);
        }
        rss("after load");
        if (options.mainYears > 1) {
            loadMoreYears(loader, clerk);
        }
        if (options.runs("writes")) {
            awaitReadModel(clerk);
            SingleWrites.measure(this, clerk, rubric, options.writeWarmup, options.samples);
        }
        if (options.runs("warm")) {
            Queries.warm(this, clerk, options.queries, loadStart, loadEnd);
            rss("after load and warm queries");
        }
        if (options.runs("why")) {
            Queries.why(this, clerk);
        }
        if (options.runs("disk")) {
            disk(admin, postgres, database);
        }
        if (options.runs("cold")) {
            double coldExecution = Queries.cold(this, clerk, "execution");
            rss("after restart and one query");
            PeerComparison.cold(this, coldExecution);
            Queries.cold(this, clerk, "evaluation");
        }
        if (options.runs("writers")) {
            List<YearPlan> many = Writers.openYears(loader, "BW", options.writers, plan.spec.seed() + 1000);
            Writers.run(this, clerk, many, options.writers, options.writerSeconds,
                    options.writers + " clients on " + options.writers + " department-years",
                    Report.Target.atLeast(1_000, "/s"));
            List<YearPlan> one = Writers.openYears(loader, "BO", 1, plan.spec.seed() + 2000);
            Writers.run(this, clerk, one, options.writers, options.writerSeconds,
                    "one year: " + options.writers + " clients on one department-year", Report.Target.atLeast(300, "/s"));
        }
    }

    private void loadFigures(YearLoader.Result load) {
        report.figure(store, "loading: whole year, events/s", load.events() / load.totalSeconds(), "/s",
                plan.spec.vouchers() >= 500_000 ? null : Report.Target.atLeast(30_000, "/s"));
        report.figure(store, "loading: whole year, wall time", load.totalSeconds(), "s",
                plan.spec.vouchers() >= 500_000 ? Report.Target.atMost(60, "s") : null);
        report.info(load.events() + " events: setup " + Report.number(load.setupSeconds()) + " s, "
                + load.files() + (options.vouchersVia == YearLoader.VoucherPath.IMPORT ? " import files " : " batches ")
                + Report.number(load.bulkSeconds()) + " s, reversals (" + load.reversalPath() + ") "
                + Report.number(load.reversalSeconds()) + " s");
        boolean imported = options.vouchersVia == YearLoader.VoucherPath.IMPORT;
        long bulkEvents = plan.voucherCount() + plan.adjustmentCount() + (imported ? load.files() : 0)
                + (imported && options.setupByImport ? 2L * plan.lines.size() : 0)
                + (load.reversalPath() == YearLoader.ReversalPath.IMPORT ? plan.reversalCount() : 0);
        report.figure(store, "loading: " + (options.vouchersVia == YearLoader.VoucherPath.IMPORT ? "import files" : "batches")
                + " alone, events/s", bulkEvents / load.bulkSeconds(), "/s", null);
        Stats files = new Stats(load.fileSeconds());
        report.figure(store, "loading: each " + (options.vouchersVia == YearLoader.VoucherPath.IMPORT ? "file (≤ "
                + options.maxRows + " rows)" : "batch (" + options.batchSize + ")"),
                "min " + Report.number(files.percentile(0)) + " s, median " + Report.number(files.median()) + " s, max "
                        + Report.number(files.max()) + " s (n=" + files.count() + ")", null, null);
        if (!load.reversalMillis().isEmpty()) {
            report.figure(store, "loading: reversals one by one (client HTTP)", new Stats(load.reversalMillis())
                    .describe(50, 99), null, null);
        }
    }

    double medianExecution(Api api, int runs) {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            times.add(api.get(plan.fiscalYearPath() + "/execution?asOf=" + plan.lastDay()).require("execution").millis());
        }
        return new Stats(times).median();
    }

    /**
     * Memory with several years: loads main years 2..N (same sizes, own departments), asks each and the first one's
     * execution once, so that all are loaded and served, and prints the RSS and its growth per further year.
     */
    private void loadMoreYears(YearLoader loader, Api clerk) {
        double rssOne = app.residentMiB()[0];
        List<YearPlan> years = new ArrayList<>(List.of(plan));
        for (int n = 2; n <= options.mainYears; n++) {
            YearPlan more = YearPlan.generate(options.mainYear(n));
            loader.load(more);
            years.add(more);
        }
        for (YearPlan year : years) {
            clerk.get(year.fiscalYearPath() + "/execution?asOf=" + year.lastDay()).require("execution");
        }
        double[] mib = app.residentMiB();
        Report.Target target = plan.spec.vouchers() >= 500_000 ? null : Report.Target.atMost(1_536, "MiB");
        report.figure(store, "server RSS with " + years.size() + " main years loaded and served", Report.number(mib[0])
                + " MiB (VmHWM " + Report.number(mib[1]) + " MiB; " + Report.number((mib[0] - rssOne)
                / (years.size() - 1)) + " MiB per further year)", target, target == null ? null : target.met(mib[0]));
    }

    /**
     * Waits until the year's {@code year-figures} row holds every event of the load (its {@code lastGlobalIndex}
     * reaches the execution's {@code lastGlobalSequence}) and prints how long that took: the tracking processor's
     * catch-up after a load is its own cost, and single writes timed during it measure the catch-up (its
     * allocations and GC) rather than the write.
     */
    private void awaitReadModel(Api clerk) {
        long target = clerk.get(plan.fiscalYearPath() + "/execution?asOf=" + plan.lastDay()).require("execution")
                .json().path("lastGlobalSequence").asLong();
        long start = System.nanoTime();
        long deadline = start + 600_000_000_000L;
        long held = -1;
        while (System.nanoTime() < deadline) {
            Api.Response figures = clerk.get(plan.fiscalYearPath() + "/figures");
            held = figures.status() == 200 ? figures.json().path("lastGlobalIndex").asLong(-1) : -1;
            if (held >= target) {
                break;
            }
            AppProcess.sleep(200);
        }
        if (held < target) {
            report.failure(store, "the year-figures row did not reach global index " + target + " within 600 s (at " + held + ")");
            return;
        }
        report.figure(store, "year-figures row caught up with the load, after its last request", (System.nanoTime() - start) / 1e9,
                "s", null);
    }

    void rss(String when) {
        double[] mib = app.residentMiB();
        Report.Target target = plan.spec.vouchers() >= 500_000 ? null : Report.Target.atMost(600, "MiB");
        report.figure(store, "server RSS " + when, Report.number(mib[0]) + " MiB (VmHWM " + Report.number(mib[1]) + " MiB)",
                target, target == null ? null : target.met(mib[0]));
    }

    private void disk(Api admin, Postgres postgres, String database) {
        long[] payloadBytes = {0};
        long[] events = {-1};
        long exportBytes = admin.streamLines("/api/v1/export", line -> {
            if (events[0]++ < 0) {
                return; // the header
            }
            try {
                var node = Api.JSON.readTree(line);
                payloadBytes[0] += node.get("payload").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                        + node.get("metaData").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        long storeBytes = database == null ? app.dataDirectoryBytes() : postgres.sizeBytes(database);
        double mib = 1024.0 * 1024.0;
        report.figure(store, "events' own size (export NDJSON / payload+metadata)", Report.number(exportBytes / mib)
                + " MiB / " + Report.number(payloadBytes[0] / mib) + " MiB (" + events[0] + " events)", null, null);
        Report.Target target = new Report.Target("≤ 2× payload+metadata", 2, true);
        double ratio = (double) storeBytes / payloadBytes[0];
        report.figure(store, "database size (" + (database == null ? "H2 data directory" : "pg_database_size") + ")",
                Report.number(storeBytes / mib) + " MiB = " + Report.number(ratio) + "× payload+metadata, "
                        + Report.number((double) storeBytes / exportBytes) + "× the export", target, target.met(ratio));
    }

    static void deleteTree(Path root) {
        if (!root.toFile().exists()) {
            return;
        }
        try (var paths = java.nio.file.Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            // leftovers stay under target/
        }
    }
}
