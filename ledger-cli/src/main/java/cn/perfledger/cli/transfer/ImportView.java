package cn.perfledger.cli.transfer;

import cn.perfledger.cli.output.Column;
import cn.perfledger.cli.output.Json;
import cn.perfledger.cli.output.Report;
import cn.perfledger.cli.output.Table;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;

/**
 * The server's answer to an import as a two-column table of its members. The importers' answers differ by
 * kind and are still growing, so every top-level member is shown as sent (lists by their length) rather than
 * a fixed selection that would hide new ones.
 */
final class ImportView {

    private ImportView() {
    }

    /**
     * The counts in one line: rows read, records written, and what was skipped as already recorded (an answer
     * without those members says so rather than printing zeros).
     */
    static String summary(JsonNode answer) {
        JsonNode outcome = answer.path("outcome").isObject() ? answer.path("outcome") : answer;
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (outcome.has("rowCount")) {
            parts.add("读取 " + outcome.path("rowCount").asInt() + " 行");
        }
        if (outcome.has("eventCount")) {
            parts.add("写入 " + outcome.path("eventCount").asInt() + " 条记录");
        }
        if (outcome.path("alreadyRecordedVoucherNos").isArray()) {
            parts.add("已登记而跳过的凭证 " + outcome.path("alreadyRecordedVoucherNos").size() + " 笔");
        }
        if (outcome.path("alreadyRecordedAdjustments").isArray()) {
            parts.add("已登记而跳过的调整 " + outcome.path("alreadyRecordedAdjustments").size() + " 笔");
        }
        return parts.isEmpty() ? "汇总：服务器的回答未给出行数与记录数（见下表）" : "汇总：" + String.join("，", parts);
    }

    static Report report(JsonNode answer, int status, Path file) {
        Table table = new Table(Column.text("项目"), Column.text("内容", 80));
        for (Map.Entry<String, JsonNode> member : answer.properties()) {
            JsonNode value = member.getValue();
            String shown = value.isArray() ? value.size() + " 项"
                    : value.isContainerNode() ? value.toString() : Json.text(answer, member.getKey());
            table.row(member.getKey(), shown);
        }
        String outcome = status == 201 ? "导入完成：已写入（HTTP 201）"
                : status == 200 ? "未写入任何记录：该文件此前已导入，内容相同（HTTP 200）"
                : "服务器已接受（HTTP " + status + "）";
        return Report.builder()
                .heading(outcome)
                .heading("文件：" + file)
                .heading(summary(answer))
                .section("", table)
                .build();
    }
}
