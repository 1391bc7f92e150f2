package cn.perfledger.domain.evaluation;

import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.FiscalYear;
import cn.perfledger.domain.evaluation.EvaluationEvent.EvaluationStarted;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * What every part of an {@link Evaluation} shares: the evaluation it belongs to (from {@link EvaluationStarted},
 * never changed afterwards), that evaluation's year, the window in which assessments may be entered, and the bounds
 * of a score-like figure. The parts' decisions, moved here from {@code Evaluation}, name these as they did there.
 */
abstract class EvaluationPart {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    /** The evaluation this part belongs to. */
    EvaluationId evaluationId;

    void on(EvaluationStarted event) {
        evaluationId = event.evaluationId();
    }

    /** Copies what every part holds into {@code copy} (a draft to decide an import on). */
    <T extends EvaluationPart> T copyInto(T copy) {
        copy.evaluationId = evaluationId;
        return copy;
    }

    FiscalYear year() {
        return evaluationId.fiscalYearId().year();
    }

    /** Actuals, scores and submissions are entered after the year: allowed up to the end of the following year. */
    void requireInEvaluationWindow(String field, LocalDate date) {
        if (date == null) {
            throw new DomainException(field, "业务日期不能为空");
        }
        LocalDate first = year().firstDay();
        LocalDate last = year().lastDay().plusYears(1);
        if (date.isBefore(first) || date.isAfter(last)) {
            throw new DomainException(field, "业务日期必须在 " + first + " 至 " + last + " 之间（评价年度或次年）: " + date);
        }
    }

    /** A non-negative figure with at most two decimals and an upper bound (weights, scores, points). */
    static BigDecimal requireAmount(String field, BigDecimal value, BigDecimal max, String label) {
        if (value == null) {
            throw new DomainException(field, label + "不能为空");
        }
        if (value.signum() < 0) {
            throw new DomainException(field, label + "不能为负数: " + value.toPlainString());
        }
        if (value.compareTo(max) > 0) {
            throw new DomainException(field, label + "不能超过 " + max.toPlainString() + ": " + value.toPlainString());
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw new DomainException(field, label + "最多保留两位小数: " + value.toPlainString());
        }
        return value;
    }
}
