package cn.perfledger.projections.audit;

import static cn.perfledger.domain.rubric.RubricNode.group;
import static cn.perfledger.domain.rubric.RubricNode.leaf;

import cn.perfledger.domain.budget.BudgetEvent.BudgetIncreased;
import cn.perfledger.domain.budget.BudgetEvent.BudgetLineOpened;
import cn.perfledger.domain.budget.BudgetEvent.ExecutionNoticeRecorded;
import cn.perfledger.domain.budget.BudgetEvent.ExpenditureRecorded;
import cn.perfledger.domain.budget.BudgetEvent.ExpenditureReversed;
import cn.perfledger.domain.budget.BudgetEvent.FiscalYearOpened;
import cn.perfledger.domain.budget.BudgetEvent.InitialBudgetApproved;
import cn.perfledger.domain.budget.BudgetEvent.UnitRef;
import cn.perfledger.domain.budget.BudgetLineSpec;
import cn.perfledger.domain.budget.EconomicCode;
import cn.perfledger.domain.budget.ExpenditureKind;
import cn.perfledger.domain.budget.FunctionalCode;
import cn.perfledger.domain.budget.FundingSource;
import cn.perfledger.domain.common.BudgetLineId;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.domain.common.Money;
import cn.perfledger.domain.common.RubricItemCode;
import cn.perfledger.domain.common.RubricVersionId;
import cn.perfledger.domain.common.UnitCode;
import cn.perfledger.domain.common.VoucherNo;
import cn.perfledger.domain.evaluation.BonusPenaltyKind;
import cn.perfledger.domain.evaluation.EvaluationId;
import cn.perfledger.domain.rubric.GradeScale;
import cn.perfledger.domain.rubric.InputReference.BonusPenaltyInput;
import cn.perfledger.domain.rubric.InputReference.IndicatorGroupInput;
import cn.perfledger.domain.rubric.InputReference.IndicatorInput;
import cn.perfledger.domain.rubric.InputReference.JudgementInput;
import cn.perfledger.domain.rubric.InputReference.LedgerMetricInput;
import cn.perfledger.domain.rubric.LedgerMetric;
import cn.perfledger.domain.rubric.Rounding;
import cn.perfledger.domain.rubric.RubricEvent.RubricPublished;
import cn.perfledger.domain.rubric.RubricNode;
import cn.perfledger.domain.rubric.ScoringRule.Band;
import cn.perfledger.domain.rubric.ScoringRule.Bands;
import cn.perfledger.domain.rubric.ScoringRule.BonusPenalty;
import cn.perfledger.domain.rubric.ScoringRule.DeductionPerPoint;
import cn.perfledger.domain.rubric.ScoringRule.Judgement;
import cn.perfledger.domain.rubric.ScoringRule.MetOrFactor;
import cn.perfledger.domain.rubric.ScoringRule.Proportional;
import cn.perfledger.domain.rubric.ScoringRule.ShareMet;
import cn.perfledger.domain.rubric.RubricScope;
import cn.perfledger.projections.basis.RecordedEvent;
import cn.perfledger.projections.evaluation.EvaluationEvents;
import cn.perfledger.projections.evaluation.EventLog;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Department-years for the audit tests: a small rubric using every rule kind, and a generator of random years
 * (lines of several funding sources, vouchers and reversals, budget increases, notices, indicators with actuals,
 * judgements, bonuses), recorded at random times — late corrections included — so that bases differ in both
 * asOf and knownAt.
 */
final class AuditYear {

    static final FiscalYearId YEAR = FiscalYearId.of("AUDIT", 2021);
    static final RubricVersionId RUBRIC = new RubricVersionId("audit@1");
    static final RubricVersionId RUBRIC_2 = new RubricVersionId("audit@2");
    static final EvaluationEvents EVAL = new EvaluationEvents(EvaluationId.of("AUDIT", 2021));
    static final LocalDate JAN_1 = LocalDate.of(2021, 1, 1);
    static final UnitCode BJ = new UnitCode("BJ");

    private AuditYear() {
    }

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    static RubricPublished rubric() {
        return rubric(RUBRIC, "0.1");
    }

    /** A version with another deduction per point and one item fewer and one more, for re-scoring. */
    static RubricPublished rubric2() {
        RubricPublished one = rubric(RUBRIC_2, "0.5");
        List<RubricNode> tree = new ArrayList<>(one.tree());
        tree.removeIf(n -> n.code().value().equals("J"));
        tree.add(group("X", "新增项", "2", List.of(leaf("X.FA", "固定资产利用率", "2", new Proportional(null),
                new LedgerMetricInput(LedgerMetric.FIXED_ASSET_UTILISATION_RATE)))));
        return new RubricPublished(RUBRIC_2, one.name(), one.jurisdiction(), one.scope(), 2021, one.totalWeight(), one.bonusCap(),
                tree, one.rounding(), one.grades(), "audit", JAN_1);
    }

    private static RubricPublished rubric(RubricVersionId id, String perPoint) {
        RubricNode fund = group("F", "资金管理", "8", List.of(
                leaf("F.EXEC", "预算完成率", "2", new DeductionPerPoint(BigDecimal.ONE, d(perPoint)),
                        new LedgerMetricInput(LedgerMetric.BUDGET_EXECUTION_RATE)),
                leaf("F.PROJECT", "项目支出执行率", "2", new Proportional(d("0.95")),
                        new LedgerMetricInput(LedgerMetric.PROJECT_EXPENDITURE_EXECUTION_RATE)),
                leaf("F.CARRY", "结转结余率", "2", new Bands(List.of(new Band(null, true, d("0.10"), true, d("2")),
                        new Band(d("0.10"), false, d("0.30"), true, d("1")),
                        new Band(d("0.30"), false, null, false, BigDecimal.ZERO))),
                        new LedgerMetricInput(LedgerMetric.CARRYOVER_RATE_53)),
                leaf("F.AVG", "年度平均执行率", "2", new Proportional(BigDecimal.ONE),
                        new LedgerMetricInput(LedgerMetric.ANNUAL_AVERAGE_EXECUTION_RATE))));
        List<RubricNode> kpis = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            kpis.add(leaf("K." + i, "指标" + i, "3", MetOrFactor.factor(d("0.9")),
                    IndicatorInput.byTag(new RubricItemCode("K." + i))));
        }
        RubricNode kpi = group("K", "履职效能", "9", kpis);
        RubricNode share = group("S", "目标完成", "2", List.of(leaf("S.SHARE", "绩效目标完成率", "2", new ShareMet(),
                IndicatorGroupInput.of(new RubricItemCode("K")))));
        RubricNode judged = group("J", "管理", "3", List.of(leaf("J.1", "制度", "3", new Judgement(), new JudgementInput())));
        RubricNode bonus = group("B", "加减分", "2", List.of(leaf("B.1", "加减分", "2",
                new BonusPenalty(null, null, d("2"), d("2")), new BonusPenaltyInput())));
        List<RubricNode> tree = List.of(fund, kpi, share, judged, bonus);
        BigDecimal total = tree.stream().map(RubricNode::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new RubricPublished(id, "审计测试评分规则", "测试", RubricScope.all(), 2021, total, d("2"), tree,
                Rounding.TWO_DECIMALS_HALF_UP, GradeScale.defaults(), "audit", JAN_1);
    }

    static Instant at(LocalDate date, int seconds) {
        return date.atTime(9, 0).toInstant(ZoneOffset.UTC).plusSeconds(seconds);
    }

    /** A random year; every event is recorded on or after its effective date (some up to 120 days later). */
    static List<RecordedEvent> random(Random random) {
        EventLog log = new EventLog();
        log.add(rubric(), Instant.parse("2020-12-01T00:00:00Z"));
        log.add(rubric2(), Instant.parse("2020-12-02T00:00:00Z"));
        log.add(new FiscalYearOpened(YEAR, YEAR.department(), 2021, "审计测试部门", List.of(new UnitRef(BJ, "本级")),
                RUBRIC, JAN_1), at(JAN_1, 0));
        int lines = 2 + random.nextInt(3);
        FundingSource[] sources = {FundingSource.GENERAL_PUBLIC_BUDGET, FundingSource.GOVERNMENT_FUND,
            FundingSource.OTHER};
        ExpenditureKind[] kinds = {ExpenditureKind.PROJECT, ExpenditureKind.BASIC_OPERATING,
            ExpenditureKind.BASIC_PERSONNEL};
        List<BudgetLineId> ids = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            BudgetLineId id = new BudgetLineId("L0" + (i + 1));
            ids.add(id);
            ExpenditureKind kind = kinds[random.nextInt(kinds.length)];
            log.add(new BudgetLineOpened(YEAR, id, new BudgetLineSpec(BJ, sources[i == 0 ? 0 : random.nextInt(3)],
                    kind, kind == ExpenditureKind.PROJECT ? "P" + i : null, kind == ExpenditureKind.PROJECT ? "项目" + i : null,
                    new FunctionalCode("2060199"), new EconomicCode(kind == ExpenditureKind.BASIC_PERSONNEL ? "30101" : "30227")),
                    JAN_1), at(JAN_1, 1 + i));
            log.add(new InitialBudgetApproved(YEAR, id, Money.ofYuan(10_000 + random.nextInt(90_000)), "测预〔2021〕1号",
                    JAN_1), at(JAN_1, 10 + i));
        }
        int vouchers = 10 + random.nextInt(80);
        for (int v = 0; v < vouchers; v++) {
            LocalDate date = JAN_1.plusDays(random.nextInt(365));
            BudgetLineId line = ids.get(random.nextInt(ids.size()));
            Money amount = Money.ofFen(100 + random.nextInt(2_000_000));
            Instant recorded = at(date, 2000 + v).plusSeconds(random.nextInt(4) == 0 ? 86_400L * random.nextInt(120) : 0);
            log.add(new ExpenditureRecorded(YEAR, new VoucherNo("V" + v), line, amount, date, null, null, null, null,
                    null), recorded);
            if (random.nextInt(8) == 0) {
                LocalDate later = date.plusDays(random.nextInt(20));
                if (later.getYear() == 2021) {
                    log.add(new ExpenditureReversed(YEAR, new VoucherNo("R" + v), new VoucherNo("V" + v), line,
                            amount, "冲销", later, null), at(later, 500 + v));
                }
            }
        }
        for (int i = 0; i < random.nextInt(3); i++) {
            LocalDate date = JAN_1.plusDays(random.nextInt(365));
            log.add(new BudgetIncreased(YEAR, ids.get(random.nextInt(ids.size())), Money.ofYuan(1 + random.nextInt(20_000)),
                    "测预〔2021〕" + (10 + i) + "号", "追加", date, null), at(date, 900 + i));
        }
        for (int month = 3; month <= 11; month += 1 + random.nextInt(3)) {
            LocalDate end = LocalDate.of(2021, month, 1).withDayOfMonth(LocalDate.of(2021, month, 1).lengthOfMonth());
            log.add(new ExecutionNoticeRecorded(YEAR, "通报-" + month, d("0.08").multiply(BigDecimal.valueOf(month)),
                    d("0.9").add(BigDecimal.valueOf(random.nextInt(20), 2)), end), at(end, 950));
        }
        // the evaluation
        log.add(EVAL.started(RUBRIC), at(JAN_1, 999));
        String[] targets = {"≥95%", "≥100个", "≤5%"};
        String[][] actuals = {{"94.07%", "96%", "95%"}, {"80个", "120个", "100个"}, {"3%", "6%", "5%"}};
        for (int i = 1; i <= 3; i++) {
            LocalDate defined = JAN_1.plusDays(random.nextInt(60));
            log.add(EVAL.define("IND-" + i, List.of("履职", "任务" + i), "指标" + i, "3", targets[i - 1], "K." + i,
                    defined), at(defined, 1000 + i));
            int actualsCount = random.nextInt(3);
            for (int a = 0; a < actualsCount; a++) {
                LocalDate date = LocalDate.of(2021, 12, 31).minusDays(random.nextInt(200));
                log.add(EVAL.actual("IND-" + i, actuals[i - 1][random.nextInt(3)], date),
                        at(date, 1100 + 10 * i + a).plusSeconds(86_400L * random.nextInt(60)));
            }
        }
        if (random.nextBoolean()) {
            LocalDate date = LocalDate.of(2021, 12, 31);
            log.add(EVAL.judge("J.1", String.valueOf(1 + random.nextInt(3)), "依据", date),
                    at(date, 1200).plusSeconds(86_400L * random.nextInt(40)));
        }
        for (int b = 0; b < random.nextInt(3); b++) {
            LocalDate date = JAN_1.plusDays(random.nextInt(365));
            log.add(EVAL.bonus("BP-" + b, random.nextBoolean() ? BonusPenaltyKind.BONUS : BonusPenaltyKind.PENALTY,
                    "1.5", "事项" + b, date), at(date, 1300 + b));
        }
        return log.events();
    }

    /** Every item code of the rubric and the total. */
    static List<String> codes() {
        List<String> codes = new ArrayList<>();
        rubric().tree().forEach(top -> top.flatten().forEach(n -> codes.add(n.code().value())));
        codes.add("TOTAL");
        return codes;
    }
}
