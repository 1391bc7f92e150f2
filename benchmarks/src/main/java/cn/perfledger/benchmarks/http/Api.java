package cn.perfledger.benchmarks.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The product's public HTTP API as one signed-in user sees it (HTTP Basic, as the CLI and scripts use it). Every
 * request carries an {@code X-Bench} tag that the server's access log records with its own processing time, so a
 * figure can be stated server-side as well as client-side ({@link AppProcess#serverMillis}).
 */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong TAGS = new AtomicLong();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final String CONFLICT_RULE = "并发修改冲突";

    /** A response with the client-side time from sending the request to the last byte of the body. */
    record Response(int status, byte[] body, long nanos, String tag) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + text(), e);
            }
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        double millis() {
            return nanos / 1e6;
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }

        Response require(String what) {
            if (!ok()) {
                String text = text();
                throw new IllegalStateException(what + ": HTTP " + status + " " + text.substring(0, Math.min(600, text.length())));
            }
            return this;
        }
    }

    private final URI base;
    private final String authorization;

    Api(URI base, String user, String password) {
        this.base = base;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    URI base() {
        return base;
    }

    Api as(String user, String password) {
        return new Api(base, user, password);
    }

    Response get(String path) {
        return send(request(path).GET());
    }

    /** GET without credentials (e.g. {@code /actuator/health}). */
    Response getAnonymous(String path) {
        String tag = nextTag();
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).header("X-Bench", tag).GET(), tag);
    }

    Response post(String path, Object body) {
        try {
            return postJson(path, JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Response postJson(String path, byte[] json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)));
    }

    /**
     * A write sent again on {@code 409 并发修改冲突} as the README's retry policy says: up to 5 attempts, attempt n
     * waiting min(400 ms, 25 ms × 2^(n−1)) × a random factor in [0.5, 1.5). Nothing else is retried.
     */
    Response postWithRetry(String path, Object body) {
        Response response = post(path, body);
        for (int attempt = 1; attempt < 5 && isConcurrencyConflict(response); attempt++) {
            long pause = (long) (Math.min(400, 25L << (attempt - 1)) * ThreadLocalRandom.current().nextDouble(0.5, 1.5));
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return response;
            }
            response = post(path, body);
        }
        return response;
    }

    static boolean isConcurrencyConflict(Response response) {
        return response.status() == 409 && response.text().contains(CONFLICT_RULE);
    }

    /** A multipart upload in the field {@code file}, with the import id as {@code X-Correlation-Id}. */
    Response upload(String path, String fileName, byte[] content, String correlationId) {
        String boundary = "----bench" + Long.toHexString(ThreadLocalRandom.current().nextLong());
        ByteArrayOutputStream body = new ByteArrayOutputStream(content.length + 512);
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("X-Correlation-Id", correlationId)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** Streams a large answer (the event export) to a consumer of its lines; returns the bytes read. */
    long streamLines(String path, java.util.function.Consumer<String> lines) {
        HttpRequest request = request(path).GET().build();
        try {
            HttpResponse<java.util.stream.Stream<String>> response = CLIENT.send(request,
                    HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + ": HTTP " + response.statusCode());
            }
            long[] bytes = {0};
            response.body().forEach(line -> {
                bytes[0] += line.getBytes(StandardCharsets.UTF_8).length + 1;
                lines.accept(line);
            });
            return bytes[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).header("Authorization", authorization);
    }

    private static String nextTag() {
        return "b" + TAGS.incrementAndGet();
    }

    private Response send(HttpRequest.Builder builder) {
        String tag = nextTag();
        return send(builder.header("X-Bench", tag), tag);
    }

    private static Response send(HttpRequest.Builder builder, String tag) {
        HttpRequest request = builder.build();
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.body(), System.nanoTime() - start, tag);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
