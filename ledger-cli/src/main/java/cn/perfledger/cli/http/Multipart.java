package cn.perfledger.cli.http;

import java.io.FileNotFoundException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body with one file part (RFC 7578), streamed from disk: the preamble, the
 * file's bytes and the closing boundary are concatenated publishers, so a large workbook is never held in
 * memory and the total length is known in advance (for Content-Length and the progress bar).
 */
public final class Multipart {

    private final String boundary;
    private final BodyPublisher body;

    private Multipart(String boundary, BodyPublisher body) {
        this.boundary = boundary;
        this.body = body;
    }

    /** The file under form field {@code field}, named as on disk (UTF-8, as browsers send it). */
    public static Multipart ofFile(String field, Path file) throws FileNotFoundException {
        String boundary = "----ledger-cli-" + UUID.randomUUID();
        String name = file.getFileName().toString().replace("\"", "%22").replace("\r", "").replace("\n", "");
        String head = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"" + field + "\"; filename=\"" + name + "\"\r\n"
                + "Content-Type: " + contentTypeOf(name) + "\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        BodyPublisher body = BodyPublishers.concat(
                BodyPublishers.ofByteArray(head.getBytes(StandardCharsets.UTF_8)),
                BodyPublishers.ofFile(file),
                BodyPublishers.ofByteArray(tail.getBytes(StandardCharsets.UTF_8)));
        return new Multipart(boundary, body);
    }

    /** The request's Content-Type header, naming the boundary. */
    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    public BodyPublisher body() {
        return body;
    }

    /** The media type of an upload by its extension: the importers decide by content, this is a courtesy. */
    static String contentTypeOf(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xlsx")) {
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        }
        if (lower.endsWith(".csv")) {
            return "text/csv";
        }
        if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
            return "application/x-ndjson";
        }
        if (lower.endsWith(".json")) {
            return "application/json";
        }
        return "application/octet-stream";
    }
}
