package cn.perfledger.projections.audit;

import cn.perfledger.domain.rubric.RubricEvent.RubricPublished;
import cn.perfledger.projections.ledger.LedgerMetrics;
import cn.perfledger.projections.scoring.RepeatedScoring;
import cn.perfledger.projections.scoring.ScoredItem;
import cn.perfledger.projections.scoring.ScoredTable;
import cn.perfledger.projections.scoring.ScoringEngine;
import cn.perfledger.projections.scoring.SelfEvaluationFold;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The value of one item (or of the total, code {@code TOTAL}) at a fold's state: its score as the table shows it
 * and, for a leaf, the unrounded score. Scores only the item's subtree; the total needs the whole table.
 *
 * @param present false when the rubric is not admitted or has no such item (the score then counts as 0)
 * @param exact   a leaf's unrounded score; null for a group, the total, or an absent item
 */
public record ItemValue(boolean present, String name, BigDecimal weight, BigDecimal score, BigDecimal exact) {

    public static final String TOTAL = "TOTAL";

    static final ItemValue ABSENT = new ItemValue(false, null, null, BigDecimal.ZERO, null);

    public static boolean isTotal(String code) {
        return TOTAL.equalsIgnoreCase(code);
    }

    public static ItemValue of(SelfEvaluationFold fold, String code) {
        Optional<RubricPublished> rubric = fold.rubric();
        if (rubric.isEmpty()) {
            return ABSENT;
        }
        return of(rubric.get(), fold, code);
    }

    public static ItemValue of(RubricPublished rubric, SelfEvaluationFold fold, String code) {
        return of(rubric, fold, fold.metrics(), code);
    }

    /**
     * With the caller's metrics over {@code fold.ledger()} and leaves: kept across evaluations of an advancing fold,
     * the metrics re-add only the budget lines changed since the last evaluation and the leaves that read only the
     * evaluation are scored again only after it changed (the why-list evaluates once per group).
     */
    static ItemValue of(SelfEvaluationFold fold, LedgerMetrics metrics, RepeatedScoring leaves, String code) {
        Optional<RubricPublished> rubric = fold.rubric();
        return rubric.isEmpty() ? ABSENT : of(rubric.get(), fold, metrics, leaves, code);
    }

    private static ItemValue of(RubricPublished rubric, SelfEvaluationFold fold, LedgerMetrics metrics, String code) {
        return of(rubric, fold, metrics, null, code);
    }

    private static ItemValue of(RubricPublished rubric, SelfEvaluationFold fold, LedgerMetrics metrics,
            RepeatedScoring leaves, String code) {
        if (isTotal(code)) {
            ScoredTable table = ScoringEngine.score(rubric, metrics, fold.evaluation(), leaves);
            return new ItemValue(true, "总分", table.totalWeight(), table.total(), null);
        }
        return ScoringEngine.scoreItem(rubric, metrics, fold.evaluation(), leaves, code).map(ItemValue::of)
                .orElse(ABSENT);
    }

    static ItemValue of(ScoredItem item) {
        return new ItemValue(true, item.name(), item.weight(), item.score(), item.exactScore());
    }

    /** The signed number as an auditor reads it: "+0.30", "−0.04", "0". */
    static String signed(BigDecimal value) {
        if (value == null) {
            return "—";
        }
        if (value.signum() == 0) {
            return "0";
        }
        String plain = value.abs().stripTrailingZeros().toPlainString();
        return (value.signum() > 0 ? "+" : "−") + plain;
    }
}
