package cn.perfledger.app.security;

import cn.perfledger.app.api.ProblemFactory;
import cn.perfledger.app.api.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/** 401, 403 and firewall-rejection answers of the API as RFC 9457 Problem Details in Chinese, like every other API refusal. */
public final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    static final String REALM = "perf-ledger";

    private final ObjectMapper json;

    public ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof SignInThrottledException throttled) {
            response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
            write(request, response, 429, "sign-in-throttled", "登录失败次数过多，请稍后再试，未写入任何记录",
                    "Authorization", throttled.rule());
            return;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        write(request, response, 401, "unauthenticated", "未登录或用户名、密码错误，未写入任何记录", "Authorization",
                "请用 HTTP Basic 提供有效的用户名和密码");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        String who = CurrentUser.get().map(u -> u.getUsername() + "（" + u.roleLabels() + "，部门范围：" + u.scope()
                + "）").orElse("当前用户");
        write(request, response, 403, "forbidden", "无权执行此操作，未写入任何记录", "role",
                who + " 无权对此路径执行 " + request.getMethod() + "：需要相应角色且部门在其范围内");
    }

    /** The firewall refused the request before anything ran (encoded slashes, dot segments, bad headers…). */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        write(request, response, 400, "invalid-request", "请求格式或取值错误", rejectedField(e), rejectedRule(e));
    }

    /** {@code path} or {@code header}: which part of the request the firewall objected to. */
    public static String rejectedField(RequestRejectedException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("header") ? "header" : message.contains("parameter") ? "parameter" : "path";
    }

    public static String rejectedRule(RequestRejectedException e) {
        return switch (rejectedField(e)) {
            case "header" -> "请求头的名称或取值含有不允许的字符，未处理";
            case "parameter" -> "请求参数的名称或取值含有不允许的字符，未处理";
            default -> "请求路径含有不允许的内容（编码的斜杠或点、反斜杠、控制字符或 .. 段），未处理";
        };
    }

    private void write(HttpServletRequest request, HttpServletResponse response, int status, String slug,
            String title, String field, String rule) throws IOException {
        ProblemFactory.write(ProblemFactory.problem(HttpStatusCode.valueOf(status), Problems.type(slug), title, field,
                rule, request), response, json);
    }
}
