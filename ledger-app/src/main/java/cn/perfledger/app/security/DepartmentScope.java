package cn.perfledger.app.security;

import cn.perfledger.domain.common.DepartmentId;
import cn.perfledger.domain.rubric.RubricScope;
import java.util.Set;
import java.util.TreeSet;

/**
 * The departments a user may see and act on: all of them, or a list of department codes (an auditor may be
 * scoped to several). Stored as {@code *} or a comma-separated list.
 */
public record DepartmentScope(boolean all, Set<String> departments) {

    public static final DepartmentScope ALL = new DepartmentScope(true, Set.of());

    public DepartmentScope {
        departments = all ? Set.of() : Set.copyOf(departments);
    }

    public static DepartmentScope of(String... codes) {
        return new DepartmentScope(false, Set.of(codes));
    }

    /** Parses the stored form; every listed code must be a valid department code. */
    public static DepartmentScope parse(String field, String stored) {
        if (stored == null || stored.isBlank()) {
            throw new cn.perfledger.domain.common.DomainException(field, "部门范围不能为空（全部部门填 *）");
        }
        if (stored.trim().equals("*")) {
            return ALL;
        }
        Set<String> codes = new TreeSet<>();
        for (String part : stored.split(",")) {
            String code = part.trim();
            if (!code.isEmpty()) {
                try {
                    codes.add(new DepartmentId(code).code());
                } catch (cn.perfledger.domain.common.DomainException e) {
                    throw new cn.perfledger.domain.common.DomainException(field, e.rule());
                }
            }
        }
        if (codes.isEmpty()) {
            throw new cn.perfledger.domain.common.DomainException(field, "部门范围不能为空（全部部门填 *）");
        }
        return new DepartmentScope(false, codes);
    }

    public boolean covers(String departmentCode) {
        return all || departments.contains(departmentCode);
    }

    /** True when every department that may use a rubric version is in this scope (a scope of all covers all). */
    public boolean covers(RubricScope rubricScope) {
        if (all) {
            return true;
        }
        return !rubricScope.allDepartments()
                && rubricScope.departments().stream().allMatch(d -> departments.contains(d.code()));
    }

    public String stored() {
        return all ? "*" : String.join(",", new TreeSet<>(departments));
    }

    @Override
    public String toString() {
        return all ? "全部部门" : String.join("、", new TreeSet<>(departments));
    }
}
