package cn.perfledger.app.ui.form;

import cn.perfledger.app.api.ApiExceptionHandler;
import cn.perfledger.app.api.RequestTextGuard;
import cn.perfledger.app.command.NotFoundException;
import cn.perfledger.domain.common.ConflictException;
import cn.perfledger.domain.common.DomainException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
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
 * {@code ApiCommands}. A refusal at any step is a {@link FormRejected} with the API's status and the field the API
 * names; the evaluation and administration pages collect it in their {@link FormState} (prefixed for rows of a
 * sheet), the entry pages draw it next to the field. Nothing here checks a rule of its own.
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

    /** The API's request record read from {@code body} (a map or a JSON tree), or the API's refusal of it. */
    public <R> R request(Class<R> type, Object body) {
        try {
            return request(type, json.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a form's values always serialize", e);
        }
    }

    /** Reads a JSON document (a form's body, an uploaded file) as {@code type}, with the API's checks in order. */
    public <R> R request(Class<R> type, byte[] document) {
        R request;
        try {
            request = json.readValue(document, type);
        } catch (IOException | RuntimeException e) {
            throw unreadable(e);
        }
        try {
            RequestTextGuard.check(request, "", 0);
        } catch (DomainException e) {
            throw FormRejected.of(400, e.field(), e.rule());
        }
        List<ConstraintViolation<R>> violations = validator.validate(request).stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString())).toList();
        if (!violations.isEmpty()) {
            throw new FormRejected(400, violations.stream()
                    .map(v -> new FormRejected.FieldError(v.getPropertyPath().toString(), v.getMessage())).toList());
        }
        return request;
    }

    /** Runs an API controller's method; the ledger's refusal becomes the form's, with the API's status. */
    public static <T> T refusedAs(Supplier<T> endpoint) {
        try {
            return endpoint.get();
        } catch (ConflictException e) {
            throw FormRejected.of(409, e.field(), e.rule());
        } catch (DomainException e) {
            throw FormRejected.of(400, e.field(), e.rule());
        } catch (NotFoundException e) {
            throw FormRejected.of(404, e.field(), e.rule());
        } catch (ErrorResponseException e) {
            throw rejected(e.getStatusCode().value(), e.getBody());
        } catch (ConstraintViolationException e) {
            throw new FormRejected(400, e.getConstraintViolations().stream()
                    .map(v -> new FormRejected.FieldError(v.getPropertyPath().toString(), v.getMessage())).toList());
        }
    }

    /** Reads {@code body} as {@code type}; empty when refused (the refusal is in {@code state}). */
    public <R> Optional<R> read(FormState state, String prefix, Class<R> type, Map<String, ?> body) {
        try {
            return Optional.of(request(type, (Object) body));
        } catch (FormRejected e) {
            state.reject(prefix, e);
            return Optional.empty();
        }
    }

    /** Reads a JSON document (an uploaded file) as {@code type}; empty when refused (the refusal is in {@code state}). */
    public <R> Optional<R> read(FormState state, String prefix, Class<R> type, byte[] document) {
        try {
            return Optional.of(request(type, document));
        } catch (FormRejected e) {
            state.reject(prefix, e);
            return Optional.empty();
        }
    }

    /** Sends {@code request} through the API controller's method; false when refused. */
    public <R> boolean send(FormState state, String prefix, R request, Function<R, ?> endpoint) {
        try {
            refusedAs(() -> endpoint.apply(request));
            return true;
        } catch (FormRejected e) {
            state.reject(prefix, e);
            return false;
        }
    }

    /** {@link #read} then {@link #send}: the whole API path of one form. */
    public <R> boolean submit(FormState state, String prefix, Class<R> type, Map<String, ?> body,
            Function<R, ?> endpoint) {
        return read(state, prefix, type, body).map(r -> send(state, prefix, r, endpoint)).orElse(false);
    }

    private FormRejected unreadable(Exception cause) {
        HttpMessageNotReadableException unreadable = new HttpMessageNotReadableException("form", cause, EMPTY);
        try {
            ServletRequestAttributes attributes = (ServletRequestAttributes) RequestContextHolder
                    .currentRequestAttributes();
            ResponseEntity<Object> answer = problems.handleException(unreadable,
                    new ServletWebRequest(attributes.getRequest(), attributes.getResponse()));
            if (answer != null && answer.getBody() instanceof ProblemDetail problem) {
                return rejected(answer.getStatusCode().value(), problem);
            }
        } catch (Exception e) {
            // not one of the exceptions the API maps: fall through to the plain wording below
        }
        return FormRejected.of(400, "body", "无法读取表单内容");
    }

    private static FormRejected rejected(int status, ProblemDetail problem) {
        Map<String, Object> properties = problem.getProperties() == null ? Map.of() : problem.getProperties();
        Object field = properties.get("field");
        Object rule = properties.getOrDefault("rule", problem.getDetail());
        return FormRejected.of(status, field == null ? null : field.toString(), String.valueOf(rule));
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
