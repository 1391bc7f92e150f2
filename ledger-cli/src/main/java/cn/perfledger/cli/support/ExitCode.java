package cn.perfledger.cli.support;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exit codes of {@code ledger}, for scripts: one per kind of outcome, so that a script can tell "wrong
 * password" from "no such department" from "server down" without reading Chinese text. docs/CLI.md lists
 * them; {@code ledger --help} too.
 */
public enum ExitCode {
    OK(0, "成功"),
    UNEXPECTED(1, "意外错误（CLI 或服务器回答了无法理解的内容）"),
    USAGE(2, "用法错误（参数或选项有误，未发出请求）"),
    UNAUTHORIZED(3, "身份验证失败：用户名或密码错误（HTTP 401），或登录失败过多被暂时锁定（HTTP 429）"),
    FORBIDDEN(4, "无权执行（HTTP 403）"),
    NOT_FOUND(5, "未找到：部门、年度、评分项或接口不存在（HTTP 404）"),
    REFUSED(6, "输入被拒绝（HTTP 400/409/413/415/422），未写入任何记录"),
    SERVER_ERROR(7, "服务器错误（HTTP 5xx）"),
    UNREACHABLE(8, "无法连接服务器（未启动、地址有误、网络中断或超时）"),
    CHAIN_BROKEN(9, "记录哈希链有断裂：verify 校验发现断裂，或 execution/evaluation/reconcile 的答复所依据的记录链断裂（数字已打印但不可信）");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    /** The exit code for an HTTP error status. */
    public static ExitCode forStatus(int status) {
        return switch (status) {
            case 401, 429 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 400, 409, 413, 415, 422 -> REFUSED;
            default -> status >= 500 ? SERVER_ERROR : UNEXPECTED;
        };
    }

    /** The list for picocli's usage help ("退出码:"). */
    public static Map<String, String> helpList() {
        Map<String, String> list = new LinkedHashMap<>();
        for (ExitCode exit : values()) {
            list.put(String.valueOf(exit.code), exit.meaning);
        }
        return list;
    }
}
