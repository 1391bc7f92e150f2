package cn.perfledger.app.api.evaluation;

import cn.perfledger.app.api.ApiCommands;
import cn.perfledger.app.api.CommandResult;
import cn.perfledger.app.api.evaluation.EvaluationRequests.ActualRequest;
import cn.perfledger.app.api.evaluation.EvaluationRequests.BonusPenaltyRequest;
import cn.perfledger.app.api.evaluation.EvaluationRequests.IndicatorRequest;
import cn.perfledger.app.api.evaluation.EvaluationRequests.ItemExplanationRequest;
import cn.perfledger.app.api.evaluation.EvaluationRequests.JudgementScoreRequest;
import cn.perfledger.app.api.evaluation.EvaluationRequests.SubmissionRequest;
import cn.perfledger.app.api.evaluation.EvaluationRequests.TargetRevisionRequest;
import cn.perfledger.app.api.evaluation.EvaluationRequests.WithdrawalRequest;
import cn.perfledger.app.command.NotFoundException;
import cn.perfledger.app.eventlog.EventLogQuery;
import cn.perfledger.app.rubric.RubricDirectory;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.domain.common.IndicatorId;
import cn.perfledger.domain.common.RubricItemCode;
import cn.perfledger.domain.common.RubricVersionId;
import cn.perfledger.domain.evaluation.Direction;
import cn.perfledger.domain.evaluation.EvaluationCommand;
import cn.perfledger.domain.evaluation.Grade;
import cn.perfledger.domain.evaluation.EvaluationId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The commands of a department-year's self-evaluation ({@code Evaluation}, id {@code DEPT/YEAR/evaluation}). Its
 * events appear in the department-year's event log next to the budget ledger's.
 */
@RestController
@RequestMapping("/api/v1/departments/{dept}/years/{year}/evaluation")
@Tag(name = "自评 evaluation", description = "部门年度绩效自评：指标、目标调整、实际值、评分、评分项说明、加减分、提交")
public class EvaluationController {

    private final ApiCommands commands;
    private final EventLogQuery events;
    private final RubricDirectory rubrics;

    private final IndicatorScoring scoring;

    public EvaluationController(ApiCommands commands, EventLogQuery events, RubricDirectory rubrics,
            IndicatorScoring scoring) {
        this.commands = commands;
        this.events = events;
        this.rubrics = rubrics;
        this.scoring = scoring;
    }

    @PostMapping
    @Operation(summary = "开始自评（StartEvaluation）", description = "使用该部门年度开立时指定的评价体系版本；部门年度须已开立，该版本须已发布、未停用且适用于本部门。")
    public ResponseEntity<CommandResult> start(@PathVariable String dept, @PathVariable int year) {
        FiscalYearId fiscalYearId = FiscalYearId.of(dept, year);
        RubricVersionId rubricVersion = events.payloadAt(fiscalYearId.toString(), 0)
                .map(payload -> payload.get("rubricVersion"))
                .filter(node -> node != null && node.isTextual())
                .map(node -> new RubricVersionId(node.asText()))
                .orElseThrow(() -> new NotFoundException("year", "部门年度不存在（尚未开立）: " + fiscalYearId));
        EvaluationId id = new EvaluationId(fiscalYearId);
        return rubrics.whileUsable("rubricVersion", rubricVersion, fiscalYearId, RubricDirectory.Use.START_EVALUATION,
                () -> send(id, new EvaluationCommand.StartEvaluation(id, rubricVersion)));
    }

    @PostMapping("/indicators")
    @Operation(summary = "定义绩效指标（DefineIndicator）", description = "评价须已开始（否则 404 并说明如何开始）。评价体系中没有"
            + "评分项读取该指标（按编号、评分项标记或指标组路径）时仍登记，但回答的 warnings 说明它不计入得分，并列出可归入的指标组与可标记的评分项编码。")
    public ResponseEntity<CommandResult> defineIndicator(@PathVariable String dept, @PathVariable int year,
            @Valid @RequestBody IndicatorRequest r) {
        EvaluationId id = EvaluationId.of(dept, year);
        ResponseEntity<CommandResult> answer = send(id, new EvaluationCommand.DefineIndicator(id, r.indicatorId(),
                r.path(), r.name(), r.weight(), r.targetExpression(), Direction.fromText("direction", r.direction()),
                r.rubricItemCode(), r.effectiveDate()));
        List<String> warnings = events.payloadAt(id.toString(), 0).map(payload -> payload.get("rubricVersion"))
                .filter(node -> node != null && node.isTextual())
                .map(node -> scoring.warnings(new RubricVersionId(node.asText()), r.indicatorId(), r.path(),
                        r.rubricItemCode()))
                .orElse(List.of());
        return warnings.isEmpty() ? answer : ResponseEntity.status(answer.getStatusCode())
                .body(answer.getBody().withWarnings(warnings));
    }

    @PostMapping("/indicators/{indicatorId}/target-revisions")
    @Operation(summary = "调整指标目标值（ReviseTarget）")
    public ResponseEntity<CommandResult> reviseTarget(@PathVariable String dept, @PathVariable int year,
            @PathVariable String indicatorId, @Valid @RequestBody TargetRevisionRequest r) {
        EvaluationId id = EvaluationId.of(dept, year);
        return send(id, new EvaluationCommand.ReviseTarget(id, new IndicatorId(indicatorId), r.newTargetExpression(),
                Direction.fromText("newDirection", r.newDirection()), r.reason(), r.effectiveDate()));
    }

    @PostMapping("/indicators/{indicatorId}/actuals")
    @Operation(summary = "登记实际完成值（RecordActual）")
    public ResponseEntity<CommandResult> recordActual(@PathVariable String dept, @PathVariable int year,
            @PathVariable String indicatorId, @Valid @RequestBody ActualRequest r) {
        EvaluationId id = EvaluationId.of(dept, year);
        return send(id, new EvaluationCommand.RecordActual(id, new IndicatorId(indicatorId), r.actual(),
                Grade.fromText("grade", r.grade()), r.effectiveDate()));
    }

    @PostMapping("/judgement-scores")
    @Operation(summary = "录入评分（EnterJudgementScore）")
    public ResponseEntity<CommandResult> enterScore(@PathVariable String dept, @PathVariable int year,
            @Valid @RequestBody JudgementScoreRequest r) {
        EvaluationId id = EvaluationId.of(dept, year);
        return send(id, new EvaluationCommand.EnterJudgementScore(id, r.rubricItemCode(), r.score(), r.basis(),
                r.evaluator(), r.effectiveDate()));
    }

    @PostMapping("/judgement-scores/{rubricItemCode}/withdrawal")
    @Operation(summary = "撤回评分（WithdrawJudgementScore）")
    public ResponseEntity<CommandResult> withdrawScore(@PathVariable String dept, @PathVariable int year,
            @PathVariable String rubricItemCode, @Valid @RequestBody WithdrawalRequest r) {
        EvaluationId id = EvaluationId.of(dept, year);
        return send(id, new EvaluationCommand.WithdrawJudgementScore(id, new RubricItemCode(rubricItemCode),
                r.reason(), r.effectiveDate()));
    }

    @PostMapping("/item-explanations")
    @Operation(summary = "登记评分项说明（RecordItemExplanation）", description = "部门对一个评分项（含按账本计算得分的项）的评分依据、"
            + "偏差原因与改进措施；自评表与导出表的“评分依据”栏显示最新的一条。评分项须在该年度自评使用的评价体系中。")
    public ResponseEntity<CommandResult> recordExplanation(@PathVariable String dept, @PathVariable int year,
            @Valid @RequestBody ItemExplanationRequest r) {
        EvaluationId id = EvaluationId.of(dept, year);
        events.payloadAt(id.toString(), 0).map(payload -> payload.get("rubricVersion"))
                .filter(node -> node != null && node.isTextual())
                .map(node -> new RubricVersionId(node.asText()))
                .filter(version -> !scoring.hasItem(version, r.rubricItemCode()))
                .ifPresent(version -> {
                    throw new DomainException("rubricItemCode", "评价体系 " + version + " 中没有评分项 "
                            + r.rubricItemCode());
                });
        return send(id, new EvaluationCommand.RecordItemExplanation(id, r.rubricItemCode(), r.basis(),
                r.deviationReason(), r.improvement(), r.effectiveDate()));
    }

    @PostMapping("/bonus-penalties")
    @Operation(summary = "加减分项（RecordBonusPenalty）")
    public ResponseEntity<CommandResult> bonusPenalty(@PathVariable String dept, @PathVariable int year,
            @Valid @RequestBody BonusPenaltyRequest r) {
        EvaluationId id = EvaluationId.of(dept, year);
        return send(id, new EvaluationCommand.RecordBonusPenalty(id, r.entryId(), r.kind(), r.points(), r.reason(),
                r.documentNo(), r.effectiveDate()));
    }

    @PostMapping("/submissions")
    @Operation(summary = "提交自评表（SubmitSelfEvaluation）")
    public ResponseEntity<CommandResult> submit(@PathVariable String dept, @PathVariable int year,
            @Valid @RequestBody SubmissionRequest r) {
        EvaluationId id = EvaluationId.of(dept, year);
        return send(id, new EvaluationCommand.SubmitSelfEvaluation(id, r.referenceDate(), r.digest(),
                r.declaredTotal(), r.submittedBy(), r.effectiveDate()));
    }

    private ResponseEntity<CommandResult> send(EvaluationId id, EvaluationCommand command) {
        return commands.send(id.toString(), command);
    }
}
