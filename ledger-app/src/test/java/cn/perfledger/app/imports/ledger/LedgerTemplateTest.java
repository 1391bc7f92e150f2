package cn.perfledger.app.imports.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.app.imports.sheet.CellError;
import cn.perfledger.app.imports.sheet.Sheet;
import cn.perfledger.app.imports.sheet.SheetReader;
import cn.perfledger.app.imports.sheet.SheetRow;
import cn.perfledger.domain.common.AmountUnit;
import cn.perfledger.domain.budget.BudgetCommand.OpenBudgetLine;
import cn.perfledger.domain.budget.BudgetCommand.RecordExpenditure;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.domain.common.Money;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The shipped templates: what {@link LedgerTemplateWriter} writes, the same in the application and in docs/, refused
 * as they are (the unit must be chosen, the examples are commented out) and read cleanly once filled in. To rewrite
 * them after changing the writer: {@code ./mvnw -pl ledger-app -am test -Dtest=LedgerTemplateTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dledger.templates.write=true}.
 */
class LedgerTemplateTest {

    private static final Path RESOURCES = Path.of("src/main/resources/import-templates");
    private static final Path DOCS = Path.of("../docs/templates");
    private static final FiscalYearId YEAR = FiscalYearId.of("T-TEMPLATE", 2021);

    @Test
    @EnabledIfSystemProperty(named = "ledger.templates.write", matches = "true")
    void writeTemplates() throws IOException {
        byte[] csv = LedgerTemplateWriter.csv();
        byte[] xlsx = LedgerTemplateWriter.xlsx();
        for (Path dir : List.of(RESOURCES, DOCS)) {
            Files.createDirectories(dir);
            Files.write(dir.resolve("ledger.csv"), csv);
            Files.write(dir.resolve("ledger.xlsx"), xlsx);
        }
    }

    @Test
    void shippedCsv_isWhatTheWriterWrites_andDocsHoldTheSameFiles() throws IOException {
        assertThat(Files.readAllBytes(RESOURCES.resolve("ledger.csv"))).isEqualTo(LedgerTemplateWriter.csv());
        assertThat(Files.readAllBytes(DOCS.resolve("ledger.csv")))
                .isEqualTo(Files.readAllBytes(RESOURCES.resolve("ledger.csv")));
        assertThat(Files.readAllBytes(DOCS.resolve("ledger.xlsx")))
                .isEqualTo(Files.readAllBytes(RESOURCES.resolve("ledger.xlsx")));
    }

    @Test
    void shippedXlsx_holdsWhatTheWriterWrites() throws IOException {
        // an xlsx records when it was written, so compare what it holds, not its bytes
        Sheet shipped = SheetReader.read("ledger.xlsx", Files.readAllBytes(RESOURCES.resolve("ledger.xlsx")), 100);
        Sheet written = SheetReader.read("ledger.xlsx", LedgerTemplateWriter.xlsx(), 100);
        assertThat(shipped.name()).isEqualTo("账务导入");
        assertThat(shipped.rows()).isEqualTo(written.rows());
        assertThat(shipped.rows().get(LedgerTemplateWriter.NOTES.size() + 1).cells())
                .isEqualTo(LedgerTemplateWriter.header());
    }

    @Test
    void templatesAsShipped_areRefused_forTheUnitLeftToChoose_andNoDataRows() throws IOException {
        for (String name : List.of("ledger.csv", "ledger.xlsx")) {
            ParsedLedgerFile parsed = LedgerFileParser.parse(
                    SheetReader.read(name, Files.readAllBytes(RESOURCES.resolve(name)), 100), YEAR);
            assertThat(parsed.errors()).extracting(CellError::cell, CellError::field)
                    .as(name).containsExactly(org.assertj.core.groups.Tuple.tuple("B1", "unit"),
                            org.assertj.core.groups.Tuple.tuple("A11", "recordType"));
            assertThat(parsed.errors().get(0).rule()).contains("金额单位未填写");
            assertThat(parsed.errors().get(1).rule()).contains("没有数据行");
        }
    }

    @Test
    void templatesFilledIn_withTheUnitAndTheExamples_readCleanly() throws IOException {
        for (String name : List.of("ledger.csv", "ledger.xlsx")) {
            Sheet shipped = SheetReader.read(name, Files.readAllBytes(RESOURCES.resolve(name)), 100);
            ParsedLedgerFile parsed = LedgerFileParser.parse(filledIn(shipped), YEAR);
            assertThat(parsed.errors()).as(name).isEmpty();
            assertThat(parsed.unit()).isEqualTo(AmountUnit.WAN_YUAN);
            assertThat(parsed.rows()).hasSize(LedgerTemplateWriter.EXAMPLES.size());
            assertThat(parsed.rows().get(0).rowNumber()).isEqualTo(11);
            assertThat(((OpenBudgetLine) parsed.rows().get(1).command()).effectiveDate()).isEqualTo(YEAR.year().firstDay());
            RecordExpenditure last = (RecordExpenditure) parsed.rows().get(8).command();
            assertThat(last.entry().amount()).isEqualTo(Money.of("3001234.56"));
        }
    }

    /** The template with 万元 chosen and the examples' # removed, as a clerk would fill it in. */
    static Sheet filledIn(Sheet template) {
        List<SheetRow> rows = template.rows().stream().map(row -> {
            List<String> cells = new java.util.ArrayList<>(row.cells());
            if (row.number() == 1) {
                cells.set(1, "万元");
            } else if (row.number() > LedgerTemplateWriter.NOTES.size() + 2 && cells.get(0).startsWith("#")) {
                cells.set(0, cells.get(0).substring(1));
            }
            return new SheetRow(row.number(), cells);
        }).toList();
        return new Sheet(template.format(), template.name(), template.charset(), rows);
    }
}
