package cn.perfledger.app.api.eventlog;

import cn.perfledger.projections.audit.EventTypeLabels;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The record types of a year with their Chinese names, so that clients (the CLI's --type) can take either. */
@RestController
@Tag(name = "记录 events")
public class EventTypesController {

    @GetMapping("/api/v1/event-types")
    @Operation(summary = "年度记录类型：英文简名 → 中文名称（时间线与 --type 的可选值）")
    public Map<String, String> eventTypes() {
        return EventTypeLabels.LABELS;
    }
}
