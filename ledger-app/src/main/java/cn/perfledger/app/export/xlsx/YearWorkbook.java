package cn.perfledger.app.export.xlsx;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The .xlsx of a department-year at one basis: 「部门整体支出绩效自评表」, 「预算执行情况」, 「预算调整与执行进度」 and
 * 「收入支出决算」. The bytes depend only on the content: the document's created/modified dates are the basis's
 * 知悉时点 (not the time of the download) and every zip entry carries the same fixed time, so the same basis
 * gives the same file, as it gives the same JSON.
 */
public final class YearWorkbook {

    /** The sheets, in order. */
    public static final java.util.List<String> SHEETS = java.util.List.of(SelfEvaluationSheet.NAME,
            ExecutionSheet.NAME, ProgressSheet.NAME, FinalAccountsSheet.NAME);
    /** The official columns of the 自评表 sheet, in order. */
    public static final java.util.List<String> EVALUATION_COLUMNS = SelfEvaluationSheet.COLUMNS;
    /** The DOS epoch, the earliest time a zip entry can carry (local time, so no time zone enters the bytes). */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private YearWorkbook() {
    }

    public static byte[] write(WorkbookContent content) {
        return write(content, null);
    }

    /** The workbook with its 自评表 in {@code layout} (null: the ten-column table with the ledger's notes). */
    public static byte[] write(WorkbookContent content, cn.perfledger.app.imports.evaluation.LayoutDefinition layout) {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Styles styles = new Styles(book);
            if (layout == null) {
                SelfEvaluationSheet.write(book, styles, content);
            } else {
                LayoutSheet.write(book, styles, content, layout);
            }
            ExecutionSheet.write(book, styles, content);
            ProgressSheet.write(book, styles, content);
            FinalAccountsSheet.write(book, styles, content);
            book.setActiveSheet(0);
            POIXMLProperties.CoreProperties core = book.getProperties().getCoreProperties();
            Date basis = Date.from(content.knownAt());
            core.setCreated(Optional.of(basis));
            core.setModified(Optional.of(basis));
            core.setCreator("绩效账本");
            core.setTitle(content.departmentName() + " " + content.year() + " 年度 部门整体支出绩效自评表（评价基准日 "
                    + content.asOf() + "）");
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            book.write(out);
            return withFixedEntryTimes(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("xlsx 生成失败", e);
        }
    }

    /** The same zip with every entry's time set to {@link #ENTRY_TIME} (POI stamps the time of writing). */
    static byte[] withFixedEntryTimes(byte[] zip) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
                ZipOutputStream rewritten = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTimeLocal(ENTRY_TIME);
                rewritten.putNextEntry(copy);
                in.transferTo(rewritten);
                rewritten.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
