package cn.perfledger.app.ui.entry;

import cn.perfledger.app.api.ApiExceptionHandler;
import cn.perfledger.app.command.NotFoundException;
import cn.perfledger.domain.common.ConflictException;
import cn.perfledger.domain.common.DomainException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * The values of one submitted form and the API's reading of them: a form becomes the JSON body the API endpoint
 * would receive, read by the application's own {@link ObjectMapper} (the same value types, formats and refusals),
 * checked by the same Bean Validation annotations, and sent through the endpoint method. A refusal at any step is
 * worded by the API's own mapping ({@link ApiExceptionHandler}, the ledger's {@link DomainException}), so a page
 * shows exactly the field and rule the API answers.
 */
public final class FormValues {

    private final Map<String, String> values;
    private final ObjectMapper json;
    private final Validator validator;
    private final ApiExceptionHandler apiErrors;
    private final HttpServletRequest request;

    FormValues(Map<String, String> values, ObjectMapper json, Validator validator, ApiExceptionHandler apiErrors,
            HttpServletRequest request) {
        this.values = values;
        this.json = json;
        this.validator = validator;
        this.apiErrors = apiErrors;
        this.request = request;
    }

    /** The trimmed value of {@code name}, or null when the field was left empty. */
    public String get(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    public Map<String, String> all() {
        return values;
    }

    /** A JSON body with the named fields that were filled in (empty fields are absent, as a client omits them). */
    public ObjectNode body(String... names) {
        ObjectNode body = json.createObjectNode();
        for (String name : names) {
            String value = get(name);
            if (value != null) {
                body.put(name, value);
            }
        }
        return body;
    }

    /**
     * A rate typed as a percentage ("75%", "75 %") as the API's fraction ("0.75"); anything else unchanged, so the
     * API words what is wrong with it.
     */
    public static String fraction(String text) {
        if (text == null || !text.endsWith("%")) {
            return text;
        }
        try {
            return new BigDecimal(text.substring(0, text.length() - 1).strip()).movePointLeft(2).toPlainString();
        } catch (NumberFormatException e) {
            return text;
        }
    }

    /** The API's request record read from {@code body}, or the API's refusal of it. */
    public <R> R read(Class<R> type, ObjectNode body) {
        R value;
        try {
            value = json.readValue(json.writeValueAsBytes(body), type);
        } catch (java.io.IOException e) {
            throw refusal(new HttpMessageNotReadableException(e.getMessage(), e,
                    new ServletServerHttpRequest(request)));
        }
        List<ConstraintViolation<R>> violations = validator.validate(value).stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString())).toList();
        if (!violations.isEmpty()) {
            throw new FormRejected(400, violations.stream()
                    .map(v -> new FormRejected.FieldError(v.getPropertyPath().toString(), v.getMessage())).toList());
        }
        return value;
    }

    /** Runs an endpoint method; the ledger's refusal becomes the form's, with the API's status. */
    public static <T> T refusedAs(Supplier<T> endpoint) {
        try {
            return endpoint.get();
        } catch (ConflictException e) {
            throw FormRejected.of(409, e.field(), e.rule());
        } catch (DomainException e) {
            throw FormRejected.of(400, e.field(), e.rule());
        } catch (NotFoundException e) {
            throw FormRejected.of(404, e.field(), e.rule());
        }
    }

    private FormRejected refusal(Exception unreadable) {
        try {
            ResponseEntity<Object> answer = apiErrors.handleException(unreadable, new ServletWebRequest(request));
            if (answer != null && answer.getBody() instanceof ProblemDetail problem && problem.getProperties() != null) {
                Object field = problem.getProperties().get("field");
                Object rule = problem.getProperties().get("rule");
                return FormRejected.of(answer.getStatusCode().value(), field == null ? null : field.toString(),
                        String.valueOf(rule));
            }
        } catch (Exception e) {
            // not one of the exceptions the API maps: fall through to a plain refusal
        }
        return FormRejected.of(400, null, "无法读取表单内容");
    }
}
