package cn.perfledger.app.imports.evaluation;

import cn.perfledger.app.imports.evaluation.TableLayout.Role;
import java.util.List;
import java.util.Map;

/**
 * One printed layout of the 自评表, as data (a file under {@code resources/layouts}): which header words name which
 * column, which words a header row must carry to be this layout, the words of its 总分 and 自评等级 rows, its budget
 * block (预算资金 with its rows and columns, and the unit its amounts are printed in) and the columns it is exported
 * with. The import and the export read nothing about a layout from code.
 *
 * @param id         the layout's code, as a request names it ({@code national-2020} …)
 * @param name       the layout's Chinese name, shown in errors and on the page
 * @param source     where the layout is prescribed (文件 and 附件), for the reader
 * @param detect     words every header row of this layout carries (normalised, contained); the layout whose words
 *                   all match and are most numerous wins, two equally specific matches are refused
 * @param columns    the header words of each column, in the order they are tried (first match wins)
 * @param required   the roles a header of this layout cannot do without
 * @param weightAfterLevel whether a bare 分值 column is the weight of the level named just before it (seed 002's
 *                   一级指标 | 分值 | 二级指标 | 分值 …); otherwise 分值 is the 三级指标's weight
 * @param totalWords the first cell of the 总分 row
 * @param gradeWords the first cell of the 自评等级 row (read, then checked against the total), may be empty
 * @param budget     the 预算资金 block, or null when the layout has none
 * @param export     the columns the export writes, in order
 */
public record LayoutDefinition(String id, String name, String source, List<String> detect, List<Column> columns,
        List<Role> required, boolean weightAfterLevel, List<String> totalWords, List<String> gradeWords,
        Budget budget, List<ExportColumn> export) {

    public LayoutDefinition {
        detect = List.copyOf(detect);
        columns = List.copyOf(columns);
        required = List.copyOf(required);
        totalWords = List.copyOf(totalWords);
        gradeWords = gradeWords == null ? List.of() : List.copyOf(gradeWords);
        export = List.copyOf(export);
    }

    /**
     * A column: its role and the words that name it. A word matches a header cell (both normalised) when the cell
     * contains it; a word written {@code =分值} must be the whole cell, {@code ^一级指标} its beginning.
     */
    public record Column(Role role, List<String> words) {

        public Column {
            words = List.copyOf(words);
        }

        boolean matches(String normalisedCell) {
            return words.stream().anyMatch(word -> wordMatches(word, normalisedCell));
        }
    }

    /**
     * The 预算资金 block: the words of its header row, its columns (年初预算数 …) and its rows (年度资金总额 …), each
     * row with the ledger scope its amounts are (null: printed, read, but not a figure the ledger holds), the unit
     * amounts are printed in unless a header says otherwise ({@code 万元} or {@code 元}), and the names a rubric
     * gives the item the block's 得分 scores.
     */
    public record Budget(List<String> detect, Map<BudgetColumn, List<String>> columns, List<BudgetRow> rows,
            String defaultUnit, List<String> scoreItems) {

        public Budget {
            detect = List.copyOf(detect);
            columns = Map.copyOf(columns);
            rows = List.copyOf(rows);
            scoreItems = scoreItems == null ? List.of() : List.copyOf(scoreItems);
        }
    }

    /** The columns of a budget block. */
    public enum BudgetColumn {
        INITIAL, FULL_YEAR, EXECUTED, WEIGHT, RATE, SCORE
    }

    /** A row of the budget block: the words of its first cell and the ledger scope of its amounts (or null). */
    public record BudgetRow(List<String> words, String scope, String label) {

        public BudgetRow {
            words = List.copyOf(words);
        }
    }

    /** A layout word against a normalised cell: contained; {@code =word} the whole cell; {@code ^word} its start. */
    static boolean wordMatches(String word, String normalisedCell) {
        if (word.startsWith("=")) {
            return normalisedCell.equals(word.substring(1));
        }
        if (word.startsWith("^")) {
            return normalisedCell.startsWith(word.substring(1));
        }
        return normalisedCell.contains(word);
    }

    /** Whether some cell of a row matches {@code word}. */
    static boolean rowHas(String word, java.util.List<String> cells) {
        return cells.stream().anyMatch(cell -> wordMatches(word, TableLayout.normalise(cell)));
    }

    /** Whether a header row carries every detect word of this layout. */
    boolean detects(java.util.List<String> cells) {
        return detect.stream().allMatch(word -> rowHas(word, cells));
    }

    /** A column of the export: its printed header and the role it shows. */
    public record ExportColumn(String header, Role role) {
    }
}
