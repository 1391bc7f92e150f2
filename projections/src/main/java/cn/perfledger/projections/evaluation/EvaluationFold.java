package cn.perfledger.projections.evaluation;

import cn.perfledger.domain.common.IndicatorId;
import cn.perfledger.domain.common.RubricItemCode;
import cn.perfledger.domain.evaluation.ActualValue;
import cn.perfledger.domain.evaluation.BonusPenaltyEntryId;
import cn.perfledger.domain.evaluation.EvaluationEvent;
import cn.perfledger.domain.evaluation.EvaluationEvent.BonusPenaltyRecorded;
import cn.perfledger.domain.evaluation.EvaluationEvent.EvaluationStarted;
import cn.perfledger.domain.evaluation.EvaluationEvent.IndicatorActualRecorded;
import cn.perfledger.domain.evaluation.EvaluationEvent.IndicatorDefined;
import cn.perfledger.domain.evaluation.EvaluationEvent.IndicatorTargetRevised;
import cn.perfledger.domain.evaluation.EvaluationEvent.ItemExplanationRecorded;
import cn.perfledger.domain.evaluation.EvaluationEvent.JudgementScoreEntered;
import cn.perfledger.domain.evaluation.EvaluationEvent.JudgementScoreWithdrawn;
import cn.perfledger.domain.evaluation.EvaluationEvent.SelfEvaluationSubmitted;
import cn.perfledger.domain.evaluation.EvaluationId;
import cn.perfledger.domain.evaluation.TargetExpression;
import cn.perfledger.projections.basis.RecordedEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The pure fold of a department-year's evaluation events: indicators with their current target and latest
 * actual, the judgement scores currently entered, the department's explanation of each item, bonus/penalty entries
 * and submissions. Feed it events in
 * replay order (see {@code Replay}); it ignores events of other streams. Live read models and as-of replays
 * use this same class.
 *
 * <p>Replay is in effective-date order, so an actual or a target revision may arrive before its indicator's
 * definition (an actual effective in February for an indicator defined effective in March). Each indicator is
 * therefore tracked by id and appears once its definition has been folded, with whatever came before.
 */
public final class EvaluationFold implements Consumer<RecordedEvent> {

    /** Only events of this evaluation are folded; null folds every evaluation event it is given. */
    private final EvaluationId only;
    private EvaluationStarted started;
    private final Map<IndicatorId, Track> tracks = new LinkedHashMap<>();
    /** Ids in the order of their definitions: the order of every indicator listing. */
    private final List<IndicatorId> definitionOrder = new ArrayList<>();
    private final Map<RubricItemCode, JudgementEntry> judgements = new LinkedHashMap<>();
    private final Map<RubricItemCode, JudgementWithdrawal> withdrawals = new LinkedHashMap<>();
    /** The department's explanation of each item, the one recorded last in replay order. */
    private final Map<RubricItemCode, ItemExplanation> explanations = new LinkedHashMap<>();
    private final Map<BonusPenaltyEntryId, BonusPenaltyEntry> bonusPenalties = new LinkedHashMap<>();
    private final List<SubmissionEntry> submissions = new ArrayList<>();
    private int eventCount;
    private long lastGlobalSequence = -1;

    /** Folds every evaluation event it is given (the caller selects one department-year). */
    public EvaluationFold() {
        this(null);
    }

    /** Folds only the events of the given evaluation. */
    public EvaluationFold(EvaluationId only) {
        this.only = only;
    }

    /** The mutable per-indicator state; snapshots are {@link IndicatorState}. */
    private static final class Track {
        private IndicatorDefined definition;
        private EventRef definedBy;
        private TargetExpression revisedTarget;
        private EventRef revisedBy;
        private final List<TargetRevision> revisions = new ArrayList<>();
        private ActualValue actual;
        private EventRef actualBy;
    }

    /** An independent copy of the fold's state (an as-of query continues from a copied checkpoint). */
    public EvaluationFold copy() {
        EvaluationFold copy = new EvaluationFold(only);
        copy.started = started;
        tracks.forEach((id, track) -> {
            Track t = new Track();
            t.definition = track.definition;
            t.definedBy = track.definedBy;
            t.revisedTarget = track.revisedTarget;
            t.revisedBy = track.revisedBy;
            t.revisions.addAll(track.revisions);
            t.actual = track.actual;
            t.actualBy = track.actualBy;
            copy.tracks.put(id, t);
        });
        copy.definitionOrder.addAll(definitionOrder);
        copy.judgements.putAll(judgements);
        copy.withdrawals.putAll(withdrawals);
        copy.explanations.putAll(explanations);
        copy.bonusPenalties.putAll(bonusPenalties);
        copy.submissions.addAll(submissions);
        copy.eventCount = eventCount;
        copy.lastGlobalSequence = lastGlobalSequence;
        return copy;
    }

    @Override
    public void accept(RecordedEvent event) {
        if (!(event.payload() instanceof EvaluationEvent payload)) {
            return;
        }
        if (only != null && !only.equals(payload.evaluationId())) {
            return;
        }
        eventCount++;
        lastGlobalSequence = Math.max(lastGlobalSequence, event.globalSequence());
        apply(payload, EventRef.of(event));
    }

    private void apply(EvaluationEvent payload, EventRef ref) {
        if (payload instanceof EvaluationStarted e) {
            started = e;
        } else if (payload instanceof IndicatorDefined e) {
            Track track = track(e.indicatorId());
            if (track.definition == null) {
                definitionOrder.add(e.indicatorId());
            }
            track.definition = e;
            track.definedBy = ref;
        } else if (payload instanceof IndicatorTargetRevised e) {
            Track track = track(e.indicatorId());
            track.revisedTarget = e.newTarget();
            track.revisedBy = ref;
            track.revisions.add(new TargetRevision(e.previousTargetExpression(), e.newTargetExpression(), e.reason(),
                    ref));
        } else if (payload instanceof IndicatorActualRecorded e) {
            Track track = track(e.indicatorId());
            track.actual = e.value();
            track.actualBy = ref;
        } else if (payload instanceof JudgementScoreEntered e) {
            judgements.put(e.rubricItemCode(), new JudgementEntry(e.rubricItemCode(), e.score(), e.basis(),
                    e.evaluator(), ref));
            withdrawals.remove(e.rubricItemCode());
        } else if (payload instanceof JudgementScoreWithdrawn e) {
            judgements.remove(e.rubricItemCode());
            withdrawals.put(e.rubricItemCode(), new JudgementWithdrawal(e.rubricItemCode(), e.withdrawnScore(),
                    e.reason(), ref));
        } else if (payload instanceof ItemExplanationRecorded e) {
            explanations.put(e.rubricItemCode(), new ItemExplanation(e.rubricItemCode(), e.basis(),
                    e.deviationReason(), e.improvement(), ref));
        } else if (payload instanceof BonusPenaltyRecorded e) {
            bonusPenalties.put(e.entryId(), new BonusPenaltyEntry(e.entryId(), e.kind(), e.points(), e.reason(),
                    e.documentNo(), ref));
        } else if (payload instanceof SelfEvaluationSubmitted e) {
            submissions.add(new SubmissionEntry(e.submissionNo(), e.referenceDate(), e.digest(), e.declaredTotal(),
                    e.submittedBy(), ref));
        }
    }

    private Track track(IndicatorId id) {
        return tracks.computeIfAbsent(id, key -> new Track());
    }

    /** The evaluation's start (naming its rubric version), or null if the basis admits none. */
    public EvaluationStarted started() {
        return started;
    }

    /** The defined indicators in definition order, each with its current target and latest actual. */
    public List<IndicatorState> indicators() {
        List<IndicatorState> result = new ArrayList<>(definitionOrder.size());
        for (IndicatorId id : definitionOrder) {
            result.add(snapshot(tracks.get(id)));
        }
        return Collections.unmodifiableList(result);
    }

    public Optional<IndicatorState> indicator(IndicatorId id) {
        Track track = tracks.get(id);
        return track == null || track.definition == null ? Optional.empty() : Optional.of(snapshot(track));
    }

    private static IndicatorState snapshot(Track track) {
        IndicatorDefined d = track.definition;
        boolean revised = track.revisedTarget != null;
        return new IndicatorState(d.indicatorId(), d.path(), d.name(), d.weight(), d.rubricItemCode(),
                revised ? track.revisedTarget : d.target(), track.revisions, track.actual, track.definedBy,
                revised ? track.revisedBy : track.definedBy, track.actualBy);
    }

    /** The judgement currently entered for a rubric item (a withdrawn one is absent). */
    public Optional<JudgementEntry> judgement(RubricItemCode code) {
        return Optional.ofNullable(judgements.get(code));
    }

    /** The judgements currently entered, in the order their items were first entered. */
    public Collection<JudgementEntry> judgements() {
        return Collections.unmodifiableCollection(judgements.values());
    }

    /** Why a judgement is missing, if it was entered and then withdrawn. */
    public Optional<JudgementWithdrawal> withdrawal(RubricItemCode code) {
        return Optional.ofNullable(withdrawals.get(code));
    }

    /** The department's explanation of a rubric item, the one recorded last (评分依据, 偏差原因, 改进措施). */
    public Optional<ItemExplanation> explanation(RubricItemCode code) {
        return Optional.ofNullable(explanations.get(code));
    }

    /** The bonus and penalty entries in replay order. */
    public Collection<BonusPenaltyEntry> bonusPenalties() {
        return Collections.unmodifiableCollection(bonusPenalties.values());
    }

    /** Every submission in replay order; a resubmission does not erase the earlier ones. */
    public List<SubmissionEntry> submissions() {
        return Collections.unmodifiableList(submissions);
    }

    /** The latest submission at the basis. */
    public Optional<SubmissionEntry> latestSubmission() {
        return submissions.isEmpty() ? Optional.empty() : Optional.of(submissions.get(submissions.size() - 1));
    }

    public int eventCount() {
        return eventCount;
    }

    public long lastGlobalSequence() {
        return lastGlobalSequence;
    }
}
