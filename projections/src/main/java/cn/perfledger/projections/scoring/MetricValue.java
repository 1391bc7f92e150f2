package cn.perfledger.projections.scoring;

import cn.perfledger.domain.rubric.LedgerMetric;
import java.math.BigDecimal;
import java.util.List;

/**
 * A ledger metric at a basis: its exact value (a fraction; null when its denominator is zero) and the figures it
 * was computed from.
 */
public record MetricValue(LedgerMetric metric, BigDecimal value, List<Figure> figures) {

    public MetricValue {
        figures = List.copyOf(figures);
    }

    public boolean defined() {
        return value != null;
    }
}
