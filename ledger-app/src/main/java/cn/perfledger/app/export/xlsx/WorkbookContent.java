package cn.perfledger.app.export.xlsx;

import cn.perfledger.app.query.BasisResult;
import cn.perfledger.projections.ledger.CarryOverReport;
import cn.perfledger.projections.ledger.ExecutionReport;
import cn.perfledger.projections.scoring.ScoredTable;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What one workbook shows: the department-year, the one basis every sheet was computed at, and the three query
 * results exactly as the API returns them for that basis (with their digests).
 *
 * @param evaluation        the scored 自评表, or null when the year has none at this basis
 * @param evaluationMissing why there is no 自评表 (shown in its place), or null
 */
public record WorkbookContent(String fiscalYearId, String departmentCode, String departmentName, int year,
        LocalDate asOf, Instant knownAt, BasisResult<ScoredTable> evaluation, String evaluationMissing,
        BasisResult<ExecutionReport> execution, BasisResult<CarryOverReport> carryOver) {
}
