package cn.perfledger.app.imports.ledger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the ledger import templates shipped in {@code ledger-app/src/main/resources/import-templates/} and
 * {@code docs/templates/}: one sheet whose row 1 declares the unit (left blank: the clerk must choose), note rows,
 * the header row (the columns of {@link LedgerColumn}) and one commented-out example of every 记录类型. The xlsx adds
 * header notes, drop-downs for the unit and the 记录类型, text format for code columns and a second sheet 填写说明.
 * {@link LedgerTemplateTest} checks that the shipped files are what this writes and rewrites them on request.
 */
final class LedgerTemplateWriter {

    static final int UNIT_ROW = 0;
    static final List<String> NOTES = List.of(
            "# 填写说明：每行一条记录，按从上到下的顺序导入：先写“预算科目”，再写年初预算、调整与支出凭证。A 列以 # 开头的行不导入。",
            "# 全部成功才写入：任何一行有错，整个文件都不写入，错误按行号、列名逐项列出；同一文件再次导入不会重复记账。",
            "# 第 1 行的金额单位必填（元 或 万元），全文件金额都按此单位：元最多 2 位小数，万元最多 6 位小数。金额填正数（只有冲销的支出凭证可填红字负数）。",
            "# 日期写作 2021-03-15（或设为 Excel 日期格式），须在导入的年度内；预算科目的业务日期可空（默认 1 月 1 日）。",
            "# 预算科目：预算行编号、单位编码、资金来源、支出类型、功能分类科目、经济分类科目必填；项目支出另填项目编码、项目名称。",
            "# 年初预算：预算行编号、业务日期、金额、文号。追加、追减：另填调整原因。调剂：从“预算行编号”调出，调入“调入预算行编号”。",
            "# 支出凭证：凭证号（年度内不重复）、预算行编号、业务日期、金额；收款人、摘要可填。冲销：新凭证号、原凭证号、业务日期、金额、摘要（冲销原因）；"
                    + "支出凭证金额填红字负数也表示冲销原凭证号所填的凭证，填原凭证号的正数支出凭证为更正凭证。各列说明见表头批注、“填写说明”工作表与 docs/IMPORT.md。",
            "# 以下以 # 开头的行是示例（金额单位为万元），去掉 # 即可导入；请删除示例，填写自己的数据。");

    /** The examples, each as a full row of the header's columns (the 记录类型 commented out with #). */
    static final List<List<String>> EXAMPLES = List.of(
            example("预算科目", "L-0001", "2021-01-01", "", "", "", "", "", "", "", "BJ", "一般公共预算", "公用经费", "", "",
                    "2010101", "30201"),
            example("预算科目", "L-0002", "", "", "", "", "", "", "", "", "BJ", "一般公共预算", "项目支出", "P-001",
                    "政务云运维", "2010150", "30227"),
            example("年初预算", "L-0001", "2021-01-15", "100", "穗财预〔2021〕1号"),
            example("年初预算", "L-0002", "2021-01-15", "500", "穗财预〔2021〕1号"),
            example("追加", "L-0002", "2021-06-30", "50.5", "穗财预〔2021〕88号", "业务量增加"),
            example("追减", "L-0001", "2021-09-30", "10", "穗财预〔2021〕120号", "压减一般性支出"),
            example("调剂", "L-0002", "2021-10-15", "20", "穗财预〔2021〕150号", "项目间调剂", "", "", "", "L-0001"),
            example("支出凭证", "L-0001", "2021-03-01", "1.2345", "", "", "记-0001", "广州某科技有限公司", "办公用品"),
            example("支出凭证", "L-0002", "2021-07-20", "300.123456", "", "", "记-0002", "广州某信息技术有限公司",
                    "政务云运维服务费"),
            example("冲销", "", "2021-07-25", "0.5", "", "", "记-0003", "", "多付服务费退回", "", "", "", "", "", "",
                    "", "", "", "记-0002"));

    /** Columns whose values are codes: text format, so that Excel keeps leading zeros and long digit strings. */
    private static final Set<LedgerColumn> CODES = Set.of(LedgerColumn.LINE_ID, LedgerColumn.DOCUMENT_NO,
            LedgerColumn.VOUCHER_NO, LedgerColumn.ORIGINAL_VOUCHER_NO, LedgerColumn.TARGET_LINE_ID, LedgerColumn.UNIT,
            LedgerColumn.PROJECT_CODE,
            LedgerColumn.FUNCTIONAL_CODE, LedgerColumn.ECONOMIC_CODE);

    private LedgerTemplateWriter() {
    }

    private static List<String> example(String... cells) {
        List<String> row = new ArrayList<>(List.of(cells));
        row.set(0, "#" + row.get(0));
        while (row.size() < LedgerColumn.values().length) {
            row.add("");
        }
        return List.copyOf(row);
    }

    static List<String> header() {
        return java.util.Arrays.stream(LedgerColumn.values()).map(LedgerColumn::header).toList();
    }

    /** The first sheet's rows as texts: unit row, notes, header, examples. */
    static List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("金额单位", "", "← 必填：元 或 万元（全文件金额都按此单位）"));
        NOTES.forEach(note -> rows.add(List.of(note)));
        rows.add(header());
        rows.addAll(EXAMPLES);
        return rows;
    }

    /** UTF-8 with a byte order mark (so that Excel opens it as UTF-8), CRLF line ends. */
    static byte[] csv() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
            for (List<String> row : rows()) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] xlsx() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            writeImportSheet(workbook);
            writeGuideSheet(workbook);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeImportSheet(XSSFWorkbook workbook) {
        Sheet sheet = workbook.createSheet("账务导入");
        CreationHelper helper = workbook.getCreationHelper();
        CellStyle text = workbook.createCellStyle();
        text.setDataFormat(helper.createDataFormat().getFormat("@"));
        CellStyle date = workbook.createCellStyle();
        date.setDataFormat(helper.createDataFormat().getFormat("yyyy-mm-dd"));
        CellStyle note = workbook.createCellStyle();
        Font grey = workbook.createFont();
        grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
        note.setFont(grey);
        CellStyle heading = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        heading.setFont(bold);
        heading.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        heading.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        heading.setBorderBottom(BorderStyle.THIN);
        CellStyle unitCell = workbook.createCellStyle();
        unitCell.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
        unitCell.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        unitCell.setBorderBottom(BorderStyle.THIN);
        unitCell.setBorderTop(BorderStyle.THIN);
        unitCell.setBorderLeft(BorderStyle.THIN);
        unitCell.setBorderRight(BorderStyle.THIN);

        List<List<String>> rows = rows();
        int headerIndex = 1 + NOTES.size();
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r);
            List<String> values = rows.get(r);
            for (int c = 0; c < values.size(); c++) {
                if (values.get(c).isEmpty() && !(r == UNIT_ROW && c == 1)) {
                    continue;
                }
                Cell cell = row.createCell(c);
                String value = values.get(c);
                LedgerColumn column = c < LedgerColumn.values().length ? LedgerColumn.values()[c] : null;
                if (r > headerIndex && column == LedgerColumn.AMOUNT) {
                    cell.setCellValue(Double.parseDouble(value));
                } else if (r > headerIndex && column == LedgerColumn.EFFECTIVE_DATE) {
                    cell.setCellValue(LocalDate.parse(value));
                    cell.setCellStyle(date);
                } else {
                    cell.setCellValue(value);
                    if (r > headerIndex && CODES.contains(column)) {
                        cell.setCellStyle(text);
                    }
                }
                if (r == UNIT_ROW && c == 1) {
                    cell.setCellStyle(unitCell);
                } else if (r == UNIT_ROW && c == 0 || r == headerIndex) {
                    cell.setCellStyle(heading);
                } else if (r > UNIT_ROW && r < headerIndex || r == UNIT_ROW) {
                    cell.setCellStyle(note);
                }
            }
        }
        // header notes: what each column takes
        Drawing<?> drawing = sheet.createDrawingPatriarch();
        Row header = sheet.getRow(headerIndex);
        for (LedgerColumn column : LedgerColumn.values()) {
            ClientAnchor anchor = helper.createClientAnchor();
            anchor.setCol1(column.ordinal());
            anchor.setCol2(column.ordinal() + 4);
            anchor.setRow1(headerIndex);
            anchor.setRow2(headerIndex + 5);
            Comment comment = drawing.createCellComment(anchor);
            comment.setString(helper.createRichTextString(column.header() + "：" + column.description()));
            comment.setAuthor("绩效账本");
            header.getCell(column.ordinal()).setCellComment(comment);
        }
        // code columns of the data rows as text, amounts and dates as typed
        int lastRow = headerIndex + 20_000;
        for (LedgerColumn column : CODES) {
            sheet.setDefaultColumnStyle(column.ordinal(), text);
        }
        DataValidationHelper validation = sheet.getDataValidationHelper();
        DataValidation unit = validation.createValidation(
                validation.createExplicitListConstraint(new String[] {"元", "万元"}),
                new CellRangeAddressList(UNIT_ROW, UNIT_ROW, 1, 1));
        unit.setShowErrorBox(true);
        unit.createErrorBox("金额单位", "请选择 元 或 万元");
        sheet.addValidationData(unit);
        List<String> types = new ArrayList<>();
        for (RecordType type : RecordType.values()) {
            types.add(type.label());
        }
        DataValidation recordType = validation.createValidation(
                validation.createExplicitListConstraint(types.toArray(String[]::new)),
                new CellRangeAddressList(headerIndex + 1, lastRow, 0, 0));
        // '#' rows (notes, examples) must stay possible: offer the list without refusing other input
        recordType.setShowErrorBox(false);
        sheet.addValidationData(recordType);
        sheet.setColumnWidth(0, 12 * 256);
        for (int c = 1; c < LedgerColumn.values().length; c++) {
            sheet.setColumnWidth(c, 16 * 256);
        }
        sheet.createFreezePane(0, headerIndex + 1);
    }

    private static void writeGuideSheet(XSSFWorkbook workbook) {
        Sheet guide = workbook.createSheet("填写说明");
        CellStyle heading = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        heading.setFont(bold);
        int r = 0;
        Row title = guide.createRow(r++);
        title.createCell(0).setCellValue("列");
        title.createCell(1).setCellValue("列名");
        title.createCell(2).setCellValue("说明");
        title.forEach(cell -> cell.setCellStyle(heading));
        for (LedgerColumn column : LedgerColumn.values()) {
            Row row = guide.createRow(r++);
            row.createCell(0).setCellValue(org.apache.poi.ss.util.CellReference.convertNumToColString(column.ordinal()));
            row.createCell(1).setCellValue(column.header());
            row.createCell(2).setCellValue(column.description());
        }
        r++;
        Row types = guide.createRow(r++);
        types.createCell(0).setCellValue("记录类型");
        types.createCell(1).setCellValue("写入");
        types.createCell(2).setCellValue("必填列");
        types.forEach(cell -> cell.setCellStyle(heading));
        String[] meaning = {"开设预算行", "年初预算批复", "预算追加", "预算调减（也可写“调减”）", "预算调剂（调出行 → 调入行）",
                "支出凭证（填原凭证号为更正凭证；金额为红字负数时为冲销）", "红字冲销原凭证号所填的凭证（也可写“红字冲销”）"};
        for (RecordType type : RecordType.values()) {
            Row row = guide.createRow(r++);
            row.createCell(0).setCellValue(type.label());
            row.createCell(1).setCellValue(meaning[type.ordinal()]);
            row.createCell(2).setCellValue(String.join("、", type.required().stream().map(LedgerColumn::header).toList()));
        }
        r++;
        for (String note : NOTES) {
            guide.createRow(r++).createCell(0).setCellValue(note.substring(2));
        }
        guide.setColumnWidth(0, 12 * 256);
        guide.setColumnWidth(1, 28 * 256);
        guide.setColumnWidth(2, 90 * 256);
    }
}
