package cn.perfledger.app.audit;

import cn.perfledger.app.command.NotFoundException;
import cn.perfledger.app.history.EventHistory;
import cn.perfledger.app.query.SubmissionDigest;
import cn.perfledger.app.query.YearQueries;
import cn.perfledger.app.rubric.RubricDirectory;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.domain.common.RubricVersionId;
import cn.perfledger.domain.evaluation.EvaluationEvent.SelfEvaluationSubmitted;
import cn.perfledger.domain.rubric.RubricEvent.RubricPublished;
import cn.perfledger.projections.audit.Lineage;
import cn.perfledger.projections.audit.Rescore;
import cn.perfledger.projections.audit.Shortfall;
import cn.perfledger.projections.audit.SubmissionComparison;
import cn.perfledger.projections.audit.WhyChanged;
import cn.perfledger.projections.audit.WhyPage;
import cn.perfledger.projections.basis.Basis;
import cn.perfledger.projections.basis.RecordedEvent;
import cn.perfledger.projections.scoring.SelfEvaluationFold;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The auditor's questions about a department-year, answered by replaying its stored events: the projections'
 * pure audit functions ({@code cn.perfledger.projections.audit}) fed with {@link YearQueries#events}; the
 * submission digest is checked with the same {@link SubmissionDigest} the submitter used.
 */
@Service
public class AuditService {

    /** Largest page of events a lineage returns at once. */
    public static final int MAX_PAGE_SIZE = 1000;

    private final YearQueries queries;
    private final EventHistory history;
    private final RubricDirectory rubrics;
    private final Clock clock;

    public AuditService(YearQueries queries, EventHistory history, RubricDirectory rubrics, Clock clock) {
        this.queries = queries;
        this.history = history;
        this.rubrics = rubrics;
        this.clock = clock;
    }

    /** One submission as recorded. */
    public record SubmissionSummary(int submissionNo, LocalDate referenceDate, LocalDate submittedOn,
            Instant recordedAt, String submittedBy, BigDecimal declaredTotal, String digest, String eventId) {
    }

    public List<SubmissionSummary> submissions(FiscalYearId year) {
        return submissionEvents(year).stream().map(e -> {
            SelfEvaluationSubmitted s = (SelfEvaluationSubmitted) e.payload();
            return new SubmissionSummary(s.submissionNo(), s.referenceDate(), s.effectiveDate(), e.recordedAt(),
                    s.submittedBy(), s.declaredTotal(), s.digest(), e.eventId());
        }).toList();
    }

    public SubmissionComparison.Result comparison(FiscalYearId year, int submissionNo) {
        RecordedEvent submission = submissionEvents(year).stream()
                .filter(e -> ((SelfEvaluationSubmitted) e.payload()).submissionNo() == submissionNo)
                .reduce((a, b) -> b)
                .orElseThrow(() -> new NotFoundException("no", "该年度没有第 " + submissionNo + " 次自评提交"));
        return SubmissionComparison.compare(queries.events(year), submission, clock.instant(), SubmissionDigest::of);
    }

    public Lineage.Result lineage(FiscalYearId year, String code, LocalDate asOf, Instant knownAt, int page,
            int size) {
        if (page < 0) {
            throw new DomainException("page", "页码不能小于 0");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new DomainException("size", "每页条数须在 1 到 " + MAX_PAGE_SIZE + " 之间");
        }
        Basis basis = queries.basis(year, asOf, knownAt);
        return Lineage.of(queries.events(year), basis, code, page, size, () -> queries.previousYear(year, basis))
                .orElseThrow(() -> notFound(code));
    }

    public WhyChanged.Result why(FiscalYearId year, String code, LocalDate fromAsOf, Instant fromKnownAt,
            LocalDate toAsOf, Instant toKnownAt) {
        Basis from = queries.basis(year, fromAsOf, fromKnownAt);
        Basis to = queries.basis(year, toAsOf, toKnownAt);
        YearQueries.YearFolds folds = queries.folds(year);
        WhyChanged.Result result = WhyChanged.explain(folds.index(), code, from, to, folds.at());
        if (result.name() == null && !"TOTAL".equalsIgnoreCase(code)) {
            throw notFound(code);
        }
        return result;
    }

    /**
     * One page of the why-list for the API (the steps {@code page·size …}, each with at most
     * {@code eventsPerStep} events, plus the summary per event type); the pages show the whole list.
     */
    public WhyPage.Result whyPage(FiscalYearId year, String code, LocalDate fromAsOf, Instant fromKnownAt,
            LocalDate toAsOf, Instant toKnownAt, int page, int size, int eventsPerStep) {
        if (page < 0) {
            throw new DomainException("page", "页码不能小于 0");
        }
        if (size < 1 || size > WhyPage.MAX_SIZE) {
            throw new DomainException("size", "每页步骤数须在 1 到 " + WhyPage.MAX_SIZE + " 之间");
        }
        if (eventsPerStep < 0 || eventsPerStep > WhyPage.MAX_EVENTS_PER_STEP) {
            throw new DomainException("eventsPerStep", "每步列出的记录数须在 0 到 " + WhyPage.MAX_EVENTS_PER_STEP + " 之间");
        }
        return WhyPage.of(why(year, code, fromAsOf, fromKnownAt, toAsOf, toKnownAt), page, size, eventsPerStep);
    }

    public Shortfall.Result shortfall(FiscalYearId year, String code, LocalDate asOf, Instant knownAt) {
        Basis basis = queries.basis(year, asOf, knownAt);
        SelfEvaluationFold fold = queries.fold(year, basis);
        return Shortfall.of(fold, basis, code).orElseThrow(() -> notFound(code));
    }

    public Rescore.Result rescore(FiscalYearId year, String rubricVersion, LocalDate asOf, Instant knownAt) {
        if (rubricVersion == null || rubricVersion.isBlank()) {
            throw new DomainException("rubricVersion", "必须指定评价体系版本");
        }
        RubricVersionId version = new RubricVersionId(rubricVersion);
        // the same policy as opening a year: published, not retired, the department in the version's scope
        rubrics.requireUsable("rubricVersion", version, year, RubricDirectory.Use.RESCORE);
        Basis basis = queries.basis(year, asOf, knownAt);
        RubricPublished other = history.rubric(version).stream()
                .filter(e -> e.payload() instanceof RubricPublished).map(e -> (RubricPublished) e.payload())
                .findFirst()
                .orElseThrow(() -> new NotFoundException("rubricVersion", "评价体系版本未发布: " + rubricVersion));
        SelfEvaluationFold fold = queries.fold(year, basis);
        return Rescore.of(fold, basis, other).orElseThrow(() -> new NotFoundException("rubricVersion",
                "该年度在此时点没有可用的已发布评价体系版本"));
    }

    private List<RecordedEvent> submissionEvents(FiscalYearId year) {
        return queries.events(year).stream().filter(e -> e.payload() instanceof SelfEvaluationSubmitted)
                .sorted(Basis.REPLAY_ORDER).toList();
    }

    private static NotFoundException notFound(String code) {
        return new NotFoundException("code", "评价表中没有评分项 " + code + "（或该时点没有可用的评价体系）；总分请用 TOTAL");
    }
}
