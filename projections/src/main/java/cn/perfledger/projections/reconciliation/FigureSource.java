package cn.perfledger.projections.reconciliation;

import cn.perfledger.projections.evaluation.IndicatorReport;
import cn.perfledger.projections.ledger.LedgerMetrics;
import cn.perfledger.projections.scoring.ScoredTable;

/**
 * What a {@code LedgerFigureKey} reads at one basis: the ledger's metrics, the indicator counts and the scored
 * table (null when the year has no published rubric).
 */
public record FigureSource(LedgerMetrics metrics, IndicatorReport indicators, ScoredTable table) {
}
