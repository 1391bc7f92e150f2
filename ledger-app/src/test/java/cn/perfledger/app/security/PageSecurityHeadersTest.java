package cn.perfledger.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.app.demo.DemoDataLoader;
import cn.perfledger.app.demo.DemoUsers;
import cn.perfledger.app.support.H2FileContext;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Against the real server (Tomcat writes the session cookie): every page and every API answer carries its
 * Content-Security-Policy and the usual hardening headers; the form sign-in still works and sets a session cookie
 * that is HttpOnly and SameSite=Lax (not Secure over plain HTTP: Tomcat adds it for HTTPS requests); the rendered
 * pages hold no inline script, no inline event handler and no style attribute, and the chart data travels in the
 * data-charts attribute.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PageSecurityHeadersTest implements H2FileContext {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern HANDLER_OR_STYLE = Pattern.compile("<[a-z][^>]*\\s(on[a-z]+|style)\\s*=",
            Pattern.CASE_INSENSITIVE);

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    DemoDataLoader loader;

    @BeforeEach
    void demoData() {
        loader.loadAll();
    }

    @Test
    void signInPageAndSessionCookie() throws Exception {
        HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/login")).GET());
        assertThat(login.statusCode()).isEqualTo(200);
        assertPagePolicy(login.headers());
        String cookie = sessionCookie(login);
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login.body());
        assertThat(token.find()).as("CSRF field in the sign-in form").isTrue();

        String form = "username=auditor&password=" + URLEncoder.encode(DemoUsers.PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", nameValue(cookie))
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(signedIn.statusCode()).as("sign-in answers a redirect").isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));
        String session = sessionCookie(signedIn);
        assertThat(nameValue(session)).as("a new session after sign-in").isNotEqualTo(nameValue(cookie));
        assertThat(session.toLowerCase()).contains("; httponly", "; samesite=lax").doesNotContain("; secure");

        for (String page : List.of("/", "/departments/GZ-ZSJ/years/2021", "/departments/GZ-ZSJ/years/2021/evaluation",
                "/departments/GZ-ZSJ/years/2021/reconciliation", "/departments/GZ-ZSJ/years/2021/evaluation/why",
                "/departments/GZ-ZSJ/years/2021/events", "/departments/GZ-ZSJ/years/2021/verify",
                "/departments/GZ-ZSJ/years/2019")) {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(uri(page)).header("Cookie", nameValue(session))
                    .GET());
            assertThat(answer.statusCode()).as(page).isIn(200, 404);
            assertPagePolicy(answer.headers());
            assertThat(INLINE_SCRIPT.matcher(answer.body()).find()).as("inline script on " + page).isFalse();
            assertThat(HANDLER_OR_STYLE.matcher(answer.body()).find()).as("handler or style attribute on " + page)
                    .isFalse();
            if (page.endsWith("/2021")) {
                assertThat(answer.body()).contains("id=\"ledger-charts\"", "data-charts=\"{&quot;waterfall&quot;:")
                        .doesNotContain("LEDGER_CHARTS");
            }
        }
    }

    @Test
    void apiAnswersMayLoadNothing() {
        ResponseEntity<String> ok = rest.withBasicAuth("auditor", DemoUsers.PASSWORD)
                .getForEntity("/api/v1/departments", String.class);
        assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ok.getHeaders().getFirst("Content-Security-Policy")).isEqualTo(SecurityConfiguration.API_POLICY);
        ResponseEntity<String> refused = rest.getForEntity("/api/v1/departments", String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(refused.getHeaders().getFirst("Content-Security-Policy")).isEqualTo(SecurityConfiguration.API_POLICY);
        assertThat(refused.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    private static void assertPagePolicy(java.net.http.HttpHeaders headers) {
        assertThat(headers.firstValue("Content-Security-Policy")).hasValue(SecurityConfiguration.PAGE_POLICY);
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
    }

    private static String sessionCookie(HttpResponse<String> answer) {
        List<String> cookies = answer.headers().allValues("Set-Cookie");
        return cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + cookies));
    }

    private static String nameValue(String setCookie) {
        return setCookie.split(";", 2)[0];
    }

    /** The JDK client: it follows no redirect and keeps no cookie unless told, so the test sees each answer. */
    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
