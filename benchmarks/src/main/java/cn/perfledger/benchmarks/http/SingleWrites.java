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

    /** Times {@code samples} writes of each kind on the loaded year and prints their p50/p99. */
    static void measure(StoreRun run, Api clerk, RubricFile rubric, int samples) {
        YearPlan plan = run.plan;
        String year = plan.fiscalYearPath();
        Random random = new Random(plan.spec.seed() + 7);
        List<Voucher> neverReversed = neverReversed(plan);
        int reversible = Math.min(samples, neverReversed.size());
        time(run, "voucher", samples, i -> clerk.postWithRetry(year + "/expenditures", Map.of("voucherNo",
                String.format("S-V-%05d", i), "lineId", plan.lines.get(random.nextInt(plan.lines.size())).lineId(),
                "amount", "100.00", "effectiveDate", plan.lastDay().toString(), "summary", "单笔写入")));
        time(run, "reversal", reversible, i -> {
            Voucher original = neverReversed.get(i);
            return clerk.postWithRetry(year + "/reversals", YearLoader.reversalBody(new Reversal(
                    String.format("S-R-%05d", i), original.voucherNo(), original.lineId(), 1, plan.lastDay(), "冲销错账")));
        });
        time(run, "adjustment (追加)", samples, i -> clerk.postWithRetry(year + "/adjustments/increase", Map.of(
                "lineId", plan.lines.get(random.nextInt(plan.lines.size())).lineId(), "amount", "1000.00",
                "documentNo", "基财预〔追〕" + i + "号", "reason", "单笔追加", "effectiveDate", plan.lastDay().toString())));
        time(run, "back-dated voucher (Feb 1)", samples, i -> clerk.postWithRetry(year + "/expenditures", Map.of(
                "voucherNo", String.format("S-B-%05d", i), "lineId", plan.lines.get(random.nextInt(plan.lines.size())).lineId(),
                "amount", "100.00", "effectiveDate", plan.firstDay().plusDays(31).toString(), "summary", "补记凭证")));
        if (rubric.indicators.isEmpty() || rubric.judgements.isEmpty()) {
            run.report.skipped(run.store, "indicator actual / judgement score", "the rubric has no such leaf");
            return;
        }
        String evaluation = year + "/evaluation";
        time(run, "indicator actual", samples, i -> {
            RubricFile.Leaf leaf = rubric.indicators.get(i % rubric.indicators.size());
            return clerk.postWithRetry(evaluation + "/indicators/" + leaf.indicatorId() + "/actuals",
                    Map.of("actual", i % 2 == 0 ? "96.1%" : "94.8%", "effectiveDate", plan.lastDay().toString()));
        });
        time(run, "judgement score", samples, i -> clerk.postWithRetry(evaluation + "/judgement-scores",
                score(rubric.judgements.get(i % rubric.judgements.size()), i % 2 == 0 ? 0.8 : 1.0, plan)));
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

    private static void time(StoreRun run, String kind, int samples, IntFunction<Api.Response> write) {
        List<Double> client = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        double cpuBefore = run.app.cpuSeconds();
        for (int i = 0; i < samples; i++) {
            Api.Response response = write.apply(i).require(kind + " #" + i);
            client.add(response.millis());
            tags.add(response.tag());
        }
        double cpuMillis = (run.app.cpuSeconds() - cpuBefore) * 1000 / Math.max(1, samples);
        List<Double> server = new ArrayList<>();
        for (String tag : tags) {
            double millis = run.app.serverMillis(tag);
            if (!Double.isNaN(millis)) {
                server.add(millis);
            }
        }
        Stats s = new Stats(server);
        Stats c = new Stats(client);
        boolean met = s.count() > 0 && s.percentile(50) <= 5 && s.percentile(99) <= 25;
        run.report.figure(run.store, "single write: " + kind + " (server)", s.describe(50, 99),
                new Report.Target("p50 ≤ 5 ms, p99 ≤ 25 ms", 0, true), met);
        run.report.figure(run.store, "single write: " + kind + " (client HTTP)", c.describe(50, 99)
                + "; server CPU " + Report.number(cpuMillis) + " ms per write", null, null);
    }
}
