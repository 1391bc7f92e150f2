package cn.perfledger.benchmarks.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.perfledger.benchmarks.http.LedgerOp.Budget;
import cn.perfledger.benchmarks.http.LedgerOp.Reversal;
import cn.perfledger.benchmarks.http.LedgerOp.Voucher;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The generated year is deterministic, has the asked sizes, and never asks the ledger to refuse anything. */
class YearPlanTest {

    private static YearPlan plan(long seed) {
        return YearPlan.generate(new YearPlan.Spec("BY-0001", 2021, 4, 40, 5_000, 20, 50, seed));
    }

    @Test
    void sameSeedSameYearOtherSeedOtherYear() {
        assertEquals(plan(7).stream, plan(7).stream);
        assertEquals(plan(7).initialBudgets, plan(7).initialBudgets);
        assertNotEquals(plan(7).stream, plan(8).stream);
    }

    @Test
    void hasTheAskedSizes() {
        YearPlan plan = plan(1);
        assertEquals(4, plan.units.size());
        assertEquals(40, plan.lines.size());
        assertEquals(5_000, plan.voucherCount());
        assertEquals(20, plan.adjustmentCount());
        assertEquals(50, plan.reversalCount());
        assertEquals(40, plan.lines.stream().map(l -> l.unit() + l.fundingSource() + l.kind() + l.projectCode()
                + l.functionalCode() + l.economicCode()).distinct().count(), "no two lines alike");
    }

    /** In stream order (the order the import decides rows in) no line is overspent and no voucher reversed twice. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 20210101})
    void noRowWouldBeRefused(long seed) {
        YearPlan plan = plan(seed);
        Map<String, Long> available = new HashMap<>();
        Map<String, Long> spent = new HashMap<>();
        Map<String, Voucher> vouchers = new HashMap<>();
        Set<String> reversed = new HashSet<>();
        plan.initialBudgets.forEach(b -> available.put(b.lineId(), b.fen()));
        for (LedgerOp op : plan.stream) {
            if (op instanceof Voucher v) {
                spent.merge(v.lineId(), v.fen(), Long::sum);
                vouchers.put(v.voucherNo(), v);
            } else if (op instanceof Reversal r) {
                Voucher original = vouchers.get(r.originalVoucherNo());
                assertTrue(original != null && !original.date().isAfter(r.date()), "original before its reversal: " + r);
                assertTrue(r.fen() <= original.fen() && reversed.add(r.originalVoucherNo()), r.toString());
                spent.merge(r.lineId(), -r.fen(), Long::sum);
            } else if (op instanceof Budget b) {
                switch (b.kind()) {
                    case INCREASE -> available.merge(b.lineId(), b.fen(), Long::sum);
                    case DECREASE -> available.merge(b.lineId(), -b.fen(), Long::sum);
                    case TRANSFER -> {
                        available.merge(b.lineId(), -b.fen(), Long::sum);
                        available.merge(b.targetLineId(), b.fen(), Long::sum);
                    }
                    default -> throw new AssertionError(b);
                }
            }
            for (var line : available.entrySet()) {
                assertTrue(line.getValue() >= spent.getOrDefault(line.getKey(), 0L), "overspent " + line.getKey() + " at " + op);
            }
        }
    }

    @Test
    void totalsAtTheYearEndAreTheSumsOfTheStream() {
        YearPlan plan = plan(5);
        long executed = plan.totalsAt(plan.lastDay()).values().stream().mapToLong(t -> t[1]).sum();
        long vouchers = plan.stream.stream().filter(op -> op instanceof Voucher).mapToLong(op -> ((Voucher) op).fen()).sum();
        long reversals = plan.stream.stream().filter(op -> op instanceof Reversal).mapToLong(op -> ((Reversal) op).fen()).sum();
        assertEquals(vouchers - reversals, executed);
        long budgets = plan.totalsAt(plan.lastDay()).values().stream().mapToLong(t -> t[0]).sum();
        long expected = plan.initialBudgets.stream().mapToLong(Budget::fen).sum() + plan.stream.stream()
                .filter(op -> op instanceof Budget).mapToLong(op -> {
                    Budget b = (Budget) op;
                    return switch (b.kind()) {
                        case INCREASE -> b.fen();
                        case DECREASE -> -b.fen();
                        default -> 0; // a transfer moves budget between lines
                    };
                }).sum();
        assertEquals(expected, budgets);
        assertTrue(plan.totalsAt(plan.firstDay().withMonth(6).withDayOfMonth(30)).values().stream()
                .mapToLong(t -> t[1]).sum() < executed, "mid-year is a part of the year");
    }
}
