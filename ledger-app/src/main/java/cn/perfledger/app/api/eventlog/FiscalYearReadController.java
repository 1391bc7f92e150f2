package cn.perfledger.app.api.eventlog;

import cn.perfledger.app.command.NotFoundException;
import cn.perfledger.app.eventlog.EventLogQuery;
import cn.perfledger.app.eventlog.EventLogQuery.EventPage;
import cn.perfledger.app.eventlog.EventLogQuery.Filter;
import cn.perfledger.app.readmodel.DirectoryQueries;
import cn.perfledger.app.readmodel.DirectoryQueries.FiscalYearView;
import cn.perfledger.domain.common.FiscalYearId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A department-year as the directory knows it, and its event log straight from the event store. */
@RestController
@RequestMapping("/api/v1/departments/{dept}/years/{year}")
@Tag(name = "记录 events", description = "部门年度概况与记录（按全局序号排列）")
public class FiscalYearReadController {

    /** A department-year: the directory entry plus the lengths of its two streams. */
    public record FiscalYearSummary(String fiscalYearId, FiscalYearView directory, long budgetEventCount,
            long evaluationEventCount) {
    }

    private final DirectoryQueries directory;
    private final EventLogQuery events;

    public FiscalYearReadController(DirectoryQueries directory, EventLogQuery events) {
        this.directory = directory;
        this.events = events;
    }

    @GetMapping
    @Operation(summary = "部门年度概况",
            description = "directory 来自目录读模型（可能比账本晚几毫秒，尚未同步时为 null）；记录数直接取自账本。")
    public FiscalYearSummary get(@PathVariable String dept, @PathVariable int year) {
        FiscalYearId id = FiscalYearId.of(dept, year);
        long budgetEvents = events.streamLength(id.toString());
        if (budgetEvents == 0) {
            throw new NotFoundException("year", "部门年度不存在（尚未开立）: " + id);
        }
        return new FiscalYearSummary(id.toString(), directory.fiscalYear(id.toString()).orElse(null), budgetEvents,
                events.streamLength(id + "/evaluation"));
    }

    @GetMapping("/events")
    @Operation(summary = "部门年度的记录",
            description = "预算台账（DEPT/YEAR）与自评（DEPT/YEAR/evaluation）两条记录链，按全局序号排列；"
                    + "可按记录类型（英文简名，可多个）与业务日期区间筛选；分页从 0 开始，默认每页 100 条，最多 1000 条。")
    public EventPage events(@PathVariable String dept, @PathVariable int year,
            @Parameter(description = "页码，从 0 开始") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "每页条数（1–1000）") @RequestParam(defaultValue = "100") int size,
            @Parameter(description = "记录类型简名，如 ExpenditureRecorded；可重复或以逗号分隔")
            @RequestParam(required = false) List<String> type,
            @Parameter(description = "业务日期起（含）") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "业务日期止（含）") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        FiscalYearId id = FiscalYearId.of(dept, year);
        if (!events.exists(id)) {
            throw new NotFoundException("year", "部门年度不存在（尚未开立）: " + id);
        }
        List<String> types = new ArrayList<>();
        if (type != null) {
            for (String t : type) {
                for (String part : t.split(",")) {
                    if (!part.isBlank()) {
                        types.add(part.strip());
                    }
                }
            }
        }
        return events.page(id, new Filter(types, from, to), page, size);
    }
}
