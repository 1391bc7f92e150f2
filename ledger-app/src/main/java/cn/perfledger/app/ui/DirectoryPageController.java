package cn.perfledger.app.ui;

import cn.perfledger.app.security.CurrentUser;
import cn.perfledger.app.command.NotFoundException;
import cn.perfledger.app.integrity.IntegrityStatus;
import cn.perfledger.app.query.BasisResult;
import cn.perfledger.app.query.YearQueries;
import cn.perfledger.app.readmodel.DirectoryQueries;
import cn.perfledger.app.readmodel.DirectoryQueries.DepartmentView;
import cn.perfledger.app.readmodel.DirectoryQueries.FiscalYearView;
import cn.perfledger.app.readmodel.figures.StoredYearFigures;
import cn.perfledger.app.readmodel.figures.YearFiguresReadModel;
import cn.perfledger.app.readmodel.figures.YearFiguresTotals;
import cn.perfledger.domain.common.DepartmentId;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.projections.ledger.ExecutionReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * 部门与年度: every department with its units and years, each year with a one-line execution summary. A year held in
 * memory is summarised from its replay; any other from its {@code year_figures} row (served when its keyed MAC
 * verifies, else replayed and named), so listing a city of cold years does not read every year.
 */
@Controller
public class DirectoryPageController {

    private static final Logger log = LoggerFactory.getLogger(DirectoryPageController.class);

    /**
     * A year as listed: its directory entry and, when its figures could be had, 全年预算/执行数/执行率, with the
     * integrity of the source they came from.
     */
    public record YearLine(FiscalYearView year, String statusLabel, String href, Amount fullYear, Amount executed,
            String executionRate, IntegrityStatus figuresIntegrity) {
    }

    /** A department as listed. */
    public record DepartmentLine(DepartmentView department, List<YearLine> years) {
    }

    private final DirectoryQueries directory;
    private final YearQueries queries;
    private final YearFiguresReadModel figures;

    public DirectoryPageController(DirectoryQueries directory, YearQueries queries, YearFiguresReadModel figures) {
        this.directory = directory;
        this.queries = queries;
        this.figures = figures;
    }

    @GetMapping("/")
    public String departments(Model model) {
        List<DepartmentLine> lines = new ArrayList<>();
        for (DepartmentView department : directory.departments()) {
            if (!CurrentUser.maySee(department.departmentId())) {
                continue;
            }
            List<YearLine> years = new ArrayList<>();
            for (FiscalYearView year : department.years()) {
                years.add(line(year));
            }
            lines.add(new DepartmentLine(department, years));
        }
        List<IntegrityStatus> statuses = new ArrayList<>();
        lines.forEach(line -> {
            statuses.add(line.department().integrity());
            line.years().forEach(y -> {
                statuses.add(y.year().integrity());
                if (y.figuresIntegrity() != null) {
                    statuses.add(y.figuresIntegrity());
                }
            });
        });
        IntegrityBannerAdvice.IntegrityBanner banner = IntegrityBannerAdvice.IntegrityBanner.of(
                IntegrityStatus.combine(statuses));
        if (banner != null) {
            model.addAttribute("integrityBanner", banner);
        }
        model.addAttribute("departments", lines);
        model.addAttribute("pageTitle", "部门与年度");
        return "ui/departments";
    }

    /** {@code /departments/{dept}} has no page of its own: back to the list, at the department. */
    @GetMapping({"/departments/{dept}", "/departments/{dept}/years"})
    public String department(@PathVariable String dept) {
        new DepartmentId(dept);
        if (directory.department(dept).isEmpty()) {
            throw new NotFoundException("dept", "部门不存在: " + dept);
        }
        return "redirect:/#dept-" + dept;
    }

    private YearLine line(FiscalYearView year) {
        String href = "/departments/" + year.departmentId() + "/years/" + year.year();
        String status = YearPages.statusLabel(year);
        FiscalYearId id = FiscalYearId.of(year.departmentId(), year.year());
        try {
            if (!queries.inMemory(id)) {
                // the directory has judged the year already (verified, or by its heads): no second look at them
                Optional<StoredYearFigures> stored = figures.find(id, unused -> year.integrity());
                if (stored.isPresent()) {
                    YearFiguresTotals totals = YearFiguresTotals.of(stored.get());
                    return new YearLine(year, status, href, Amount.of(totals.fullYear()),
                            Amount.of(totals.executed()), Amount.percent(totals.executionRate()),
                            stored.get().integrity());
                }
            }
            // in memory (exact and cheap), or no row yet (the processor has not reached the year)
            BasisResult<ExecutionReport> execution = queries.execution(id, null, null);
            ExecutionReport report = execution.result();
            return new YearLine(year, status, href, Amount.of(report.total().fullYear()),
                    Amount.of(report.total().executed()), Amount.percent(report.total().executionRate()),
                    execution.integrity());
        } catch (RuntimeException e) {
            // the list stays usable when one year cannot be replayed; its own page shows the error
            log.warn("summary of {} failed: {}", year.fiscalYearId(), e.toString());
            return new YearLine(year, status, href, null, null, null, null);
        }
    }
}
