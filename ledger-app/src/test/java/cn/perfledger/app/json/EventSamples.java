package cn.perfledger.app.json;

import cn.perfledger.domain.budget.BudgetEvent;
import cn.perfledger.domain.budget.BudgetEvent.LineCarryOut;
import cn.perfledger.domain.budget.BudgetEvent.LineShare;
import cn.perfledger.domain.budget.BudgetEvent.UnitRef;
import cn.perfledger.domain.budget.BudgetLineSpec;
import cn.perfledger.domain.budget.CarryOverKind;
import cn.perfledger.domain.budget.EconomicCode;
import cn.perfledger.domain.budget.ExpenditureKind;
import cn.perfledger.domain.budget.FunctionalCode;
import cn.perfledger.domain.budget.FundingSource;
import cn.perfledger.domain.budget.ProcurementCategory;
import cn.perfledger.domain.common.BudgetLineId;
import cn.perfledger.domain.common.DepartmentId;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.domain.common.IndicatorId;
import cn.perfledger.domain.common.LedgerEvent;
import cn.perfledger.domain.common.Money;
import cn.perfledger.domain.common.ProcurementId;
import cn.perfledger.domain.common.RubricItemCode;
import cn.perfledger.domain.common.RubricVersionId;
import cn.perfledger.domain.common.UnitCode;
import cn.perfledger.domain.common.VoucherNo;
import cn.perfledger.domain.department.DepartmentEvent;
import cn.perfledger.domain.department.DepartmentEvent.Unit;
import cn.perfledger.domain.evaluation.ActualValue;
import cn.perfledger.domain.evaluation.BonusPenaltyEntryId;
import cn.perfledger.domain.evaluation.BonusPenaltyKind;
import cn.perfledger.domain.evaluation.DeclaredStructure;
import cn.perfledger.domain.evaluation.EvaluationEvent;
import cn.perfledger.domain.evaluation.GradeCoefficients;
import cn.perfledger.domain.evaluation.EvaluationId;
import cn.perfledger.domain.evaluation.TargetExpression;
import cn.perfledger.domain.rubric.GradeScale;
import cn.perfledger.domain.rubric.InputReference;
import cn.perfledger.domain.rubric.LedgerMetric;
import cn.perfledger.domain.rubric.Rounding;
import cn.perfledger.domain.rubric.RubricScope;
import cn.perfledger.domain.rubric.RubricEvent;
import cn.perfledger.domain.rubric.RubricNode;
import cn.perfledger.domain.rubric.ScoringRule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One sample of every event type of the ledger, each a small, consistent department-year (GZ-ZSJ/2021, line L1,
 * procurement CG-1, indicator I-1), so that the samples can be folded in this order. A new event type fails the
 * tests that go over {@link #EVENT_INTERFACES} until it has a sample here (one line).
 */
public final class EventSamples {

    /** The sealed interfaces of the four aggregates' events: their permitted subclasses are every event type. */
    public static final List<Class<? extends LedgerEvent>> EVENT_INTERFACES = List.of(DepartmentEvent.class,
            RubricEvent.class, BudgetEvent.class, EvaluationEvent.class);

    static final DepartmentId DEPT = new DepartmentId("GZ-ZSJ");
    static final FiscalYearId YEAR = FiscalYearId.of("GZ-ZSJ", 2021);
    static final EvaluationId EVALUATION = new EvaluationId(YEAR);
    static final RubricVersionId RUBRIC = new RubricVersionId("gz-municipal-2021@1");
    static final BudgetLineId L1 = new BudgetLineId("L1");
    static final BudgetLineId L2 = new BudgetLineId("L2");
    static final ProcurementId CG = new ProcurementId("CG-1");
    static final IndicatorId INDICATOR = new IndicatorId("I-1");
    static final RubricItemCode ITEM = new RubricItemCode("P.BUDGET.EXECUTION");
    static final String DOC = "穗财预〔2021〕88号";

    private EventSamples() {
    }

    private static LocalDate day(int month, int day) {
        return LocalDate.of(2021, month, day);
    }

    private static Money yuan(String amount) {
        return Money.of(amount);
    }

    /** The samples in an order a year could record them (the department and rubric first). */
    public static List<LedgerEvent> all() {
        List<LedgerEvent> samples = new ArrayList<>();
        Unit headOffice = new Unit(new UnitCode("BJ"), "本级", true);
        samples.add(new DepartmentEvent.DepartmentRegistered(DEPT, "广州市政务服务数据管理局", "广州市",
                List.of(headOffice), day(1, 1)));
        samples.add(new DepartmentEvent.UnitAdded(DEPT, new Unit(new UnitCode("XXZX"), "信息中心", false), day(1, 1)));
        samples.add(new RubricEvent.RubricPublished(RUBRIC, "广州市市直部门整体支出绩效自评", "广州市",
                RubricScope.of(DEPT), 2021,
                new BigDecimal("100"), new BigDecimal("5"), List.of(RubricNode.leaf("P.BUDGET.EXECUTION",
                        "预算执行率", "100", new ScoringRule.Proportional(new BigDecimal("1")),
                        new InputReference.LedgerMetricInput(LedgerMetric.BUDGET_EXECUTION_RATE))
                        .withCriteria("得分 = 分值 × 预算执行率").withProvenance("规则由打印得分推断")),
                Rounding.TWO_DECIMALS_HALF_UP, GradeScale.defaults(), GradeCoefficients.DEFAULT, "样例", day(1, 1)));
        samples.add(new RubricEvent.RubricRetired(new RubricVersionId("gz-municipal-2020@1"), "由 2021 年版取代",
                day(1, 1)));

        samples.add(new BudgetEvent.FiscalYearOpened(YEAR, DEPT, 2021, "广州市政务服务数据管理局",
                List.of(new UnitRef(new UnitCode("BJ"), "本级")), RUBRIC, day(1, 1)));
        samples.add(new BudgetEvent.BudgetLineOpened(YEAR, L1, new BudgetLineSpec(new UnitCode("BJ"),
                FundingSource.GENERAL_PUBLIC_BUDGET, ExpenditureKind.PROJECT, "P-001", "政务云运维",
                new FunctionalCode("2010150"), new EconomicCode("30227")), day(1, 1)));
        samples.add(new BudgetEvent.InitialBudgetApproved(YEAR, L1, yuan("100000.00"), "穗财预〔2021〕1号", day(1, 15)));
        samples.add(new BudgetEvent.CarryInRecorded(YEAR, L1, yuan("2000.00"), CarryOverKind.CARRY_FORWARD, day(1, 1)));
        samples.add(new BudgetEvent.BudgetIncreased(YEAR, L1, yuan("5000.50"), DOC, "业务量增加", day(3, 1), null,
                "88号-1"));
        samples.add(new BudgetEvent.BudgetDecreased(YEAR, L1, yuan("100.00"), DOC, "压减一般性支出", day(3, 2), null,
                null));
        samples.add(new BudgetEvent.BudgetLineOpened(YEAR, L2, new BudgetLineSpec(new UnitCode("BJ"),
                FundingSource.GENERAL_PUBLIC_BUDGET, ExpenditureKind.BASIC_OPERATING, null, null,
                new FunctionalCode("2010101"), new EconomicCode("30201")), day(1, 1)));
        samples.add(new BudgetEvent.BudgetTransferred(YEAR, List.of(new LineShare(L1, yuan("-200.00")),
                new LineShare(L2, yuan("200.00"))), "穗财预〔2021〕150号", "项目间调剂", day(4, 1), null, null));
        samples.add(new BudgetEvent.AppropriationWithdrawn(YEAR, L2, yuan("50.00"), "穗财预〔2021〕160号", "收回结余",
                day(4, 2), null));
        samples.add(new BudgetEvent.ExpenditureRecorded(YEAR, new VoucherNo("记-0001"), L1, yuan("1234.56"),
                day(5, 1), "广州某科技有限公司", "运维服务费", "imp-1", null, null));
        samples.add(new BudgetEvent.ExpenditureReversed(YEAR, new VoucherNo("记-0002"), new VoucherNo("记-0001"), L1,
                yuan("0.56"), "金额录入错误", day(5, 2), null));
        samples.add(new BudgetEvent.ProcurementPlanned(YEAR, CG, "政务云服务", ProcurementCategory.SERVICES,
                yuan("80000.00"), yuan("20000.00"), day(2, 1)));
        samples.add(new BudgetEvent.ProcurementContractSigned(YEAR, CG, "HT-2021-01", yuan("79000.00"), day(2, 20),
                day(3, 5)));
        samples.add(new BudgetEvent.ProcurementContractFiled(YEAR, CG, "HT-2021-01", day(3, 20)));
        samples.add(new BudgetEvent.ProcurementExecuted(YEAR, CG, yuan("79000.00"), yuan("30000.00"), day(6, 30)));
        samples.add(new BudgetEvent.ExecutionNoticeRecorded(YEAR, "穗财库〔2021〕7号", new BigDecimal("0.50"),
                new BigDecimal("0.4821"), day(6, 30)));
        samples.add(new BudgetEvent.FixedAssetsRecorded(YEAR, yuan("300000.00"), yuan("280000.00"), day(12, 31)));
        samples.add(new BudgetEvent.RubricOfOtherPlaceOrYearNoted(YEAR, new RubricVersionId("haizhu-2023@1"),
                "开立年度时选用的评价体系「海珠区部门整体支出绩效评价指标体系（2023年度）」（haizhu-2023@1）适用地区为广州市海珠区，"
                        + "本部门属广州市，适用年度为 2023 年，本年度为 2021 年；自评表表头按本部门和本年度填写", day(1, 1)));
        samples.add(new BudgetEvent.StaffingRecorded(YEAR, 120, 113, "穗编〔2021〕3号", day(12, 31)));
        samples.add(new BudgetEvent.OtherFundsReceived(YEAR, L2, yuan("85400.00"), "收入-2021-07",
                "事业收入超出预算部分", day(7, 15)));
        samples.add(new BudgetEvent.LedgerFileImported(YEAR, "imp-1", "2021年预算台账.xlsx", "ab".repeat(32), 57, 56,
                day(5, 1)));
        samples.add(new BudgetEvent.FiscalYearClosed(YEAR, List.of(new LineCarryOut(L1, yuan("105466.50"),
                CarryOverKind.CARRY_FORWARD), new LineCarryOut(L2, yuan("150.00"), CarryOverKind.SURPLUS)),
                day(12, 31)));

        samples.add(new EvaluationEvent.EvaluationStarted(EVALUATION, YEAR, RUBRIC, day(1, 1)));
        samples.add(new EvaluationEvent.IndicatorDefined(EVALUATION, INDICATOR, List.of("产出", "数量指标"), "服务事项办理量",
                new BigDecimal("5.00"), "≥1000件", TargetExpression.parse("≥1000件"), ITEM, day(1, 10)));
        samples.add(new EvaluationEvent.IndicatorTargetRevised(EVALUATION, INDICATOR, "≥1000件", "≥1200件",
                TargetExpression.parse("≥1200件"), "业务量增加", day(6, 1)));
        samples.add(new EvaluationEvent.IndicatorActualRecorded(EVALUATION, INDICATOR, "1300件",
                ActualValue.parse("1300件"), day(12, 31)));
        samples.add(new EvaluationEvent.JudgementScoreEntered(EVALUATION, ITEM, new BigDecimal("4.50"), "制度健全",
                "评价人甲", null, day(12, 31)));
        samples.add(new EvaluationEvent.JudgementScoreWithdrawn(EVALUATION, ITEM, new BigDecimal("4.50"), "录错评分项",
                day(12, 31)));
        samples.add(new EvaluationEvent.ItemExplanationRecorded(EVALUATION, ITEM, "按账本数据计算",
                "个别项目年底才完成验收，支付滞后", "提前安排验收与支付", false, day(12, 31)));
        samples.add(new EvaluationEvent.BonusPenaltyRecorded(EVALUATION, new BonusPenaltyEntryId("BP-1"),
                BonusPenaltyKind.PENALTY, new BigDecimal("1.00"), "逾期报送", "穗财绩〔2021〕3号", day(11, 30)));
        samples.add(new EvaluationEvent.DeclaredFigureRecorded(EVALUATION, "F-1", "部门整体支出绩效自评报告",
                "预算执行率", "99.89%", new BigDecimal("99.89"), "%", "FISCAL.EXECUTION_RATE",
                new DeclaredStructure(DeclaredStructure.Kind.RATIO, List.of(
                        new DeclaredStructure.Operand(DeclaredStructure.Role.NUMERATOR, "执行数", "392533097.08"),
                        new DeclaredStructure.Operand(DeclaredStructure.Role.DENOMINATOR, "全年预算数",
                                "392951003.55"))), day(12, 31)));
        samples.add(new EvaluationEvent.EvaluationTableImported(EVALUATION, "2021年自评表.xlsx", "cd".repeat(32), 40, 12,
                12, 10, 0, 6, day(12, 31)));
        samples.add(new EvaluationEvent.SelfEvaluationSubmitted(EVALUATION, 1, day(12, 31), "ef".repeat(32),
                new BigDecimal("94.65"), "评价人甲", LocalDate.of(2022, 3, 1)));
        return samples;
    }

    /** The first sample of each event type, by type. */
    public static Map<Class<?>, LedgerEvent> byType() {
        Map<Class<?>, LedgerEvent> byType = new LinkedHashMap<>();
        for (LedgerEvent sample : all()) {
            byType.putIfAbsent(sample.getClass(), sample);
        }
        return byType;
    }

    /** Every event type: the permitted subclasses of the four sealed event interfaces. */
    public static List<Class<?>> eventTypes() {
        return EVENT_INTERFACES.stream().flatMap(i -> Arrays.stream(i.getPermittedSubclasses())).toList();
    }
}
