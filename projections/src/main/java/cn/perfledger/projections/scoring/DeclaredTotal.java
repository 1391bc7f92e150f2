package cn.perfledger.projections.scoring;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The total the latest submission declared, next to the total the ledger computes (seed 002: 94.65 declared,
 * 94.35 computed, difference 0.30). {@code declaredTotal} and {@code difference} are null when the submission
 * declared no total.
 *
 * @param difference declared − computed
 */
public record DeclaredTotal(int submissionNo, LocalDate referenceDate, LocalDate submittedOn, String submittedBy,
        BigDecimal declaredTotal, BigDecimal computedTotal, BigDecimal difference) {
}
