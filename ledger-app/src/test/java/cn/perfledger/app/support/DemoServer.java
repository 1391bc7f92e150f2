package cn.perfledger.app.support;

import cn.perfledger.app.demo.DemoDataLoader;
import cn.perfledger.app.demo.DemoUsers;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the tests that drive the application from outside, as a user's client would: the application on a real
 * (random) port over the shared H2 file store, with the demo data and demo users loaded. Expected figures are the
 * API's own answers ({@link #api}), never typed-in numbers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class DemoServer implements H2FileContext {

    /** Numbers as BigDecimal, so that a total compares exactly. */
    protected static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @LocalServerPort
    protected int port;
    @Autowired
    protected DemoDataLoader loader;
    @Autowired
    protected TestRestTemplate rest;

    @BeforeEach
    void demoData() {
        loader.loadAll(); // idempotent: years already in the store are skipped
    }

    /** The absolute URL of {@code path} on this server. */
    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** The API's answer to {@code GET path} for a demo user. */
    protected JsonNode api(String user, String path) {
        String body = rest.withBasicAuth(user, DemoUsers.PASSWORD).getForObject(path, String.class);
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
