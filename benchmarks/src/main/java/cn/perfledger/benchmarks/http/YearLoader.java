package cn.perfledger.benchmarks.http;

import cn.perfledger.benchmarks.http.LedgerOp.Budget;
import cn.perfledger.benchmarks.http.LedgerOp.Line;
import cn.perfledger.benchmarks.http.LedgerOp.Reversal;
import cn.perfledger.benchmarks.http.LedgerOp.Voucher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads a generated year through the public API only: the department with its units (管理), the year, its budget
 * lines and initial budgets (singly, or as the first rows of the first import file), then vouchers and adjustments
 * through the ledger import ({@code …/imports/ledger}, files of at most {@code maxRows} rows) or through
 * {@code …/expenditure-batches} (adjustments then singly), and the reversals by the path the product offers: one by
 * one today; in the import file or in batches as soon as the product's template or API document shows them
 * ({@link #detectReversalPath}).
 */
final class YearLoader {

    enum VoucherPath { IMPORT, BATCH }

    enum ReversalPath { AUTO, SINGLE, IMPORT, BATCH }

    /** How a load went: events the store holds for the year afterwards, and the wall time of each phase. */
    record Result(long events, double setupSeconds, double bulkSeconds, double reversalSeconds, int files,
            List<Double> fileSeconds, List<Double> reversalMillis, ReversalPath reversalPath) {
        double totalSeconds() {
            return setupSeconds + bulkSeconds + reversalSeconds;
        }
    }

    private final Api admin;
    private final Api clerk;
    private final String rubricVersion;
    private final VoucherPath voucherPath;
    private final boolean setupByImport;
    private final int maxRows;
    private final int batchSize;
    private final ReversalPath reversalPath;

    YearLoader(Api admin, Api clerk, String rubricVersion, VoucherPath voucherPath, boolean setupByImport, int maxRows,
            int batchSize, ReversalPath requested) {
        this.admin = admin;
        this.clerk = clerk;
        this.rubricVersion = rubricVersion;
        this.voucherPath = voucherPath;
        this.setupByImport = setupByImport && voucherPath == VoucherPath.IMPORT;
        this.maxRows = maxRows;
        this.batchSize = batchSize;
        this.reversalPath = requested == ReversalPath.AUTO ? detectReversalPath(clerk) : requested;
    }

    ReversalPath reversalPath() {
        return reversalPath;
    }

    /**
     * IMPORT when the product's import template names a 冲销 record type with a 原凭证号 column, BATCH when its API
     * document has a {@code …/reversal-batches} endpoint, else SINGLE ({@code …/reversals}, one request each).
     */
    static ReversalPath detectReversalPath(Api api) {
        Api.Response template = api.get("/api/v1/import-templates/ledger.csv");
        if (template.ok() && template.text().contains(ImportFiles.ORIGINAL_VOUCHER_COLUMN)
                && template.text().contains(ImportFiles.REVERSAL_TYPE)) {
            return ReversalPath.IMPORT;
        }
        Api.Response document = api.getAnonymous("/v3/api-docs");
        if (document.ok() && document.text().contains("/reversal-batches\"")) {
            return ReversalPath.BATCH;
        }
        return ReversalPath.SINGLE;
    }

    Result load(YearPlan plan) {
        String year = plan.fiscalYearPath();
        long start = System.nanoTime();
        List<Map<String, Object>> units = new ArrayList<>();
        for (YearPlan.Unit unit : plan.units) {
            units.add(Map.of("code", unit.code(), "name", unit.name(), "headOffice", unit.headOffice()));
        }
        admin.post("/api/v1/departments", Map.of("departmentId", plan.spec.department(),
                "name", "基准部门 " + plan.spec.department(), "jurisdiction", "基准市", "units", units,
                "effectiveDate", plan.firstDay().toString())).require("register " + plan.spec.department());
        clerk.post("/api/v1/departments/" + plan.spec.department() + "/years",
                Map.of("year", plan.spec.year(), "rubricVersion", rubricVersion)).require("open " + year);
        List<LedgerOp> bulk = new ArrayList<>();
        if (setupByImport) {
            bulk.addAll(plan.lines);
            bulk.addAll(plan.initialBudgets);
        } else {
            for (Line line : plan.lines) {
                clerk.post(year + "/budget-lines", lineBody(line)).require("line " + line.lineId());
            }
            for (Budget budget : plan.initialBudgets) {
                clerk.post(year + "/initial-budgets", Map.of("lineId", budget.lineId(), "amount",
                        LedgerOp.yuan(budget.fen()), "documentNo", budget.documentNo(),
                        "effectiveDate", budget.date().toString())).require("initial budget " + budget.lineId());
            }
        }
        double setupSeconds = seconds(start);

        long bulkStart = System.nanoTime();
        List<Reversal> singles = new ArrayList<>();
        List<Reversal> batchedReversals = new ArrayList<>();
        for (LedgerOp op : plan.stream) {
            if (op instanceof Reversal r) {
                switch (reversalPath) {
                    case IMPORT -> {
                        if (voucherPath == VoucherPath.IMPORT) {
                            bulk.add(r);
                        } else {
                            singles.add(r);
                        }
                    }
                    case BATCH -> batchedReversals.add(r);
                    default -> singles.add(r);
                }
            } else {
                bulk.add(op);
            }
        }
        List<Double> fileSeconds = new ArrayList<>();
        int files = voucherPath == VoucherPath.IMPORT ? importAll(plan, bulk, fileSeconds) : batchAll(plan, bulk, fileSeconds);
        double bulkSeconds = seconds(bulkStart);

        long reversalStart = System.nanoTime();
        List<Double> reversalMillis = new ArrayList<>();
        for (Reversal r : singles) {
            Api.Response response = clerk.postWithRetry(year + "/reversals", reversalBody(r)).require("reversal " + r.voucherNo());
            reversalMillis.add(response.millis());
        }
        for (int from = 0; from < batchedReversals.size(); from += batchSize) {
            List<Map<String, Object>> entries = new ArrayList<>();
            for (Reversal r : batchedReversals.subList(from, Math.min(batchedReversals.size(), from + batchSize))) {
                entries.add(reversalBody(r));
            }
            clerk.post(year + "/reversal-batches", Map.of("batchId", "bench-rev-" + from, "entries", entries))
                    .require("reversal batch " + from);
        }
        double reversalSeconds = seconds(reversalStart);
        long events = eventCount(plan);
        return new Result(events, setupSeconds, bulkSeconds, reversalSeconds, files, fileSeconds, reversalMillis,
                reversalPath);
    }

    private int importAll(YearPlan plan, List<LedgerOp> bulk, List<Double> fileSeconds) {
        List<byte[]> files = ImportFiles.files(bulk, maxRows, reversalPath == ReversalPath.IMPORT);
        for (int k = 0; k < files.size(); k++) {
            String id = "bench-" + plan.spec.department() + "-" + (k + 1);
            Api.Response response = clerk.upload(plan.fiscalYearPath() + "/imports/ledger", id + ".csv", files.get(k), id);
            response.require("import file " + (k + 1) + " of " + files.size() + " (" + plan.spec.department() + ")");
            fileSeconds.add(response.millis() / 1000);
        }
        return files.size();
    }

    private int batchAll(YearPlan plan, List<LedgerOp> bulk, List<Double> fileSeconds) {
        List<Map<String, Object>> pending = new ArrayList<>();
        int batches = 0;
        for (LedgerOp op : bulk) {
            if (op instanceof Voucher v) {
                pending.add(voucherBody(v));
                if (pending.size() == batchSize) {
                    fileSeconds.add(sendBatch(plan, pending, ++batches));
                    pending = new ArrayList<>();
                }
            } else if (op instanceof Budget b) {
                clerk.postWithRetry(plan.fiscalYearPath() + "/adjustments/" + adjustmentPath(b), adjustmentBody(b))
                        .require("adjustment " + b.documentNo());
            }
        }
        if (!pending.isEmpty()) {
            fileSeconds.add(sendBatch(plan, pending, ++batches));
        }
        return batches;
    }

    private double sendBatch(YearPlan plan, List<Map<String, Object>> entries, int number) {
        Api.Response response = clerk.post(plan.fiscalYearPath() + "/expenditure-batches",
                Map.of("batchId", "bench-" + plan.spec.department() + "-b" + number, "entries", entries));
        response.require("expenditure batch " + number);
        return response.millis() / 1000;
    }

    /** The events the store holds for the year (budget and evaluation streams) plus the department's own. */
    long eventCount(YearPlan plan) {
        var summary = clerk.get(plan.fiscalYearPath()).require("year summary").json();
        return summary.get("budgetEventCount").asLong() + summary.get("evaluationEventCount").asLong() + 1;
    }

    static Map<String, Object> lineBody(Line line) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("lineId", line.lineId());
        body.put("unit", line.unit());
        body.put("fundingSource", line.fundingSource());
        body.put("kind", line.kind());
        if (line.projectCode() != null) {
            body.put("projectCode", line.projectCode());
            body.put("projectName", line.projectName());
        }
        body.put("functionalCode", line.functionalCode());
        body.put("economicCode", line.economicCode());
        body.put("effectiveDate", line.date().toString());
        return body;
    }

    static Map<String, Object> voucherBody(Voucher v) {
        return Map.of("voucherNo", v.voucherNo(), "lineId", v.lineId(), "amount", LedgerOp.yuan(v.fen()),
                "effectiveDate", v.date().toString(), "payee", v.payee(), "summary", v.summary());
    }

    static Map<String, Object> reversalBody(Reversal r) {
        return Map.of("voucherNo", r.voucherNo(), "originalVoucherNo", r.originalVoucherNo(),
                "amount", LedgerOp.yuan(r.fen()), "reason", r.reason(), "effectiveDate", r.date().toString());
    }

    static String adjustmentPath(Budget b) {
        return switch (b.kind()) {
            case INCREASE -> "increase";
            case DECREASE -> "decrease";
            case TRANSFER -> "transfer";
            case INITIAL -> throw new IllegalArgumentException("an initial budget is not an adjustment");
        };
    }

    static Map<String, Object> adjustmentBody(Budget b) {
        if (b.kind() == LedgerOp.BudgetKind.TRANSFER) {
            return Map.of("shares", List.of(Map.of("lineId", b.lineId(), "amount", LedgerOp.yuan(-b.fen())),
                            Map.of("lineId", b.targetLineId(), "amount", LedgerOp.yuan(b.fen()))),
                    "documentNo", b.documentNo(), "reason", b.reason(), "effectiveDate", b.date().toString());
        }
        return Map.of("lineId", b.lineId(), "amount", LedgerOp.yuan(b.fen()), "documentNo", b.documentNo(),
                "reason", b.reason(), "effectiveDate", b.date().toString());
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
