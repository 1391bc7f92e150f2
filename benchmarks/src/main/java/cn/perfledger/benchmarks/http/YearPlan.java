package cn.perfledger.benchmarks.http;

import cn.perfledger.benchmarks.http.LedgerOp.Budget;
import cn.perfledger.benchmarks.http.LedgerOp.BudgetKind;
import cn.perfledger.benchmarks.http.LedgerOp.Line;
import cn.perfledger.benchmarks.http.LedgerOp.Reversal;
import cn.perfledger.benchmarks.http.LedgerOp.Voucher;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A department-year generated from a seed: the same seed and sizes give the same lines, budgets, adjustments,
 * vouchers and reversals, byte for byte. Budgets leave every line 30% headroom over what its vouchers spend, so no
 * generated voucher is refused; decreases and transfers take at most 2% of a line's initial budget.
 */
final class YearPlan {

    /** Sizes of a year; {@code department} is its code, e.g. {@code BY-0001}. */
    record Spec(String department, int year, int units, int lines, int vouchers, int adjustments, int reversals,
            long seed) {
    }

    record Unit(String code, String name, boolean headOffice) {
    }

    private static final String[] PAYEES = {"广州某科技有限公司", "某某信息技术有限公司", "某物业管理有限公司", "某会计师事务所",
        "某印刷厂", "某通信分公司", "某餐饮服务部", "某建设工程有限公司"};
    private static final String[] SUMMARIES = {"办公用品", "系统运维服务费", "物业管理费", "审计服务费", "资料印刷",
        "通信费", "会议用餐", "维修工程款"};
    private static final String[] OPERATING_ECONOMIC = {"30201", "30211", "30217", "30231"};

    final Spec spec;
    final List<Unit> units = new ArrayList<>();
    final List<Line> lines = new ArrayList<>();
    final List<Budget> initialBudgets = new ArrayList<>();
    /** Vouchers, adjustments and reversals in the order of their dates (an original always before its reversal). */
    final List<LedgerOp> stream = new ArrayList<>();

    private YearPlan(Spec spec) {
        this.spec = spec;
    }

    LocalDate firstDay() {
        return LocalDate.of(spec.year(), 1, 1);
    }

    LocalDate lastDay() {
        return LocalDate.of(spec.year(), 12, 31);
    }

    String fiscalYearPath() {
        return "/api/v1/departments/" + spec.department() + "/years/" + spec.year();
    }

    static YearPlan generate(Spec spec) {
        YearPlan plan = new YearPlan(spec);
        Random random = new Random(spec.seed());
        for (int u = 0; u < spec.units(); u++) {
            plan.units.add(u == 0 ? new Unit("BJ", "本级", true) : new Unit(String.format("U%02d", u + 1), "下属单位" + (u + 1), false));
        }
        for (int i = 0; i < spec.lines(); i++) {
            plan.lines.add(line(plan, i));
        }
        int days = plan.firstDay().lengthOfYear();
        List<Voucher> vouchers = new ArrayList<>(spec.vouchers());
        long[] spentFen = new long[spec.lines()];
        for (int k = 0; k < spec.vouchers(); k++) {
            int line = random.nextInt(spec.lines());
            long fen = 1_000 + random.nextInt(1_999_001);
            spentFen[line] += fen;
            int which = random.nextInt(PAYEES.length);
            vouchers.add(new Voucher(String.format("V-%07d", k + 1), plan.lines.get(line).lineId(), fen,
                    plan.firstDay().plusDays((long) k * days / spec.vouchers()), PAYEES[which], SUMMARIES[which]));
        }
        long[] initialFen = new long[spec.lines()];
        for (int i = 0; i < spec.lines(); i++) {
            initialFen[i] = (spentFen[i] * 13 / 10 / 1_000_000 + 1) * 1_000_000 + 100_000_000;
            plan.initialBudgets.add(new Budget(BudgetKind.INITIAL, plan.lines.get(i).lineId(), null, initialFen[i],
                    plan.firstDay(), "基财预〔" + spec.year() + "〕1号", null));
        }
        List<LedgerOp> dated = new ArrayList<>(vouchers);
        for (int j = 0; j < spec.adjustments(); j++) {
            LocalDate date = plan.firstDay().plusDays((long) (j + 1) * days / (spec.adjustments() + 1));
            int from = (j * 7 + 3) % spec.lines();
            int to = (from + 1 + random.nextInt(spec.lines() - 1)) % spec.lines();
            String documentNo = "基财预〔" + spec.year() + "〕" + (100 + j) + "号";
            BudgetKind kind = switch (j % 5) {
                case 0, 1 -> BudgetKind.INCREASE;
                case 2 -> BudgetKind.DECREASE;
                default -> BudgetKind.TRANSFER;
            };
            long fen = kind == BudgetKind.INCREASE ? 1_000_000L * (1 + random.nextInt(50)) : initialFen[from] / 5_000 * 100;
            dated.add(new Budget(kind, plan.lines.get(from).lineId(),
                    kind == BudgetKind.TRANSFER ? plan.lines.get(to).lineId() : null, fen, date, documentNo,
                    switch (kind) {
                        case INCREASE -> "业务量增加";
                        case DECREASE -> "压减一般性支出";
                        default -> "项目间调剂";
                    }));
        }
        Set<Integer> reversed = new LinkedHashSet<>();
        int eligible = Math.max(1, spec.vouchers() * 9 / 10);
        while (reversed.size() < Math.min(spec.reversals(), eligible)) {
            reversed.add(random.nextInt(eligible));
        }
        int r = 0;
        for (int index : reversed) {
            Voucher original = vouchers.get(index);
            long fen = random.nextBoolean() ? original.fen() : Math.max(1, original.fen() / 2);
            LocalDate date = original.date().plusDays(1 + random.nextInt(20));
            if (date.isAfter(plan.lastDay())) {
                date = plan.lastDay();
            }
            dated.add(new Reversal(String.format("R-%07d", ++r), original.voucherNo(), original.lineId(), fen, date,
                    "冲销错账"));
        }
        dated.sort(Comparator.comparing(LedgerOp::date).thenComparingInt(YearPlan::sameDayOrder));
        plan.stream.addAll(dated);
        return plan;
    }

    /** On one day: adjustments, then vouchers, then reversals (whose originals are always earlier). */
    private static int sameDayOrder(LedgerOp op) {
        return op instanceof Budget ? 0 : op instanceof Voucher ? 1 : 2;
    }

    private static Line line(YearPlan plan, int i) {
        Unit unit = plan.units.get(i % plan.units.size());
        boolean fund = i % 8 == 7;
        String functional = "201" + String.format("%02d%02d", i / 99 + 1, i % 99 + 1);
        return switch (i % 5) {
            case 0 -> new Line(String.format("L-%03d", i + 1), unit.code(), fund ? "GOVERNMENT_FUND" : "GENERAL_PUBLIC_BUDGET",
                    fund ? "政府性基金预算" : "一般公共预算", "BASIC_PERSONNEL", "人员经费", null, null, functional, "30101",
                    plan.firstDay());
            case 1 -> new Line(String.format("L-%03d", i + 1), unit.code(), fund ? "GOVERNMENT_FUND" : "GENERAL_PUBLIC_BUDGET",
                    fund ? "政府性基金预算" : "一般公共预算", "BASIC_OPERATING", "公用经费", null, null, functional,
                    OPERATING_ECONOMIC[(i / 5) % OPERATING_ECONOMIC.length], plan.firstDay());
            default -> new Line(String.format("L-%03d", i + 1), unit.code(), fund ? "GOVERNMENT_FUND" : "GENERAL_PUBLIC_BUDGET",
                    fund ? "政府性基金预算" : "一般公共预算", "PROJECT", "项目支出", String.format("P-%03d", i + 1),
                    "业务项目" + (i + 1), functional, "30227", plan.firstDay());
        };
    }

    int voucherCount() {
        return (int) stream.stream().filter(op -> op instanceof Voucher).count();
    }

    int reversalCount() {
        return (int) stream.stream().filter(op -> op instanceof Reversal).count();
    }

    int adjustmentCount() {
        return (int) stream.stream().filter(op -> op instanceof Budget).count();
    }

    /**
     * Per line at {@code asOf} (effective date ≤): {@code [fullYear, executed]} in fen — initial budget plus
     * adjustments, and vouchers less reversals. The figures the product's {@code …/execution} must show per line.
     */
    Map<String, long[]> totalsAt(LocalDate asOf) {
        Map<String, long[]> totals = new LinkedHashMap<>();
        for (Line line : lines) {
            totals.put(line.lineId(), new long[2]);
        }
        for (Budget budget : initialBudgets) {
            if (!budget.date().isAfter(asOf)) {
                totals.get(budget.lineId())[0] += budget.fen();
            }
        }
        for (LedgerOp op : stream) {
            if (op.date().isAfter(asOf)) {
                continue;
            }
            if (op instanceof Voucher v) {
                totals.get(v.lineId())[1] += v.fen();
            } else if (op instanceof Reversal v) {
                totals.get(v.lineId())[1] -= v.fen();
            } else if (op instanceof Budget b) {
                long[] from = totals.get(b.lineId());
                switch (b.kind()) {
                    case INCREASE -> from[0] += b.fen();
                    case DECREASE -> from[0] -= b.fen();
                    case TRANSFER -> {
                        from[0] -= b.fen();
                        totals.get(b.targetLineId())[0] += b.fen();
                    }
                    default -> throw new IllegalStateException("initial budgets are not in the stream: " + b);
                }
            }
        }
        return totals;
    }
}
