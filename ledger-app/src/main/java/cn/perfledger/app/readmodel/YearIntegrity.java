package cn.perfledger.app.readmodel;

import cn.perfledger.app.integrity.HeadIntegrity;
import cn.perfledger.app.integrity.IntegrityStatus;
import cn.perfledger.app.query.YearQueries;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.domain.evaluation.EvaluationId;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A year's integrity for answers across many years (the directory, the jurisdiction comparison): the verified
 * status of a year held in memory ({@code basis "verified"}), else the status from its streams' keyed heads and the
 * last seal ({@code basis "heads"}, {@link HeadIntegrity}) — so listing a city of cold years does not read the city.
 */
@Component
public class YearIntegrity {

    public static final String VERIFIED = "verified";
    public static final String HEADS = "heads";

    /** The status and how it was established. */
    public record Basis(IntegrityStatus integrity, String basis) {
    }

    private final YearQueries queries;
    private final HeadIntegrity heads;

    public YearIntegrity(YearQueries queries, HeadIntegrity heads) {
        this.queries = queries;
        this.heads = heads;
    }

    public Basis of(FiscalYearId year) {
        if (queries.inMemory(year)) {
            return new Basis(queries.integrityOf(year), VERIFIED);
        }
        return new Basis(heads.of(List.of(year.toString(), new EvaluationId(year).toString())), HEADS);
    }
}
