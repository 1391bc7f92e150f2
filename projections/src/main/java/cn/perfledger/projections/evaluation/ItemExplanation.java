package cn.perfledger.projections.evaluation;

import cn.perfledger.domain.common.RubricItemCode;
import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The department's explanation of a rubric item recorded last: 评分依据, 偏差原因 (未达标原因), 改进措施 (each may be
 * null). In a scored table only the three texts are shown and digested; which item and which event stay with the fold.
 */
public record ItemExplanation(@JsonIgnore RubricItemCode rubricItemCode, String basis, String deviationReason,
        String improvement, @JsonIgnore EventRef source) {

    /**
     * The explanation as one text for a 评分依据 cell: the basis, then "偏差原因：…", then "改进措施：…", each on its
     * own line.
     */
    public String text() {
        StringBuilder text = new StringBuilder();
        append(text, null, basis);
        append(text, "偏差原因：", deviationReason);
        append(text, "改进措施：", improvement);
        return text.toString();
    }

    private static void append(StringBuilder text, String label, String part) {
        if (part == null || part.isBlank()) {
            return;
        }
        if (!text.isEmpty()) {
            text.append('\n');
        }
        text.append(label == null ? "" : label).append(part);
    }
}
