package cn.perfledger.projections.scoring;

import cn.perfledger.projections.evaluation.Flag;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The scored self-evaluation table (部门整体支出绩效自评表) at one basis: every item in rubric order, the total
 * (sum of the top-level scores), the grade from the rubric's grade scale, and the declared total of the latest
 * submission next to the computed one. {@code flags} are table-level (declared total differs, net bonus capped);
 * item flags sit on the items. Plain data, ready to be serialized; the same basis gives the same table.
 *
 * @param evaluationId   the evaluation scored, or null when no evaluation was started at the basis
 * @param declared       the latest submission's declared total, or null when nothing was submitted at the basis
 * @param departmentName the department as its year was opened (the table's header), null before the year is opened
 * @param fiscalYear     the year scored (the header's 年度), null before the year is opened; neither is part of the
 *                       table's JSON: a submission's digest covers the table as it has always been serialized (stored
 *                       digests keep verifying, and the digest of an unsubmitted table is still its submission digest),
 *                       and the year's own documents name the department and the year already
 */
public record ScoredTable(String evaluationId, String rubricVersion, String rubricName, String jurisdiction,
        String rubricSourceNote, BigDecimal totalWeight, List<ScoredItem> items, BigDecimal total, String grade,
        DeclaredTotal declared, List<Flag> flags, @JsonIgnore String departmentName, @JsonIgnore Integer fiscalYear) {

    public ScoredTable {
        items = List.copyOf(items);
        flags = List.copyOf(flags);
    }

    /**
     * The header of the 自评表: the department and the year scored ("广州市某局2021年度部门整体支出绩效自评表"), never the
     * rubric's own name or year — a rubric of another place or year scores the table, it does not name it.
     */
    public String title() {
        if (departmentName == null || fiscalYear == null) {
            return "部门整体支出绩效自评表";
        }
        return departmentName + fiscalYear + "年度部门整体支出绩效自评表";
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
