package cn.perfledger.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.cli.output.Column.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CsvTest {

    @Test
    void rfc4180_crlfLines_quotesOnlyWhenNeeded_quotesDoubled() {
        Table table = new Table(Column.text("项目"), Column.of("金额", Kind.MONEY), Column.text("说明"));
        table.row("人员经费", "82510674.45", "含\"绩效\"工资, 年终奖");
        table.row("两行", "0.00", "第一行\n第二行");

        assertThat(Csv.render(table)).isEqualTo("项目,金额,说明\r\n"
                + "人员经费,82510674.45,\"含\"\"绩效\"\"工资, 年终奖\"\r\n"
                + "两行,0.00,\"第一行\n第二行\"\r\n");
    }

    @Test
    void keepsExactServerValues_andTextOnlyColumnsOut() {
        Table table = new Table(Column.text("名称").textOnly(), Column.text("编码"), Column.of("执行率", Kind.PERCENT));
        table.row("  缩进的名称", "L01", "0.998936492168");
        table.summaryRow(null, "TOTAL", "1");

        assertThat(Csv.render(table)).isEqualTo("编码,执行率\r\nL01,0.998936492168\r\nTOTAL,1\r\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "=HYPERLINK(\"http://x\")|'=HYPERLINK(\"http://x\")",
        "+1+2|'+1+2",
        "-1+2|'-1+2",
        "-cmd|'-cmd",
        "@SUM(A1)|'@SUM(A1)",
        "~ =HYPERLINK(\"http://x\")~|~' =HYPERLINK(\"http://x\")~",
        "\u3000＝1+1|'\u3000＝1+1",
        "\u200B@SUM(A1)|'\u200B@SUM(A1)",
        "普通文字|普通文字",
        "a=b|a=b"})
    void formulaLikeCells_areNeutralised(String raw, String expected) {
        assertThat(Csv.neutralise(raw)).isEqualTo(expected);
    }

    @Test
    void tabAndCarriageReturnLeads_areNeutralised_andTheCellQuoted() {
        assertThat(Csv.cell("\t=1+1")).isEqualTo("'\t=1+1");
        assertThat(Csv.cell("\r=1+1")).isEqualTo("\"'\r=1+1\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-549842.50", "-1", "0.3", "94.35", "392951003.55"})
    void plainNumbers_includingNegativeAmounts_stayNumbers(String number) {
        assertThat(Csv.cell(number)).isEqualTo(number);
    }

    @Test
    void nullAndEmpty_areEmptyCells() {
        assertThat(Csv.cell(null)).isEmpty();
        assertThat(Csv.cell("")).isEmpty();
    }
}
