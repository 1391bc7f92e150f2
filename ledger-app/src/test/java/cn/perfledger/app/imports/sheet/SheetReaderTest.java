package cn.perfledger.app.imports.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class SheetReaderTest {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private static Sheet csv(String text, Charset charset, boolean bom) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (bom) {
            out.writeBytes(BOM);
        }
        out.writeBytes(text.getBytes(charset));
        return SheetReader.read("账务.csv", out.toByteArray(), 100);
    }

    /** A workbook built with POI, as Excel would save it. */
    static byte[] xlsx(Consumer<XSSFWorkbook> fill) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fill.accept(workbook);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void csv_inUtf8_withOrWithoutBom_keepsRowNumbersOfBlankLinesAndQuotedLineBreaks() {
        String text = "金额单位,万元\r\n\r\n记录类型,摘要\r\n支出凭证,\"两行\n摘要\"\r\n支出凭证,\"含,逗号\"\r\n";
        for (boolean bom : List.of(true, false)) {
            Sheet sheet = csv(text, StandardCharsets.UTF_8, bom);
            assertThat(sheet.format()).isEqualTo(SheetFormat.CSV);
            assertThat(sheet.charset()).isEqualTo("UTF-8");
            assertThat(sheet.rows()).extracting(SheetRow::number).containsExactly(1, 2, 3, 4, 5);
            assertThat(sheet.rows().get(0).text(0)).isEqualTo("金额单位"); // no BOM left in A1
            assertThat(sheet.rows().get(1).isBlank()).isTrue();
            assertThat(sheet.rows().get(3).text(1)).isEqualTo("两行\n摘要");
            assertThat(sheet.rows().get(4).text(1)).isEqualTo("含,逗号");
            assertThat(sheet.rows().get(4).cellName(1)).isEqualTo("B5");
        }
    }

    @Test
    void csv_savedByChineseExcel_isReadAsGb18030() {
        Sheet sheet = csv("金额单位,元\r\n记录类型,收款人\r\n支出凭证,广州某科技有限公司\r\n", Charset.forName("GBK"), false);
        assertThat(sheet.charset()).isEqualTo("GB18030");
        assertThat(sheet.rows().get(2).text(1)).isEqualTo("广州某科技有限公司");
    }

    @Test
    void csv_refuses_unbalancedQuotes_binaryContent_andTooManyRows() {
        assertThatThrownBy(() -> csv("a,b\r\n\"open,c\r\n", StandardCharsets.UTF_8, false))
                .isInstanceOf(UnreadableSheetException.class).hasMessageContaining("引号");
        // Excel's "Unicode text": a UTF-16 byte order mark; without one, the zero bytes of ASCII text give it away
        assertThatThrownBy(() -> csv("\uFEFF记录类型\t金额", StandardCharsets.UTF_16LE, false))
                .isInstanceOf(UnreadableSheetException.class).hasMessageContaining("UTF-16");
        assertThatThrownBy(() -> csv("amount,1", StandardCharsets.UTF_16BE, false))
                .isInstanceOf(UnreadableSheetException.class).hasMessageContaining("不是文本");
        assertThatThrownBy(() -> SheetReader.read("a.csv", "1\n2\n3\n".getBytes(StandardCharsets.UTF_8), 2))
                .isInstanceOf(UnreadableSheetException.class).hasMessageContaining("超过 2 行");
    }

    @Test
    void xlsx_readsTheFirstSheet_asExcelHoldsTheCells_notAsTheirFormatShowsThem() {
        byte[] file = xlsx(workbook -> {
            XSSFSheet sheet = workbook.createSheet("导入");
            workbook.createSheet("说明").createRow(0).createCell(0).setCellValue("不读");
            CellStyle noDecimals = workbook.createCellStyle();
            noDecimals.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy年m月d日"));
            Row first = sheet.createRow(0);
            first.createCell(0).setCellValue("金额单位");
            first.createCell(1).setCellValue("元");
            Row values = sheet.createRow(4); // rows 2-4 empty: row numbers are kept
            values.createCell(0).setCellValue(1234.56);
            values.getCell(0).setCellStyle(noDecimals); // shows "1,235"
            values.createCell(1).setCellFormula("0.1+0.2");
            values.createCell(2).setCellValue(LocalDate.of(2021, 3, 15));
            values.getCell(2).setCellStyle(date);
            values.createCell(3).setCellValue(LocalDateTime.of(2021, 3, 15, 10, 30));
            values.getCell(3).setCellStyle(date);
            values.createCell(4).setCellValue("00123"); // text keeps its zeros
            values.createCell(5).setCellValue(2010101);
            values.createCell(7).setCellFormula("1/0");
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
        });
        Sheet sheet = SheetReader.read("导入.xlsx", file, 100);
        assertThat(sheet.format()).isEqualTo(SheetFormat.XLSX);
        assertThat(sheet.name()).isEqualTo("导入");
        assertThat(sheet.rows()).extracting(SheetRow::number).containsExactly(1, 5);
        SheetRow row = sheet.rows().get(1);
        assertThat(row.cells()).containsExactly("1234.56", "0.3", "2021-03-15", "2021-03-15T10:30", "00123", "2010101",
                "", "#DIV/0!");
    }

    @Test
    void excelNumbers_areRoundedToExcelsFifteenDigits() {
        assertThat(SheetReader.excelNumber(1234.56)).isEqualTo("1234.56");
        assertThat(SheetReader.excelNumber(0.1 + 0.2)).isEqualTo("0.3");
        assertThat(SheetReader.excelNumber(999_999_999_999.99)).isEqualTo("999999999999.99");
        assertThat(SheetReader.excelNumber(1.0 / 3)).isEqualTo("0.333333333333333");
        assertThat(SheetReader.excelNumber(12_345_600)).isEqualTo("12345600");
        assertThat(SheetReader.excelNumber(0)).isEqualTo("0");
    }

    @Test
    void theFormat_comesFromTheContent_andAContradictingNameIsRefused() {
        byte[] workbook = xlsx(w -> w.createSheet("a").createRow(0).createCell(0).setCellValue("x"));
        assertThat(SheetReader.read(null, workbook, 10).format()).isEqualTo(SheetFormat.XLSX);
        assertThat(SheetReader.read("upload", "x".getBytes(StandardCharsets.UTF_8), 10).format())
                .isEqualTo(SheetFormat.CSV);
        assertThatThrownBy(() -> SheetReader.read("账务.csv", workbook, 10))
                .isInstanceOf(UnreadableSheetException.class).hasMessageContaining("扩展名是 .csv");
        assertThatThrownBy(() -> SheetReader.read("账务.xlsx", "a,b".getBytes(StandardCharsets.UTF_8), 10))
                .isInstanceOf(UnreadableSheetException.class).hasMessageContaining("不是 xlsx");
        assertThatThrownBy(() -> SheetReader.read("账务.pdf", "a,b".getBytes(StandardCharsets.UTF_8), 10))
                .isInstanceOf(UnreadableSheetException.class).hasMessageContaining("只接受");
    }

    @Test
    void oldExcel_damagedZips_andEmptyFiles_areRefusedWithAReason() {
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        assertThatThrownBy(() -> SheetReader.read("旧.xls", ole2, 10))
                .isInstanceOf(UnreadableSheetException.class).hasMessageContaining(".xls");
        byte[] workbook = xlsx(w -> w.createSheet("a").createRow(0).createCell(0).setCellValue("x"));
        byte[] truncated = java.util.Arrays.copyOf(workbook, workbook.length / 2);
        assertThatThrownBy(() -> SheetReader.read("坏.xlsx", truncated, 10))
                .isInstanceOf(UnreadableSheetException.class).hasMessageContaining("无法读取 xlsx");
        byte[] notAWorkbook = {0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8};
        assertThatThrownBy(() -> SheetReader.read(null, notAWorkbook, 10))
                .isInstanceOf(UnreadableSheetException.class).hasMessageContaining("无法读取 xlsx");
        assertThatThrownBy(() -> SheetReader.read("空.csv", new byte[0], 10))
                .isInstanceOf(UnreadableSheetException.class).hasMessageContaining("空");
    }
}
