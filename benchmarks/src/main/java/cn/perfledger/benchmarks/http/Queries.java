package cn.perfledger.benchmarks.http;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Reads over HTTP: warm execution and scored table at random bases (p50/p95), the sign-in floor (an authenticated
 * request that computes nothing, beside the anonymous health check), the why-list between two dates (time and
 * answer size), and the first query after a restart.
 */
final class Queries {

    private Queries() {
    }

    /** The target of a cold query: 0.5 s at 100,000 events, 3 s at 1,000,000. */
    static Report.Target coldTarget(YearPlan plan) {
        return plan.spec.vouchers() >= 500_000 ? Report.Target.atMost(3_000, "ms") : Report.Target.atMost(500, "ms");
    }

    static void warm(StoreRun run, Api api, int queries, Instant loadStart, Instant loadEnd) {
        YearPlan plan = run.plan;
        Random random = new Random(plan.spec.seed() + 11);
        for (String kind : List.of("execution", "evaluation")) {
            List<Api.Response> responses = new ArrayList<>();
            double cpuBefore = run.app.cpuSeconds();
            for (int i = 0; i < queries; i++) {
                LocalDate asOf = plan.firstDay().plusDays(random.nextInt(plan.firstDay().lengthOfYear()));
                String basis = "?asOf=" + asOf;
                if (random.nextBoolean()) {
                    long span = Math.max(1, loadEnd.toEpochMilli() - loadStart.toEpochMilli());
                    basis += "&knownAt=" + Instant.ofEpochMilli(loadStart.toEpochMilli() + (long) (random.nextDouble() * span));
                }
                responses.add(api.get(plan.fiscalYearPath() + "/" + kind + basis).require(kind));
            }
            printLatency(run, "warm " + kind + " at random bases", responses, Report.Target.atMost(10, "ms"), 95);
            run.report.figure(run.store, "warm " + kind + ": server CPU per query (user+sys)",
                    (run.app.cpuSeconds() - cpuBefore) * 1000 / queries, "ms", null);
        }
        List<Api.Response> noop = new ArrayList<>();
        List<Api.Response> health = new ArrayList<>();
        for (int i = 0; i < Math.min(queries, 50); i++) {
            noop.add(api.get(plan.fiscalYearPath()).require("year summary"));
            health.add(api.getAnonymous("/actuator/health").require("health"));
        }
        printLatency(run, "authenticated no-op (…/years/{year} summary)", noop, null, 95);
        printLatency(run, "anonymous /actuator/health", health, null, 95);
    }

    /** The why-list of the total between mid-year and the year end: median time of 5 and the answer's size. */
    static void why(StoreRun run, Api api) {
        YearPlan plan = run.plan;
        String path = plan.fiscalYearPath() + "/evaluation/items/TOTAL/why?fromAsOf=" + plan.firstDay().withMonth(6).withDayOfMonth(30)
                + "&toAsOf=" + plan.lastDay();
        List<Api.Response> responses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            responses.add(api.get(path).require("why-list"));
        }
        printLatency(run, "why-list TOTAL 06-30 → 12-31", responses, Report.Target.atMost(50, "ms"), 95);
        run.report.figure(run.store, "why-list answer size", responses.get(0).body().length / 1024.0, "KiB", null);
        // the answer is paged: every page once (the largest pages), to show what the whole list costs
        int pages = responses.get(0).json().path("pageCount").asInt(1);
        int steps = responses.get(0).json().path("stepCount").asInt(-1);
        double millis = 0;
        long bytes = 0;
        int pagesOf500 = 0;
        for (int page = 0; page < Math.max(1, (steps + 499) / 500) && page < 100; page++) {
            Api.Response r = api.get(path + "&size=500&eventsPerStep=5&page=" + page).require("why-list page");
            millis += r.millis();
            bytes += r.body().length;
            pagesOf500++;
        }
        run.report.figure(run.store, "why-list: the whole list in pages of 500 steps (client HTTP)", Report.number(millis)
                + " ms for " + pagesOf500 + " page(s), " + Report.number(bytes / 1024.0) + " KiB; " + steps + " steps ("
                + pages + " default pages)", null, null);
    }

    /** Restarts the server and times its first answer of {@code kind} at the year end (server and client). */
    static double cold(StoreRun run, Api api, String kind) {
        run.app.restart();
        run.report.info("restarted in " + Report.number(run.app.lastStartSeconds()) + " s");
        double cpuBefore = run.app.cpuSeconds();
        Api.Response first = api.get(run.plan.fiscalYearPath() + "/" + kind + "?asOf=" + run.plan.lastDay()).require("cold " + kind);
        // the server's CPU (user+sys, every thread: request, JIT, GC) over the query: on a shared machine the wall
        // time mostly measures the other processes
        double cpu = run.app.cpuSeconds() - cpuBefore;
        double server = run.app.serverMillis(first.tag());
        run.report.figure(run.store, "cold: first " + kind + " after restart (server)", server, "ms", coldTarget(run.plan));
        run.report.figure(run.store, "cold: first " + kind + " after restart (client)", first.millis(), "ms", null);
        run.report.figure(run.store, "cold: server CPU during the first " + kind, cpu * 1000, "ms", null);
        Api.Response second = api.get(run.plan.fiscalYearPath() + "/" + kind + "?asOf=" + run.plan.lastDay()).require(kind);
        run.report.figure(run.store, "  then the second " + kind + " (client)", second.millis(), "ms", null);
        return first.millis();
    }

    static void printLatency(StoreRun run, String name, List<Api.Response> responses, Report.Target p50Target, double upper) {
        List<Double> client = new ArrayList<>();
        List<Double> server = new ArrayList<>();
        for (Api.Response r : responses) {
            client.add(r.millis());
            double s = run.app.serverMillis(r.tag());
            if (!Double.isNaN(s)) {
                server.add(s);
            }
        }
        Stats c = new Stats(client);
        Stats s = new Stats(server);
        Report.Target target = p50Target == null ? null
                : new Report.Target("p50 " + p50Target.text() + " (client HTTP)", p50Target.limit(), true);
        run.report.figure(run.store, name + " (client HTTP)", c.describe(50, upper), target,
                target == null ? null : target.met(c.percentile(50)));
        run.report.figure(run.store, name + " (server)", s.describe(50, upper), null, null);
    }
}
