package cn.perfledger.app.export.xlsx;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The top of every sheet: a title, the year, and the basis it was computed at — 单位名称, 评价基准日 (asOf),
 * 知悉时点 (knownAt, in Beijing time and as the ISO instant a permalink or an API call takes) — followed by the
 * sheet's own lines (digest, unit of amounts). A printed or e-mailed sheet thus always says what it is.
 */
final class TitleBlock {

    /** The users' time zone: recorded times are shown in Beijing time, as on the pages. */
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** One label/value line; the value is a String, a LocalDate or an Integer. */
    record Line(String label, Object value) {
    }

    private final List<Line> lines = new ArrayList<>();

    static TitleBlock of(WorkbookContent content) {
        TitleBlock block = new TitleBlock();
        block.add("单位名称", content.departmentName() + "（部门代码 " + content.departmentCode() + "）");
        block.add("年度", content.year());
        block.add("评价基准日", content.asOf());
        block.add("知悉时点", knownAt(content.knownAt()));
        return block;
    }

    TitleBlock add(String label, Object value) {
        lines.add(new Line(label, value));
        return this;
    }

    /** Writes title, year and lines from row 0 over columns 0..lastColumn; returns the first free row. */
    int write(SheetWriter w, String title, int lastColumn, int year) {
        Styles s = w.styles;
        w.wideText(0, 0, title, s.title);
        w.merge(0, 0, 0, lastColumn, s.title);
        w.row(0).setHeightInPoints(26);
        w.wideText(1, 0, "（" + year + "年度）", s.subtitle);
        w.merge(1, 1, 0, lastColumn, s.subtitle);
        int row = 2;
        for (Line line : lines) {
            w.wideText(row, 0, line.label(), s.metaLabel);
            if (line.value() instanceof LocalDate date) {
                w.date(row, 1, date, s.metaDate);
            } else if (line.value() instanceof Integer number) {
                w.number(row, 1, java.math.BigDecimal.valueOf(number), s.metaInteger);
            } else {
                w.wideText(row, 1, line.value() == null ? "—" : line.value().toString(), s.metaValue);
            }
            w.merge(row, row, 1, lastColumn, s.metaValue);
            row++;
        }
        return row + 1; // one empty row before the table
    }

    /** "2022-03-15 09:30:00（北京时间）= 2022-03-15T01:30:00Z". */
    static String knownAt(Instant instant) {
        return LocalDateTime.ofInstant(instant, BEIJING).format(SHOWN) + "（北京时间）= " + instant;
    }
}
