package cn.perfledger.projections.evaluation;

import cn.perfledger.domain.common.RubricItemCode;
import java.math.BigDecimal;

/** The judgement score currently entered for a rubric item, with its 评分依据 and evaluator. */
public record JudgementEntry(RubricItemCode rubricItemCode, BigDecimal score, String basis, String evaluator,
        EventRef source) {
}
