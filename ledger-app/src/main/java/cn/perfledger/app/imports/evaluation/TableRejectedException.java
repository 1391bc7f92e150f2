package cn.perfledger.app.imports.evaluation;

import java.util.List;

/** An uploaded 自评表 was refused; nothing was written. Carries every problem found, in file order. */
public class TableRejectedException extends RuntimeException {

    private final transient List<CellError> errors;

    public TableRejectedException(List<CellError> errors) {
        super(errors.size() + " problem(s) in the uploaded table, first: " + errors.get(0));
        this.errors = List.copyOf(errors);
    }

    public List<CellError> errors() {
        return errors;
    }
}
