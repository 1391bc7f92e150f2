package cn.perfledger.app.imports.ledger;

import cn.perfledger.app.imports.sheet.CellError;
import cn.perfledger.domain.common.AmountUnit;
import cn.perfledger.domain.budget.BudgetCommand;
import cn.perfledger.domain.budget.ImportRefusedException.RowRefusal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A ledger import file read against the template: its declared unit, its rows as commands with the row numbers they
 * came from, and where its columns are. When {@code errors} is not empty the file is not to be imported.
 *
 * @param errors     what is wrong with the file, in row order (at most {@link LedgerCells#MAX_LISTED})
 * @param errorCount how many errors were found in all
 */
record ParsedLedgerFile(AmountUnit unit, Map<LedgerColumn, Integer> columns, List<ParsedRow> rows,
        List<CellError> errors, int errorCount) {

    /** One data row: the row number Excel shows, its kind and the command it stands for. */
    record ParsedRow(int rowNumber, RecordType type, BudgetCommand command) {
    }

    ParsedLedgerFile {
        columns = columns.isEmpty() ? Map.of() : new EnumMap<>(columns);
        rows = List.copyOf(rows);
        errors = List.copyOf(errors);
    }

    List<BudgetCommand> commands() {
        return rows.stream().map(ParsedRow::command).toList();
    }

    /** Where the ledger's refusal of a row is found in the file: the row's number and the column of the field. */
    CellError locate(RowRefusal refusal) {
        ParsedRow row = rows.get(refusal.row());
        LedgerColumn column = LedgerCodes.columnFor(row.type(), refusal.field());
        return CellError.ofCell(row.rowNumber(), column.header(), columns.getOrDefault(column, -1), column.field(),
                refusal.rule());
    }
}
