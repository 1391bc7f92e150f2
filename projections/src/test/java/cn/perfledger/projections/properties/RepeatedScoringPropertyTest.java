package cn.perfledger.projections.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.perfledger.domain.evaluation.EvaluationEvent;
import cn.perfledger.domain.rubric.EveryRuleRubric;
import cn.perfledger.domain.rubric.RubricEvent.RubricPublished;
import cn.perfledger.projections.basis.RecordedEvent;
import cn.perfledger.projections.basis.ReplayIndex;
import cn.perfledger.projections.evaluation.EvaluationFold;
import cn.perfledger.projections.ledger.LedgerMetrics;
import cn.perfledger.projections.scoring.RepeatedScoring;
import cn.perfledger.projections.scoring.ScoredItem;
import cn.perfledger.projections.scoring.ScoredTable;
import cn.perfledger.projections.scoring.ScoringEngine;
import cn.perfledger.projections.scoring.SelfEvaluationFold;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded property: scoring one fold as it advances through a random year ({@link RandomYear}: every rule kind,
 * judgements entered and withdrawn, actuals, revised targets, bonus entries, submissions between the vouchers),
 * with the leaves kept in one {@link RepeatedScoring}, gives exactly ({@code equals}) the table and the items that
 * scoring from scratch gives, after every event; scoring only the numbers, as the why-list does, gives exactly
 * their scores, unrounded scores, weights and names. Replay a failure with
 * {@code -Dproperties.seed=…}.
 */
class RepeatedScoringPropertyTest {

    private static final int CASES = Integer.getInteger("properties.cases", 25);

    @Test
    void keptLeaves_scoreAsScoringFromScratch() {
        String given = System.getProperty("properties.seed");
        long seed = given == null || given.isBlank() ? new SecureRandom().nextLong() : Long.parseLong(given.strip());
        System.out.println("RepeatedScoringPropertyTest seed=" + seed + "  (replay: -Dproperties.seed=" + seed + ")");
        Random random = new Random(seed);
        List<String> codes = new ArrayList<>();
        EveryRuleRubric.published(RandomYear.RUBRIC).tree()
                .forEach(top -> top.flatten().forEach(n -> codes.add(n.code().value())));
        int evaluationChanges = 0;
        for (int c = 0; c < CASES; c++) {
            long caseSeed = random.nextLong();
            ReplayIndex index = ReplayIndex.of(FoldPropertiesTest.store(RandomYear.generate(caseSeed).entries));
            SelfEvaluationFold fold = new SelfEvaluationFold();
            LedgerMetrics metrics = new LedgerMetrics(fold.ledger());
            RepeatedScoring kept = RepeatedScoring.described();
            RepeatedScoring scoresOnly = RepeatedScoring.scoresOnly();
            String code = codes.get(random.nextInt(codes.size()));
            for (int i = 0; i < index.size(); i++) {
                RecordedEvent event = index.get(i);
                fold.accept(event);
                if (event.payload() instanceof EvaluationEvent) {
                    evaluationChanges++;
                }
                Optional<RubricPublished> rubric = fold.rubric();
                if (rubric.isEmpty()) {
                    continue;
                }
                String context = "seed=" + seed + " caseSeed=" + caseSeed + " after event " + i + " (" + event.type()
                        + "), item " + code;
                EvaluationFold evaluation = fold.evaluation();
                ScoredTable table = ScoringEngine.score(rubric.get(), new LedgerMetrics(fold.ledger()), evaluation);
                assertEquals(table, ScoringEngine.score(rubric.get(), metrics, evaluation, kept), context);
                Optional<ScoredItem> item = ScoringEngine.scoreItem(rubric.get(), new LedgerMetrics(fold.ledger()),
                        evaluation, code);
                assertEquals(item, ScoringEngine.scoreItem(rubric.get(), metrics, evaluation, kept, code), context);
                ScoredTable numbers = ScoringEngine.score(rubric.get(), metrics, evaluation, scoresOnly);
                assertEquals(table.total(), numbers.total(), context + " (scores only)");
                assertEquals(numbers(table.items()), numbers(numbers.items()), context + " (scores only)");
                assertEquals(item.map(s -> numbers(List.of(s))), ScoringEngine.scoreItem(rubric.get(), metrics,
                        evaluation, scoresOnly, code).map(s -> numbers(List.of(s))), context + " (scores only)");
            }
        }
        System.out.println("  evaluation events between the scorings: " + evaluationChanges);
    }

    /** Every item's numbers, depth first: what a scoring without texts must give exactly as the table. */
    private static List<String> numbers(List<ScoredItem> items) {
        List<String> numbers = new ArrayList<>();
        for (ScoredItem top : items) {
            for (ScoredItem item : top.flatten()) {
                numbers.add(item.code() + " " + item.name() + " L" + item.level() + " w" + item.weight() + " "
                        + item.score() + " " + item.exactScore());
            }
        }
        return numbers;
    }
}
