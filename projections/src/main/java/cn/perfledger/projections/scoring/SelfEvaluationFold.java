package cn.perfledger.projections.scoring;

import cn.perfledger.domain.common.RubricVersionId;
import cn.perfledger.domain.rubric.RubricEvent.RubricPublished;
import cn.perfledger.projections.basis.Basis;
import cn.perfledger.projections.basis.RecordedEvent;
import cn.perfledger.projections.basis.Replay;
import cn.perfledger.projections.evaluation.EvaluationFold;
import cn.perfledger.projections.evaluation.IndicatorReport;
import cn.perfledger.projections.ledger.LedgerFold;
import cn.perfledger.projections.ledger.LedgerMetrics;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Everything the scored 自评表 of one department-year needs, folded in one pass: its budget ledger, its
 * evaluation and the rubric versions published. Feed it the year's events (and the rubric's) in replay order, or
 * use {@link #replay}; live tracking and as-of queries go through this same fold.
 */
public final class SelfEvaluationFold implements Consumer<RecordedEvent> {

    private final LedgerFold ledger;
    private final EvaluationFold evaluation;
    private final Map<String, RubricPublished> rubrics;

    public SelfEvaluationFold() {
        this(new LedgerFold(), new EvaluationFold(), new TreeMap<>());
    }

    private SelfEvaluationFold(LedgerFold ledger, EvaluationFold evaluation, Map<String, RubricPublished> rubrics) {
        this.ledger = ledger;
        this.evaluation = evaluation;
        this.rubrics = rubrics;
    }

    /** An independent copy: fold checkpoints hand one to each query that continues from them. */
    public SelfEvaluationFold copy() {
        return new SelfEvaluationFold(ledger.copy(), evaluation.copy(), new TreeMap<>(rubrics));
    }

    /** The events the basis admits, folded in replay order. */
    public static SelfEvaluationFold replay(Collection<RecordedEvent> events, Basis basis) {
        return Replay.fold(events, basis, new SelfEvaluationFold());
    }

    @Override
    public void accept(RecordedEvent event) {
        ledger.accept(event);
        evaluation.accept(event);
        if (event.payload() instanceof RubricPublished published) {
            rubrics.put(published.rubricVersionId().value(), published);
        }
    }

    public LedgerFold ledger() {
        return ledger;
    }

    public EvaluationFold evaluation() {
        return evaluation;
    }

    /** The rubric version the evaluation names (else the one the fiscal year was opened with), if published. */
    public Optional<RubricPublished> rubric() {
        RubricVersionId named = evaluation.started() != null ? evaluation.started().rubricVersion()
                : ledger.opened() != null ? ledger.opened().rubricVersion() : null;
        return named == null ? Optional.empty() : Optional.ofNullable(rubrics.get(named.value()));
    }

    /** The scored table, or empty when the basis admits no rubric for the year. */
    public Optional<ScoredTable> scoredTable() {
        return rubric().map(published -> ScoringEngine.score(published, new LedgerMetrics(ledger), evaluation));
    }

    public IndicatorReport indicatorReport() {
        return IndicatorReport.of(evaluation, rubric().orElse(null));
    }
}
