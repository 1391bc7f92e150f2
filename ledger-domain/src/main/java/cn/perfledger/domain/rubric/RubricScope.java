package cn.perfledger.domain.rubric;

import cn.perfledger.domain.common.DepartmentId;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which departments may use a rubric version (its owner scope): all of them, or a list. Published with the
 * version and never changed: a different scope is a new version. Who may publish or retire it follows from it
 * (an administrator whose department scope covers it), which the application checks, since users are not events.
 */
public record RubricScope(boolean allDepartments, List<DepartmentId> departments) {

    public RubricScope {
        departments = departments == null ? List.of() : List.copyOf(departments);
    }

    public static RubricScope all() {
        return new RubricScope(true, List.of());
    }

    public static RubricScope of(DepartmentId... departments) {
        return new RubricScope(false, List.of(departments));
    }

    /** True when {@code department} may open, evaluate or re-score a year under the version. */
    public boolean includes(DepartmentId department) {
        return allDepartments || departments.contains(department);
    }

    /** In Chinese for refusals: 全部部门 or the codes joined by 、. */
    public String label() {
        return allDepartments ? "全部部门"
                : departments.stream().map(DepartmentId::code).collect(Collectors.joining("、"));
    }
}
