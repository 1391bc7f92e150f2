package cn.perfledger.benchmarks.http;

import java.nio.file.Files;

/**
 * The benchmark of issue 14, measured from outside through the HTTP API: generates department-years from a seed,
 * starts the built product as a separate process on the embedded default store and on PostgreSQL, loads the years
 * through the API, and prints every figure with the machine's load average and its target (met / not met), then
 * a summary table. The exit code reports correctness only (totals differ → 1), never a missed target. Usage:
 * {@link BenchOptions#USAGE}; the README's section "HTTP benchmark" has the command.
 */
public final class HttpBench {

    private HttpBench() {
    }

    public static void main(String[] args) {
        BenchOptions options;
        try {
            if (java.util.Arrays.asList(args).contains("--help")) {
                System.out.println(BenchOptions.USAGE);
                return;
            }
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        if (!Files.isRegularFile(options.jar)) {
            System.err.println(options.jar + " not found: build it first (./mvnw -q -Pbench -DskipTests package)");
            System.exit(2);
            return;
        }
        Report report = new Report();
        RubricFile rubric = RubricFile.fromJar(options.jar);
        System.out.printf("HTTP benchmark (%s): main year %,d vouchers, %d lines in %d units, %d adjustments, %,d reversals, seed %d;"
                + " heap %s; %d cores; vouchers via %s, reversals via %s%n", options.mode(), options.vouchers, options.lines,
                options.units, options.adjustments, options.reversals, options.seed,
                options.heap + (options.serverJvm.isEmpty() ? "" : " " + String.join(" ", options.serverJvm)),
                Runtime.getRuntime().availableProcessors(), options.vouchersVia, options.reversalsVia);
        System.out.println("Every figure: [store] name value, target, (load average 1/5/15 min when it was measured)."
                + " Server times come from Tomcat's access log (%D), client times include HTTP and JSON transfer.");
        Postgres postgres = new Postgres(options.pgUrl, options.pgUser);
        for (String store : options.runs("main") ? options.stores : java.util.List.<String>of()) {
            if (store.equals("postgres") && !postgres.reachable()) {
                report.skipped("postgres", "all PostgreSQL figures", "no PostgreSQL at " + options.pgUrl
                        + " (start it: pg_ctlcluster --skip-systemctl-redirect 15 main start)");
                continue;
            }
            System.out.println();
            System.out.println("=== " + store + " ===");
            try {
                new StoreRun(store, options, report, rubric).run(postgres);
            } catch (RuntimeException e) {
                report.brokeOff(store, e);
            }
        }
        if (options.stores.contains("postgres") && options.runs("city") && postgres.reachable()) {
            System.out.println();
            System.out.println("=== city scale, scaled down (PostgreSQL, two instances) ===");
            try {
                new CityRun(options, report, rubric).run(postgres);
            } catch (RuntimeException e) {
                report.brokeOff("city-pg", e);
            }
        } else if (options.runs("city")) {
            report.skipped("city-pg", "city scale", "needs the postgres store (--stores=…,postgres) and a reachable server");
        }
        report.printSummary();
        System.exit(report.failed() ? 1 : report.broke() ? 3 : 0);
    }
}
