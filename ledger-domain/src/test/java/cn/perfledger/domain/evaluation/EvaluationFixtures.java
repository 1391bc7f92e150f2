package cn.perfledger.domain.evaluation;

import cn.perfledger.domain.common.DomainErrors;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.IndicatorId;
import cn.perfledger.domain.common.RubricItemCode;
import cn.perfledger.domain.common.RubricVersionId;
import cn.perfledger.domain.evaluation.EvaluationEvent.EvaluationStarted;
import cn.perfledger.domain.evaluation.EvaluationEvent.IndicatorDefined;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.hamcrest.Matcher;

/** The seed-002 department-year (广州市政务服务数据管理局 2021) and a few of its indicators. */
final class EvaluationFixtures {

    static final EvaluationId ID = EvaluationId.of("GZ-ZSJ", 2021);
    static final RubricVersionId RUBRIC = new RubricVersionId("gz-municipal-2021@1");
    static final LocalDate JAN_1 = LocalDate.of(2021, 1, 1);
    static final LocalDate MAR_1 = LocalDate.of(2021, 3, 1);
    static final LocalDate DEC_31 = LocalDate.of(2021, 12, 31);
    static final LocalDate NEXT_YEAR = LocalDate.of(2022, 3, 15);

    static final IndicatorId CONNECTION_RATE = new IndicatorId("IND-2-2");
    static final RubricItemCode CONNECTION_RATE_ITEM = new RubricItemCode("LZ.2-2");
    static final List<String> PATH = List.of("履职效能", "关键指标");
    static final String CONNECTION_RATE_NAME = "非因不可抗力或影响范围广泛的重大政策调整，热线每月接通率不低于95%";

    static final RubricItemCode SYSTEM_ITEM = new RubricItemCode("M.FUND.SYSTEM");
    static final String DIGEST = "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08";

    private EvaluationFixtures() {
    }

    static EvaluationStarted started() {
        return new EvaluationEvent.EvaluationStarted(ID, ID.fiscalYearId(), RUBRIC, JAN_1);
    }

    static EvaluationCommand.DefineIndicator defineConnectionRate() {
        return new EvaluationCommand.DefineIndicator(ID, CONNECTION_RATE, PATH, CONNECTION_RATE_NAME,
                new BigDecimal("2.96"), "≥95%", CONNECTION_RATE_ITEM, MAR_1);
    }

    static IndicatorDefined connectionRateDefined() {
        return new IndicatorDefined(ID, CONNECTION_RATE, PATH, CONNECTION_RATE_NAME, new BigDecimal("2.96"), "≥95%",
                TargetExpression.parse("≥95%"), CONNECTION_RATE_ITEM, MAR_1);
    }

    /** A refusal on the given field whose rule contains the given text ({@link DomainErrors}). */
    static Matcher<Throwable> domainError(Class<? extends DomainException> type, String field, String ruleFragment) {
        return DomainErrors.domainError(type, field, ruleFragment);
    }

    static Matcher<Throwable> domainError(String field, String ruleFragment) {
        return DomainErrors.domainError(field, ruleFragment);
    }
}
