package cn.perfledger.cli.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.perfledger.cli.testing.MultipartParts;
import cn.perfledger.cli.testing.StubServer;
import cn.perfledger.cli.testing.StubServer.Answer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerClientTest {

    private static final StubServer server = new StubServer();

    @BeforeEach
    void forgetEarlierRequests() {
        server.reset();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private LedgerClient client(String user, String password) {
        return new LedgerClient(URI.create(server.url() + "/"), user,
                password == null ? null : password.toCharArray(), Duration.ofSeconds(5));
    }

    @Test
    void everyRequest_carriesBasicCredentials_andTheClientHeader() {
        server.on("GET /api/v1/departments", Answer.json(200, "[]"));

        client("审计员", "demo1234").getJson("/api/v1/departments", Query.of());

        StubServer.Request request = server.onlyRequest();
        assertThat(request.header("X-Ledger-Client")).isEqualTo("CLI");
        String expected = Base64.getEncoder().encodeToString("审计员:demo1234".getBytes(StandardCharsets.UTF_8));
        assertThat(request.header("Authorization")).isEqualTo("Basic " + expected);
        assertThat(request.header("Accept")).contains("application/json");
    }

    @Test
    void withoutUser_noAuthorizationHeader() {
        server.on("GET /api/v1/departments", Answer.json(200, "[]"));
        client(null, null).getJson("/api/v1/departments", Query.of());
        assertThat(server.onlyRequest().header("Authorization")).isNull();
        assertThat(server.onlyRequest().header("X-Ledger-Client")).isEqualTo("CLI");
    }

    @Test
    void queryValuesAndPathSegments_arePercentEncoded() {
        assertThat(Query.of().add("type", "A B").add("skip", null).add("knownAt", "2022-03-15T00:00:00Z")
                .toQueryString()).isEqualTo("?type=A%20B&knownAt=2022-03-15T00%3A00%3A00Z");
        assertThat(Query.segment("GZ-ZSJ")).isEqualTo("GZ-ZSJ");
        assertThat(Query.segment("a/b")).isEqualTo("a%2Fb");
        assertThat(Query.segment("..")).isEqualTo("%2E%2E");
        assertThat(Query.segment("市本级")).isEqualTo("%E5%B8%82%E6%9C%AC%E7%BA%A7");
    }

    @Test
    void refusal_becomesApiException_withTheProblemDetails() {
        server.on("GET /x", Answer.problem(404, "{\"title\":\"未找到\",\"status\":404,\"field\":\"year\",\"rule\":\"部门年度不存在\"}"));

        assertThatThrownBy(() -> client(null, null).getJson("/x", Query.of()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.problem().path("rule").asText()).isEqualTo("部门年度不存在");
                });
    }

    @Test
    void errorPageThatIsNotJson_stillGivesTheStatus() {
        server.on("GET /x", new Answer(502, "text/html", "<html>Bad Gateway</html>".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> client(null, null).getJson("/x", Query.of()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.problem()).isNull();
                    assertThat(e.rawBody()).contains("Bad Gateway");
                });
    }

    @Test
    void redirects_areNotFollowed_soCredentialsStayWithTheServerNamed() {
        server.on("GET /x", new Answer(302, null, new byte[0]));
        assertThatThrownBy(() -> client("auditor", "pw").getJson("/x", Query.of()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(302));
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void noServer_isUnreachable() {
        String url = StubServer.deadUrl();
        LedgerClient client = new LedgerClient(URI.create(url), null, null, Duration.ofSeconds(2));
        assertThatThrownBy(() -> client.getJson("/api/v1/departments", Query.of()))
                .isInstanceOf(UnreachableException.class)
                .hasMessageContaining("无法连接服务器");
    }

    @Test
    void download_writesTheFileOnlyOnSuccess(@TempDir Path dir) throws Exception {
        byte[] workbook = {'P', 'K', 3, 4, 1, 2, 3};
        server.on("GET /ok.xlsx", new Answer(200, "application/octet-stream", workbook));
        server.on("GET /refused.xlsx", Answer.problem(404, "{\"title\":\"未找到\",\"rule\":\"部门年度不存在\"}"));
        Path target = dir.resolve("年度.xlsx");

        long size = client(null, null).download("/ok.xlsx", Query.of(), "application/xlsx", target);

        assertThat(size).isEqualTo(workbook.length);
        assertThat(Files.readAllBytes(target)).isEqualTo(workbook);
        Path refused = dir.resolve("refused.xlsx");
        assertThatThrownBy(() -> client(null, null).download("/refused.xlsx", Query.of(), "application/xlsx", refused))
                .isInstanceOf(ApiException.class);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("年度.xlsx");
        }
    }

    @Test
    void multipartUpload_isStreamedWithLength_andCounted(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("台账 2021.xlsx");
        byte[] content = new byte[200_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31);
        }
        Files.write(file, content);
        server.on("POST /upload", Answer.json(201, "{\"recorded\":true}"));
        Multipart multipart = Multipart.ofFile("file", file);
        List<Long> progress = new ArrayList<>();
        CountingBodyPublisher counted = new CountingBodyPublisher(multipart.body(), progress::add);

        ApiResponse response = client(null, null).post("/upload", multipart.contentType(), counted);

        assertThat(response.status()).isEqualTo(201);
        StubServer.Request request = server.onlyRequest();
        assertThat(request.header("Content-Length")).isEqualTo(String.valueOf(counted.contentLength()));
        assertThat(progress).isNotEmpty().isSorted();
        assertThat(progress.get(progress.size() - 1)).isEqualTo(counted.contentLength());
        MultipartParts parts = MultipartParts.parse(request.header("Content-Type"), request.body());
        assertThat(parts.name()).isEqualTo("file");
        assertThat(parts.filename()).isEqualTo("台账 2021.xlsx");
        assertThat(parts.contentType()).isEqualTo(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(parts.content()).isEqualTo(content);
    }
}
