package cn.perfledger.app.export.xlsx;

import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The cell styles of one workbook, created once (a workbook holds at most 64,000 styles; one per cell would
 * break large years). Body text is 宋体 11 with the GB2312 charset, as Chinese Excel writes it, so that CJK text
 * renders with the intended widths; titles are 黑体. Money is {@code #,##0.00} (元), rates {@code 0.00%}, scores
 * and weights {@code 0.00}.
 */
final class Styles {

    /** The charset Excel records for Simplified Chinese fonts. */
    private static final int GB2312 = 134;
    static final String MONEY_FORMAT = "#,##0.00";
    static final String RATE_FORMAT = "0.00%";
    static final String SCORE_FORMAT = "0.00";

    private final XSSFWorkbook book;
    private final Map<CellStyle, CellStyle> quoted = new IdentityHashMap<>();

    final CellStyle title;
    final CellStyle subtitle;
    final CellStyle metaLabel;
    final CellStyle metaValue;
    final CellStyle metaDate;
    final CellStyle metaInteger;
    final CellStyle header;
    final CellStyle caption;
    final CellStyle text;
    final CellStyle textCenter;
    final CellStyle textBold;
    final CellStyle money;
    final CellStyle moneyBold;
    final CellStyle rate;
    final CellStyle rateBold;
    final CellStyle score;
    final CellStyle scoreBold;
    final CellStyle date;
    final CellStyle note;

    Styles(XSSFWorkbook book) {
        this.book = book;
        XSSFFont base = book.getFontAt(0);
        base.setFontName("宋体");
        base.setFontHeightInPoints((short) 11);
        base.setCharSet(GB2312);
        XSSFFont bold = font("宋体", 11, true);
        XSSFFont titleFont = font("黑体", 16, false);
        XSSFFont subtitleFont = font("宋体", 12, false);
        XSSFFont small = font("宋体", 10, false);

        title = style(titleFont, HorizontalAlignment.CENTER, false, false, null);
        subtitle = style(subtitleFont, HorizontalAlignment.CENTER, false, false, null);
        metaLabel = style(bold, HorizontalAlignment.LEFT, false, false, null);
        metaValue = style(null, HorizontalAlignment.LEFT, false, false, null);
        metaDate = style(null, HorizontalAlignment.LEFT, false, false, "yyyy-mm-dd");
        metaInteger = style(null, HorizontalAlignment.LEFT, false, false, "0");
        header = style(bold, HorizontalAlignment.CENTER, true, true, null);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        caption = style(bold, HorizontalAlignment.LEFT, false, false, null);
        text = style(null, HorizontalAlignment.LEFT, true, true, null);
        textCenter = style(null, HorizontalAlignment.CENTER, true, true, null);
        textBold = style(bold, HorizontalAlignment.LEFT, true, true, null);
        money = style(null, HorizontalAlignment.RIGHT, true, false, MONEY_FORMAT);
        moneyBold = style(bold, HorizontalAlignment.RIGHT, true, false, MONEY_FORMAT);
        rate = style(null, HorizontalAlignment.RIGHT, true, false, RATE_FORMAT);
        rateBold = style(bold, HorizontalAlignment.RIGHT, true, false, RATE_FORMAT);
        score = style(null, HorizontalAlignment.CENTER, true, false, SCORE_FORMAT);
        scoreBold = style(bold, HorizontalAlignment.CENTER, true, false, SCORE_FORMAT);
        date = style(null, HorizontalAlignment.CENTER, true, false, "yyyy-mm-dd");
        note = style(small, HorizontalAlignment.LEFT, false, true, null);
    }

    /** The same style with Excel's quote prefix: the text stays text even after the cell is edited. */
    CellStyle quoted(CellStyle style) {
        return quoted.computeIfAbsent(style, base -> {
            CellStyle copy = book.createCellStyle();
            copy.cloneStyleFrom(base);
            copy.setQuotePrefixed(true);
            return copy;
        });
    }

    private XSSFFont font(String name, int points, boolean bold) {
        XSSFFont font = book.createFont();
        font.setFontName(name);
        font.setFontHeightInPoints((short) points);
        font.setBold(bold);
        font.setCharSet(GB2312);
        return font;
    }

    private CellStyle style(XSSFFont font, HorizontalAlignment alignment, boolean bordered, boolean wrap,
            String format) {
        CellStyle style = book.createCellStyle();
        if (font != null) {
            style.setFont(font);
        }
        style.setAlignment(alignment);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        style.setWrapText(wrap);
        if (bordered) {
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
        }
        if (format != null) {
            style.setDataFormat(book.createDataFormat().getFormat(format));
        }
        return style;
    }
}
