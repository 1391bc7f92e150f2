package cn.perfledger.cli.http;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The server refused or failed a request (HTTP status ≥ 400). {@code problem} is its RFC 9457 Problem Details
 * body ({@code title}, {@code detail}, {@code field}, {@code rule}, maybe {@code errors}) when it sent one, else
 * null and {@code rawBody} holds what it sent (an HTML page from a proxy, an empty 401, …).
 */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient JsonNode problem;
    private final String rawBody;

    public ApiException(int status, JsonNode problem, String rawBody) {
        super("HTTP " + status);
        this.status = status;
        this.problem = problem;
        this.rawBody = rawBody;
    }

    public int status() {
        return status;
    }

    public JsonNode problem() {
        return problem;
    }

    public String rawBody() {
        return rawBody;
    }
}
