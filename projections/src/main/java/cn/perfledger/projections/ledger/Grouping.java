package cn.perfledger.projections.ledger;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Sums line figures by any key: unit, funding source, 基本/项目, project, 功能分类 level, 经济分类. */
public final class Grouping {

    private Grouping() {
    }

    /** Totals per key, keys in natural order (so output is deterministic); lines mapped to null are skipped. */
    public static <K extends Comparable<? super K>> Map<K, Totals> totals(Collection<LineFigures> lines,
            Function<LineFigures, K> key) {
        Map<K, Totals> result = new TreeMap<>();
        for (LineFigures line : lines) {
            K k = key.apply(line);
            if (k != null) {
                result.merge(k, Totals.of(line), Totals::plus);
            }
        }
        return result;
    }

    public static Totals total(Collection<LineFigures> lines) {
        Totals total = Totals.EMPTY;
        for (LineFigures line : lines) {
            total = total.plus(Totals.of(line));
        }
        return total;
    }
}
