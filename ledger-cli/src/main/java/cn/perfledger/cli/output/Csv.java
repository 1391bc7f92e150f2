package cn.perfledger.cli.output;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * RFC 4180 CSV of a {@link Table}: CRLF line ends, a cell quoted when it holds a comma, a quote, CR or LF, quotes
 * doubled. Cells hold the server's exact values (money without separators, rates as ratios) so that a
 * spreadsheet computes with them.
 *
 * <p>Formula injection: auditors open these files in Excel/WPS, and a cell such as {@code =HYPERLINK(…)} coming
 * from an imported document would be executed there. A cell starting with {@code = + - @}, tab or CR is
 * therefore prefixed with {@code '} (OWASP "CSV injection"). A plain decimal number such as {@code -549842.50}
 * is left alone: it cannot be a formula, and quoting it would turn every negative amount into text.
 */
public final class Csv {

    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private Csv() {
    }

    /** The whole table, header first, each line ending in CRLF. */
    public static String render(Table table) {
        List<Integer> shown = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            if (table.columns().get(i).shown() != Column.Shown.TEXT_ONLY) {
                shown.add(i);
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, shown.stream().map(i -> table.columns().get(i).header()).toList());
        for (List<String> row : table.rows()) {
            line(out, shown.stream().map(row::get).toList());
        }
        for (List<String> row : table.summaryRows()) {
            line(out, shown.stream().map(row::get).toList());
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    /** One cell, neutralised and quoted as needed. */
    public static String cell(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        String value = neutralise(raw);
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\r') >= 0
                || value.indexOf('\n') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    /** {@code raw} with a leading {@code '} when a spreadsheet would read it as a formula. */
    public static String neutralise(String raw) {
        if (raw.isEmpty() || PLAIN_NUMBER.matcher(raw).matches()) {
            return raw;
        }
        char first = raw.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
                || first == '\r';
        return formula ? "'" + raw : raw;
    }
}
