package cn.perfledger.projections.reconciliation;

import cn.perfledger.domain.evaluation.LedgerFigureKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.perfledger.domain.evaluation.DeclaredStructure;
import cn.perfledger.domain.evaluation.DeclaredStructure.Kind;
import cn.perfledger.domain.evaluation.DeclaredStructure.Operand;
import cn.perfledger.domain.evaluation.DeclaredStructure.Role;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DeclaredFigureChecksTest {

    private static final LedgerFigureKey BUDGET = LedgerFigureKey.parse("FISCAL.FULL_YEAR");
    private static final LedgerFigureKey RATE = LedgerFigureKey.parse("OPERATING&UNIT[BJ].INITIAL_EXECUTION_RATE");
    private static final LedgerFigureKey ORIGINAL = LedgerFigureKey.parse("FIXED_ASSETS.ORIGINAL");

    private static Classification ledger(String printed, String unit, LedgerFigureKey key, String ledger, String partner) {
        return DeclaredFigureChecks.againstLedger(new BigDecimal(printed), unit, key, new BigDecimal(ledger),
                partner == null ? null : new BigDecimal(partner)).classification();
    }

    @ParameterizedTest(name = "{0} {1} vs {2} yuan → {3}")
    @CsvSource({
            // equal at the printed precision
            "9377.98, 万元, 93779800.00, EQUAL",
            "392951003.55, 元, 392951003.55, EQUAL",
            // ±0.01 of the printed unit is a 尾数误差, 0.02 is not
            "18977.96, 万元, 189779500.00, ROUNDING",
            "18977.94, 万元, 189779500.00, ROUNDING",
            "18977.97, 万元, 189779500.00, DISCREPANCY",
            "100.01, 元, 100.00, ROUNDING",
            "100.02, 元, 100.00, DISCREPANCY",
            // unit slips both ways: 元 that should be 万元, 万元 that should be 元
            "5454.98, 元, 54549800.00, UNIT_SLIP",
            "392951003.55, 万元, 392951003.55, UNIT_SLIP",
            "5454.99, 元, 54549800.00, UNIT_SLIP",
            "5455.98, 元, 54549800.00, DISCREPANCY"})
    void money(String printed, String unit, String ledger, Classification expected) {
        assertThat(ledger(printed, unit, BUDGET, ledger, null)).isEqualTo(expected);
    }

    @Test
    void rate_equalAtPrintedPrecision_invertedOrDiscrepant() {
        BigDecimal rate = new BigDecimal("65.85").divide(new BigDecimal("56.40"), 12, java.math.RoundingMode.HALF_EVEN);
        assertThat(ledger("116.76", "%", RATE, rate.toPlainString(), null)).isEqualTo(Classification.EQUAL);
        assertThat(ledger("117", "%", RATE, rate.toPlainString(), null)).isEqualTo(Classification.EQUAL);
        assertThat(ledger("116.77", "%", RATE, rate.toPlainString(), null)).isEqualTo(Classification.ROUNDING);
        Verdict inverted = DeclaredFigureChecks.againstLedger(new BigDecimal("85.65"), "%", RATE, rate, null);
        assertThat(inverted.classification()).isEqualTo(Classification.INVERTED_RATIO);
        assertThat(inverted.explanation()).contains("85.65%", "116.76%");
        assertThat(ledger("80.00", "%", RATE, rate.toPlainString(), null)).isEqualTo(Classification.DISCREPANCY);
    }

    @Test
    void swapped_whenThePrintedNumberIsTheCounterpartsValue() {
        assertThat(ledger("197273890.80", "元", ORIGINAL, "197823733.30", "197273890.80")).isEqualTo(Classification.SWAPPED);
        assertThat(ledger("197000000.00", "元", ORIGINAL, "197823733.30", "197273890.80"))
                .isEqualTo(Classification.DISCREPANCY);
        assertThat(ORIGINAL.swapPartner().code()).isEqualTo("FIXED_ASSETS.IN_USE");
    }

    @Test
    void incomparableUnit_andMissingLedgerValue() {
        assertThat(ledger("5.00", "%", BUDGET, "5.00", null)).isEqualTo(Classification.INCOMPARABLE);
        assertThat(DeclaredFigureChecks.againstLedger(BigDecimal.ONE, "元", BUDGET, null, null).classification())
                .isEqualTo(Classification.NOT_AVAILABLE);
    }

    private static Verdict structure(String printed, String unit, Kind kind, Operand... operands) {
        return DeclaredFigureChecks.ofStructure(new BigDecimal(printed), unit, new DeclaredStructure(kind, List.of(operands)));
    }

    @Test
    void sum_ofPrintedParts() {
        Operand a = new Operand(Role.PART, "基本支出", "1,509.02");
        Operand b = new Operand(Role.PART, "项目支出", "1,500.25");
        assertThat(structure("3,009.27".replace(",", ""), "万元", Kind.SUM, a, b).classification()).isEqualTo(Classification.EQUAL);
        assertThat(structure("3009.28", "万元", Kind.SUM, a, b).classification()).isEqualTo(Classification.ROUNDING);
        assertThat(structure("3009.29", "万元", Kind.SUM, a, b).classification()).isEqualTo(Classification.DISCREPANCY);
    }

    @Test
    void ratio_andGrowth_ofPrintedOperands() {
        Operand n = new Operand(Role.NUMERATOR, null, "65.85");
        Operand d = new Operand(Role.DENOMINATOR, null, "56.40");
        assertThat(structure("116.76", "%", Kind.RATIO, n, d).classification()).isEqualTo(Classification.EQUAL);
        assertThat(structure("85.65", "%", Kind.RATIO, n, d).classification()).isEqualTo(Classification.INVERTED_RATIO);
        Operand current = new Operand(Role.CURRENT, null, "5,143.02");
        Operand change = new Operand(Role.CHANGE, null, "1,117.25");
        assertThat(structure("27.75", "%", Kind.GROWTH, current, change).classification()).isEqualTo(Classification.EQUAL);
        Verdict growth = structure("27.80", "%", Kind.GROWTH, current, change);
        assertThat(growth.classification()).isEqualTo(Classification.DISCREPANCY);
        assertThat(growth.explanation()).contains("27.75%", "4025.77");
        assertThat(structure("27.8", "%", Kind.GROWTH, current, change).classification()).isEqualTo(Classification.EQUAL);
        Operand previous = new Operand(Role.PREVIOUS, null, "4,025.77");
        assertThat(structure("27.75", "%", Kind.GROWTH, previous, current).classification()).isEqualTo(Classification.EQUAL);
    }

    @Test
    void keys_parseAndRefuseUnknownParts() {
        assertThat(LedgerFigureKey.parse("THREE_PUBLIC[VEHICLE]&BASIC.FULL_YEAR").label())
                .isEqualTo("“三公”经费·公务用车购置及运行维护费·基本支出·全年预算数");
        assertThat(LedgerFigureKey.parse("SOURCE[GENERAL_PUBLIC_BUDGET].FULL_YEAR").kind())
                .isEqualTo(LedgerFigureKey.ValueKind.MONEY);
        assertThatThrownBy(() -> LedgerFigureKey.parse("FOO.FULL_YEAR")).hasMessageContaining("未知的范围");
        assertThatThrownBy(() -> LedgerFigureKey.parse("TOTAL.NOPE")).hasMessageContaining("未知的度量");
        assertThatThrownBy(() -> LedgerFigureKey.parse("SOURCE[NOPE].FULL_YEAR")).hasMessageContaining("无效");
        assertThatThrownBy(() -> LedgerFigureKey.parse("BASIC.VARIANCE_RATE")).hasMessageContaining("FISCAL");
        assertThatThrownBy(() -> LedgerFigureKey.parse("FIXED_ASSETS.FULL_YEAR")).hasMessageContaining("不适用");
        assertThatThrownBy(() -> LedgerFigureKey.parse("SCORE[E].TOTAL")).hasMessageContaining("SCORE");
    }
}
