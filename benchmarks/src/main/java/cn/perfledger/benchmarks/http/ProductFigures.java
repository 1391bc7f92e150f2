package cn.perfledger.benchmarks.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the harness reads back from the product to check it: per-line totals of {@code …/execution}. */
final class ProductFigures {

    private ProductFigures() {
    }

    /** Line → [fullYear, executed] in fen, from {@code …/execution?asOf=}. */
    static Map<String, long[]> lineTotals(Api api, YearPlan plan, LocalDate asOf) {
        JsonNode report = api.get(plan.fiscalYearPath() + "/execution?asOf=" + asOf).require("execution").json();
        Map<String, long[]> totals = new LinkedHashMap<>();
        for (JsonNode line : report.get("result").get("lines")) {
            totals.put(line.get("key").asText(), new long[] {fen(line.get("fullYear")), fen(line.get("executed"))});
        }
        return totals;
    }

    /** The year's total executed in fen at its last day. */
    static long totalExecuted(Api api, String fiscalYearPath, LocalDate asOf) {
        JsonNode report = api.get(fiscalYearPath + "/execution?asOf=" + asOf).require("execution").json();
        return fen(report.get("result").get("total").get("executed"));
    }

    static long fen(JsonNode money) {
        return new BigDecimal(money.asText()).movePointRight(2).longValueExact();
    }

    /**
     * Compares the product's per-line totals with the generated year's at each date; every difference is a
     * correctness failure.
     */
    static boolean check(Report report, String store, Api api, YearPlan plan, List<LocalDate> dates) {
        boolean agree = true;
        for (LocalDate asOf : dates) {
            List<String> differences = Peers.differences("generated", plan.totalsAt(asOf), "product",
                    lineTotals(api, plan, asOf));
            if (differences.isEmpty()) {
                report.info("per-line totals at " + asOf + ": product = generated year (" + plan.lines.size() + " lines)");
            } else {
                agree = false;
                report.failure(store, "product's …/execution per-line totals at " + asOf + " differ from the generated year: "
                        + String.join("; ", differences.subList(0, Math.min(5, differences.size())))
                        + (differences.size() > 5 ? " … (" + differences.size() + " lines)" : ""));
            }
        }
        return agree;
    }
}
