package cn.perfledger.projections.evaluation;

import cn.perfledger.domain.common.IndicatorId;
import cn.perfledger.domain.common.RubricItemCode;
import cn.perfledger.domain.evaluation.ActualValue;
import cn.perfledger.domain.evaluation.Assessment;
import cn.perfledger.domain.evaluation.Direction;
import cn.perfledger.domain.evaluation.GradeCoefficients;
import cn.perfledger.domain.evaluation.TargetExpression;
import cn.perfledger.projections.ledger.Rates;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * One indicator at a basis: its definition, current target (after revisions), latest actual, and the events
 * each came from.
 *
 * @param actual   the latest actual, or null when none is recorded at the basis
 * @param targetBy the event that set the current target (the definition or the last revision)
 * @param actualBy the event of the latest actual, or null
 */
public record IndicatorState(IndicatorId indicatorId, List<String> path, String name, BigDecimal weight,
        RubricItemCode rubricItemCode, TargetExpression target, List<TargetRevision> revisions, ActualValue actual,
        EventRef definedBy, EventRef targetBy, EventRef actualBy) {

    /** Above this actual ÷ target a positive indicator's target is flagged as too low (DOMAIN.md §5). */
    public static final BigDecimal TARGET_TOO_LOW_ABOVE = new BigDecimal("1.5");

    public IndicatorState {
        path = List.copyOf(path);
        revisions = List.copyOf(revisions);
    }

    public IndicatorStatus status() {
        if (actual == null) {
            return IndicatorStatus.MISSING_ACTUAL;
        }
        Assessment assessment = target.assess(actual);
        return switch (assessment) {
            case MET -> IndicatorStatus.MET;
            case NOT_MET -> IndicatorStatus.NOT_MET;
            case INCOMPARABLE, UNDETERMINED -> IndicatorStatus.INCOMPARABLE;
        };
    }

    public boolean met() {
        return status() == IndicatorStatus.MET;
    }

    /**
     * The completion rate (完成率) as an exact fraction, uncapped (seed 000 shows 146%): positive actual ÷ target;
     * reverse 1 when met, else target ÷ actual; equal 1 when met; qualitative the default 得分系数 of the grade
     * recorded. Null when there is no actual or the units cannot be compared.
     */
    public BigDecimal completionRate() {
        return completionRate(GradeCoefficients.DEFAULT);
    }

    /** The completion rate with a rubric's 得分系数 (a qualitative indicator's rate is its grade's coefficient). */
    public BigDecimal completionRate(GradeCoefficients coefficients) {
        if (actual == null) {
            return null;
        }
        return target.completionRate(actual, coefficients, Rates.SCALE, RoundingMode.HALF_EVEN).orElse(null);
    }

    /** A qualitative (定性) indicator, scored by the grade recorded for it. */
    public boolean qualitative() {
        return target.qualitative();
    }

    /** A positive indicator whose actual exceeds 1.5 × its target: the target was set too low. */
    public boolean targetTooLow() {
        if (target.direction() != Direction.POSITIVE || actual == null
                || actual.kind() != ActualValue.Kind.QUANTITY) {
            return false;
        }
        BigDecimal rate = completionRate();
        return rate != null && rate.compareTo(TARGET_TOO_LOW_ABOVE) > 0;
    }

    /** The flags of this indicator, in a fixed order: missing / incomparable / not met, then target too low. */
    public List<Flag> flags() {
        String subject = displayName();
        return switch (status()) {
            case MISSING_ACTUAL -> List.of(Flag.of(FlagKind.ACTUAL_MISSING, subject + (qualitative()
                    ? "：尚未录入完成情况及评定等级" : "：尚未录入实际完成值")));
            case INCOMPARABLE -> List.of(Flag.of(FlagKind.INCOMPARABLE,
                    subject + "：实际值「" + actual.text() + "」与目标值「" + target.text() + "」单位不同"));
            case NOT_MET -> List.of(Flag.of(FlagKind.INDICATOR_NOT_MET, qualitative()
                    ? subject + "：评定等级为「" + actual.grade().label() + "」（目标：" + target.text() + "）"
                    : subject + "：实际值「" + actual.text() + "」未达到目标值「" + target.text() + "」"));
            case MET -> targetTooLow()
                    ? List.of(Flag.of(FlagKind.TARGET_TOO_LOW, subject + "：实际值为目标值的 "
                            + Display.percent(completionRate()) + "（超过 150%）"))
                    : List.of();
        };
    }

    /** The name with the id, for messages: "热线每月接通率（IND-2-2）". */
    public String displayName() {
        return name + "（" + indicatorId + "）";
    }
}
