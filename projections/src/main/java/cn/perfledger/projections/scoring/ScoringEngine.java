package cn.perfledger.projections.scoring;

import cn.perfledger.domain.budget.BudgetEvent.FiscalYearOpened;
import cn.perfledger.domain.budget.BudgetEvent.RubricOfOtherPlaceOrYearNoted;
import cn.perfledger.domain.rubric.CompletionRatio;
import cn.perfledger.domain.rubric.GradeCoefficientTable;
import cn.perfledger.domain.rubric.GradeScale;
import cn.perfledger.domain.rubric.InputReference;
import cn.perfledger.domain.rubric.InputReference.IndicatorGroupInput;
import cn.perfledger.domain.rubric.InputReference.IndicatorInput;
import cn.perfledger.domain.rubric.Rounding;
import cn.perfledger.domain.rubric.RubricEvent.RubricPublished;
import cn.perfledger.domain.rubric.RubricNode;
import cn.perfledger.domain.rubric.ScoringRule;
import cn.perfledger.domain.rubric.ScoringRule.BonusPenalty;
import cn.perfledger.domain.rubric.ScoringRule.Judgement;
import cn.perfledger.domain.rubric.ScoringRule.MetOrFactor;
import cn.perfledger.domain.rubric.ScoringRule.ShareMet;
import cn.perfledger.projections.evaluation.Display;
import cn.perfledger.projections.evaluation.EvaluationFold;
import cn.perfledger.projections.evaluation.Flag;
import cn.perfledger.projections.evaluation.FlagKind;
import cn.perfledger.projections.ledger.LedgerMetrics;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rubric engine: walks a published rubric tree and scores every leaf by its rule from its input (a ledger
 * metric, a ledger metric against a target, one indicator, an indicator group, the judgement entered for the leaf,
 * the bonus/penalty entries). The rule families live in their own parts: {@link RateRules} (proportional, bands,
 * deductions, 完成比率, 得分系数表), {@link IndicatorRules} (达标满分否则按系数, 达标比例), {@link EntryRules} (评价人评分,
 * 加减分); {@link ScoringContext} holds what they share.
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
    private final RateRules rates;
    private final IndicatorRules indicatorRules;
    private final EntryRules entries;
    /** Leaves kept from earlier scorings of the same evaluation state, and how much to show; null: none kept, all shown. */
    private final RepeatedScoring kept;

    private ScoringEngine(RubricPublished rubric, LedgerMetrics ledger, EvaluationFold evaluation,
            RepeatedScoring kept) {
        ScoringContext context = new ScoringContext(rubric, ledger, evaluation);
        this.rubric = context.rubric;
        this.ledger = context.ledger;
        this.evaluation = context.evaluation;
        this.rates = new RateRules(context);
        this.indicatorRules = new IndicatorRules(context);
        this.entries = new EntryRules(context);
        this.kept = kept;
        if (kept != null) {
            kept.followed(rubric, evaluation);
        }
    }

    /** Scores the rubric against the ledger and the evaluation as folded. */
    public static ScoredTable score(RubricPublished rubric, LedgerMetrics ledger, EvaluationFold evaluation) {
        return new ScoringEngine(rubric, ledger, evaluation, null).table();
    }

    /**
     * {@link #score}, taking the leaves that read only the evaluation from {@code kept} while the evaluation has not
     * changed since they were scored (and keeping them there), for a caller that scores one advancing fold again and
     * again: the same table, or with {@link RepeatedScoring#scoresOnly()} the same scores without the texts.
     */
    public static ScoredTable score(RubricPublished rubric, LedgerMetrics ledger, EvaluationFold evaluation,
            RepeatedScoring kept) {
        return new ScoringEngine(rubric, ledger, evaluation, kept).table();
    }

    /**
     * Scores only the subtree of the item with the given code (a leaf or a group), exactly as {@link #score}
     * scores it inside the whole table; empty when the rubric has no such item. Lets a caller that re-scores one
     * item many times (the why-list) skip the rest of the table.
     */
    public static Optional<ScoredItem> scoreItem(RubricPublished rubric, LedgerMetrics ledger,
            EvaluationFold evaluation, String code) {
        return scoreItem(rubric, ledger, evaluation, null, code);
    }

    /** {@link #scoreItem}, with leaves taken from and kept in {@code kept} (see {@link RepeatedScoring}). */
    public static Optional<ScoredItem> scoreItem(RubricPublished rubric, LedgerMetrics ledger,
            EvaluationFold evaluation, RepeatedScoring kept, String code) {
        ScoringEngine engine = new ScoringEngine(rubric, ledger, evaluation, kept);
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

    private ScoredTable table() {
        List<ScoredItem> items = rubric.tree().stream().map(node -> item(node, 1)).toList();
        BigDecimal sum = items.stream().map(ScoredItem::score).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Flag> flags = new ArrayList<>();
        if (evaluation.started() != null && !rubric.rubricVersionId().equals(evaluation.started().rubricVersion())) {
            flags.add(Flag.of(FlagKind.RUBRIC_VERSION_MISMATCH, "自评使用 " + evaluation.started().rubricVersion()
                    + "，本表按 " + rubric.rubricVersionId() + " 计分"));
        }
        FiscalYearOpened opened = ledger.fold().opened();
        RubricOfOtherPlaceOrYearNoted noted = ledger.fold().rubricWarning();
        if (noted != null && noted.rubricVersion().equals(rubric.rubricVersionId())) {
            flags.add(Flag.of(FlagKind.RUBRIC_OF_OTHER_PLACE_OR_YEAR, noted.warning()));
        } else if (opened != null && rubric.templateYear() != opened.year()) {
            flags.add(Flag.of(FlagKind.RUBRIC_OF_OTHER_PLACE_OR_YEAR, "评价体系「" + rubric.name() + "」是 "
                    + rubric.templateYear() + " 年度的，本表为 " + opened.year() + " 年度；表头按部门和年度填写"));
        }
        BigDecimal total = scaled(capNetBonus(items, sum, flags), rubric.rounding().decimals());
        GradeScale grades = rubric.grades() == null ? GradeScale.defaults() : rubric.grades();
        DeclaredTotal declared = declared(total, flags);
        return new ScoredTable(evaluation.started() == null ? null : evaluation.started().evaluationId().toString(),
                rubric.rubricVersionId().value(), rubric.name(), rubric.jurisdiction(), rubric.sourceNote(),
                rubric.totalWeight(), items, total, grades.gradeOf(total), declared, flags,
                opened == null ? null : opened.departmentName(), opened == null ? null : opened.year());
    }

    private ScoredItem item(RubricNode node, int level) {
        if (!node.leaf()) {
            List<ScoredItem> children = node.children().stream().map(child -> item(child, level + 1)).toList();
            BigDecimal sum = children.stream().map(ScoredItem::score).reduce(BigDecimal.ZERO, BigDecimal::add);
            return new ScoredItem(node.code().value(), node.name(), level, node.weight(),
                    scaled(sum, rubric.rounding().decimals()), null, node.description(), node.criteria(), null,
                    List.of(), null, null, List.of(), children, evaluation.explanation(node.code()).orElse(null),
                    null);
        }
        if (kept == null || !RepeatedScoring.readsOnlyEvaluation(node)) {
            return scoredLeaf(node, level);
        }
        ScoredItem item = kept.kept(node, level);
        if (item == null) {
            item = scoredLeaf(node, level);
            kept.keep(node, item);
        }
        return item;
    }

    private ScoredItem scoredLeaf(RubricNode node, int level) {
        LeafScore leaf = scoreLeaf(node);
        Rounding rounding = rubric.roundingOf(node);
        BigDecimal score = scaled(rounding.apply(leaf.exact()).min(node.weight()), rounding.decimals());
        // for a caller that reads only the scores (RepeatedScoring.scoresOnly) the texts are not built
        boolean described = kept == null || kept.describes();
        RuleSummary rule = node.rule() == null || !described ? null
                : RuleSummary.of(node.rule(), node.input(), node.weight());
        return new ScoredItem(node.code().value(), node.name(), level, node.weight(), score, leaf.exact(),
                node.description(), node.criteria(), rule, leaf.inputs(), leaf.basis(), leaf.evaluator(),
                leaf.flags(), List.of(), evaluation.explanation(node.code()).orElse(null),
                described ? LeafArithmetic.of(node.rule(), node.weight(), leaf, score) : null);
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
            return entries.judgement(leaf, judgement);
        }
        if (rule instanceof BonusPenalty bonusPenalty) {
            return entries.bonusPenalty(bonusPenalty);
        }
        if (rule instanceof ShareMet shareMet) {
            return indicatorRules.shareMet(leaf, shareMet, (IndicatorGroupInput) input);
        }
        if (rule instanceof MetOrFactor metOrFactor) {
            return input instanceof IndicatorGroupInput group ? indicatorRules.metOrFactorGroup(leaf, metOrFactor, group)
                    : indicatorRules.metOrFactorSingle(leaf, metOrFactor, (IndicatorInput) input);
        }
        if (rule instanceof CompletionRatio completionRatio) {
            return rates.completionRatio(leaf, completionRatio, input);
        }
        if (rule instanceof GradeCoefficientTable table) {
            return rates.gradeCoefficients(leaf, table, input);
        }
        return rates.rate(leaf, rule, input);
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
                // the three figures at one precision (94.65, 94.35, +0.30), as the table shows its scores
                int scale = Math.max(total.scale(), Math.max(0, declaredTotal.stripTrailingZeros().scale()));
                BigDecimal shownDifference = difference.setScale(scale, RoundingMode.HALF_UP);
                flags.add(Flag.of(FlagKind.DECLARED_TOTAL_DIFFERS, "第 " + submission.submissionNo() + " 次提交的自评得分 "
                        + declaredTotal.setScale(scale, RoundingMode.HALF_UP).toPlainString() + "，按评分规则计算为 "
                        + total.setScale(scale, RoundingMode.HALF_UP).toPlainString() + "，相差 "
                        + (shownDifference.signum() > 0 ? "+" : "") + shownDifference.toPlainString()));
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
