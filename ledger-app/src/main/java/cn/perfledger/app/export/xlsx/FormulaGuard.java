package cn.perfledger.app.export.xlsx;

/**
 * Which texts a spreadsheet would run as a formula (CSV/formula injection): those starting with {@code = + - @},
 * a tab or a carriage return, and their full-width forms {@code ＝ ＋ － ＠}, which a Chinese input method types and
 * Excel accepts as operators. The workbook never writes formula cells; texts like these are additionally written
 * with the quote-prefix style (Excel's leading apostrophe), so that Excel keeps them as text even when a user
 * opens the cell and confirms it again. The request guard refuses most of them at the API, but texts also arrive
 * through restored backups, rubric files and events recorded before the guard existed, and a signed figure such as
 * {@code -3.5%} is allowed there on purpose.
 */
public final class FormulaGuard {

    private FormulaGuard() {
    }

    public static boolean formulaLike(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20' -> true;
            default -> false;
        };
    }
}
