package cn.perfledger.projections.scoring;

import cn.perfledger.projections.evaluation.Flag;
import cn.perfledger.projections.evaluation.ItemExplanation;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One item of the scored 自评表 (一级/二级/三级 …), in rubric order. A leaf carries its rule, the inputs it used
 * and its unrounded score; a group's score is the sum of its children's rounded scores and it carries neither
 * rule nor inputs.
 *
 * @param level          1 for a top-level item
 * @param score          rounded as the rubric (or the leaf) states and capped at the weight
 * @param exactScore     a leaf's score before rounding; null for a group
 * @param description    指标解释 from the rubric, or null
 * @param criteria       评分标准 as printed in the rubric, or null
 * @param rule           a leaf's rule; null for a group
 * @param judgementBasis 评分依据 of the judgement entered, when the rule is a judgement
 * @param evaluator      who entered the judgement, when the rule is a judgement
 * @param explanation    the department's explanation of the item (评分依据, 偏差原因, 改进措施), or null; left out of
 *                       the JSON when null, so that tables without one digest as they always have
 * @param computation    a computed leaf's arithmetic from its current inputs ("2 − 0.1 × 0.11 = 1.989 → 1.99"), or
 *                       null; not part of the JSON: it is the inputs and the score, which are
 */
public record ScoredItem(String code, String name, int level, BigDecimal weight, BigDecimal score,
        BigDecimal exactScore, String description, String criteria, RuleSummary rule, List<ScoredInput> inputs,
        String judgementBasis, String evaluator, List<Flag> flags, List<ScoredItem> children,
        @JsonInclude(JsonInclude.Include.NON_NULL) ItemExplanation explanation, @JsonIgnore String computation) {

    public ScoredItem {
        inputs = List.copyOf(inputs);
        flags = List.copyOf(flags);
        children = List.copyOf(children);
    }

    public boolean leaf() {
        return children.isEmpty();
    }

    /** This item and every item below it, depth first (rubric order). */
    public List<ScoredItem> flatten() {
        List<ScoredItem> all = new ArrayList<>();
        collect(this, all);
        return all;
    }

    public Optional<ScoredItem> find(String itemCode) {
        return flatten().stream().filter(item -> item.code().equals(itemCode)).findFirst();
    }

    private static void collect(ScoredItem item, List<ScoredItem> into) {
        into.add(item);
        item.children().forEach(child -> collect(child, into));
    }
}
