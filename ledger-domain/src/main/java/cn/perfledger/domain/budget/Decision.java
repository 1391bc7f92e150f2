package cn.perfledger.domain.budget;

import java.util.List;

/**
 * What a part of the ledger decided for a command that answers with an outcome: the events to apply (none for a
 * reported no-op) and the outcome to answer with.
 */
record Decision<T>(List<BudgetEvent> events, T outcome) {

    Decision {
        events = List.copyOf(events);
    }

    /** One event to apply. */
    static <T> Decision<T> of(BudgetEvent event, T outcome) {
        return new Decision<>(List.of(event), outcome);
    }

    /** Nothing to apply (a reported no-op). */
    static <T> Decision<T> none(T outcome) {
        return new Decision<>(List.of(), outcome);
    }
}
