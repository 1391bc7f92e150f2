package cn.perfledger.app.api.rubric;

import cn.perfledger.app.api.ApiCommands;
import cn.perfledger.app.api.CommandResult;
import cn.perfledger.domain.common.RubricVersionId;
import cn.perfledger.domain.evaluation.GradeCoefficients;
import cn.perfledger.domain.rubric.GradeScale;
import cn.perfledger.domain.rubric.Rounding;
import cn.perfledger.domain.rubric.RubricCommand;
import cn.perfledger.domain.rubric.RubricNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rubric versions ({@code Rubric}, id the version, e.g. {@code gz-municipal-2021@1}): publish once, retire later.
 * The tree is the domain's own {@link RubricNode} form (rules and inputs carry a {@code kind}); the ledger's
 * rubric validator reports every problem with the path of the offending node.
 */
@RestController
@RequestMapping("/api/v1/rubrics")
@Tag(name = "评价体系 rubrics", description = "评分规则版本的发布与停用")
public class RubricController {

    static final String REQUIRED = "不能为空";

    @Schema(description = "发布评价体系版本")
    public record PublishRequest(
            @Schema(example = "gz-municipal-2021@1") @NotNull(message = REQUIRED) RubricVersionId rubricVersionId,
            @NotNull(message = REQUIRED) String name,
            @NotNull(message = REQUIRED) String jurisdiction,
            @Schema(example = "2021") @NotNull(message = REQUIRED) Integer templateYear,
            @Schema(example = "100") @NotNull(message = REQUIRED) BigDecimal totalWeight,
            @Schema(description = "加分上限（无加减分项时为 0）", example = "5") BigDecimal bonusCap,
            @NotNull(message = REQUIRED) List<RubricNode> tree,
            @NotNull(message = REQUIRED) Rounding rounding,
            @Schema(description = "等级（省略时为 优/良/中/差 默认）") GradeScale grades,
            @Schema(description = "定性指标得分系数（省略时为 达成 1、基本达成 0.8、部分达成 0.6、未达成 0）")
            GradeCoefficients gradeCoefficients,
            @Schema(description = "规则来源说明", example = "inferred from seed 002") String sourceNote,
            @NotNull(message = REQUIRED) LocalDate effectiveDate) {
    }

    @Schema(description = "停用评价体系版本")
    public record RetireRequest(@NotNull(message = REQUIRED) String reason,
            @NotNull(message = REQUIRED) LocalDate effectiveDate) {
    }

    private final ApiCommands commands;

    public RubricController(ApiCommands commands) {
        this.commands = commands;
    }

    @PostMapping
    @Operation(summary = "发布评价体系版本（PublishRubric）")
    public ResponseEntity<CommandResult> publish(@Valid @RequestBody PublishRequest r) {
        return commands.send(r.rubricVersionId().value(), new RubricCommand.PublishRubric(
                r.rubricVersionId(), r.name(), r.jurisdiction(), r.templateYear(), r.totalWeight(), r.bonusCap(),
                r.tree(), r.rounding(), r.grades(), r.gradeCoefficients(), r.sourceNote(), r.effectiveDate()));
    }

    @PostMapping("/{rubricVersionId}/retirement")
    @Operation(summary = "停用评价体系版本（RetireRubric）")
    public ResponseEntity<CommandResult> retire(@PathVariable String rubricVersionId,
            @Valid @RequestBody RetireRequest r) {
        RubricVersionId id = new RubricVersionId(rubricVersionId);
        return commands.send(id.value(), new RubricCommand.RetireRubric(id, r.reason(), r.effectiveDate()));
    }
}
