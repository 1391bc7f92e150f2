package cn.perfledger.app.imports.sheet;

import java.util.List;
import org.apache.poi.ss.util.CellReference;

/**
 * One row of a sheet as the user sees it: its number (1-based, as in the row headers of Excel) and the texts of its
 * cells by column (index 0 = column A). Missing cells are empty texts.
 */
public record SheetRow(int number, List<String> cells) {

    public SheetRow {
        cells = List.copyOf(cells);
    }

    /** The text of the cell in {@code column} (0 = A) without surrounding white space; "" when empty or absent. */
    public String text(int column) {
        if (column < 0 || column >= cells.size()) {
            return "";
        }
        return cells.get(column).strip();
    }

    public boolean isBlank() {
        return cells.stream().allMatch(String::isBlank);
    }

    /** The letters of a column as Excel shows them: 0 → A, 25 → Z, 26 → AA. */
    public static String columnLetter(int column) {
        return CellReference.convertNumToColString(column);
    }

    /** The cell's name as Excel shows it, e.g. {@code D57}. */
    public String cellName(int column) {
        return columnLetter(column) + number;
    }
}
