package cn.perfledger.projections.scoring;

import cn.perfledger.domain.rubric.LedgerMetric;
import cn.perfledger.projections.evaluation.FlagKind;
import java.math.BigDecimal;
import java.util.List;

/**
 * A ledger metric at a basis: its exact value (a fraction; null when it cannot be computed) and the figures it
 * was computed from; {@code whenUndefined} says why a null value is null (the denominator is zero, the ledger has
 * not recorded what it needs, the previous year is missing).
 */
public record MetricValue(LedgerMetric metric, BigDecimal value, List<Figure> figures, FlagKind whenUndefined) {

    public MetricValue {
        figures = List.copyOf(figures);
        whenUndefined = whenUndefined == null ? FlagKind.DENOMINATOR_ZERO : whenUndefined;
    }

    public MetricValue(LedgerMetric metric, BigDecimal value, List<Figure> figures) {
        this(metric, value, figures, FlagKind.DENOMINATOR_ZERO);
    }

    public boolean defined() {
        return value != null;
    }
}
