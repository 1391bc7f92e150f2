package cn.perfledger.app.imports.evaluation;

/**
 * One problem of an uploaded 自评表, where the evaluator finds it in Excel: {@code row} is the sheet's row number
 * (1-based; for text, the record number), {@code column} the column letter ({@code A}, {@code G} …), {@code field}
 * the name of that column as the table's header prints it ({@code 年度指标值}, {@code 得分/自评分} …) or, for a problem
 * with the file or the request rather than a cell, what it concerns ({@code file}, {@code evaluator} …), and
 * {@code rule} what is wrong, in Chinese. {@code row} and {@code column} are null when the problem has no cell.
 */
public record CellError(Integer row, String column, String field, String rule) {

    static CellError file(String rule) {
        return new CellError(null, null, "file", rule);
    }
}
