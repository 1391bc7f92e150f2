package cn.perfledger.app.export.xlsx;

import cn.perfledger.domain.common.Money;
import cn.perfledger.projections.ledger.Rates;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * Writes the cells of one sheet. The only ways into a cell are a text, an amount, a number, a rate and a date:
 * there is no formula method, so the workbook cannot contain a formula cell, and every text goes through
 * {@link FormulaGuard}. Tracks the widest content of each column for {@link #fitColumns}.
 */
final class SheetWriter {

    /** Excel refuses longer cell texts; the ledger's texts are far shorter (the API allows 1,000 characters). */
    static final int MAX_CELL_TEXT = 32_767;
    private static final String CUT = "…（超出单元格长度，已截断）";

    final XSSFSheet sheet;
    final Styles styles;
    private final int[] widths;

    SheetWriter(XSSFSheet sheet, Styles styles, int columns) {
        this.sheet = sheet;
        this.styles = styles;
        this.widths = new int[columns];
    }

    Row row(int index) {
        Row row = sheet.getRow(index);
        return row == null ? sheet.createRow(index) : row;
    }

    private Cell cell(int row, int column, CellStyle style) {
        Cell cell = row(row).getCell(column);
        if (cell == null) {
            cell = row(row).createCell(column);
        }
        cell.setCellStyle(style);
        return cell;
    }

    /** A text cell, quote-prefixed when it looks like a formula; null writes an empty cell with the style. */
    Cell text(int row, int column, String value, CellStyle style) {
        return text(row, column, value, style, true);
    }

    /** As {@link #text}, but the text does not widen its column (titles, merged cells, long notes). */
    Cell wideText(int row, int column, String value, CellStyle style) {
        return text(row, column, value, style, false);
    }

    private Cell text(int row, int column, String value, CellStyle style, boolean measured) {
        if (value == null) {
            return cell(row, column, style);
        }
        String safe = value.length() > MAX_CELL_TEXT ? value.substring(0, MAX_CELL_TEXT - CUT.length()) + CUT : value;
        Cell cell = cell(row, column, FormulaGuard.formulaLike(safe) ? styles.quoted(style) : style);
        cell.setCellValue(safe);
        if (measured) {
            measure(column, safe);
        }
        return cell;
    }

    /** An amount in 元 as a number (null: empty cell). */
    Cell money(int row, int column, Money value, CellStyle style) {
        return number(row, column, value == null ? null : value.yuan(), style);
    }

    Cell number(int row, int column, BigDecimal value, CellStyle style) {
        Cell cell = cell(row, column, style);
        if (value != null) {
            cell.setCellValue(value.doubleValue());
            measure(column, String.format(java.util.Locale.ROOT, "%,.2f", value));
        }
        return cell;
    }

    /**
     * A rate (exact fraction) as the number the documents print: rounded half-up to two decimals in percent, so
     * that Excel shows exactly what the API and the pages show (an exact fraction as a binary double could round
     * the other way at a .xx5 boundary). Null (a rate of nothing) is written as "—".
     */
    Cell rate(int row, int column, BigDecimal fraction, CellStyle style) {
        if (fraction == null) {
            return text(row, column, "—", style);
        }
        Cell cell = cell(row, column, style);
        cell.setCellValue(Rates.percent(fraction).movePointLeft(2).doubleValue());
        measure(column, "100.00%");
        return cell;
    }

    Cell date(int row, int column, LocalDate value, CellStyle style) {
        Cell cell = cell(row, column, style);
        if (value != null) {
            cell.setCellValue(value);
            measure(column, "2021-12-31");
        }
        return cell;
    }

    /** Merges a block (if it is more than one cell), giving every covered cell the style so borders stay whole. */
    void merge(int firstRow, int lastRow, int firstColumn, int lastColumn, CellStyle style) {
        for (int r = firstRow; r <= lastRow; r++) {
            for (int c = firstColumn; c <= lastColumn; c++) {
                Cell existing = row(r).getCell(c);
                if (existing == null) {
                    cell(r, c, style);
                }
            }
        }
        if (firstRow != lastRow || firstColumn != lastColumn) {
            sheet.addMergedRegion(new CellRangeAddress(firstRow, lastRow, firstColumn, lastColumn));
        }
    }

    /** Sets every column to its widest content, within [min, max] character widths (a CJK character counts two). */
    void fitColumns(int min, int max) {
        for (int c = 0; c < widths.length; c++) {
            width(c, Math.max(min, Math.min(max, widths[c] + 2)));
        }
    }

    /** A column's width in characters of the default font's digit width. */
    void width(int column, int characters) {
        sheet.setColumnWidth(column, characters * 256);
    }

    /**
     * Landscape A4, one page wide and as many pages tall as needed, header rows repeated on every page, and the
     * panes frozen below the header so that it stays visible while scrolling.
     */
    void pageSetup(int headerFirstRow, int headerLastRow, int frozenColumns) {
        sheet.createFreezePane(frozenColumns, headerLastRow + 1);
        sheet.setRepeatingRows(CellRangeAddress.valueOf((headerFirstRow + 1) + ":" + (headerLastRow + 1)));
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        sheet.setHorizontallyCenter(true);
        PrintSetup print = sheet.getPrintSetup();
        print.setLandscape(true);
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
    }

    /**
     * Sets the height of every row from {@code firstRow} on to fit its wrapped texts. Neither Excel nor LibreOffice
     * reliably recomputes heights when opening a generated file, and a wrapped 评分依据 in a default-height row
     * shows one line. The estimate counts display widths (CJK two) against the column widths, generously; a text
     * merged over several rows (一级/二级 names) may use their combined height, its last row grows if needed.
     */
    void fitRowHeights(int firstRow) {
        Map<Long, CellRangeAddress> merged = new HashMap<>();
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            merged.put(key(region.getFirstRow(), region.getFirstColumn()), region);
        }
        List<CellRangeAddress> tall = new ArrayList<>();
        for (int r = firstRow; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            int lines = 1;
            for (Cell cell : row) {
                CellRangeAddress region = merged.get(key(r, cell.getColumnIndex()));
                if (region != null && region.getLastRow() > region.getFirstRow()) {
                    tall.add(region);
                    continue;
                }
                int lastColumn = region == null ? cell.getColumnIndex() : region.getLastColumn();
                lines = Math.max(lines, lines(cell, cell.getColumnIndex(), lastColumn));
            }
            if (lines > 1) {
                row.setHeightInPoints(height(lines));
            }
        }
        for (CellRangeAddress region : tall) {
            Cell cell = row(region.getFirstRow()).getCell(region.getFirstColumn());
            float needed = height(lines(cell, region.getFirstColumn(), region.getLastColumn()));
            float available = 0;
            for (int r = region.getFirstRow(); r <= region.getLastRow(); r++) {
                available += row(r).getHeightInPoints();
            }
            if (needed > available) {
                Row last = row(region.getLastRow());
                last.setHeightInPoints(last.getHeightInPoints() + needed - available);
            }
        }
    }

    /** Lines a wrapped text cell needs across columns first..last; 1 for anything else. */
    private int lines(Cell cell, int firstColumn, int lastColumn) {
        if (cell == null || cell.getCellType() != CellType.STRING || !cell.getCellStyle().getWrapText()) {
            return 1;
        }
        int width = -1; // a character's worth of cell padding
        for (int c = firstColumn; c <= lastColumn; c++) {
            width += sheet.getColumnWidth(c) / 256;
        }
        int perLine = Math.max(1, width);
        int lines = 0;
        for (String line : cell.getStringCellValue().split("\n", -1)) {
            lines += Math.max(1, (displayWidth(line) + perLine - 1) / perLine);
        }
        return lines;
    }

    /** Points for a number of lines of 11 pt 宋体 (Excel's default row is 14.25 pt), with a little air. */
    private static float height(int lines) {
        return lines * 14.25f + 3f;
    }

    private static long key(int row, int column) {
        return ((long) row << 16) | column;
    }

    private void measure(int column, String value) {
        if (column >= widths.length) {
            return;
        }
        int widest = 0;
        for (String line : value.split("\n", -1)) {
            widest = Math.max(widest, displayWidth(line));
        }
        widths[column] = Math.max(widths[column], widest);
    }

    /** Display width in digit widths: CJK ideographs, punctuation and full-width forms take two. */
    static int displayWidth(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            width += codePoint >= 0x2E80 ? 2 : 1;
            i += Character.charCount(codePoint);
        }
        return width;
    }
}
