package cn.perfledger.app.imports.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.perfledger.app.imports.evaluation.TableFile.Grid;
import cn.perfledger.app.imports.evaluation.TableLayout.ItemLine;
import cn.perfledger.app.imports.evaluation.TableLayout.Role;
import cn.perfledger.app.imports.evaluation.TableLayout.Table;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading a 自评表 file and finding its rows, without the ledger: encodings, quoting, headers, merged cells. */
class EvaluationTableParsingTest {

    private static final String HEADER = "一级指标\t分值\t二级指标\t分值\t三级指标\t分值\t年度指标值\t实际完成指标值\t得分/自评分\t评分依据、未达标原因、改进措施";

    private static Table parse(String text) {
        return TableLayout.parse(TableFile.read(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theFixture_holdsExactlyTheSeedsTexts_onlyRealignedOntoItsHeaders() throws IOException {
        // the seed's PDF extraction shifted cells left where merged cells were lost; the fixture puts each text back
        // under its header and adds, drops or changes none
        Map<String, Integer> extracted = texts(EvaluationTableImportTest.resource(EvaluationTableImportTest.AS_EXTRACTED));
        Map<String, Integer> fixture = texts(EvaluationTableImportTest.fixture());
        assertThat(fixture).isEqualTo(extracted);
        assertThat(fixture).containsKeys("94.65", "2.66", "二、2、≥95%", "94.07%", "管理效能", "履职效能");
    }

    private static Map<String, Integer> texts(byte[] file) {
        Map<String, Integer> counts = new HashMap<>();
        for (Grid grid : TableFile.read(file)) {
            grid.rows().forEach(row -> row.stream().filter(c -> !c.isEmpty()).forEach(c -> counts.merge(c, 1, Integer::sum)));
        }
        return counts;
    }

    @Test
    void theFixture_readsAsTwoSections_endingAtItsTotalRow() throws IOException {
        Table table = TableLayout.parse(TableFile.read(EvaluationTableImportTest.fixture()));
        assertThat(table.errors()).isEmpty();
        assertThat(table.items()).hasSize(39);
        ItemLine first = table.items().get(0);
        assertThat(first.row()).isEqualTo(18);
        assertThat(first.value(Role.ITEM).text()).isEqualTo("部门预算及财务管理制度健全性");
        assertThat(first.header().has(Role.DESCRIPTION)).isTrue();
        ItemLine connection = table.items().stream().filter(line -> line.row() == 59).findFirst().orElseThrow();
        // 一级/二级 merged over the 履职效能 rows: carried down from row 42
        assertThat(connection.level1()).isEqualTo("履职效能");
        assertThat(connection.level2()).startsWith("一、开展工程建设项目");
        assertThat(connection.value(Role.TARGET).text()).isEqualTo("二、2、≥95%");
        assertThat(connection.value(Role.ACTUAL).text()).isEqualTo("94.07%");
        assertThat(connection.value(Role.SCORE).text()).isEqualTo("2.66");
        assertThat(TableLayout.column(connection.value(Role.SCORE).column())).isEqualTo("I");
        assertThat(table.total().row()).isEqualTo(70);
        assertThat(table.total().value(Role.SCORE).text()).isEqualTo("94.65");
    }

    @Test
    void textFiles_areUtf8OrUnicode_quotedCellsHoldTabsAndLineBreaks() {
        String text = HEADER + "\r\n\t\t\t\t指标甲\t1.00\t≥1个\t\"2个\"\t1\t\"第一行\n第二行，含\t制表符和\"\"引号\"\"\"\r\n";
        List<List<String>> expected = List.of(
                List.of(HEADER.split("\t")),
                List.of("", "", "", "", "指标甲", "1.00", "≥1个", "2个", "1", "第一行\n第二行，含\t制表符和\"引号\""));
        assertThat(TableFile.read(text.getBytes(StandardCharsets.UTF_8)).get(0).rows()).isEqualTo(expected);
        byte[] bom = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
        assertThat(TableFile.read(bom).get(0).rows()).isEqualTo(expected);
        byte[] utf16 = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE);
        assertThat(TableFile.read(utf16).get(0).rows()).isEqualTo(expected);
        assertThatThrownBy(() -> TableFile.read((HEADER + "\n\"未闭合").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(TableRejectedException.class)
                .satisfies(e -> assertThat(((TableRejectedException) e).errors().get(0).rule()).contains("第 2 行", "引号"));
    }

    @Test
    void aHeaderOwnsTheBlankHeaderCellsToItsRight_butOneItemTakesOneCell() {
        Table table = parse(HEADER + "\t\t\n"
                + "履职效能\t50\t任务一\t50\t指标甲\t1.00\t≥1个\t2个\t1\t\t依据在合并表头下的第二列\n"
                + "\t\t\t\t指标乙\t1.00\t≥1个\t2个\t1\t依据一\t依据二\n");
        assertThat(table.items().get(0).value(Role.BASIS).text()).isEqualTo("依据在合并表头下的第二列");
        assertThat(table.errors()).singleElement().satisfies(error -> {
            assertThat(error.row()).isEqualTo(3);
            assertThat(error.column()).isEqualTo("K");
            assertThat(error.rule()).contains("多个非空单元格", "J", "K");
        });
    }

    @Test
    void rowsAboveTheHeaderAndBelowTheTotal_areNotPartOfTheTable() {
        Table table = parse("部门整体支出绩效自评表\n单位名称\t某局\n" + HEADER + "\n"
                + "履职效能\t50\t任务一\t50\t指标甲\t1.00\t≥1个\t2个\t1\t完成\n"
                + "总分\t100\t\t\t\t\t\t自评得分\t1\t\n注：以下为说明\n\t\t\t\t不是指标\n");
        assertThat(table.errors()).isEmpty();
        assertThat(table.items()).extracting(ItemLine::row).containsExactly(4);
        assertThat(table.total().row()).isEqualTo(5);
    }

    @Test
    void aRowWithContentButNoItem_isNamed() {
        Table table = parse(HEADER + "\n\t\t\t\t\t1.00\t≥1个\t2个\t1\t完成\n");
        assertThat(table.errors()).singleElement().satisfies(error -> {
            assertThat(error.row()).isEqualTo(2);
            assertThat(error.column()).isEqualTo("E");
            assertThat(error.field()).isEqualTo("三级指标");
        });
    }

    @Test
    void aHeaderWithoutItsRequiredColumns_isNamed() {
        Table table = parse("一级指标\t分值\t三级指标\t分值\t得分\n指标甲\t1\t1\n");
        assertThat(table.errors()).extracting(CellError::rule).singleElement().asString().startsWith("表头缺少“评分依据”列");
        assertThatThrownBy(() -> parse("单位名称\t某局\n"))
                .isInstanceOf(TableRejectedException.class)
                .satisfies(e -> assertThat(((TableRejectedException) e).errors().get(0).rule()).contains("表头"));
    }

    @Test
    void namesCompareByTheirWords_columnsAreExcelLetters() {
        assertThat(TableLayout.normalise(" “三公经费”控制率（\u00A0元）")).isEqualTo(TableLayout.normalise("\"三公经费\"控制率(元)"));
        assertThat(TableLayout.clean("\u3000 依据 \u00A0")).isEqualTo("依据");
        assertThat(List.of(0, 6, 25, 26, 27, 51, 52)).extracting(TableLayout::column)
                .containsExactly("A", "G", "Z", "AA", "AB", "AZ", "BA");
    }

    @Test
    void fileNames_loseTheirPathAndFormulaCharacters_digestsAreSha256() {
        assertThat(EvaluationTableImport.fileName("C:\\Users\\评价\\2021自评表.xlsx")).isEqualTo("2021自评表.xlsx");
        assertThat(EvaluationTableImport.fileName("=HYPERLINK(\"x\").xlsx")).isEqualTo("HYPERLINK(\"x\").xlsx");
        assertThat(EvaluationTableImport.fileName("@-+ 自评表.tsv")).isEqualTo("自评表.tsv");
        assertThat(EvaluationTableImport.fileName(" ")).isEqualTo("自评表");
        assertThat(EvaluationTableImport.sha256("abc".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
