package cn.perfledger.app.export.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which texts the workbook writes with Excel's quote prefix. */
class FormulaGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://x\",\"y\")", "=1+1", "+cmd|' /C calc'!A0", "-3.5%", "-2+3",
            "@SUM(A1)", "\tx", "\rx", "＝1+1", "＋1", "－1", "＠SUM(A1)", " =1+1", "   =HYPERLINK(\"http://x\")",
            "\u00A0=1+1", "\u3000＝1+1", "\u200B=1+1", "\uFEFF@SUM(A1)", "\u202E=1+1", "\n=1+1", " \u200B -cmd"})
    void formulaStartsAreGuarded(String text) {
        assertThat(FormulaGuard.formulaLike(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "预算完成率", "99.89%", "'=1+1", "评分依据：=1", "1-2", "（=1）", "   ", " 摘要 =1"})
    void otherTextsAreWrittenPlainly(String text) {
        assertThat(FormulaGuard.formulaLike(text)).isFalse();
    }

    /** The API refuses what is formula-like, except a signed figure; a leading tab or CR is refused even then. */
    @ParameterizedTest
    @ValueSource(strings = {" =HYPERLINK(\"http://x\")", "\u200B=1+1", "－cmd", "+HYPERLINK(\"x\")", "\t-3.5%",
            "-2+3+cmd|' /C calc'!A0"})
    void theApiRefusesFormulas_hiddenBehindWhiteSpaceOrNot(String text) {
        assertThat(FormulaGuard.refusedAtInput(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-3.5%", "+12", " -3.5%", "－1.5", "预算完成率", "1-2"})
    void theApiKeepsSignedFiguresAndPlainTexts(String text) {
        assertThat(FormulaGuard.refusedAtInput(text)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void nullIsNotAFormula() {
        assertThat(FormulaGuard.formulaLike(null)).isFalse();
    }
}
