package cn.perfledger.domain.budget;

import java.time.LocalDate;
import java.util.Objects;

/** What {@link BudgetLedger} remembers of a signed procurement contract: its plan, signing date and filing. */
final class ContractState {

    private String procurementId;
    private long signedEpochDay;
    private boolean filed;

    /** For Jackson (snapshots). */
    public ContractState() {
    }

    ContractState(String procurementId, LocalDate signedDate) {
        this.procurementId = procurementId;
        this.signedEpochDay = signedDate.toEpochDay();
    }

    String procurementId() {
        return procurementId;
    }

    LocalDate signedDate() {
        return LocalDate.ofEpochDay(signedEpochDay);
    }

    boolean filed() {
        return filed;
    }

    void markFiled() {
        filed = true;
    }

    // equals/hashCode: Axon's test fixture compares the handled aggregate with a re-sourced one by value.
    @Override
    public boolean equals(Object o) {
        return o instanceof ContractState other && Objects.equals(procurementId, other.procurementId)
                && signedEpochDay == other.signedEpochDay && filed == other.filed;
    }

    @Override
    public int hashCode() {
        return Objects.hash(procurementId, signedEpochDay, filed);
    }
}
