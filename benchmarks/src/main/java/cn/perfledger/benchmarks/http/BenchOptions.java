package cn.perfledger.benchmarks.http;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The harness's parameters: {@code --quick} (the default: small sizes, a few minutes) or {@code --full} (the
 * issue's sizes), each size overridable ({@code --vouchers=1000000}). {@code --help} lists them.
 */
final class BenchOptions {

    /** The memory settings the README recommends (one 100,000-event year in ≤ 600 MiB RSS). */
    static final List<String> RECOMMENDED_JVM = List.of("-XX:+UseSerialGC", "-Xss512k", "-XX:ReservedCodeCacheSize=64m",
            "-XX:+ExitOnOutOfMemoryError");

    static final String USAGE = """
            java -cp benchmarks/target/benchmarks.jar cn.perfledger.benchmarks.http.HttpBench [options]
              --quick | --full          sizes: quick (default) a few minutes; full = the issue's 100,000-voucher year
              --stores=h2,postgres      which stores to run on (default both; postgres skipped if unreachable)
              --vouchers=N --lines=N --units=N --adjustments=N --reversals=N --seed=N   the main year
              --heap=2g                 the server's -Xmx; default 384m with -XX:+UseSerialGC -Xss512k
                                        -XX:ReservedCodeCacheSize=64m (the README's run command) below 500,000
                                        vouchers, else 2g
              --main-years=N            load N main years (same sizes), RSS with all of them loaded and served
              --server-jvm="-XX:…"      further JVM options of the server (space-separated), e.g. a flight recording
              --vouchers-via=import|batch   import files (…/imports/ledger) or …/expenditure-batches
              --max-rows=20000 --batch-size=5000   rows per import file, vouchers per batch
              --setup=single|import     budget lines and initial budgets one by one (default) or in the first file
              --reversals-via=auto|single|import|batch   auto: the import or a batch once the product offers it
              --samples=N               single writes per kind, timed after --write-warmup=N of every kind
                                        (default: 500 with --full, else --samples)
              --queries=N               warm queries per kind
              --peer-runs=N             runs of ledger-cli / hledger (medians)
              --writers=16 --writer-seconds=N   concurrent clients and how long they write
              --city-years=N --city-events=N --city-reversals=N --city-loaders=N   city scale (PostgreSQL)
              --skip=peers,writes,warm,why,disk,cold,writers,city   sections to leave out
                                        (main: the stores' main year altogether, e.g. to run only the city)
              --jar=ledger-app/target/ledger-app.jar   --work-dir=benchmarks/target/http-bench   --keep-data
              --pg-url=jdbc:postgresql://127.0.0.1:5432/   --pg-user=postgres
            Exit code 0, or 1 if a correctness check failed (totals differ), 2 on a usage error, 3 if the run broke off.""";

    final boolean full;
    final List<String> stores;
    final int vouchers;
    final int lines;
    final int units;
    final int adjustments;
    final int reversals;
    final long seed;
    final String heap;
    final List<String> serverJvm;
    final YearLoader.VoucherPath vouchersVia;
    final int maxRows;
    final int batchSize;
    final boolean setupByImport;
    final YearLoader.ReversalPath reversalsVia;
    final int samples;
    final int writeWarmup;
    final int queries;
    final int peerRuns;
    final int writers;
    final int writerSeconds;
    final int cityYears;
    final int cityEvents;
    final int cityReversals;
    final int cityLoaders;
    final Set<String> skip;
    final Path jar;
    final Path workDir;
    final boolean keepData;
    /** Main years loaded in all (the first measured in full, the others for memory with several years). */
    final int mainYears;
    final String pgUrl;
    final String pgUser;

    private BenchOptions(Map<String, String> a) {
        full = a.containsKey("full");
        stores = List.of(a.getOrDefault("stores", "h2,postgres").split(","));
        vouchers = integer(a, "vouchers", full ? 100_000 : 10_000);
        lines = integer(a, "lines", 40);
        units = integer(a, "units", 4);
        adjustments = integer(a, "adjustments", 20);
        reversals = integer(a, "reversals", vouchers / 100);
        seed = Long.parseLong(a.getOrDefault("seed", "20210101"));
        // the README's run command for years of the size; a --heap of one's own takes the JVM's defaults
        boolean recommended = !a.containsKey("heap") && vouchers < 500_000;
        heap = a.getOrDefault("heap", recommended ? "384m" : "2g");
        List<String> jvm = new java.util.ArrayList<>(recommended ? RECOMMENDED_JVM : List.of());
        if (!a.getOrDefault("server-jvm", "").isBlank()) {
            jvm.addAll(List.of(a.get("server-jvm").trim().split("\\s+")));
        }
        serverJvm = List.copyOf(jvm);
        vouchersVia = YearLoader.VoucherPath.valueOf(a.getOrDefault("vouchers-via", "import").toUpperCase());
        maxRows = integer(a, "max-rows", 20_000);
        batchSize = integer(a, "batch-size", 5_000);
        setupByImport = a.getOrDefault("setup", "single").equals("import");
        reversalsVia = YearLoader.ReversalPath.valueOf(a.getOrDefault("reversals-via", "auto").toUpperCase());
        samples = integer(a, "samples", full ? 200 : 20);
        writeWarmup = integer(a, "write-warmup", full ? 500 : samples);
        queries = integer(a, "queries", full ? 100 : 30);
        peerRuns = integer(a, "peer-runs", full ? 5 : 3);
        writers = integer(a, "writers", 16);
        writerSeconds = integer(a, "writer-seconds", full ? 30 : 8);
        cityYears = integer(a, "city-years", full ? 110 : 2);
        cityEvents = integer(a, "city-events", full ? 30_000 : 2_000);
        cityReversals = integer(a, "city-reversals", cityEvents / 100);
        cityLoaders = integer(a, "city-loaders", 4);
        skip = new HashSet<>(Arrays.asList(a.getOrDefault("skip", "").split(",")));
        jar = Path.of(a.getOrDefault("jar", "ledger-app/target/ledger-app.jar"));
        workDir = Path.of(a.getOrDefault("work-dir", "benchmarks/target/http-bench"));
        keepData = a.containsKey("keep-data");
        mainYears = integer(a, "main-years", 1);
        pgUrl = a.getOrDefault("pg-url", "jdbc:postgresql://127.0.0.1:5432/");
        pgUser = a.getOrDefault("pg-user", "postgres");
        if (lines < 2 || units < 1 || vouchers < 10 || maxRows < 1 || batchSize < 1 || writers < 1 || mainYears < 1) {
            throw new IllegalArgumentException("sizes too small: lines ≥ 2, units ≥ 1, vouchers ≥ 10");
        }
        if (samples < 1 || writeWarmup < 0) {
            throw new IllegalArgumentException("--samples ≥ 1, --write-warmup ≥ 0");
        }
        for (String section : skip) {
            if (!section.isEmpty() && !SECTIONS.contains(section)) {
                throw new IllegalArgumentException("unknown section --skip=" + section + " (" + String.join(",", SECTIONS) + ")");
            }
        }
        for (String store : stores) {
            if (!store.equals("h2") && !store.equals("postgres")) {
                throw new IllegalArgumentException("unknown store " + store + " (h2, postgres)");
            }
        }
    }

    /** What {@code --skip} may leave out. */
    static final List<String> SECTIONS = List.of("peers", "writes", "warm", "why", "disk", "cold", "writers", "city", "main");

    static BenchOptions parse(String[] args) {
        ConsultedOptions values = new ConsultedOptions();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("not an option: " + arg);
            }
            int eq = arg.indexOf('=');
            values.put(eq < 0 ? arg.substring(2) : arg.substring(2, eq), eq < 0 ? "" : arg.substring(eq + 1));
        }
        if (values.containsKey("quick") && values.containsKey("full")) {
            throw new IllegalArgumentException("--quick or --full, not both");
        }
        BenchOptions options = new BenchOptions(values);
        // a misspelt option would otherwise run the default silently, e.g. a full run instead of the one asked for
        for (String key : values.keySet()) {
            if (!values.consulted.contains(key)) {
                throw new IllegalArgumentException("unknown option --" + key + " (--help lists them)");
            }
        }
        return options;
    }

    /** The options given, remembering which ones the constructor asked for. */
    private static final class ConsultedOptions extends HashMap<String, String> {
        private final Set<String> consulted = new HashSet<>();

        @Override
        public String get(Object key) {
            consulted.add(String.valueOf(key));
            return super.get(key);
        }

        @Override
        public String getOrDefault(Object key, String fallback) {
            consulted.add(String.valueOf(key));
            return super.getOrDefault(key, fallback);
        }

        @Override
        public boolean containsKey(Object key) {
            consulted.add(String.valueOf(key));
            return super.containsKey(key);
        }
    }

    boolean runs(String section) {
        return !skip.contains(section);
    }

    String mode() {
        return full ? "full" : "quick";
    }

    /** The main year of a store's run. */
    YearPlan.Spec mainYear() {
        return mainYear(1);
    }

    /** The n-th main year (1 = the measured one): same sizes, its own department and seed. */
    YearPlan.Spec mainYear(int n) {
        return new YearPlan.Spec(String.format("BY-%04d", n), 2021, units, lines, vouchers, adjustments, reversals,
                seed + n - 1);
    }

    private static int integer(Map<String, String> a, String key, int fallback) {
        String value = a.get(key);
        return value == null ? fallback : Integer.parseInt(value.replace("_", "").replace(",", ""));
    }
}
