package cn.perfledger.domain.common;

/** Identifies a procurement item (政府采购项目) within a department-year. */
public record ProcurementId(String value) {

    public ProcurementId {
        Ids.requireCode("procurementId", value, 64);
    }

    @Override
    public String toString() {
        return value;
    }
}
