package cn.perfledger.domain.common;

/** A department's code, e.g. {@code GZ-ZSJ}; letters, digits, '-' and '_' only so that derived ids stay parseable. */
public record DepartmentId(String code) {

    public DepartmentId {
        Ids.requireCode("departmentId", code, 32);
    }

    @Override
    public String toString() {
        return code;
    }
}
