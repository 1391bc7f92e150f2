package cn.perfledger.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.cli.output.Column.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void columnsLineUpByDisplayWidth_withChineseText() {
        Table table = new Table(Column.text("编码"), Column.text("项目"), Column.of("金额", Kind.MONEY));
        table.row("L01", "人员经费", "82510674.45");
        table.row("L06", "项目支出（合并）", "301796794.12");
        table.summaryRow("TOTAL", "合计", "384307468.57");

        List<String> lines = TextTable.render(table);

        assertThat(lines).containsExactly(
                "编码   项目                        金额",
                "-----  ----------------  --------------",
                "L01    人员经费           82,510,674.45",
                "L06    项目支出（合并）  301,796,794.12",
                "-----  ----------------  --------------",
                "TOTAL  合计              384,307,468.57");
        // every line ends at the same terminal column
        assertThat(lines).allSatisfy(line -> assertThat(DisplayWidth.of(line)).isEqualTo(5 + 2 + 16 + 2 + 14));
    }

    @Test
    void percentAndScoreColumns_areFormattedForDisplay_csvOnlyColumnsHidden() {
        Table table = new Table(Column.text("项目"), Column.of("执行率", Kind.PERCENT), Column.of("得分", Kind.SCORE),
                Column.text("精确值").csvOnly());
        table.row("预算完成率", "0.998936492168", "1.99", "1.98936492168");

        assertThat(TextTable.render(table).get(2)).isEqualTo("预算完成率  99.89%  1.99");
    }

    @Test
    void longText_isCutToTheColumnsLimit_andLineBreaksFlattened() {
        Table table = new Table(Column.text("说明", 12));
        table.row("非因不可抗力或影响范围广泛的重大政策调整");
        table.row("第一行\n第二行");

        List<String> lines = TextTable.render(table);

        assertThat(lines.get(2)).isEqualTo("非因不可抗…");
        assertThat(lines.get(3)).isEqualTo("第一行 第二…");
    }

    @Test
    void emptyCells_staySilent() {
        Table table = new Table(Column.text("a"), Column.of("b", Kind.MONEY));
        table.row("x", null);
        assertThat(TextTable.render(table).get(2)).isEqualTo("x");
    }
}
