package cn.perfledger.domain.evaluation;

import cn.perfledger.domain.common.DomainException;
import java.util.Arrays;

/**
 * The direction (指标方向) of an indicator, which decides how a target is read and how its completion rate is
 * computed (DOMAIN.md §5): 正向 (≥, &gt;: more is better, rate actual ÷ target), 反向 (≤, &lt;: less is better, 100% when
 * met, else target ÷ actual), 等于 (= or a range: 100% when met) and 定性 (a text, scored by the grade the evaluator
 * records, see {@link Grade}). It is given by the user (or a form's 指标性质 column) or stated by the target's own
 * comparator; a target is never read with a direction neither of them gave.
 */
public enum Direction {
    POSITIVE("正向"),
    REVERSE("反向"),
    EQUAL("等于"),
    QUALITATIVE("定性");

    private final String label;

    Direction(String label) {
        this.label = label;
    }

    /** The Chinese name users see and type: 正向, 反向, 等于, 定性. */
    public String label() {
        return label;
    }

    /**
     * Reads a direction as users and forms write it: 正向/正向指标, 反向/逆向/负向, 等于/区间/趋中, 定性, or the enum
     * name. Null or blank is "not given"; so is 定量 (a form's 指标性质 saying only "quantitative": the target's own
     * comparator must then state the direction). Anything else is refused naming the field.
     */
    public static Direction fromText(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip().replace("指标", "").replace("型", "");
        switch (t) {
            case "正向", "POSITIVE", "越大越好" -> {
                return POSITIVE;
            }
            case "反向", "逆向", "负向", "REVERSE", "越小越好" -> {
                return REVERSE;
            }
            case "等于", "区间", "趋中", "EQUAL" -> {
                return EQUAL;
            }
            case "定性", "QUALITATIVE" -> {
                return QUALITATIVE;
            }
            case "定量" -> {
                return null;
            }
            default -> throw new DomainException(field, "指标方向只能是 " + String.join("、",
                    Arrays.stream(values()).map(Direction::label).toList()) + "（或 定量，由目标值写明方向）: " + text.strip());
        }
    }
}
