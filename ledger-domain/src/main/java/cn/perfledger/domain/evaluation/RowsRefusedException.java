package cn.perfledger.domain.evaluation;

import cn.perfledger.domain.common.DomainException;
import java.util.List;

/**
 * An imported table was refused because some of its rows break the ledger's rules; nothing was recorded. Lists every
 * refusal, each with the table row and the field of the row's command it concerns ({@code indicator.targetExpression},
 * {@code actual.actual}, {@code judgement.score}, {@code declaredFigure.printedValue} …), so that the importer can
 * point at the cell.
 */
public class RowsRefusedException extends DomainException {

    private final transient List<RowError> errors;

    public RowsRefusedException(List<RowError> errors) {
        super("rows", summary(errors));
        this.errors = List.copyOf(errors);
    }

    /** One refusal: the row number in the file (1-based), the field of the row's command, the rule in Chinese. */
    public record RowError(int row, String field, String rule) {
    }

    public List<RowError> errors() {
        return errors;
    }

    private static String summary(List<RowError> errors) {
        return "自评表有 " + errors.size() + " 处不符合账本规则（首处在第 " + errors.get(0).row() + " 行），未写入任何记录";
    }
}
