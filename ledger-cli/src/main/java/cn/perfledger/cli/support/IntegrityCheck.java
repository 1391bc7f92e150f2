package cn.perfledger.cli.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;

/**
 * A server answer's {@code integrity} ({@code {status, problems:[{stream, sequence, kind, rule}], summary}}): a
 * BROKEN answer is printed, but with a warning on stderr and exit code 9, so that no script takes its numbers
 * for good ones.
 */
public final class IntegrityCheck {

    private IntegrityCheck() {
    }

    /** {@link ExitCode#CHAIN_BROKEN} when any {@code integrity} in the answer (at any depth) is BROKEN. */
    public static ExitCode of(JsonNode answer, PrintWriter err) {
        JsonNode broken = findBroken(answer);
        if (broken == null) {
            return ExitCode.OK;
        }
        err.println("警告：记录链校验未通过，以上数字不可信 —— " + broken.path("summary").asText(""));
        for (JsonNode problem : broken.path("problems")) {
            err.println("  " + problem.path("stream").asText() + (problem.path("sequence").isNumber()
                    ? " 第 " + problem.path("sequence").asLong() + " 号" : "") + "  " + problem.path("kind").asText()
                    + "  " + problem.path("rule").asText());
        }
        err.flush();
        return ExitCode.CHAIN_BROKEN;
    }

    /** The first BROKEN {@code integrity} object in the answer, or null. */
    static JsonNode findBroken(JsonNode node) {
        if (node == null) {
            return null;
        }
        JsonNode integrity = node.get("integrity");
        if (integrity != null && "BROKEN".equals(integrity.path("status").asText())) {
            return integrity;
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                JsonNode found = findBroken(element);
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isObject()) {
            for (String key : new String[] {"years", "departments"}) {
                JsonNode found = findBroken(node.get(key));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** True for a refusal because of a broken chain (HTTP 409, {@code field = integrity}). */
    public static boolean isBrokenChainRefusal(int status, JsonNode problem) {
        return status == 409 && problem != null && "integrity".equals(problem.path("field").asText());
    }
}
