package cn.perfledger.cli.integrity;

import cn.perfledger.cli.http.Query;
import cn.perfledger.cli.output.Column;
import cn.perfledger.cli.output.Column.Kind;
import cn.perfledger.cli.output.Json;
import cn.perfledger.cli.output.Report;
import cn.perfledger.cli.output.Table;
import cn.perfledger.cli.support.CliException;
import cn.perfledger.cli.support.ExitCode;
import cn.perfledger.cli.support.Labels;
import cn.perfledger.cli.support.LedgerCommand;
import cn.perfledger.cli.support.OutputOptions;
import cn.perfledger.cli.support.YearArguments;
import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ledger verify [DEPT YEAR]}: recompute the events' hash chains on the server ({@code GET …/integrity}
 * for a department-year, {@code GET /api/v1/integrity} for the whole store). A broken chain is a finding, not a
 * failure of the command, but scripts need to notice it: exit code 9.
 */
@Command(name = "verify", description = "校验记录哈希链（防篡改）：给部门与年度时校验该年度，否则校验整个账本；发现断裂时退出码为 9。")
public class VerifyCommand extends LedgerCommand {

    /** Both or none: without them the whole store is verified. */
    @ArgGroup(exclusive = false, multiplicity = "0..1")
    YearArguments target;

    @Option(names = "--aggregate", paramLabel = "ID", description = "只校验这个聚合，如 GZ-ZSJ/2021/evaluation")
    String aggregate;

    @Mixin
    OutputOptions output;

    @Override
    protected ExitCode execute() {
        if (target != null && aggregate != null) {
            throw new CliException(ExitCode.USAGE, "--aggregate 不能与部门、年度同时使用");
        }
        JsonNode report = target != null
                ? client().getJson(target.path() + "/integrity", Query.of())
                : client().getJson("/api/v1/integrity", Query.of().add("aggregateId", aggregate));
        output.print(report, VerifyCommand::report, out());
        return report.path("intact").asBoolean(false) ? ExitCode.OK : ExitCode.CHAIN_BROKEN;
    }

    static Report report(JsonNode report) {
        Table streams = new Table(Column.text("记录链"), Column.text("状态"), Column.of("记录数", Kind.COUNT),
                Column.of("最后序号", Kind.COUNT), Column.of("未入链", Kind.COUNT), Column.text("第一处断裂"),
                Column.text("最后链哈希").csvOnly());
        for (JsonNode stream : report.path("streams")) {
            JsonNode broken = stream.path("firstBreak");
            String where = null;
            if (broken.isObject()) {
                JsonNode event = broken.path("event");
                where = Json.text(broken, "kind") + "：" + Json.text(broken, "rule")
                        + (event.isObject() ? "（全局序号 " + Json.text(event, "globalIndex") + "，序号 "
                                + Json.text(event, "sequenceNumber") + "，" + Json.text(event, "type") + "）" : "");
            }
            streams.row(Json.text(stream, "aggregateId"), Labels.of(Json.text(stream, "status")),
                    Json.text(stream, "eventCount"), Json.text(stream, "lastSequence"),
                    Json.text(stream, "unchainedEvents"), where, Json.text(stream, "lastChainHash"));
        }
        Report.Builder builder = Report.builder()
                .heading("记录链校验  " + ("*".equals(Json.text(report, "scope")) ? "全部记录" : Json.text(report, "scope")) + "："
                        + Labels.of(Json.text(report, "status")))
                .heading(Json.text(report, "summary"))
                .heading("校验时间 " + Json.text(report, "verifiedAt") + "；记录链 " + Json.text(report, "streamCount")
                        + " 条，记录 " + Json.text(report, "eventsChecked") + " 条（入链 " + Json.text(report, "chainedEvents")
                        + "，未入链 " + Json.text(report, "unchainedEvents") + "），断裂的记录链 "
                        + Json.text(report, "brokenStreams") + " 条");
        builder.section(streams.isEmpty() && "*".equals(Json.text(report, "scope"))
                ? "（全库校验只列出断裂或未入链的记录链）" : "", streams);
        if (report.path("streamsTruncated").asBoolean(false)) {
            builder.footer("注意：列出的记录链已截断；合计数包括全部记录链");
        }
        return builder.build();
    }
}
