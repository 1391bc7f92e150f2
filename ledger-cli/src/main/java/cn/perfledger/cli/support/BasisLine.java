package cn.perfledger.cli.support;

import cn.perfledger.cli.output.Json;
import com.fasterxml.jackson.databind.JsonNode;

/** The heading line naming the basis a server answer was computed at, and its digest. */
public final class BasisLine {

    private BasisLine() {
    }

    /**
     * {@code 时点：评价基准日 2021-12-31，知悉时点 2026-…Z（纳入 359 个事件）  摘要 43025e00…} from a {@code BasisResult}.
     * The digest is shortened for the terminal; {@code --format json} shows it whole.
     */
    public static String of(JsonNode basisResult) {
        String digest = Json.text(basisResult, "digest");
        return "时点：评价基准日 " + Json.text(basisResult, "asOf") + "，知悉时点 " + Json.text(basisResult, "knownAt")
                + "（纳入 " + Json.text(basisResult, "eventsAdmitted") + " 条记录）"
                + (digest == null ? "" : "  摘要 " + digest.substring(0, Math.min(16, digest.length())) + "…")
                + ("BROKEN".equals(basisResult.path("integrity").path("status").asText())
                        ? "  【完整性：记录链断裂，数字不可信】" : "");
    }
}
