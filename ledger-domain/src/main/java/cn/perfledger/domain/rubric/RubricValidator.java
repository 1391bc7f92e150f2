package cn.perfledger.domain.rubric;

import cn.perfledger.domain.evaluation.GradeCoefficients;
import cn.perfledger.domain.common.DepartmentId;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.Ids;
import cn.perfledger.domain.rubric.InputReference.IndicatorGroupInput;
import cn.perfledger.domain.rubric.InputReference.IndicatorInput;
import cn.perfledger.domain.rubric.InputReference.LedgerMetricInput;
import cn.perfledger.domain.rubric.InputReference.LedgerMetricTargetInput;
import cn.perfledger.domain.rubric.RubricCommand.PublishRubric;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a rubric before it is published and refuses the first problem found, naming the offending node by
 * its path ({@code tree[0].children[2].weight}) and the rule it breaks, in Chinese. Usable on its own to lint
 * rubric data files before they are sent.
 */
public final class RubricValidator {

    public static final int MAX_DEPTH = 4;
    private static final int MAX_PATH_PREFIX = 3;
    private static final BigDecimal MAX_TOTAL_WEIGHT = BigDecimal.valueOf(1000);

    private final RuleValidator rules;
    /** Path of each code seen so far: codes are unique across the whole tree. */
    private final Map<String, String> pathByCode = new LinkedHashMap<>();
    /** Indicator groups named by leaves, by path: checked once every code is known. */
    private final Map<String, String> groupCodeByPath = new LinkedHashMap<>();

    private RubricValidator(BigDecimal rubricBonusCap, GradeCoefficients coefficients) {
        this.rules = new RuleValidator(rubricBonusCap, coefficients);
    }

    /**
     * Validates a publication and returns it normalised: texts stripped, default grades filled in. The tree is
     * returned as given (validation does not rewrite it).
     */
    public static PublishRubric validate(PublishRubric command) {
        if (command.rubricVersionId() == null) {
            throw new DomainException("rubricVersionId", "评分规则版本不能为空");
        }
        String name = Ids.requireText("name", command.name(), 200);
        String jurisdiction = Ids.requireText("jurisdiction", command.jurisdiction(), 100);
        RubricScope scope = requireScope(command.scope());
        if (command.templateYear() < 2000 || command.templateYear() > 2100) {
            throw new DomainException("templateYear", "适用年度必须在 2000 至 2100 之间: " + command.templateYear());
        }
        BigDecimal totalWeight = requireWeight("totalWeight", command.totalWeight(), "总分");
        if (totalWeight.compareTo(MAX_TOTAL_WEIGHT) > 0) {
            throw new DomainException("totalWeight", "总分不能超过 " + MAX_TOTAL_WEIGHT + ": " + totalWeight.toPlainString());
        }
        BigDecimal bonusCap = requireNonNegative("bonusCap", command.bonusCap(), "加分上限（无加减分项时填 0）");
        requireRounding("rounding", command.rounding());
        GradeScale grades = command.grades() == null ? GradeScale.defaults() : command.grades();
        requireGrades(grades);
        String sourceNote = Ids.optionalText("sourceNote", command.sourceNote(), 500);
        if (command.effectiveDate() == null) {
            throw new DomainException("effectiveDate", "生效日期不能为空");
        }
        GradeCoefficients coefficients = command.gradeCoefficients() == null ? null
                : command.gradeCoefficients().validated("gradeCoefficients");
        new RubricValidator(bonusCap, coefficients).requireTree(command.tree(), totalWeight);
        return new PublishRubric(command.rubricVersionId(), name, jurisdiction, scope, command.templateYear(),
                totalWeight, bonusCap, command.tree(), command.rounding(), grades, coefficients, sourceNote,
                command.effectiveDate());
    }

    /** All departments, or a non-empty list without repeats (kept sorted, so equal scopes are equal events). */
    private static RubricScope requireScope(RubricScope scope) {
        if (scope == null) {
            throw new DomainException("scope", "适用部门范围不能为空：全部部门填 {\"allDepartments\":true}，"
                    + "否则列出部门代码 {\"departments\":[\"GZ-ZSJ\"]}");
        }
        if (scope.allDepartments()) {
            if (!scope.departments().isEmpty()) {
                throw new DomainException("scope.departments", "适用于全部部门时不能再列出部门（两者只能选一）");
            }
            return scope;
        }
        if (scope.departments().isEmpty()) {
            throw new DomainException("scope.departments", "适用部门不能为空（全部部门填 allDepartments=true）");
        }
        Set<String> seen = new TreeSet<>();
        for (int i = 0; i < scope.departments().size(); i++) {
            if (scope.departments().get(i) == null) {
                throw new DomainException("scope.departments[" + i + "]", "部门代码不能为空");
            }
            if (!seen.add(scope.departments().get(i).code())) {
                throw new DomainException("scope.departments[" + i + "]", "部门重复: " + scope.departments().get(i));
            }
        }
        return new RubricScope(false, seen.stream().map(DepartmentId::new).toList());
    }

    private void requireTree(List<RubricNode> tree, BigDecimal totalWeight) {
        if (tree == null || tree.isEmpty()) {
            throw new DomainException("tree", "评分规则至少需要一个一级指标");
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < tree.size(); i++) {
            requireNode("tree[" + i + "]", tree.get(i), 1);
            sum = sum.add(tree.get(i).weight());
        }
        if (sum.compareTo(totalWeight) != 0) {
            throw new DomainException("tree", "一级指标分值合计 " + sum.toPlainString() + " 不等于总分 " + totalWeight.toPlainString());
        }
        groupCodeByPath.forEach((path, code) -> {
            if (!pathByCode.containsKey(code)) {
                throw new DomainException(path, "指标组编码在本评分规则中不存在: " + code);
            }
        });
    }

    private void requireNode(String path, RubricNode node, int depth) {
        if (node == null) {
            throw new DomainException(path, "指标节点不能为空");
        }
        if (depth > MAX_DEPTH) {
            throw new DomainException(path, "指标层级不能超过 " + MAX_DEPTH + " 级");
        }
        if (node.code() == null) {
            throw new DomainException(path + ".code", "编码不能为空");
        }
        String earlier = pathByCode.putIfAbsent(node.code().value(), path);
        if (earlier != null) {
            throw new DomainException(path + ".code", "编码重复: " + node.code() + "（已用于 " + earlier + "）");
        }
        Ids.requireText(path + ".name", node.name(), 200);
        BigDecimal weight = requireWeight(path + ".weight", node.weight(), "分值");
        Ids.optionalText(path + ".description", node.description(), 2000);
        Ids.optionalText(path + ".criteria", node.criteria(), 4000);
        Ids.optionalText(path + ".provenance", node.provenance(), 4000);
        if (node.leaf()) {
            requireLeaf(path, node, weight);
            return;
        }
        if (node.rule() != null) {
            throw new DomainException(path + ".rule", "有下级指标的节点不能设置评分规则（评分规则只设在末级指标上）");
        }
        if (node.input() != null) {
            throw new DomainException(path + ".input", "有下级指标的节点不能设置输入来源");
        }
        if (node.rounding() != null) {
            throw new DomainException(path + ".rounding", "只有末级指标可以单独设置计分精度");
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (int j = 0; j < node.children().size(); j++) {
            RubricNode child = node.children().get(j);
            requireNode(path + ".children[" + j + "]", child, depth + 1);
            sum = sum.add(child.weight());
        }
        if (sum.compareTo(weight) != 0) {
            throw new DomainException(path + ".children", "下级指标分值合计 " + sum.toPlainString() + " 不等于本级分值 "
                    + weight.toPlainString() + "（" + node.name() + "）");
        }
    }

    private void requireLeaf(String path, RubricNode leaf, BigDecimal weight) {
        ScoringRule rule = leaf.rule();
        InputReference input = leaf.input();
        if (rule == null) {
            throw new DomainException(path + ".rule", "末级指标必须设置评分规则");
        }
        if (input == null) {
            throw new DomainException(path + ".input", "末级指标必须设置输入来源");
        }
        if (!rule.accepts(input)) {
            throw new DomainException(path + ".input", "评分规则「" + rule.label() + "」需要" + rule.expectedInputs()
                    + "作为输入，不能使用「" + input.label() + "」");
        }
        if (leaf.rounding() != null) {
            requireRounding(path + ".rounding", leaf.rounding());
        }
        rules.requireRule(path + ".rule", rule, weight);
        requireInput(path + ".input", input);
    }

    private void requireInput(String path, InputReference input) {
        if (input instanceof LedgerMetricInput metric) {
            if (metric.metric() == null) {
                throw new DomainException(path + ".metric", "账本指标不能为空");
            }
        } else if (input instanceof IndicatorInput indicator) {
            if ((indicator.indicatorId() == null) == (indicator.taggedWith() == null)) {
                throw new DomainException(path, "须且只能指定 indicatorId（指标编码）或 taggedWith（指标所挂评分项编码）之一");
            }
        } else if (input instanceof LedgerMetricTargetInput against) {
            RuleValidator.requireMetricTarget(path, against);
        } else if (input instanceof IndicatorGroupInput group) {
            if (group.groupCode() == null) {
                throw new DomainException(path + ".groupCode", "指标组编码不能为空");
            }
            groupCodeByPath.put(path + ".groupCode", group.groupCode().value());
            if (group.pathPrefix().size() > MAX_PATH_PREFIX) {
                throw new DomainException(path + ".pathPrefix", "指标层级前缀最多 " + MAX_PATH_PREFIX + " 级");
            }
            for (int k = 0; k < group.pathPrefix().size(); k++) {
                Ids.requireText(path + ".pathPrefix[" + k + "]", group.pathPrefix().get(k), 100);
            }
        }
    }

    private static void requireRounding(String path, Rounding rounding) {
        if (rounding == null) {
            throw new DomainException(path, "计分精度不能为空（小数位数与舍入方式）");
        }
        if (rounding.decimals() < 0 || rounding.decimals() > 4) {
            throw new DomainException(path + ".decimals", "小数位数必须在 0 到 4 之间: " + rounding.decimals());
        }
        if (rounding.mode() == null) {
            throw new DomainException(path + ".mode", "舍入方式不能为空，例如 HALF_UP（四舍五入）");
        }
        if (rounding.mode() == RoundingMode.UNNECESSARY) {
            throw new DomainException(path + ".mode", "舍入方式不能是 UNNECESSARY：得分必须能够舍入");
        }
    }

    private static void requireGrades(GradeScale grades) {
        List<GradeScale.GradeBand> bands = grades.bands();
        if (bands.isEmpty()) {
            throw new DomainException("grades.bands", "等级表至少需要一档");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < bands.size(); i++) {
            String path = "grades.bands[" + i + "]";
            GradeScale.GradeBand band = bands.get(i);
            if (band == null) {
                throw new DomainException(path, "等级不能为空");
            }
            String grade = Ids.requireText(path + ".grade", band.grade(), 10);
            if (!names.add(grade)) {
                throw new DomainException(path + ".grade", "等级名称重复: " + grade);
            }
            boolean last = i == bands.size() - 1;
            if (last && band.minScore() != null) {
                throw new DomainException(path + ".minScore", "最后一档不设下限，使任何得分都有等级");
            }
            if (!last && band.minScore() == null) {
                throw new DomainException(path + ".minScore", "只有最后一档可以不设下限");
            }
            if (i > 0 && !last && band.minScore().compareTo(bands.get(i - 1).minScore()) >= 0) {
                throw new DomainException(path + ".minScore", "等级下限必须从高到低排列");
            }
        }
    }

    private static BigDecimal requireWeight(String field, BigDecimal value, String label) {
        requirePositive(field, value, label);
        if (value.stripTrailingZeros().scale() > 2) {
            throw new DomainException(field, label + "最多保留两位小数: " + value.toPlainString());
        }
        return value;
    }

    static BigDecimal requirePositive(String field, BigDecimal value, String label) {
        if (value == null) {
            throw new DomainException(field, label + "不能为空");
        }
        if (value.signum() <= 0) {
            throw new DomainException(field, label + "必须大于 0: " + value.toPlainString());
        }
        return value;
    }

    static BigDecimal requireNonNegative(String field, BigDecimal value, String label) {
        if (value == null) {
            throw new DomainException(field, label + "不能为空");
        }
        if (value.signum() < 0) {
            throw new DomainException(field, label + "不能为负数: " + value.toPlainString());
        }
        return value;
    }
}
