package cn.perfledger.cli.execution;

import cn.perfledger.cli.output.Column;
import cn.perfledger.cli.output.Column.Kind;
import cn.perfledger.cli.output.Json;
import cn.perfledger.cli.output.Numbers;
import cn.perfledger.cli.output.Report;
import cn.perfledger.cli.output.Table;
import cn.perfledger.cli.support.BasisLine;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * 预算执行情况 as a report: the budget lines with 财政拨款 and 合计 below them (the CSV), then 基本/项目 and
 * 资金来源, the monthly progress against 序时进度 and the finance bureau's notices next to the ledger.
 */
final class ExecutionView {

    private ExecutionView() {
    }

    static Report report(JsonNode answer) {
        JsonNode result = answer.path("result");
        Table lines = waterfall("预算行");
        result.path("lines").forEach(row -> add(lines, row, false));
        add(lines, result.path("fiscalAppropriation"), true);
        add(lines, result.path("total"), true);

        Report.Builder report = Report.builder()
                .heading("预算执行情况  " + Json.text(answer, "fiscalYearId") + "（金额单位：元）")
                .heading(BasisLine.of(answer))
                .section("按预算行", lines);
        group(report, result, "basicOrProject", "基本支出 / 项目支出");
        group(report, result, "fundingSource", "资金来源");

        Table monthly = new Table(Column.of("月份", Kind.COUNT), Column.of("当月执行", Kind.MONEY),
                Column.of("累计执行", Kind.MONEY), Column.of("累计执行率", Kind.PERCENT), Column.of("序时进度", Kind.PERCENT));
        for (JsonNode month : result.path("monthly")) {
            monthly.row(Json.text(month, "month"), Json.text(month, "executedInMonth"), Json.text(month, "executedToDate"),
                    Json.text(month, "executionRateToDate"), Json.text(month, "requiredProgress"));
        }
        report.section("月度执行与序时进度", monthly);

        Table notices = new Table(Column.text("通报文号"), Column.text("日期"), Column.of("序时进度", Kind.PERCENT),
                Column.of("通报进度率", Kind.PERCENT), Column.of("账本执行率", Kind.PERCENT),
                Column.of("账本进度率", Kind.PERCENT));
        for (JsonNode notice : result.path("notices")) {
            notices.row(Json.text(notice, "documentNo"), Json.text(notice, "date"), Json.text(notice, "requiredProgress"),
                    Json.text(notice, "publishedRate"), Json.text(notice, "ledgerExecutionRate"),
                    Json.text(notice, "ledgerProgressRate"));
        }
        report.section("财政通报与账本对照", notices);

        String ledger = Json.text(result, "annualAverageExecutionRateLedger");
        String published = Json.text(result, "annualAverageExecutionRatePublished");
        if (ledger != null || published != null) {
            report.footer("年度平均执行率：账本 " + (ledger == null ? "—" : Numbers.percent(ledger)) + "，通报 "
                    + (published == null ? "—" : Numbers.percent(published)));
        }
        return report.csv(lines).build();
    }

    private static Table waterfall(String what) {
        return new Table(Column.text("编码"), Column.text(what, 52), Column.of("年初预算", Kind.MONEY),
                Column.of("调整", Kind.MONEY), Column.of("全年预算", Kind.MONEY), Column.of("年初结转结余", Kind.MONEY).csvOnly(),
                Column.of("指标收回", Kind.MONEY).csvOnly(), Column.of("执行数", Kind.MONEY), Column.of("执行率", Kind.PERCENT),
                Column.of("年末结转结余", Kind.MONEY));
    }

    private static void add(Table table, JsonNode row, boolean summary) {
        if (!row.isObject()) {
            return;
        }
        String[] values = {Json.text(row, "key"), Json.text(row, "label"), Json.text(row, "initial"),
            Json.text(row, "adjustments"), Json.text(row, "fullYear"), Json.text(row, "carryIn"),
            Json.text(row, "withdrawn"), Json.text(row, "executed"), Json.text(row, "executionRate"),
            Json.text(row, "carryOut")};
        if (summary) {
            table.summaryRow(values);
        } else {
            table.row(values);
        }
    }

    private static void group(Report.Builder report, JsonNode result, String key, String title) {
        JsonNode rows = result.path("groupings").path(key);
        if (rows.isArray() && !rows.isEmpty()) {
            Table table = waterfall("分组");
            rows.forEach(row -> add(table, row, false));
            report.section(title, table);
        }
    }
}
