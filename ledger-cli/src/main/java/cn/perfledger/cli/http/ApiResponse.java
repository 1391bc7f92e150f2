package cn.perfledger.cli.http;

import cn.perfledger.cli.output.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;

/** A successful (2xx) answer: status, content type and body bytes. */
public record ApiResponse(int status, String contentType, byte[] body) {

    /** The body as JSON; a non-JSON answer where JSON was expected is a {@link ProtocolException}. */
    public JsonNode json() {
        try {
            return Json.parse(new String(body, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new ProtocolException("服务器的回答不是 JSON（HTTP " + status + "，" + contentType + "）");
        }
    }
}
