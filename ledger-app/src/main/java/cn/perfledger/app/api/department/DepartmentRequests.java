package cn.perfledger.app.api.department;

import cn.perfledger.domain.common.DepartmentId;
import cn.perfledger.domain.common.UnitCode;
import cn.perfledger.domain.department.DepartmentEvent.Unit;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;

/** Request bodies of the department endpoints. */
public final class DepartmentRequests {

    static final String REQUIRED = "不能为空";

    private DepartmentRequests() {
    }

    @Schema(description = "单位")
    public record UnitRequest(
            @Schema(description = "单位编码", example = "BJ") @NotNull(message = REQUIRED) UnitCode code,
            @Schema(description = "单位名称", example = "本级") @NotNull(message = REQUIRED) String name,
            @Schema(description = "是否本级单位（每个部门恰好一个）") boolean headOffice) {

        Unit toUnit() {
            return new Unit(code, name, headOffice);
        }
    }

    @Schema(description = "登记部门")
    public record RegisterDepartmentRequest(
            @Schema(description = "部门编码", example = "GZ-ZSJ") @NotNull(message = REQUIRED) DepartmentId departmentId,
            @Schema(description = "部门名称", example = "广州市某局") @NotNull(message = REQUIRED) String name,
            @Schema(description = "所属政府层级", example = "广州市") @NotNull(message = REQUIRED) String jurisdiction,
            @Schema(description = "单位，恰好一个本级") @NotEmpty(message = "至少需要一个单位（本级）") List<@Valid @NotNull(message = REQUIRED) UnitRequest> units,
            @Schema(description = "业务日期", example = "2021-01-01") @NotNull(message = REQUIRED) LocalDate effectiveDate) {
    }

    @Schema(description = "新增单位")
    public record AddUnitRequest(
            @Valid @NotNull(message = REQUIRED) UnitRequest unit,
            @Schema(description = "业务日期", example = "2021-01-01") @NotNull(message = REQUIRED) LocalDate effectiveDate) {
    }
}
