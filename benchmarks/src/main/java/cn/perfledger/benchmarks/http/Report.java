package cn.perfledger.benchmarks.http;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints every figure as it is measured, each with the machine's load average read at that moment (the machine is
 * shared, so a figure without its load is not comparable), the target next to it as met / not met, and keeps the
 * rows for the summary table. Correctness failures are collected separately: they alone make the exit code non-zero.
 */
final class Report {

    /** A target a figure is compared with; {@code null} where the issue sets none. */
    record Target(String text, double limit, boolean atMost) {
        static Target atMost(double limit, String unit) {
            return new Target("≤ " + number(limit) + " " + unit, limit, true);
        }

        static Target atLeast(double limit, String unit) {
            return new Target("≥ " + number(limit) + " " + unit, limit, false);
        }

        boolean met(double value) {
            return atMost ? value <= limit : value >= limit;
        }
    }

    record Row(String store, String name, String value, String target, String verdict, String load) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> broken = new ArrayList<>();

    /** The 1, 5 and 15 minute load averages, e.g. {@code 2.31 1.98 1.40}. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Math.abs(value) >= 100 || value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (Math.abs(value) >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (Math.abs(value) >= 1) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        // three significant digits below 1: a ratio of 0.0016 is not "0.00"
        return new BigDecimal(value).round(new MathContext(3)).toPlainString();
    }

    /** A measured figure; {@code target} may be null. */
    synchronized void figure(String store, String name, double value, String unit, Target target) {
        figure(store, name, number(value) + " " + unit, target, target == null ? null : target.met(value));
    }

    /** A figure stated as text (e.g. p50 and p99 together) with the verdict decided by the caller. */
    synchronized void figure(String store, String name, String value, Target target, Boolean met) {
        String load = loadAverage();
        String verdict = target == null ? "" : met ? "met" : "NOT MET";
        rows.add(new Row(store, name, value, target == null ? "" : target.text(), verdict, load));
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "[%s] %-58s %s", store, name, value));
        if (target != null) {
            line.append("   target ").append(target.text()).append(": ").append(verdict);
        }
        line.append("   (load ").append(load).append(')');
        System.out.println(line);
    }

    synchronized void info(String text) {
        System.out.println("  " + Instant.now().toString().substring(11, 19) + " " + text + "   (load " + loadAverage() + ")");
    }

    /** Something the harness could not measure, with the reason; repeated in the summary. */
    synchronized void skipped(String store, String name, String reason) {
        notes.add("[" + store + "] " + name + ": " + reason);
        rows.add(new Row(store, name, "skipped", "", "", loadAverage()));
        System.out.println("[" + store + "] " + name + ": skipped — " + reason);
    }

    /** A correctness check failed (totals differ): printed loudly, and the exit code becomes non-zero. */
    synchronized void failure(String store, String text) {
        failures.add("[" + store + "] " + text);
        System.out.println("!!! CORRECTNESS FAILURE [" + store + "] " + text);
    }

    /** A run that broke off (an unexpected answer of the product, a server that did not start): exit code 3. */
    synchronized void brokeOff(String store, RuntimeException e) {
        broken.add("[" + store + "] " + e);
        System.out.println("!!! the " + store + " run broke off: " + e);
        e.printStackTrace(System.out);
    }

    synchronized boolean broke() {
        return !broken.isEmpty();
    }

    synchronized boolean failed() {
        return !failures.isEmpty();
    }

    synchronized void printSummary() {
        System.out.println();
        System.out.println("=== summary ===");
        int nameWidth = rows.stream().mapToInt(r -> r.name().length()).max().orElse(10);
        int valueWidth = rows.stream().mapToInt(r -> r.value().length()).max().orElse(10);
        int targetWidth = rows.stream().mapToInt(r -> r.target().length()).max().orElse(6);
        String format = "%-10s %-" + nameWidth + "s  %-" + valueWidth + "s  %-" + targetWidth + "s  %-7s  %s%n";
        System.out.printf(Locale.ROOT, format, "store", "figure", "value", "target", "verdict", "load avg");
        for (Row r : rows) {
            System.out.printf(Locale.ROOT, format, r.store(), r.name(), r.value(), r.target(), r.verdict(), r.load());
        }
        if (!notes.isEmpty()) {
            System.out.println();
            System.out.println("not measured:");
            notes.forEach(n -> System.out.println("  " + n));
        }
        if (!broken.isEmpty()) {
            System.out.println();
            System.out.println("broke off (figures after the break are missing):");
            broken.forEach(b -> System.out.println("  " + b));
        }
        System.out.println();
        if (failures.isEmpty()) {
            System.out.println("correctness: every total checked agrees");
        } else {
            System.out.println("correctness: " + failures.size() + " check(s) FAILED");
            failures.forEach(f -> System.out.println("  " + f));
        }
    }
}
