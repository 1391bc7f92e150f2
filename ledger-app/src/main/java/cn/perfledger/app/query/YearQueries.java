package cn.perfledger.app.query;

import cn.perfledger.app.command.NotFoundException;
import cn.perfledger.app.history.EventHistory;
import cn.perfledger.app.integrity.IntegritySeals;
import cn.perfledger.app.integrity.IntegrityStatus;
import cn.perfledger.domain.common.ConflictException;
import cn.perfledger.domain.budget.BudgetEvent.FiscalYearOpened;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.domain.common.RubricVersionId;
import cn.perfledger.domain.evaluation.EvaluationEvent.EvaluationStarted;
import cn.perfledger.projections.basis.Basis;
import cn.perfledger.projections.basis.RecordedEvent;
import cn.perfledger.projections.basis.Replay;
import cn.perfledger.projections.basis.ReplayIndex;
import cn.perfledger.projections.checkpoint.FoldCheckpoints;
import cn.perfledger.domain.evaluation.EvaluationId;
import cn.perfledger.projections.evaluation.IndicatorReport;
import cn.perfledger.projections.ledger.CarryOverReport;
import cn.perfledger.projections.ledger.ExecutionReport;
import cn.perfledger.projections.ledger.LedgerFold;
import cn.perfledger.projections.ledger.LedgerMetrics;
import cn.perfledger.projections.scoring.ScoredTable;
import cn.perfledger.projections.scoring.SelfEvaluationFold;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.stereotype.Service;

/**
 * Answers a department-year's questions at a basis by folding its recorded events — the same folds the live
 * read models use. {@code asOf} defaults to the year's last day (the usual 评价基准日), {@code knownAt} to now.
 */
@Service
public class YearQueries {

    /** Why a year has no scored table at a basis, in the users' words. */
    public static final String NO_SCORED_TABLE = "该年度在此时点没有可用的已发布评价体系版本（评价体系未发布或尚未开始自评）";

    private final EventHistory history;
    private final IntegritySeals seals;
    private final Clock clock;
    private final Map<FiscalYearId, CachedIndex> indexes = new ConcurrentHashMap<>();

    public YearQueries(EventHistory history, IntegritySeals seals, Clock clock) {
        this.history = history;
        this.seals = seals;
        this.clock = clock;
        history.onEviction(this::forgetBuiltFrom);
    }

    /**
     * A stream the history forgot takes every index built from it along (the index holds its events): the year is
     * read again, and verified again, on its next query.
     */
    private void forgetBuiltFrom(String aggregateId) {
        indexes.entrySet().removeIf(entry -> entry.getValue().streamIds().contains(aggregateId));
    }

    public BasisResult<ExecutionReport> execution(FiscalYearId year, LocalDate asOf, Instant knownAt) {
        return query(year, asOf, knownAt, fold -> ExecutionReport.of(new LedgerMetrics(fold.ledger())));
    }

    public BasisResult<CarryOverReport> carryOver(FiscalYearId year, LocalDate asOf, Instant knownAt) {
        return query(year, asOf, knownAt, fold -> CarryOverReport.of(new LedgerMetrics(fold.ledger())));
    }

    public BasisResult<IndicatorReport> indicators(FiscalYearId year, LocalDate asOf, Instant knownAt) {
        return query(year, asOf, knownAt, SelfEvaluationFold::indicatorReport);
    }

    /** The scored 自评表; 404 naming {@code rubricVersion} when there is none at the basis. */
    public BasisResult<ScoredTable> evaluation(FiscalYearId year, LocalDate asOf, Instant knownAt) {
        return scoredTable(year, asOf, knownAt)
                .orElseThrow(() -> new NotFoundException("rubricVersion", NO_SCORED_TABLE));
    }

    /**
     * The scored 自评表, or empty when the basis admits no published rubric version for the year (not published
     * yet, or the evaluation not started): a page or a workbook shows {@link #NO_SCORED_TABLE} in its place.
     */
    public Optional<BasisResult<ScoredTable>> scoredTable(FiscalYearId year, LocalDate asOf, Instant knownAt) {
        Replayed replayed = replay(year, asOf, knownAt);
        return withPreviousYear(replayed.fold(), year, replayed.basis).scoredTable().map(replayed::result);
    }

    /** The fold of the year at the basis, for callers that need several views of one replay. */
    public SelfEvaluationFold fold(FiscalYearId year, Basis basis) {
        return withPreviousYear(Replayed.from(yearEvents(year), year, basis).fold(), year, basis);
    }

    /** The year's events as one index, and folds at any basis of exactly those events (from its checkpoints). */
    public record YearFolds(ReplayIndex index, IntegrityStatus integrity, Function<Basis, SelfEvaluationFold> at) {
    }

    /** {@link YearFolds} of the year as now read: every fold it gives is of the same events. */
    public YearFolds folds(FiscalYearId year) {
        CachedIndex yearEvents = yearEvents(year);
        return new YearFolds(yearEvents.index(), yearEvents.integrity(),
                basis -> withPreviousYear(Replayed.from(yearEvents, year, basis).fold(), year, basis));
    }

    private SelfEvaluationFold withPreviousYear(SelfEvaluationFold fold, FiscalYearId year, Basis basis) {
        return fold.needsPreviousYear() ? fold.withPreviousYear(previousYear(year, basis)) : fold;
    }

    /**
     * The previous department-year's budget ledger at its own basis — its 评价基准日 (12-31 of that year) and the
     * same {@code knownAt} — for the year-over-year metrics; null when that year was never opened. Only its ledger
     * is read: a change rate compares spending, not scores.
     */
    public LedgerFold previousYear(FiscalYearId year, Basis basis) {
        FiscalYearId previous = FiscalYearId.of(year.department().code(), year.year().year() - 1);
        List<RecordedEvent> events = history.read(previous.toString()).events();
        if (events.isEmpty()) {
            return null;
        }
        Basis own = new Basis(previous.year().lastDay(), basis.knownAt());
        return Replay.fold(events, own, new LedgerFold());
    }

    public Basis basis(FiscalYearId year, LocalDate asOf, Instant knownAt) {
        LocalDate effectiveAsOf = asOf == null ? year.year().lastDay() : asOf;
        if (effectiveAsOf.getYear() < year.year().year()) {
            throw new DomainException("asOf", "评价基准日不能早于该年度: " + effectiveAsOf);
        }
        return new Basis(effectiveAsOf, knownAt == null ? clock.instant() : knownAt);
    }

    /**
     * The year's events plus those of every rubric version it names, as a {@link ReplayIndex} (sorted once in
     * replay order; a basis is then a binary search and one pass). The index is rebuilt only when one of its
     * streams has grown; 404 when the year has no events.
     */
    public List<RecordedEvent> events(FiscalYearId year) {
        return yearEvents(year).index();
    }

    /**
     * The year's streams (budget ledger, evaluation, the rubric versions it names), each in sequence order as
     * recorded, with their {@link ReplayIndex}: what a reader that keeps its own position per stream (the
     * year-figures read model) needs to take only the events after it; 404 when the year has no events.
     */
    public YearStreams streams(FiscalYearId year) {
        CachedIndex cached = yearEvents(year);
        return new YearStreams(cached.streams(), cached.index());
    }

    /** A year's streams and their replay index ({@link #streams}). */
    public record YearStreams(List<List<RecordedEvent>> streams, ReplayIndex index) {
    }

    /**
     * The integrity of everything the year's answers replay from: its budget ledger and evaluation streams, the
     * rubric versions it names, its department's stream, and the seals of the stream heads. Verified once, when
     * the events were read into memory ({@code EventHistory}); computing it is a look at cached results.
     */
    public IntegrityStatus integrity(FiscalYearId year) {
        return yearEvents(year).integrity();
    }

    /** Whether the year's streams are held in memory, read and verified (its {@link #integrityOf} is a top-up). */
    public boolean inMemory(FiscalYearId year) {
        return indexes.containsKey(year);
    }

    /**
     * {@link #integrity} for a year known from elsewhere (the directory, a read-model row): never throws; a year
     * whose budget ledger stream has no events at all is reported as deleted.
     */
    public IntegrityStatus integrityOf(FiscalYearId year) {
        try {
            return integrity(year);
        } catch (ConflictException | NotFoundException e) {
            IntegrityStatus ledger = history.read(year.toString()).integrity();
            if (ledger.broken()) {
                return ledger;
            }
            return IntegrityStatus.of(List.of(new IntegrityStatus.Problem(year.toString(), 0L,
                    cn.perfledger.app.integrity.IntegrityReport.BreakKind.STREAM_DELETED, "部门年度 " + year
                            + " 已登记（目录与读模型中有它），账本中却没有它的任何预算台账记录：整条记录链被删除")), 0);
        }
    }

    private CachedIndex yearEvents(FiscalYearId year) {
        List<List<RecordedEvent>> streams = new ArrayList<>();
        List<String> streamIds = new ArrayList<>(List.of(year.toString(), new EvaluationId(year).toString()));
        List<IntegrityStatus> statuses = new ArrayList<>();
        EventHistory.Read ledger = history.read(year.toString());
        // the year's streams keep each other when the history bound evicts: a year larger than the bound is then
        // held while it is asked, instead of being read again for every query
        EventHistory.Read evaluation = history.read(new EvaluationId(year).toString(), Set.copyOf(streamIds));
        streams.add(ledger.events());
        streams.add(evaluation.events());
        statuses.add(ledger.integrity());
        statuses.add(evaluation.integrity());
        if (streams.get(0).isEmpty()) {
            if (ledger.integrity().broken()) {
                throw new ConflictException("integrity", "部门年度 " + year + " 的预算台账记录链已不在账本中："
                        + ledger.integrity().summary());
            }
            throw new NotFoundException("fiscalYearId", "部门年度不存在: " + year);
        }
        Set<RubricVersionId> rubrics = new LinkedHashSet<>();
        for (List<RecordedEvent> stream : streams) {
            for (RecordedEvent event : stream) {
                if (event.payload() instanceof FiscalYearOpened opened) {
                    rubrics.add(opened.rubricVersion());
                } else if (event.payload() instanceof EvaluationStarted started) {
                    rubrics.add(started.rubricVersion());
                }
                if (event.sequenceNumber() > 0) {
                    break; // both name their rubric in the stream's first event
                }
            }
        }
        for (RubricVersionId rubric : rubrics) {
            EventHistory.Read read = history.read(rubric.toString(), Set.copyOf(streamIds));
            streamIds.add(rubric.toString());
            streams.add(read.events());
            statuses.add(read.integrity());
        }
        statuses.add(history.integrity(year.department().code(), Set.copyOf(streamIds)));
        statuses.add(IntegrityStatus.of(seals.sealProblems(), 0));
        IntegrityStatus integrity = IntegrityStatus.combine(statuses);
        CachedIndex cached = indexes.get(year);
        if (cached != null && cached.sameStreams(streams)) {
            return cached.integrity().equals(integrity) ? cached : new CachedIndex(cached.streamIds(),
                    cached.streams(), cached.index(), integrity, cached.checkpoints());
        }
        ReplayIndex index;
        if (cached != null && cached.grownStreams(streams)) {
            // the usual case after a write: the new events are put in their places, the year is not sorted again
            List<RecordedEvent> added = new ArrayList<>();
            for (int i = 0; i < streams.size(); i++) {
                List<RecordedEvent> stream = streams.get(i);
                added.addAll(stream.subList(cached.streams().get(i).size(), stream.size()));
            }
            index = cached.index().with(added);
        } else {
            List<RecordedEvent> all = new ArrayList<>();
            streams.forEach(all::addAll);
            index = ReplayIndex.of(all);
        }
        CachedIndex built = new CachedIndex(List.copyOf(streamIds), List.copyOf(streams), index, integrity,
                new LazyCheckpoints(index));
        indexes.put(year, built);
        if (!built.heldBy(history)) {
            // a stream was forgotten while this was built (the year alone is beyond the bound): answer from it, keep
            // nothing the history no longer counts
            indexes.remove(year, built);
        }
        return built;
    }

    /** Forgets the cached indexes (with {@code EventHistory.clear()}: nothing of any year stays in memory). */
    public void clear() {
        indexes.clear();
    }

    /**
     * An index with the stream snapshots it was built from (snapshots are replaced, never mutated, on growth) and
     * its fold checkpoints, built by the first query that needs them.
     */
    private record CachedIndex(List<String> streamIds, List<List<RecordedEvent>> streams, ReplayIndex index,
            IntegrityStatus integrity, LazyCheckpoints checkpoints) {

        boolean heldBy(EventHistory history) {
            for (int i = 0; i < streamIds.size(); i++) {
                if (!history.holds(streamIds.get(i), streams.get(i))) {
                    return false;
                }
            }
            return true;
        }

        boolean sameStreams(List<List<RecordedEvent>> current) {
            if (current.size() != streams.size()) {
                return false;
            }
            for (int i = 0; i < current.size(); i++) {
                if (current.get(i) != streams.get(i)) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Whether each current stream is the cached one with events appended (streams only grow at their end; a
         * stream read again from the store is a different list, and the index is then sorted anew).
         */
        boolean grownStreams(List<List<RecordedEvent>> current) {
            if (current.size() != streams.size()) {
                return false;
            }
            for (int i = 0; i < current.size(); i++) {
                List<RecordedEvent> before = streams.get(i);
                List<RecordedEvent> now = current.get(i);
                if (now.size() < before.size()) {
                    return false;
                }
                if (!before.isEmpty() && (now.get(0) != before.get(0)
                        || now.get(before.size() - 1) != before.get(before.size() - 1))) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The checkpoints of one index, built once (one pass over the year) when first asked for. */
    private static final class LazyCheckpoints {
        private final ReplayIndex index;
        private volatile FoldCheckpoints built;

        LazyCheckpoints(ReplayIndex index) {
            this.index = index;
        }

        FoldCheckpoints get() {
            FoldCheckpoints checkpoints = built;
            if (checkpoints == null) {
                synchronized (this) {
                    checkpoints = built;
                    if (checkpoints == null) {
                        checkpoints = FoldCheckpoints.of(index);
                        built = checkpoints;
                    }
                }
            }
            return checkpoints;
        }
    }

    private <T> BasisResult<T> query(FiscalYearId year, LocalDate asOf, Instant knownAt,
            Function<SelfEvaluationFold, T> view) {
        Replayed replayed = replay(year, asOf, knownAt);
        return replayed.result(view.apply(replayed.fold()));
    }

    /** One pass over the events the basis admits: the fold, and how many events it took (the last one's sequence). */
    private Replayed replay(FiscalYearId year, LocalDate asOf, Instant knownAt) {
        Basis basis = basis(year, asOf, knownAt);
        return Replayed.from(yearEvents(year), year, basis);
    }

    private static final class Replayed implements Consumer<RecordedEvent> {
        private final FiscalYearId year;
        private final Basis basis;
        private final IntegrityStatus integrity;
        private final SelfEvaluationFold fold;
        private int admitted;
        private long lastGlobalSequence;

        private Replayed(FiscalYearId year, Basis basis, IntegrityStatus integrity, FoldCheckpoints.Start start) {
            this.year = year;
            this.basis = basis;
            this.integrity = integrity;
            this.fold = start.fold();
            this.admitted = start.admitted();
            this.lastGlobalSequence = start.highestGlobal();
        }

        /**
         * The basis replayed from the latest checkpoint it admits entirely: the same events in the same order as
         * {@code Replay.fold(index, basis, …)} after the checkpoint's, skipping those recorded after knownAt.
         */
        static Replayed from(CachedIndex yearEvents, FiscalYearId year, Basis basis) {
            ReplayIndex index = yearEvents.index();
            int end = index.effectiveThrough(basis.asOf());
            FoldCheckpoints.Start start = yearEvents.checkpoints().get().start(basis, end);
            Replayed replayed = new Replayed(year, basis, yearEvents.integrity(), start);
            Instant knownAt = basis.knownAt();
            for (int i = start.position(); i < end; i++) {
                RecordedEvent event = index.get(i);
                if (!event.recordedAt().isAfter(knownAt)) {
                    replayed.accept(event);
                }
            }
            return replayed;
        }

        @Override
        public void accept(RecordedEvent event) {
            admitted++;
            lastGlobalSequence = Math.max(lastGlobalSequence, event.globalSequence());
            fold.accept(event);
        }

        SelfEvaluationFold fold() {
            return fold;
        }

        <T> BasisResult<T> result(T result) {
            return new BasisResult<>(year.toString(), basis.asOf(), basis.knownAt(), admitted, lastGlobalSequence,
                    CanonicalJson.sha256(result), integrity, result);
        }
    }
}
