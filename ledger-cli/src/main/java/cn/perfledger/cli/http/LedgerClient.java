package cn.perfledger.cli.http;

import cn.perfledger.cli.output.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;

/**
 * The ledger server's REST API as this CLI uses it ({@code java.net.http}). Every request carries HTTP Basic
 * credentials (when a user is given) and {@code X-Ledger-Client: CLI}, so the server can record where a write
 * came from. Answers ≥ 400 become {@link ApiException} with the Problem Details body; no answer at all
 * becomes {@link UnreachableException}. Redirects are not followed: a redirect from an API endpoint means the
 * address is wrong (or a login page), and following it would send the credentials elsewhere.
 */
public final class LedgerClient {

    public static final String CLIENT_HEADER = "X-Ledger-Client";
    public static final String CLIENT_NAME = "CLI";
    static final String ACCEPT_JSON = "application/json, application/problem+json";

    private final URI server;
    private final String authorization;
    private final HttpClient http;

    /**
     * @param server   base address, e.g. {@code http://localhost:8080} (a trailing slash is ignored)
     * @param user     null to send no credentials
     * @param password the user's password (may be empty)
     */
    public LedgerClient(URI server, String user, char[] password, Duration connectTimeout) {
        String base = server.toString();
        this.server = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.authorization = user == null ? null : basic(user, password == null ? new char[0] : password);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public URI server() {
        return server;
    }

    /** GET {@code path} (starting with /api/v1) and return the JSON answer. */
    public JsonNode getJson(String path, Query query) {
        HttpRequest request = request(path, query).header("Accept", ACCEPT_JSON).GET().build();
        return bytes(request).json();
    }

    /** POST a body; {@code contentType} names it. The answer's status (201 or 200) is kept in the response. */
    public ApiResponse post(String path, String contentType, BodyPublisher body) {
        HttpRequest request = request(path, Query.of()).header("Accept", ACCEPT_JSON)
                .header("Content-Type", contentType).POST(body).build();
        return bytes(request);
    }

    /**
     * GET a file into {@code target}: written to a temporary file next to it and moved into place only when the
     * whole answer arrived with 2xx, so a refused or broken download never leaves a half file behind.
     *
     * @return the number of bytes saved
     */
    public long download(String path, Query query, String accept, Path target) {
        HttpRequest request = request(path, query).header("Accept", accept + ", application/problem+json").GET()
                .build();
        Path directory = target.toAbsolutePath().getParent();
        Path temporary;
        try {
            temporary = Files.createTempFile(directory, ".ledger-download-", ".part");
        } catch (IOException e) {
            throw new LocalFileException("无法在 " + directory + " 中写入文件: " + e.getMessage(), e);
        }
        try {
            HttpResponse<Object> response = send(request, info -> info.statusCode() < 300
                    ? BodySubscribers.mapping(BodySubscribers.ofFile(temporary), p -> (Object) p)
                    : BodySubscribers.mapping(BodySubscribers.ofByteArray(), b -> (Object) b));
            if (response.statusCode() >= 300) {
                throw failure(response.statusCode(), (byte[]) response.body(), response);
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return Files.size(target);
        } catch (IOException e) {
            throw new LocalFileException("无法写入 " + target + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // a leftover .part file is harmless and says what it is
            }
        }
    }

    private HttpRequest.Builder request(String path, Query query) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server + path + query.toQueryString()))
                .header(CLIENT_HEADER, CLIENT_NAME)
                .header("User-Agent", "ledger-cli");
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private ApiResponse bytes(HttpRequest request) {
        HttpResponse<byte[]> response = send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() >= 300) {
            throw failure(response.statusCode(), response.body(), response);
        }
        return new ApiResponse(response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (HttpConnectTimeoutException e) {
            throw new UnreachableException("连接超时：" + server + " 没有回应", e);
        } catch (HttpTimeoutException e) {
            throw new UnreachableException("等待服务器回答超时：" + server, e);
        } catch (ConnectException e) {
            Throwable cause = e.getCause();
            String why = cause instanceof UnresolvedAddressException ? "找不到主机名" : "连接被拒绝（服务器未启动或地址、端口有误）";
            throw new UnreachableException("无法连接服务器 " + server + "：" + why, e);
        } catch (IOException e) {
            throw new UnreachableException("与服务器 " + server + " 的连接中断：" + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreachableException("请求被中断", e);
        } catch (IllegalArgumentException e) {
            throw new UnreachableException("服务器地址无效：" + server + "（" + e.getMessage() + "）", e);
        }
    }

    private static ApiException failure(int status, byte[] body, HttpResponse<?> response) {
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        JsonNode problem = null;
        try {
            JsonNode parsed = text.isBlank() ? null : Json.parse(text);
            problem = parsed != null && parsed.isObject() ? parsed : null;
        } catch (JsonProcessingException notJson) {
            // an HTML error page from a proxy, or nothing: the status alone has to do
        }
        if (status < 400) {
            // a redirect (3xx): say where it pointed, never follow it with the credentials
            String location = response.headers().firstValue("Location").orElse("");
            return new ApiException(status, null, "服务器要求跳转到 " + location);
        }
        return new ApiException(status, problem, text);
    }

    private static String basic(String user, char[] password) {
        // RFC 7617: user-id ":" password, UTF-8, base64
        String pair = user + ":" + new String(password);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
