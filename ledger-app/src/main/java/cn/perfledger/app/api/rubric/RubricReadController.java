package cn.perfledger.app.api.rubric;

import cn.perfledger.app.rubric.RubricCatalog;
import cn.perfledger.app.rubric.RubricCatalog.Detail;
import cn.perfledger.app.rubric.RubricCatalog.Summary;
import cn.perfledger.app.security.CurrentUser;
import cn.perfledger.app.security.DepartmentScope;
import cn.perfledger.app.security.LedgerUserDetails;
import cn.perfledger.domain.common.RubricVersionId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reading rubric versions: the list and one version with its tree (each leaf's rule, input, texts), rounding,
 * grades and 得分系数, and the department-years that use it. A reader sees the versions for all departments and
 * those naming a department of his scope; the years listed are those of his departments.
 */
@RestController
@RequestMapping("/api/v1/rubrics")
@Tag(name = "评价体系 rubrics", description = "评分规则版本的发布与停用")
public class RubricReadController {

    private final RubricCatalog catalog;

    public RubricReadController(RubricCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    @Operation(summary = "评价体系版本列表", description = "按版本号排列：名称、地区、适用部门、适用年度、总分、加分上限、生效与停用、末级评分项数、使用该版本的部门年度。")
    public List<Summary> list() {
        return catalog.list(reader());
    }

    @GetMapping("/{rubricVersionId}")
    @Operation(summary = "一个评价体系版本（评分项树、规则、文字、使用年度）",
            responses = {
                    @ApiResponse(responseCode = "200", description = "该版本"),
                    @ApiResponse(responseCode = "404", description = "未发布，或不在当前用户的部门范围内",
                            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))})
    public Detail get(@Parameter(description = "版本号", example = "gz-municipal-2021@1") @PathVariable
            String rubricVersionId) {
        return catalog.get(new RubricVersionId(rubricVersionId), reader());
    }

    static DepartmentScope reader() {
        return CurrentUser.get().map(LedgerUserDetails::scope).orElse(DepartmentScope.of());
    }
}
