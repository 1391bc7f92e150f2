package cn.perfledger.app.ui;

import cn.perfledger.app.eventlog.EventLogQuery.RecordedEvent;
import cn.perfledger.app.export.xlsx.FormulaGuard;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.projections.audit.EventTypeLabels;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The timeline's filtered records as a file: CSV (UTF-8 with BOM, so that Excel reads the Chinese) or xlsx, every
 * matching record (not one page), the same filters as the page. Texts a spreadsheet could take for a formula are
 * written as text (a leading apostrophe in CSV, a quote-prefixed cell in xlsx).
 */
@Controller
@RequestMapping("/departments/{dept}/years/{year}")
public class TimelineDownloadController {

    static final List<String> HEADER = List.of("全局序号", "记录流", "流内序号", "记录类型", "业务日期", "记录时间（北京时间）",
            "凭证号", "文号", "预算行", "金额（元）", "摘要/原因", "记录人", "角色", "来源", "演示合成");

    private final TimelineSearch search;
    private final YearPages pages;

    public TimelineDownloadController(TimelineSearch search, YearPages pages) {
        this.search = search;
        this.pages = pages;
    }

    @GetMapping({"/events.csv", "/events.xlsx"})
    public ResponseEntity<byte[]> download(@PathVariable String dept, @PathVariable int year,
            @RequestParam(required = false) String type, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String voucher,
            @RequestParam(required = false) String document, @RequestParam(required = false) String line,
            @RequestParam(required = false) String indicator, @RequestParam(required = false) String user,
            @RequestParam(required = false) String client, @RequestParam(required = false) String recordedFrom,
            @RequestParam(required = false) String recordedTo, @RequestParam(required = false) String q,
            jakarta.servlet.http.HttpServletRequest request) {
        FiscalYearId id = pages.require(dept, year);
        TimelineSearch.Criteria criteria = TimelineSearch.criteria(type, from, to, voucher, document, line,
                indicator, user, client, recordedFrom, recordedTo, q);
        List<List<Object>> rows = new ArrayList<>();
        for (RecordedEvent e : search.search(id, criteria)) {
            rows.add(row(e));
        }
        boolean xlsx = request.getRequestURI().endsWith(".xlsx");
        String name = dept + "-" + year + "-记录" + (xlsx ? ".xlsx" : ".csv");
        byte[] body = xlsx ? xlsx(rows) : csv(rows);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .contentType(xlsx ? MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                        : new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(body);
    }

    private static List<Object> row(RecordedEvent e) {
        var p = e.payload();
        var m = e.metadata();
        Amount amount = EventTimelineController.amount(e);
        List<Object> row = new ArrayList<>();
        row.add(e.globalSequence());
        row.add(e.aggregateId());
        row.add(e.sequenceNumber());
        row.add(EventTypeLabels.label(e.type()));
        row.add(e.effectiveDate() == null ? "" : e.effectiveDate().toString());
        row.add(BasisForm.beijing(e.recordedAt()));
        row.add(text(EventTimelineController.text(p, "voucherNo")));
        row.add(text(EventTimelineController.text(p, "documentNo")));
        row.add(text(EventTimelineController.text(p, "lineId")));
        row.add(amount == null ? "" : amount.value());
        row.add(text(EventTimelineController.summary(p)));
        row.add(text(EventTimelineController.text(m, "user")));
        row.add(VoucherPageController.roleLabel(EventTimelineController.text(m, "role")));
        row.add(VoucherPageController.clientLabel(EventTimelineController.text(m, "client")));
        row.add(m != null && m.path("synthetic").asBoolean(false) ? "是" : "");
        return row;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    static byte[] csv(List<List<Object>> rows) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, new ArrayList<>(HEADER));
        rows.forEach(row -> line(out, row));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<Object> cells) {
        for (int i = 0; i < cells.size(); i++) {
            Object cell = cells.get(i);
            String value = cell instanceof BigDecimal d ? d.toPlainString() : String.valueOf(cell);
            if (!(cell instanceof Number) && FormulaGuard.formulaLike(value)) {
                value = "'" + value;
            }
            if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
                value = "\"" + value.replace("\"", "\"\"") + "\"";
            }
            out.append(i > 0 ? "," : "").append(value);
        }
        out.append("\r\n");
    }

    static byte[] xlsx(List<List<Object>> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("记录");
            CellStyle quoted = workbook.createCellStyle();
            quoted.setQuotePrefixed(true);
            CellStyle money = workbook.createCellStyle();
            money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
            Row head = sheet.createRow(0);
            for (int i = 0; i < HEADER.size(); i++) {
                head.createCell(i).setCellValue(HEADER.get(i));
            }
            int r = 1;
            for (List<Object> values : rows) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < values.size(); i++) {
                    Cell cell = row.createCell(i);
                    Object value = values.get(i);
                    if (value instanceof BigDecimal d) {
                        cell.setCellValue(d.doubleValue());
                        cell.setCellStyle(money);
                    } else if (value instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else {
                        String text = String.valueOf(value);
                        cell.setCellValue(text);
                        if (FormulaGuard.formulaLike(text)) {
                            cell.setCellStyle(quoted);
                        }
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            workbook.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
