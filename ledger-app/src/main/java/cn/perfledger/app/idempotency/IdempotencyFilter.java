package cn.perfledger.app.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import cn.perfledger.app.api.ProblemFactory;
import cn.perfledger.app.api.Problems;
import cn.perfledger.app.security.CurrentUser;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} for every write endpoint (each POST under {@code /api/v1/}), one mechanism for all of
 * them. A request with the header:
 * <ol>
 *   <li>is hashed: SHA-256 over the signed-in user, method, path, query string and body bytes (a key reused by
 *       another user is "another request", so nobody sees another user's stored answer);</li>
 *   <li>claims the key in {@code idempotency_record} (primary key). If the key is already there the request is
 *       not executed: the same hash with a stored response → the original status and body again (header
 *       {@code Idempotency-Replayed: true}), nothing new written; the same hash still in progress → 409; another
 *       hash → 422, both as Problem Details with {@code field = Idempotency-Key};</li>
 *   <li>runs; a 2xx response is stored with the key after the command has succeeded (its events are committed
 *       by Axon's own unit of work just before), any other response releases the claim — a refused command wrote
 *       nothing, so the client may correct the request and retry under the same key.</li>
 * </ol>
 * The guarantee is honest about the gap between the event commit and the completion of the record: if the
 * process dies exactly there, the key stays claimed without a response and a retry gets 409 (never a second
 * write); the client then reads the event log (the correlation id is in the events' metadata). Requests without
 * the header are not affected. Multipart bodies are not covered (the container parses them itself); the import
 * endpoint that accepts them refuses a non-empty store anyway.
 */
@Component
// after Spring Security: a request that may not write must be refused, never answered from a stored record
@Order(SecurityProperties.DEFAULT_FILTER_ORDER + 10)
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotency-Replayed";
    /** Keys are opaque client tokens: UUIDs or similar, at most 200 characters. */
    public static final Pattern SANE_KEY = Pattern.compile("[A-Za-z0-9._:\\-]{1,200}");
    /** Requests larger than this are not hashed and kept (a 20,000-voucher batch is about 3 MB). */
    static final int MAX_BODY = 32 * 1024 * 1024;

    private final IdempotencyStore store;
    private final ObjectMapper objectMapper;

    public IdempotencyFilter(IdempotencyStore store, ObjectMapper objectMapper) {
        this.store = store;
        this.objectMapper = objectMapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/api/v1/")) {
            return true;
        }
        String contentType = request.getContentType();
        return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!SANE_KEY.matcher(key).matches()) {
            problem(request, response, HttpStatus.BAD_REQUEST,
                    "幂等键格式无效：应为 1–200 个字母、数字或 . _ : -（建议使用 UUID）");
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            problem(request, response, HttpStatus.PAYLOAD_TOO_LARGE,
                    "带幂等键的请求体不能超过 " + (MAX_BODY / 1024 / 1024) + " MB");
            return;
        }
        String path = request.getRequestURI();
        String hash = hash(CurrentUser.get().map(u -> u.getUsername()).orElse(""), request.getMethod(), path,
                request.getQueryString(), body);

        Optional<IdempotencyStore.Entry> existing = store.find(key);
        if (existing.isEmpty() && !store.claim(key, hash, request.getMethod(), path)) {
            existing = store.find(key); // lost the race for the key
            if (existing.isEmpty()) {
                problem(request, response, HttpStatus.CONFLICT, "同一幂等键的请求正在处理或已处理，请稍后重试");
                return;
            }
        }
        if (existing.isPresent()) {
            answerFromRecord(request, response, existing.get(), hash);
            return;
        }

        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean completed = false;
        try {
            chain.doFilter(new CachedBodyRequest(request, body), captured);
            int status = captured.getStatus();
            if (status >= 200 && status < 300) {
                store.complete(key, status, captured.getContentType(), captured.getContentAsByteArray());
                completed = true;
            }
        } finally {
            if (!completed) {
                store.release(key);
            }
            captured.copyBodyToResponse();
        }
    }

    private void answerFromRecord(HttpServletRequest request, HttpServletResponse response,
            IdempotencyStore.Entry entry, String hash) throws IOException {
        if (!entry.requestHash().equals(hash)) {
            problem(request, response, HttpStatus.UNPROCESSABLE_ENTITY,
                    "同一幂等键已用于另一个请求（方法、路径或请求体不同）；新的请求请使用新的幂等键");
            return;
        }
        if (!entry.completed()) {
            problem(request, response, HttpStatus.CONFLICT, "同一幂等键的请求正在处理或已处理，请稍后重试");
            return;
        }
        response.setStatus(entry.status());
        response.setHeader(REPLAYED_HEADER, "true");
        if (entry.contentType() != null) {
            response.setContentType(entry.contentType());
        }
        byte[] body = entry.body() == null ? new byte[0] : entry.body();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String rule)
            throws IOException {
        ProblemFactory.write(ProblemFactory.problem(status, Problems.IDEMPOTENCY_KEY, HEADER, rule, request), response,
                objectMapper);
    }

    /** The request hash the key is bound to (also for page forms, {@code ui.form.FormKeys}). */
    public static String hash(String user, String method, String path, String query, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((user + "\n" + method + " " + path + (query == null ? "" : "?" + query) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** The request with its body read once and replayed to the controller. */
    static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
