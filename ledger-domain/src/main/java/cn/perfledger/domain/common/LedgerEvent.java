package cn.perfledger.domain.common;

import java.time.LocalDate;

/**
 * Every event of the ledger, whatever aggregate records it ({@code BudgetEvent}, {@code EvaluationEvent},
 * {@code DepartmentEvent}, {@code RubricEvent}): it belongs to a day, its effective date (业务日期), by which as-of
 * replays select and order it; the time it was recorded is the event store's timestamp.
 */
public interface LedgerEvent {

    LocalDate effectiveDate();
}
