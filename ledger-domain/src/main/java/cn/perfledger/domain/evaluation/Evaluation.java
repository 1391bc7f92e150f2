package cn.perfledger.domain.evaluation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.perfledger.domain.common.ConflictException;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.FiscalYear;
import cn.perfledger.domain.common.RubricVersionId;
import cn.perfledger.domain.evaluation.EvaluationCommand.ImportEvaluationTable;
import cn.perfledger.domain.evaluation.EvaluationCommand.StartEvaluation;
import cn.perfledger.domain.evaluation.EvaluationEvent.DeclaredFigureRecorded;
import cn.perfledger.domain.evaluation.EvaluationEvent.EvaluationStarted;
import cn.perfledger.domain.evaluation.EvaluationEvent.IndicatorActualRecorded;
import cn.perfledger.domain.evaluation.EvaluationEvent.IndicatorDefined;
import cn.perfledger.domain.evaluation.EvaluationEvent.ItemExplanationRecorded;
import cn.perfledger.domain.evaluation.EvaluationEvent.JudgementScoreEntered;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * The self-evaluation (部门整体支出绩效自评) of one department-year.
 *
 * <p>Life cycle: {@code StartEvaluation} creates it under the rubric version the year uses, effective on
 * 1 January. During the year the evaluator defines indicators (绩效指标) with their targets, revises targets
 * with a reason, and records bonus/penalty entries. Actuals, judgement scores (with their 评分依据) and
 * submissions of the scored table are usually entered after the year ends, so they may be effective up to
 * the end of the following year. The table may be submitted several times (resubmission); each submission
 * records its 评价基准日 and the digest of what was shown. The figures published documents state (declared figures)
 * are recorded as printed, each with the ledger value it should equal, for reconciliation. A whole 自评表 may be imported
 * at once ({@code ImportEvaluationTable}): all of its rows or none, each held to the rules of the single command it
 * carries, and the same file twice is a no-op. Nothing is ever edited: a new actual or score
 * supersedes the earlier one and the history stays in the stream. Scores are derived by projections from
 * these facts and the rubric; the aggregate keeps only what its own rules need.
 *
 * <p>The rules run in parts, one per rule family, each deciding its commands and keeping its own state:
 * {@link IndicatorBook} (indicators, targets, actuals), {@link JudgementBook} (judgement scores),
 * {@link ExplanationBook} (the department's 评分依据 / 偏差原因 / 改进措施 of any item), {@link BonusPenaltyBook}, {@link SubmissionBook}, {@link DeclaredFigureBook}, and {@link TableImport} (a whole
 * 自评表, each row by the decisions of its single commands, on the shared {@code RowDecisions} loop). This class routes
 * each command and event to its part; the parts' decisions were moved into them from this class unchanged.
 *
 * <p>{@code StartEvaluation} uses {@link AggregateCreationPolicy#CREATE_IF_MISSING} rather than a constructor so
 * that starting a year twice reaches this aggregate and is refused with a {@link ConflictException}, instead of
 * surfacing as a duplicate-key error of the event store.
 */
public class Evaluation {

    @AggregateIdentifier
    private EvaluationId evaluationId;
    private RubricVersionId rubricVersion;
    private IndicatorBook indicators = new IndicatorBook();
    private JudgementBook judgements = new JudgementBook();
    private BonusPenaltyBook bonusPenalties = new BonusPenaltyBook();
    private SubmissionBook submissions = new SubmissionBook();
    private DeclaredFigureBook declaredFigures = new DeclaredFigureBook();
    private ExplanationBook explanations = new ExplanationBook();
    /** SHA-256 digests of the tables imported: importing one again is a no-op. */
    private Set<String> importedTables = new HashSet<>();

    /** For Axon (event sourcing, creation policy) and Jackson snapshots. */
    public Evaluation() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(StartEvaluation command) {
        apply(decide(command));
    }

    /*
     * The parts' decide methods validate a command against the part's state and return the event it records, without
     * applying it: the handlers apply it, and ImportEvaluationTable runs them on a draft copy row by row.
     */

    EvaluationStarted decide(StartEvaluation command) {
        if (evaluationId != null) {
            throw new ConflictException("evaluationId", "该部门年度的自评已开始: " + evaluationId);
        }
        if (command.evaluationId() == null) {
            throw new DomainException("evaluationId", "自评标识不能为空");
        }
        if (command.rubricVersion() == null) {
            throw new DomainException("rubricVersion", "评分规则版本不能为空");
        }
        FiscalYear year = command.evaluationId().fiscalYearId().year();
        return new EvaluationStarted(command.evaluationId(), command.evaluationId().fiscalYearId(),
                command.rubricVersion(), year.firstDay());
    }

    @CommandHandler
    public void handle(EvaluationCommand.DefineIndicator command) {
        apply(indicators.decide(command));
    }

    @CommandHandler
    public void handle(EvaluationCommand.ReviseTarget command) {
        indicators.handle(command);
    }

    @CommandHandler
    public void handle(EvaluationCommand.RecordActual command) {
        apply(indicators.decide(command));
    }

    @CommandHandler
    public void handle(EvaluationCommand.EnterJudgementScore command) {
        apply(judgements.decide(command));
    }

    @CommandHandler
    public void handle(EvaluationCommand.WithdrawJudgementScore command) {
        judgements.handle(command);
    }

    @CommandHandler
    public void handle(EvaluationCommand.RecordItemExplanation command) {
        apply(explanations.decide(command));
    }

    @CommandHandler
    public void handle(EvaluationCommand.RecordBonusPenalty command) {
        bonusPenalties.handle(command);
    }

    @CommandHandler
    public void handle(EvaluationCommand.SubmitSelfEvaluation command) {
        submissions.handle(command);
    }

    @CommandHandler
    public void handle(EvaluationCommand.RecordDeclaredFigure command) {
        apply(declaredFigures.decide(command));
    }

    /** A whole 自评表, all rows or none; the same file again is a reported no-op ({@link TableImport}). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ImportOutcome handle(ImportEvaluationTable command) {
        return TableImport.run(this, command);
    }

    // ---- for TableImport: the evaluation as it stands, and drafts of it ----

    EvaluationId evaluationId() {
        return evaluationId;
    }

    RubricVersionId rubricVersion() {
        return rubricVersion;
    }

    boolean imported(String digest) {
        return importedTables.contains(digest);
    }

    IndicatorBook indicators() {
        return indicators;
    }

    JudgementBook judgements() {
        return judgements;
    }

    DeclaredFigureBook declaredFigures() {
        return declaredFigures;
    }

    ExplanationBook explanations() {
        return explanations;
    }

    void requireInEvaluationWindow(String field, LocalDate date) {
        indicators.requireInEvaluationWindow(field, date);
    }

    /** A copy of this evaluation's state to decide an import on; the values held are immutable. */
    Evaluation draft() {
        Evaluation copy = new Evaluation();
        copy.evaluationId = evaluationId;
        copy.rubricVersion = rubricVersion;
        copy.indicators = indicators.copy();
        copy.judgements = judgements.copy();
        copy.bonusPenalties = bonusPenalties.copy();
        copy.submissions = submissions.copy();
        copy.declaredFigures = declaredFigures.copy();
        copy.explanations = explanations.copy();
        copy.importedTables = new HashSet<>(importedTables);
        return copy;
    }

    /** Moves a draft on by an event an import row decided, through the same handlers event sourcing uses. */
    void evolve(EvaluationEvent event) {
        if (event instanceof IndicatorDefined e) {
            on(e);
        } else if (event instanceof IndicatorActualRecorded e) {
            on(e);
        } else if (event instanceof JudgementScoreEntered e) {
            on(e);
        } else if (event instanceof DeclaredFigureRecorded e) {
            on(e);
        } else if (event instanceof ItemExplanationRecorded e) {
            on(e);
        } else {
            throw new IllegalStateException("an import row does not record " + event.getClass().getSimpleName());
        }
    }

    // ---- event sourcing: each part assigns its own state ----

    @EventSourcingHandler
    void on(EvaluationStarted event) {
        evaluationId = event.evaluationId();
        rubricVersion = event.rubricVersion();
        indicators.on(event);
        judgements.on(event);
        bonusPenalties.on(event);
        submissions.on(event);
        declaredFigures.on(event);
        explanations.on(event);
    }

    @EventSourcingHandler
    void on(IndicatorDefined event) {
        indicators.on(event);
    }

    @EventSourcingHandler
    void on(EvaluationEvent.IndicatorTargetRevised event) {
        indicators.on(event);
    }

    @EventSourcingHandler
    void on(IndicatorActualRecorded event) {
        indicators.on(event);
    }

    @EventSourcingHandler
    void on(JudgementScoreEntered event) {
        judgements.on(event);
    }

    @EventSourcingHandler
    void on(EvaluationEvent.JudgementScoreWithdrawn event) {
        judgements.on(event);
    }

    @EventSourcingHandler
    void on(ItemExplanationRecorded event) {
        explanations.on(event);
    }

    @EventSourcingHandler
    void on(EvaluationEvent.BonusPenaltyRecorded event) {
        bonusPenalties.on(event);
    }

    @EventSourcingHandler
    void on(EvaluationEvent.SelfEvaluationSubmitted event) {
        submissions.on(event);
    }

    @EventSourcingHandler
    void on(DeclaredFigureRecorded event) {
        declaredFigures.on(event);
    }

    @EventSourcingHandler
    void on(EvaluationEvent.EvaluationTableImported event) {
        importedTables.add(event.digest());
    }
}
