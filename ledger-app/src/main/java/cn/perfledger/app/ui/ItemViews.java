package cn.perfledger.app.ui;

import cn.perfledger.app.command.NotFoundException;
import cn.perfledger.projections.audit.Shortfall;
import cn.perfledger.projections.basis.Basis;
import cn.perfledger.projections.evaluation.Display;
import cn.perfledger.projections.evaluation.Flag;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the item pages (lineage, why, shortfall) share: the shortfall rows and head, the basis of a link, the links
 * from an item to its other pages, and the mapping of the audit service's "unknown code" to "unknown item".
 */
final class ItemViews {

    /** One leaf below its weight. */
    public record ShortfallRow(String code, String name, String weight, String score, String shortBy, String rule,
            String input, String threshold, String gap, String explanation, List<Flag> flags, String lineageHref) {
    }

    /** The head of a shortfall answer. */
    public record ShortfallHead(String code, String name, boolean total, String asOf, String knownAt, String score,
            String weight) {

        static ShortfallHead of(Shortfall.Result result) {
            return new ShortfallHead(result.code(), result.name(), AuditViews.TOTAL.equals(result.code()),
                    result.basis().asOf().toString(), BasisForm.beijing(result.basis().knownAt()),
                    AuditViews.number(result.score()), AuditViews.number(result.weight()));
        }
    }

    private ItemViews() {
    }

    /** The audit service names an unknown item with the field "code"; on these pages the path names the item. */
    static <T> T item(Supplier<T> call) {
        try {
            return call.get();
        } catch (NotFoundException e) {
            if ("code".equals(e.field())) {
                throw new NotFoundException("item", e.rule());
            }
            throw e;
        }
    }

    static String basisQuery(Basis basis) {
        return "asOf=" + basis.asOf() + "&knownAt=" + basis.knownAt();
    }

    /** The links from an item to its other pages, all at the basis shown (the why page ends at it). */
    static Map<String, String> links(String basePath, String code, String basis, Basis at) {
        Map<String, String> links = new LinkedHashMap<>();
        links.put("lineage", AuditViews.itemPath(basePath, code, "") + "?" + basis);
        links.put("why", AuditViews.itemPath(basePath, code, "/why") + "?toAsOf=" + at.asOf() + "&toKnownAt="
                + at.knownAt());
        links.put("shortfall", AuditViews.itemPath(basePath, code, "/shortfall") + "?" + basis);
        links.put("table", basePath + "/evaluation?" + basis + (AuditViews.TOTAL.equals(code) ? "" : "#item-" + code));
        return links;
    }

    static List<ShortfallRow> shortfallRows(Shortfall.Result result, String basePath, String basis) {
        return result.items().stream().map(i -> new ShortfallRow(i.code(), i.name(), AuditViews.number(i.weight()),
                AuditViews.number(i.score()), AuditViews.number(i.shortBy()), i.ruleLabel(),
                i.inputName() == null ? null : i.inputName() + (i.inputDisplay() == null ? "" : "：" + i.inputDisplay()),
                i.thresholdDisplay(), gap(i.gap(), i.gapUnit()), percentagePoints(i.explanation()), i.flags(),
                AuditViews.itemPath(basePath, i.code(), "") + "?" + basis)).toList();
    }

    private static final java.util.regex.Pattern POINTS = java.util.regex.Pattern.compile("(\\d+\\.\\d{3,}) 个百分点");

    /** A gap in percentage points is shown with two decimals like every percentage; other units as they are. */
    private static String gap(BigDecimal gap, String unit) {
        if (gap == null) {
            return null;
        }
        boolean points = "个百分点".equals(unit);
        return (points ? gap.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() : Display.number(gap)) + " "
                + (unit == null ? "" : unit);
    }

    /**
     * The projection words its explanation with the exact gap ("差 0.1063507832 个百分点", exact on purpose for the
     * API); the page rounds percentage points to two decimals, half-up, as it does every percentage.
     */
    static String percentagePoints(String text) {
        if (text == null) {
            return null;
        }
        java.util.regex.Matcher m = POINTS.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, new BigDecimal(m.group(1)).setScale(2, java.math.RoundingMode.HALF_UP)
                    .toPlainString() + " 个百分点");
        }
        m.appendTail(out);
        return out.toString();
    }
}

