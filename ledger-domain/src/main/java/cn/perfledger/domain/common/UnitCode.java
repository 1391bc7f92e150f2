package cn.perfledger.domain.common;

/** Identifies a unit (单位) of a department, e.g. {@code BJ} for 本级. */
public record UnitCode(String value) {

    public UnitCode {
        Ids.requireCode("unitCode", value, 32);
    }

    @Override
    public String toString() {
        return value;
    }
}
