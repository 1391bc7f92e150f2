package cn.perfledger.app.ui.form;

import cn.perfledger.app.api.ApiExceptionHandler;
import cn.perfledger.app.api.RequestTextGuard;
import cn.perfledger.app.command.NotFoundException;
import cn.perfledger.domain.common.DomainException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * A form's values sent as the API request they stand for, through the API's own steps in the API's order: the
 * JSON body read by the application's ObjectMapper into the endpoint's request record (its refusals worded by the
 * API's {@link ApiExceptionHandler}), the text guard ({@link RequestTextGuard}), the record's bean-validation
 * annotations, then the API controller's own method, which builds the command and sends it through
 * {@code ApiCommands}. A refusal at any step lands in the {@link FormState} under the field the API names,
 * prefixed for rows of a sheet; nothing here checks a rule of its own.
 */
@Component
public class ApiForm {

    private final ObjectMapper json;
    private final Validator validator;
    private final ApiExceptionHandler problems;

    public ApiForm(ObjectMapper json, Validator validator, ApiExceptionHandler problems) {
        this.json = json;
        this.validator = validator;
        this.problems = problems;
    }

    /** Reads {@code body} as {@code type}; empty when refused (the refusal is in {@code state}). */
    public <R> Optional<R> read(FormState state, String prefix, Class<R> type, Map<String, ?> body) {
        try {
            return read(state, prefix, type, json.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException("a form's values always serialize", e);
        }
    }

    /** Reads a JSON document (an uploaded file) as {@code type}, with the API's checks before its controller. */
    public <R> Optional<R> read(FormState state, String prefix, Class<R> type, byte[] document) {
        R request;
        try {
            request = json.readValue(document, type);
        } catch (IOException | RuntimeException e) {
            refuseUnreadable(state, prefix, e);
            return Optional.empty();
        }
        try {
            RequestTextGuard.check(request, "", 0);
        } catch (DomainException e) {
            state.reject(prefix + e.field(), e.rule());
            return Optional.empty();
        }
        boolean valid = true;
        for (ConstraintViolation<R> violation : validator.validate(request)) {
            state.reject(prefix + violation.getPropertyPath(), violation.getMessage());
            valid = false;
        }
        return valid ? Optional.of(request) : Optional.empty();
    }

    /** Sends {@code request} through the API controller's method; false when refused. */
    public <R> boolean send(FormState state, String prefix, R request, Function<R, ?> endpoint) {
        try {
            endpoint.apply(request);
            return true;
        } catch (DomainException e) {
            state.reject(prefix + nullToEmpty(e.field()), e.rule());
        } catch (NotFoundException e) {
            state.reject(prefix + nullToEmpty(e.field()), e.rule());
        } catch (ErrorResponseException e) {
            reject(state, prefix, e.getBody());
        } catch (ConstraintViolationException e) {
            e.getConstraintViolations().forEach(v -> state.reject(prefix + v.getPropertyPath(), v.getMessage()));
        }
        return false;
    }

    /** {@link #read} then {@link #send}: the whole API path of one form. */
    public <R> boolean submit(FormState state, String prefix, Class<R> type, Map<String, ?> body,
            Function<R, ?> endpoint) {
        return read(state, prefix, type, body).map(r -> send(state, prefix, r, endpoint)).orElse(false);
    }

    private void refuseUnreadable(FormState state, String prefix, Exception cause) {
        HttpMessageNotReadableException unreadable = new HttpMessageNotReadableException("form", cause, EMPTY);
        try {
            ServletRequestAttributes attributes = (ServletRequestAttributes) RequestContextHolder
                    .currentRequestAttributes();
            ResponseEntity<Object> answer = problems.handleException(unreadable,
                    new ServletWebRequest(attributes.getRequest(), attributes.getResponse()));
            if (answer != null && answer.getBody() instanceof ProblemDetail problem) {
                reject(state, prefix, problem);
                return;
            }
        } catch (Exception e) {
            // fall through to the generic wording below
        }
        state.reject(prefix + "body", "无法读取: " + cause.getMessage());
    }

    private static void reject(FormState state, String prefix, ProblemDetail problem) {
        Map<String, Object> properties = problem.getProperties() == null ? Map.of() : problem.getProperties();
        Object field = properties.get("field");
        Object rule = properties.getOrDefault("rule", problem.getDetail());
        state.reject(prefix + (field == null ? "" : field), String.valueOf(rule));
    }

    private static String nullToEmpty(String field) {
        return field == null ? "" : field;
    }

    private static final HttpInputMessage EMPTY = new HttpInputMessage() {
        @Override
        public InputStream getBody() {
            return new ByteArrayInputStream(new byte[0]);
        }

        @Override
        public HttpHeaders getHeaders() {
            return HttpHeaders.EMPTY;
        }
    };
}
