package cn.perfledger.app.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The one place that builds and writes the API's RFC 9457 Problem Details bodies ({@code application/problem+json}),
 * whoever refuses the request: the exception handlers of the controllers ({@link ApiExceptionHandler}, the import
 * controllers), the security chain (401, 403, firewall: {@code security.ProblemResponses}) and filters
 * ({@code IdempotencyFilter}). Every body has the same members:
 * <ul>
 *   <li>{@code type} ({@code urn:perfledger:problem:…}, see {@link Problems}), {@code title} (Chinese),
 *       {@code status}, {@code detail} ({@code "field: rule"} unless the caller words it), {@code instance} (the
 *       request path);</li>
 *   <li>{@code field} (the JSON path, parameter or header the problem is about) and {@code rule} (what was wrong, in
 *       Chinese);</li>
 *   <li>{@code correlationId} when a command was sent for the request; callers may add more (e.g. {@code errors}).</li>
 * </ul>
 */
public final class ProblemFactory {

    private ProblemFactory() {
    }

    /** A body of one of the API's problem kinds. */
    public static ProblemDetail problem(HttpStatusCode status, Problems kind, String field, String rule,
            HttpServletRequest request) {
        return problem(status, kind.type(), kind.title(), field, rule, request);
    }

    /** A body with an explicit type and title (security and filters name their own kinds). */
    public static ProblemDetail problem(HttpStatusCode status, URI type, String title, String field, String rule,
            HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(type);
        problem.setTitle(title);
        problem.setDetail(field == null || field.isEmpty() ? rule : field + ": " + rule);
        if (request != null) {
            problem.setInstance(URI.create(request.getRequestURI()));
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("field", field);
        properties.put("rule", rule);
        String correlationId = request == null ? null : ApiCommands.correlationIdOf(request);
        if (correlationId != null) {
            properties.put("correlationId", correlationId);
        }
        problem.setProperties(properties);
        return problem;
    }

    /** The answer of an exception handler. */
    public static <T> ResponseEntity<T> response(ProblemDetail problem) {
        @SuppressWarnings("unchecked")
        T body = (T) problem;
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    /** Writes the body directly, for code that runs outside Spring MVC (filters, the security chain). */
    public static void write(ProblemDetail problem, HttpServletResponse response, ObjectMapper json) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }
}
