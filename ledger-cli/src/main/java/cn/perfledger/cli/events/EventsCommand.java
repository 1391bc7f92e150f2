package cn.perfledger.cli.events;

import cn.perfledger.cli.http.LedgerClient;
import cn.perfledger.cli.http.Query;
import cn.perfledger.cli.output.Json;
import cn.perfledger.cli.support.CliException;
import cn.perfledger.cli.support.Converters;
import cn.perfledger.cli.support.ExitCode;
import cn.perfledger.cli.support.Format;
import cn.perfledger.cli.support.LedgerCommand;
import cn.perfledger.cli.support.YearArguments;
import cn.perfledger.cli.support.OutputOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ledger events DEPT YEAR}: the department-year's event log in global order
 * ({@code GET …/events?page=&size=&type=&from=&to=}), one page or, with {@code --all}, every page.
 */
@Command(name = "events", description = "部门年度的记录（预算台账与自评两条记录链，按全局序号），可按类型与业务日期筛选，分页。")
public class EventsCommand extends LedgerCommand {

    /** The server's largest page; --all walks the log in pages of this size. */
    static final int MAX_PAGE_SIZE = 1000;

    @Mixin
    YearArguments target;

    @Option(names = "--type", paramLabel = "TYPE", split = ",",
            description = "记录类型：中文名称（如 支出凭证、冲销凭证）或英文简名（如 ExpenditureRecorded）；可重复或以逗号分隔")
    List<String> types = new ArrayList<>();

    @Option(names = "--from", paramLabel = "DATE", converter = Converters.DateConverter.class,
            description = "业务日期起（含）")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", converter = Converters.DateConverter.class,
            description = "业务日期止（含）")
    LocalDate to;

    @Option(names = "--page", paramLabel = "N", defaultValue = "0", description = "页码，从 0 开始（默认 0）")
    int page;

    @Option(names = "--size", paramLabel = "N", defaultValue = "100", description = "每页条数 1–1000（默认 100）")
    int size;

    @Option(names = "--all", description = "取出全部页（忽略 --page、--size）")
    boolean all;

    @Mixin
    OutputOptions output;

    @Override
    protected ExitCode execute() {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new CliException(ExitCode.USAGE, "--page 不能为负，--size 应在 1 到 1000 之间");
        }
        LedgerClient client = client();
        // the server's names of the types: to accept a Chinese --type, and for the table to show 支出凭证, not
        // ExpenditureRecorded (CSV and JSON keep the English names a script matches on)
        JsonNode labels = types.isEmpty() && output.format() != Format.TABLE ? null : eventTypes(client);
        types = typeNames(labels, types);
        JsonNode answer = all ? allPages(client) : page(client, page, size);
        JsonNode shown = output.format() == Format.TABLE ? labels : null;
        output.print(answer, json -> EventsView.report(json, shown), out());
        return ExitCode.OK;
    }

    private static JsonNode eventTypes(LedgerClient client) {
        return client.getJson("/api/v1/event-types", Query.of());
    }

    /**
     * The types as the server names them: a Chinese label ({@code 支出凭证}) or an English name, checked against the
     * server's list ({@code GET /api/v1/event-types}); anything else is refused, never sent to match nothing.
     */
    static List<String> typeNames(JsonNode known, List<String> given) {
        if (given.isEmpty()) {
            return given;
        }
        List<String> names = new ArrayList<>();
        for (String type : given) {
            String wanted = type.strip();
            String found = known.has(wanted) ? wanted : null;
            for (var entry : (Iterable<java.util.Map.Entry<String, JsonNode>>) known::fields) {
                if (found == null && entry.getValue().asText().equals(wanted)) {
                    found = entry.getKey();
                }
            }
            if (found == null) {
                List<String> labels = new ArrayList<>();
                known.forEach(label -> labels.add(label.asText()));
                throw new CliException(ExitCode.USAGE, "--type：没有「" + wanted + "」这种记录类型，可选："
                        + String.join("、", labels));
            }
            names.add(found);
        }
        return names;
    }

    private JsonNode page(LedgerClient client, int number, int pageSize) {
        Query query = Query.of().add("page", number).add("size", pageSize);
        types.forEach(type -> query.add("type", type));
        query.add("from", from).add("to", to);
        return client.getJson(target.path() + "/events", query);
    }

    /** Every page merged into one answer of the same shape (page 0 of 1, all events). */
    private JsonNode allPages(LedgerClient client) {
        JsonNode first = page(client, 0, MAX_PAGE_SIZE);
        ObjectNode merged = first.deepCopy();
        ArrayNode events = merged.withArray("events");
        int pages = first.path("totalPages").asInt(1);
        for (int number = 1; number < pages; number++) {
            page(client, number, MAX_PAGE_SIZE).path("events").forEach(events::add);
        }
        merged.put("page", 0);
        merged.put("size", events.size());
        merged.put("totalPages", 1);
        return merged;
    }

    /** Used by the view for the page line. */
    static String pageLine(JsonNode answer) {
        return "第 " + (answer.path("page").asInt() + 1) + " / " + Math.max(1, answer.path("totalPages").asInt())
                + " 页，本页 " + answer.path("events").size() + " 条，共 " + Json.text(answer, "totalElements") + " 条";
    }
}
