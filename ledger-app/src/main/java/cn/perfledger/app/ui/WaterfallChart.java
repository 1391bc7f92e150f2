package cn.perfledger.app.ui;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The series of a budget waterfall (年初 → each adjustment document → 全年) as the pages' ECharts script reads them:
 * an invisible base per bar, a total bar, an increase and a decrease bar. One builder for the overview and the
 * reconciliation page, so both draw a document's adjustments the same way.
 */
final class WaterfallChart {

    private final List<String> categories = new ArrayList<>();
    private final List<String> tips = new ArrayList<>();
    private final List<Double> base = new ArrayList<>();
    private final List<Double> totals = new ArrayList<>();
    private final List<Double> up = new ArrayList<>();
    private final List<Double> down = new ArrayList<>();
    private BigDecimal running;

    /** Starts at the approved initial budget. */
    WaterfallChart(BigDecimal initial) {
        running = initial;
        bar("年初预算", "年初预算（批复）", 0, initial.doubleValue(), 0, 0);
    }

    /** One document's increases and decreases (both positive); a document with both gets two bars. */
    void document(String documentNo, String tip, BigDecimal plus, BigDecimal minus) {
        String doc = documentNo == null ? "（无文号）" : documentNo;
        boolean both = plus.signum() > 0 && minus.signum() > 0;
        if (plus.signum() > 0 || !both && minus.signum() == 0) {
            bar(doc + (both ? "\n调增" : ""), tip, running.doubleValue(), 0, plus.doubleValue(), 0);
            running = running.add(plus);
        }
        if (minus.signum() > 0) {
            running = running.subtract(minus);
            bar(doc + (both ? "\n调减" : ""), tip, running.doubleValue(), 0, 0, minus.doubleValue());
        }
    }

    /** The initial budget plus every document so far. */
    BigDecimal running() {
        return running;
    }

    void bar(String category, String tip, double b, double t, double u, double d) {
        categories.add(category);
        tips.add(tip);
        base.add(b);
        totals.add(t);
        up.add(u);
        down.add(d);
    }

    Map<String, Object> toMap() {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("categories", categories);
        chart.put("tips", tips);
        chart.put("base", base);
        chart.put("total", totals);
        chart.put("up", up);
        chart.put("down", down);
        return chart;
    }
}
