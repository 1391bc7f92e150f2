package cn.perfledger.app.query;

import cn.perfledger.app.command.NotFoundException;
import cn.perfledger.app.history.EventHistory;
import cn.perfledger.domain.budget.BudgetEvent.FiscalYearOpened;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.domain.common.RubricVersionId;
import cn.perfledger.domain.evaluation.EvaluationEvent.EvaluationStarted;
import cn.perfledger.projections.basis.Basis;
import cn.perfledger.projections.basis.RecordedEvent;
import cn.perfledger.projections.basis.Replay;
import cn.perfledger.projections.basis.ReplayIndex;
import cn.perfledger.domain.evaluation.EvaluationId;
import cn.perfledger.projections.evaluation.IndicatorReport;
import cn.perfledger.projections.ledger.CarryOverReport;
import cn.perfledger.projections.ledger.ExecutionReport;
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
    private final Clock clock;
    private final Map<FiscalYearId, CachedIndex> indexes = new ConcurrentHashMap<>();

    public YearQueries(EventHistory history, Clock clock) {
        this.history = history;
        this.clock = clock;
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
        return replayed.fold().scoredTable().map(replayed::result);
    }

    /** The fold of the year at the basis, for callers that need several views of one replay. */
    public SelfEvaluationFold fold(FiscalYearId year, Basis basis) {
        return SelfEvaluationFold.replay(events(year), basis);
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
        List<List<RecordedEvent>> streams = new ArrayList<>();
        streams.add(history.stream(year.toString()));
        streams.add(history.stream(new EvaluationId(year).toString()));
        if (streams.get(0).isEmpty()) {
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
            streams.add(history.rubric(rubric));
        }
        CachedIndex cached = indexes.get(year);
        if (cached != null && cached.sameStreams(streams)) {
            return cached.index();
        }
        List<RecordedEvent> all = new ArrayList<>();
        streams.forEach(all::addAll);
        ReplayIndex index = ReplayIndex.of(all);
        indexes.put(year, new CachedIndex(List.copyOf(streams), index));
        return index;
    }

    /** Forgets the cached indexes (with {@code EventHistory.clear()}: nothing of any year stays in memory). */
    public void clear() {
        indexes.clear();
    }

    /** An index with the stream snapshots it was built from (snapshots are replaced, never mutated, on growth). */
    private record CachedIndex(List<List<RecordedEvent>> streams, ReplayIndex index) {

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
    }

    private <T> BasisResult<T> query(FiscalYearId year, LocalDate asOf, Instant knownAt,
            Function<SelfEvaluationFold, T> view) {
        Replayed replayed = replay(year, asOf, knownAt);
        return replayed.result(view.apply(replayed.fold()));
    }

    /** One pass over the events the basis admits: the fold, and how many events it took (the last one's sequence). */
    private Replayed replay(FiscalYearId year, LocalDate asOf, Instant knownAt) {
        Basis basis = basis(year, asOf, knownAt);
        return Replay.fold(events(year), basis, new Replayed(year, basis));
    }

    private static final class Replayed implements Consumer<RecordedEvent> {
        private final FiscalYearId year;
        private final Basis basis;
        private final SelfEvaluationFold fold = new SelfEvaluationFold();
        private int admitted;
        private long lastGlobalSequence = -1;

        Replayed(FiscalYearId year, Basis basis) {
            this.year = year;
            this.basis = basis;
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
                    CanonicalJson.sha256(result), result);
        }
    }
}
