package cn.perfledger.app.imports.ledger;

import cn.perfledger.app.api.ApiCommands;
import cn.perfledger.app.api.CommandResult;
import cn.perfledger.app.api.ProblemFactory;
import cn.perfledger.app.api.Problems;
import cn.perfledger.app.imports.sheet.CellError;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.FiscalYearId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Import of a clerk's ledger file (预算科目, 年初预算, 追加/追减/调剂, 支出凭证) and the template to fill in. The import is
 * all or nothing: 201 when written, 200 when the same file had been imported before (nothing written), 422 with
 * every error located by row and column when anything is wrong (nothing written).
 */
@RestController
@Tag(name = "导入 import", description = "按模板导入预算科目、年初预算、预算调整与支出凭证（.xlsx 或 .csv），全部成功或全部不写入")
public class LedgerImportController {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String TEMPLATE_DIR = "import-templates/";

    private final ApiCommands commands;
    private final LedgerImporter importer;

    public LedgerImportController(ApiCommands commands, LedgerImporter importer) {
        this.commands = commands;
        this.importer = importer;
    }

    @PostMapping(value = "/api/v1/departments/{dept}/years/{year}/imports/ledger",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "导入账务文件（预算科目、年初预算、追加/追减/调剂、支出凭证）",
            description = """
                    multipart 字段 file：按模板填写的 .xlsx（读第一个工作表）或 .csv（UTF-8，可带 BOM；或 GB18030），\
                    格式按文件内容识别。表头之前须声明金额单位（A 列“金额单位”，B 列“元”或“万元”），万元按精确换算为元。\
                    先按模板检查全部行，再将全部行作为一条命令交给部门年度台账，按各记录自身的规则、依文件顺序逐行检查\
                    （后面的行看得到前面的行）。任何一行有错则全部不写入，返回 422，errors 逐项列出行号、列名、单元格与规则；\
                    成功返回 201；同一文件（SHA-256 相同）再次导入不写入任何记录，返回 200（alreadyImported=true）。\
                    导入编号即请求的关联号（X-Correlation-Id），记入每条记录的元数据。模板与说明见 \
                    GET /api/v1/import-templates/ledger.xlsx 与 docs/IMPORT.md。""")
    @ApiResponse(responseCode = "201", description = "已导入", content = @Content(
            schema = @Schema(implementation = CommandResult.class)))
    @ApiResponse(responseCode = "200", description = "同一文件已导入过（或其中凭证均已以相同内容登记），未写入任何记录",
            content = @Content(schema = @Schema(implementation = CommandResult.class)))
    @ApiResponse(responseCode = "422", description = "文件有错误，未写入任何记录；errors 列出每处错误", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(implementation = ImportProblem.class)))
    public ResponseEntity<CommandResult> importLedger(@PathVariable String dept, @PathVariable int year,
            @Parameter(description = "按模板填写的 .xlsx 或 .csv 文件") @RequestPart(value = "file", required = false)
            MultipartFile file) {
        FiscalYearId id = FiscalYearId.of(dept, year);
        if (file == null || file.isEmpty()) {
            throw new DomainException("file", "缺少导入文件（multipart 字段名 file），或文件是空的");
        }
        byte[] content;
        try {
            content = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LedgerImportReport report = importer.importFile(id, file.getOriginalFilename(), content, commands.origin());
        return commands.answer(id.toString(), report);
    }

    @GetMapping(value = "/api/v1/import-templates/ledger.xlsx", produces = XLSX)
    @Operation(summary = "账务导入模板（.xlsx）", description = "第一个工作表为导入表（含填写说明与以 # 开头的示例行），第二个工作表为各列说明。")
    public ResponseEntity<byte[]> xlsxTemplate() {
        return template("ledger.xlsx", "账务导入模板.xlsx", MediaType.parseMediaType(XLSX));
    }

    @GetMapping(value = "/api/v1/import-templates/ledger.csv", produces = "text/csv")
    @Operation(summary = "账务导入模板（.csv，UTF-8 带 BOM）", description = "与 .xlsx 模板相同的行与列。")
    public ResponseEntity<byte[]> csvTemplate() {
        return template("ledger.csv", "账务导入模板.csv", new MediaType("text", "csv", StandardCharsets.UTF_8));
    }

    /** 422 Problem Details listing every error; the usual field/rule members name the file as a whole. */
    @ExceptionHandler(LedgerImportRejected.class)
    ResponseEntity<ProblemDetail> rejected(LedgerImportRejected e, HttpServletRequest request) {
        ProblemDetail problem = ProblemFactory.problem(HttpStatus.UNPROCESSABLE_ENTITY, Problems.IMPORT_REJECTED, "file",
                "导入文件有 " + e.errorCount() + " 处错误，未写入任何记录", request);
        problem.setDetail("共 " + e.errorCount() + " 处错误" + (e.errors().size() < e.errorCount()
                ? "（列出前 " + e.errors().size() + " 处）" : "") + "，第一处: " + e.errors().get(0).describe());
        problem.setProperty("correlationId", commands.origin().correlationId());
        problem.setProperty("fileName", e.fileName());
        problem.setProperty("sha256", e.sha256());
        problem.setProperty("errorCount", e.errorCount());
        problem.setProperty("errors", e.errors());
        return ProblemFactory.response(problem);
    }

    private static ResponseEntity<byte[]> template(String resource, String downloadName, MediaType type) {
        byte[] bytes;
        try (InputStream in = new ClassPathResource(TEMPLATE_DIR + resource).getInputStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("template " + resource + " missing from the application", e);
        }
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(downloadName, StandardCharsets.UTF_8).build().toString())
                .body(bytes);
    }

    /** The 422 body, for the OpenAPI document. */
    @Schema(name = "ImportProblem", description = "导入被拒绝：RFC 9457 Problem Details，errors 列出每处错误")
    record ImportProblem(
            @Schema(example = "urn:perfledger:problem:import-rejected") String type,
            @Schema(example = "导入文件有错误，未写入任何记录") String title,
            @Schema(example = "422") int status,
            @Schema(example = "共 1 处错误，第一处: 第 57 行 金额（D57）：超出预算行 L1 的可用预算…") String detail,
            String instance,
            @Schema(example = "file") String field,
            String rule,
            String correlationId,
            String fileName,
            String sha256,
            @Schema(description = "错误总数（列出的最多 1000 处）") int errorCount,
            List<CellError> errors) {
    }
}
