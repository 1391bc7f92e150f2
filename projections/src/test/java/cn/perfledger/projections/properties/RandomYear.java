package cn.perfledger.projections.properties;

import cn.perfledger.domain.budget.BudgetEvent.AppropriationWithdrawn;
import cn.perfledger.domain.budget.BudgetEvent.BudgetDecreased;
import cn.perfledger.domain.budget.BudgetEvent.BudgetIncreased;
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
import cn.perfledger.domain.budget.BudgetEvent.ProcurementContractFiled;
import cn.perfledger.domain.budget.BudgetEvent.ProcurementContractSigned;
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
import cn.perfledger.domain.common.IndicatorId;
import cn.perfledger.domain.common.Money;
import cn.perfledger.domain.common.ProcurementId;
import cn.perfledger.domain.common.RubricItemCode;
import cn.perfledger.domain.common.UnitCode;
import cn.perfledger.domain.common.VoucherNo;
import cn.perfledger.domain.evaluation.ActualValue;
import cn.perfledger.domain.evaluation.BonusPenaltyEntryId;
import cn.perfledger.domain.evaluation.BonusPenaltyKind;
import cn.perfledger.domain.evaluation.EvaluationEvent.BonusPenaltyRecorded;
import cn.perfledger.domain.evaluation.EvaluationEvent.EvaluationStarted;
import cn.perfledger.domain.evaluation.EvaluationEvent.IndicatorActualRecorded;
import cn.perfledger.domain.evaluation.EvaluationEvent.IndicatorDefined;
import cn.perfledger.domain.evaluation.EvaluationEvent.IndicatorTargetRevised;
import cn.perfledger.domain.evaluation.EvaluationEvent.JudgementScoreEntered;
import cn.perfledger.domain.evaluation.EvaluationEvent.JudgementScoreWithdrawn;
import cn.perfledger.domain.evaluation.EvaluationEvent.SelfEvaluationSubmitted;
import cn.perfledger.domain.evaluation.EvaluationId;
import cn.perfledger.domain.evaluation.TargetExpression;
import cn.perfledger.domain.common.RubricVersionId;
import cn.perfledger.domain.rubric.EveryRuleRubric;
import cn.perfledger.domain.rubric.RubricEvent.RubricPublished;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A random department-year the domain would accept, as the store would hold it: the rubric, a budget ledger (lines
 * opened on 1 January or later, initial budgets, carry-in recorded late, increases, decreases, transfers,
 * withdrawals, vouchers — some back-dated — and their partial reversals, monthly notices, procurement with
 * contracts signed and filed on time or late, fixed assets, sometimes the close) and its evaluation (indicators
 * with targets, revisions, actuals — some back-dated —, judgements entered, re-entered and withdrawn, bonus and
 * penalty entries, submissions).
 *
 * <p>Validity is tracked the way the aggregates check it, in recording order: every line is opened before it is
 * used and entries are not dated before its opening; a voucher, decrease, transfer-out or withdrawal never takes a
 * line's executed amount above its available budget minus {@link #RESERVE_FEN}, so that an expenditure of at most
 * that reserve can be inserted anywhere later (the late event of the basis property) without breaking the rule.
 */
final class RandomYear {

    static final FiscalYearId YEAR = FiscalYearId.of("PROP", 2021);
    /** The version of {@link EveryRuleRubric} the generated years are scored by. */
    static final RubricVersionId RUBRIC = new RubricVersionId("property@1");
    static final EvaluationId EVALUATION = new EvaluationId(YEAR);
    static final LocalDate JAN_1 = LocalDate.of(2021, 1, 1);
    static final LocalDate DEC_31 = LocalDate.of(2021, 12, 31);
    static final LocalDate LAST_EVALUATION_DAY = LocalDate.of(2022, 3, 31);
    /** Budget per line kept unspent by the generator: 100 元. */
    static final long RESERVE_FEN = 10_000;

    /** Operating and project codes (三公: 30217 接待, 30231 车运行, 31013 车购置, 30212 出国); the last is never drawn. */
    private static final String[] ECONOMIC_CODES = {"30201", "30217", "30231", "31013", "30212", "30227", "x"};
    /** Target, revised target and actuals of one unit family (so any actual stays comparable after a revision). */
    private static final String[][][] INDICATOR_TEMPLATES = {
        {{"≥95%", "≥90%"}, {"97.5%", "93%", "95%", "100%"}},
        {{"≤5%", "≤3%"}, {"2%", "6%", "0", "4%"}},
        {{"≥700万次", "≥800万次"}, {"805万次", "650万次", "1200万次"}},
        {{"≥12个", "≥15个"}, {"12个", "20个", "9个", "30个"}},
        {{"100%完成", "100%达标"}, {"达标", "未完成", "100%"}},
        {{"=4次", "=5次"}, {"4次", "3次", "5次"}},
        {{"≥6个月", "≥9个月"}, {"≥9个月", "5个月"}},
        {{"提供20份以上的数据质量报告", "提供25份以上的数据质量报告"}, {"提供了31份数据质量报告", "18份"}},
        {{"9月底前", "10月底前"}, {"9月", "8月15日", "11月"}},
        {{"90%–95%", "85%~95%"}, {"92%", "97%", "80%"}},
        {{"少于5个", "少于3个"}, {"少于5个", "2个", "6个"}}};

    /** One event with the day it is recorded; {@link #freeze} turns them into the store's order and times. */
    private record Pending(LocalDate recordDay, long order, Object payload) {
    }

    /** An event as recorded: payload and recording instant, in recording (global sequence) order. */
    record Entry(Object payload, Instant recordedAt) {
    }

    /** What the late-event property needs to know about a line. */
    record LineInfo(BudgetLineId id, LocalDate opened, Object approval) {
    }

    private final Random random;
    private final List<Pending> pending = new ArrayList<>();
    private long order;

    final List<LineInfo> lineInfos = new ArrayList<>();
    Object closeEvent;
    Object startEvent;
    List<Entry> entries;

    private RandomYear(Random random) {
        this.random = random;
    }

    static RandomYear generate(long seed) {
        RandomYear year = new RandomYear(new Random(seed));
        year.pending(LocalDate.of(2020, 12, 20), EveryRuleRubric.published(RUBRIC));
        year.budget();
        year.evaluation();
        year.freeze();
        return year;
    }

    private void pending(LocalDate recordDay, Object payload) {
        pending.add(new Pending(recordDay, order++, payload));
    }

    /** Recording order: by day, then generation order; each event one second after the previous on its day. */
    private void freeze() {
        pending.sort(Comparator.comparing(Pending::recordDay).thenComparingLong(Pending::order));
        entries = new ArrayList<>(pending.size());
        for (int i = 0; i < pending.size(); i++) {
            Pending p = pending.get(i);
            entries.add(new Entry(p.payload(), p.recordDay().atTime(9, 0).toInstant(ZoneOffset.UTC).plusSeconds(i)));
        }
    }

    // --- budget ---------------------------------------------------------------------------------------------

    private static final class Line {
        final BudgetLineId id;
        final LocalDate opened;
        final LocalDate approveOn;
        final long initialFen;
        final LocalDate carryInOn;
        final long carryInFen;
        final ExpenditureKind kind;
        final int index;
        boolean isOpen;
        boolean approved;
        long availableFen;
        long executedFen;

        Line(BudgetLineId id, LocalDate opened, LocalDate approveOn, long initialFen, LocalDate carryInOn,
                long carryInFen, ExpenditureKind kind, int index) {
            this.id = id;
            this.index = index;
            this.opened = opened;
            this.approveOn = approveOn;
            this.initialFen = initialFen;
            this.carryInOn = carryInOn;
            this.carryInFen = carryInFen;
            this.kind = kind;
        }

        long slack() {
            return approved ? availableFen - executedFen - RESERVE_FEN : 0;
        }
    }

    private static final class Voucher {
        final VoucherNo no;
        final Line line;
        final LocalDate date;
        long remainingFen;

        Voucher(VoucherNo no, Line line, LocalDate date, long fen) {
            this.no = no;
            this.line = line;
            this.date = date;
            this.remainingFen = fen;
        }
    }

    private static final class Procurement {
        final ProcurementId id;
        final long planFen;
        final List<String> unfiled = new ArrayList<>();
        final Map<String, LocalDate> signedOn = new HashMap<>();

        Procurement(ProcurementId id, long planFen) {
            this.id = id;
            this.planFen = planFen;
        }
    }

    private void budget() {
        pending(JAN_1, new FiscalYearOpened(YEAR, YEAR.department(), 2021, "性质测试局",
                List.of(new UnitRef(new UnitCode("BJ"), "本级")), RUBRIC, JAN_1));
        List<Line> lines = new ArrayList<>();
        int lineCount = 3 + random.nextInt(5);
        for (int i = 0; i < lineCount; i++) {
            boolean janFirst = i == 0 || random.nextInt(10) < 7;
            LocalDate opened = janFirst ? JAN_1 : JAN_1.plusDays(1 + random.nextInt(180));
            LocalDate approveOn = random.nextInt(10) < 8 ? opened : opened.plusDays(1 + random.nextInt(20));
            long initial = 100_000_00L + random.nextInt(4_900_000) * 100L;
            boolean carry = janFirst && random.nextInt(10) < 4;
            ExpenditureKind kind = ExpenditureKind.values()[random.nextInt(3)];
            lines.add(new Line(new BudgetLineId("L" + i), opened, approveOn, initial,
                    carry ? JAN_1.plusDays(random.nextInt(90)) : null, carry ? 1_000_00L + random.nextInt(500_000) * 100L : 0,
                    kind, i));
        }
        List<Voucher> vouchers = new ArrayList<>();
        List<Procurement> procurements = new ArrayList<>();
        int voucherNo = 0;
        int documentNo = 0;
        LocalDate fixedAssetsOn = JAN_1.plusDays(random.nextInt(365));
        boolean close = random.nextBoolean();
        for (LocalDate day = JAN_1; !day.isAfter(DEC_31); day = day.plusDays(1)) {
            for (Line line : lines) {
                if (line.opened.equals(day)) {
                    FundingSource source = random.nextInt(10) < 6 ? FundingSource.GENERAL_PUBLIC_BUDGET
                            : FundingSource.values()[random.nextInt(FundingSource.values().length)];
                    boolean project = line.kind == ExpenditureKind.PROJECT;
                    String economic = line.kind == ExpenditureKind.BASIC_PERSONNEL
                            ? (random.nextBoolean() ? "30101" : "30301")
                            : ECONOMIC_CODES[random.nextInt(ECONOMIC_CODES.length - 1)];
                    // The functional code differs per line, so two lines never share a spec.
                    BudgetLineSpec spec = new BudgetLineSpec(new UnitCode("BJ"), source, line.kind,
                            project ? "P-" + line.id : null, project ? "项目" + line.id : null,
                            new FunctionalCode("20103" + (10 + line.index)), new EconomicCode(economic));
                    pending(day, new BudgetLineOpened(YEAR, line.id, spec, day));
                    line.isOpen = true;
                }
                if (line.approveOn.equals(day)) {
                    InitialBudgetApproved approval = new InitialBudgetApproved(YEAR, line.id,
                            Money.ofFen(line.initialFen), "预-" + line.id, day);
                    pending(day, approval);
                    line.approved = true;
                    line.availableFen += line.initialFen;
                    lineInfos.add(new LineInfo(line.id, line.opened, approval));
                }
                if (day.equals(line.carryInOn)) {
                    // RecordCarryIn is effective on 1 January whenever it is recorded.
                    pending(day, new CarryInRecorded(YEAR, line.id, Money.ofFen(line.carryInFen),
                            line.kind == ExpenditureKind.PROJECT ? CarryOverKind.CARRY_FORWARD : CarryOverKind.SURPLUS,
                            JAN_1));
                    line.availableFen += line.carryInFen;
                }
            }
            boolean monthEnd = day.plusDays(1).getDayOfMonth() == 1;
            boolean notice = monthEnd && day.getMonthValue() >= 3 && day.getMonthValue() <= 11;
            boolean noticeFirst = random.nextBoolean();
            if (notice && noticeFirst) {
                notice(day);
            }
            int actions = random.nextInt(10) < 4 ? 1 + random.nextInt(2) : 0;
            for (int a = 0; a < actions; a++) {
                List<Line> usable = lines.stream().filter(l -> l.approved).toList();
                if (usable.isEmpty()) {
                    break;
                }
                Line line = usable.get(random.nextInt(usable.size()));
                int pick = random.nextInt(100);
                if (pick < 55) {
                    long slack = line.slack();
                    if (slack < 100) {
                        continue;
                    }
                    long fen = 1 + (long) (random.nextDouble() * Math.min(slack, Math.max(100, slack / 15)));
                    LocalDate date = random.nextInt(100) < 15 ? between(line.opened, day) : day;
                    VoucherNo no = new VoucherNo("V" + (++voucherNo));
                    pending(day, new ExpenditureRecorded(YEAR, no, line.id, Money.ofFen(fen), date, "收款人", "摘要",
                            null, null, null));
                    line.executedFen += fen;
                    vouchers.add(new Voucher(no, line, date, fen));
                } else if (pick < 63) {
                    List<Voucher> open = vouchers.stream().filter(v -> v.remainingFen > 0).toList();
                    if (open.isEmpty()) {
                        continue;
                    }
                    Voucher original = open.get(random.nextInt(open.size()));
                    long fen = random.nextBoolean() ? original.remainingFen
                            : 1 + (long) (random.nextDouble() * original.remainingFen);
                    fen = Math.min(fen, original.remainingFen);
                    pending(day, new ExpenditureReversed(YEAR, new VoucherNo("R" + (++voucherNo)), original.no,
                            original.line.id, Money.ofFen(fen), "冲销", day, null));
                    original.remainingFen -= fen;
                    original.line.executedFen -= fen;
                } else if (pick < 69) {
                    long fen = 1_000_00L + random.nextInt(200_000) * 100L;
                    pending(day, new BudgetIncreased(YEAR, line.id, Money.ofFen(fen), "追-" + (++documentNo), "追加",
                            random.nextInt(100) < 20 ? between(line.opened, day) : day, null));
                    line.availableFen += fen;
                } else if (pick < 74) {
                    long fen = Math.min(line.slack(), 1_000_00L + random.nextInt(100_000) * 100L);
                    if (fen <= 0) {
                        continue;
                    }
                    pending(day, new BudgetDecreased(YEAR, line.id, Money.ofFen(fen), "减-" + (++documentNo), "调减",
                            day, null));
                    line.availableFen -= fen;
                } else if (pick < 79) {
                    Line to = usable.get(random.nextInt(usable.size()));
                    long fen = Math.min(line.slack(), 1_000_00L + random.nextInt(100_000) * 100L);
                    if (to == line || fen <= 0) {
                        continue;
                    }
                    LocalDate date = day;
                    pending(day, new BudgetTransferred(YEAR, List.of(new LineShare(line.id, Money.ofFen(-fen)),
                            new LineShare(to.id, Money.ofFen(fen))), "调-" + (++documentNo), "调剂", date, null));
                    line.availableFen -= fen;
                    to.availableFen += fen;
                } else if (pick < 83) {
                    long fen = Math.min(line.slack(), 1_00L + random.nextInt(50_000) * 100L);
                    if (fen <= 0) {
                        continue;
                    }
                    pending(day, new AppropriationWithdrawn(YEAR, line.id, Money.ofFen(fen), "收-" + (++documentNo),
                            "收回", day, null));
                    line.availableFen -= fen;
                } else if (pick < 87) {
                    if (procurements.size() >= 4) {
                        continue;
                    }
                    long plan = 10_000_00L + random.nextInt(1_000_000) * 100L;
                    Procurement p = new Procurement(new ProcurementId("CG-" + procurements.size()), plan);
                    procurements.add(p);
                    pending(day, new ProcurementPlanned(YEAR, p.id, "采购" + p.id,
                            ProcurementCategory.values()[random.nextInt(3)], Money.ofFen(plan),
                            Money.ofFen(plan / (1 + random.nextInt(4))), day));
                } else if (pick < 91) {
                    if (procurements.isEmpty()) {
                        continue;
                    }
                    Procurement p = procurements.get(random.nextInt(procurements.size()));
                    String contractNo = p.id + "-HT" + (p.signedOn.size() + 1);
                    LocalDate awarded = day.minusDays(random.nextInt(45));
                    pending(day, new ProcurementContractSigned(YEAR, p.id, contractNo,
                            Money.ofFen(p.planFen / (1 + random.nextInt(3))), awarded, day));
                    p.signedOn.put(contractNo, day);
                    p.unfiled.add(contractNo);
                } else if (pick < 95) {
                    List<Procurement> withUnfiled = procurements.stream().filter(p -> !p.unfiled.isEmpty()).toList();
                    if (withUnfiled.isEmpty()) {
                        continue;
                    }
                    Procurement p = withUnfiled.get(random.nextInt(withUnfiled.size()));
                    String contractNo = p.unfiled.remove(0);
                    pending(day, new ProcurementContractFiled(YEAR, p.id, contractNo, day));
                } else {
                    if (procurements.isEmpty()) {
                        continue;
                    }
                    Procurement p = procurements.get(random.nextInt(procurements.size()));
                    long fen = 1 + (long) (random.nextDouble() * p.planFen * 1.2);
                    pending(day, new ProcurementExecuted(YEAR, p.id, Money.ofFen(fen),
                            Money.ofFen((long) (fen * random.nextDouble())), day));
                }
            }
            if (notice && !noticeFirst) {
                notice(day);
            }
            if (day.equals(fixedAssetsOn)) {
                long original = 1_000_000_00L + random.nextInt(10_000_000) * 100L;
                pending(day, new FixedAssetsRecorded(YEAR, Money.ofFen(original),
                        Money.ofFen((long) (original * (0.8 + 0.2 * random.nextDouble()))), day));
            }
        }
        if (close) {
            List<LineCarryOut> carryOuts = new ArrayList<>();
            for (Line line : lines) {
                carryOuts.add(new LineCarryOut(line.id, Money.ofFen(line.availableFen - line.executedFen),
                        line.kind == ExpenditureKind.PROJECT ? CarryOverKind.CARRY_FORWARD : CarryOverKind.SURPLUS));
            }
            closeEvent = new FiscalYearClosed(YEAR, carryOuts, DEC_31);
            pending(DEC_31, closeEvent);
        }
    }

    private void notice(LocalDate day) {
        BigDecimal required = BigDecimal.valueOf(day.getMonthValue()).divide(BigDecimal.valueOf(12), 4,
                RoundingMode.HALF_UP);
        BigDecimal published = BigDecimal.valueOf(5_000 + random.nextInt(7_000), 4);
        pending(day, new ExecutionNoticeRecorded(YEAR, "通报-" + day.getMonthValue(), required, published, day));
    }

    private LocalDate between(LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to);
        return days <= 0 ? from : from.plusDays(random.nextInt((int) days + 1));
    }

    // --- evaluation -----------------------------------------------------------------------------------------

    private void evaluation() {
        startEvent = new EvaluationStarted(EVALUATION, YEAR, RUBRIC, JAN_1);
        pending(JAN_1, startEvent);
        int indicators = 3 + random.nextInt(8);
        for (int i = 0; i < indicators; i++) {
            String[][] template = INDICATOR_TEMPLATES[random.nextInt(INDICATOR_TEMPLATES.length)];
            IndicatorId id = new IndicatorId("I" + i);
            LocalDate defined = JAN_1.plusDays(random.nextInt(120));
            String tag = random.nextInt(10) < 8
                    ? EveryRuleRubric.INDICATOR_TAGS.get(random.nextInt(EveryRuleRubric.INDICATOR_TAGS.size())) : null;
            TargetExpression target = TargetExpression.parse(template[0][0]);
            BigDecimal weight = BigDecimal.valueOf(100 + random.nextInt(900), 2);
            pending(defined, new IndicatorDefined(EVALUATION, id,
                    List.of("履职效能", random.nextBoolean() ? "产出指标" : "效益指标", "数量指标"), "指标" + i, weight,
                    target.text(), target, tag == null ? null : new RubricItemCode(tag), defined));
            if (random.nextInt(100) < 25) {
                LocalDate revised = between(defined, DEC_31);
                TargetExpression newTarget = TargetExpression.parse(template[0][1]);
                pending(revised, new IndicatorTargetRevised(EVALUATION, id, target.text(), newTarget.text(), newTarget,
                        "调整绩效目标", revised));
            }
            int actuals = random.nextInt(100) < 85 ? 1 + random.nextInt(2) : 0;
            LocalDate recorded = between(LocalDate.of(2021, 11, 1), LocalDate.of(2022, 1, 31));
            for (int a = 0; a < actuals; a++) {
                ActualValue actual = ActualValue.parse("actual", template[1][random.nextInt(template[1].length)], target,
                        null);
                LocalDate effective = random.nextInt(100) < 30 ? between(JAN_1, recorded) : recorded;
                pending(recorded, new IndicatorActualRecorded(EVALUATION, id, actual.text(), actual, effective));
                recorded = between(recorded, LocalDate.of(2022, 2, 28));
            }
        }
        for (String code : EveryRuleRubric.JUDGEMENTS) {
            if (random.nextInt(100) >= 85) {
                continue;
            }
            LocalDate entered = between(LocalDate.of(2022, 1, 15), LocalDate.of(2022, 2, 28));
            BigDecimal score = BigDecimal.valueOf(random.nextInt(600), 2);
            pending(entered, new JudgementScoreEntered(EVALUATION, new RubricItemCode(code), score, "评分依据 " + code,
                    "自评小组", null, entered));
            if (random.nextInt(100) < 20) {
                LocalDate again = between(entered, LocalDate.of(2022, 3, 10));
                BigDecimal newScore = BigDecimal.valueOf(random.nextInt(600), 2);
                pending(again, new JudgementScoreEntered(EVALUATION, new RubricItemCode(code), newScore,
                        "重新评分 " + code, "复核组", score, again));
                score = newScore;
                entered = again;
            }
            if (random.nextInt(100) < 15) {
                LocalDate withdrawn = between(entered, LocalDate.of(2022, 3, 10));
                pending(withdrawn, new JudgementScoreWithdrawn(EVALUATION, new RubricItemCode(code), score, "撤回",
                        withdrawn));
            }
        }
        int entries = random.nextInt(4);
        for (int i = 0; i < entries; i++) {
            LocalDate day = between(JAN_1, DEC_31);
            pending(day, new BonusPenaltyRecorded(EVALUATION, new BonusPenaltyEntryId("BP-" + i),
                    random.nextBoolean() ? BonusPenaltyKind.BONUS : BonusPenaltyKind.PENALTY,
                    BigDecimal.valueOf(50 + random.nextInt(250), 2), "表彰或批评", "文-" + i, day));
        }
        if (random.nextBoolean()) {
            LocalDate submitted = LocalDate.of(2022, 3, 15);
            pending(submitted, new SelfEvaluationSubmitted(EVALUATION, 1, DEC_31, "ab".repeat(32),
                    BigDecimal.valueOf(8_000 + random.nextInt(2_000), 2), "自评小组", submitted));
            if (random.nextInt(100) < 30) {
                LocalDate again = LocalDate.of(2022, 3, 25);
                pending(again, new SelfEvaluationSubmitted(EVALUATION, 2, DEC_31, "cd".repeat(32), null, "自评小组",
                        again));
            }
        }
    }

    /** The recording instant of a payload generated here (by identity). */
    Instant recordedAt(Object payload) {
        for (Entry entry : entries) {
            if (entry.payload() == payload) {
                return entry.recordedAt();
            }
        }
        throw new IllegalArgumentException("not generated here: " + payload);
    }

    static RubricPublished rubric() {
        return EveryRuleRubric.published(RUBRIC);
    }
}
