package cn.perfledger.domain.evaluation;

import cn.perfledger.domain.common.DomainException;
import cn.perfledger.domain.common.FiscalYearId;

/** The self-evaluation of one department-year, written {@code DEPT/2021/evaluation}. */
public record EvaluationId(FiscalYearId fiscalYearId) {

    private static final String SUFFIX = "/evaluation";

    public EvaluationId {
        if (fiscalYearId == null) {
            throw new DomainException("evaluationId", "部门年度不能为空");
        }
    }

    public static EvaluationId of(String departmentCode, int year) {
        return new EvaluationId(FiscalYearId.of(departmentCode, year));
    }

    /** Parses the {@code DEPT/2021/evaluation} form produced by {@link #toString()}. */
    public static EvaluationId parse(String value) {
        if (value == null || !value.endsWith(SUFFIX)) {
            throw new DomainException("evaluationId", "自评标识应为 部门代码/年度/evaluation，例如 GZ-ZSJ/2021/evaluation: " + value);
        }
        return new EvaluationId(FiscalYearId.parse(value.substring(0, value.length() - SUFFIX.length())));
    }

    @Override
    public String toString() {
        return fiscalYearId + SUFFIX;
    }
}
