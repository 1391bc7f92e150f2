package cn.perfledger.projections.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.perfledger.domain.evaluation.EvaluationEvent;
import cn.perfledger.domain.rubric.EveryRuleRubric;
import cn.perfledger.domain.rubric.RubricEvent.RubricPublished;
import cn.perfledger.projections.basis.RecordedEvent;
import cn.perfledger.projections.basis.ReplayIndex;
import cn.perfledger.projections.evaluation.EvaluationFold;
import cn.perfledger.projections.ledger.LedgerMetrics;
import cn.perfledger.projections.scoring.EvaluationLeaves;
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
 * with the leaves kept in one {@link EvaluationLeaves} as the why-list keeps them, gives exactly ({@code equals})
 * the table and the items that scoring from scratch gives, after every event. Replay a failure with
 * {@code -Dproperties.seed=…}.
 */
class EvaluationLeavesPropertyTest {

    private static final int CASES = Integer.getInteger("properties.cases", 25);

    @Test
    void keptLeaves_scoreAsScoringFromScratch() {
        String given = System.getProperty("properties.seed");
        long seed = given == null || given.isBlank() ? new SecureRandom().nextLong() : Long.parseLong(given.strip());
        System.out.println("EvaluationLeavesPropertyTest seed=" + seed + "  (replay: -Dproperties.seed=" + seed + ")");
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
            EvaluationLeaves kept = new EvaluationLeaves();
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
                assertEquals(ScoringEngine.score(rubric.get(), new LedgerMetrics(fold.ledger()), evaluation),
                        ScoringEngine.score(rubric.get(), metrics, evaluation, kept), context);
                assertEquals(ScoringEngine.scoreItem(rubric.get(), new LedgerMetrics(fold.ledger()), evaluation, code),
                        ScoringEngine.scoreItem(rubric.get(), metrics, evaluation, kept, code), context);
            }
        }
        System.out.println("  evaluation events between the scorings: " + evaluationChanges);
    }
}
