package cn.perfledger.app.export.xlsx;

import cn.perfledger.app.query.BasisResult;
import cn.perfledger.domain.common.Money;
import cn.perfledger.projections.ledger.Adjustment;
import cn.perfledger.projections.ledger.ExecutionReport;
import cn.perfledger.projections.ledger.ExecutionReport.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * 「预算执行情况」: per budget line 年初预算, one column per budget adjustment document (文号) with the line's part of
 * it, 调整合计, 全年预算, 支出 and 执行率; then 合计 and 其中：财政拨款; then every grouping of the execution report
 * (单位, 资金来源, 基本/项目, 支出类型, 项目, 功能分类 类/款/项, 经济分类, 三公) with the same columns. All figures are
 * the execution report's; a document's column is the sum of its line parts (the adjustment's total), filled for
 * lines and 合计 only, since the groupings carry totals, not documents.
 */
final class ExecutionSheet {

    static final String NAME = "预算执行情况";
    /** Groupings of {@link ExecutionReport#groupings()} in the order shown, with their captions. */
    static final Map<String, String> GROUPINGS = groupings();
    /** Groupings keyed by an enum name (GENERAL_PUBLIC_BUDGET): their key column stays empty, the label says it. */
    private static final Set<String> ENUM_KEYED = Set.of("fundingSource", "expenditureKind", "basicOrProject",
            "threePublic");

    private static Map<String, String> groupings() {
        Map<String, String> groupings = new LinkedHashMap<>();
        groupings.put("unit", "按单位");
        groupings.put("fundingSource", "按资金来源");
        groupings.put("basicOrProject", "按基本支出/项目支出");
        groupings.put("expenditureKind", "按支出类型（人员经费/公用经费/项目支出）");
        groupings.put("project", "按项目");
        groupings.put("functionalClass", "按功能分类科目（类）");
        groupings.put("functionalSection", "按功能分类科目（款）");
        groupings.put("functionalItem", "按功能分类科目（项）");
        groupings.put("economic", "按经济分类科目");
        groupings.put("threePublic", "三公经费");
        return java.util.Collections.unmodifiableMap(groupings);
    }

    /** One adjustment document: its column header and, per line, the line's signed part. */
    record Document(String documentNo, String header, Map<String, Money> byLine, Money total) {
    }

    private final SheetWriter w;
    private final Styles s;

    private ExecutionSheet(SheetWriter writer) {
        this.w = writer;
        this.s = writer.styles;
    }

    static void write(XSSFWorkbook book, Styles styles, WorkbookContent content) {
        List<Document> documents = documents(content.execution().result());
        SheetWriter writer = new SheetWriter(book.createSheet(NAME), styles, 7 + documents.size());
        new ExecutionSheet(writer).write(content, documents);
    }

    private void write(WorkbookContent content, List<Document> documents) {
        BasisResult<ExecutionReport> result = content.execution();
        ExecutionReport report = result.result();
        List<String> columns = new ArrayList<>(List.of("编号", "预算行 / 分组", "年初预算"));
        documents.forEach(d -> columns.add(d.header()));
        columns.addAll(List.of("调整合计", "全年预算", "支出（执行数）", "执行率"));
        int last = columns.size() - 1;
        TitleBlock block = TitleBlock.of(content).add("SHA-256 摘要", result.digest() + "（预算执行）")
                .add("金额单位", "元（执行率 = 支出 ÷ 全年预算）");
        int header = block.write(w, NAME, last, content.year());
        for (int c = 0; c < columns.size(); c++) {
            w.wideText(header, c, columns.get(c), s.header);
        }
        w.pageSetup(header, header, 2);
        int row = header + 1;
        row = caption(row, "按预算行", last);
        for (Row line : report.lines()) {
            row(row++, line.key(), line, documents, Parts.LINE);
        }
        row(row++, null, report.total(), documents, Parts.TOTAL);
        row(row++, null, renamed(report.fiscalAppropriation(), "其中：财政拨款"), documents, Parts.NONE);
        for (Map.Entry<String, String> grouping : GROUPINGS.entrySet()) {
            List<Row> rows = report.groupings().get(grouping.getKey());
            if (rows == null || rows.isEmpty()) {
                continue;
            }
            row = caption(row + 1, grouping.getValue(), last);
            for (Row group : rows) {
                row(row++, ENUM_KEYED.contains(grouping.getKey()) ? null : group.key(), group, documents, Parts.NONE);
            }
        }
        w.fitColumns(8, 40);
        for (int c = 3; c < 3 + documents.size(); c++) {
            w.width(c, 18);
        }
        w.fitRowHeights(header);
    }

    private int caption(int row, String caption, int last) {
        w.wideText(row, 0, caption, s.caption);
        w.merge(row, row, 0, last, s.caption);
        return row + 1;
    }

    /** What a row shows in the document columns. */
    private enum Parts { LINE, TOTAL, NONE }

    /** One line or group: its part of each document (a line), each document's total (合计), or blanks. */
    private void row(int row, String key, Row figures, List<Document> documents, Parts parts) {
        boolean bold = parts == Parts.TOTAL;
        int c = 0;
        w.text(row, c++, key, bold ? s.textBold : s.text);
        w.text(row, c++, figures.label(), bold ? s.textBold : s.text);
        w.money(row, c++, figures.initial(), bold ? s.moneyBold : s.money);
        for (Document document : documents) {
            Money part = switch (parts) {
                case LINE -> document.byLine().get(figures.key());
                case TOTAL -> document.total();
                case NONE -> null;
            };
            w.money(row, c++, part, bold ? s.moneyBold : s.money);
        }
        w.money(row, c++, figures.adjustments(), bold ? s.moneyBold : s.money);
        w.money(row, c++, figures.fullYear(), bold ? s.moneyBold : s.money);
        w.money(row, c++, figures.executed(), bold ? s.moneyBold : s.money);
        w.rate(row, c, figures.executionRate(), bold ? s.rateBold : s.rate);
    }

    private static Row renamed(Row row, String label) {
        return new Row(row.key(), label, row.initial(), row.adjustments(), row.fullYear(), row.carryIn(),
                row.withdrawn(), row.executed(), row.carryOut(), row.executionRate(), row.adjustmentHistory());
    }

    /**
     * The adjustment documents of the year in the order they took effect (effective date, then recording order),
     * each with its kinds and first date in the header and the signed part of every line.
     */
    static List<Document> documents(ExecutionReport report) {
        List<Adjustment> all = adjustments(report);
        Map<String, List<Adjustment>> byDocument = new LinkedHashMap<>();
        for (Adjustment adjustment : all) {
            byDocument.computeIfAbsent(documentNo(adjustment), k -> new ArrayList<>()).add(adjustment);
        }
        List<Document> documents = new ArrayList<>();
        byDocument.forEach((documentNo, parts) -> {
            Map<String, Money> byLine = new LinkedHashMap<>();
            Money total = Money.ZERO;
            Set<String> kinds = new TreeSet<>();
            for (Adjustment part : parts) {
                byLine.merge(part.lineId().value(), part.amount(), Money::plus);
                total = total.plus(part.amount());
                kinds.add(part.kind().chineseName());
            }
            String header = "调整：" + documentNo + "\n（" + String.join("/", kinds) + "，" + parts.get(0).effectiveDate()
                    + "）";
            documents.add(new Document(documentNo, header, byLine, total));
        });
        return documents;
    }

    /** Every line's adjustment parts in the order they took effect. */
    static List<Adjustment> adjustments(ExecutionReport report) {
        List<Adjustment> all = new ArrayList<>();
        report.lines().forEach(line -> all.addAll(line.adjustmentHistory()));
        all.sort(java.util.Comparator.comparing(Adjustment::effectiveDate)
                .thenComparingLong(Adjustment::globalSequence));
        return all;
    }

    static String documentNo(Adjustment adjustment) {
        return adjustment.documentNo() == null || adjustment.documentNo().isBlank() ? "（无文号）"
                : adjustment.documentNo();
    }
}
