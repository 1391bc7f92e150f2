package cn.perfledger.projections.ledger;

import cn.perfledger.domain.budget.BudgetEvent.ProcurementContractFiled;
import cn.perfledger.domain.budget.BudgetEvent.ProcurementContractSigned;
import cn.perfledger.domain.budget.BudgetEvent.ProcurementExecuted;
import cn.perfledger.domain.budget.BudgetEvent.ProcurementPlanned;
import cn.perfledger.domain.common.Money;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One procurement item: its plan, contracts (signed, filed) and executed amounts. */
public final class ProcurementFigures {

    private final ProcurementPlanned plan;
    private final List<ProcurementContractSigned> contracts = new ArrayList<>();
    private final List<ProcurementContractFiled> filings = new ArrayList<>();
    private Money executed = Money.ZERO;
    private Money smeAwarded = Money.ZERO;

    ProcurementFigures(ProcurementPlanned plan) {
        this.plan = plan;
    }

    /** An independent copy (a fold checkpoint continues from it). */
    ProcurementFigures copy() {
        ProcurementFigures copy = new ProcurementFigures(plan);
        copy.contracts.addAll(contracts);
        copy.filings.addAll(filings);
        copy.executed = executed;
        copy.smeAwarded = smeAwarded;
        return copy;
    }

    void signed(ProcurementContractSigned contract) {
        contracts.add(contract);
    }

    void filed(ProcurementContractFiled filing) {
        filings.add(filing);
    }

    void executed(ProcurementExecuted execution) {
        executed = executed.plus(execution.amount());
        smeAwarded = smeAwarded.plus(execution.smeAwardedAmount());
    }

    public ProcurementPlanned plan() {
        return plan;
    }

    public List<ProcurementContractSigned> contracts() {
        return Collections.unmodifiableList(contracts);
    }

    public List<ProcurementContractFiled> filings() {
        return Collections.unmodifiableList(filings);
    }

    public Money executed() {
        return executed;
    }

    public Money smeAwarded() {
        return smeAwarded;
    }
}
