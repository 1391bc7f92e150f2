package cn.perfledger.domain.common;

/**
 * The code of one node of a rubric tree (一级/二级/三级指标), e.g. {@code M.FUND.BUDGET-COMPLETION}. Evaluations
 * use it to say which rubric item a judgement score, an indicator or an indicator group belongs to.
 */
public record RubricItemCode(String value) {

    public RubricItemCode {
        Ids.requireCode("rubricItemCode", value, 64);
    }

    @Override
    public String toString() {
        return value;
    }
}
