package cn.perfledger.app.demo;

import cn.perfledger.domain.budget.BudgetLineSpec;
import cn.perfledger.domain.budget.CarryOverKind;
import cn.perfledger.domain.budget.EconomicCode;
import cn.perfledger.domain.budget.ExpenditureKind;
import cn.perfledger.domain.budget.FunctionalCode;
import cn.perfledger.domain.budget.FundingSource;
import cn.perfledger.domain.budget.ProcurementCategory;
import cn.perfledger.domain.common.AmountUnit;
import cn.perfledger.domain.common.BudgetLineId;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.domain.common.Money;
import cn.perfledger.domain.common.UnitCode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One seed document transcribed as demo data (format {@value #FORMAT}, see {@code resources/demo/README.md}).
 *
 * <p>Every amount is written as a JSON string in the file's {@link #unit()} and converted exactly with
 * {@link #money(BigDecimal)} (万元 × 10,000, never rounded). Every element that is not printed in the seed
 * carries {@code synthetic: true} and a {@code note}. A loader is one loop per list, one command per element:
 * <ol>
 *   <li>{@link #department()} → {@code RegisterDepartment} (or {@code AddUnit} for units not yet registered);</li>
 *   <li>{@code OpenFiscalYear} with the units and {@link #rubricVersion()};</li>
 *   <li>per {@link BudgetLine}: {@code OpenBudgetLine}, {@code ApproveInitialBudget} (if {@code initial}),
 *       {@code RecordCarryIn} (if {@code carryIn});</li>
 *   <li>month by month (1..12): the line {@link Adjustment}s and {@link Transfer}s effective in that month, then
 *       vouchers summing to {@code monthlyExecuted[m-1]} dated within the month (at the latest on its last day),
 *       then the {@link ExecutionNotice}s dated at the month's end;</li>
 *   <li>{@link Withdrawal}s (12-31, after December's vouchers), procurement, fixed assets,
 *       {@code CloseFiscalYear} with {@link #carryOverKindOverrides()}; then the {@link Evaluation}.</li>
 * </ol>
 */
public record DemoScenario(
        String format,
        Source source,
        AmountUnit unit,
        DepartmentSpec department,
        int fiscalYear,
        String rubricVersion,
        LocalDate evaluationReferenceDate,
        List<BudgetLine> budgetLines,
        List<Transfer> transfers,
        List<Procurement> procurements,
        List<ExecutionNotice> executionNotices,
        FixedAssets fixedAssets,
        Evaluation evaluation,
        List<DeclaredFigure> declaredFigures,
        List<String> notes) {

    public static final String FORMAT = "perf-ledger-demo/1";

    /** The demo files on the classpath, in load order (a department's years ascending). */
    public static final List<String> RESOURCES = List.of(
            "demo/haizhu-2020.json",
            "demo/gz-municipal-2021.json",
            "demo/haizhu-2023.json",
            "demo/panyu-2023.json");

    /** The department-year this file fills, e.g. {@code GZ-ZSJ/2021}. */
    public FiscalYearId fiscalYearId() {
        return FiscalYearId.of(department.code(), fiscalYear);
    }

    /**
     * The same year under another department code (and a name saying so): a copy a test or a training exercise
     * can change without touching the demo year itself.
     */
    public DemoScenario underDepartment(String code, String nameSuffix) {
        DepartmentSpec d = department;
        return new DemoScenario(format, source, unit, new DepartmentSpec(code, d.name() + nameSuffix, d.jurisdiction(),
                d.registeredOn(), d.units()), fiscalYear, rubricVersion, evaluationReferenceDate, budgetLines,
                transfers, procurements, executionNotices, fixedAssets, evaluation, declaredFigures, notes);
    }

    /** Converts an amount written in this file's unit to yuan, exactly. */
    public Money money(BigDecimal amount) {
        return unit.toMoney(amount);
    }

    /** Lines whose carry-out kind at close differs from the ledger's default (项目 → 结转, 基本 → 结余). */
    public Map<BudgetLineId, CarryOverKind> carryOverKindOverrides() {
        Map<BudgetLineId, CarryOverKind> overrides = new LinkedHashMap<>();
        for (BudgetLine line : budgetLines) {
            CarryOverKind standard = line.kind() == ExpenditureKind.PROJECT ? CarryOverKind.CARRY_FORWARD
                    : CarryOverKind.SURPLUS;
            if (line.expectedCarryOutKind() != null && line.expectedCarryOutKind() != standard) {
                overrides.put(new BudgetLineId(line.id()), line.expectedCarryOutKind());
            }
        }
        return overrides;
    }

    /** Where the data comes from. */
    public record Source(String seedFile, String document, String amountsNote) {
    }

    /** The department's register entry → {@code RegisterDepartment}/{@code AddUnit}. */
    public record DepartmentSpec(String code, String name, String jurisdiction, LocalDate registeredOn,
            List<UnitSpec> units) {
    }

    /**
     * A unit (单位). {@code administrative} marks 行政单位 (incl. 参公): their 公用经费 is the 机关运行经费 the
     * documents report.
     */
    public record UnitSpec(String code, String name, boolean headOffice, boolean administrative, boolean synthetic,
            String note) {
    }

    /**
     * One budget line with its whole year: {@code initial} (年初批复) + {@code adjustments} + its shares of
     * {@link #transfers()} + {@code carryIn} − {@code withdrawals} − {@code executed} = {@code expectedCarryOut}.
     * {@code synthetic} says an amount of the line is not printed in the seed (invented, or resting on an invented
     * split); {@code inferredFields} names the spec fields (unit, 功能分类, 经济分类, …) that the seed does not print
     * for this line; {@code note} explains both.
     */
    public record BudgetLine(
            String id,
            String unit,
            FundingSource fundingSource,
            ExpenditureKind kind,
            String projectCode,
            String projectName,
            String functionalCode,
            String economicCode,
            String label,
            LocalDate openedOn,
            Approval initial,
            List<Adjustment> adjustments,
            CarryIn carryIn,
            List<Withdrawal> withdrawals,
            BigDecimal executed,
            List<BigDecimal> monthlyExecuted,
            BigDecimal expectedCarryOut,
            CarryOverKind expectedCarryOutKind,
            String seedRef,
            boolean synthetic,
            List<String> inferredFields,
            String note) {

        /** The spec fields a line's {@code inferredFields} may name. */
        public static final List<String> SPEC_FIELDS = List.of("unit", "fundingSource", "kind", "functionalCode",
                "economicCode", "projectCode");

        /** The domain spec of this line (validates kind against economic code). */
        public BudgetLineSpec toSpec() {
            return new BudgetLineSpec(new UnitCode(unit), fundingSource, kind, projectCode, projectName,
                    new FunctionalCode(functionalCode), new EconomicCode(economicCode));
        }
    }

    /** 年初预算批复 → {@code ApproveInitialBudget}. */
    public record Approval(BigDecimal amount, String documentNo, LocalDate effectiveDate, boolean synthetic,
            String note) {
    }

    /** 追加/调减 of one line → {@code IncreaseBudget}/{@code DecreaseBudget}. */
    public record Adjustment(AdjustmentType type, BigDecimal amount, String documentNo, String reason,
            LocalDate effectiveDate, boolean synthetic, String note) {

        /** The signed effect on the line's full-year budget. */
        public BigDecimal signedAmount() {
            return type == AdjustmentType.INCREASE ? amount : amount.negate();
        }
    }

    public enum AdjustmentType {
        INCREASE,
        DECREASE
    }

    /** 年初结转和结余 → {@code RecordCarryIn}. */
    public record CarryIn(BigDecimal amount, CarryOverKind kind, boolean synthetic, String note) {
    }

    /** 指标收回 → {@code WithdrawAppropriation}. */
    public record Withdrawal(BigDecimal amount, String documentNo, String reason, LocalDate effectiveDate,
            boolean synthetic, String note) {
    }

    /** 调剂 between lines → {@code TransferBudget}; shares sum to zero. */
    public record Transfer(String id, String documentNo, String reason, LocalDate effectiveDate, List<Share> shares,
            boolean synthetic, String note) {
    }

    public record Share(String lineId, BigDecimal amount) {
    }

    /**
     * 政府采购项目 → {@code PlanProcurement}, then per contract {@code SignProcurementContract} (and
     * {@code FileProcurementContract} when {@code filedDate} is set), then {@code RecordProcurementExecution}.
     */
    public record Procurement(String id, String name, ProcurementCategory category, BigDecimal planAmount,
            BigDecimal smeReserve, LocalDate plannedOn, List<Contract> contracts, List<ProcurementExecution> executions,
            boolean synthetic, String note) {
    }

    public record Contract(String contractNo, BigDecimal amount, LocalDate awardNoticeDate, LocalDate signedDate,
            LocalDate filedDate, boolean synthetic, String note) {
    }

    public record ProcurementExecution(BigDecimal amount, BigDecimal smeAwarded, LocalDate effectiveDate,
            boolean synthetic, String note) {
    }

    /** 财政局预算执行通报 → {@code RecordExecutionNotice}; rates as fractions (1.0460 = 104.60%). */
    public record ExecutionNotice(String documentNo, LocalDate noticeDate, BigDecimal requiredProgress,
            BigDecimal publishedRate, boolean synthetic, String note) {
    }

    /** → {@code RecordFixedAssets}. */
    public record FixedAssets(BigDecimal originalValue, BigDecimal inUseValue, LocalDate effectiveDate,
            boolean synthetic, String note) {
    }

    /**
     * The self-evaluation: the scores the document printed, indicators, bonus/penalty entries and the submission.
     * The rubric they belong to is not repeated here: it is the rubric file of {@link #rubricVersion()}
     * ({@code rubrics/*.json}), the one encoding of a rubric, published and scored like any other.
     */
    public record Evaluation(List<PrintedScore> printedScores, List<Indicator> indicators,
            List<IndicatorGroup> indicatorGroups, List<BonusPenalty> bonusPenalties,
            List<ProjectEvaluation> projectEvaluations, Submission submission) {
    }

    /**
     * The score the document printed for one item of the year's rubric (by its {@code code}; a group's score is
     * the sum its document printed). For a judgement leaf of the rubric it is entered as the evaluator's score with
     * {@code basis} (评分依据, verbatim), {@code evaluator} and {@code scoredOn}; for derived leaves and groups it is
     * only the figure the ledger's own score is compared with.
     */
    public record PrintedScore(String code, BigDecimal score, String basis, String evaluator, LocalDate scoredOn,
            boolean synthetic, String note) {
    }

    /**
     * A performance indicator → {@code DefineIndicator} ({@code path}, {@code name}, {@code weight},
     * {@code targetText} as printed, {@code direction} 正向/反向/等于/定性 as the transcriber reads the indicator,
     * {@code rubricItemCode}) and {@code RecordActual} ({@code actualText}, {@code grade} 达成/基本达成/部分达成/未达成 for
     * a qualitative indicator). {@code met} is the document's verdict; {@code projectCode} is set for project-level
     * indicators.
     */
    public record Indicator(String id, List<String> path, String name, BigDecimal weight, String targetText,
            String direction, String actualText, String grade, BigDecimal printedScore, String printedCompletionRate, Boolean met,
            String rubricItemCode, String projectCode, String basis, LocalDate definedOn, LocalDate actualRecordedOn,
            boolean synthetic, String note) {
    }

    /** How many indicators the document says a rubric group has (per 二级 category). */
    public record IndicatorGroup(String rubricItemCode, String name, int printedCount,
            Map<String, Integer> countsBySubcategory, String note) {
    }

    /** 加减分 entry → {@code RecordBonusPenalty}. */
    public record BonusPenalty(String id, BonusKind kind, BigDecimal points, String reason, String documentNo,
            LocalDate effectiveDate, String rubricItemCode, boolean synthetic, String note) {
    }

    public enum BonusKind {
        BONUS,
        PENALTY
    }

    /** A project-level self-evaluation table printed in the document (seed 001). */
    public record ProjectEvaluation(String projectCode, String lineId, String name, String implementingUnit,
            BigDecimal annualBudget, BigDecimal executed, BigDecimal budgetWeight, String printedBudgetRate,
            BigDecimal printedBudgetScore, BigDecimal totalWeight, String goal, String goalAchieved,
            List<String> indicatorIds, String note) {
    }

    /** → {@code SubmitSelfEvaluation}; {@code declaredTotal} is the total the document states, not a score. */
    public record Submission(LocalDate referenceDate, LocalDate submittedOn, String submittedBy,
            BigDecimal declaredTotal, String declaredGrade, boolean synthetic, String note) {
    }

    /**
     * A figure as the document printed it, for the reconciler: {@code printedValue} is the text exactly as printed
     * (line wraps removed), {@code correctValue} the ledger's value where the document is wrong.
     */
    public record DeclaredFigure(String document, String item, String printedValue, String unitAsPrinted,
            DeclaredCategory category, String correctValue, String note, List<DeclaredCheck> checks,
            String notChecked) {
    }

    /**
     * One machine-readable check of a declared figure → {@code RecordDeclaredFigure}. {@code printed} is the one
     * number checked, as printed: a substring of the figure's {@code printedValue}, except where {@code printedElsewhere}
     * says it is printed elsewhere in the document (seed 002's header unit applies to the amounts below it).
     * {@code unit} overrides the figure's {@code unitAsPrinted}; {@code ledgerFigure} is a {@code LedgerFigureKey};
     * {@code structure} the printed operands. A figure with no check says why in {@code notChecked}.
     */
    public record DeclaredCheck(String label, String printed, String unit, String ledgerFigure,
            cn.perfledger.domain.evaluation.DeclaredStructure structure, boolean printedElsewhere) {
    }

    public enum DeclaredCategory {
        /** A headline figure; the ledger must reproduce it. */
        HEADLINE,
        /** The document is wrong; {@code correctValue} is right. */
        MISTAKE,
        /** Within ±0.01 of the unit it is printed in (尾数误差): a note, not an error. */
        ROUNDING,
        /** Printed but not attributable to a ledger figure. */
        UNPLACED
    }
}
