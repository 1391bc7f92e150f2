package cn.perfledger.domain.budget;

import java.util.Objects;

/**
 * What {@link BudgetLedger} remembers of one budget line: just enough to enforce the budget rules.
 * Amounts are in fen so that the snapshot stays small and exact; the full history lives in the events.
 * Mutable only through the ledger's event-sourcing handlers.
 */
final class LineState {

    private ExpenditureKind kind;
    private boolean initialApproved;
    /** initial + increases − decreases ± transfers + carry-in − withdrawn. */
    private long availableFen;
    /** expenditures − reversals. */
    private long spentFen;
    /** The line's opening date (epoch day): nothing on the line may be effective before it. */
    private long openedOnEpochDay;

    /** For Jackson (snapshots). */
    public LineState() {
    }

    LineState(ExpenditureKind kind, long openedOnEpochDay) {
        this.kind = kind;
        this.openedOnEpochDay = openedOnEpochDay;
    }

    /** An independent copy, for deciding import rows without touching the ledger's own state. */
    LineState copy() {
        LineState copy = new LineState(kind, openedOnEpochDay);
        copy.initialApproved = initialApproved;
        copy.availableFen = availableFen;
        copy.spentFen = spentFen;
        return copy;
    }

    long openedOnEpochDay() {
        return openedOnEpochDay;
    }

    ExpenditureKind kind() {
        return kind;
    }

    boolean initialApproved() {
        return initialApproved;
    }

    long availableFen() {
        return availableFen;
    }

    long spentFen() {
        return spentFen;
    }

    long unspentFen() {
        return availableFen - spentFen;
    }

    void markInitialApproved() {
        initialApproved = true;
    }

    void addAvailable(long fen) {
        availableFen += fen;
    }

    void addSpent(long fen) {
        spentFen += fen;
    }

    // equals/hashCode: Axon's test fixture compares the handled aggregate with a re-sourced one by value.
    @Override
    public boolean equals(Object o) {
        return o instanceof LineState other && kind == other.kind && initialApproved == other.initialApproved
                && availableFen == other.availableFen && spentFen == other.spentFen
                && openedOnEpochDay == other.openedOnEpochDay;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, initialApproved, availableFen, spentFen, openedOnEpochDay);
    }
}
