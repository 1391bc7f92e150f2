package cn.perfledger.benchmarks.http;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;

/** Nearest-rank percentiles of a sample of durations (milliseconds). */
final class Stats {

    private final double[] sorted;

    Stats(Collection<Double> values) {
        this.sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    Stats(double[] values) {
        this.sorted = values.clone();
        Arrays.sort(this.sorted);
    }

    int count() {
        return sorted.length;
    }

    /** The p-th percentile by nearest rank; NaN for an empty sample. */
    double percentile(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    double median() {
        return percentile(50);
    }

    double max() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }

    /** e.g. {@code p50 12.3 ms, p99 45.0 ms (n=200)}. */
    String describe(double... percentiles) {
        StringBuilder text = new StringBuilder();
        for (double p : percentiles) {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(String.format(Locale.ROOT, "p%s %s ms", p == Math.rint(p) ? String.valueOf((int) p) : p,
                    Report.number(percentile(p))));
        }
        return text + " (n=" + sorted.length + ")";
    }
}
