package cn.perfledger.app.export;

import cn.perfledger.domain.common.FiscalYearId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The department-year at a basis as an Excel workbook. Same basis parameters, defaults and errors as
 * {@code /evaluation}: a malformed {@code asOf}/{@code knownAt} is a 400 Problem Details naming the parameter,
 * an unknown department-year a 404. The mapping declares no {@code produces}, so that an error is still answered
 * as {@code application/problem+json} whatever the client accepts.
 */
@RestController
@RequestMapping("/api/v1/departments/{dept}/years/{year}")
@Tag(name = "导出 export", description = "按时点导出 Excel（.xlsx）：部门整体支出绩效自评表（官方版式）、预算执行情况、预算调整与执行进度、收入支出决算")
public class ExportController {

    /** The media type of an .xlsx file. */
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final YearExportService exports;

    public ExportController(YearExportService exports) {
        this.exports = exports;
    }

    @GetMapping("/export.xlsx")
    @Operation(summary = "导出自评表及决算表（.xlsx）", description = """
            与 /evaluation、/execution、/carryover 同一基准（评价基准日 asOf、知悉时点 knownAt）下的结果，写成 Excel 工作簿：\
            「部门整体支出绩效自评表」按官方十列（一级指标、分值、二级指标、分值、三级指标、分值、指标解释/年度指标值、实际完成值、\
            得分、评分依据），一级/二级单元格纵向合并，附合计、等级与申报总分；「预算执行情况」按预算行与各分组；\
            「预算调整与执行进度」；「收入支出决算」含结转结余恒等式。金额为数值（元，#,##0.00），比率为数值（0.00%），\
            得分两位小数；不含任何公式，以 = + - @ 开头的文本按文本写入（引号前缀），打开或编辑时不会被当作公式执行。\
            同一基准（显式给出 knownAt）总是得到逐字节相同的文件。文件名 {部门}-{年度}-自评表-{评价基准日}.xlsx（RFC 5987 UTF-8）。""")
    @ApiResponse(responseCode = "200", description = "工作簿", content = @Content(mediaType = XLSX,
            schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "400", description = "评价基准日或知悉时点格式错误，或评价基准日早于该年度（Problem Details，field 指明参数）",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "部门年度不存在", content = @Content(mediaType = "application/problem+json"))
    public ResponseEntity<byte[]> export(@PathVariable String dept, @PathVariable int year,
            @Parameter(description = "评价基准日（含），默认该年 12-31") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @Parameter(description = "知悉时点（含，ISO-8601 时刻，如 2022-03-15T00:00:00Z），默认当前") @RequestParam(required = false)
            Instant knownAt,
            @Parameter(description = "自评表样式：national-2020（财预〔2020〕10号全国样式）、sichuan-2023（四川省样式）、"
                    + "guangzhou-2021（广州十列式）；按样式写出的表可原样导入。不填则为带账本说明的十列表")
            @RequestParam(required = false) String layout) {
        return download(exports.export(FiscalYearId.of(dept, year), asOf, knownAt, layout));
    }

    /** The workbook as an attachment; {@code no-store} since a default {@code knownAt} (now) makes it a snapshot. */
    static ResponseEntity<byte[]> download(ExportedWorkbook workbook) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, workbook.fileName().contentDisposition())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Ledger-As-Of", workbook.asOf().toString())
                .header("X-Ledger-Known-At", workbook.knownAt().toString())
                .contentLength(workbook.bytes().length)
                .body(workbook.bytes());
    }
}
