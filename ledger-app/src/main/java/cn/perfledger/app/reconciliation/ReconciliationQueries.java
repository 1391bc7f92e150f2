package cn.perfledger.app.reconciliation;

import cn.perfledger.app.query.BasisResult;
import cn.perfledger.app.query.CanonicalJson;
import cn.perfledger.app.query.YearQueries;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.projections.basis.Basis;
import cn.perfledger.projections.basis.RecordedEvent;
import cn.perfledger.projections.basis.Replay;
import cn.perfledger.projections.reconciliation.DeclaredFigureFold;
import cn.perfledger.projections.reconciliation.FigureSource;
import cn.perfledger.projections.reconciliation.ReconciliationReport;
import cn.perfledger.projections.scoring.SelfEvaluationFold;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;

/** The reconciliation report of a department-year at a basis, folded from its events like the other year queries. */
@Service
public class ReconciliationQueries {

    private final YearQueries queries;

    public ReconciliationQueries(YearQueries queries) {
        this.queries = queries;
    }

    public BasisResult<ReconciliationReport> reconciliation(FiscalYearId year, LocalDate asOf, Instant knownAt) {
        Basis basis = queries.basis(year, asOf, knownAt);
        List<RecordedEvent> events = queries.events(year);
        SelfEvaluationFold fold = new SelfEvaluationFold();
        DeclaredFigureFold declared = new DeclaredFigureFold();
        List<RecordedEvent> admitted = Replay.select(events, basis);
        for (RecordedEvent event : admitted) {
            fold.accept(event);
            declared.accept(event);
        }
        FigureSource source = new FigureSource(fold.metrics(), fold.indicatorReport(),
                fold.scoredTable().orElse(null));
        ReconciliationReport report = ReconciliationReport.of(source, declared.figures());
        String yearId = year.toString();
        int count = 0;
        long last = -1;
        for (RecordedEvent event : admitted) {
            count++;
            last = Math.max(last, event.globalSequence());
        }
        return new BasisResult<>(yearId, basis.asOf(), basis.knownAt(), count, last, CanonicalJson.sha256(report),
                queries.integrity(year), report);
    }
}
