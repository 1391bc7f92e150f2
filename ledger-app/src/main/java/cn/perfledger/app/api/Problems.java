package cn.perfledger.app.api;

import java.net.URI;

/** Problem types of the API (RFC 9457 {@code type}), each with its Chinese title; bodies come from {@link ProblemFactory}. */
public enum Problems {
    INVALID_REQUEST("invalid-request", "请求格式或取值错误"),
    RULE_VIOLATION("rule-violation", "违反账本规则，未写入任何记录"),
    CONFLICT("conflict", "与账本已有记录冲突，未写入任何记录"),
    NOT_FOUND("not-found", "未找到"),
    INVALID_TABLE("invalid-table", "自评表有误，未写入任何记录"),
    IMPORT_REJECTED("import-rejected", "导入文件有错误，未写入任何记录"),
    IDEMPOTENCY_KEY("idempotency-key", "幂等键冲突，未执行本次请求"),
    UNAUTHENTICATED("unauthenticated", "未登录或用户名、密码错误，未写入任何记录"),
    FORBIDDEN("forbidden", "无权执行此操作，未写入任何记录"),
    INTERNAL("internal", "服务器内部错误");

    private final URI type;
    private final String title;

    Problems(String slug, String title) {
        this.type = type(slug);
        this.title = title;
    }

    /** {@code urn:perfledger:problem:<slug>}. */
    public static URI type(String slug) {
        return URI.create("urn:perfledger:problem:" + slug);
    }

    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }
}
