package cn.perfledger.app.api.comparison;

import cn.perfledger.app.readmodel.comparison.JurisdictionComparison;
import cn.perfledger.app.readmodel.comparison.JurisdictionComparison.Comparison;
import cn.perfledger.app.security.CurrentUser;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.FiscalYear;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Compares the department-years of one jurisdiction, from the {@code year-figures} read model. */
@RestController
@Tag(name = "读模型 read models", description = "事件处理器持续维护并保存在数据库中的当前数据；可随时从第一条记录重建")
public class ComparisonController {

    static final int MAX_JURISDICTION = 100;

    private final JurisdictionComparison comparison;

    public ComparisonController(JurisdictionComparison comparison) {
        this.comparison = comparison;
    }

    @GetMapping("/api/v1/comparisons")
    @Operation(summary = "管辖区域比较（读模型）",
            description = "同一管辖区域内各部门同一年度的预算执行、结转结余与自评得分，每个部门年度一行，取自读模型 year_figures"
                    + "（评价基准日为该年 12-31，不逐年回放）。管辖区域按全名精确匹配（登记时的 jurisdiction，如 广州市）；"
                    + "includeSubordinate=true 时另含以其开头的下级区域（广州市 → 广州市海珠区），仅当所给名称以行政层级"
                    + "（省、市、区、县、州、盟、旗、镇、乡）结尾。只列出当前用户部门范围内的部门。某行未通过 MAC 校验时"
                    + "该行数字由记录回放得出（source=replay），其 integrity 指明被改动的行。")
    @ApiResponse(responseCode = "200", description = "比较结果（没有匹配的部门时 rows 为空）")
    @ApiResponse(responseCode = "400", description = "参数不合规（字段与规则见答复）")
    public Comparison compare(
            @Parameter(description = "管辖区域全名，如 广州市 或 广州市海珠区", example = "广州市")
            @RequestParam(required = false) String jurisdiction,
            @Parameter(description = "年度（2000 至 2100）", example = "2021", schema = @Schema(type = "integer"))
            @RequestParam FiscalYear year,
            @Parameter(description = "是否包含下级管辖区域，默认 false") @RequestParam(defaultValue = "false")
            boolean includeSubordinate) {
        // year and includeSubordinate are parsed by the shared binder (api.DateParameters): a bad value is the same
        // 400 as on every other endpoint, naming the parameter and the rule
        return comparison.compare(jurisdiction(jurisdiction), includeSubordinate, year.year(), CurrentUser::maySee);
    }

    private static String jurisdiction(String value) {
        if (value == null || value.isBlank()) {
            throw new DomainException("jurisdiction", "必须填写管辖区域全名（如 广州市）");
        }
        String trimmed = value.strip();
        if (trimmed.length() > MAX_JURISDICTION) {
            throw new DomainException("jurisdiction", "管辖区域不能超过 " + MAX_JURISDICTION + " 个字符");
        }
        if (trimmed.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
            throw new DomainException("jurisdiction", "管辖区域不能含控制字符或不可见字符");
        }
        return trimmed;
    }
}
