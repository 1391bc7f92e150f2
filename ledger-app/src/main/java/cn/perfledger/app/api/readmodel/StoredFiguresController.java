package cn.perfledger.app.api.readmodel;

import cn.perfledger.app.command.NotFoundException;
import cn.perfledger.app.readmodel.figures.StoredYearFigures;
import cn.perfledger.app.readmodel.figures.YearFiguresReadModel;
import cn.perfledger.domain.common.FiscalYearId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The current figures of a department-year as the {@code year-figures} read model keeps them in the database. */
@RestController
@Tag(name = "读模型 read models", description = "事件处理器持续维护并保存在数据库中的当前数据；可随时从第一条记录重建")
public class StoredFiguresController {

    private final YearFiguresReadModel readModel;

    public StoredFiguresController(YearFiguresReadModel readModel) {
        this.readModel = readModel;
    }

    @GetMapping("/api/v1/departments/{dept}/years/{year}/figures")
    @Operation(summary = "部门年度当前数据（读模型）",
            description = "跟踪事件处理器 year-figures 保存的当前数据：预算执行、结转结余、绩效指标完成情况与评分后的自评表，"
                    + "评价基准日为该年 12-31，包含截至 lastGlobalIndex 已记录的全部记录。与按时点查询（asOf=12-31，knownAt=当前）"
                    + "使用同一套折叠代码，处理器追上后逐字节相同（digests 与各查询的 digest 相同）。处理器尚未写入时返回 404。")
    @ApiResponse(responseCode = "200", description = "已保存的当前数据")
    @ApiResponse(responseCode = "404", description = "读模型中尚无该部门年度（未开立，或处理器尚未处理到）")
    public StoredYearFigures figures(@PathVariable String dept, @PathVariable int year) {
        FiscalYearId id = FiscalYearId.of(dept, year);
        return readModel.find(id).orElseThrow(() -> new NotFoundException("year",
                "读模型中尚无该部门年度（未开立，或处理器尚未处理到）: " + id));
    }
}
