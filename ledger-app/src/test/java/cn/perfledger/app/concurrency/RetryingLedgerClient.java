package cn.perfledger.app.concurrency;

import cn.perfledger.app.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP client of the ledger API with the documented retry policy for concurrent writers:
 *
 * <blockquote>A write answered {@code 409 Conflict} whose {@code rule} says {@code 并发修改冲突} (another request
 * appended to the same department-year first; nothing of this request was written) is sent again, unchanged, up
 * to {@value #MAX_ATTEMPTS} attempts in all, after a jittered exponential pause: attempt n waits
 * {@code min(400 ms, 25 ms × 2^(n−1))} × a random factor in [0.5, 1.5). Nothing else is retried: a rule refusal
 * (400, e.g. 可用预算不足), a 409 for a reused voucher number or id, 404 and 5xx are final answers. Resending an
 * expenditure is safe even if an earlier attempt had been written: the identical voucher is answered 200 with
 * nothing recorded.</blockquote>
 *
 * Counts every conflict seen, every retry and every request that ran out of attempts.
 */
public final class RetryingLedgerClient {

    public static final int MAX_ATTEMPTS = 5;
    public static final String CONCURRENCY_CONFLICT = "并发修改冲突";

    /** The final answer of one command: status, Problem Details or result body, attempts used. */
    public record Reply(int status, JsonNode body, int attempts) {

        public boolean accepted() {
            return status == 201 || status == 200;
        }

        public String rule() {
            return body == null || body.get("rule") == null ? "" : body.get("rule").asText();
        }

        public boolean concurrencyConflict() {
            return status == 409 && rule().contains(CONCURRENCY_CONFLICT);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    public final AtomicInteger requests = new AtomicInteger();
    public final AtomicInteger conflictsSeen = new AtomicInteger();
    public final AtomicInteger retries = new AtomicInteger();
    public final AtomicInteger exhausted = new AtomicInteger();

    /** POSTs {@code body} to {@code base + path}, retrying concurrency conflicts per the policy. */
    public Reply post(String base, String path, String body) {
        for (int attempt = 1; ; attempt++) {
            Reply reply = once(base, path, body, attempt);
            if (!reply.concurrencyConflict()) {
                return reply;
            }
            conflictsSeen.incrementAndGet();
            if (attempt >= MAX_ATTEMPTS) {
                exhausted.incrementAndGet();
                return reply;
            }
            retries.incrementAndGet();
            sleep(backoffMillis(attempt));
        }
    }

    /** POST that must succeed with 201 (test set-up). */
    public JsonNode created(String base, String path, String body) {
        Reply reply = post(base, path, body);
        if (reply.status() != 201) {
            throw new AssertionError(path + " → " + reply.status() + " " + reply.body());
        }
        return reply.body();
    }

    public JsonNode get(String base, String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", TestUsers.basicHeader())
                    .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + path + " → " + response.statusCode() + " " + response.body());
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + base + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The pause before attempt {@code attempt + 1}. */
    static long backoffMillis(int attempt) {
        long base = Math.min(400L, 25L << (attempt - 1));
        return (long) (base * (0.5 + ThreadLocalRandom.current().nextDouble()));
    }

    private Reply once(String base, String path, String body, int attempt) {
        requests.incrementAndGet();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", TestUsers.basicHeader())
                    .timeout(Duration.ofSeconds(120))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode node = text == null || text.isBlank() ? null : json.readTree(text);
            return new Reply(response.statusCode(), node, attempt);
        } catch (IOException e) {
            throw new IllegalStateException("POST " + base + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
