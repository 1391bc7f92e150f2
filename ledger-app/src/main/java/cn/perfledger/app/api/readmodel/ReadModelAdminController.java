package cn.perfledger.app.api.readmodel;

import cn.perfledger.app.readmodel.figures.YearFiguresProjection;
import cn.perfledger.app.readmodel.figures.YearFiguresReadModel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administrative operations on the persisted read models. */
@RestController
@RequestMapping("/api/v1/admin/read-models")
@Tag(name = "读模型 read models")
public class ReadModelAdminController {

    /** The answer to a rebuild request: the replay runs in the background from this moment. */
    @Schema(description = "重建已开始：处理器已重置到第一条记录，正在后台重放")
    public record RebuildStarted(
            @Schema(example = "year-figures") String processingGroup,
            @Schema(description = "重置时间（ISO-8601，UTC）") Instant resetAt) {
    }

    private final YearFiguresReadModel yearFigures;
    private final Clock clock;

    public ReadModelAdminController(YearFiguresReadModel yearFigures, Clock clock) {
        this.yearFigures = yearFigures;
        this.clock = clock;
    }

    @PostMapping("/year-figures/rebuild")
    @Operation(summary = "重建读模型 year-figures",
            description = "停止跟踪事件处理器 year-figures，重置其令牌（重置处理器清空 year_figures 表与内存中的折叠状态）并重新启动，"
                    + "处理器随后在后台从第一条记录重放。返回时表已清空，GET .../figures 在重放到该年度之前返回 404；"
                    + "重放完成后的数据与增量维护的数据逐字节相同。多实例部署时须所有实例上的该处理器均未占用分段。")
    @ApiResponse(responseCode = "202", description = "已重置，正在重放")
    public ResponseEntity<RebuildStarted> rebuildYearFigures() {
        yearFigures.rebuild();
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(new RebuildStarted(YearFiguresProjection.PROCESSING_GROUP, clock.instant()));
    }
}
