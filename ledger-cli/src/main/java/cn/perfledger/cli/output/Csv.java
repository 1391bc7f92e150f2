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
 * from an imported document would be executed there. A cell starting with a tab or CR, or whose first visible
 * character is {@code = + - @} or a full-width {@code ＝ ＋ － ＠} (leading spaces, zero-width and bidi characters
 * are skipped: spreadsheets trim them), is therefore prefixed with {@code '} (OWASP "CSV injection"; the server's
 * {@code FormulaGuard} applies the same rule). A plain decimal number such as {@code -549842.50} is left alone: it
 * cannot be a formula, and quoting it would turn every negative amount into text.
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
        if (raw.charAt(0) == '\t' || raw.charAt(0) == '\r') {
            return "'" + raw;
        }
        int i = 0;
        while (i < raw.length() && invisible(raw.codePointAt(i))) {
            i += Character.charCount(raw.codePointAt(i));
        }
        boolean formula = i < raw.length() && "=+-@＝＋－＠".indexOf(raw.charAt(i)) >= 0;
        return formula ? "'" + raw : raw;
    }

    private static boolean invisible(int c) {
        int type = Character.getType(c);
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || type == Character.CONTROL
                || type == Character.FORMAT;
    }
}
