package cn.perfledger.domain.evaluation;

import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.Ids;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The printed operands a declared figure was computed from, when the document prints them next to it, so that the
 * figure can be recomputed without the ledger: a sum and its parts ({@code SUM}: 3,009.28 = 1,509.02 + 1,500.25), a
 * ratio and its numerator and denominator ({@code RATIO}: 41.21% = 1.50 ÷ 3.64), or a growth rate and two of
 * previous / current / change ({@code GROWTH}: 增加 1,117.25 万元，增长 27.80% of 5,143.02). The declared figure itself
 * is the printed total or rate; operands are in the same unit as it (a rate's operands in any one unit).
 */
public record DeclaredStructure(Kind kind, List<Operand> operands) {

    public DeclaredStructure {
        operands = operands == null ? null : List.copyOf(operands);
    }

    /** What the printed figure is, in terms of its operands. */
    public enum Kind {
        /** The figure is the sum of its {@code PART} operands (at least two). */
        SUM("合计"),
        /** The figure is a percentage: {@code NUMERATOR} ÷ {@code DENOMINATOR}. */
        RATIO("比率"),
        /** The figure is a growth percentage: change ÷ previous, from two of PREVIOUS, CURRENT, CHANGE. */
        GROWTH("增长率");

        private final String chineseName;

        Kind(String chineseName) {
            this.chineseName = chineseName;
        }

        public String chineseName() {
            return chineseName;
        }
    }

    public enum Role {
        PART("分项"),
        NUMERATOR("分子"),
        DENOMINATOR("分母"),
        PREVIOUS("上年数"),
        CURRENT("本年数"),
        CHANGE("增减额");

        private final String chineseName;

        Role(String chineseName) {
            this.chineseName = chineseName;
        }

        public String chineseName() {
            return chineseName;
        }
    }

    /** One printed operand: its role, an optional label (e.g. 基本支出) and the text as printed (one number). */
    public record Operand(Role role, String label, String printedValue) {

        /** The operand's number as printed (scale kept). */
        public BigDecimal number() {
            return PrintedNumber.parse("printedValue", printedValue);
        }
    }

    /** The operand of a role, or null (for RATIO and GROWTH, where each role appears at most once). */
    public Operand operand(Role role) {
        return operands.stream().filter(o -> o.role() == role).findFirst().orElse(null);
    }

    /** Checks the structure and returns it with its texts trimmed; {@code field} names it in errors. */
    static DeclaredStructure validated(String field, DeclaredStructure structure) {
        if (structure.kind() == null) {
            throw new DomainException(field + ".kind", "算式类型不能为空，可选: SUM（合计）, RATIO（比率）, GROWTH（增长率）");
        }
        if (structure.operands() == null || structure.operands().isEmpty()) {
            throw new DomainException(field + ".operands", "算式的分项不能为空");
        }
        List<Operand> operands = new ArrayList<>();
        Map<Role, Integer> counts = new EnumMap<>(Role.class);
        for (int i = 0; i < structure.operands().size(); i++) {
            Operand operand = structure.operands().get(i);
            String at = field + ".operands[" + i + "]";
            if (operand == null || operand.role() == null) {
                throw new DomainException(at + ".role", "分项角色不能为空");
            }
            String printed = Ids.requireText(at + ".printedValue", operand.printedValue(), 200);
            PrintedNumber.parse(at + ".printedValue", printed);
            operands.add(new Operand(operand.role(), Ids.optionalText(at + ".label", operand.label(), 200), printed));
            counts.merge(operand.role(), 1, Integer::sum);
        }
        Set<Role> roles = counts.keySet();
        switch (structure.kind()) {
            case SUM -> {
                if (!roles.equals(Set.of(Role.PART)) || counts.get(Role.PART) < 2) {
                    throw new DomainException(field + ".operands", "合计算式须有至少两个 PART（分项），且只能有分项");
                }
            }
            case RATIO -> {
                if (!roles.equals(Set.of(Role.NUMERATOR, Role.DENOMINATOR)) || operands.size() != 2) {
                    throw new DomainException(field + ".operands", "比率算式须恰有一个 NUMERATOR（分子）和一个 DENOMINATOR（分母）");
                }
            }
            case GROWTH -> {
                if (operands.size() != 2 || roles.size() != 2 || roles.contains(Role.PART) || roles.contains(Role.NUMERATOR)
                        || roles.contains(Role.DENOMINATOR)) {
                    throw new DomainException(field + ".operands",
                            "增长率算式须恰有 PREVIOUS（上年数）、CURRENT（本年数）、CHANGE（增减额）中的两个");
                }
            }
            default -> throw new IllegalStateException("unknown kind " + structure.kind());
        }
        return new DeclaredStructure(structure.kind(), operands);
    }
}
