package cn.perfledger.domain.evaluation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.Ids;
import cn.perfledger.domain.evaluation.EvaluationCommand.SubmitSelfEvaluation;
import cn.perfledger.domain.evaluation.EvaluationEvent.SelfEvaluationSubmitted;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * The submissions (自评提交) of the scored table: numbered in order, each with its 评价基准日, the digest of the table
 * shown and the total the submitter declared. Rules: the reference date lies in the year; the digest is a SHA-256;
 * the submission is made within the evaluation window and not before its reference date.
 */
final class SubmissionBook extends EvaluationPart {

    private static final BigDecimal MAX_DECLARED_TOTAL = BigDecimal.valueOf(1000);

    private int submissions;

    /** For Jackson (snapshots). */
    public SubmissionBook() {
    }

    SubmissionBook copy() {
        SubmissionBook copy = copyInto(new SubmissionBook());
        copy.submissions = submissions;
        return copy;
    }

    void handle(SubmitSelfEvaluation command) {
        year().requireContains("referenceDate", command.referenceDate());
        if (command.digest() == null || !SHA256_HEX.matcher(command.digest()).matches()) {
            throw new DomainException("digest", "摘要必须是 64 位十六进制 SHA-256 值");
        }
        BigDecimal declaredTotal = command.declaredTotal() == null ? null
                : requireAmount("declaredTotal", command.declaredTotal(), MAX_DECLARED_TOTAL, "自评总分");
        String submittedBy = Ids.requireText("submittedBy", command.submittedBy(), 100);
        requireInEvaluationWindow("effectiveDate", command.effectiveDate());
        if (command.effectiveDate().isBefore(command.referenceDate())) {
            throw new DomainException("effectiveDate", "提交日期不能早于评价基准日 " + command.referenceDate() + ": "
                    + command.effectiveDate());
        }
        apply(new SelfEvaluationSubmitted(evaluationId, submissions + 1, command.referenceDate(),
                command.digest().toLowerCase(Locale.ROOT), declaredTotal, submittedBy, command.effectiveDate()));
    }

    // ---- event sourcing (called by the evaluation's handlers): assignment only ----

    void on(SelfEvaluationSubmitted event) {
        submissions = event.submissionNo();
    }
}
