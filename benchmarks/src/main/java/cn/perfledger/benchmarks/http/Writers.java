package cn.perfledger.benchmarks.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many writers: {@code n} clients each recording single vouchers for a fixed time, first each on a department-year of
 * its own, then all on one. Conflicts ({@code 409 并发修改冲突}) are retried by the README's policy; afterwards every
 * year's executed total must equal the sum of the vouchers it accepted, to the fen.
 */
final class Writers {

    private Writers() {
    }

    /** Opens {@code count} small years (one unit, four lines with ample budgets) named {@code prefix-01…}. */
    static List<YearPlan> openYears(YearLoader loader, String prefix, int count, long seed) {
        List<YearPlan> years = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            YearPlan plan = YearPlan.generate(new YearPlan.Spec(String.format("%s-%02d", prefix, i + 1), 2021, 1, 4, 10,
                    0, 0, seed + i));
            loader.load(plan);
            years.add(plan);
        }
        return years;
    }

    /**
     * {@code clients} threads, client k writing to {@code years.get(k % years.size())}, for {@code seconds}; prints
     * accepted writes/s and latency, and checks the totals.
     */
    static void run(StoreRun run, Api clerk, List<YearPlan> years, int clients, int seconds, String name,
            Report.Target target) {
        AtomicLong[] acceptedFen = new AtomicLong[years.size()];
        for (int y = 0; y < years.size(); y++) {
            acceptedFen[y] = new AtomicLong(ProductFigures.totalExecuted(clerk, years.get(y).fiscalYearPath(),
                    years.get(y).lastDay()));
        }
        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong conflictsGivenUp = new AtomicLong();
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> tags = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        CountDownLatch done = new CountDownLatch(clients);
        double cpuBefore = run.app.cpuSeconds();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        for (int k = 0; k < clients; k++) {
            int client = k;
            Thread thread = new Thread(() -> {
                try {
                    int y = client % years.size();
                    YearPlan year = years.get(y);
                    Random random = new Random(year.spec.seed() * 31 + client);
                    for (int n = 0; System.nanoTime() < deadline; n++) {
                        long fen = 100 + random.nextInt(900);
                        String line = year.lines.get(random.nextInt(year.lines.size())).lineId();
                        Api.Response response = clerk.postWithRetry(year.fiscalYearPath() + "/expenditures",
                                java.util.Map.of("voucherNo", String.format("%s-W%02d-%06d", name.startsWith("one") ? "O" : "M",
                                        client, n), "lineId", line, "amount", LedgerOp.yuan(fen),
                                        "effectiveDate", year.firstDay().plusDays(random.nextInt(365)).toString()));
                        latencies.add(response.millis());
                        tags.add(response.tag());
                        if (response.status() == 201) {
                            accepted.incrementAndGet();
                            acceptedFen[y].addAndGet(fen);
                        } else if (Api.isConcurrencyConflict(response)) {
                            conflictsGivenUp.incrementAndGet();
                        } else {
                            refused.incrementAndGet();
                            if (errors.size() < 3) {
                                errors.add(response.status() + " " + response.text());
                            }
                        }
                    }
                } catch (RuntimeException e) {
                    errors.add(e.toString());
                } finally {
                    done.countDown();
                }
            }, "writer-" + k);
            thread.start();
        }
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double rate = accepted.get() / elapsed;
        double cpuMillis = (run.app.cpuSeconds() - cpuBefore) * 1000 / Math.max(1, accepted.get());
        run.report.figure(run.store, name + ": accepted writes/s", rate, "/s", target);
        List<Double> server = new ArrayList<>();
        for (String tag : tags) {
            double millis = run.app.serverMillis(tag);
            if (!Double.isNaN(millis)) {
                server.add(millis);
            }
        }
        run.report.figure(run.store, name + ": latency (client HTTP)", new Stats(new ArrayList<>(latencies)).describe(50, 99)
                + ", conflicts given up " + conflictsGivenUp.get() + ", refused " + refused.get() + "; server CPU "
                + Report.number(cpuMillis) + " ms per accepted write", null, null);
        run.report.figure(run.store, name + ": latency (server, per attempt)", new Stats(server).describe(50, 99), null, null);
        if (!errors.isEmpty()) {
            run.report.info(name + ": first errors: " + String.join(" | ", errors));
        }
        for (int y = 0; y < years.size(); y++) {
            YearPlan year = years.get(y);
            long stored = ProductFigures.totalExecuted(clerk, year.fiscalYearPath(), year.lastDay());
            if (stored != acceptedFen[y].get()) {
                run.report.failure(run.store, name + ": " + year.spec.department() + " executed " + LedgerOp.yuan(stored)
                        + " but the accepted vouchers sum to " + LedgerOp.yuan(acceptedFen[y].get()));
            }
        }
        run.report.info(name + ": totals of " + years.size() + " year(s) checked against " + accepted.get() + " accepted vouchers");
    }
}
