package cn.perfledger.projections.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A submission of the scored table: its 评价基准日, the digest and total it declared, who submitted it. */
public record SubmissionEntry(int submissionNo, LocalDate referenceDate, String digest, BigDecimal declaredTotal,
        String submittedBy, EventRef source) {
}
