package cn.perfledger.domain.evaluation;

import cn.perfledger.domain.common.DomainException;
import java.util.Arrays;

/**
 * The grade an evaluator records for a qualitative (定性) indicator: how far the target was reached. The rubric's
 * 得分系数 table turns it into points ({@code GradeCoefficients}); only {@link #ACHIEVED} counts as met for the
 * 绩效目标完成率.
 */
public enum Grade {
    ACHIEVED("达成"),
    LARGELY_ACHIEVED("基本达成"),
    PARTLY_ACHIEVED("部分达成"),
    NOT_ACHIEVED("未达成");

    private final String label;

    Grade(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean met() {
        return this == ACHIEVED;
    }

    /** Reads 达成 / 基本达成 / 部分达成 / 未达成 (or the enum name); null or blank is "not given". */
    public static Grade fromText(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip().replace("年度指标", "").replace("预期指标", "").replace("预期目标", "");
        for (Grade grade : values()) {
            if (grade.label.equals(t) || grade.name().equals(t)) {
                return grade;
            }
        }
        throw new DomainException(field, "定性指标的评定等级只能是 " + String.join("、",
                Arrays.stream(values()).map(Grade::label).toList()) + ": " + text.strip());
    }
}
