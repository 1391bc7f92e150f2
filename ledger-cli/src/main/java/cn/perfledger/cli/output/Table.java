package cn.perfledger.cli.output;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rows of raw values under typed {@link Column}s, printed either as an aligned text table ({@link TextTable}) or
 * as CSV ({@link Csv}). Summary rows (合计, 总分) are kept apart so the text table can set them off with a rule.
 */
public final class Table {

    private final List<Column> columns;
    private final List<List<String>> rows = new ArrayList<>();
    private final List<List<String>> summaryRows = new ArrayList<>();

    public Table(Column... columns) {
        this.columns = List.of(columns);
    }

    /** Adds a row; {@code values} line up with the columns (null for an empty cell). */
    public Table row(String... values) {
        rows.add(checked(values));
        return this;
    }

    /** Adds a summary row, printed after a rule in the text table and as an ordinary last row in CSV. */
    public Table summaryRow(String... values) {
        summaryRows.add(checked(values));
        return this;
    }

    public List<Column> columns() {
        return columns;
    }

    public List<List<String>> rows() {
        return List.copyOf(rows);
    }

    public List<List<String>> summaryRows() {
        return List.copyOf(summaryRows);
    }

    public boolean isEmpty() {
        return rows.isEmpty() && summaryRows.isEmpty();
    }

    private List<String> checked(String[] values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("expected " + columns.size() + " values, got " + values.length);
        }
        return java.util.Collections.unmodifiableList(new ArrayList<>(Arrays.asList(values)));
    }
}
