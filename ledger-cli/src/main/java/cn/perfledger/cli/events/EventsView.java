package cn.perfledger.cli.events;

import cn.perfledger.cli.output.Column;
import cn.perfledger.cli.output.Column.Kind;
import cn.perfledger.cli.output.Json;
import cn.perfledger.cli.output.Numbers;
import cn.perfledger.cli.output.Report;
import cn.perfledger.cli.output.Table;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The event log as a table: where each event sits (global sequence, stream, sequence), what it is and when
 * (effective date, recorded time), and a one-line gist of its payload (the voucher or document number, the
 * line, the amount). The CSV carries the whole payload as JSON too.
 */
final class EventsView {

    /** Payload members worth a glance, in the order shown; amounts get thousands separators. */
    private static final List<String> GIST = List.of("voucherNo", "documentNo", "lineId", "indicatorId",
            "rubricItemCode", "entryId", "figureId", "amount", "score", "points", "actual", "reason");

    private EventsView() {
    }

    /** {@code labels}: the server's Chinese name of each type ({@code GET /api/v1/event-types}), or null. */
    static Report report(JsonNode answer, JsonNode labels) {
        Table table = new Table(Column.of("全局序号", Kind.COUNT), Column.text("记录链"), Column.of("序号", Kind.COUNT),
                Column.text("类型"), Column.text("业务日期"), Column.text("记录时间"), Column.text("要点", 60).textOnly(),
                Column.text("载荷").csvOnly(), Column.text("元数据").csvOnly());
        for (JsonNode event : answer.path("events")) {
            String aggregate = Json.text(event, "aggregateId");
            table.row(Json.text(event, "globalSequence"), stream(aggregate), Json.text(event, "sequenceNumber"),
                    label(Json.text(event, "type"), labels), Json.text(event, "effectiveDate"), Json.text(event, "recordedAt"),
                    gist(event.path("payload")), compact(event.path("payload")), compact(event.path("metadata")));
        }
        return Report.builder()
                .heading("部门年度的记录  " + Json.text(answer, "fiscalYearId"))
                .heading(EventsCommand.pageLine(answer))
                .section("", table)
                .build();
    }

    /** The type's Chinese name where the server gave one, else its English name. */
    static String label(String type, JsonNode labels) {
        String label = labels == null || type == null ? null : Json.text(labels, type);
        return label == null || label.isBlank() ? type : label;
    }

    /** 预算台账 for DEPT/YEAR, 自评 for DEPT/YEAR/evaluation, else the id. */
    static String stream(String aggregateId) {
        if (aggregateId == null) {
            return null;
        }
        if (aggregateId.endsWith("/evaluation")) {
            return "自评";
        }
        return aggregateId.chars().filter(c -> c == '/').count() == 1 ? "预算台账" : aggregateId;
    }

    static String gist(JsonNode payload) {
        List<String> parts = new ArrayList<>();
        for (String key : GIST) {
            String value = Json.text(payload, key);
            if (value != null && !value.isBlank()) {
                parts.add(key.equals("amount") ? Numbers.money(value) : value);
            }
        }
        return String.join(" ", parts);
    }

    private static String compact(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.toString();
    }
}
