package cn.perfledger.app.api.reconciliation;

import cn.perfledger.app.api.ApiCommands;
import cn.perfledger.app.api.CommandResult;
import cn.perfledger.app.query.BasisResult;
import cn.perfledger.app.reconciliation.ReconciliationQueries;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.domain.evaluation.DeclaredStructure;
import cn.perfledger.domain.evaluation.EvaluationCommand;
import cn.perfledger.domain.evaluation.EvaluationId;
import cn.perfledger.projections.reconciliation.ReconciliationReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reconciliation of a department-year (DOMAIN.md §8): the report at a basis, and the recording of the figures
 * published documents state ({@code RecordDeclaredFigure} on the year's evaluation).
 */
@RestController
@RequestMapping("/api/v1/departments/{dept}/years/{year}")
@Tag(name = "对账 reconciliation", description = "预算调整瀑布、决算恒等式核对、公开文件所印数字与账本核对（一致、尾数误差、单位错写、比率倒置、两数互换、不符）")
public class ReconciliationController {

    private final ApiCommands commands;
    private final ReconciliationQueries queries;

    public ReconciliationController(ApiCommands commands, ReconciliationQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @Schema(description = "公开文件所印的一个数字")
    public record DeclaredFigureRequest(
            @Schema(description = "编码（自定，同一自评内唯一）", example = "002-41") @NotNull(message = "不能为空") String figureId,
            @Schema(description = "文件", example = "002 部门整体支出绩效自评表") @NotNull(message = "不能为空") String document,
            @Schema(description = "项目（所印位置与名称）", example = "自评得分（总分）") @NotNull(message = "不能为空") String item,
            @Schema(description = "所印原文，恰含一个数字", example = "94.65") @NotNull(message = "不能为空") String printedValue,
            @Schema(description = "所印单位（照印，即使有误）：元、万元、%、分、个", example = "分") @NotNull(message = "不能为空") String unitAsPrinted,
            @Schema(description = "应等于的账本数字编码，如 FISCAL.FULL_YEAR、THREE_PUBLIC.INITIAL_EXECUTION_RATE、SCORE.TOTAL（可选，与 structure 至少其一）",
                    example = "SCORE.TOTAL") String ledgerFigure,
            @Schema(description = "所印算式（可选）：SUM 合计与分项、RATIO 比率与分子分母、GROWTH 增长率与上年数/本年数/增减额中的两个")
            DeclaredStructure structure,
            @Schema(description = "业务日期（评价年度或次年）", example = "2021-12-31") @NotNull(message = "不能为空") LocalDate effectiveDate) {
    }

    @GetMapping("/reconciliation")
    @Operation(summary = "对账报告", description = "某时点的：逐行与合计的预算调整瀑布（年初 → 各次调整（文号、原因、日期） → 全年，恒等式核对）；"
            + "决算恒等式（总计平衡、功能分类 类 = Σ 款 = Σ 项、合计 = Σ 资金来源、支出 = 基本 + 项目、基本 = 人员 + 公用、三公 = 出国 + 车 + 接待、"
            + "采购 = 货物 + 工程 + 服务、年初 + Σ 调整 = 全年），两边数值与是否成立；公开文件所印数字与账本数、与所印算式的核对，"
            + "分类为一致、尾数误差（所印单位 ±0.01 以内）、单位错写（元/万元）、比率倒置、两数互换、不符，附中文说明；同一文件内同一数字的矛盾表述。")
    public BasisResult<ReconciliationReport> reconciliation(@PathVariable String dept, @PathVariable int year,
            @Parameter(description = "评价基准日（含），默认该年 12-31") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @Parameter(description = "知悉时点（含，ISO-8601 时刻，如 2022-03-15T00:00:00Z），默认当前") @RequestParam(required = false)
            Instant knownAt) {
        return queries.reconciliation(FiscalYearId.of(dept, year), asOf, knownAt);
    }

    @PostMapping("/evaluation/declared-figures")
    @Operation(summary = "登记公开文件所印数字（RecordDeclaredFigure）", description = "照印登记一个数字（原文、单位），并指明应等于的账本数字"
            + "（ledgerFigure）和/或所印算式（structure）；未知的账本数字编码直接拒绝。")
    public ResponseEntity<CommandResult> recordDeclaredFigure(@PathVariable String dept, @PathVariable int year,
            @Valid @RequestBody DeclaredFigureRequest r) {
        EvaluationId id = EvaluationId.of(dept, year);
        return commands.send(id.toString(), new EvaluationCommand.RecordDeclaredFigure(id, r.figureId(),
                r.document(), r.item(), r.printedValue(), r.unitAsPrinted(), r.ledgerFigure(), r.structure(),
                r.effectiveDate()));
    }
}
