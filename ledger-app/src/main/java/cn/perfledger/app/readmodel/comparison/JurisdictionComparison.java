package cn.perfledger.app.readmodel.comparison;

import cn.perfledger.app.integrity.IntegrityStatus;
import cn.perfledger.app.readmodel.JurisdictionDirectory;
import cn.perfledger.app.readmodel.JurisdictionDirectory.Member;
import cn.perfledger.app.readmodel.YearIntegrity;
import cn.perfledger.app.readmodel.figures.StoredYearFigures;
import cn.perfledger.app.readmodel.figures.YearFiguresReadModel;
import cn.perfledger.app.readmodel.figures.YearFiguresTotals;
import cn.perfledger.domain.common.FiscalYearId;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;

/**
 * Compares the department-years of one jurisdiction and year. Each row is the year's {@code year_figures} row
 * ({@link YearFiguresReadModel#find}: served when its keyed MAC verifies, else replayed and named as altered) —
 * never a fold of every year; the rows' totals are read from the stored documents as they are
 * ({@link YearFiguresTotals}). A year not in memory
 * is judged by its keyed heads ({@link YearIntegrity}), so a cold instance does not read every year to compare them.
 */
@Service
public class JurisdictionComparison {

    /** The comparison: the rows, and the departments of the jurisdiction that opened the year but have no row yet. */
    @Schema(description = "管辖区域内各部门同一年度的比较")
    public record Comparison(
            @Schema(example = "广州市") String jurisdiction,
            @Schema(description = "是否包含下级管辖区域（如 广州市 之下的 广州市海珠区）") boolean includeSubordinate,
            @Schema(example = "2021") int year,
            @Schema(description = "按部门代码排列，每个部门年度一行") List<ComparisonRow> rows,
            @Schema(description = "已开立该年度、但读模型中尚无其数据的部门（处理器尚未处理到）") List<String> pendingDepartments,
            @Schema(description = "各行完整性的合并；BROKEN 时至少有一行的数字不可信") IntegrityStatus integrity) {
    }

    private final JurisdictionDirectory directory;
    private final YearFiguresReadModel figures;
    private final YearIntegrity yearIntegrity;

    public JurisdictionComparison(JurisdictionDirectory directory, YearFiguresReadModel figures,
            YearIntegrity yearIntegrity) {
        this.directory = directory;
        this.figures = figures;
        this.yearIntegrity = yearIntegrity;
    }

    /** The comparison of the departments {@code visible} lets the caller see (the others are left out unnamed). */
    public Comparison compare(String jurisdiction, boolean includeSubordinate, int year, Predicate<String> visible) {
        Set<String> opened = directory.departmentsWithYear(year);
        List<ComparisonRow> rows = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        for (Member member : directory.members(jurisdiction, includeSubordinate)) {
            if (!visible.test(member.departmentId())) {
                continue;
            }
            FiscalYearId id = FiscalYearId.of(member.departmentId(), year);
            String[] basis = {YearIntegrity.VERIFIED};
            Optional<StoredYearFigures> stored = figures.find(id, year1 -> {
                YearIntegrity.Basis of = yearIntegrity.of(year1);
                basis[0] = of.basis();
                return of.integrity();
            });
            if (stored.isPresent()) {
                rows.add(row(member, stored.get(), "replay".equals(stored.get().source()) ? YearIntegrity.VERIFIED
                        : basis[0]));
            } else if (opened.contains(member.departmentId())) {
                pending.add(member.departmentId());
            }
        }
        return new Comparison(jurisdiction, includeSubordinate, year, List.copyOf(rows), List.copyOf(pending),
                IntegrityStatus.combine(rows.stream().map(ComparisonRow::integrity).toList()));
    }

    private static ComparisonRow row(Member member, StoredYearFigures stored, String integrityBasis) {
        YearFiguresTotals totals = YearFiguresTotals.of(stored);
        IntegrityStatus integrity = member.integrity().broken()
                ? IntegrityStatus.combine(List.of(stored.integrity(), member.integrity())) : stored.integrity();
        return new ComparisonRow(member.departmentId(), member.name(), member.jurisdiction(), stored.fiscalYearId(),
                totals.fullYear(), totals.executed(), totals.executionRate(), totals.carryOut(), totals.totalScore(),
                totals.grade(), stored.lastGlobalIndex(), stored.updatedAt(), stored.source(), integrity,
                integrityBasis);
    }
}
