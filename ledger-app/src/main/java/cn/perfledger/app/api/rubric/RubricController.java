package cn.perfledger.app.api.rubric;

import cn.perfledger.app.api.ApiCommands;
import cn.perfledger.app.api.CommandResult;
import cn.perfledger.app.api.ProblemFactory;
import cn.perfledger.app.api.Problems;
import cn.perfledger.app.command.NotFoundException;
import cn.perfledger.app.readmodel.DepartmentRegister;
import cn.perfledger.app.rubric.RubricDirectory;
import cn.perfledger.app.security.CurrentUser;
import cn.perfledger.app.security.DepartmentScope;
import cn.perfledger.app.security.LedgerUserDetails;
import cn.perfledger.domain.common.DepartmentId;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.RubricVersionId;
import cn.perfledger.domain.evaluation.GradeCoefficients;
import cn.perfledger.domain.rubric.GradeScale;
import cn.perfledger.domain.rubric.Rounding;
import cn.perfledger.domain.rubric.RubricCommand;
import cn.perfledger.domain.rubric.RubricNode;
import cn.perfledger.domain.rubric.RubricScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rubric versions ({@code Rubric}, id the version, e.g. {@code gz-municipal-2021@1}): publish once, retire later.
 * The tree is the domain's own {@link RubricNode} form (rules and inputs carry a {@code kind}); the ledger's
 * rubric validator reports every problem with the path of the offending node.
 *
 * <p>A version names the departments that may use it ({@code scope}). An administrator may publish or retire
 * only a version whose scope his own department scope covers: one scoped to 海珠 cannot publish a version for all
 * departments, nor retire one that 番禺's years use (403, nothing written).
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
            @Schema(description = "适用部门：{\"allDepartments\":true} 或 {\"departments\":[\"HZ-ZSJ\"]}")
            @NotNull(message = REQUIRED) RubricScope scope,
            @Schema(example = "2021") @NotNull(message = REQUIRED) Integer templateYear,
            @Schema(example = "100") @NotNull(message = REQUIRED) BigDecimal totalWeight,
            @Schema(description = "加分上限（无加减分项时为 0）", example = "5") BigDecimal bonusCap,
            @NotNull(message = REQUIRED) List<RubricNode> tree,
            @NotNull(message = REQUIRED) Rounding rounding,
            @Schema(description = "等级（省略时为 优/良/中/差 默认）") GradeScale grades,
            @Schema(description = "定性指标得分系数（省略时为 达成 1、基本达成 0.8、部分达成 0.6、未达成 0）")
            GradeCoefficients gradeCoefficients,
            @Schema(description = "规则来源说明", example = "依据市财政局印发的部门整体支出绩效自评指标体系") String sourceNote,
            @NotNull(message = REQUIRED) LocalDate effectiveDate) {
    }

    @Schema(description = "停用评价体系版本")
    public record RetireRequest(@NotNull(message = REQUIRED) String reason,
            @NotNull(message = REQUIRED) LocalDate effectiveDate) {
    }

    private final ApiCommands commands;
    private final RubricDirectory rubrics;
    private final DepartmentRegister departments;

    public RubricController(ApiCommands commands, RubricDirectory rubrics, DepartmentRegister departments) {
        this.commands = commands;
        this.rubrics = rubrics;
        this.departments = departments;
    }

    @PostMapping
    @Operation(summary = "发布评价体系版本（PublishRubric）",
            description = "scope 所列部门须已登记；发布者的部门范围须覆盖 scope（适用于全部部门的版本只有全部部门范围的管理员可发布）。")
    public ResponseEntity<CommandResult> publish(@Valid @RequestBody PublishRequest r) {
        requireRegistered(r.scope());
        requireCoveredByCurrentUser(r.scope(), "发布");
        return commands.send(r.rubricVersionId().value(), new RubricCommand.PublishRubric(
                r.rubricVersionId(), r.name(), r.jurisdiction(), r.scope(), r.templateYear(), r.totalWeight(),
                r.bonusCap(), r.tree(), r.rounding(), r.grades(), r.gradeCoefficients(), r.sourceNote(),
                r.effectiveDate()));
    }

    @PostMapping("/{rubricVersionId}/retirement")
    @Operation(summary = "停用评价体系版本（RetireRubric）",
            description = "停用者的部门范围须覆盖该版本的适用部门：只管一个部门的管理员不能停用其他部门也在用的版本。")
    public ResponseEntity<CommandResult> retire(@PathVariable String rubricVersionId,
            @Valid @RequestBody RetireRequest r) {
        RubricVersionId id = new RubricVersionId(rubricVersionId);
        RubricDirectory.Version version = rubrics.find(id).orElseThrow(() -> new NotFoundException("rubricVersionId",
                "评价体系版本未发布: " + id));
        requireCoveredByCurrentUser(version.scope(), "停用");
        // the write lock: no year opens under this version between the check above and the retirement
        return rubrics.exclusively(id, () -> commands.send(id.value(),
                new RubricCommand.RetireRubric(id, r.reason(), r.effectiveDate())));
    }

    /** A version for departments nobody registered would be a typo nobody notices until a year cannot open. */
    private void requireRegistered(RubricScope scope) {
        if (scope == null || scope.allDepartments()) {
            return; // the domain validator refuses a missing scope with its own message
        }
        for (int i = 0; i < scope.departments().size(); i++) {
            DepartmentId department = scope.departments().get(i);
            if (department != null && !departments.isRegistered(department)) {
                throw new DomainException("scope.departments[" + i + "]", "部门未登记: " + department);
            }
        }
    }

    private static void requireCoveredByCurrentUser(RubricScope scope, String action) {
        if (scope == null) {
            return;
        }
        LedgerUserDetails user = CurrentUser.get().orElse(null);
        DepartmentScope own = user == null ? null : user.scope();
        if (own == null || !own.covers(scope)) {
            String who = user == null ? "当前用户" : user.getUsername() + "（部门范围：" + own + "）";
            throw forbidden("scope", who + " 无权" + action + "适用于 " + scope.label()
                    + " 的评价体系版本：发布者或停用者的部门范围须覆盖该版本的适用部门");
        }
    }

    /** 403 as Problem Details with {@code field} and {@code rule}, like the security layer's refusals. */
    private static ErrorResponseException forbidden(String field, String rule) {
        return new ErrorResponseException(HttpStatus.FORBIDDEN,
                ProblemFactory.problem(HttpStatus.FORBIDDEN, Problems.FORBIDDEN, field, rule, null), null);
    }
}
