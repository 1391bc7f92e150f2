package cn.perfledger.app.ui;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The series of a waterfall as the pages' ECharts script reads them: an invisible base per bar, a total bar, an
 * increase and a decrease bar. One builder for the budget waterfalls of the overview and the reconciliation page
 * (年初 → each adjustment document → 全年) and the score waterfall of the why page (A → each group of events → B).
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
        this("年初预算", "年初预算（批复）", initial);
    }

    /** Starts at a total bar (a budget, a score at basis A). */
    WaterfallChart(String category, String tip, BigDecimal start) {
        running = start;
        total(category, tip, start);
    }

    /** A rise (delta ≥ 0) or a fall from the running value. */
    void step(String category, String tip, BigDecimal delta) {
        if (delta.signum() >= 0) {
            bar(category, tip, AuditViews.chartValue(running), 0, AuditViews.chartValue(delta), 0);
            running = running.add(delta);
        } else {
            running = running.add(delta);
            bar(category, tip, AuditViews.chartValue(running), 0, 0, AuditViews.chartValue(delta.negate()));
        }
    }

    /** A total bar standing on the axis. */
    void total(String category, String tip, BigDecimal value) {
        bar(category, tip, 0, AuditViews.chartValue(value), 0, 0);
    }

    /** One document's increases and decreases (both positive); a document with both gets two bars. */
    void document(String documentNo, String tip, BigDecimal plus, BigDecimal minus) {
        String doc = documentNo == null ? "（无文号）" : documentNo;
        boolean both = plus.signum() > 0 && minus.signum() > 0;
        if (plus.signum() > 0 || !both && minus.signum() == 0) {
            step(doc + (both ? "\n调增" : ""), tip, plus);
        }
        if (minus.signum() > 0) {
            step(doc + (both ? "\n调减" : ""), tip, minus.negate());
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
