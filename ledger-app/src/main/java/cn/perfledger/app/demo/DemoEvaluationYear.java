package cn.perfledger.app.demo;

import static cn.perfledger.app.demo.DemoSender.orEmpty;

import cn.perfledger.app.evaluation.SelfEvaluationEntries;
import cn.perfledger.app.evaluation.SelfEvaluationEntries.IndicatorEntry;
import cn.perfledger.app.query.SubmissionDigest;
import cn.perfledger.app.query.YearQueries;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.IndicatorId;
import cn.perfledger.domain.common.RubricItemCode;
import cn.perfledger.domain.common.RubricVersionId;
import cn.perfledger.domain.evaluation.BonusPenaltyEntryId;
import cn.perfledger.domain.evaluation.BonusPenaltyKind;
import cn.perfledger.domain.evaluation.Direction;
import cn.perfledger.domain.evaluation.EvaluationCommand;
import cn.perfledger.domain.evaluation.EvaluationId;
import cn.perfledger.domain.evaluation.Grade;
import cn.perfledger.projections.scoring.ScoredTable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One seed year's self-evaluation as commands: indicators and actuals, the evaluator's judgement scores, bonus and
 * penalty entries, the submission as the department saw it, then the figures its documents declare.
 */
final class DemoEvaluationYear {

    private static final Logger log = LoggerFactory.getLogger(DemoEvaluationYear.class);

    private final DemoScenario s;
    private final DemoScenario.Evaluation evaluation;
    private final EvaluationId id;
    private final DemoSender out;
    private final Set<String> judgementLeaves;

    /** {@code judgementLeaves}: the judged items of the year's shipped rubric file, null when there is none. */
    DemoEvaluationYear(DemoScenario scenario, DemoSender out, Set<String> judgementLeaves) {
        this.s = scenario;
        this.evaluation = scenario.evaluation();
        this.id = new EvaluationId(scenario.fiscalYearId());
        this.out = out;
        this.judgementLeaves = judgementLeaves;
    }

    void load(YearQueries queries, Clock clock) {
        out.send(new EvaluationCommand.StartEvaluation(id, new RubricVersionId(s.rubricVersion())), false);
        for (DemoScenario.Indicator indicator : orEmpty(evaluation.indicators())) {
            defineWithActual(indicator);
        }
        // the rubric file says which items are judged; their printed scores are the evaluator's, the others are
        // what the ledger's score is compared with
        for (DemoScenario.PrintedScore printed : orEmpty(evaluation.printedScores())) {
            if (judgementLeaves != null && judgementLeaves.contains(printed.code()) && printed.score() != null) {
                out.send(SelfEvaluationEntries.judgement(id, new RubricItemCode(printed.code()), printed.score(),
                        printed.basis() == null ? "（原表未列示评分依据）" : printed.basis(), printed.evaluator(),
                        assessedAt(printed.scoredOn())), printed.synthetic());
            }
        }
        for (DemoScenario.BonusPenalty entry : orEmpty(evaluation.bonusPenalties())) {
            out.send(new EvaluationCommand.RecordBonusPenalty(id, new BonusPenaltyEntryId(entry.id()),
                    entry.kind() == DemoScenario.BonusKind.BONUS ? BonusPenaltyKind.BONUS : BonusPenaltyKind.PENALTY,
                    entry.points(), entry.reason(), entry.documentNo(), entry.effectiveDate()), entry.synthetic());
        }
        submit(queries, clock);
        recordDeclaredFigures();
    }

    private void defineWithActual(DemoScenario.Indicator indicator) {
        IndicatorEntry entry = new IndicatorEntry(new IndicatorId(indicator.id()), indicator.path(),
                indicator.name(), indicator.weight(), indicator.targetText(),
                Direction.fromText("direction", indicator.direction()), indicator.actualText(),
                Grade.fromText("grade", indicator.grade()),
                indicator.rubricItemCode() == null ? null : new RubricItemCode(indicator.rubricItemCode()));
        try {
            out.send(SelfEvaluationEntries.define(id, entry, indicator.definedOn()), indicator.synthetic());
        } catch (DomainException refused) {
            // a target the ledger cannot measure (plain text without a figure) is reported, never guessed; the
            // demo goes on without it, where the 自评表 import refuses the row
            log.warn("Demo {}: indicator {} not defined: {}", s.fiscalYearId(), indicator.id(), refused.getMessage());
            return;
        }
        EvaluationCommand.RecordActual actual = SelfEvaluationEntries.actual(id, entry,
                assessedAt(indicator.actualRecordedOn()));
        if (actual == null) {
            return;
        }
        try {
            out.send(actual, indicator.synthetic());
        } catch (DomainException refused) {
            log.warn("Demo {}: actual of {} not recorded: {}", s.fiscalYearId(), indicator.id(), refused.getMessage());
        }
    }

    /**
     * Submits the table as the department saw it: scored at the reference date with everything recorded so far,
     * its digest stored with the declared total the document printed.
     */
    private void submit(YearQueries queries, Clock clock) {
        DemoScenario.Submission submission = evaluation.submission();
        if (submission == null || judgementLeaves == null) {
            return; // no scored table in the document, or no rubric published for it
        }
        ScoredTable table = queries.evaluation(s.fiscalYearId(), submission.referenceDate(), clock.instant()).result();
        out.send(new EvaluationCommand.SubmitSelfEvaluation(id, submission.referenceDate(), SubmissionDigest.of(table),
                submission.declaredTotal(), submission.submittedBy(), assessedAt(submission.submittedOn())),
                submission.synthetic());
    }

    /**
     * Records the declared figures of the seed document, one {@code RecordDeclaredFigure} per check, effective on the
     * reference date (so the 12-31 basis sees them); figure ids are {@code document-figure#-check#}. A check whose
     * number is not in the printed text (and not marked as printed elsewhere) is a transcription error: refused loudly.
     */
    private void recordDeclaredFigures() {
        List<DemoScenario.DeclaredFigure> figures = orEmpty(s.declaredFigures());
        LocalDate effective = assessedAt(null);
        for (int i = 0; i < figures.size(); i++) {
            DemoScenario.DeclaredFigure figure = figures.get(i);
            List<DemoScenario.DeclaredCheck> checks = orEmpty(figure.checks());
            for (int c = 0; c < checks.size(); c++) {
                DemoScenario.DeclaredCheck check = checks.get(c);
                if (!check.printedElsewhere() && !figure.printedValue().contains(check.printed())) {
                    throw new IllegalStateException("demo " + s.fiscalYearId() + " declared figure " + (i + 1) + ": «"
                            + check.printed() + "» is not in «" + figure.printedValue() + "»");
                }
                String item = check.label() == null ? figure.item() : figure.item() + " — " + check.label();
                out.send(new EvaluationCommand.RecordDeclaredFigure(id,
                        String.format("%s-%02d-%d", figure.document(), i + 1, c + 1), figure.document(), item,
                        check.printed(), check.unit() != null ? check.unit() : figure.unitAsPrinted(),
                        check.ledgerFigure(), check.structure(), effective), false);
            }
        }
    }

    /** The seed's 评价基准日 (12-31 unless the file says otherwise); see {@link SelfEvaluationEntries#assessedAt}. */
    private LocalDate assessedAt(LocalDate enteredOn) {
        LocalDate reference = s.evaluationReferenceDate() != null ? s.evaluationReferenceDate()
                : LocalDate.of(s.fiscalYear(), 12, 31);
        return SelfEvaluationEntries.assessedAt(reference, enteredOn);
    }
}
