package cn.perfledger.app.ui;

import cn.perfledger.app.command.NotFoundException;
import cn.perfledger.app.eventlog.EventLogQuery;
import cn.perfledger.app.readmodel.DirectoryQueries;
import cn.perfledger.app.readmodel.DirectoryQueries.FiscalYearView;
import cn.perfledger.domain.common.FiscalYearId;
import org.springframework.stereotype.Component;

/** What every page of one department-year needs first: the id (validated), that the year exists, its header. */
@Component
public class YearPages {

    /** The header of a department-year page. */
    public record YearHeader(String dept, int year, String fiscalYearId, String departmentName, String status,
            String statusLabel, String rubricVersion, String basePath) {
    }

    private final DirectoryQueries directory;
    private final EventLogQuery eventLog;

    public YearPages(DirectoryQueries directory, EventLogQuery eventLog) {
        this.directory = directory;
        this.eventLog = eventLog;
    }

    /** The department-year, or a 404 (unknown) / 400 (malformed department code or year). */
    public FiscalYearId require(String dept, int year) {
        FiscalYearId id = FiscalYearId.of(dept, year);
        if (!eventLog.exists(id)) {
            boolean known = directory.department(dept).isPresent();
            throw new NotFoundException("year", known ? "部门 " + dept + " 没有 " + year + " 年度的账本"
                    : "部门年度不存在（部门未登记或该年度尚未开立）: " + id);
        }
        return id;
    }

    /**
     * What to say when the 知悉时点 lies before the year's first record: at that instant the ledger knew nothing of
     * the year, so every figure is empty — not "no rubric published". Null when the basis is after it (or now).
     */
    public String beforeFirstRecord(FiscalYearId id, java.time.Instant knownAt) {
        if (knownAt == null) {
            return null;
        }
        var first = eventLog.page(id, new EventLogQuery.Filter(java.util.List.of(), null, null), 0, 1).events();
        if (first.isEmpty() || first.get(0).recordedAt() == null) {
            return null;
        }
        java.time.Instant recorded = java.time.Instant.parse(first.get(0).recordedAt());
        return knownAt.isBefore(recorded) ? "知悉时点 " + BasisForm.beijing(knownAt) + " 早于该年度的第一条记录（"
                + BasisForm.beijing(recorded) + " 记录）：此时点账本中还没有这一年度的任何记录，下列数字均为空。" : null;
    }

    public YearHeader header(FiscalYearId id) {
        String dept = id.department().code();
        int year = id.year().year();
        String base = "/departments/" + dept + "/years/" + year;
        return directory.fiscalYear(id.toString())
                .map(view -> new YearHeader(dept, year, id.toString(), view.departmentName(), view.status(),
                        statusLabel(view), view.rubricVersion(), base))
                .orElseGet(() -> new YearHeader(dept, year, id.toString(), dept, null, "—", null, base));
    }

    /** 已结账 / 进行中. */
    public static String statusLabel(FiscalYearView year) {
        return "CLOSED".equals(year.status()) ? "已结账" : "进行中";
    }
}
