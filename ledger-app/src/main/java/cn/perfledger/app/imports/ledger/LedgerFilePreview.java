package cn.perfledger.app.imports.ledger;

import cn.perfledger.app.imports.sheet.CellError;
import cn.perfledger.domain.budget.BudgetCommand;
import java.util.List;

/**
 * A ledger file read against the template without sending anything (the upload page's 预览): its rows as the
 * commands they would become, or every template error. The ledger's own rules run only on import.
 *
 * @param errors     template errors in row order (at most {@link LedgerFileParser#MAX_LISTED}); empty when the file
 *                   may be imported
 * @param errorCount how many errors were found in all
 */
public record LedgerFilePreview(String fileName, String sha256, String format, String unit, List<Row> rows,
        List<CellError> errors, int errorCount) {

    /** One data row: the row number Excel shows, its 记录类型 and the command it becomes. */
    public record Row(int rowNumber, String typeLabel, BudgetCommand command) {
    }

    public LedgerFilePreview {
        rows = List.copyOf(rows);
        errors = List.copyOf(errors);
    }
}
