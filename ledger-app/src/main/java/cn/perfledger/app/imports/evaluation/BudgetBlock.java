package cn.perfledger.app.imports.evaluation;

import cn.perfledger.app.imports.evaluation.LayoutDefinition.Budget;
import cn.perfledger.app.imports.evaluation.LayoutDefinition.BudgetColumn;
import cn.perfledger.app.imports.evaluation.LayoutDefinition.BudgetRow;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The 预算资金 block of a layout that has one (national form: 年初预算数 / 全年预算数 / 全年执行数 / 分值 / 执行率 /
 * 得分 for 年度资金总额, 其中：当年财政拨款, 上年结转资金, 其他资金): found by its header words above the indicator
 * table, each column owning the blank cells to its right as a merged header does, each row known by the words of
 * its label. Its unit is the one a cell of the block prints (“（万元）”, “单位：元”), else the layout's. A unit printed
 * twice differently, or a row label twice, is refused rather than guessed.
 */
final class BudgetBlock {

    private BudgetBlock() {
    }

    /** One row of the block: its definition, its 1-based row, and the printed text of each column (blank: absent). */
    record Line(BudgetRow definition, int row, Map<BudgetColumn, TableLayout.Value> values) {

        TableLayout.Value value(BudgetColumn column) {
            return values.get(column);
        }
    }

    /** The block: its header row, the unit its amounts are in (万元 or 元), and its rows in printed order. */
    record Block(int headerRow, String unit, List<Line> lines) {

        Line line(String label) {
            return lines.stream().filter(l -> l.definition().label().equals(label)).findFirst().orElse(null);
        }
    }

    /** The block among {@code rows} (those above the indicator table), or null when they hold none. */
    static Block parse(List<List<String>> rows, Budget budget, List<CellError> errors) {
        for (int r = 0; r < rows.size(); r++) {
            List<String> cells = rows.get(r);
            if (budget.detect().stream().allMatch(word -> LayoutDefinition.rowHas(word, cells))) {
                return block(rows, r, budget, errors);
            }
        }
        return null;
    }

    private static Block block(List<List<String>> rows, int headerIndex, Budget budget, List<CellError> errors) {
        List<String> header = rows.get(headerIndex);
        Map<BudgetColumn, int[]> spans = new EnumMap<>(BudgetColumn.class);
        Map<BudgetColumn, String> labels = new EnumMap<>(BudgetColumn.class);
        List<Integer> named = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            if (!Cells.clean(header.get(c)).isEmpty()) {
                named.add(c);
            }
        }
        String unit = null;
        int unitRow = 0;
        for (int i = 0; i < named.size(); i++) {
            int c = named.get(i);
            String text = Cells.normalise(header.get(c));
            String printed = unitOf(text);
            if (printed != null && unit != null && !printed.equals(unit)) {
                errors.add(new CellError(headerIndex + 1, Cells.column(c), Cells.clean(header.get(c)),
                        "预算资金表头写明的单位不一致（" + unit + "、" + printed + "）：无法确定金额单位"));
            }
            unit = printed != null ? printed : unit;
            for (BudgetColumn column : BudgetColumn.values()) {
                List<String> words = budget.columns().get(column);
                if (words != null && !spans.containsKey(column)
                        && words.stream().anyMatch(word -> LayoutDefinition.wordMatches(word, text))) {
                    int last = i + 1 < named.size() ? named.get(i + 1) - 1 : TableFile.MAX_COLUMNS - 1;
                    spans.put(column, new int[] {c, last});
                    labels.put(column, Cells.clean(header.get(c)));
                    break;
                }
            }
        }
        List<Line> lines = new ArrayList<>();
        int firstLabelColumn = spans.values().stream().mapToInt(span -> span[0]).min().orElse(header.size());
        for (int r = headerIndex + 1; r < rows.size(); r++) {
            List<String> cells = rows.get(r);
            BudgetRow definition = rowOf(cells, firstLabelColumn, budget);
            if (definition == null) {
                if (!lines.isEmpty()) {
                    break; // the block ends at the first row that is none of its rows
                }
                continue;
            }
            int row = r + 1;
            if (lines.stream().anyMatch(line -> line.definition() == definition)) {
                errors.add(new CellError(row, null, definition.label(), "预算资金中“" + definition.label() + "”出现两次（第 "
                        + lines.stream().filter(l -> l.definition() == definition).findFirst().orElseThrow().row()
                        + " 行、第 " + row + " 行）：无法确定以哪一行为准"));
                continue;
            }
            Map<BudgetColumn, TableLayout.Value> values = new EnumMap<>(BudgetColumn.class);
            for (Map.Entry<BudgetColumn, int[]> span : spans.entrySet()) {
                TableLayout.Value found = null;
                for (int c = span.getValue()[0]; c <= span.getValue()[1] && c < cells.size(); c++) {
                    String text = Cells.clean(cells.get(c));
                    if (text.isEmpty()) {
                        continue;
                    }
                    if (found != null) {
                        errors.add(new CellError(row, Cells.column(c), labels.get(span.getKey()), "“" + labels.get(span.getKey())
                                + "”下有多个非空单元格（" + Cells.column(found.column()) + "、" + Cells.column(c) + "）：一项只能写在一个单元格中"));
                        break;
                    }
                    found = new TableLayout.Value(text, c, labels.get(span.getKey()));
                }
                if (found != null && !absent(found.text())) {
                    values.put(span.getKey(), found);
                }
            }
            for (int c = 0; c < Math.min(firstLabelColumn, cells.size()) && unit == null; c++) {
                unit = unitOf(Cells.normalise(cells.get(c)));
            }
            lines.add(new Line(definition, row, values));
        }
        for (int r = Math.max(0, headerIndex - 1); r <= headerIndex && unit == null; r++) {
            for (String cell : rows.get(r)) {
                unit = unit == null ? unitOf(Cells.normalise(cell)) : unit;
            }
        }
        return new Block(headerIndex + 1, unit != null ? unit : budget.defaultUnit(), lines);
    }

    /** The row a label names: the first of the layout's rows whose words a cell left of the amounts carries. */
    private static BudgetRow rowOf(List<String> cells, int firstAmountColumn, Budget budget) {
        for (int c = 0; c < Math.min(firstAmountColumn, cells.size()); c++) {
            String text = Cells.normalise(cells.get(c)).replaceFirst("^其中[:：]", "").replaceFirst("[:：]$", "");
            if (text.isEmpty()) {
                continue;
            }
            for (BudgetRow row : budget.rows()) {
                if (row.words().stream().anyMatch(word -> LayoutDefinition.wordMatches(word, text))) {
                    return row;
                }
            }
        }
        return null;
    }

    /** 万元 or 元 when a cell says which (“（万元）”, “单位：元”), else null. */
    static String unitOf(String normalised) {
        if (normalised.contains("万元")) {
            return "万元";
        }
        if (normalised.matches(".*(\\(元\\)|单位[:：]元|金额单位[:：]元).*")) {
            return "元";
        }
        return null;
    }

    /** A cell printed as “—”, “-”, “/” or “无” states no amount. */
    static boolean absent(String text) {
        return text.matches("[—–\\-/／无]+");
    }
}
