package cn.perfledger.projections.checkpoint;

import cn.perfledger.domain.budget.BudgetEvent.BudgetLineOpened;
import cn.perfledger.projections.basis.Basis;
import cn.perfledger.projections.basis.RecordedEvent;
import cn.perfledger.projections.basis.ReplayIndex;
import cn.perfledger.projections.scoring.SelfEvaluationFold;
import java.time.Instant;

/**
 * Copies of a year's {@link SelfEvaluationFold} taken every {@code stride} events of its {@link ReplayIndex}, so
 * that a basis folds at most one stride of events instead of the whole prefix. A checkpoint after the first
 * {@code p} events may start a basis when the basis admits all of them: {@code p} ≤ the events effective on
 * {@code asOf}, and none of them recorded after {@code knownAt}. The fold then continues with exactly the events,
 * in exactly the order, that a replay from scratch would fold after them, so the answer is the same (same state,
 * same further events). Immutable; the stored folds are never folded into, only copied.
 */
public final class FoldCheckpoints {

    /** At most this many checkpoints per year, at least this many events between two. */
    public static final int MAX_CHECKPOINTS = 64;
    public static final int MIN_STRIDE = 1024;

    private final int stride;
    /** {@code folds[k]}: the fold of the first {@code k·stride} events; {@code folds[0]} is empty. */
    private final SelfEvaluationFold[] folds;
    /** The latest recording time among the first {@code k·stride} events (non-decreasing in k). */
    private final Instant[] latestRecorded;
    /** The highest global sequence among them (−1 for none). */
    private final long[] highestGlobal;

    private FoldCheckpoints(int stride, SelfEvaluationFold[] folds, Instant[] latestRecorded, long[] highestGlobal) {
        this.stride = stride;
        this.folds = folds;
        this.latestRecorded = latestRecorded;
        this.highestGlobal = highestGlobal;
    }

    /** All checkpoints of a year together hold at most about this many budget-line states. */
    static final int MAX_LINE_COPIES = 8_192;

    /**
     * One pass over the index, copying the fold at every stride: at most {@link #MAX_CHECKPOINTS}, fewer for a
     * year with many budget lines (each copy holds every line's figures), at least 4.
     */
    public static FoldCheckpoints of(ReplayIndex index) {
        int lines = 0;
        for (RecordedEvent event : index) {
            if (event.payload() instanceof BudgetLineOpened) {
                lines++;
            }
        }
        int checkpoints = Math.max(4, Math.min(MAX_CHECKPOINTS, MAX_LINE_COPIES / Math.max(1, lines)));
        return of(index, Math.max(MIN_STRIDE, (index.size() + checkpoints - 1) / checkpoints));
    }

    public static FoldCheckpoints of(ReplayIndex index, int stride) {
        int count = index.size() / stride;
        SelfEvaluationFold[] folds = new SelfEvaluationFold[count + 1];
        Instant[] latest = new Instant[count + 1];
        long[] highest = new long[count + 1];
        SelfEvaluationFold fold = new SelfEvaluationFold();
        Instant latestSoFar = Instant.MIN;
        long highestSoFar = -1;
        folds[0] = fold.copy();
        latest[0] = latestSoFar;
        highest[0] = highestSoFar;
        for (int k = 1; k <= count; k++) {
            for (int i = (k - 1) * stride; i < k * stride; i++) {
                RecordedEvent event = index.get(i);
                fold.accept(event);
                if (event.recordedAt().isAfter(latestSoFar)) {
                    latestSoFar = event.recordedAt();
                }
                highestSoFar = Math.max(highestSoFar, event.globalSequence());
            }
            folds[k] = fold.copy();
            latest[k] = latestSoFar;
            highest[k] = highestSoFar;
        }
        return new FoldCheckpoints(stride, folds, latest, highest);
    }

    /** Where a basis starts: a copy of the fold of the first {@code position} events, all admitted. */
    public record Start(SelfEvaluationFold fold, int position, int admitted, long highestGlobal) {
    }

    /** The latest checkpoint the basis admits entirely, given the events effective on its asOf ({@code end}). */
    public Start start(Basis basis, int end) {
        int k = Math.min(end / stride, folds.length - 1);
        Instant knownAt = basis.knownAt();
        while (k > 0 && latestRecorded[k].isAfter(knownAt)) {
            k--;
        }
        return new Start(folds[k].copy(), k * stride, k * stride, highestGlobal[k]);
    }

    public int stride() {
        return stride;
    }

    public int count() {
        return folds.length - 1;
    }
}
