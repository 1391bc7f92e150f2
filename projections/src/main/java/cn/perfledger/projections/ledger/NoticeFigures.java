package cn.perfledger.projections.ledger;

import cn.perfledger.domain.budget.BudgetEvent.ExecutionNoticeRecorded;
import cn.perfledger.domain.budget.FundingSource;
import java.math.BigDecimal;
import java.util.Map;

/**
 * A finance-bureau execution notice next to the ledger's own figures at the end of the notice date, per
 * funding source, so that the published progress and the ledger's can be read side by side.
 */
public record NoticeFigures(ExecutionNoticeRecorded notice, Map<FundingSource, Totals> ledgerBySource) {

    public NoticeFigures {
        ledgerBySource = Map.copyOf(ledgerBySource);
    }

    /** The ledger's execution rate at the notice date for the given sources (all sources when none given). */
    public BigDecimal ledgerExecutionRate(FundingSource... sources) {
        return totalOf(sources).executionRate();
    }

    /** The ledger's progress rate at the notice date: execution rate ÷ required progress (序时进度). */
    public BigDecimal ledgerProgressRate(FundingSource... sources) {
        BigDecimal rate = ledgerExecutionRate(sources);
        return rate == null ? null : Rates.ratio(rate, notice.requiredProgress());
    }

    private Totals totalOf(FundingSource... sources) {
        Totals total = Totals.EMPTY;
        for (Map.Entry<FundingSource, Totals> entry : ledgerBySource.entrySet()) {
            if (sources.length == 0 || java.util.Arrays.asList(sources).contains(entry.getKey())) {
                total = total.plus(entry.getValue());
            }
        }
        return total;
    }
}
