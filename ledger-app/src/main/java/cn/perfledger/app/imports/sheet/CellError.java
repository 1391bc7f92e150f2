package cn.perfledger.app.imports.sheet;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One thing wrong with an imported file, located the way the user finds it in Excel.
 *
 * @param row          the row number Excel shows (1-based); null for the file as a whole
 * @param column       the column's header text (e.g. 金额); null for the file as a whole
 * @param columnLetter the column's letters (e.g. D); null when the file has no such column or for the whole file
 * @param cell         the cell's name (e.g. D57); null when there is no such cell
 * @param field        the field the rule is about, in the API's English names (e.g. amount)
 * @param rule         what is wrong, in Chinese
 */
@Schema(description = "导入文件中的一处错误：行号与列（Excel 中看到的样子）、字段与规则")
public record CellError(
        @Schema(description = "行号（Excel 左侧的行号，从 1 开始）", example = "57") Integer row,
        @Schema(description = "列名（表头文字）", example = "金额") String column,
        @Schema(description = "列字母", example = "D") String columnLetter,
        @Schema(description = "单元格", example = "D57") String cell,
        @Schema(description = "字段", example = "amount") String field,
        @Schema(description = "违反的规则", example = "超出预算行 L1 的可用预算：…") String rule) {

    /** A problem of the file as a whole (unreadable, empty, too large). */
    public static CellError ofFile(String rule) {
        return new CellError(null, null, null, null, "file", rule);
    }

    /** A problem of one cell, or of a column the file lacks ({@code columnIndex} &lt; 0). */
    public static CellError ofCell(int row, String column, int columnIndex, String field, String rule) {
        String letter = columnIndex < 0 ? null : SheetRow.columnLetter(columnIndex);
        return new CellError(row, column, letter, letter == null ? null : letter + row, field, rule);
    }

    /** "第 57 行 金额（D57）：…", as the clerk reads it. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (row != null) {
            text.append("第 ").append(row).append(" 行");
        }
        if (column != null) {
            text.append(text.length() > 0 ? " " : "").append(column);
            if (cell != null) {
                text.append("（").append(cell).append("）");
            }
        }
        return (text.length() > 0 ? text + "：" : "") + rule;
    }
}
