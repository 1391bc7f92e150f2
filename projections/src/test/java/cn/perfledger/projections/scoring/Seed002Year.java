package cn.perfledger.projections.scoring;

import cn.perfledger.domain.budget.BudgetEvent.AppropriationWithdrawn;
import cn.perfledger.domain.budget.BudgetEvent.BudgetLineOpened;
import cn.perfledger.domain.budget.BudgetEvent.BudgetTransferred;
import cn.perfledger.domain.budget.BudgetEvent.CarryInRecorded;
import cn.perfledger.domain.budget.BudgetEvent.ExecutionNoticeRecorded;
import cn.perfledger.domain.budget.BudgetEvent.ExpenditureRecorded;
import cn.perfledger.domain.budget.BudgetEvent.ExpenditureReversed;
import cn.perfledger.domain.budget.BudgetEvent.FiscalYearClosed;
import cn.perfledger.domain.budget.BudgetEvent.FiscalYearOpened;
import cn.perfledger.domain.budget.BudgetEvent.FixedAssetsRecorded;
import cn.perfledger.domain.budget.BudgetEvent.InitialBudgetApproved;
import cn.perfledger.domain.budget.BudgetEvent.LineCarryOut;
import cn.perfledger.domain.budget.BudgetEvent.LineShare;
import cn.perfledger.domain.budget.BudgetEvent.ProcurementExecuted;
import cn.perfledger.domain.budget.BudgetEvent.ProcurementPlanned;
import cn.perfledger.domain.budget.BudgetEvent.UnitRef;
import cn.perfledger.domain.budget.BudgetLineSpec;
import cn.perfledger.domain.budget.CarryOverKind;
import cn.perfledger.domain.budget.EconomicCode;
import cn.perfledger.domain.budget.ExpenditureKind;
import cn.perfledger.domain.budget.FunctionalCode;
import cn.perfledger.domain.budget.FundingSource;
import cn.perfledger.domain.budget.ProcurementCategory;
import cn.perfledger.domain.common.BudgetLineId;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.domain.common.Money;
import cn.perfledger.domain.common.ProcurementId;
import cn.perfledger.domain.common.UnitCode;
import cn.perfledger.domain.common.VoucherNo;
import cn.perfledger.domain.evaluation.BonusPenaltyKind;
import cn.perfledger.domain.evaluation.EvaluationId;
import cn.perfledger.domain.rubric.RubricFixtures;
import cn.perfledger.projections.basis.RecordedEvent;
import cn.perfledger.projections.evaluation.EvaluationEvents;
import cn.perfledger.projections.evaluation.EventLog;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * Seed 002 (广州市政务服务数据管理局 2021, amounts in 元) as the events a department-year would record: the year
 * opened under the seed-002 rubric, six budget lines, monthly vouchers, nine finance-bureau notices, a 三公
 * transfer, withdrawals, procurement, fixed assets, the close, then the evaluation (17 indicators, their
 * actuals, 13 judgements, one commendation, the submission declaring 94.65).
 *
 * <p>The split into lines, the monthly profile, the notices' individual rates and every date and 文号 are the
 * synthetic choices of the demo transcription ({@code ledger-app/src/main/resources/demo/gz-municipal-2021.json},
 * see its README): the seed prints only totals. Nothing here is a published total: the totals are what the
 * golden test expects to come out of the fold.
 */
final class Seed002Year {

    static final FiscalYearId YEAR = FiscalYearId.of("GZ-ZSJ", 2021);
    static final EvaluationEvents EVAL = new EvaluationEvents(EvaluationId.of("GZ-ZSJ", 2021));
    static final LocalDate JAN_1 = LocalDate.of(2021, 1, 1);
    static final LocalDate DEC_31 = LocalDate.of(2021, 12, 31);
    /** Actuals are entered in January, judgements at the end of February, the table submitted in March. */
    static final Instant ACTUALS_RECORDED = Instant.parse("2022-01-20T02:00:00Z");
    static final Instant JUDGEMENTS_RECORDED = Instant.parse("2022-02-28T02:00:00Z");
    static final LocalDate SUBMITTED_ON = LocalDate.of(2022, 3, 15);
    static final Instant SUBMISSION_RECORDED = Instant.parse("2022-03-15T08:00:00Z");

    private static final BudgetLineId L01 = new BudgetLineId("L01");
    private static final BudgetLineId L02 = new BudgetLineId("L02");
    private static final BudgetLineId L03 = new BudgetLineId("L03");
    private static final BudgetLineId L04 = new BudgetLineId("L04");
    private static final BudgetLineId L05 = new BudgetLineId("L05");
    private static final BudgetLineId L06 = new BudgetLineId("L06");
    private static final UnitCode BJ = new UnitCode("BJ");
    private static final String APPROVAL = "穗财预〔2021〕28号";
    private static final String WITHDRAWAL = "穗财预〔2021〕602号";

    private static final String TASK_1 = "一、开展工程建设项目全程免费代办服务外包；积极探索政策兑现“一门式”服务新模式，分批整合各部门政策兑现事项。";
    private static final String TASK_2 = "二、广州12345热线整合全市40个职能部门、11个区的76条非紧急类服务专线，为市民群众提供全方位、多渠道、一体化的政府服务热线平台。";
    private static final String TASK_3 = "三、升级政务大数据平台、人工智能基础平台，优化云服务架构，扩大公共支撑平台服务范围，提升“穗好办”品牌知名度。";
    private static final String TASK_4 = "四、开展全市电子政务基础设施、信息系统、数据资源等安全保障工作。";
    private static final String TASK_5 = "五、落实市委市政府关于理念超前、技术领先、管理精准、实战管用的要求，建设“一网统管、全城统管”的“穗智管”城市运行管理中枢。";

    /** Net amount executed per month (January first), per line. */
    private static final String[] L01_MONTHLY = repeat("6875889.54", 11, "6875889.51");
    private static final String[] L03_MONTHLY = repeat("690304.09", 11, "690304.14");
    private static final String[] L04_MONTHLY = repeat("26500.00", 11, "26500.00");
    private static final String[] L05_MONTHLY = repeat("3444.56", 11, "3444.50");
    private static final String[] L06_MONTHLY = {"15980922.02", "23839942.10", "45570132.59", "24829785.67",
        "26987872.58", "23553087.86", "23799861.10", "27582407.45", "22721210.58", "18616837.36", "23824617.00",
        "24072762.53"};

    /** The finance bureau's notices at the ends of March–November: 文号, 序时进度, published progress rate. */
    private static final String[][] NOTICES = {
        {"穗财预〔2021〕300号", "0.25", "1.1012"}, {"穗财预〔2021〕317号", "0.33", "1.0843"},
        {"穗财预〔2021〕334号", "0.42", "1.0615"}, {"穗财预〔2021〕351号", "0.50", "1.0502"},
        {"穗财预〔2021〕368号", "0.58", "1.0431"}, {"穗财预〔2021〕385号", "0.67", "1.0366"},
        {"穗财预〔2021〕402号", "0.75", "1.0289"}, {"穗财预〔2021〕419号", "0.83", "1.0101"},
        {"穗财预〔2021〕436号", "0.92", "0.9982"}};

    private Seed002Year() {
    }

    private static String[] repeat(String amount, int times, String last) {
        String[] months = new String[times + 1];
        java.util.Arrays.fill(months, amount);
        months[times] = last;
        return months;
    }

    /** The whole year: the rubric, the budget ledger and the evaluation, as the store would hold them. */
    static List<RecordedEvent> events() {
        EventLog log = new EventLog();
        log.add(RubricFixtures.publishedSeed002(), Instant.parse("2020-12-20T02:00:00Z"));
        budget(log);
        evaluation(log);
        return log.events();
    }

    private static void budget(EventLog log) {
        log.add(new FiscalYearOpened(YEAR, YEAR.department(), 2021, "广州市政务服务数据管理局", List.of(
                new UnitRef(BJ, "广州市政务服务数据管理局（本级）"), new UnitRef(new UnitCode("YYZX"), "广州市数字政府运营中心"),
                new UnitRef(new UnitCode("XS3"), "下属单位三"), new UnitRef(new UnitCode("XS4"), "下属单位四")),
                RubricFixtures.GZ_2021, JAN_1));
        open(log, L01, ExpenditureKind.BASIC_PERSONNEL, null, null, "2060101", "301");
        open(log, L02, ExpenditureKind.BASIC_PERSONNEL, null, null, "2060101", "30109");
        open(log, L03, ExpenditureKind.BASIC_OPERATING, null, null, "2060101", "302");
        open(log, L04, ExpenditureKind.BASIC_OPERATING, null, null, "2060101", "30231");
        open(log, L05, ExpenditureKind.BASIC_OPERATING, null, null, "2060101", "30217");
        open(log, L06, ExpenditureKind.PROJECT, "GZ2021-XM", "2021年度项目支出（合并）", "2060199", "302");
        approve(log, L01, "82510674.45");
        approve(log, L03, "7833534.98");
        approve(log, L04, "600000.00");
        approve(log, L05, "210000.00");
        approve(log, L06, "301796794.12");
        // 职业年金 not yet settled last year: carried in, and out again unchanged
        log.add(new CarryInRecorded(YEAR, L02, Money.of("4122.00"), CarryOverKind.SURPLUS, JAN_1));
        log.add(new ProcurementPlanned(YEAR, new ProcurementId("CG-2021-ALL"), "2021年度政府采购（合并）",
                ProcurementCategory.SERVICES, Money.of("190800467.90"), Money.ZERO, LocalDate.of(2021, 1, 15)));

        for (int month = 1; month <= 12; month++) {
            LocalDate voucherDate = YearMonth.of(2021, month).atDay(25);
            spend(log, L01, month, L01_MONTHLY[month - 1], voucherDate);
            spend(log, L03, month, L03_MONTHLY[month - 1], voucherDate);
            spend(log, L04, month, L04_MONTHLY[month - 1], voucherDate);
            spend(log, L05, month, L05_MONTHLY[month - 1], voucherDate);
            spend(log, L06, month, L06_MONTHLY[month - 1], voucherDate);
            if (month == 6) {
                // a voucher booked twice and reversed the same day: no net effect
                log.add(new ExpenditureRecorded(YEAR, new VoucherNo("V2021-06-L06-DUP"), L06, Money.of("12345.00"),
                        voucherDate, null, "重复记账", null, null, null));
                log.add(new ExpenditureReversed(YEAR, new VoucherNo("R2021-06-L06-DUP"),
                        new VoucherNo("V2021-06-L06-DUP"), L06, Money.of("12345.00"), "重复记账冲销", voucherDate, null));
            }
            LocalDate monthEnd = YearMonth.of(2021, month).atEndOfMonth();
            if (month == 11) {
                log.add(new BudgetTransferred(YEAR, List.of(new LineShare(L04, Money.of("-282000.00")),
                        new LineShare(L05, Money.of("-168665.34")), new LineShare(L03, Money.of("450665.34"))),
                        "穗财预〔2021〕517号", "“三公”经费年初预算节余调剂至其他公用经费", monthEnd, null));
            }
            if (month >= 3 && month <= 11) {
                String[] notice = NOTICES[month - 3];
                log.add(new ExecutionNoticeRecorded(YEAR, notice[0], new BigDecimal(notice[1]),
                        new BigDecimal(notice[2]), monthEnd));
            }
        }
        log.add(new AppropriationWithdrawn(YEAR, L03, Money.of("551.19"), WITHDRAWAL,
                "年末未执行且不结转的财政拨款预算指标收回", DEC_31, null));
        log.add(new AppropriationWithdrawn(YEAR, L06, Money.of("417355.28"), WITHDRAWAL,
                "年末未执行且不结转的财政拨款预算指标收回", DEC_31, null));
        log.add(new ProcurementExecuted(YEAR, new ProcurementId("CG-2021-ALL"), Money.of("169725206.40"), Money.ZERO,
                DEC_31));
        // the seed prints these two the wrong way round; recorded as corrected (99.72%)
        log.add(new FixedAssetsRecorded(YEAR, Money.of("197823733.30"), Money.of("197273890.80"), DEC_31));
        log.add(new FiscalYearClosed(YEAR, List.of(new LineCarryOut(L02, Money.of("4122.00"), CarryOverKind.SURPLUS)),
                DEC_31));
    }

    private static void open(EventLog log, BudgetLineId id, ExpenditureKind kind, String projectCode,
            String projectName, String functional, String economic) {
        log.add(new BudgetLineOpened(YEAR, id, new BudgetLineSpec(BJ, FundingSource.GENERAL_PUBLIC_BUDGET, kind,
                projectCode, projectName, new FunctionalCode(functional), new EconomicCode(economic)), JAN_1));
    }

    private static void approve(EventLog log, BudgetLineId id, String amount) {
        log.add(new InitialBudgetApproved(YEAR, id, Money.of(amount), APPROVAL, JAN_1));
    }

    private static void spend(EventLog log, BudgetLineId id, int month, String amount, LocalDate date) {
        log.add(new ExpenditureRecorded(YEAR, new VoucherNo(String.format("V2021-%02d-%s", month, id)), id,
                Money.of(amount), date, null, null, null, null, null));
    }

    private static void evaluation(EventLog log) {
        log.add(EVAL.started(RubricFixtures.GZ_2021), EventLog.recordedOn(LocalDate.of(2021, 1, 5)));
        for (String[] indicator : INDICATORS) {
            String kpi = KPI_BY_TAG.get(indicator[0]);
            log.add(EVAL.define("GZ21-KPI-" + kpi, List.of("履职效能", indicator[1]), indicator[2], indicator[3],
                    indicator[4], "E.KPI-" + kpi, JAN_1), EventLog.recordedOn(LocalDate.of(2021, 1, 5)));
        }
        log.add(EVAL.bonus("BP-01", BonusPenaltyKind.BONUS, "2.5", "2021年度，我局编制的2020年度决算公开受到市财政局通报表扬。",
                LocalDate.of(2021, 10, 15)));
        for (String[] indicator : INDICATORS) {
            log.add(EVAL.actual("GZ21-KPI-" + KPI_BY_TAG.get(indicator[0]), indicator[5], DEC_31), ACTUALS_RECORDED);
        }
        for (String[] judgement : JUDGEMENTS) {
            log.add(EVAL.judge(judgement[0], judgement[1], judgement[2], DEC_31), JUDGEMENTS_RECORDED);
        }
        log.add(EVAL.submit(1, "94.65", SUBMITTED_ON), SUBMISSION_RECORDED);
    }

    private static String[] indicator(String tag, String task, String name, String weight, String target,
            String actual) {
        return new String[] {tag, task, name, weight, target, actual};
    }

    private static String[] judgement(String code, String score, String basis) {
        return new String[] {code, score, basis};
    }

    /**
     * The number of each key indicator in the rubric (二、2 → 09: item {@code E.KPI-09}, indicator
     * {@code GZ21-KPI-09}), as the rubric file and the demo year number them.
     */
    static final Map<String, String> KPI_BY_TAG = Map.ofEntries(Map.entry("1-1", "17"), Map.entry("1-2", "16"),
            Map.entry("2-1", "14"), Map.entry("2-2", "09"), Map.entry("2-3", "07"), Map.entry("3-1", "06"),
            Map.entry("3-2", "01"), Map.entry("3-3", "02"), Map.entry("3-4", "11"), Map.entry("4-1", "03"),
            Map.entry("4-2", "15"), Map.entry("4-3", "08"), Map.entry("4-4", "04"), Map.entry("4-5", "10"),
            Map.entry("4-6", "05"), Map.entry("5-1", "12"), Map.entry("5-2", "13"));

    /** The 17 key indicators as printed: tag (二、2 → 2-2), task, name, weight, 年度指标值, 实际完成值. */
    static final List<String[]> INDICATORS = List.of(
            indicator("3-2", TASK_3, "三、2、网站常态化监测覆盖率，反映全市政府网站常态化监测覆盖情况（政府网站与政务新媒体提升业务工作经费）", "2.94",
                    "三、2、100%", "100%"),
            indicator("3-3", TASK_3, "三、3、网上服务接入统一认证平台比例（广州市政府网站及网上政务服务应用建设）", "2.94",
                    "三、3、100%", "100%"),
            indicator("4-1", TASK_4, "四、1、建设信用监管应用支撑平台。（广州市公共信用2020年信息化建设项目）", "2.94",
                    "四、1、1个", "1个"),
            indicator("4-4", TASK_4, "四、4、用户满意率=（1-公众通过窗口、网站、电话投诉的业务数/总业务数%）*100%（广州市数字政府运营中心2021年信息化运维服务经费）", "2.94",
                    "四、4、90%", "100%"),
            indicator("4-6", TASK_4, "四、6、支撑使用统一评价系统的大厅数量（含市、区、街镇、村区）。（广州市人民政府政务管理办公室2019年信息化建设项目）", "2.94",
                    "四、6、140个", "179个"),
            indicator("3-1", TASK_3, "三、1、移动服务平台全年提供服务次数（广州移动政务服务平台建设）", "2.94",
                    "三、1、≥700万次", "805万次"),
            indicator("2-3", TASK_2, "二、3、话务服务市民满意率：市民对广州市12345政务热线服务的总体满意度不低于95%（12345政府服务热线人工坐席服务外包项目工作经费）", "2.94",
                    "二、3、≥95%", "97.52%"),
            indicator("4-3", TASK_4, "四、3、考察安全审计平台对安全日志的审计功能以及对日志的存储能力（广州市电子政务外网网络安全升级建设项目）", "2.94",
                    "四、3、≥6个月", "≥9个月"),
            indicator("2-2", TASK_2, "二、2、非因不可抗力或影响范围广泛的重大政策调整，热线每月接通率不低于95%（12345政府服务热线人工坐席服务外包项目工作经费）", "2.96",
                    "二、2、≥95%", "94.07%"),
            indicator("4-5", TASK_4, "四、5、数据质量报告数量：通过该建设和实施数据质量管理体系，提高共享数据的整体质量，提升数据利用水平，支持政府重点工作的开展数据质量分析，提供20份以上的数据质量报告（广州市政府信息化公共基础服务建设项目）", "2.94",
                    "四、5、提供20份以上的数据质量报告", "提供了31份数据质量报告"),
            indicator("3-4", TASK_3, "三、4、按期完成率：按期出具符合性检查报数/应出具报告总数*100%（市财政投资信息化项目验收和绩效评估工作经费）", "2.94",
                    "三、4、≥95%", "100%"),
            indicator("5-1", TASK_5, "五、1、新增用于共享的主题个数（广州市政务服务数据管理局2020年“穗智管”城市运行管理中枢项目）", "2.94",
                    "五、1、≥6个", "16个"),
            indicator("5-2", TASK_5, "五、2、累计为不少于500个指标进行监测服务。（广州市政务服务数据管理局数字政府运营中心穗智管运营服务项目）", "2.94",
                    "五、2、≥500个。", "700个"),
            indicator("2-1", TASK_2, "二、1、话务服务量：根据预算核定提供的服务量（热线外包项目2021年度响应的服务量约为1212万件）。（12345政府服务热线人工坐席服务外包项目工作经费）", "2.94",
                    "二、1、≥1212万件", "2871.7436万件"),
            indicator("4-2", TASK_4, "四、2、反映平台汇聚“四标四实”基础信息数量，<标准建筑物编码+标准地址+实有人口+实有房屋+实有单位>（广州市政务服务数据管理局2020年信息化建设项目）", "2.94",
                    "四、2、≥5500万条", "6447万条"),
            indicator("1-2", TASK_1, "一、2、按照事项标准化统一要求，通过广东省政务服务事项管理系统对市级政策兑现业务要素进行梳理，并实行动态更新（政策兑现业务集成专项工作经费）", "2.94",
                    "一、2、对已纳入集成服务的政策兑现事项，100%完成标准化必填要素梳理。", "100%完成标准化必填要素梳理"),
            indicator("1-1", TASK_1, "一、1、服务对象满意度，有效投诉人次/提供代办服务总人次*100%（工程建设项目全程免费代办服务外包项目经费）", "2.94",
                    "一、1、≤5%", "0"));

    /** The 13 judgement items with the scores and 评分依据 printed in the seed. */
    static final List<String[]> JUDGEMENTS = List.of(
            judgement("M.FUND.SYSTEM", "3",
                    "得分依据：我局先后制定财务、人事、行政、内部监督等各类规章制度，并于日常工作中严格执行。因此，得3分满分。"),
            judgement("M.FUND.BUDGET-PREP", "3",
                    "评分依据：2021年度，全局的预算编制严格按市财政局要求进行编制基础信息；按规定时限报送预算；入库项目均按要求进行了立项预算评估。 未达标原因：不存在未达标项目。 改进措施：继续按市财政局要求抓好预算的编制。"),
            judgement("M.FUND.SPECIAL", "2",
                    "我局未有专项资金。"),
            judgement("M.PERF.MONITORING", "4",
                    "评分依据：2021年度，我局能严格按市财政局通知精神，开展年中绩效监控和年底各项目支出的绩效自评，做到全覆盖、无遗漏；能在规定的时限内按要求进行报送绩效自评表及相关佐证。因此，该项评分为4分满分。"),
            judgement("M.PERF.SYSTEM", "3",
                    "评分依据：2021年度，我局对本级使用资金的申报、呈批、使用、监控、绩效评价与应用等方面都于单位财务管理办法中有严格的规定，并在日常工作中严格执行。因此，该项评分为3分满分。"),
            judgement("M.PERF.TARGET-REASONABLE", "2",
                    "评分依据：2021年度，我局编制的部门绩效目标合理，能体现部门职能任务和中长期发展目标，与当年度的预算资金完全匹配，无预算外资金收入与支出。因此，该项评分为2分满分。"),
            judgement("M.PERF.INDICATOR-CLARITY", "2",
                    "评分依据：2021年度，我局编制的部门绩效目标合理，各职能任务指标产出均能提供相关具体的材料进行佐证。因此，该项评分为2分满分。"),
            judgement("M.PERF.RESULT-USE", "2",
                    "评分依据：2021年度，我局所有项目支出均进行了年中绩效监控和年底的绩效自评，做到全覆盖、无遗漏。因此，该项评分为2分满分。"),
            judgement("M.DISC.BUDGET", "2",
                    "评分依据：2021年度，全局能严格按照市财政局对部门决算及信息公开工作的要求，以及市财政局下发的预决算批复、公开范本内容及格式要求，编撰我局预决算公开文本；严格按市财政局规范时限和要求及时批复局本级和下属中心的部门预决算；严密组织局本级和下属各中心编报年度预决算公开资料，并按市财政局要求于规定时间、在规定的网站（市府门户网站、政务外网）向社会公开，切实做到部门预决算公开及时、数据和文字说明准确、决算及绩效信息公开内容完整。因此，该项评分为2分满分。"),
            judgement("M.DISC.PERF", "2",
                    "评分依据：2021年度，全局能严格按照市财政局对全局所有项目进行绩效自评，并能在规定的时间公开，所有自评材料均能按市财政局要求进行办理。因此，该项评分为2分满分。"),
            judgement("M.ASSET.SYSTEM", "1",
                    "评分依据：我局根据国家、省、市有关资产管理规定，结合我局实际，制定了《广州市政务服务数据管理局固定资产管理办法》，并在日常工作中严格执行。因此，该项评分为1分满分。"),
            judgement("M.ASSET.RECONCILE", "1",
                    "评分依据：2021年度，我局财务账与资产账每月的资产折旧时，均进行逐一明细核对，确保账账相符。全年财务账与资产账一致。因此，该项评分为1分满分。"),
            judgement("M.ASSET.UTILISATION", "2",
                    "评分依据：2021年度，我局的资产原值197273890.80元，其中在用资产的原值为197823733.30元，资产利用率为99.72%。因此，该项评分为2分满分。"));
}
