package cn.perfledger.domain.rubric;

import cn.perfledger.domain.common.RubricItemCode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One item of a rubric tree (一级/二级/三级/四级指标). A node with children is a group whose weight is the sum of
 * theirs; a node without children is a leaf and carries its {@link ScoringRule} and {@link InputReference}
 * (and optionally its own {@link Rounding}). Records are not validated on construction: the rubric validator
 * reports every problem with the path of the offending node.
 *
 * @param description 指标解释, optional
 * @param criteria    评分标准 in the document's own wording (what a department reads), optional
 * @param provenance  our note on where the rule comes from (how it was inferred, which published figure supports it,
 *                    doubts), optional; shown only where a rule's origin is examined (the rubric and lineage pages),
 *                    never on the 自评表 or its export
 * @param rounding    a leaf's own rounding, or null for the rubric's
 */
public record RubricNode(RubricItemCode code, String name, BigDecimal weight, String description, String criteria,
        String provenance, ScoringRule rule, InputReference input, Rounding rounding, List<RubricNode> children) {

    public RubricNode {
        children = children == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(children));
    }

    /** A node without a provenance note. */
    public RubricNode(RubricItemCode code, String name, BigDecimal weight, String description, String criteria,
            ScoringRule rule, InputReference input, Rounding rounding, List<RubricNode> children) {
        this(code, name, weight, description, criteria, null, rule, input, rounding, children);
    }

    public static RubricNode leaf(String code, String name, String weight, ScoringRule rule, InputReference input) {
        return new RubricNode(new RubricItemCode(code), name, new BigDecimal(weight), null, null, rule, input, null,
                List.of());
    }

    public static RubricNode group(String code, String name, String weight, List<RubricNode> children) {
        return new RubricNode(new RubricItemCode(code), name, new BigDecimal(weight), null, null, null, null, null,
                children);
    }

    public RubricNode withDescription(String newDescription) {
        return new RubricNode(code, name, weight, newDescription, criteria, provenance, rule, input, rounding,
                children);
    }

    public RubricNode withCriteria(String newCriteria) {
        return new RubricNode(code, name, weight, description, newCriteria, provenance, rule, input, rounding,
                children);
    }

    public RubricNode withProvenance(String newProvenance) {
        return new RubricNode(code, name, weight, description, criteria, newProvenance, rule, input, rounding,
                children);
    }

    public RubricNode withRounding(Rounding newRounding) {
        return new RubricNode(code, name, weight, description, criteria, provenance, rule, input, newRounding,
                children);
    }

    public boolean leaf() {
        return children.isEmpty();
    }

    /**
     * Whether this is a leaf the evaluator scores (评价人评分, {@link ScoringRule.Judgement}): its score is entered with
     * its 评分依据; every other leaf's score is derived from the ledger, indicators or bonus/penalty entries.
     */
    public boolean judged() {
        return leaf() && rule instanceof ScoringRule.Judgement;
    }

    /** This node and all nodes below it, depth first. */
    public List<RubricNode> flatten() {
        List<RubricNode> all = new ArrayList<>();
        collect(this, all);
        return all;
    }

    /** The leaves at or below this node, depth first. */
    public List<RubricNode> leaves() {
        return flatten().stream().filter(RubricNode::leaf).toList();
    }

    /** The codes of this node and every node below it: an indicator tagged with any of them is in this group. */
    public Set<RubricItemCode> subtreeCodes() {
        Set<RubricItemCode> codes = new LinkedHashSet<>();
        flatten().forEach(node -> codes.add(node.code()));
        return codes;
    }

    /** The node with the given code in a tree (a list of top-level nodes). */
    public static Optional<RubricNode> find(List<RubricNode> tree, RubricItemCode code) {
        return tree.stream().flatMap(top -> top.flatten().stream()).filter(node -> code.equals(node.code()))
                .findFirst();
    }

    private static void collect(RubricNode node, List<RubricNode> into) {
        into.add(node);
        node.children().forEach(child -> collect(child, into));
    }
}
