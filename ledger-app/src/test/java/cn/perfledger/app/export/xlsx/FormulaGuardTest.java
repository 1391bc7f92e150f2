package cn.perfledger.app.export.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which texts the workbook writes with Excel's quote prefix. */
class FormulaGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://x\",\"y\")", "=1+1", "+cmd|' /C calc'!A0", "-3.5%", "-2+3",
            "@SUM(A1)", "\tx", "\rx", "＝1+1", "＋1", "－1", "＠SUM(A1)"})
    void formulaStartsAreGuarded(String text) {
        assertThat(FormulaGuard.formulaLike(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "预算完成率", "99.89%", " =1+1", "'=1+1", "评分依据：=1", "1-2", "（=1）"})
    void otherTextsAreWrittenPlainly(String text) {
        assertThat(FormulaGuard.formulaLike(text)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void nullIsNotAFormula() {
        assertThat(FormulaGuard.formulaLike(null)).isFalse();
    }
}
