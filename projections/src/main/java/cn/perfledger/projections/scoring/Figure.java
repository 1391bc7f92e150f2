package cn.perfledger.projections.scoring;

import cn.perfledger.domain.common.Money;
import cn.perfledger.projections.evaluation.Display;
import java.math.BigDecimal;

/**
 * One figure an input was computed from (a numerator, a denominator, a count), with its exact value and how it
 * is shown. {@code value} is null for a figure that is only text.
 */
public record Figure(String name, BigDecimal value, Unit unit, String display) {

    /** The unit of a figure; a rate is an exact fraction shown in percent. */
    public enum Unit {
        YUAN("元"),
        RATE("比率"),
        COUNT("个"),
        POINTS("分"),
        TEXT("文本");

        private final String label;

        Unit(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static Figure yuan(String name, Money amount) {
        return new Figure(name, amount.yuan(), Unit.YUAN, Display.yuan(amount.yuan()));
    }

    public static Figure rate(String name, BigDecimal fraction) {
        return new Figure(name, fraction, Unit.RATE, fraction == null ? "无法计算" : Display.percent(fraction));
    }

    public static Figure count(String name, long count) {
        return new Figure(name, BigDecimal.valueOf(count), Unit.COUNT, Long.toString(count));
    }

    public static Figure points(String name, BigDecimal points) {
        return new Figure(name, points, Unit.POINTS, Display.number(points));
    }

    public static Figure text(String name, String text) {
        return new Figure(name, null, Unit.TEXT, text);
    }
}
