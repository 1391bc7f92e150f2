package cn.perfledger.benchmarks.http;

import cn.perfledger.benchmarks.http.LedgerOp.Reversal;
import cn.perfledger.benchmarks.http.LedgerOp.Voucher;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The year's self-evaluation (indicators of the rubric with targets and actuals, a score for every judgement leaf,
 * one bonus entry), and each single write kind timed on the loaded year, one request after the other: voucher,
 * reversal, adjustment, back-dated voucher, indicator actual, judgement score — server-side from the access log
 * and client-side, p50 and p99.
 *
 * <p>First {@code warmup} writes of every kind are sent, printed apart and without a verdict: right after the load
 * the server's JIT is still compiling (measured with a flight recording: about one core busy compiling for a
 * minute and more after a 100,000-event load), so the first writes time the compiler, not the steady state the
 * target is about. As with JMH's warm-up iterations, the target is judged on the writes sent after the warm-up.
 */
final class SingleWrites {

    private SingleWrites() {
    }

    /** Starts the evaluation and gives it every input the rubric scores; returns the requests' count. */
    static int setUpEvaluation(Api evaluator, YearPlan plan, RubricFile rubric) {
        String path = plan.fiscalYearPath() + "/evaluation";
        evaluator.postJson(path, new byte[0]).require("start evaluation");
        int requests = 1;
        for (RubricFile.Leaf leaf : rubric.indicators) {
            Map<String, Object> indicator = new LinkedHashMap<>();
            indicator.put("indicatorId", leaf.indicatorId());
            indicator.put("path", List.of("产出指标", "数量指标"));
            indicator.put("name", "指标 " + leaf.indicatorId());
            indicator.put("weight", leaf.weight());
            indicator.put("targetExpression", "≥95%");
            indicator.put("rubricItemCode", leaf.code());
            indicator.put("effectiveDate", plan.firstDay().plusDays(10).toString());
            evaluator.post(path + "/indicators", indicator).require("indicator " + leaf.indicatorId());
            evaluator.post(path + "/indicators/" + leaf.indicatorId() + "/actuals",
                    Map.of("actual", requests % 3 == 0 ? "93.5%" : "97.2%", "effectiveDate", plan.lastDay().toString()))
                    .require("actual " + leaf.indicatorId());
            requests += 2;
        }
        for (RubricFile.Leaf leaf : rubric.judgements) {
            evaluator.post(path + "/judgement-scores", score(leaf, 0.9, plan)).require("score " + leaf.code());
            requests++;
        }
        if (rubric.bonusPenalty) {
            evaluator.post(path + "/bonus-penalties", Map.of("entryId", "BP-1", "kind", "BONUS", "points", "1.5",
                    "reason", "受到财政部门表扬", "effectiveDate", plan.lastDay().minusDays(30).toString()))
                    .require("bonus");
            requests++;
        }
        return requests;
    }

    private static Map<String, Object> score(RubricFile.Leaf leaf, double share, YearPlan plan) {
        BigDecimal score = leaf.weight().multiply(BigDecimal.valueOf(share)).setScale(1, RoundingMode.DOWN);
        return Map.of("rubricItemCode", leaf.code(), "score", score, "basis", "评分依据：制度健全，执行严格。",
                "evaluator", "自评小组", "effectiveDate", plan.lastDay().toString());
    }

    /** One kind of single write: its name, how many the year allows (reversals need unreversed vouchers), the write. */
    private record Kind(String name, int available, IntFunction<Api.Response> write) {
    }

    /**
     * Sends {@code warmup} writes of every kind, then times {@code samples} more of every kind on the loaded year and
     * prints their p50/p99: every kind is timed after the warm-up of all of them, not only of its own.
     */
    static void measure(StoreRun run, Api clerk, RubricFile rubric, int warmup, int samples) {
        YearPlan plan = run.plan;
        String year = plan.fiscalYearPath();
        Random random = new Random(plan.spec.seed() + 7);
        List<Voucher> neverReversed = neverReversed(plan);
        List<Kind> kinds = new ArrayList<>();
        kinds.add(new Kind("voucher", Integer.MAX_VALUE, i -> clerk.postWithRetry(year + "/expenditures", Map.of(
                "voucherNo", String.format("S-V-%05d", i), "lineId", plan.lines.get(random.nextInt(plan.lines.size())).lineId(),
                "amount", "100.00", "effectiveDate", plan.lastDay().toString(), "summary", "单笔写入"))));
        kinds.add(new Kind("reversal", neverReversed.size(), i -> {
            Voucher original = neverReversed.get(i);
            return clerk.postWithRetry(year + "/reversals", YearLoader.reversalBody(new Reversal(
                    String.format("S-R-%05d", i), original.voucherNo(), original.lineId(), 1, plan.lastDay(), "冲销错账")));
        }));
        kinds.add(new Kind("adjustment (追加)", Integer.MAX_VALUE, i -> clerk.postWithRetry(year + "/adjustments/increase",
                Map.of("lineId", plan.lines.get(random.nextInt(plan.lines.size())).lineId(), "amount", "1000.00",
                        "documentNo", "基财预〔追〕" + i + "号", "reason", "单笔追加", "effectiveDate", plan.lastDay().toString()))));
        kinds.add(new Kind("back-dated voucher (Feb 1)", Integer.MAX_VALUE, i -> clerk.postWithRetry(year + "/expenditures",
                Map.of("voucherNo", String.format("S-B-%05d", i), "lineId",
                        plan.lines.get(random.nextInt(plan.lines.size())).lineId(), "amount", "100.00",
                        "effectiveDate", plan.firstDay().plusDays(31).toString(), "summary", "补记凭证"))));
        if (rubric.indicators.isEmpty() || rubric.judgements.isEmpty()) {
            run.report.skipped(run.store, "indicator actual / judgement score", "the rubric has no such leaf");
        } else {
            String evaluation = year + "/evaluation";
            kinds.add(new Kind("indicator actual", Integer.MAX_VALUE, i -> {
                RubricFile.Leaf leaf = rubric.indicators.get(i % rubric.indicators.size());
                return clerk.postWithRetry(evaluation + "/indicators/" + leaf.indicatorId() + "/actuals",
                        Map.of("actual", i % 2 == 0 ? "96.1%" : "94.8%", "effectiveDate", plan.lastDay().toString()));
            }));
            kinds.add(new Kind("judgement score", Integer.MAX_VALUE, i -> clerk.postWithRetry(evaluation + "/judgement-scores",
                    score(rubric.judgements.get(i % rubric.judgements.size()), i % 2 == 0 ? 0.8 : 1.0, plan))));
        }
        for (Kind kind : kinds) {
            int count = Math.min(warmup, kind.available());
            if (count > 0) {
                Timed first = send(run, kind.name(), 0, count, kind.write());
                run.report.figure(run.store, "single write: " + kind.name() + ", the first " + count
                        + " after loading (server)", first.server().describe(50, 99) + "; server CPU "
                        + Report.number(first.cpuMillis()) + " ms per write", null, null);
            }
        }
        for (Kind kind : kinds) {
            int from = Math.min(warmup, kind.available());
            time(run, kind.name() + (from > 0 ? ", after the warm-up" : ""),
                    send(run, kind.name(), from, Math.min(samples, kind.available() - from), kind.write()));
        }
    }

    private static List<Voucher> neverReversed(YearPlan plan) {
        Set<String> reversed = new HashSet<>();
        List<Voucher> vouchers = new ArrayList<>();
        for (LedgerOp op : plan.stream) {
            if (op instanceof Reversal r) {
                reversed.add(r.originalVoucherNo());
            } else if (op instanceof Voucher v) {
                vouchers.add(v);
            }
        }
        List<Voucher> candidates = new ArrayList<>();
        for (int i = vouchers.size() - 1; i >= 0; i--) {
            if (!reversed.contains(vouchers.get(i).voucherNo())) {
                candidates.add(vouchers.get(i));
            }
        }
        return candidates;
    }

    private static void time(StoreRun run, String kind, Timed timed) {
        Stats s = timed.server();
        boolean met = s.count() > 0 && s.percentile(50) <= 5 && s.percentile(99) <= 25;
        run.report.figure(run.store, "single write: " + kind + " (server)", s.describe(50, 99),
                new Report.Target("p50 ≤ 5 ms, p99 ≤ 25 ms", 0, true), met);
        run.report.figure(run.store, "single write: " + kind + " (client HTTP)", timed.client().describe(50, 99)
                + "; server CPU " + Report.number(timed.cpuMillis()) + " ms per write", null, null);
    }

    private record Timed(Stats server, Stats client, double cpuMillis) {
    }

    private static Timed send(StoreRun run, String kind, int from, int count, IntFunction<Api.Response> write) {
        List<Double> client = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        double cpuBefore = run.app.cpuSeconds();
        for (int i = from; i < from + count; i++) {
            Api.Response response = write.apply(i).require(kind + " #" + i);
            client.add(response.millis());
            tags.add(response.tag());
        }
        double cpuMillis = (run.app.cpuSeconds() - cpuBefore) * 1000 / Math.max(1, count);
        List<Double> server = new ArrayList<>();
        for (String tag : tags) {
            double millis = run.app.serverMillis(tag);
            if (!Double.isNaN(millis)) {
                server.add(millis);
            }
        }
        return new Timed(new Stats(server), new Stats(client), cpuMillis);
    }
}
