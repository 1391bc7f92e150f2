package cn.perfledger.domain.evaluation;

import cn.perfledger.domain.common.ConflictException;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.Ids;
import cn.perfledger.domain.evaluation.EvaluationCommand.RecordDeclaredFigure;
import cn.perfledger.domain.evaluation.EvaluationEvent.DeclaredFigureRecorded;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;

/**
 * The figures published documents state (申报数字), recorded as printed for reconciliation. Rules: a figure id once;
 * the printed value is a number; it names the ledger figure it should equal (in the ledger-figure key grammar) or
 * the printed operands it is computed from, or both; effective within the evaluation window.
 */
final class DeclaredFigureBook extends EvaluationPart {

    /** Ids of the declared figures recorded: figure ids are unique. */
    private Set<String> declaredFigures = new HashSet<>();

    /** For Jackson (snapshots). */
    public DeclaredFigureBook() {
    }

    DeclaredFigureBook copy() {
        DeclaredFigureBook copy = copyInto(new DeclaredFigureBook());
        copy.declaredFigures = new HashSet<>(declaredFigures);
        return copy;
    }

    DeclaredFigureRecorded decide(RecordDeclaredFigure command) {
        Ids.requireCode("figureId", command.figureId(), 64);
        if (declaredFigures.contains(command.figureId())) {
            throw new ConflictException("figureId", "申报数字编码已存在: " + command.figureId());
        }
        String document = Ids.requireText("document", command.document(), 200);
        String item = Ids.requireText("item", command.item(), 1000);
        String printedValue = Ids.requireText("printedValue", command.printedValue(), 2000);
        BigDecimal value = PrintedNumber.parse("printedValue", printedValue);
        String unit = Ids.requireText("unitAsPrinted", command.unitAsPrinted(), 20);
        String ledgerFigure = Ids.optionalText("ledgerFigure", command.ledgerFigure(), 200);
        if (ledgerFigure != null) {
            LedgerFigureKey.validated("ledgerFigure", ledgerFigure);
        }
        DeclaredStructure structure = command.structure() == null ? null
                : DeclaredStructure.validated("structure", command.structure());
        if (ledgerFigure == null && structure == null) {
            throw new DomainException("ledgerFigure", "须指明对应的账本数字（ledgerFigure）或所印算式（structure），否则无从核对");
        }
        requireInEvaluationWindow("effectiveDate", command.effectiveDate());
        return new DeclaredFigureRecorded(evaluationId, command.figureId(), document, item, printedValue, value, unit,
                ledgerFigure, structure, command.effectiveDate());
    }

    // ---- event sourcing (called by the evaluation's handlers): assignment only ----

    void on(DeclaredFigureRecorded event) {
        declaredFigures.add(event.figureId());
    }
}
