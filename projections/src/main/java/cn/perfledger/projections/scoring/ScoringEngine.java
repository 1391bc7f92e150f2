package cn.perfledger.projections.scoring;

import cn.perfledger.domain.common.RubricItemCode;
import cn.perfledger.domain.evaluation.BonusPenaltyKind;
import cn.perfledger.domain.rubric.GradeScale;
import cn.perfledger.domain.rubric.InputReference;
import cn.perfledger.domain.rubric.InputReference.IndicatorGroupInput;
import cn.perfledger.domain.rubric.InputReference.IndicatorInput;
import cn.perfledger.domain.rubric.InputReference.LedgerMetricInput;
import cn.perfledger.domain.rubric.LedgerMetric;
import cn.perfledger.domain.rubric.Rounding;
import cn.perfledger.domain.rubric.RubricEvent.RubricPublished;
import cn.perfledger.domain.rubric.RubricNode;
import cn.perfledger.domain.rubric.ScoringRule;
import cn.perfledger.domain.rubric.ScoringRule.Bands;
import cn.perfledger.domain.rubric.ScoringRule.BonusPenalty;
import cn.perfledger.domain.rubric.ScoringRule.DeductionPerPoint;
import cn.perfledger.domain.rubric.ScoringRule.Judgement;
import cn.perfledger.domain.rubric.ScoringRule.MetOrFactor;
import cn.perfledger.domain.rubric.ScoringRule.Proportional;
import cn.perfledger.domain.rubric.ScoringRule.ShareMet;
import cn.perfledger.projections.evaluation.BonusPenaltyEntry;
import cn.perfledger.projections.evaluation.Display;
import cn.perfledger.projections.evaluation.EvaluationFold;
import cn.perfledger.projections.evaluation.Flag;
import cn.perfledger.projections.evaluation.FlagKind;
import cn.perfledger.projections.evaluation.IndicatorReport;
import cn.perfledger.projections.evaluation.IndicatorState;
import cn.perfledger.projections.evaluation.IndicatorStatus;
import cn.perfledger.projections.evaluation.JudgementEntry;
import cn.perfledger.projections.ledger.LedgerMetrics;
import cn.perfledger.projections.ledger.Rates;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The rubric engine: walks a published rubric tree and scores every leaf by its rule from its input (a ledger
 * metric, one indicator, an indicator group, the judgement entered for the leaf, the bonus/penalty entries).
 * A leaf's score is rounded as the leaf or the rubric states, then capped at its weight; a group scores the sum
 * of its children's rounded scores; the total is the sum of the top-level scores and gets the rubric's grade.
 *
 * <p>Missing inputs never fail: the leaf scores 0 and carries a flag saying what is missing (缺少评分, 缺少实际值,
 * 无法计算（分母为零）…). The engine is a pure function of its three arguments; feed it folds replayed at a
 * {@code Basis} (see {@link SelfEvaluationFold}) and the same basis always gives the same table.
 */
public final class ScoringEngine {

    private final RubricPublished rubric;
    private final LedgerMetrics ledger;
    private final EvaluationFold evaluation;
    /** Snapshot of the indicators, taken once: every leaf reads the same state. */
    private final List<IndicatorState> indicators;
    private final Map<LedgerMetric, MetricValue> metrics = new EnumMap<>(LedgerMetric.class);

    private ScoringEngine(RubricPublished rubric, LedgerMetrics ledger, EvaluationFold evaluation) {
        this.rubric = Objects.requireNonNull(rubric, "rubric");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.evaluation = Objects.requireNonNull(evaluation, "evaluation");
        this.indicators = evaluation.indicators();
    }

    /** Scores the rubric against the ledger and the evaluation as folded. */
    public static ScoredTable score(RubricPublished rubric, LedgerMetrics ledger, EvaluationFold evaluation) {
        return new ScoringEngine(rubric, ledger, evaluation).table();
    }

    /**
     * Scores only the subtree of the item with the given code (a leaf or a group), exactly as {@link #score}
     * scores it inside the whole table; empty when the rubric has no such item. Lets a caller that re-scores one
     * item many times (the why-list) skip the rest of the table.
     */
    public static Optional<ScoredItem> scoreItem(RubricPublished rubric, LedgerMetrics ledger,
            EvaluationFold evaluation, String code) {
        ScoringEngine engine = new ScoringEngine(rubric, ledger, evaluation);
        return engine.itemAt(rubric.tree(), code, 1);
    }

    private Optional<ScoredItem> itemAt(List<RubricNode> nodes, String code, int level) {
        for (RubricNode node : nodes) {
            if (node.code().value().equals(code)) {
                return Optional.of(item(node, level));
            }
            Optional<ScoredItem> below = itemAt(node.children(), code, level + 1);
            if (below.isPresent()) {
                return below;
            }
        }
        return Optional.empty();
    }

    /** What a leaf's rule made of its inputs, before rounding. */
    private record LeafScore(BigDecimal exact, List<ScoredInput> inputs, List<Flag> flags, String basis,
            String evaluator) {

        static LeafScore of(BigDecimal exact, List<ScoredInput> inputs, List<Flag> flags) {
            return new LeafScore(exact, inputs, flags, null, null);
        }

        static LeafScore zero(List<ScoredInput> inputs, List<Flag> flags) {
            return of(BigDecimal.ZERO, inputs, flags);
        }
    }

    /** A rate read from a ledger metric or an indicator: null value when it cannot be computed. */
    private record RateInput(BigDecimal value, List<ScoredInput> inputs, List<Flag> flags) {
    }

    private ScoredTable table() {
        List<ScoredItem> items = rubric.tree().stream().map(node -> item(node, 1)).toList();
        BigDecimal sum = items.stream().map(ScoredItem::score).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Flag> flags = new ArrayList<>();
        if (evaluation.started() != null && !rubric.rubricVersionId().equals(evaluation.started().rubricVersion())) {
            flags.add(Flag.of(FlagKind.RUBRIC_VERSION_MISMATCH, "自评使用 " + evaluation.started().rubricVersion()
                    + "，本表按 " + rubric.rubricVersionId() + " 计分"));
        }
        BigDecimal total = scaled(capNetBonus(items, sum, flags), rubric.rounding().decimals());
        GradeScale grades = rubric.grades() == null ? GradeScale.defaults() : rubric.grades();
        DeclaredTotal declared = declared(total, flags);
        return new ScoredTable(evaluation.started() == null ? null : evaluation.started().evaluationId().toString(),
                rubric.rubricVersionId().value(), rubric.name(), rubric.jurisdiction(), rubric.sourceNote(),
                rubric.totalWeight(), items, total, grades.gradeOf(total), declared, flags);
    }

    private ScoredItem item(RubricNode node, int level) {
        if (!node.leaf()) {
            List<ScoredItem> children = node.children().stream().map(child -> item(child, level + 1)).toList();
            BigDecimal sum = children.stream().map(ScoredItem::score).reduce(BigDecimal.ZERO, BigDecimal::add);
            return new ScoredItem(node.code().value(), node.name(), level, node.weight(),
                    scaled(sum, rubric.rounding().decimals()), null, node.description(), node.criteria(), null,
                    List.of(), null, null, List.of(), children);
        }
        LeafScore leaf = scoreLeaf(node);
        Rounding rounding = rubric.roundingOf(node);
        BigDecimal score = scaled(rounding.apply(leaf.exact()).min(node.weight()), rounding.decimals());
        RuleSummary rule = node.rule() == null ? null : RuleSummary.of(node.rule(), node.input(), node.weight());
        return new ScoredItem(node.code().value(), node.name(), level, node.weight(), score, leaf.exact(),
                node.description(), node.criteria(), rule, leaf.inputs(), leaf.basis(), leaf.evaluator(),
                leaf.flags(), List.of());
    }

    private LeafScore scoreLeaf(RubricNode leaf) {
        ScoringRule rule = leaf.rule();
        InputReference input = leaf.input();
        if (rule == null || input == null || !rule.accepts(input)) {
            // The validator refuses such rubrics at publication; kept for rubrics stored before a rule changed.
            return LeafScore.zero(List.of(), List.of(Flag.of(FlagKind.RULE_INPUT_MISMATCH, leaf.name() + "："
                    + (rule == null ? "未设置评分规则" : "评分规则「" + rule.label() + "」需要" + rule.expectedInputs()))));
        }
        if (rule instanceof Judgement judgement) {
            return judgement(leaf, judgement);
        }
        if (rule instanceof BonusPenalty bonusPenalty) {
            return bonusPenalty(bonusPenalty);
        }
        if (rule instanceof ShareMet shareMet) {
            return shareMet(leaf, shareMet, (IndicatorGroupInput) input);
        }
        if (rule instanceof MetOrFactor metOrFactor) {
            return input instanceof IndicatorGroupInput group ? metOrFactorGroup(leaf, metOrFactor, group)
                    : metOrFactorSingle(leaf, metOrFactor, (IndicatorInput) input);
        }
        return rate(leaf, rule, input);
    }

    // --- rate rules: proportional, bands, deduction per point -------------------------------------------------

    private LeafScore rate(RubricNode leaf, ScoringRule rule, InputReference input) {
        RateInput rate = input instanceof LedgerMetricInput metric ? metricRate(metric.metric())
                : indicatorRate((IndicatorInput) input);
        if (rate.value() == null) {
            return LeafScore.zero(rate.inputs(), rate.flags());
        }
        BigDecimal weight = leaf.weight();
        BigDecimal exact;
        if (rule instanceof Proportional proportional) {
            exact = proportional.score(weight, rate.value());
        } else if (rule instanceof Bands bands) {
            exact = bands.score(weight, rate.value());
        } else if (rule instanceof DeductionPerPoint deduction) {
            exact = deduction.score(weight, rate.value());
        } else {
            throw new IllegalStateException("评分规则「" + rule.label() + "」不是比率规则");
        }
        return LeafScore.of(exact, rate.inputs(), rate.flags());
    }

    private RateInput metricRate(LedgerMetric metric) {
        MetricValue value = metrics.computeIfAbsent(metric, m -> LedgerMetricValues.of(m, ledger, evaluation));
        String display = value.defined() ? Display.percent(value.value()) : FlagKind.DENOMINATOR_ZERO.label();
        ScoredInput input = ScoredInput.of(InputKind.LEDGER_METRIC, metric.name(), metric.label(), value.value(),
                display, value.figures(), null);
        List<Flag> flags = value.defined() ? List.of()
                : List.of(Flag.of(FlagKind.DENOMINATOR_ZERO, metric.label() + "：" + metric.description()));
        return new RateInput(value.value(), List.of(input), flags);
    }

    private RateInput indicatorRate(IndicatorInput reference) {
        List<Flag> flags = new ArrayList<>();
        Optional<IndicatorState> found = resolve(reference, flags);
        if (found.isEmpty()) {
            return new RateInput(null, List.of(), flags);
        }
        IndicatorState indicator = found.get();
        flags.addAll(indicator.flags());
        return new RateInput(indicator.completionRate(rubric.coefficients()), List.of(indicatorInput(indicator, List.of())),
                flags);
    }

    // --- indicator rules --------------------------------------------------------------------------------------

    private LeafScore metOrFactorSingle(RubricNode leaf, MetOrFactor rule, IndicatorInput reference) {
        List<Flag> flags = new ArrayList<>();
        Optional<IndicatorState> found = resolve(reference, flags);
        if (found.isEmpty()) {
            return LeafScore.zero(List.of(), flags);
        }
        IndicatorState indicator = found.get();
        flags.addAll(indicator.flags());
        List<ScoredInput> inputs = List.of(indicatorInput(indicator, List.of()));
        if (!scorable(indicator)) {
            return LeafScore.zero(inputs, flags);
        }
        return LeafScore.of(indicatorPoints(rule, leaf.weight(), indicator), inputs, flags);
    }

    /** Each member scores by the rule with its own weight; the leaf scores their sum, capped at its weight. */
    private LeafScore metOrFactorGroup(RubricNode leaf, MetOrFactor rule, IndicatorGroupInput group) {
        List<IndicatorState> members = members(group);
        List<ScoredInput> inputs = new ArrayList<>();
        inputs.add(groupInput(group, members));
        if (members.isEmpty()) {
            return LeafScore.zero(inputs, List.of(Flag.of(FlagKind.INDICATOR_NOT_FOUND,
                    "指标组「" + groupName(group) + "」内没有绩效指标")));
        }
        BigDecimal sum = BigDecimal.ZERO;
        List<Flag> memberFlags = new ArrayList<>();
        for (IndicatorState member : members) {
            BigDecimal points = scorable(member) ? indicatorPoints(rule, member.weight(), member) : BigDecimal.ZERO;
            sum = sum.add(points);
            inputs.add(indicatorInput(member, List.of(Figure.points("按本指标分值 " + Display.number(member.weight())
                    + " 计分", points))));
            memberFlags.addAll(member.flags());
        }
        return LeafScore.of(sum.min(leaf.weight()), inputs, merged(memberFlags));
    }

    private LeafScore shareMet(RubricNode leaf, ShareMet rule, IndicatorGroupInput group) {
        List<IndicatorState> members = members(group);
        List<ScoredInput> inputs = new ArrayList<>();
        inputs.add(groupInput(group, members));
        List<Flag> memberFlags = new ArrayList<>();
        for (IndicatorState member : members) {
            inputs.add(indicatorInput(member, List.of()));
            memberFlags.addAll(member.flags());
        }
        if (members.isEmpty()) {
            return LeafScore.zero(inputs, List.of(Flag.of(FlagKind.DENOMINATOR_ZERO,
                    "指标组「" + groupName(group) + "」内没有绩效指标，达标比例无法计算")));
        }
        int met = (int) members.stream().filter(IndicatorState::met).count();
        return LeafScore.of(rule.score(leaf.weight(), met, members.size()), inputs, merged(memberFlags));
    }

    /**
     * A quantitative indicator scores by the rule (met ⇒ weight, else the rule's factor or completion rate); a
     * qualitative one scores weight × the rubric's 得分系数 of the grade recorded, whatever the rule's not-met factor.
     */
    private BigDecimal indicatorPoints(MetOrFactor rule, BigDecimal weight, IndicatorState indicator) {
        if (indicator.qualitative()) {
            return weight.multiply(rubric.coefficients().coefficient(indicator.actual().grade())).min(weight);
        }
        return rule.score(weight, indicator.met(), indicator.completionRate(rubric.coefficients()));
    }

    /** Without a comparable actual an indicator scores 0 (its flags say why). */
    private static boolean scorable(IndicatorState indicator) {
        IndicatorStatus status = indicator.status();
        return status == IndicatorStatus.MET || status == IndicatorStatus.NOT_MET;
    }

    /** The indicator a leaf names, by id or by tag; the first defined one when several carry the tag. */
    private Optional<IndicatorState> resolve(IndicatorInput reference, List<Flag> flags) {
        List<IndicatorState> matches = indicators.stream()
                .filter(i -> reference.indicatorId() != null ? i.indicatorId().equals(reference.indicatorId())
                        : reference.taggedWith().equals(i.rubricItemCode()))
                .toList();
        String named = reference.indicatorId() != null ? "指标 " + reference.indicatorId()
                : "关联评分项 " + reference.taggedWith() + " 的指标";
        if (matches.isEmpty()) {
            flags.add(Flag.of(FlagKind.INDICATOR_NOT_FOUND, "未找到" + named));
            return Optional.empty();
        }
        if (matches.size() > 1) {
            flags.add(Flag.of(FlagKind.AMBIGUOUS_INDICATOR, named + "有 " + matches.size() + " 个（"
                    + String.join("、", matches.stream().map(i -> i.indicatorId().value()).toList()) + "），按最先定义的 "
                    + matches.get(0).indicatorId() + " 计分"));
        }
        return Optional.of(matches.get(0));
    }

    /**
     * The indicators of a group: tagged with the group's code or any code below it in the rubric tree, or (when
     * the group names a path prefix) defined under that path.
     */
    private List<IndicatorState> members(IndicatorGroupInput group) {
        Set<RubricItemCode> codes = RubricNode.find(rubric.tree(), group.groupCode()).map(RubricNode::subtreeCodes)
                .orElseGet(() -> Set.of(group.groupCode()));
        List<String> prefix = group.pathPrefix();
        return indicators.stream()
                .filter(i -> (i.rubricItemCode() != null && codes.contains(i.rubricItemCode()))
                        || (!prefix.isEmpty() && i.path().size() >= prefix.size()
                                && i.path().subList(0, prefix.size()).equals(prefix)))
                .toList();
    }

    private String groupName(IndicatorGroupInput group) {
        return RubricNode.find(rubric.tree(), group.groupCode()).map(RubricNode::name)
                .orElse(group.groupCode().value());
    }

    private ScoredInput groupInput(IndicatorGroupInput group, List<IndicatorState> members) {
        long met = members.stream().filter(IndicatorState::met).count();
        BigDecimal share = Rates.ratio(BigDecimal.valueOf(met), BigDecimal.valueOf(members.size()));
        String display = share == null ? FlagKind.DENOMINATOR_ZERO.label()
                : Display.percent(share) + "（" + met + "/" + members.size() + "）";
        return ScoredInput.of(InputKind.INDICATOR_GROUP, group.groupCode().value(), groupName(group), share, display,
                List.of(Figure.count("达标指标数", met), Figure.count("指标总数", members.size())), null);
    }

    private ScoredInput indicatorInput(IndicatorState indicator, List<Figure> figures) {
        IndicatorReport.Row row = IndicatorReport.Row.of(indicator, rubric.coefficients());
        String display = row.completionRate() == null ? row.statusLabel()
                : row.completionRateDisplay() + "（" + row.statusLabel() + "）";
        return ScoredInput.of(InputKind.INDICATOR, row.indicatorId(), row.name(), row.completionRate(), display,
                figures, row);
    }

    /** One flag per kind, details joined, kinds in declaration order: a group leaf stays readable. */
    private static List<Flag> merged(List<Flag> flags) {
        Map<FlagKind, List<String>> details = new EnumMap<>(FlagKind.class);
        flags.forEach(flag -> details.computeIfAbsent(flag.kind(), k -> new ArrayList<>()).add(flag.detail()));
        List<Flag> result = new ArrayList<>();
        details.forEach((kind, texts) -> result.add(Flag.of(kind, String.join("；", texts))));
        return result;
    }

    // --- judgement and bonus/penalty --------------------------------------------------------------------------

    private LeafScore judgement(RubricNode leaf, Judgement rule) {
        Optional<JudgementEntry> entered = evaluation.judgement(leaf.code());
        if (entered.isEmpty()) {
            String why = evaluation.withdrawal(leaf.code())
                    .map(w -> "评分 " + Display.number(w.withdrawnScore()) + " 已于 " + w.source().effectiveDate()
                            + " 撤回（" + w.reason() + "）")
                    .orElse("尚未录入评价人评分");
            ScoredInput missing = ScoredInput.of(InputKind.JUDGEMENT, leaf.code().value(), leaf.name(), null,
                    FlagKind.JUDGEMENT_MISSING.label(), List.of(), null);
            return LeafScore.zero(List.of(missing), List.of(Flag.of(FlagKind.JUDGEMENT_MISSING, leaf.name() + "：" + why)));
        }
        JudgementEntry judgement = entered.get();
        List<Flag> flags = new ArrayList<>();
        if (judgement.score().compareTo(leaf.weight()) > 0) {
            flags.add(Flag.of(FlagKind.JUDGEMENT_ABOVE_WEIGHT, leaf.name() + "：录入 "
                    + Display.number(judgement.score()) + " 分，分值 " + Display.number(leaf.weight())));
        }
        ScoredInput input = ScoredInput.of(InputKind.JUDGEMENT, leaf.code().value(), leaf.name(), judgement.score(),
                Display.number(judgement.score()), List.of(), null);
        return new LeafScore(rule.score(leaf.weight(), judgement.score()), List.of(input), flags, judgement.basis(),
                judgement.evaluator());
    }

    private LeafScore bonusPenalty(BonusPenalty rule) {
        List<BigDecimal> bonuses = new ArrayList<>();
        List<BigDecimal> penalties = new ArrayList<>();
        List<ScoredInput> inputs = new ArrayList<>();
        for (BonusPenaltyEntry entry : evaluation.bonusPenalties()) {
            boolean bonus = entry.kind() == BonusPenaltyKind.BONUS;
            (bonus ? bonuses : penalties).add(entry.points());
            BigDecimal fixed = bonus ? rule.pointsPerBonus() : rule.pointsPerPenalty();
            BigDecimal counted = fixed == null ? entry.points() : fixed;
            String document = entry.documentNo() == null ? "" : "（" + entry.documentNo() + "）";
            // the entry as recorded; the rule may count a fixed number of points per entry instead
            inputs.add(ScoredInput.of(InputKind.BONUS_PENALTY, entry.entryId().value(),
                    (bonus ? "加分：" : "减分：") + entry.reason(), entry.signedPoints(),
                    Display.signed(entry.signedPoints()) + document,
                    List.of(Figure.points("按评分规则计分", bonus ? counted : counted.negate())), null));
        }
        List<Flag> flags = new ArrayList<>();
        BigDecimal bonusSum = sum(bonuses, rule.pointsPerBonus());
        if (bonusSum.compareTo(rule.bonusCap()) > 0) {
            flags.add(Flag.of(FlagKind.BONUS_CAPPED, "加分合计 " + Display.number(bonusSum) + " 分，按上限 "
                    + Display.number(rule.bonusCap()) + " 分计"));
        }
        BigDecimal penaltySum = sum(penalties, rule.pointsPerPenalty());
        if (penaltySum.compareTo(rule.penaltyCap()) > 0) {
            flags.add(Flag.of(FlagKind.PENALTY_CAPPED, "扣分合计 " + Display.number(penaltySum) + " 分，按上限 "
                    + Display.number(rule.penaltyCap()) + " 分计"));
        }
        return LeafScore.of(rule.score(bonuses, penalties), inputs, flags);
    }

    /** Mirrors {@link BonusPenalty#score}: fixed points per entry when the rule sets them, else the entry's own. */
    private static BigDecimal sum(List<BigDecimal> entries, BigDecimal fixedPoints) {
        return entries.stream().map(points -> fixedPoints != null ? fixedPoints : points)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The rubric's cap on net bonus points applies across all bonus/penalty leaves together. */
    private BigDecimal capNetBonus(List<ScoredItem> items, BigDecimal sum, List<Flag> flags) {
        if (rubric.bonusCap() == null) {
            return sum;
        }
        List<String> bonusCodes = rubric.tree().stream().flatMap(top -> top.leaves().stream())
                .filter(leaf -> leaf.rule() instanceof BonusPenalty).map(leaf -> leaf.code().value()).toList();
        if (bonusCodes.isEmpty()) {
            return sum;
        }
        BigDecimal net = items.stream().flatMap(item -> item.flatten().stream())
                .filter(item -> bonusCodes.contains(item.code())).map(ScoredItem::score)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (net.compareTo(rubric.bonusCap()) <= 0) {
            return sum;
        }
        BigDecimal excess = net.subtract(rubric.bonusCap());
        flags.add(Flag.of(FlagKind.BONUS_CAPPED, "各加减分项净加分 " + Display.number(net) + " 分，超过评分规则的加分上限 "
                + Display.number(rubric.bonusCap()) + " 分，总分扣除 " + Display.number(excess) + " 分"));
        return sum.subtract(excess);
    }

    private DeclaredTotal declared(BigDecimal total, List<Flag> flags) {
        return evaluation.latestSubmission().map(submission -> {
            BigDecimal declaredTotal = submission.declaredTotal();
            BigDecimal difference = declaredTotal == null ? null : declaredTotal.subtract(total);
            if (difference != null && difference.signum() != 0) {
                flags.add(Flag.of(FlagKind.DECLARED_TOTAL_DIFFERS, "第 " + submission.submissionNo() + " 次提交的自评得分 "
                        + Display.number(declaredTotal) + "，按评分规则计算为 " + total.toPlainString() + "，相差 "
                        + Display.signed(difference)));
            }
            return new DeclaredTotal(submission.submissionNo(), submission.referenceDate(),
                    submission.source().effectiveDate(), submission.submittedBy(), declaredTotal, total, difference);
        }).orElse(null);
    }

    /**
     * A score at the rubric's number of decimals, so that equal scores print alike ("1.50", not "1.5"); a value
     * needing more decimals (a weight of 2.96 capping a one-decimal score) keeps them rather than being rounded.
     */
    private static BigDecimal scaled(BigDecimal value, int decimals) {
        return value.stripTrailingZeros().scale() <= decimals ? value.setScale(decimals) : value;
    }
}
