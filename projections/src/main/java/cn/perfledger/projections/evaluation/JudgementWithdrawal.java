package cn.perfledger.projections.evaluation;

import cn.perfledger.domain.common.RubricItemCode;
import java.math.BigDecimal;

/** The latest withdrawal of a judgement that has not been re-entered since: explains why a score is missing. */
public record JudgementWithdrawal(RubricItemCode rubricItemCode, BigDecimal withdrawnScore, String reason,
        EventRef source) {
}
