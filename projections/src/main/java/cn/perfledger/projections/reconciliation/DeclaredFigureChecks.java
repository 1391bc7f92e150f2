package cn.perfledger.projections.reconciliation;

import cn.perfledger.domain.common.AmountUnit;
import cn.perfledger.domain.evaluation.DeclaredStructure;
import cn.perfledger.domain.evaluation.DeclaredStructure.Operand;
import cn.perfledger.domain.evaluation.DeclaredStructure.Role;
import cn.perfledger.domain.evaluation.LedgerFigureKey;
import cn.perfledger.domain.evaluation.LedgerFigureKey.ValueKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.stream.Collectors;

/**
 * The classification rules of declared figures, pure and exact (BigDecimal only). A printed number {@code p} with
 * {@code s} decimals is compared with a value {@code v} expressed in the printed unit:
 * <ol>
 * <li>EQUAL when {@code v} rounded half-up to {@code s} decimals equals {@code p};</li>
 * <li>ROUNDING (尾数误差) when |p − round(v, s)| ≤ 0.01 of the printed unit;</li>
 * <li>UNIT_SLIP when money printed in 元 matches the value in 万元 (rules 1–2), or printed in 万元 matches it in 元;</li>
 * <li>INVERTED_RATIO when a printed percentage matches 1 ÷ v (denominator ÷ numerator);</li>
 * <li>SWAPPED when the number matches the value of the key's counterpart (原值 ↔ 在用原值, 预算 ↔ 执行);</li>
 * <li>DISCREPANCY otherwise.</li>
 * </ol>
 * Printed operands (a sum's parts, a ratio's or a growth's terms) are checked the same way against the figure they
 * recompute (rules 1, 2, 4, 6).
 */
public final class DeclaredFigureChecks {

    static final BigDecimal TOLERANCE = new BigDecimal("0.01");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int SCALE = 12;

    private DeclaredFigureChecks() {
    }

    /** The units documents print figures in; the two money units are {@link AmountUnit}s. */
    public enum PrintedUnit {
        YUAN(AmountUnit.YUAN.label(), AmountUnit.YUAN), WAN_YUAN(AmountUnit.WAN_YUAN.label(), AmountUnit.WAN_YUAN),
        PERCENT("%", null), POINTS("分", null), COUNT("个", null),
        /** A count printed in 万 (万人次, 万件): ten thousand of the count. */
        TEN_THOUSAND_COUNT("万", null), OTHER("", null);

        private final String symbol;
        private final AmountUnit money;

        PrintedUnit(String symbol, AmountUnit money) {
            this.symbol = symbol;
            this.money = money;
        }

        /** The money unit this is, or null for a rate, a score, a count. */
        public AmountUnit money() {
            return money;
        }

        /** Reads the unit a document gave, e.g. {@code 元（表头称万元）} is 元, {@code ％} is %. */
        public static PrintedUnit of(String unitAsPrinted) {
            String u = unitAsPrinted == null ? "" : unitAsPrinted.strip();
            if (u.startsWith("万元")) {
                return WAN_YUAN;
            }
            if (u.startsWith("元")) {
                return YUAN;
            }
            if (u.startsWith("%") || u.startsWith("％")) {
                return PERCENT;
            }
            if (u.startsWith("分")) {
                return POINTS;
            }
            if (u.startsWith("个") || u.startsWith("项") || u.startsWith("次") || u.startsWith("件") || u.startsWith("人")
                    || u.startsWith("户") || u.startsWith("份")) {
                return COUNT;
            }
            if (u.startsWith("万") && u.length() > 1) {
                return TEN_THOUSAND_COUNT;
            }
            return OTHER;
        }

        public String symbol() {
            return symbol;
        }
    }

    /** {@code value} (yuan, fraction, points, count) in the printed unit, or null when the unit cannot express it. */
    static BigDecimal inUnit(ValueKind kind, PrintedUnit unit, BigDecimal value) {
        return switch (kind) {
            case MONEY -> unit.money() == null ? null : unit.money().fromYuan(value);
            case RATE -> unit == PrintedUnit.PERCENT ? value.movePointRight(2) : null;
            case SCORE -> unit == PrintedUnit.POINTS ? value : null;
            case COUNT -> unit == PrintedUnit.COUNT ? value
                    : unit == PrintedUnit.TEN_THOUSAND_COUNT ? value.movePointLeft(4) : null;
        };
    }

    /** EQUAL, ROUNDING, or null when {@code printed} is further than ±0.01 from {@code value} at the printed precision. */
    static Classification match(BigDecimal printed, BigDecimal value) {
        BigDecimal rounded = value.setScale(Math.max(0, printed.scale()), RoundingMode.HALF_UP);
        if (printed.compareTo(rounded) == 0) {
            return Classification.EQUAL;
        }
        return printed.subtract(rounded).abs().compareTo(TOLERANCE) <= 0 ? Classification.ROUNDING : null;
    }

    private static BigDecimal difference(BigDecimal printed, BigDecimal value) {
        return printed.subtract(value.setScale(Math.max(0, printed.scale()), RoundingMode.HALF_UP));
    }

    /**
     * Compares a printed figure with the ledger's value of its key.
     *
     * @param ledger  the key's value (yuan, fraction, points, count), or null when the ledger has none
     * @param partner the value of the key's counterpart ({@link LedgerFigureKey#swapPartner()}), or null
     */
    public static Verdict againstLedger(BigDecimal printed, String unitAsPrinted, LedgerFigureKey key,
            BigDecimal ledger, BigDecimal partner) {
        PrintedUnit unit = PrintedUnit.of(unitAsPrinted);
        String label = key.label();
        if (ledger == null) {
            return new Verdict(Classification.NOT_AVAILABLE, printed, null, null,
                    "账本在此时点没有「" + label + "」的数（未登记或分母为零），所印 " + show(printed, unit) + " 未核对");
        }
        BigDecimal value = inUnit(key.kind(), unit, ledger);
        if (value == null) {
            return new Verdict(Classification.INCOMPARABLE, printed, null, null,
                    "所印单位「" + unitAsPrinted + "」不能表示「" + label + "」，所印 " + printed.toPlainString() + " 无法比较");
        }
        Classification match = match(printed, value);
        BigDecimal diff = difference(printed, value);
        if (match == Classification.EQUAL) {
            return verdict(match, printed, value, diff, "与账本一致：所印 " + show(printed, unit) + "，账本「" + label + "」为 "
                    + show(value, unit));
        }
        if (match == Classification.ROUNDING) {
            return verdict(match, printed, value, diff, "尾数误差：所印 " + show(printed, unit) + "，账本「" + label + "」为 "
                    + show(value, unit) + "，相差 " + showDiff(diff, unit) + "（在所印单位 ±0.01 以内，仅作提示）");
        }
        if (key.kind() == ValueKind.MONEY) {
            PrintedUnit other = unit == PrintedUnit.YUAN ? PrintedUnit.WAN_YUAN : PrintedUnit.YUAN;
            BigDecimal otherValue = inUnit(ValueKind.MONEY, other, ledger);
            if (match(printed, otherValue) != null) {
                return verdict(Classification.UNIT_SLIP, printed, value, diff, "单位错写：所印 " + show(printed, unit)
                        + "，账本「" + label + "」为 " + show(otherValue, other) + "（= " + show(value, unit) + "）；数字应以"
                        + other.symbol() + "为单位，按" + unit.symbol() + "读则差 10,000 倍");
            }
        }
        if (key.kind() == ValueKind.RATE && ledger.signum() != 0) {
            BigDecimal inverse = BigDecimal.ONE.divide(ledger, SCALE, RoundingMode.HALF_EVEN).movePointRight(2);
            if (match(printed, inverse) != null) {
                return verdict(Classification.INVERTED_RATIO, printed, value, diff, "比率倒置：所印 " + show(printed, unit)
                        + " 等于分母 ÷ 分子（1 ÷ " + show(value, unit) + " = " + show(inverse, unit) + "）；账本「" + label + "」为 "
                        + show(value, unit) + "，相差 " + showDiff(diff, unit));
            }
        }
        if (partner != null) {
            BigDecimal partnerValue = inUnit(key.kind(), unit, partner);
            if (partnerValue != null && partnerValue.compareTo(value) != 0 && match(printed, partnerValue) != null) {
                return verdict(Classification.SWAPPED, printed, value, diff, "两数互换：所印 " + show(printed, unit)
                        + " 是账本「" + key.swapPartner().label() + "」的数（" + show(partnerValue, unit) + "），账本「" + label
                        + "」为 " + show(value, unit) + "，相差 " + showDiff(diff, unit));
            }
        }
        return verdict(Classification.DISCREPANCY, printed, value, diff, "不符：所印 " + show(printed, unit) + "，账本「"
                + label + "」为 " + show(value, unit) + "，相差 " + showDiff(diff, unit));
    }

    /** Recomputes a printed figure from its printed operands. */
    public static Verdict ofStructure(BigDecimal printed, String unitAsPrinted, DeclaredStructure structure) {
        PrintedUnit unit = PrintedUnit.of(unitAsPrinted);
        return switch (structure.kind()) {
            case SUM -> {
                BigDecimal sum = structure.operands().stream().map(Operand::number).reduce(BigDecimal.ZERO, BigDecimal::add);
                String terms = structure.operands().stream().map(o -> term(o, unit)).collect(Collectors.joining(" + "));
                Classification match = match(printed, sum);
                BigDecimal diff = difference(printed, sum);
                if (match == Classification.EQUAL) {
                    yield verdict(match, printed, sum, diff, "所印合计 " + show(printed, unit) + " = " + terms);
                }
                yield verdict(match == null ? Classification.DISCREPANCY : match, printed, sum, diff,
                        (match == null ? "合计不符：" : "尾数误差：") + "所印合计 " + show(printed, unit) + "，而所印分项 " + terms
                                + " = " + show(sum, unit) + "，相差 " + showDiff(diff, unit));
            }
            case RATIO -> {
                BigDecimal n = structure.operand(Role.NUMERATOR).number();
                BigDecimal d = structure.operand(Role.DENOMINATOR).number();
                if (unit != PrintedUnit.PERCENT || d.signum() == 0 || n.signum() == 0) {
                    yield new Verdict(Classification.INCOMPARABLE, printed, null, null,
                            "比率须以 % 印出且分子、分母不为零，所印 " + printed.toPlainString() + unitAsPrinted + " 无法复算");
                }
                BigDecimal rate = n.divide(d, SCALE, RoundingMode.HALF_EVEN).movePointRight(2);
                String formula = n.toPlainString() + " ÷ " + d.toPlainString() + " = " + show(rate, unit);
                Classification match = match(printed, rate);
                BigDecimal diff = difference(printed, rate);
                if (match != null) {
                    yield verdict(match, printed, rate, diff, (match == Classification.EQUAL ? "比率与所印分子分母一致："
                            : "尾数误差：") + "所印 " + show(printed, unit) + "，" + formula);
                }
                BigDecimal inverse = d.divide(n, SCALE, RoundingMode.HALF_EVEN).movePointRight(2);
                if (match(printed, inverse) != null) {
                    yield verdict(Classification.INVERTED_RATIO, printed, rate, diff, "比率倒置：所印 " + show(printed, unit)
                            + " = " + d.toPlainString() + " ÷ " + n.toPlainString() + "（分母 ÷ 分子），应为 " + formula);
                }
                yield verdict(Classification.DISCREPANCY, printed, rate, diff, "比率不符：所印 " + show(printed, unit) + "，按所印数 "
                        + formula + "，相差 " + showDiff(diff, unit));
            }
            case GROWTH -> {
                Operand previous = structure.operand(Role.PREVIOUS);
                Operand current = structure.operand(Role.CURRENT);
                Operand change = structure.operand(Role.CHANGE);
                BigDecimal prev = previous != null ? previous.number() : current.number().subtract(change.number());
                BigDecimal delta = change != null ? change.number() : current.number().subtract(prev);
                if (unit != PrintedUnit.PERCENT || prev.signum() == 0) {
                    yield new Verdict(Classification.INCOMPARABLE, printed, null, null,
                            "增长率须以 % 印出且上年数不为零，所印 " + printed.toPlainString() + unitAsPrinted + " 无法复算");
                }
                BigDecimal rate = delta.divide(prev, SCALE, RoundingMode.HALF_EVEN).movePointRight(2);
                String formula = "增减额 " + delta.toPlainString() + " ÷ 上年数 " + prev.toPlainString()
                        + (previous == null ? "（= " + current.number().toPlainString() + " − " + delta.toPlainString() + "）" : "")
                        + " = " + show(rate, unit);
                Classification match = match(printed, rate);
                BigDecimal diff = difference(printed, rate);
                if (match == null) {
                    yield verdict(Classification.DISCREPANCY, printed, rate, diff, "增长率不符：所印 " + show(printed, unit)
                            + "，按所印数 " + formula + "，相差 " + showDiff(diff, unit));
                }
                yield verdict(match, printed, rate, diff, (match == Classification.EQUAL ? "增长率与所印数一致："
                        : "尾数误差：") + "所印 " + show(printed, unit) + "，" + formula);
            }
        };
    }

    private static Verdict verdict(Classification classification, BigDecimal printed, BigDecimal expected,
            BigDecimal difference, String explanation) {
        return new Verdict(classification, printed, display(expected), difference, explanation);
    }

    private static BigDecimal display(BigDecimal value) {
        return value == null ? null : value.scale() > Verdict.DISPLAY_SCALE
                ? value.setScale(Verdict.DISPLAY_SCALE, RoundingMode.HALF_UP).stripTrailingZeros() : value;
    }

    private static String term(Operand operand, PrintedUnit unit) {
        return (operand.label() == null ? "" : operand.label() + " ") + operand.number().toPlainString();
    }

    /** A value in the printed unit: money and scores to 2 decimals (more if needed), rates to 2 decimals and %. */
    static String show(BigDecimal value, PrintedUnit unit) {
        BigDecimal shown = value.scale() > 2 ? value.setScale(unit == PrintedUnit.PERCENT ? 2 : Math.min(value.stripTrailingZeros().scale(), 6),
                RoundingMode.HALF_UP) : value;
        return switch (unit) {
            case PERCENT -> shown.toPlainString() + "%";
            case YUAN, WAN_YUAN -> shown.toPlainString() + " " + unit.symbol();
            case POINTS -> shown.toPlainString() + " 分";
            default -> shown.toPlainString();
        };
    }

    private static String showDiff(BigDecimal diff, PrintedUnit unit) {
        String sign = diff.signum() > 0 ? "+" : "";
        return switch (unit) {
            case PERCENT -> sign + diff.toPlainString() + " 个百分点";
            case YUAN, WAN_YUAN -> sign + diff.toPlainString() + " " + unit.symbol();
            case POINTS -> sign + diff.toPlainString() + " 分";
            default -> sign + diff.toPlainString();
        };
    }
}
