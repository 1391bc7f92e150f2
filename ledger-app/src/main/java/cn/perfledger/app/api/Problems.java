package cn.perfledger.app.api;

import java.net.URI;

/** Problem types of the API (RFC 9457 {@code type}), each with its Chinese title. */
public enum Problems {
    INVALID_REQUEST("invalid-request", "请求格式或取值错误"),
    RULE_VIOLATION("rule-violation", "违反账本规则，未写入任何记录"),
    CONFLICT("conflict", "与账本已有记录冲突，未写入任何记录"),
    NOT_FOUND("not-found", "未找到"),
    INVALID_TABLE("invalid-table", "自评表有误，未写入任何记录"),
    INTERNAL("internal", "服务器内部错误");

    private final URI type;
    private final String title;

    Problems(String slug, String title) {
        this.type = URI.create("urn:perfledger:problem:" + slug);
        this.title = title;
    }

    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }
}
