package cn.perfledger.app.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.app.demo.DemoDataLoader;
import cn.perfledger.app.support.H2FileContext;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.projections.reconciliation.Classification;
import cn.perfledger.projections.reconciliation.ReconciliationReport;
import cn.perfledger.projections.reconciliation.ReconciliationReport.DeclaredFigureResult;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The reconciliation of the four demo years (DOMAIN.md §8): every seed mistake is flagged with the right
 * classification, the correct headline figures are EQUAL, and the identities hold. The declared figures come from
 * recorded {@code DeclaredFigureRecorded} events and the ledger values from the folds — nothing here is typed in
 * except the expectations.
 */
@SpringBootTest
class SeedReconciliationTest implements H2FileContext {

    private static final FiscalYearId GZ_2021 = FiscalYearId.of("GZ-ZSJ", 2021);
    private static final FiscalYearId HZ_2023 = FiscalYearId.of("HZ-ZSJ", 2023);
    private static final FiscalYearId PY_2023 = FiscalYearId.of("PY-ZSJ", 2023);
    private static final FiscalYearId HZ_2020 = FiscalYearId.of("HZ-ZSJ", 2020);

    @Autowired
    DemoDataLoader loader;
    @Autowired
    ReconciliationQueries queries;

    @BeforeEach
    void loadSeedsOnce() {
        loader.loadAll();
    }

    private ReconciliationReport report(FiscalYearId year) {
        return queries.reconciliation(year, null, null).result();
    }

    /** The result of the declared figure whose item contains {@code item} and whose printed number is {@code printed}. */
    private static DeclaredFigureResult figure(ReconciliationReport report, String item, String printed) {
        List<DeclaredFigureResult> found = report.declaredFigures().stream()
                .filter(r -> r.item().contains(item) && r.value().toPlainString().equals(printed)).toList();
        assertThat(found).as("declared figure %s %s", item, printed).hasSize(1);
        return found.get(0);
    }

    private static void assertClass(ReconciliationReport report, String item, String printed, Classification expected) {
        assertThat(figure(report, item, printed).classification()).as("%s %s", item, printed).isEqualTo(expected);
    }

    private static void assertIdentitiesHold(ReconciliationReport report) {
        assertThat(report.identities()).isNotEmpty().allSatisfy(i -> assertThat(i.holds()).as(i.explanation()).isTrue());
        assertThat(report.waterfall().total().holds()).isTrue();
        assertThat(report.waterfall().lines()).allSatisfy(l -> assertThat(l.holds()).isTrue());
    }

    /** Only the listed figures raise an alarm: no false alarm on any correct figure. */
    private static void assertAlarmsExactly(ReconciliationReport report, String... figureIds) {
        assertThat(report.declaredFigures().stream().filter(DeclaredFigureResult::alarm).map(DeclaredFigureResult::figureId))
                .containsExactlyInAnyOrder(figureIds);
    }

    @Test
    void gzMunicipal2021_flagsTotalScoreHeaderUnitAndSwappedAssets() {
        ReconciliationReport report = report(GZ_2021);
        DeclaredFigureResult total = figure(report, "自评得分（总分）", "94.65");
        assertThat(total.classification()).isEqualTo(Classification.DISCREPANCY);
        assertThat(total.ledger().explanation()).contains("94.65", "94.35", "+0.30");
        assertClass(report, "表头", "392951003.55", Classification.UNIT_SLIP);
        assertClass(report, "资产原值（印刷）", "197273890.80", Classification.SWAPPED);
        assertClass(report, "在用资产原值（印刷）", "197823733.30", Classification.SWAPPED);
        assertClass(report, "财政拨款 全年预算数", "392951003.55", Classification.EQUAL);
        assertClass(report, "财政拨款 全年执行数", "392533097.08", Classification.EQUAL);
        assertClass(report, "财政拨款 完成率", "99.89", Classification.EQUAL);
        assertClass(report, "年度平均执行率", "104.60", Classification.EQUAL);
        assertClass(report, "热线接通率 得分", "2.66", Classification.EQUAL);
        assertAlarmsExactly(report, "002-01-1", "002-26-1", "002-27-1", "002-41-1");
        assertThat(report.conflicts()).isEmpty();
        assertIdentitiesHold(report);
    }

    @Test
    void haizhu2020_flagsRoundingSumsConflictingThreePublicBudgetAndGrowth() {
        ReconciliationReport report = report(HZ_2020);
        DeclaredFigureResult row = figure(report, "表5 2060199", "3009.28");
        assertThat(row.ledger().classification()).isEqualTo(Classification.EQUAL);
        assertThat(row.structure().classification()).isEqualTo(Classification.ROUNDING);
        assertThat(row.structure().explanation()).contains("1509.02", "1500.25", "3009.27");
        DeclaredFigureResult personnel = figure(report, "表6 人员经费合计", "2478.61");
        assertThat(personnel.ledger().classification()).isEqualTo(Classification.ROUNDING);
        assertThat(personnel.structure().classification()).isEqualTo(Classification.ROUNDING);
        assertClass(report, "说明中的预算数 — 预算数", "3.64", Classification.DISCREPANCY);
        assertThat(report.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.ledgerFigure()).isEqualTo("THREE_PUBLIC.FULL_YEAR");
            assertThat(c.explanation()).contains("1.50", "3.64");
        });
        DeclaredFigureResult growth = figure(report, "一般公共预算财政拨款收入 增长率", "27.80");
        assertThat(growth.classification()).isEqualTo(Classification.DISCREPANCY);
        assertThat(growth.structure().explanation()).contains("27.75%");
        assertClass(report, "本年支出合计 — 本年收入", "5143.02", Classification.EQUAL);
        assertClass(report, "本年支出合计 — 本年支出", "5143.02", Classification.EQUAL);
        // the seed's other one-decimal growth rates (4.90%, 66.30%) are wrong the same way, and 41.21% of a 3.64 budget
        assertAlarmsExactly(report, "001-11-1", "001-11-2", "001-13-1", "001-14-1", "001-15-1");
        assertIdentitiesHold(report);
    }

    @Test
    void haizhu2023_flagsYuanThatShouldBeWanYuan() {
        ReconciliationReport report = report(HZ_2023);
        assertClass(report, "一般公共预算（原文单位“元”）", "5454.98", Classification.UNIT_SLIP);
        assertClass(report, "总收入", "9377.98", Classification.EQUAL);
        assertClass(report, "决算支出数", "9377.98", Classification.EQUAL);
        assertClass(report, "自评得分（总分）", "96.8", Classification.EQUAL);
        // 117% printed for 530 ÷ 450 = 117.78% (not in DOMAIN.md §8, found while transcribing)
        assertAlarmsExactly(report, "000-02-1", "000-11-1");
        assertIdentitiesHold(report);
    }

    @Test
    void panyu2023_flagsUnitSlipsRoundingAndInvertedRatio() {
        ReconciliationReport report = report(PY_2023);
        assertClass(report, "基本支出 年度预算", "1180.85", Classification.UNIT_SLIP);
        assertClass(report, "项目支出 支出", "17865.48", Classification.UNIT_SLIP);
        DeclaredFigureResult executed = figure(report, "预算总收入", "18977.96");
        assertThat(executed.ledger().classification()).isEqualTo(Classification.ROUNDING);
        assertThat(executed.structure().classification()).isEqualTo(Classification.ROUNDING);
        DeclaredFigureResult ratio = figure(report, "机关运行经费", "85.65");
        assertThat(ratio.classification()).isEqualTo(Classification.INVERTED_RATIO);
        assertThat(ratio.structure().classification()).isEqualTo(Classification.INVERTED_RATIO);
        assertThat(ratio.ledger().explanation()).contains("116.76%");
        assertThat(ratio.structure().explanation()).contains("56.40 ÷ 65.85");
        assertClass(report, "全年预算数", "21766.40", Classification.EQUAL);
        assertClass(report, "预算完成率", "87.19", Classification.EQUAL);
        assertClass(report, "自评得分（总分）", "94.4", Classification.EQUAL);
        assertAlarmsExactly(report, "003-10-1", "003-17-1", "003-28-3");
        assertIdentitiesHold(report);
    }

    @Test
    void sameBasis_sameDigest() {
        var first = queries.reconciliation(PY_2023, null, java.time.Instant.parse("2100-01-01T00:00:00Z"));
        var second = queries.reconciliation(PY_2023, null, java.time.Instant.parse("2100-01-01T00:00:00Z"));
        assertThat(first.digest()).isEqualTo(second.digest());
    }
}
