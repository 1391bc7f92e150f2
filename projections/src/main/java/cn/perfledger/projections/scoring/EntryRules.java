package cn.perfledger.projections.scoring;

import cn.perfledger.domain.evaluation.BonusPenaltyKind;
import cn.perfledger.domain.rubric.RubricNode;
import cn.perfledger.domain.rubric.ScoringRule.BonusPenalty;
import cn.perfledger.domain.rubric.ScoringRule.Judgement;
import cn.perfledger.projections.evaluation.BonusPenaltyEntry;
import cn.perfledger.projections.evaluation.Display;
import cn.perfledger.projections.evaluation.EvaluationFold;
import cn.perfledger.projections.evaluation.Flag;
import cn.perfledger.projections.evaluation.FlagKind;
import cn.perfledger.projections.evaluation.JudgementEntry;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The rule family of what the evaluator enters: the judgement score of a leaf, and the bonus/penalty entries. */
final class EntryRules {

    private final EvaluationFold evaluation;

    EntryRules(ScoringContext context) {
        this.evaluation = context.evaluation;
    }

    LeafScore judgement(RubricNode leaf, Judgement rule) {
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

    LeafScore bonusPenalty(BonusPenalty rule) {
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
}
