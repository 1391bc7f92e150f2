package cn.perfledger.projections.reconciliation;

import cn.perfledger.domain.budget.EconomicCode.ThreePublicCategory;
import cn.perfledger.domain.budget.ExpenditureKind;
import cn.perfledger.domain.budget.FundingSource;
import cn.perfledger.domain.budget.ProcurementCategory;
import cn.perfledger.domain.common.Money;
import cn.perfledger.domain.evaluation.EvaluationEvent.DeclaredFigureRecorded;
import cn.perfledger.domain.evaluation.LedgerFigureKey;
import cn.perfledger.projections.ledger.Adjustment;
import cn.perfledger.projections.ledger.CarryOverReport;
import cn.perfledger.projections.ledger.Grouping;
import cn.perfledger.projections.ledger.LedgerMetrics;
import cn.perfledger.projections.ledger.LineFigures;
import cn.perfledger.projections.ledger.ProcurementFigures;
import cn.perfledger.projections.ledger.Totals;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The reconciliation of a department-year at one basis (DOMAIN.md §8): (a) the adjustment waterfall per line and in
 * total (年初 → each 调整 with 文号, reason and date → 全年) with its identity; (b) the identities of the final
 * accounts on the ledger's own figures, each with both sides; (c) every declared figure against the ledger value
 * its key names and against its own printed operands, classified and explained in Chinese, plus (d) declarations of
 * the same figure in one document that disagree. Plain data; the same basis gives the same report.
 */
public record ReconciliationReport(Waterfall waterfall, List<IdentityCheck> identities,
        List<DeclaredFigureResult> declaredFigures, List<Conflict> conflicts, Summary summary) {

    public record Step(String kind, String documentNo, String reason, LocalDate effectiveDate, Money amount,
            Money runningTotal) {
    }

    /** One line's (or the total's) waterfall; {@code holds} checks initial + Σ steps = fullYear. */
    public record LineWaterfall(String lineId, String label, Money initial, List<Step> steps, Money adjustments,
            Money fullYear, boolean holds) {
    }

    public record Waterfall(List<LineWaterfall> lines, LineWaterfall total) {
    }

    /** An identity with both sides; {@code explanation} says what was compared and, when it fails, why. */
    public record IdentityCheck(String code, String name, String leftLabel, BigDecimal left, String rightLabel,
            BigDecimal right, boolean holds, String explanation) {
    }

    /**
     * One declared figure: its comparison with the ledger ({@code ledger}, null when it names no key) and with its
     * printed operands ({@code structure}, null when none were printed). {@code classification} is the worse of the
     * two; {@code alarm} says whether it is an error to flag (尾数误差 is a note).
     */
    public record DeclaredFigureResult(String figureId, String document, String item, String printedValue,
            BigDecimal value, String unitAsPrinted, String ledgerFigure, String ledgerFigureLabel, Verdict ledger,
            String structureKind, Verdict structure, Classification classification, boolean alarm) {
    }

    /** Two declarations of the same ledger figure in one document that disagree. */
    public record Conflict(String document, String ledgerFigure, String label, String figureId, String printedValue,
            String otherFigureId, String otherPrintedValue, String explanation) {
    }

    public record Summary(int declared, int equal, int rounding, int alarms, int conflicts, int identities,
            int identitiesFailed) {
    }

    public static ReconciliationReport of(FigureSource source, List<DeclaredFigureRecorded> declared) {
        LedgerMetrics metrics = source.metrics();
        Waterfall waterfall = waterfall(metrics.fold().lines());
        List<IdentityCheck> identities = identities(metrics, waterfall);
        List<DeclaredFigureResult> results = new ArrayList<>();
        for (DeclaredFigureRecorded figure : declared) {
            results.add(check(source, figure));
        }
        List<Conflict> conflicts = conflicts(results);
        Summary summary = new Summary(results.size(),
                (int) results.stream().filter(r -> r.classification() == Classification.EQUAL).count(),
                (int) results.stream().filter(r -> r.classification() == Classification.ROUNDING).count(),
                (int) results.stream().filter(DeclaredFigureResult::alarm).count(), conflicts.size(), identities.size(),
                (int) identities.stream().filter(i -> !i.holds()).count());
        return new ReconciliationReport(waterfall, identities, results, conflicts, summary);
    }

    // --- (a) waterfall ------------------------------------------------------------------------------------------

    static Waterfall waterfall(Collection<LineFigures> lines) {
        List<LineWaterfall> perLine = new ArrayList<>();
        Money initial = Money.ZERO;
        Money fullYear = Money.ZERO;
        Map<String, Money> byDocument = new LinkedHashMap<>();
        Map<String, Adjustment> firstOfDocument = new LinkedHashMap<>();
        List<Adjustment> all = new ArrayList<>();
        for (LineFigures line : lines) {
            List<Step> steps = new ArrayList<>();
            Money running = line.initial();
            for (Adjustment a : line.adjustmentHistory()) {
                running = running.plus(a.amount());
                steps.add(new Step(a.kind().chineseName(), a.documentNo(), a.reason(), a.effectiveDate(), a.amount(), running));
                all.add(a);
            }
            perLine.add(new LineWaterfall(line.lineId().value(), label(line), line.initial(), steps,
                    running.minus(line.initial()), line.fullYear(), running.equals(line.fullYear())));
            initial = initial.plus(line.initial());
            fullYear = fullYear.plus(line.fullYear());
        }
        all.sort(java.util.Comparator.comparing(Adjustment::effectiveDate).thenComparingLong(Adjustment::globalSequence));
        for (Adjustment a : all) {
            String key = a.globalSequence() + "|" + a.documentNo();
            byDocument.merge(key, a.amount(), Money::plus);
            firstOfDocument.putIfAbsent(key, a);
        }
        List<Step> totalSteps = new ArrayList<>();
        Money running = initial;
        for (Map.Entry<String, Money> e : byDocument.entrySet()) {
            Adjustment a = firstOfDocument.get(e.getKey());
            running = running.plus(e.getValue());
            totalSteps.add(new Step(a.kind().chineseName(), a.documentNo(), a.reason(), a.effectiveDate(), e.getValue(),
                    running));
        }
        LineWaterfall total = new LineWaterfall("TOTAL", "合计", initial, totalSteps, running.minus(initial), fullYear,
                running.equals(fullYear));
        return new Waterfall(perLine, total);
    }

    private static String label(LineFigures line) {
        return line.spec().unit().value() + " " + line.spec().fundingSource().chineseName() + " "
                + line.spec().kind().chineseName() + (line.spec().projectName() == null ? "" : " " + line.spec().projectName())
                + " 功能" + line.spec().functionalCode() + " 经济" + line.spec().economicCode();
    }

    // --- (b) identities -----------------------------------------------------------------------------------------

    static List<IdentityCheck> identities(LedgerMetrics metrics, Waterfall waterfall) {
        List<IdentityCheck> checks = new ArrayList<>();
        Collection<LineFigures> lines = metrics.fold().lines();
        Totals total = metrics.total();

        // 总计: 年初结转结余 + 本年收入 = 本年支出 + 指标收回 + 年末结转结余 (at close: the carry-out the close recorded)
        CarryOverReport carry = CarryOverReport.of(metrics);
        Money carryOut = carry.closed() ? carry.carryOutRecordedAtClose() : total.carryOut();
        Money left = total.carryIn().plus(total.fullYear()).plus(total.otherFunds());
        Money right = total.executed().plus(total.withdrawn()).plus(carryOut);
        checks.add(identity("BALANCE", "总计平衡：年初结转和结余 + 本年预算指标 = 本年支出 + 指标收回/结余分配 + 年末结转和结余",
                "年初结转和结余 + 本年预算指标（全年预算 + 其他资金收入）", left, "本年支出 + 指标收回 + 年末结转和结余" + (carry.closed() ? "（结账记录）" : ""),
                right, carry.closed() ? "年末结转和结余取结账时记录的数；结账后的更正会使两边不等"
                        : "年度未结账：年末结转和结余为账本按恒等式推算的余数，两边必然相等"));

        // initial + Σ adjustments = full-year, per line and in total
        long unbalanced = waterfall.lines().stream().filter(l -> !l.holds()).count();
        checks.add(identity("WATERFALL", "年初预算 + Σ 调整 = 全年预算（合计；逐行见调整瀑布）", "年初预算 + Σ 调整（按文号）",
                waterfall.total().initial().plus(waterfall.total().adjustments()), "全年预算", waterfall.total().fullYear(),
                unbalanced == 0 ? waterfall.lines().size() + " 条预算行逐行成立" : unbalanced + " 条预算行不成立"));

        // 合计 = Σ 资金来源
        for (boolean executed : new boolean[] {false, true}) {
            Map<FundingSource, Totals> bySource = Grouping.totals(lines, l -> l.spec().fundingSource());
            checks.add(identity("SOURCES" + suffix(executed), "合计 = Σ 资金来源（" + what(executed) + "）", "合计", pick(total, executed),
                    "Σ " + String.join(" + ", bySource.keySet().stream().map(FundingSource::chineseName).toList()),
                    sum(bySource.values(), executed), null));
            Totals basic = metrics.basic();
            Totals project = metrics.project();
            checks.add(identity("BASIC_PROJECT" + suffix(executed), "支出 = 基本支出 + 项目支出（" + what(executed) + "）", "合计",
                    pick(total, executed), "基本支出 + 项目支出", pick(basic, executed).plus(pick(project, executed)), null));
            Totals personnel = metrics.ofKind(ExpenditureKind.BASIC_PERSONNEL);
            Totals operating = metrics.operatingExpense();
            checks.add(identity("PERSONNEL_OPERATING" + suffix(executed), "基本支出 = 人员经费 + 公用经费（" + what(executed) + "）",
                    "基本支出", pick(basic, executed), "人员经费 + 公用经费",
                    pick(personnel, executed).plus(pick(operating, executed)), null));
            Map<ThreePublicCategory, Totals> parts = Grouping.totals(lines,
                    l -> l.spec().economicCode().threePublicCategory().orElse(null));
            checks.add(identity("THREE_PUBLIC" + suffix(executed), "“三公”经费 = 因公出国（境） + 公务用车（购置 + 运行维护） + 公务接待（"
                    + what(executed) + "）", "“三公”经费", pick(metrics.threePublic(), executed),
                    "出国 + 车购置 + 车运行 + 接待", sum(parts.values(), executed), null));
            checks.addAll(functional(lines, executed));
        }

        // 采购 = 货物 + 工程 + 服务
        Collection<ProcurementFigures> procurements = metrics.fold().procurements();
        for (boolean executed : new boolean[] {false, true}) {
            Money whole = executed ? metrics.procurementExecuted() : metrics.procurementPlanned();
            Money parts = Money.ZERO;
            for (ProcurementCategory category : ProcurementCategory.values()) {
                for (ProcurementFigures p : procurements) {
                    if (p.plan().category() == category) {
                        parts = parts.plus(executed ? p.executed() : p.plan().planAmount());
                    }
                }
            }
            checks.add(identity("PROCUREMENT" + suffix(executed), "政府采购 = 货物 + 工程 + 服务（" + (executed ? "执行" : "预算") + "）",
                    "政府采购合计", whole, "货物 + 工程 + 服务", parts, null));
        }
        return checks;
    }

    /** 类 = Σ 款 (+ lines coded only at 类) and 款 = Σ 项 (+ lines coded only at 款), per 类. */
    private static List<IdentityCheck> functional(Collection<LineFigures> lines, boolean executed) {
        List<IdentityCheck> checks = new ArrayList<>();
        Map<String, Totals> classes = Grouping.totals(lines, l -> l.spec().functionalCode().classCode());
        for (Map.Entry<String, Totals> c : classes.entrySet()) {
            List<LineFigures> inClass = lines.stream().filter(l -> l.spec().functionalCode().classCode().equals(c.getKey())).toList();
            Money sections = sum(Grouping.totals(inClass, l -> l.spec().functionalCode().sectionCode()).values(), executed);
            Money items = sum(Grouping.totals(inClass, l -> l.spec().functionalCode().itemCode()).values(), executed);
            Money classOnly = sum(List.of(Grouping.total(filter(inClass, l -> l.spec().functionalCode().sectionCode() == null))), executed);
            Money sectionOnly = sum(List.of(Grouping.total(filter(inClass, l -> l.spec().functionalCode().sectionCode() != null
                    && l.spec().functionalCode().itemCode() == null))), executed);
            String note = classOnly.isZero() && sectionOnly.isZero() ? "所有预算行均编到项级"
                    : "只编到类级的预算行 " + classOnly + " 元、只编到款级的 " + sectionOnly + " 元（文件未列示更细的科目，如 229 占位）计入右边";
            checks.add(identity("FUNCTIONAL_" + c.getKey() + suffix(executed), "功能分类 类 " + c.getKey() + " = Σ 款 = Σ 项（" + what(executed) + "）",
                    "类 " + c.getKey(), pick(c.getValue(), executed), "Σ 款 + 类级行",
                    sections.plus(classOnly), note));
            checks.add(identity("FUNCTIONAL_" + c.getKey() + "_ITEMS" + suffix(executed), "功能分类 类 " + c.getKey() + " 的 Σ 款 = Σ 项（"
                    + what(executed) + "）", "Σ 款", sections, "Σ 项 + 款级行", items.plus(sectionOnly), note));
        }
        return checks;
    }

    private static List<LineFigures> filter(List<LineFigures> lines, Predicate<LineFigures> p) {
        return lines.stream().filter(p).toList();
    }

    private static String suffix(boolean executed) {
        return executed ? "_EXECUTED" : "_FULL_YEAR";
    }

    private static String what(boolean executed) {
        return executed ? "执行数" : "全年预算";
    }

    private static Money pick(Totals totals, boolean executed) {
        return executed ? totals.executed() : totals.fullYear();
    }

    private static Money sum(Collection<Totals> totals, boolean executed) {
        return totals.stream().map(t -> pick(t, executed)).reduce(Money.ZERO, Money::plus);
    }

    private static IdentityCheck identity(String code, String name, String leftLabel, Money left, String rightLabel,
            Money right, String note) {
        boolean holds = left.equals(right);
        String explanation = (holds ? "成立：" : "不成立：") + leftLabel + " " + left + " 元，" + rightLabel + " " + right + " 元"
                + (holds ? "" : "，相差 " + left.minus(right) + " 元") + (note == null ? "" : "；" + note);
        return new IdentityCheck(code, name, leftLabel, left.yuan(), rightLabel, right.yuan(), holds, explanation);
    }

    // --- (c) declared figures -----------------------------------------------------------------------------------

    static DeclaredFigureResult check(FigureSource source, DeclaredFigureRecorded figure) {
        Verdict ledger = null;
        String label = null;
        if (figure.ledgerFigure() != null) {
            try {
                LedgerFigureKey key = LedgerFigureKey.parse(figure.ledgerFigure());
                label = key.label();
                LedgerFigureKey partner = key.swapPartner();
                ledger = DeclaredFigureChecks.againstLedger(figure.value(), figure.unitAsPrinted(), key, LedgerFigureValues.value(key, source),
                        partner == null ? null : LedgerFigureValues.value(partner, source));
            } catch (IllegalArgumentException unknown) {
                ledger = new Verdict(Classification.INCOMPARABLE, figure.value(), null, null,
                        "账本数字编码无法识别：" + unknown.getMessage());
            }
        }
        Verdict structure = figure.structure() == null ? null
                : DeclaredFigureChecks.ofStructure(figure.value(), figure.unitAsPrinted(), figure.structure());
        Classification worst = worse(ledger, structure);
        return new DeclaredFigureResult(figure.figureId(), figure.document(), figure.item(), figure.printedValue(),
                figure.value(), figure.unitAsPrinted(), figure.ledgerFigure(), label, ledger,
                figure.structure() == null ? null : figure.structure().kind().name(), structure, worst, worst.alarm());
    }

    /** An alarm beats a note, a note beats agreement; among alarms the ledger comparison's comes first. */
    private static Classification worse(Verdict ledger, Verdict structure) {
        List<Classification> all = new ArrayList<>();
        if (ledger != null) {
            all.add(ledger.classification());
        }
        if (structure != null) {
            all.add(structure.classification());
        }
        Function<Classification, Integer> rank = c -> c.alarm() ? 3 : c == Classification.ROUNDING ? 2
                : c == Classification.NOT_AVAILABLE ? 1 : 0;
        Classification worst = all.get(0);
        for (Classification c : all) {
            if (rank.apply(c) > rank.apply(worst)) {
                worst = c;
            }
        }
        return worst;
    }

    /** Declarations of one key in one document whose numbers (in yuan / fraction) differ by more than 0.01 printed. */
    static List<Conflict> conflicts(List<DeclaredFigureResult> results) {
        List<Conflict> conflicts = new ArrayList<>();
        Map<String, DeclaredFigureResult> first = new LinkedHashMap<>();
        for (DeclaredFigureResult r : results) {
            if (r.ledgerFigure() == null || r.ledger() == null || r.ledger().classification() == Classification.UNIT_SLIP
                    || r.ledger().classification() == Classification.INCOMPARABLE) {
                continue;
            }
            String key = r.document() + "|" + r.ledgerFigure();
            DeclaredFigureResult earlier = first.putIfAbsent(key, r);
            if (earlier == null) {
                continue;
            }
            BigDecimal a = base(earlier);
            BigDecimal b = base(r);
            BigDecimal tolerance = DeclaredFigureChecks.TOLERANCE.multiply(scale(earlier).max(scale(r)));
            if (a.subtract(b).abs().compareTo(tolerance) > 0) {
                conflicts.add(new Conflict(r.document(), r.ledgerFigure(), r.ledgerFigureLabel(), earlier.figureId(),
                        earlier.printedValue(), r.figureId(), r.printedValue(), "同一文件对「" + r.ledgerFigureLabel() + "」的两处表述不一致："
                                + "「" + earlier.item() + "」印 " + earlier.value().toPlainString() + earlier.unitAsPrinted() + "，「"
                                + r.item() + "」印 " + r.value().toPlainString() + r.unitAsPrinted()
                                + (r.ledger().expected() == null ? "" : "；账本为 " + r.ledger().expected().toPlainString()
                                        + r.unitAsPrinted())));
            }
        }
        return conflicts;
    }

    private static BigDecimal scale(DeclaredFigureResult r) {
        DeclaredFigureChecks.PrintedUnit unit = DeclaredFigureChecks.PrintedUnit.of(r.unitAsPrinted());
        if (unit.money() != null) {
            return unit.money().yuanPerUnit();
        }
        return unit == DeclaredFigureChecks.PrintedUnit.PERCENT ? new BigDecimal("0.01") : BigDecimal.ONE;
    }

    private static BigDecimal base(DeclaredFigureResult r) {
        return r.value().multiply(scale(r));
    }
}
