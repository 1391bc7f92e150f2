package cn.perfledger.projections.scoring;

import cn.perfledger.domain.rubric.InputReference.BonusPenaltyInput;
import cn.perfledger.domain.rubric.InputReference.IndicatorGroupInput;
import cn.perfledger.domain.rubric.InputReference.IndicatorInput;
import cn.perfledger.domain.rubric.InputReference.JudgementInput;
import cn.perfledger.domain.rubric.RubricEvent.RubricPublished;
import cn.perfledger.domain.rubric.RubricNode;
import cn.perfledger.projections.evaluation.EvaluationFold;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * What a caller that scores one advancing fold again and again keeps between the scorings, and how much each
 * scoring shows. The why-list scores the item after every group of events, and most groups are vouchers, which
 * change ledger figures only.
 *
 * <p><b>Kept leaves.</b> A leaf that reads only the evaluation (an indicator, an indicator group, a judgement, the
 * bonus and penalty entries — never a ledger figure) is a function of the rubric and the evaluation's state alone,
 * and that state changes only when the evaluation fold applies an event (its {@link EvaluationFold#eventCount},
 * which only grows). So such a leaf is taken again while the rubric, the evaluation fold and its event count are
 * the ones it was scored with, and every kept leaf is dropped as soon as one of them differs. Leaves reading the
 * ledger are always scored anew.
 *
 * <p><b>Scores only.</b> {@link #scoresOnly()} scores items without what only a reader of the table needs (the rule
 * summary and the computation text of each leaf, built from the figures at every scoring): the scores, unrounded
 * scores, weights and names are the ones the whole table has. For a caller that reads nothing else.
 *
 * <p>Not thread-safe, like the fold it follows.
 */
public final class RepeatedScoring {

    private final boolean described;
    private RubricPublished rubric;
    private EvaluationFold evaluation;
    private int evaluationEvents = -1;
    private final Map<RubricNode, ScoredItem> leaves = new IdentityHashMap<>();

    private RepeatedScoring(boolean described) {
        this.described = described;
    }

    /** Items as the table shows them, leaves kept. */
    public static RepeatedScoring described() {
        return new RepeatedScoring(true);
    }

    /** Items without rule summaries and computations, leaves kept. */
    public static RepeatedScoring scoresOnly() {
        return new RepeatedScoring(false);
    }

    boolean describes() {
        return described;
    }

    /**
     * Whether a leaf's score depends on the evaluation alone. Named positively, input kind by input kind: a new
     * kind of input is scored anew every time until it is added here.
     */
    static boolean readsOnlyEvaluation(RubricNode leaf) {
        return leaf.input() instanceof IndicatorInput || leaf.input() instanceof IndicatorGroupInput
                || leaf.input() instanceof JudgementInput || leaf.input() instanceof BonusPenaltyInput;
    }

    /** Forgets every kept leaf unless they were scored with this rubric and this evaluation state. */
    void followed(RubricPublished rubric, EvaluationFold evaluation) {
        if (this.rubric != rubric || this.evaluation != evaluation || evaluationEvents != evaluation.eventCount()) {
            leaves.clear();
            this.rubric = rubric;
            this.evaluation = evaluation;
            this.evaluationEvents = evaluation.eventCount();
        }
    }

    /** The leaf as scored at this level since the last {@link #followed} that kept it, or null. */
    ScoredItem kept(RubricNode leaf, int level) {
        ScoredItem item = leaves.get(leaf);
        return item != null && item.level() == level ? item : null;
    }

    void keep(RubricNode leaf, ScoredItem item) {
        leaves.put(leaf, item);
    }
}
