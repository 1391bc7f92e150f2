package cn.perfledger.projections.ledger;

import cn.perfledger.domain.budget.BudgetEvent.FixedAssetsRecorded;
import cn.perfledger.domain.budget.BudgetEvent.ProcurementContractFiled;
import cn.perfledger.domain.budget.BudgetEvent.ProcurementContractSigned;
import cn.perfledger.domain.budget.ExpenditureKind;
import cn.perfledger.domain.budget.FundingSource;
import cn.perfledger.domain.common.Money;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The named ledger figures of DOMAIN.md §5, computed from a {@link LedgerFold}. Every rate is a fraction
 * (0.9989 = 99.89%) exact to {@link Rates#SCALE} decimals, or null when its denominator is zero.
 *
 * <p>A view of the fold as it stands at each read: the totals of the standard line sets (all, 财政拨款, 基本, 项目,
 * 公用经费, 三公) are kept per set and, on the next read, only the lines changed since are taken out and added
 * back. A caller that advances the fold a few events at a time and re-reads (the why-list re-scores an item after
 * every group of events) so pays for the lines that changed, not for all lines; amounts are exact, so the sums
 * are the ones {@link Grouping#total} gives. Not thread-safe, like the fold.
 */
public final class LedgerMetrics {

    /** 政府采购法实施条例 第四十六条: the contract is signed within 30 days of the award notice. */
    public static final int CONTRACT_SIGNING_DAYS = 30;
    /**
     * Filing (备案公开) within 2 working days of signing (广东省政府采购网 rule quoted by seed 000); weekends are
     * skipped, public holidays are not modelled.
     */
    public static final int CONTRACT_FILING_WORKING_DAYS = 2;

    private final LedgerFold fold;
    private final Map<LineSet, RunningTotal> totals = new EnumMap<>(LineSet.class);
    /** The previous department-year as of its own 12-31, or null when it is not part of the reading. */
    private final LedgerMetrics previous;

    public LedgerMetrics(LedgerFold fold) {
        this(fold, null);
    }

    /** With the previous department-year's fold (read at its own basis), for the year-over-year figures. */
    public LedgerMetrics(LedgerFold fold, LedgerFold previousYear) {
        this.fold = fold;
        this.previous = previousYear == null || previousYear.opened() == null ? null : new LedgerMetrics(previousYear);
    }

    public LedgerFold fold() {
        return fold;
    }

    /** The previous department-year's figures, if it was read with this one and has been opened. */
    public java.util.Optional<LedgerMetrics> previousYear() {
        return java.util.Optional.ofNullable(previous);
    }

    private List<LineFigures> lines(Predicate<LineFigures> filter) {
        return fold.lines().stream().filter(filter).toList();
    }

    /** Lines funded by treasury appropriations (财政拨款: general budget, funds, state capital budget). */
    public static boolean isFiscalAppropriation(LineFigures line) {
        return line.spec().fundingSource().isFiscalAppropriation();
    }

    public Totals total() {
        return totalOf(LineSet.ALL);
    }

    /** 财政拨款 totals: the lines the 预算完成率 and 差异率 of the rubrics speak of. */
    public Totals fiscalAppropriation() {
        return totalOf(LineSet.FISCAL_APPROPRIATION);
    }

    public Totals ofKind(ExpenditureKind... kinds) {
        List<ExpenditureKind> wanted = List.of(kinds);
        return Grouping.total(lines(line -> wanted.contains(line.spec().kind())));
    }

    public Totals basic() {
        return totalOf(LineSet.BASIC);
    }

    public Totals project() {
        return totalOf(LineSet.PROJECT);
    }

    /** 公用经费: 基本支出 lines booked as operating expense. */
    public Totals operatingExpense() {
        return totalOf(LineSet.OPERATING);
    }

    /** 三公经费: lines whose economic code is 30212, 31013, 30231 or 30217, in 基本 and 项目 alike. */
    public Totals threePublic() {
        return totalOf(LineSet.THREE_PUBLIC);
    }

    /** 预算执行率 (财政拨款) = 执行数 ÷ 全年预算数. */
    public BigDecimal budgetExecutionRate() {
        return fiscalAppropriation().executionRate();
    }

    /**
     * 本年财政拨款收入决算数: the appropriation actually granted = 全年预算 − 指标收回 − what is left unspent
     * in the year beyond carry-over; by the 结转结余 identity it equals 支出 + 年末 − 年初.
     */
    public Money appropriationRevenue() {
        Totals totals = fiscalAppropriation();
        return totals.executed().plus(totals.carryOut()).minus(totals.carryIn());
    }

    /** 财政拨款收入预决算差异率 = |决算收入 − 调整预算收入| ÷ 调整预算收入. */
    public BigDecimal appropriationRevenueVarianceRate() {
        Totals totals = fiscalAppropriation();
        Money difference = appropriationRevenue().minus(totals.fullYear());
        return Rates.ratio(difference.isNegative() ? difference.negate() : difference, totals.fullYear());
    }

    /** 结转结余率 (财预〔2013〕53号) = 年末结转结余 ÷ 支出预算数 (全年预算). */
    public BigDecimal carryOverRate53() {
        Totals totals = fiscalAppropriation();
        return Rates.ratio(totals.carryOut(), totals.fullYear());
    }

    /** 结转结余率 as seed 002 computed it: 年末结转结余 ÷ 年初结转结余. */
    public BigDecimal carryOverRateYearOverYear() {
        Totals totals = fiscalAppropriation();
        return Rates.ratio(totals.carryOut(), totals.carryIn());
    }

    /** 公用经费控制率 = 实际公用经费 ÷ 预算公用经费. */
    public BigDecimal operatingExpenseControlRate() {
        return operatingExpense().executionRate();
    }

    /**
     * 三公经费控制率 = 实际三公 ÷ 年初预算三公. The control rate measures spending against what was approved at the
     * start of the year (seed 002: "三公经费年初预算为810000元"); savings moved elsewhere by mid-year transfers
     * would otherwise show as a 100% "control" rate.
     */
    public BigDecimal threePublicControlRate() {
        Totals threePublic = threePublic();
        return Rates.ratio(threePublic.executed(), threePublic.initial());
    }

    public Money procurementPlanned() {
        return sum(fold.procurements().stream().map(p -> p.plan().planAmount()).toList());
    }

    public Money procurementExecuted() {
        return sum(fold.procurements().stream().map(ProcurementFigures::executed).toList());
    }

    /** 政府采购执行率 = 实际采购金额 ÷ 采购预算. */
    public BigDecimal procurementExecutionRate() {
        return Rates.ratio(procurementExecuted(), procurementPlanned());
    }

    /** 采购政策效能 = 实际授予中小企业 ÷ 预留. */
    public BigDecimal smeAwardShare() {
        Money reserved = sum(fold.procurements().stream().map(p -> p.plan().smeReserve()).toList());
        Money awarded = sum(fold.procurements().stream().map(ProcurementFigures::smeAwarded).toList());
        return Rates.ratio(awarded, reserved);
    }

    /** 合同签订及时率 = contracts signed within 30 days of the award notice ÷ contracts signed. */
    public BigDecimal contractSigningTimelinessRate() {
        List<ProcurementContractSigned> contracts = fold.procurements().stream()
                .flatMap(p -> p.contracts().stream()).toList();
        long timely = contracts.stream()
                .filter(c -> ChronoUnit.DAYS.between(c.awardNoticeDate(), c.effectiveDate()) <= CONTRACT_SIGNING_DAYS)
                .count();
        return Rates.ratio(BigDecimal.valueOf(timely), BigDecimal.valueOf(contracts.size()));
    }

    /** 合同备案及时率 = contracts filed within 7 working days of signing ÷ contracts signed (unfiled count as late). */
    public BigDecimal contractFilingTimelinessRate() {
        long signed = 0;
        long timely = 0;
        for (ProcurementFigures procurement : fold.procurements()) {
            for (ProcurementContractSigned contract : procurement.contracts()) {
                signed++;
                boolean filedInTime = procurement.filings().stream()
                        .filter(f -> f.contractNo().equals(contract.contractNo()))
                        .map(ProcurementContractFiled::effectiveDate)
                        .anyMatch(filed -> workingDaysBetween(contract.effectiveDate(), filed)
                                <= CONTRACT_FILING_WORKING_DAYS);
                if (filedInTime) {
                    timely++;
                }
            }
        }
        return Rates.ratio(BigDecimal.valueOf(timely), BigDecimal.valueOf(signed));
    }

    static long workingDaysBetween(LocalDate from, LocalDate to) {
        long days = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days++;
            }
        }
        return days;
    }

    /** 固定资产利用率 = 在用固定资产原值 ÷ 全部固定资产原值 (the latest figures recorded). */
    public BigDecimal fixedAssetUtilisationRate() {
        FixedAssetsRecorded assets = fold.fixedAssets();
        return assets == null ? null : Rates.ratio(assets.inUseValue(), assets.originalValue());
    }

    /**
     * 年度平均执行率 as the finance bureau notified it: the mean of the published progress rates of the
     * notices recorded (seed 002: 941.41% ÷ 9 = 104.60%).
     */
    public BigDecimal annualAverageExecutionRatePublished() {
        List<NoticeFigures> notices = fold.notices();
        BigDecimal sum = notices.stream().map(n -> n.notice().publishedRate()).reduce(BigDecimal.ZERO, BigDecimal::add);
        return Rates.ratio(sum, BigDecimal.valueOf(notices.size()));
    }

    /** The same mean computed from the ledger's own figures at each notice date (一般公共预算 lines). */
    public BigDecimal annualAverageExecutionRateLedger() {
        List<BigDecimal> rates = fold.notices().stream()
                .map(n -> n.ledgerProgressRate(FundingSource.GENERAL_PUBLIC_BUDGET))
                .filter(java.util.Objects::nonNull).toList();
        BigDecimal sum = rates.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return Rates.ratio(sum, BigDecimal.valueOf(rates.size()));
    }

    /** 预算调整率 = (全年预算数 − 年初预算数) ÷ 年初预算数 (财政拨款; transfers net out). */
    public BigDecimal budgetAdjustmentRate() {
        Totals totals = fiscalAppropriation();
        return Rates.ratio(totals.adjustments(), totals.initial());
    }

    /** 预算调整率 on the gross adjustments: (Σ 追加 + Σ 调减 + Σ 调剂调入) ÷ 年初预算数 (财政拨款). */
    public BigDecimal budgetAdjustmentRateGross() {
        Totals totals = fiscalAppropriation();
        return Rates.ratio(grossAdjustments(totals), totals.initial());
    }

    /** Σ 追加 + Σ 调减 + Σ 调剂调入 of a set of lines: every adjustment counted, none netted. */
    public static Money grossAdjustments(Totals totals) {
        return totals.increases().plus(totals.decreases()).plus(totals.transfersIn());
    }

    /** 财政供养人员控制率 = 实有人数 ÷ 编制数 (the latest counts recorded); null without them. */
    public BigDecimal staffControlRate() {
        var staffing = fold.staffing();
        return staffing == null ? null : Rates.ratio(BigDecimal.valueOf(staffing.actualHeadcount()),
                BigDecimal.valueOf(staffing.authorizedPositions()));
    }

    /** “三公”经费变动率 = (本年 − 上年) ÷ 上年 executed; null without the previous year or when it spent nothing. */
    public BigDecimal threePublicChangeRate() {
        return change(m -> m.threePublic().executed());
    }

    /** 公用经费变动率 = (本年 − 上年) ÷ 上年 executed. */
    public BigDecimal operatingExpenseChangeRate() {
        return change(m -> m.operatingExpense().executed());
    }

    /** 支出变动率 = (本年 − 上年) ÷ 上年 executed, all lines. */
    public BigDecimal expenditureChangeRate() {
        return change(m -> m.total().executed());
    }

    private BigDecimal change(java.util.function.Function<LedgerMetrics, Money> figure) {
        if (previous == null) {
            return null;
        }
        Money before = figure.apply(previous);
        return Rates.ratio(figure.apply(this).minus(before), before);
    }

    private static Money sum(Collection<Money> amounts) {
        return amounts.stream().reduce(Money.ZERO, Money::plus);
    }

    private Totals totalOf(LineSet set) {
        return totals.computeIfAbsent(set, RunningTotal::new).current(fold);
    }

    /** The line sets the metrics sum, each as the predicate its figure was defined with. */
    private enum LineSet {
        ALL(line -> true),
        FISCAL_APPROPRIATION(LedgerMetrics::isFiscalAppropriation),
        BASIC(line -> line.spec().kind() == ExpenditureKind.BASIC_PERSONNEL
                || line.spec().kind() == ExpenditureKind.BASIC_OPERATING),
        PROJECT(line -> line.spec().kind() == ExpenditureKind.PROJECT),
        OPERATING(line -> line.spec().kind() == ExpenditureKind.BASIC_OPERATING),
        THREE_PUBLIC(line -> line.spec().economicCode().threePublicCategory().isPresent());

        private final Predicate<LineFigures> member;

        LineSet(Predicate<LineFigures> member) {
            this.member = member;
        }
    }

    /**
     * The sum of one line set, with what each member line contributed and at which version of the line: a read
     * replaces the contributions of the lines changed since. Lines are never removed from a fold, and a new one
     * (a line opened between two reads) simply makes the next read start over.
     */
    private static final class RunningTotal {
        private final LineSet set;
        private int linesSeen = -1;
        private LineFigures[] members = new LineFigures[0];
        private int[] versions = new int[0];
        private Totals[] contributed = new Totals[0];
        private Totals sum = Totals.EMPTY;

        RunningTotal(LineSet set) {
            this.set = set;
        }

        Totals current(LedgerFold fold) {
            Collection<LineFigures> lines = fold.lines();
            if (lines.size() != linesSeen) {
                List<LineFigures> in = lines.stream().filter(set.member).toList();
                members = in.toArray(new LineFigures[0]);
                versions = new int[members.length];
                contributed = new Totals[members.length];
                sum = Totals.EMPTY;
                for (int i = 0; i < members.length; i++) {
                    versions[i] = members[i].version();
                    contributed[i] = Totals.of(members[i]);
                    sum = sum.plus(contributed[i]);
                }
                linesSeen = lines.size();
                return sum;
            }
            for (int i = 0; i < members.length; i++) {
                LineFigures line = members[i];
                if (line.version() != versions[i]) {
                    Totals now = Totals.of(line);
                    sum = sum.minus(contributed[i]).plus(now);
                    contributed[i] = now;
                    versions[i] = line.version();
                }
            }
            return sum;
        }
    }
}
