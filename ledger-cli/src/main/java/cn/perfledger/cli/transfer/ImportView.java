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
                .section("", table)
                .build();
    }
}
