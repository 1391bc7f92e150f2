package cn.perfledger.benchmarks.http;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Side by side with ledger-cli and hledger on the same generated year: their per-line balances must equal the
 * generated year's (and so the product's, checked before), else the run fails loudly; then the product's query
 * time beside theirs (whole process, parsing included; medians of several runs), as a ratio from the same run.
 */
final class PeerComparison {

    private PeerComparison() {
    }

    static void run(StoreRun run, Api api, List<LocalDate> dates, double productWarmMillis, Path dir) {
        if (!Peers.ensureInstalled(run.report)) {
            run.report.skipped(run.store, "side by side with ledger-cli and hledger",
                    "apt-get could not install the Debian packages ledger and hledger");
            return;
        }
        Path journal = Peers.writeJournal(run.plan, dir.resolve("year.journal"));
        for (LocalDate asOf : dates) {
            var expected = run.plan.totalsAt(asOf);
            check(run, "ledger-cli", asOf, expected, Peers.ledger(journal, asOf).byLine());
            check(run, "hledger", asOf, expected, Peers.hledger(journal, asOf).byLine());
        }
        LocalDate end = run.plan.lastDay();
        run.ledgerSeconds = median(journal, end, run.options.peerRuns, true);
        run.hledgerSeconds = median(journal, end, run.options.peerRuns, false);
        run.report.figure(run.store, "peers: ledger-cli balance at " + end + " (whole process, median)",
                run.ledgerSeconds * 1000, "ms", null);
        run.report.figure(run.store, "peers: hledger balance at " + end + " (whole process, median)",
                run.hledgerSeconds * 1000, "ms", null);
        run.report.figure(run.store, "peers: product warm …/execution at " + end + " (client HTTP, median)",
                productWarmMillis, "ms", null);
        run.report.figure(run.store, "peers: warm product ÷ ledger-cli", productWarmMillis / (run.ledgerSeconds * 1000), "×", null);
        run.report.figure(run.store, "peers: warm product ÷ hledger", productWarmMillis / (run.hledgerSeconds * 1000), "×", null);
    }

    /** The cold query beside the peers (who are always cold: each run is a whole process). */
    static void cold(StoreRun run, double productColdMillis) {
        if (Double.isNaN(run.ledgerSeconds)) {
            return;
        }
        run.report.figure(run.store, "peers: cold product ÷ ledger-cli", productColdMillis / (run.ledgerSeconds * 1000), "×", null);
        run.report.figure(run.store, "peers: cold product ÷ hledger", productColdMillis / (run.hledgerSeconds * 1000), "×", null);
    }

    private static void check(StoreRun run, String peer, LocalDate asOf, java.util.Map<String, long[]> expected,
            java.util.Map<String, long[]> actual) {
        List<String> differences = Peers.differences("generated", expected, peer, actual);
        if (differences.isEmpty()) {
            run.report.info("per-line totals at " + asOf + ": " + peer + " = generated year (" + expected.size() + " lines)");
        } else {
            run.report.failure(run.store, peer + "'s per-line balances at " + asOf + " differ from the generated year's: "
                    + String.join("; ", differences.subList(0, Math.min(5, differences.size()))));
        }
    }

    private static double median(Path journal, LocalDate asOf, int runs, boolean ledger) {
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            seconds.add(ledger ? Peers.ledger(journal, asOf).seconds() : Peers.hledger(journal, asOf).seconds());
        }
        return new Stats(seconds).median();
    }
}
