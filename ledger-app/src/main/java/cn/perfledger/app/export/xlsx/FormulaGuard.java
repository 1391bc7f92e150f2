package cn.perfledger.app.export.xlsx;

import java.util.regex.Pattern;

/**
 * The ledger's one rule for texts a spreadsheet would run as a formula (CSV/formula injection): a text whose
 * first character is a tab or a carriage return, or whose first <em>visible</em> character is {@code = + - @} or
 * their full-width forms {@code ＝ ＋ － ＠} (which a Chinese input method types and Excel accepts as operators).
 * Leading white space of any kind (also no-break and ideographic spaces), control characters and invisible format
 * characters (zero-width, bidi controls, BOM) do not hide a formula: spreadsheets and CSV readers trim or ignore
 * them, so {@code " =HYPERLINK(…)"} counts.
 *
 * <p>Two uses: the API refuses such texts ({@link #refusedAtInput}, which lets a signed figure such as
 * {@code -3.5%} through); the workbook never writes formula cells and writes every {@link #formulaLike} text with
 * the quote-prefix style (Excel's leading apostrophe), since texts also arrive through restored backups, rubric
 * files and events recorded before the guard existed.
 */
public final class FormulaGuard {

    /** A signed figure ({@code -3.5%}, {@code +12}, {@code －1.5}) may start with a sign. */
    private static final Pattern SIGNED_FIGURE = Pattern.compile("[+\\-＋－]\\d[\\d.,]*%?");

    private FormulaGuard() {
    }

    /** True when a spreadsheet could take {@code text} for a formula. */
    public static boolean formulaLike(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        if (text.charAt(0) == '\t' || text.charAt(0) == '\r') {
            return true;
        }
        int first = firstVisible(text);
        return first < text.length() && switch (text.charAt(first)) {
            case '=', '+', '-', '@', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20' -> true;
            default -> false;
        };
    }

    /** True when the API refuses {@code text}: formula-like and not a signed figure. */
    public static boolean refusedAtInput(String text) {
        if (!formulaLike(text)) {
            return false;
        }
        return text.charAt(0) == '\t' || text.charAt(0) == '\r'
                || !SIGNED_FIGURE.matcher(text.substring(firstVisible(text))).matches();
    }

    /** The index of the first character that is not white space, a control or an invisible format character. */
    static int firstVisible(String text) {
        int i = 0;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            int type = Character.getType(c);
            if (!(Character.isWhitespace(c) || Character.isSpaceChar(c) || type == Character.CONTROL
                    || type == Character.FORMAT)) {
                return i;
            }
            i += Character.charCount(c);
        }
        return i;
    }
}
