package cn.perfledger.app.api;

import cn.perfledger.app.json.LedgerJson;
import cn.perfledger.app.security.ProblemResponses;
import org.springframework.security.web.firewall.RequestRejectedException;
import cn.perfledger.app.command.NotFoundException;
import cn.perfledger.domain.common.ConflictException;
import cn.perfledger.domain.common.DomainException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API as an RFC 9457 Problem Details body ({@code application/problem+json}) with two extra
 * members: {@code field} (the JSON path or parameter the problem is about, e.g. {@code entries[2].amount}) and
 * {@code rule} (what was wrong, in Chinese). Validation errors also list all of them in {@code errors}.
 *
 * <table>
 *   <caption>Mapping</caption>
 *   <tr><td>malformed JSON, a name twice in one object, text after the JSON value, wrong types, bad values,
 *       missing/invalid parameters</td><td>400</td></tr>
 *   <tr><td>{@link DomainException} (a ledger rule refused the command)</td><td>400</td></tr>
 *   <tr><td>{@link ConflictException} (id taken, voucher number reused, concurrent modification)</td><td>409</td></tr>
 *   <tr><td>{@link NotFoundException} (unknown department, year, …)</td><td>404</td></tr>
 *   <tr><td>anything else</td><td>500, logged, without internals</td></tr>
 * </table>
 * Refused commands write nothing: the unit of work rolled back before any event was stored.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> conflict(ConflictException e, WebRequest request) {
        return problem(HttpStatus.CONFLICT, Problems.CONFLICT, e.field(), e.rule(), request);
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<Object> ruleViolation(DomainException e, WebRequest request) {
        return problem(HttpStatus.BAD_REQUEST, Problems.RULE_VIOLATION, e.field(), e.rule(), request);
    }

    /** The firewall's lazy checks (a header read inside a controller) refuse the request there. */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> rejected(RequestRejectedException e, WebRequest request) {
        return problem(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST, ProblemResponses.rejectedField(e),
                ProblemResponses.rejectedRule(e), request);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException e, WebRequest request) {
        return problem(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, e.field(), e.rule(), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        log.error("unexpected failure of {}", describe(request), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, Problems.INTERNAL, null,
                "服务器内部错误，已记录日志；请求是否已生效请查询该年度的记录", request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        LedgerJson.Refusal strict = LedgerJson.strictnessRefusal(ex);
        if (strict != null) {
            return problem(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST, strict.field(), strict.rule(), request);
        }
        Throwable cause = ex.getCause();
        DomainException domain = find(ex, DomainException.class);
        String path = cause instanceof JsonMappingException mapping ? path(mapping) : "";
        String field;
        String rule;
        if (domain != null) {
            // a value constructor refused it: the path points at the value (or at the object being built)
            field = cause instanceof ValueInstantiationException ? join(path, domain.field()) : orNull(path);
            rule = domain.rule();
            if (domain instanceof ConflictException) {
                return problem(HttpStatus.CONFLICT, Problems.CONFLICT, field, rule, request);
            }
        } else if (cause instanceof InvalidFormatException invalid) {
            field = orNull(path);
            rule = "取值无效: " + invalid.getValue() + allowedValues(invalid.getTargetType());
        } else if (cause instanceof MismatchedInputException mismatch) {
            field = orNull(path);
            rule = "类型错误，应为" + describeType(mismatch.getTargetType()) + allowedValues(mismatch.getTargetType());
        } else if (cause instanceof JsonParseException parse) {
            field = orNull(path);
            rule = "JSON 格式错误（第 " + parse.getLocation().getLineNr() + " 行第 " + parse.getLocation().getColumnNr()
                    + " 列）: " + parse.getOriginalMessage();
        } else if (cause instanceof JsonMappingException mapping) {
            field = orNull(path);
            rule = "无法读取: " + mapping.getOriginalMessage();
        } else {
            field = "body";
            rule = "请求体缺失或不是 JSON";
        }
        return problem(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST, field, rule, request);
    }

    /**
     * The other exceptions Spring MVC itself raises (unknown path 404, wrong method 405, unsupported media type 415,
     * not acceptable 406, payload too large, …) keep their status and headers but get the same body as every other
     * problem ({@link ProblemFactory}), with {@code field} and {@code rule} in Chinese.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response == null || !(response.getBody() instanceof ProblemDetail problem)
                || (problem.getProperties() != null && problem.getProperties().containsKey("rule"))) {
            return response;
        }
        String field = switch (statusCode.value()) {
            case 404 -> "path";
            case 405 -> "method";
            case 406 -> "Accept";
            case 413 -> "body";
            case 415 -> "Content-Type";
            default -> "request";
        };
        String rule = switch (statusCode.value()) {
            case 404 -> "没有这个接口（路径不存在）";
            case 405 -> "该路径不支持此 HTTP 方法";
            case 406 -> "无法按 Accept 要求的格式回答（支持 application/json）";
            case 413 -> "请求体过大";
            case 415 -> "不支持的请求体类型（应为 application/json）";
            default -> problem.getDetail() == null ? "请求无效" : problem.getDetail();
        };
        Problems kind = statusCode.value() == 404 ? Problems.NOT_FOUND
                : statusCode.is5xxServerError() ? Problems.INTERNAL : Problems.INVALID_REQUEST;
        ProblemDetail ours = ProblemFactory.problem(statusCode, kind, field, rule, servletRequest(request));
        return ResponseEntity.status(statusCode).headers(response.getHeaders())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(ours);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (ObjectError error : ex.getBindingResult().getAllErrors()) {
            String field = error instanceof FieldError fieldError ? fieldError.getField() : error.getObjectName();
            errors.add(Map.of("field", field, "rule", String.valueOf(error.getDefaultMessage())));
        }
        return validationProblem(errors, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error -> errors.add(
                Map.of("field", String.valueOf(result.getMethodParameter().getParameterName()),
                        "rule", String.valueOf(error.getDefaultMessage())))));
        return validationProblem(errors, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        DomainException domain = find(ex, DomainException.class);
        String rule = domain != null ? domain.rule()
                : "类型错误，应为" + describeType(ex.getRequiredType()) + allowedValues(ex.getRequiredType())
                        + ": " + ex.getValue();
        return problem(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST, ex.getPropertyName(), rule, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST, ex.getParameterName(), "缺少必填参数",
                request);
    }

    private ResponseEntity<Object> validationProblem(List<Map<String, String>> errors, WebRequest request) {
        Map<String, String> first = errors.isEmpty() ? Map.of("field", "", "rule", "请求无效") : errors.get(0);
        ResponseEntity<Object> response = problem(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST,
                first.get("field"), first.get("rule"), request);
        ((ProblemDetail) response.getBody()).setProperty("errors", errors);
        return response;
    }

    static ResponseEntity<Object> problem(HttpStatus status, Problems kind, String field, String rule,
            WebRequest request) {
        return ProblemFactory.response(ProblemFactory.problem(status, kind, field, rule, servletRequest(request)));
    }

    private static jakarta.servlet.http.HttpServletRequest servletRequest(WebRequest request) {
        return request instanceof ServletWebRequest servlet ? servlet.getRequest() : null;
    }

    /** {@code entries[2].amount} from Jackson's reference path. */
    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String join(String path, String field) {
        if (path.isEmpty()) {
            return field;
        }
        return field == null || field.isEmpty() ? path : path + "." + field;
    }

    /** A problem with the body as a whole (broken JSON, empty body, wrong root type) names {@code body}. */
    private static String orNull(String path) {
        return path.isEmpty() ? "body" : path;
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 32; t = t.getCause(), depth++) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String allowedValues(Class<?> type) {
        if (type != null && type.isEnum()) {
            return "（可选: " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", ")) + "）";
        }
        return "";
    }

    static String describeType(Class<?> type) {
        if (type == null) {
            return "其他类型";
        }
        if (type == String.class || type.isEnum() || type.getName().startsWith("cn.perfledger.domain.common.")) {
            return "字符串";
        }
        if (type == java.time.LocalDate.class) {
            return "日期（yyyy-MM-dd）";
        }
        if (type == java.time.Instant.class) {
            return "ISO-8601 时刻（例如 2022-03-15T00:00:00Z）";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "整数";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "数字";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true 或 false";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "数组";
        }
        return "对象";
    }

    private static String describe(WebRequest request) {
        return request instanceof ServletWebRequest servlet
                ? servlet.getRequest().getMethod() + " " + servlet.getRequest().getRequestURI()
                : request.getDescription(false);
    }
}
