package cn.perfledger.domain.common;

/** One department's fiscal year: the id of its budget ledger, written {@code DEPT/2021}. */
public record FiscalYearId(DepartmentId department, FiscalYear year) {

    public FiscalYearId {
        if (department == null) {
            throw new DomainException("departmentId", "部门不能为空");
        }
        if (year == null) {
            throw new DomainException("year", "年度不能为空");
        }
    }

    public static FiscalYearId of(String departmentCode, int year) {
        return new FiscalYearId(new DepartmentId(departmentCode), new FiscalYear(year));
    }

    /** Parses the {@code DEPT/2021} form produced by {@link #toString()}. */
    public static FiscalYearId parse(String value) {
        int slash = value == null ? -1 : value.lastIndexOf('/');
        if (slash <= 0) {
            throw new DomainException("fiscalYearId", "部门年度标识应为 部门代码/年度，例如 GZ-ZSJ/2021: " + value);
        }
        try {
            return of(value.substring(0, slash), Integer.parseInt(value.substring(slash + 1)));
        } catch (NumberFormatException e) {
            throw new DomainException("fiscalYearId", "年度必须是四位数字: " + value);
        }
    }

    @Override
    public String toString() {
        return department.code() + "/" + year.year();
    }
}
