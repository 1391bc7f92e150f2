package cn.perfledger.cli.transfer;

import cn.perfledger.cli.output.Column;
import cn.perfledger.cli.output.Json;
import cn.perfledger.cli.output.Report;
import cn.perfledger.cli.output.Table;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The server's answer to an import: one line of counts, then a two-column table of its members under Chinese
 * names. The importers' answers differ by kind and are still growing, so every member is shown as sent (lists
 * by their length), a member the CLI has no name for under its own key, rather than a fixed selection that would
 * hide new ones. A ledger import's counts sit in its {@code outcome}; their members are listed in its place.
 */
final class ImportView {

    /** The members' names as the department says them; a member not listed here is shown under its key. */
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("id", "部门年度"), Map.entry("fiscalYearId", "部门年度"), Map.entry("recorded", "已写入"),
            Map.entry("correlationId", "关联标识"), Map.entry("importId", "导入编号"),
            Map.entry("warnings", "提示"), Map.entry("notes", "提示"),
            Map.entry("alreadyImported", "此前已导入"), Map.entry("alreadyPresent", "此前已导入"),
            Map.entry("dryRun", "仅预检"), Map.entry("fileName", "文件名"), Map.entry("format", "文件格式"),
            Map.entry("sheetName", "工作表"), Map.entry("sheet", "工作表"), Map.entry("charset", "字符编码"),
            Map.entry("unit", "金额单位"), Map.entry("sha256", "SHA-256"), Map.entry("digest", "SHA-256"),
            Map.entry("rowCount", "数据行数"), Map.entry("rows", "数据行数"), Map.entry("rowsByType", "各记录类型的行数"),
            Map.entry("eventCount", "写入的记录数"), Map.entry("alreadyRecordedVoucherNos", "已登记而跳过的凭证"),
            Map.entry("alreadyRecordedAdjustments", "已登记而跳过的调整"), Map.entry("layout", "自评表样式"),
            Map.entry("layoutName", "样式名称"), Map.entry("rubricVersion", "评价体系版本"),
            Map.entry("referenceDate", "评价基准日"), Map.entry("indicatorsDefined", "新设定的绩效指标"),
            Map.entry("actualsRecorded", "登记的实际完成值"), Map.entry("judgementScoresEntered", "录入的评分"),
            Map.entry("declaredFiguresRecorded", "登记的申报数"), Map.entry("explanationsRecorded", "登记的计算项说明"),
            Map.entry("unchanged", "与账本一致、未重复登记"), Map.entry("scope", "备份范围"),
            Map.entry("streams", "记录链"), Map.entry("firstGlobalIndex", "首条全局序号"),
            Map.entry("lastGlobalIndex", "末条全局序号"), Map.entry("legacyUnkeyedEvents", "未入链的旧记录"));

    /** What a 自评表 import wrote, in the order told. */
    private static final List<Map.Entry<String, String>> TABLE_WRITES = List.of(
            Map.entry("indicatorsDefined", "新设指标 %d 个"), Map.entry("actualsRecorded", "实际完成值 %d 条"),
            Map.entry("judgementScoresEntered", "评分 %d 项"), Map.entry("declaredFiguresRecorded", "申报数 %d 个"),
            Map.entry("explanationsRecorded", "计算项说明 %d 条"));

    private ImportView() {
    }

    /**
     * The counts in one line: rows read, records written, and what was skipped as already recorded (an answer
     * without those members says so rather than printing zeros).
     */
    static String summary(JsonNode answer) {
        JsonNode outcome = answer.path("outcome").isObject() ? answer.path("outcome") : answer;
        List<String> parts = new ArrayList<>();
        for (String rows : List.of("rowCount", "rows")) {
            if (outcome.path(rows).isNumber()) {
                parts.add("读取 " + outcome.path(rows).asInt() + " 行");
            }
        }
        if (outcome.has("eventCount")) {
            parts.add("写入 " + outcome.path("eventCount").asLong() + " 条记录");
        }
        List<String> written = new ArrayList<>();
        for (Map.Entry<String, String> write : TABLE_WRITES) {
            if (outcome.path(write.getKey()).isNumber()) {
                written.add(String.format(write.getValue(), outcome.path(write.getKey()).asInt()));
            }
        }
        if (!written.isEmpty()) {
            parts.add("写入 " + String.join("、", written));
        }
        if (outcome.path("unchanged").isNumber()) {
            parts.add("与账本一致而未重复登记 " + outcome.path("unchanged").asInt() + " 条");
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
            if (member.getKey().equals("outcome") && member.getValue().isObject()) {
                member.getValue().properties().forEach(inner -> row(table, inner));
            } else {
                row(table, member);
            }
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

    private static void row(Table table, Map.Entry<String, JsonNode> member) {
        JsonNode value = member.getValue();
        String shown = value.isArray() ? value.size() + " 项"
                : value.isBoolean() ? (value.asBoolean() ? "是" : "否")
                : value.isContainerNode() ? value.toString() : value.isNull() ? null
                : value.isBigDecimal() ? value.decimalValue().toPlainString() : value.asText();
        table.row(LABELS.getOrDefault(member.getKey(), member.getKey()), shown);
    }
}
