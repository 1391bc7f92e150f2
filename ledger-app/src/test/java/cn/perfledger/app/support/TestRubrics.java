package cn.perfledger.app.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A year opens only under a published rubric version whose scope includes its department, so tests that open
 * years on a store without the demo data publish the bundled {@code gz-municipal-2021@1} (scope: all
 * departments) first, through the API like any administrator. Publishing it again answers 409 and writes
 * nothing, so every test may call this.
 */
public final class TestRubrics {

    public static final String GZ_2021 = "gz-municipal-2021@1";

    private TestRubrics() {
    }

    /** The bundled rubric file {@code rubrics/gz-municipal-2021.json} (a PublishRubric request body). */
    public static String gz2021() {
        try (InputStream in = TestRubrics.class.getClassLoader().getResourceAsStream("rubrics/gz-municipal-2021.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Publishes {@value #GZ_2021} as the MockMvc's default user (the all-departments test user) if absent. */
    public static void ensurePublished(MockMvc mvc) throws Exception {
        int status = mvc.perform(post("/api/v1/rubrics").contentType(MediaType.APPLICATION_JSON).content(gz2021()))
                .andReturn().getResponse().getStatus();
        requirePublished(status, "");
    }

    /** The same against a running application at {@code base}, as the test user. */
    public static void ensurePublished(String base) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base
                + "/api/v1/rubrics")).header("Authorization", TestUsers.basicHeader())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(gz2021()))
                .build(), HttpResponse.BodyHandlers.ofString());
        requirePublished(response.statusCode(), response.body());
    }

    private static void requirePublished(int status, String body) {
        if (status != 201 && status != 409) {
            throw new IllegalStateException("publishing " + GZ_2021 + " answered " + status + ": " + body);
        }
    }
}
