package cn.perfledger.domain.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Whether an actual meets a target, and the completion rate (DOMAIN.md §5). Both sides are read as sets of values:
 * the target "&lt;5个" is every count below 5, the actual "少于5个" some count below 5 (a plain actual is one value).
 * The target is met when every value the actual allows meets it, not met when none does, and undetermined
 * otherwise ("≥3个" against "≥5个"). A verdict (达标/未完成) is taken at its word; a qualitative indicator is met
 * when its grade is 达成.
 */
final class TargetAssessment {

    private TargetAssessment() {
    }

    /** An interval of values; a null end is unbounded. */
    private record Interval(BigDecimal low, boolean lowIncluded, BigDecimal high, boolean highIncluded) {

        static Interval of(TargetComparator comparator, BigDecimal value, BigDecimal upper) {
            return switch (comparator) {
                case GE, FULLY_ACHIEVED -> new Interval(value, true, null, false);
                case GT -> new Interval(value, false, null, false);
                case LE -> new Interval(null, false, value, true);
                case LT -> new Interval(null, false, value, false);
                case EQ -> new Interval(value, true, value, true);
                case BETWEEN -> new Interval(value, true, upper, true);
                case GRADED -> throw new IllegalArgumentException("a graded target has no interval");
            };
        }

        /** An actual's values; counts, amounts and rates written "少于5" are not below zero. */
        static Interval ofActual(ActualValue actual) {
            BigDecimal value = actual.normalisedValue();
            if (actual.bound() == null) {
                return new Interval(value, true, value, true);
            }
            Interval open = of(actual.bound(), value, null);
            if (open.low == null && value.signum() > 0) {
                return new Interval(BigDecimal.ZERO, true, open.high, open.highIncluded);
            }
            return open;
        }

        boolean within(Interval outer) {
            return lowerAtLeast(outer) && upperAtMost(outer);
        }

        private boolean lowerAtLeast(Interval outer) {
            if (outer.low == null) {
                return true;
            }
            if (low == null) {
                return false;
            }
            int c = low.compareTo(outer.low);
            return c > 0 || (c == 0 && (outer.lowIncluded || !lowIncluded));
        }

        private boolean upperAtMost(Interval outer) {
            if (outer.high == null) {
                return true;
            }
            if (high == null) {
                return false;
            }
            int c = high.compareTo(outer.high);
            return c < 0 || (c == 0 && (outer.highIncluded || !highIncluded));
        }

        boolean disjoint(Interval other) {
            return endsBefore(other) || other.endsBefore(this);
        }

        private boolean endsBefore(Interval other) {
            if (high == null || other.low == null) {
                return false;
            }
            int c = high.compareTo(other.low);
            return c < 0 || (c == 0 && !(highIncluded && other.lowIncluded));
        }
    }

    static boolean comparable(TargetExpression target, ActualValue actual) {
        if (target.qualitative() || actual.kind() == ActualValue.Kind.GRADED) {
            return target.qualitative() && actual.kind() == ActualValue.Kind.GRADED;
        }
        if (actual.kind() != ActualValue.Kind.QUANTITY) {
            return true;
        }
        if (target.deadline() || CalendarText.DATE_UNIT.equals(actual.baseUnit())) {
            return target.baseUnit().equals(actual.baseUnit());
        }
        return QuantityText.comparableUnits(target.baseUnit(), actual.baseUnit());
    }

    static Assessment assess(TargetExpression target, ActualValue actual) {
        if (!comparable(target, actual)) {
            return Assessment.INCOMPARABLE;
        }
        switch (actual.kind()) {
            case GRADED -> {
                return actual.grade().met() ? Assessment.MET : Assessment.NOT_MET;
            }
            case MET -> {
                return Assessment.MET;
            }
            case NOT_MET -> {
                return Assessment.NOT_MET;
            }
            default -> {
                Interval wanted = Interval.of(target.comparator(), target.normalisedValue(), target.upperNormalisedValue());
                Interval reached = Interval.ofActual(actual);
                if (reached.within(wanted)) {
                    return Assessment.MET;
                }
                return reached.disjoint(wanted) ? Assessment.NOT_MET : Assessment.UNDETERMINED;
            }
        }
    }

    static Optional<BigDecimal> completionRate(TargetExpression target, ActualValue actual,
            GradeCoefficients coefficients, int scale, RoundingMode mode) {
        Assessment assessment = assess(target, actual);
        if (assessment == Assessment.INCOMPARABLE || assessment == Assessment.UNDETERMINED) {
            return Optional.empty();
        }
        boolean met = assessment == Assessment.MET;
        if (actual.kind() == ActualValue.Kind.GRADED) {
            return Optional.of(GradeCoefficients.orDefault(coefficients).coefficient(actual.grade()).setScale(scale, mode));
        }
        if (actual.kind() != ActualValue.Kind.QUANTITY) {
            return Optional.of((met ? BigDecimal.ONE : BigDecimal.ZERO).setScale(scale, mode));
        }
        BigDecimal a = actual.normalisedValue();
        BigDecimal t = target.normalisedValue();
        BigDecimal rate;
        if (target.direction() == Direction.POSITIVE) {
            rate = t.signum() == 0 ? (met ? BigDecimal.ONE : BigDecimal.ZERO) : a.divide(t, scale, mode);
        } else if (met) {
            rate = BigDecimal.ONE;
        } else if (target.direction() == Direction.REVERSE) {
            rate = a.signum() == 0 ? BigDecimal.ZERO : t.divide(a, scale, mode);
        } else if (target.comparator() == TargetComparator.BETWEEN) {
            BigDecimal upper = target.upperNormalisedValue();
            rate = a.compareTo(t) < 0 ? (t.signum() == 0 ? BigDecimal.ZERO : a.max(BigDecimal.ZERO).divide(t, scale, mode))
                    : upper.divide(a, scale, mode);
        } else {
            BigDecimal smaller = a.min(t);
            BigDecimal larger = a.max(t);
            rate = larger.signum() == 0 || smaller.signum() < 0 ? BigDecimal.ZERO : smaller.divide(larger, scale, mode);
        }
        return Optional.of(rate.setScale(scale, mode));
    }
}
