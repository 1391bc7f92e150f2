package cn.perfledger.domain.common;

/** Identifies a budget line within a department-year, chosen by the clerk (e.g. {@code L-0001}). */
public record BudgetLineId(String value) {

    public BudgetLineId {
        Ids.requireCode("budgetLineId", value, 64);
    }

    @Override
    public String toString() {
        return value;
    }
}
