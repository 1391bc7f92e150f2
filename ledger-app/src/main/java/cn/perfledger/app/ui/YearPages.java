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
