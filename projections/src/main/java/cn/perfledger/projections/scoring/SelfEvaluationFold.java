package cn.perfledger.projections.scoring;

import cn.perfledger.domain.common.RubricVersionId;
import cn.perfledger.domain.rubric.InputReference;
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
    /** The previous department-year, read at its own basis (see {@link #withPreviousYear}); null when not read. */
    private LedgerFold previousYear;

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
        SelfEvaluationFold copy = new SelfEvaluationFold(ledger.copy(), evaluation.copy(), new TreeMap<>(rubrics));
        copy.previousYear = previousYear; // read once at its own basis and never folded further: shared
        return copy;
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

    /**
     * Adds the previous department-year for the year-over-year metrics (三公经费变动率 …). The caller folds it at
     * that year's own basis — its 评价基准日 (12-31) and the same {@code knownAt} as this reading — so that the same
     * basis still gives the same table.
     */
    public SelfEvaluationFold withPreviousYear(LedgerFold previous) {
        this.previousYear = previous;
        return this;
    }

    /** Whether the year's rubric scores a year-over-year metric, so the previous year must be read with it. */
    public boolean needsPreviousYear() {
        return rubric().map(r -> r.tree().stream().flatMap(top -> top.leaves().stream()).anyMatch(leaf ->
                (leaf.input() instanceof InputReference.LedgerMetricInput m && m.metric().yearOverYear())
                        || (leaf.input() instanceof InputReference.LedgerMetricTargetInput t
                                && t.metric().yearOverYear()))).orElse(false);
    }

    public LedgerFold previousYear() {
        return previousYear;
    }

    /** The ledger figures of this year, with the previous year when it was added. */
    public LedgerMetrics metrics() {
        return new LedgerMetrics(ledger, previousYear);
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
        return rubric().map(published -> ScoringEngine.score(published, metrics(), evaluation));
    }

    public IndicatorReport indicatorReport() {
        return IndicatorReport.of(evaluation, rubric().orElse(null));
    }
}
