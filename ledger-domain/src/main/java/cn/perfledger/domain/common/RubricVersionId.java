package cn.perfledger.domain.common;

/** Identifies a published rubric version, e.g. {@code gz-municipal-2021@1}. */
public record RubricVersionId(String value) {

    public RubricVersionId {
        Ids.requireCode("rubricVersionId", value, 64);
    }

    @Override
    public String toString() {
        return value;
    }
}
