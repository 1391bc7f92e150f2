package cn.perfledger.app.export;

import cn.perfledger.app.imports.evaluation.LayoutCatalog;
import cn.perfledger.app.imports.evaluation.LayoutDefinition;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.app.export.xlsx.WorkbookContent;
import cn.perfledger.app.export.xlsx.YearWorkbook;
import cn.perfledger.app.query.BasisResult;
import cn.perfledger.app.query.YearQueries;
import cn.perfledger.domain.common.ConflictException;
import cn.perfledger.domain.budget.BudgetEvent.FiscalYearOpened;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.projections.basis.Basis;
import cn.perfledger.projections.basis.RecordedEvent;
import cn.perfledger.projections.ledger.CarryOverReport;
import cn.perfledger.projections.ledger.ExecutionReport;
import cn.perfledger.projections.scoring.ScoredTable;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.stereotype.Service;

/**
 * Builds the workbook of a department-year at a basis from the same queries the API answers with. The basis is
 * fixed once — {@code knownAt} defaults to now only here — and every sheet is computed at it, so the sheets agree
 * with each other and with {@code /evaluation}, {@code /execution} and {@code /carryover} asked with the basis the
 * workbook states. A year without a scored table at the basis (no rubric published, evaluation not started) still
 * exports its ledger sheets, with the reason in place of the 自评表.
 */
@Service
public class YearExportService {

    private final YearQueries queries;

    public YearExportService(YearQueries queries) {
        this.queries = queries;
    }

    public ExportedWorkbook export(FiscalYearId year, LocalDate asOf, Instant knownAt) {
        return export(year, asOf, knownAt, null);
    }

    /** The workbook with its 自评表 in the layout {@code layoutId} (null: the default ten-column table). */
    public ExportedWorkbook export(FiscalYearId year, LocalDate asOf, Instant knownAt, String layoutId) {
        LayoutDefinition layout = layoutId == null || layoutId.isBlank() ? null : LayoutCatalog.byId(layoutId)
                .orElseThrow(() -> new DomainException("layout", "没有样式「" + layoutId.strip() + "」；已知的自评表样式："
                        + LayoutCatalog.described()));
        Basis basis = queries.basis(year, asOf, knownAt);
        BasisResult<ExecutionReport> execution = queries.execution(year, basis.asOf(), basis.knownAt());
        if (execution.integrity().broken()) {
            // a workbook leaves the ledger and is read without it: it must never carry numbers from a broken chain
            throw new ConflictException("integrity", "记录链校验未通过，不能导出 Excel（数字不可信）：" + execution.integrity().summary());
        }
        BasisResult<CarryOverReport> carryOver = queries.carryOver(year, basis.asOf(), basis.knownAt());
        BasisResult<ScoredTable> evaluation = queries.scoredTable(year, basis.asOf(), basis.knownAt()).orElse(null);
        String missing = evaluation == null ? YearQueries.NO_SCORED_TABLE : null;
        String departmentName = departmentName(year);
        WorkbookContent content = new WorkbookContent(year.toString(), year.department().code(), departmentName,
                year.year().year(), basis.asOf(), basis.knownAt(), evaluation, missing, execution, carryOver);
        return new ExportedWorkbook(ExportFileName.of(year, basis.asOf()), basis.asOf(), basis.knownAt(),
                YearWorkbook.write(content, layout));
    }

    /** The name the year was opened under (its first event), so that the name does not depend on a read model. */
    private String departmentName(FiscalYearId year) {
        for (RecordedEvent event : queries.events(year)) {
            if (event.payload() instanceof FiscalYearOpened opened && opened.departmentName() != null) {
                return opened.departmentName();
            }
        }
        return year.department().code();
    }
}
