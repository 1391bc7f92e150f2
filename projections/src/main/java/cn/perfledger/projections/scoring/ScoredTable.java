package cn.perfledger.projections.scoring;

import cn.perfledger.projections.evaluation.Flag;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The scored self-evaluation table (部门整体支出绩效自评表) at one basis: every item in rubric order, the total
 * (sum of the top-level scores), the grade from the rubric's grade scale, and the declared total of the latest
 * submission next to the computed one. {@code flags} are table-level (declared total differs, net bonus capped);
 * item flags sit on the items. Plain data, ready to be serialized; the same basis gives the same table.
 *
 * @param evaluationId the evaluation scored, or null when no evaluation was started at the basis
 * @param declared     the latest submission's declared total, or null when nothing was submitted at the basis
 */
public record ScoredTable(String evaluationId, String rubricVersion, String rubricName, String jurisdiction,
        String rubricSourceNote, BigDecimal totalWeight, List<ScoredItem> items, BigDecimal total, String grade,
        DeclaredTotal declared, List<Flag> flags) {

    public ScoredTable {
        items = List.copyOf(items);
        flags = List.copyOf(flags);
    }

    /** The item with the given code, anywhere in the tree. */
    public Optional<ScoredItem> find(String code) {
        return items.stream().flatMap(item -> item.flatten().stream()).filter(item -> item.code().equals(code))
                .findFirst();
    }

    /** Every leaf in rubric order. */
    public List<ScoredItem> leaves() {
        return items.stream().flatMap(item -> item.flatten().stream()).filter(ScoredItem::leaf).toList();
    }
}
