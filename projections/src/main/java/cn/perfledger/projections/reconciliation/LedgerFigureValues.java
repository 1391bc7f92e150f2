package cn.perfledger.projections.reconciliation;

import cn.perfledger.domain.budget.EconomicCode.ThreePublicCategory;
import cn.perfledger.domain.budget.ExpenditureKind;
import cn.perfledger.domain.common.Money;
import cn.perfledger.domain.evaluation.LedgerFigureKey;
import cn.perfledger.domain.evaluation.LedgerFigureKey.Measure;
import cn.perfledger.domain.evaluation.LedgerFigureKey.Scope;
import cn.perfledger.projections.ledger.Grouping;
import cn.perfledger.projections.ledger.LedgerMetrics;
import cn.perfledger.projections.ledger.LineFigures;
import cn.perfledger.projections.ledger.NoticeFigures;
import cn.perfledger.projections.ledger.ProcurementFigures;
import cn.perfledger.projections.ledger.Rates;
import cn.perfledger.projections.ledger.Totals;
import cn.perfledger.projections.scoring.ScoredItem;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Predicate;

/**
 * The value a {@link LedgerFigureKey} names, at one basis: computed from {@link LedgerMetrics} (the one
 * implementation of every ledger figure), the indicator counts and the scored table. Money values are yuan, rates
 * fractions, scores points, counts integers.
 */
public final class LedgerFigureValues {

    private LedgerFigureValues() {
    }

    /** The value at the basis of {@code source}, or null when the ledger has none (e.g. a rate of nothing). */
    public static BigDecimal value(LedgerFigureKey key, FigureSource source) {
        LedgerMetrics metrics = source.metrics();
        Measure measure = key.measure();
        Scope first = key.scopes().get(0);
        return switch (first.name().family()) {
            case LINES -> lineValue(key, metrics);
            case PROCUREMENT -> procurementValue(measure, metrics, first.parameter());
            case FIXED_ASSETS -> {
                var assets = metrics.fold().fixedAssets();
                yield assets == null ? null : switch (measure) {
                    case ORIGINAL -> assets.originalValue().yuan();
                    case IN_USE -> assets.inUseValue().yuan();
                    default -> metrics.fixedAssetUtilisationRate();
                };
            }
            case NOTICES -> {
                List<NoticeFigures> notices = metrics.fold().notices();
                yield switch (measure) {
                    case COUNT -> BigDecimal.valueOf(notices.size());
                    case RATE_SUM -> notices.stream().map(n -> n.notice().publishedRate())
                            .reduce(BigDecimal.ZERO, BigDecimal::add);
                    default -> metrics.annualAverageExecutionRatePublished();
                };
            }
            case INDICATORS -> {
                if (measure == Measure.ACTUAL) {
                    yield actual(source, first.parameter());
                }
                var overall = source.indicators() == null ? null : source.indicators().overall();
                yield overall == null || overall.defined() == 0 ? null : switch (measure) {
                    case DEFINED -> BigDecimal.valueOf(overall.defined());
                    case MET -> BigDecimal.valueOf(overall.met());
                    default -> overall.shareMet();
                };
            }
            case SCORE -> {
                if (source.table() == null) {
                    yield null;
                }
                yield first.parameter() == null ? source.table().total()
                        : source.table().find(first.parameter()).map(ScoredItem::score).orElse(null);
            }
        };
    }

    /** The number of an indicator's recorded actual (“960,137人次” → 960137), or null when none is recorded. */
    private static BigDecimal actual(FigureSource source, String indicatorId) {
        if (source.indicators() == null) {
            return null;
        }
        return source.indicators().indicators().stream().filter(row -> row.indicatorId().equals(indicatorId))
                .map(row -> row.actualText()).filter(java.util.Objects::nonNull).findFirst().map(text -> {
                    try {
                        return cn.perfledger.domain.evaluation.ActualValue.parse(text).number();
                    } catch (cn.perfledger.domain.common.DomainException notANumber) {
                        return null; // a qualitative actual has no number to compare
                    }
                }).orElse(null);
    }

    private static BigDecimal lineValue(LedgerFigureKey key, LedgerMetrics metrics) {
        Measure measure = key.measure();
        switch (measure) {
            case REVENUE:
                return metrics.appropriationRevenue().yuan();
            case VARIANCE_RATE:
                return metrics.appropriationRevenueVarianceRate();
            case CARRY_OVER_RATE_53:
                return metrics.carryOverRate53();
            case CARRY_OVER_RATE_YOY:
                return metrics.carryOverRateYearOverYear();
            default:
                break;
        }
        Predicate<LineFigures> filter = line -> true;
        for (Scope scope : key.scopes()) {
            filter = filter.and(lineFilter(scope));
        }
        Totals totals = Grouping.total(metrics.fold().lines().stream().filter(filter).toList());
        return switch (measure) {
            case INITIAL -> totals.initial().yuan();
            case ADJUSTMENTS -> totals.adjustments().yuan();
            case FULL_YEAR -> totals.fullYear().yuan();
            case CARRY_IN -> totals.carryIn().yuan();
            case CARRY_OUT -> totals.carryOut().yuan();
            case WITHDRAWN -> totals.withdrawn().yuan();
            case EXECUTED -> totals.executed().yuan();
            case EXECUTION_RATE -> totals.executionRate();
            case INITIAL_EXECUTION_RATE -> Rates.ratio(totals.executed(), totals.initial());
            default -> throw new IllegalStateException("measure " + measure + " on lines");
        };
    }

    private static Predicate<LineFigures> lineFilter(Scope scope) {
        String p = scope.parameter();
        return switch (scope.name()) {
            case TOTAL -> line -> true;
            case FISCAL -> LedgerMetrics::isFiscalAppropriation;
            case BASIC -> line -> line.spec().kind().isBasic();
            case PROJECT -> line -> line.spec().kind() == ExpenditureKind.PROJECT;
            case PERSONNEL -> line -> line.spec().kind() == ExpenditureKind.BASIC_PERSONNEL;
            case OPERATING -> line -> line.spec().kind() == ExpenditureKind.BASIC_OPERATING;
            case SOURCE -> line -> line.spec().fundingSource().name().equals(p);
            case THREE_PUBLIC -> line -> line.spec().economicCode().threePublicCategory()
                    .map(c -> p == null || c.name().equals(p) || p.equals("VEHICLE")
                            && (c == ThreePublicCategory.VEHICLE_PURCHASE || c == ThreePublicCategory.VEHICLE_OPERATION))
                    .orElse(false);
            case FUNCTIONAL -> line -> line.spec().functionalCode().code().startsWith(p);
            case ECONOMIC -> line -> line.spec().economicCode().code().startsWith(p);
            case UNIT -> line -> line.spec().unit().value().equals(p);
            case PROJECT_CODE -> line -> line.spec().projectCode() != null && (p.endsWith("*")
                    ? line.spec().projectCode().startsWith(p.substring(0, p.length() - 1))
                    : line.spec().projectCode().equals(p));
            default -> throw new IllegalStateException("not a line scope: " + scope.name());
        };
    }

    private static BigDecimal procurementValue(Measure measure, LedgerMetrics metrics, String category) {
        List<ProcurementFigures> items = metrics.fold().procurements().stream()
                .filter(p -> category == null || p.plan().category().name().equals(category)).toList();
        Money planned = items.stream().map(p -> p.plan().planAmount()).reduce(Money.ZERO, Money::plus);
        Money executed = items.stream().map(ProcurementFigures::executed).reduce(Money.ZERO, Money::plus);
        return switch (measure) {
            case PLANNED -> planned.yuan();
            case EXECUTED -> executed.yuan();
            case EXECUTION_RATE -> Rates.ratio(executed, planned);
            case SME_RESERVED -> items.stream().map(p -> p.plan().smeReserve()).reduce(Money.ZERO, Money::plus).yuan();
            case SME_AWARDED -> items.stream().map(ProcurementFigures::smeAwarded).reduce(Money.ZERO, Money::plus).yuan();
            default -> throw new IllegalStateException("measure " + measure + " on procurement");
        };
    }
}
