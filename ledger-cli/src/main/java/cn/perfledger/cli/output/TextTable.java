package cn.perfledger.cli.output;

import java.util.ArrayList;
import java.util.List;

/**
 * The aligned text form of a {@link Table} for a terminal: columns padded by display width (a Chinese character
 * is two columns wide), numbers right-aligned, two spaces between columns, ASCII rules only (box-drawing
 * characters are "ambiguous width" and break the alignment on many Chinese terminals).
 */
public final class TextTable {

    private static final String GAP = "  ";

    private TextTable() {
    }

    /** The table as lines without trailing spaces. */
    public static List<String> render(Table table) {
        List<Integer> shown = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            if (table.columns().get(i).shown() != Column.Shown.CSV_ONLY) {
                shown.add(i);
            }
        }
        List<List<String>> body = display(table, table.rows(), shown);
        List<List<String>> summary = display(table, table.summaryRows(), shown);
        int[] widths = new int[shown.size()];
        for (int c = 0; c < shown.size(); c++) {
            widths[c] = DisplayWidth.of(table.columns().get(shown.get(c)).header());
            for (List<String> row : body) {
                widths[c] = Math.max(widths[c], DisplayWidth.of(row.get(c)));
            }
            for (List<String> row : summary) {
                widths[c] = Math.max(widths[c], DisplayWidth.of(row.get(c)));
            }
        }
        List<String> lines = new ArrayList<>();
        List<String> headers = shown.stream().map(i -> table.columns().get(i).header()).toList();
        lines.add(line(headers, widths, shown, table));
        String rule = rule(widths);
        lines.add(rule);
        body.forEach(row -> lines.add(line(row, widths, shown, table)));
        if (!summary.isEmpty()) {
            lines.add(rule);
            summary.forEach(row -> lines.add(line(row, widths, shown, table)));
        }
        return lines;
    }

    private static List<List<String>> display(Table table, List<List<String>> rows, List<Integer> shown) {
        List<List<String>> out = new ArrayList<>();
        for (List<String> row : rows) {
            List<String> cells = new ArrayList<>();
            for (int index : shown) {
                cells.add(table.columns().get(index).display(row.get(index)));
            }
            out.add(cells);
        }
        return out;
    }

    private static String line(List<String> cells, int[] widths, List<Integer> shown, Table table) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                line.append(GAP);
            }
            // headers follow their column's alignment so that they sit over the figures
            boolean right = table.columns().get(shown.get(c)).kind().rightAligned();
            line.append(DisplayWidth.pad(cells.get(c), widths[c], right));
        }
        return stripTrailing(line.toString());
    }

    private static String rule(int[] widths) {
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            if (c > 0) {
                rule.append(GAP);
            }
            rule.append("-".repeat(widths[c]));
        }
        return rule.toString();
    }

    private static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(0, end);
    }
}
