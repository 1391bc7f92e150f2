package cn.perfledger.app.readmodel.figures;

import cn.perfledger.domain.common.Money;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/**
 * The totals of a {@link StoredYearFigures} row, read from its stored documents as they are (nothing is folded or
 * computed again): what the answers across many years (the jurisdiction comparison, the directory page) show of
 * each year.
 *
 * @param executionRate null when the year has no budget
 * @param totalScore    null when there is no scored table yet (no published rubric)
 */
public record YearFiguresTotals(Money fullYear, Money executed, BigDecimal executionRate, Money carryOut,
        BigDecimal totalScore, String grade) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static YearFiguresTotals of(StoredYearFigures stored) {
        JsonNode execution = tree(stored.execution()).path("total");
        JsonNode carryOver = tree(stored.carryOver()).path("total");
        JsonNode evaluation = stored.evaluation() == null ? null : tree(stored.evaluation());
        return new YearFiguresTotals(money(execution.path("fullYear")), money(execution.path("executed")),
                decimal(execution.path("executionRate")), money(carryOver.path("carryOut")),
                evaluation == null ? null : decimal(evaluation.path("total")),
                evaluation == null ? null : text(evaluation.path("grade")));
    }

    private static JsonNode tree(String document) {
        try {
            return JSON.readTree(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Money money(JsonNode node) {
        BigDecimal value = decimal(node);
        return value == null ? null : new Money(value);
    }

    private static BigDecimal decimal(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : new BigDecimal(node.asText());
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }
}
