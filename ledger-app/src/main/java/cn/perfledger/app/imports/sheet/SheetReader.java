package cn.perfledger.app.imports.sheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads the first sheet of an uploaded file into {@link SheetRow}s. The format comes from the content (an xlsx is a
 * zip archive, a csv is text); a file name ending in {@code .xlsx} or {@code .csv} must agree with it, and other
 * extensions are refused, so that a renamed .xls or .pdf gets a clear answer instead of garbage rows.
 *
 * <ul>
 *   <li><b>xlsx</b> is streamed (POI's SAX event API), so a large workbook does not become a large object tree.
 *       Cells are read as Excel holds them, not as their number format displays them: numbers to Excel's 15
 *       significant digits (a cell showing "1,235" under a 0-decimal format is read as 1234.56), date-formatted
 *       numbers as {@code yyyy-MM-dd} (with the time when there is one), formulas as their cached results.</li>
 *   <li><b>csv</b> is decoded as UTF-8 (a byte order mark is dropped) or, when the bytes are not valid UTF-8, as
 *       GB18030 (what Excel writes as "CSV" on Chinese Windows), then parsed by Commons CSV with every line kept, so
 *       that row numbers are the ones Excel shows when it opens the file.</li>
 * </ul>
 * Rows without any text are left out of xlsx (Excel writes formatted empty rows); only rows with text count toward
 * the row limit. Columns beyond {@value #MAX_COLUMNS} are not read.
 */
public final class SheetReader {

    /** No template uses more than a few dozen columns; cells far to the right are stray marks, not data. */
    public static final int MAX_COLUMNS = 64;
    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] UTF16_LE_BOM = {(byte) 0xFF, (byte) 0xFE};
    private static final byte[] UTF16_BE_BOM = {(byte) 0xFE, (byte) 0xFF};
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final MathContext EXCEL_PRECISION = new MathContext(15, RoundingMode.HALF_EVEN);

    private SheetReader() {
    }

    /**
     * Reads {@code content} (named {@code fileName} by the client, may be null).
     *
     * @param maxRows the most rows with text the file may have
     * @throws UnreadableSheetException when the file is not a readable xlsx or csv, or has more rows
     */
    public static Sheet read(String fileName, byte[] content, int maxRows) {
        if (content == null || content.length == 0) {
            throw new UnreadableSheetException("文件是空的");
        }
        if (startsWith(content, OLE2)) {
            throw new UnreadableSheetException("这是 Excel 97-2003 格式（.xls）或设有密码的工作簿，无法读取："
                    + "请在 Excel 或 WPS 中另存为 .xlsx（不设密码）或 CSV UTF-8");
        }
        boolean zip = startsWith(content, ZIP);
        String extension = extension(fileName);
        if (extension != null && !extension.equals("xlsx") && !extension.equals("csv")) {
            throw new UnreadableSheetException("只接受 .xlsx 或 .csv 文件: " + fileName);
        }
        if ("xlsx".equals(extension) && !zip) {
            throw new UnreadableSheetException("文件扩展名是 .xlsx，但内容不是 xlsx 工作簿：请用 Excel 或 WPS 重新另存为 .xlsx");
        }
        if ("csv".equals(extension) && zip) {
            throw new UnreadableSheetException("文件扩展名是 .csv，但内容是压缩文件（可能是改了扩展名的 .xlsx）："
                    + "请把扩展名改回 .xlsx，或在 Excel 中另存为 CSV UTF-8");
        }
        return zip ? readXlsx(content, maxRows) : readCsv(content, maxRows);
    }

    // ---- xlsx ----

    private static Sheet readXlsx(byte[] content, int maxRows) {
        OPCPackage pkg = null;
        try {
            pkg = OPCPackage.open(new ByteArrayInputStream(content));
            XSSFReader reader = new XSSFReader(pkg);
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            if (!sheets.hasNext()) {
                throw new UnreadableSheetException("工作簿中没有工作表");
            }
            RowCollector rows = new RowCollector(maxRows);
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null,
                        new ReadOnlySharedStringsTable(pkg), rows, new ExactFormatter(), false));
                xml.parse(new InputSource(sheet));
            }
            return new Sheet(SheetFormat.XLSX, sheets.getSheetName(), null, rows.rows);
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
            // anything a damaged or foreign zip makes POI throw is a property of the upload, not a server fault
            UnreadableSheetException own = find(e);
            if (own != null) {
                throw own;
            }
            throw new UnreadableSheetException("无法读取 xlsx 工作簿（文件已损坏，或不是 Excel/WPS 保存的 .xlsx 文件）", e);
        } finally {
            if (pkg != null) {
                // opened from memory: revert closes without trying to write anything back
                pkg.revert();
            }
        }
    }

    /** Collects the cells the SAX handler reports, row by row. */
    private static final class RowCollector implements SheetContentsHandler {

        private final int maxRows;
        private final List<SheetRow> rows = new ArrayList<>();
        private List<String> cells = new ArrayList<>();
        private int rowNumber;
        private int nextColumn;

        RowCollector(int maxRows) {
            this.maxRows = maxRows;
        }

        @Override
        public void startRow(int rowIndex) {
            cells = new ArrayList<>();
            rowNumber = rowIndex + 1;
            nextColumn = 0;
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            // a cell without a reference follows the previous one (Excel always writes references; others may not)
            int column = reference == null ? nextColumn : new CellReference(reference).getCol();
            nextColumn = column + 1;
            if (column >= MAX_COLUMNS || value == null) {
                return;
            }
            while (cells.size() <= column) {
                cells.add("");
            }
            // POI reports an error cell as "ERROR:#N/A"; the user sees "#N/A", as a CSV saved by Excel holds it
            cells.set(column, value.startsWith("ERROR:") ? value.substring("ERROR:".length()) : value);
        }

        @Override
        public void endRow(int rowIndex) {
            SheetRow row = new SheetRow(rowNumber, cells);
            if (row.isBlank()) {
                return;
            }
            if (rows.size() >= maxRows) {
                throw new UnreadableSheetException("文件超过 " + maxRows + " 行数据，请分成多个文件导入");
            }
            rows.add(row);
        }
    }

    /**
     * Formats numeric cells as Excel holds them instead of as their number format displays them; see
     * {@link #excelNumber}.
     */
    private static final class ExactFormatter extends DataFormatter {

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return formatRawCellContents(value, formatIndex, formatString, false);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString,
                boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime time = DateUtil.getLocalDateTime(value, use1904Windowing);
                return time.toLocalTime().equals(LocalTime.MIDNIGHT) ? time.toLocalDate().toString() : time.toString();
            }
            return excelNumber(value);
        }
    }

    /**
     * A number as Excel holds it. Excel keeps 15 significant digits, so the stored binary double is rounded to 15
     * and trailing zeros are dropped: 1234.56 stays 1234.56 (not 1234.5599999999999) and a formula's 0.1 + 0.2
     * reads 0.3 — what Excel itself shows at full precision. More decimals than that are real and are refused by
     * the importer's rules (a third decimal of a yuan amount, say).
     */
    static String excelNumber(double value) {
        if (value == 0 || Double.isNaN(value) || Double.isInfinite(value)) {
            return value == 0 ? "0" : Double.toString(value);
        }
        return new BigDecimal(value).round(EXCEL_PRECISION).stripTrailingZeros().toPlainString();
    }

    // ---- csv ----

    private static Sheet readCsv(byte[] content, int maxRows) {
        if (startsWith(content, UTF16_LE_BOM) || startsWith(content, UTF16_BE_BOM)) {
            throw new UnreadableSheetException("文件是 UTF-16 编码的文本（Excel 的“Unicode 文本”）：请另存为 CSV UTF-8 或 .xlsx");
        }
        for (byte b : content) {
            if (b == 0) {
                throw new UnreadableSheetException("文件内容不是文本（可能是 UTF-16 编码的文本或其他二进制文件）：请另存为 CSV UTF-8 或 .xlsx");
            }
        }
        boolean bom = startsWith(content, UTF8_BOM);
        byte[] body = bom ? Arrays.copyOfRange(content, UTF8_BOM.length, content.length) : content;
        Charset charset = StandardCharsets.UTF_8;
        String text;
        try {
            text = decode(body, StandardCharsets.UTF_8);
        } catch (CharacterCodingException notUtf8) {
            if (bom) {
                throw new UnreadableSheetException("文件以 UTF-8 标记开头，但内容不是有效的 UTF-8 文本");
            }
            try {
                charset = GB18030;
                text = decode(body, GB18030);
            } catch (CharacterCodingException notGb) {
                throw new UnreadableSheetException("无法识别文件的字符编码（既不是 UTF-8 也不是 GB18030/GBK）：请另存为 CSV UTF-8");
            }
        }
        // every line is a row, blank ones too, so that record numbers are the row numbers Excel shows
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();
        List<SheetRow> rows = new ArrayList<>();
        int withText = 0;
        try (CSVParser parser = format.parse(new StringReader(text))) {
            for (CSVRecord record : parser) {
                List<String> values = record.toList();
                SheetRow row = new SheetRow(Math.toIntExact(record.getRecordNumber()),
                        values.size() > MAX_COLUMNS ? values.subList(0, MAX_COLUMNS) : values);
                if (!row.isBlank() && ++withText > maxRows) {
                    throw new UnreadableSheetException("文件超过 " + maxRows + " 行数据，请分成多个文件导入");
                }
                rows.add(row);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new UnreadableSheetException("CSV 格式错误（多半是引号没有配对），约在第 " + (rows.size() + 1)
                    + " 行：请用 Excel 或 WPS 打开后重新另存为 CSV UTF-8", e);
        }
        return new Sheet(SheetFormat.CSV, null, charset.name(), rows);
    }

    private static String decode(byte[] bytes, Charset charset) throws CharacterCodingException {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }

    // ---- helpers ----

    private static String extension(String fileName) {
        if (fileName == null) {
            return null;
        }
        String name = fileName.strip();
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 || dot == name.length() - 1 ? null : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static UnreadableSheetException find(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 16; t = t.getCause(), depth++) {
            if (t instanceof UnreadableSheetException own) {
                return own;
            }
            if (t instanceof SAXException sax && sax.getException() instanceof UnreadableSheetException own) {
                return own;
            }
        }
        return null;
    }
}
