package cn.perfledger.domain.evaluation;

import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.Ids;
import cn.perfledger.domain.evaluation.EvaluationCommand.RecordItemExplanation;
import cn.perfledger.domain.evaluation.EvaluationEvent.ItemExplanationRecorded;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The department's explanations of its rubric items (评分依据, 偏差原因, 改进措施): per item the texts recorded last.
 * Decides recording one (it supersedes the one before, which its event says). Rules: an item code, at least one of
 * the three texts, each at most {@value #MAX_TEXT} characters, effective within the evaluation window.
 */
final class ExplanationBook extends EvaluationPart {

    static final int MAX_TEXT = 4000;

    /** The texts recorded last for one item. */
    record Texts(String basis, String deviationReason, String improvement) {
    }

    /** The texts recorded last for each item, by rubric item code. */
    private Map<String, Texts> explanations = new LinkedHashMap<>();

    /** For Jackson (snapshots). */
    public ExplanationBook() {
    }

    ExplanationBook copy() {
        ExplanationBook copy = copyInto(new ExplanationBook());
        copy.explanations = new LinkedHashMap<>(explanations);
        return copy;
    }

    ItemExplanationRecorded decide(RecordItemExplanation command) {
        if (command.rubricItemCode() == null) {
            throw new DomainException("rubricItemCode", "评分项编码不能为空");
        }
        String basis = text("basis", command.basis());
        String deviationReason = text("deviationReason", command.deviationReason());
        String improvement = text("improvement", command.improvement());
        if (basis == null && deviationReason == null && improvement == null) {
            throw new DomainException("basis", "评分依据、偏差原因、改进措施至少填写一项");
        }
        requireInEvaluationWindow("effectiveDate", command.effectiveDate());
        return new ItemExplanationRecorded(evaluationId, command.rubricItemCode(), basis, deviationReason, improvement,
                explanations.containsKey(command.rubricItemCode().value()), command.effectiveDate());
    }

    /** Whether the item's explanation recorded last says exactly this (an imported row restating it). */
    boolean stands(RecordItemExplanation command) {
        Texts current = command.rubricItemCode() == null ? null : explanations.get(command.rubricItemCode().value());
        return current != null && current.equals(new Texts(blankIsNull(command.basis()),
                blankIsNull(command.deviationReason()), blankIsNull(command.improvement())));
    }

    private static String text(String field, String text) {
        return blankIsNull(Ids.optionalText(field, text, MAX_TEXT));
    }

    private static String blankIsNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    // ---- event sourcing (called by the evaluation's handlers): assignment only ----

    void on(ItemExplanationRecorded event) {
        explanations.put(event.rubricItemCode().value(), new Texts(event.basis(), event.deviationReason(),
                event.improvement()));
    }
}
