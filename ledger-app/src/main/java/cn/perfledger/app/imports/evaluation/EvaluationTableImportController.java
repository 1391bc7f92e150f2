package cn.perfledger.app.imports.evaluation;

import cn.perfledger.app.api.ApiCommands;
import cn.perfledger.app.api.ProblemFactory;
import cn.perfledger.app.api.Problems;
import cn.perfledger.app.imports.evaluation.EvaluationTableImport.Upload;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.domain.evaluation.Direction;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Upload of a 部门整体支出绩效自评表, in any layout of the {@link LayoutCatalog}, into a department-year's evaluation. A refused table is a
 * 422 Problem Details body whose {@code errors} list every problem with its row, column, column name and rule; the
 * other failures (no such year, rubric not published, a bad parameter) answer as everywhere in the API.
 */
@RestController
@Tag(name = "自评表导入 evaluation-table import", description = "上传自评表（制表符分隔文本或 .xlsx），生成绩效指标、年度指标值、实际完成值、评分与申报数")
public class EvaluationTableImportController {

    private final EvaluationTableImport importer;
    private final ApiCommands commands;

    public EvaluationTableImportController(EvaluationTableImport importer, ApiCommands commands) {
        this.importer = importer;
        this.commands = commands;
    }

    /** The 422 body, for the OpenAPI document: RFC 9457 members plus {@code field}, {@code rule} and {@code errors}. */
    @Schema(name = "EvaluationTableProblem", description = "自评表有误（application/problem+json），未写入任何记录")
    public record TableProblem(
            @Schema(example = "urn:perfledger:problem:invalid-table") String type,
            @Schema(example = "自评表有误，未写入任何记录") String title,
            @Schema(example = "422") int status,
            @Schema(example = "自评表有 1 处错误：第 59 行 G 列（年度指标值）") String detail,
            String instance,
            @Schema(description = "第一处错误的列名", example = "年度指标值") String field,
            @Schema(description = "第一处错误的规则") String rule,
            @Schema(description = "全部错误，按行、列排列") List<CellError> errors,
            String correlationId) {
    }

    @PostMapping(value = "/api/v1/departments/{dept}/years/{year}/imports/evaluation-table",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "导入自评表（ImportEvaluationTable）",
            description = "文件为 .xlsx，或制表符分隔的文本（UTF-8，可带 BOM；或 Excel“Unicode 文本”）。按表头文字识别样式与各列：广州十列式（一级指标、分值、"
                    + "二级指标、分值、三级指标、分值、指标解释（或 年度指标值、实际完成值）、得分/自评分、评分依据），财预〔2020〕10号全国样式"
                    + "（预算资金块、绩效指标表、总分、自评等级），四川省样式（指标性质、度量单位、权重等）；未知样式返回 422 并列出所见表头与已知样式；一级/二级单元格为空表示沿用上一行"
                    + "（合并单元格）；表头以上、总分行以下不读。每行按三级指标名称（或评分项编码）对应到该年度评价体系的评分项，分值须一致："
                    + "评价人评分项录入得分与评分依据；按单个绩效指标计分的项设定指标（年度指标值须可度量）并登记实际完成值；所印得分与总分登记为申报数，"
                    + "供对账报告与账本计算的得分比较。全部或全不：任何一处错误都返回 422 并列出全部错误（行、列、列名、规则），不写入任何记录；"
                    + "同一文件（SHA-256 相同）再次导入返回 200、alreadyImported=true，不写入任何记录。已有的指标、实际值、评分与表中一致时不重复登记；"
                    + "已设定指标的年度指标值不同则拒绝（调整目标值须说明原因）。加减分事项不从表中推断，须逐项登记。",
            responses = {
                    @ApiResponse(responseCode = "201", description = "已导入"),
                    @ApiResponse(responseCode = "200", description = "同一文件此前已导入（alreadyImported），或仅预检（dryRun），未写入任何记录"),
                    @ApiResponse(responseCode = "400", description = "缺少文件或参数无效",
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE)),
                    @ApiResponse(responseCode = "404", description = "部门年度不存在，或其评价体系版本尚未发布",
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE)),
                    @ApiResponse(responseCode = "409", description = "并发修改冲突，未写入任何记录，可重试",
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE)),
                    @ApiResponse(responseCode = "422", description = "自评表有误，列出全部错误，未写入任何记录",
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                    schema = @Schema(implementation = TableProblem.class)))})
    public ResponseEntity<ImportReport> importTable(@PathVariable String dept, @PathVariable int year,
            @Parameter(description = "自评表文件（.xlsx 或制表符分隔文本）") @RequestPart(value = "file", required = false)
            MultipartFile file,
            @Parameter(description = "评价基准日：实际完成值、评分与申报数的业务日期，默认该年 12-31（可到次年年底）")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate referenceDate,
            @Parameter(description = "评分人，默认“自评小组”") @RequestParam(required = false) String evaluator,
            @Parameter(description = "仅预检：校验并报告将写入的内容，不写入任何记录") @RequestParam(defaultValue = "false")
            boolean dryRun,
            @Parameter(description = "指标方向（正向、反向、等于）：用于未填“指标性质”且年度指标值未写比较方式的行；不填则此类行被拒绝")
            @RequestParam(required = false) String direction,
            @Parameter(description = "自评表样式（如 national-2020、sichuan-2023、guangzhou-2021）；不填则按表头识别")
            @RequestParam(required = false) String layout) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new DomainException("file", "缺少自评表文件（multipart 字段名 file）");
        }
        if (evaluator != null) {
            cn.perfledger.app.api.RequestTextGuard.check(evaluator, "evaluator", 0);
        }
        ImportReport report = importer.importTable(FiscalYearId.of(dept, year),
                new Upload(file.getOriginalFilename(), file.getBytes(), referenceDate, evaluator, dryRun,
                        Direction.fromText("direction", direction), layout),
                commands.origin());
        return ResponseEntity.status(report.recorded() ? HttpStatus.CREATED : HttpStatus.OK).body(report);
    }

    /** 422 with every problem of the table; nothing was written. */
    @ExceptionHandler(TableRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(TableRejectedException e, HttpServletRequest request) {
        List<CellError> errors = e.errors();
        CellError first = errors.get(0);
        ProblemDetail problem = ProblemFactory.problem(HttpStatus.UNPROCESSABLE_ENTITY, Problems.INVALID_TABLE,
                first.field(), first.rule(), request);
        problem.setDetail("自评表有 " + errors.size() + " 处错误，首处：" + where(first) + first.rule());
        problem.setProperty("errors", errors);
        problem.setProperty("correlationId", commands.origin().correlationId());
        return ProblemFactory.response(problem);
    }

    private static String where(CellError error) {
        if (error.row() == null) {
            return "";
        }
        return "第 " + error.row() + " 行" + (error.column() == null ? "" : " " + error.column() + " 列")
                + "（" + error.field() + "）：";
    }
}
