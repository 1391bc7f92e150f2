package cn.perfledger.app.query;

import cn.perfledger.app.command.NotFoundException;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.FiscalYearId;
import cn.perfledger.domain.evaluation.EvaluationCommand.SubmitSelfEvaluation;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * A submission's digest must be the digest of a table the submitter could have seen: the scored 自评表 at the
 * reference date with everything recorded up to the submission — the very table the comparison of that submission
 * re-derives later (at the submission's recorded time). Any other digest (all zeros, a digest of an older state of
 * the table, a typo) would be stored and later raise a false alteration warning, so it is refused here, before the
 * command is sent; the domain, which cannot replay tables, keeps checking the digest's form.
 *
 * <p>A table that changed after the submitter looked at it (a voucher recorded meanwhile) is refused too, with the
 * digest to submit: the submission must name the table as it stands when it is recorded.
 */
@Component
public class SubmissionDigestCheck {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    private final YearQueries queries;
    private final Clock clock;

    public SubmissionDigestCheck(YearQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /** The digest a submission of the table at {@code referenceDate} must carry now, and when it was derived. */
    public record Expected(FiscalYearId fiscalYearId, java.time.LocalDate referenceDate, Instant knownAt,
            String digest) {
    }

    public Expected expected(FiscalYearId year, java.time.LocalDate referenceDate) {
        Instant now = clock.instant();
        BasisResult<cn.perfledger.projections.scoring.ScoredTable> table;
        try {
            table = queries.evaluation(year, referenceDate, now);
        } catch (NotFoundException e) {
            if (!"rubricVersion".equals(e.field())) {
                throw e;
            }
            throw new DomainException("digest", "该年度在评价基准日 " + referenceDate + " 没有可提交的自评表（尚无评价体系或自评）");
        }
        return new Expected(year, table.asOf(), table.knownAt(), SubmissionDigest.of(table.result()));
    }

    /**
     * Refuses {@code command} unless its digest is that of the table at its reference date as now recorded. A
     * digest that is not 64 hex digits, or a reference date outside the year, is left to the aggregate's own rules
     * (it names them).
     */
    public void verify(SubmitSelfEvaluation command) {
        FiscalYearId year = command.evaluationId().fiscalYearId();
        if (command.digest() == null || !SHA256_HEX.matcher(command.digest()).matches()
                || command.referenceDate() == null || !year.year().contains(command.referenceDate())) {
            return;
        }
        Expected expected = expected(year, command.referenceDate());
        if (!expected.digest().equals(command.digest().toLowerCase(Locale.ROOT))) {
            throw new DomainException("digest", "摘要不是该自评表的摘要：评价基准日 " + command.referenceDate()
                    + "、截至 " + expected.knownAt() + " 已记录的数据得出的自评表摘要为 " + expected.digest()
                    + "（GET …/evaluation/submission-digest?referenceDate=" + command.referenceDate()
                    + "）；只能提交看到的表格的摘要，表格若在查看后又有变动，请重新核对后提交");
        }
    }
}
