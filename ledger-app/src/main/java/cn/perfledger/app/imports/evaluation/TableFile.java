package cn.perfledger.app.imports.evaluation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads an uploaded 自评表 into the grid of texts the evaluator sees: tab-separated text (UTF-8, with or without BOM,
 * or the UTF-16 of Excel's “Unicode 文本”; quoted cells may hold tabs and line breaks, as Excel writes them) or an
 * .xlsx workbook, one grid per sheet. In a workbook every cell reads as Excel displays it (number formats applied, a
 * formula's last computed value), and a merged region shows its value once, in its top-left cell, whatever the other
 * cells of the region still hold: exactly what a tab-separated copy of the sheet gives.
 */
final class TableFile {

    /** A 自评表 has well under a hundred rows; far more means the wrong file. */
    static final int MAX_ROWS = 5000;
    static final int MAX_COLUMNS = 100;

    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    private TableFile() {
    }

    /** One sheet (or the text file) as rows of cell texts; {@code rows.get(0)} is row 1. */
    record Grid(String format, String sheet, List<List<String>> rows) {

        /** The text of a cell (0-based), empty when the row is shorter. */
        String cell(int row, int column) {
            List<String> cells = rows.get(row);
            return column < cells.size() ? cells.get(column) : "";
        }
    }

    /** Every sheet of the file, in order (a text file is one sheet); refuses what it cannot read, saying why. */
    static List<Grid> read(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw rejected("文件为空");
        }
        if (startsWith(bytes, ZIP)) {
            return workbook(bytes);
        }
        if (startsWith(bytes, OLE2)) {
            throw rejected("这是 Excel 97-2003 工作簿（.xls）或加密的工作簿，无法读取：请在 Excel 中另存为 .xlsx（不加密），"
                    + "或另存为“文本文件（制表符分隔）”并使用 UTF-8 编码");
        }
        return List.of(new Grid("tsv", null, tabSeparated(decode(bytes))));
    }

    private static List<Grid> workbook(byte[] bytes) {
        List<Grid> grids = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            DataFormatter formatter = new DataFormatter(Locale.CHINA);
            // what Excel shows: the value a formula had when the file was saved, never the formula text
            formatter.setUseCachedValuesForFormulaCells(true);
            for (Sheet sheet : workbook) {
                grids.add(new Grid("xlsx", sheet.getSheetName(), sheetRows(sheet, formatter)));
            }
        } catch (TableRejectedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw rejected("无法读取 .xlsx 文件（文件损坏或不是 Excel 工作簿）: " + e.getMessage());
        }
        return grids;
    }

    private static List<List<String>> sheetRows(Sheet sheet, DataFormatter formatter) {
        int last = sheet.getLastRowNum();
        if (last + 1 > MAX_ROWS) {
            throw rejected("工作表「" + sheet.getSheetName() + "」有 " + (last + 1) + " 行，超过 " + MAX_ROWS + " 行：请只保留自评表");
        }
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r <= last; r++) {
            rows.add(new ArrayList<>());
        }
        for (Row row : sheet) {
            List<String> cells = rows.get(row.getRowNum());
            for (Cell cell : row) {
                int column = cell.getColumnIndex();
                if (column >= MAX_COLUMNS) {
                    continue; // far right of any 自评表: stray content, never a column of the table
                }
                while (cells.size() <= column) {
                    cells.add("");
                }
                cells.set(column, formatter.formatCellValue(cell));
            }
        }
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            for (int r = region.getFirstRow(); r <= Math.min(region.getLastRow(), last); r++) {
                List<String> cells = rows.get(r);
                for (int c = region.getFirstColumn(); c <= region.getLastColumn() && c < cells.size(); c++) {
                    if (r != region.getFirstRow() || c != region.getFirstColumn()) {
                        cells.set(c, ""); // Excel shows only the top-left value of a merged region
                    }
                }
            }
        }
        return rows;
    }

    /** UTF-8 (BOM optional) or UTF-16 with its BOM; anything else is refused rather than guessed. */
    private static String decode(byte[] bytes) {
        if (startsWith(bytes, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF})) {
            return strict(StandardCharsets.UTF_8, bytes, 3);
        }
        if (startsWith(bytes, new byte[] {(byte) 0xFF, (byte) 0xFE})) {
            return strict(StandardCharsets.UTF_16LE, bytes, 2);
        }
        if (startsWith(bytes, new byte[] {(byte) 0xFE, (byte) 0xFF})) {
            return strict(StandardCharsets.UTF_16BE, bytes, 2);
        }
        String text = strict(StandardCharsets.UTF_8, bytes, 0);
        if (text.indexOf('\0') >= 0) {
            throw rejected("文件不是文本（含二进制内容）：请上传 .xlsx，或制表符分隔的 UTF-8 文本");
        }
        return text;
    }

    private static String strict(Charset charset, byte[] bytes, int offset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
        } catch (CharacterCodingException e) {
            throw rejected("文件不是 " + charset.name() + " 编码的文本（Excel 的“文本文件（制表符分隔）”在中文 Windows 上是 GBK 编码）："
                    + "请另存为 .xlsx，或“Unicode 文本”，或用 UTF-8 编码保存");
        }
    }

    /**
     * Tab-separated records as Excel writes them: a cell that starts with a double quote is quoted (it may hold tabs
     * and line breaks; a doubled quote is one quote). A record is a row, however many lines its cells span.
     */
    private static List<List<String>> tabSeparated(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean cellStart = true;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < length && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
                continue;
            }
            if (c == '"' && cellStart) {
                quoted = true;
                cellStart = false;
            } else if (c == '\t') {
                cells.add(cell.toString());
                cell.setLength(0);
                cellStart = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                rows.add(cells);
                requireRowLimit(rows.size());
                cells = new ArrayList<>();
                cell.setLength(0);
                cellStart = true;
            } else {
                cell.append(c);
                cellStart = false;
            }
        }
        if (quoted) {
            throw rejected("第 " + (rows.size() + 1) + " 行有未闭合的引号（以 \" 开头的单元格须以 \" 结束）");
        }
        if (cell.length() > 0 || !cells.isEmpty()) {
            cells.add(cell.toString());
            rows.add(cells);
        }
        requireRowLimit(rows.size());
        return rows;
    }

    private static void requireRowLimit(int rows) {
        if (rows > MAX_ROWS) {
            throw rejected("文件超过 " + MAX_ROWS + " 行：请只保留自评表");
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static TableRejectedException rejected(String rule) {
        return new TableRejectedException(List.of(CellError.file(rule)));
    }
}
