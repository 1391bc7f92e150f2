package cn.perfledger.cli.reconciliation;

import cn.perfledger.cli.output.Column;
import cn.perfledger.cli.output.Column.Kind;
import cn.perfledger.cli.output.Json;
import cn.perfledger.cli.output.Numbers;
import cn.perfledger.cli.output.Report;
import cn.perfledger.cli.output.Table;
import cn.perfledger.cli.support.BasisLine;
import cn.perfledger.cli.support.Labels;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * The reconciliation report: on the terminal one table per kind of check, alarms spelled out below; as CSV one
 * table of every check (类别, 编码, 项目, 左边/所印, 右边/账本, 结论, 说明) so that a spreadsheet can filter them.
 */
final class ReconcileView {

    private ReconcileView() {
    }

    static Report report(JsonNode answer) {
        JsonNode result = answer.path("result");
        Table checks = new Table(Column.text("类别"), Column.text("编码"), Column.text("项目"), Column.text("左边/所印"),
                Column.text("右边/账本"), Column.text("结论"), Column.text("说明"));

        Table lines = new Table(Column.text("预算行"), Column.text("项目", 40), Column.of("年初预算", Kind.MONEY),
                Column.of("调整合计", Kind.MONEY), Column.of("全年预算", Kind.MONEY), Column.text("成立"));
        Table steps = new Table(Column.text("预算行"), Column.text("类型"), Column.text("文号"), Column.text("原因", 36),
                Column.text("日期"), Column.of("金额", Kind.MONEY), Column.of("调整后", Kind.MONEY));
        JsonNode waterfall = result.path("waterfall");
        for (JsonNode line : waterfall.path("lines")) {
            waterfallRow(lines, checks, line, false);
            for (JsonNode step : line.path("steps")) {
                steps.row(Json.text(line, "lineId"), Json.text(step, "kind"), Json.text(step, "documentNo"),
                        Json.text(step, "reason"), Json.text(step, "effectiveDate"), Json.text(step, "amount"),
                        Json.text(step, "runningTotal"));
            }
        }
        if (waterfall.path("total").isObject()) {
            waterfallRow(lines, checks, waterfall.path("total"), true);
        }

        Table identities = new Table(Column.text("编码"), Column.text("恒等式", 50), Column.of("左边", Kind.MONEY),
                Column.of("右边", Kind.MONEY), Column.text("成立"));
        for (JsonNode identity : result.path("identities")) {
            String holds = holds(identity);
            identities.row(Json.text(identity, "code"), Json.text(identity, "name"), Json.text(identity, "left"),
                    Json.text(identity, "right"), holds);
            checks.row("决算恒等式", Json.text(identity, "code"), Json.text(identity, "name"), Json.text(identity, "left"),
                    Json.text(identity, "right"), holds, Json.text(identity, "explanation"));
        }

        Table declared = new Table(Column.text("编号"), Column.text("文件"), Column.text("项目", 36), Column.text("所印"),
                Column.text("单位"), Column.text("账本数字", 24), Column.text("结论"), Column.text("告警"));
        Report.Builder report = Report.builder()
                .heading("对账报告  " + Json.text(answer, "fiscalYearId"))
                .heading(BasisLine.of(answer));
        JsonNode summary = result.path("summary");
        if (summary.isObject()) {
            report.heading("公开数字 " + Json.text(summary, "declared") + " 项：一致 " + Json.text(summary, "equal")
                    + "，尾数误差 " + Json.text(summary, "rounding") + "，告警 " + Json.text(summary, "alarms")
                    + "；矛盾表述 " + Json.text(summary, "conflicts") + "；恒等式 " + Json.text(summary, "identities")
                    + " 项，不成立 " + Json.text(summary, "identitiesFailed"));
        }
        for (JsonNode figure : result.path("declaredFigures")) {
            JsonNode verdict = figure.path("ledger").isObject() ? figure.path("ledger") : figure.path("structure");
            String classification = Labels.of(Json.text(figure, "classification"));
            boolean alarm = figure.path("alarm").asBoolean(false);
            declared.row(Json.text(figure, "figureId"), Json.text(figure, "document"), Json.text(figure, "item"),
                    Json.text(figure, "printedValue"), Json.text(figure, "unitAsPrinted"),
                    Json.text(figure, "ledgerFigureLabel"), classification, alarm ? "告警" : null);
            checks.row("公开数字", Json.text(figure, "figureId"),
                    Json.text(figure, "document") + " " + Json.text(figure, "item"), Json.text(figure, "printedValue"),
                    Json.text(verdict, "expected"), classification + (alarm ? "（告警）" : ""), explanations(figure));
            if (alarm) {
                report.footer("告警 " + Json.text(figure, "figureId") + "：" + explanations(figure));
            }
        }

        Table conflicts = new Table(Column.text("文件"), Column.text("账本数字", 24), Column.text("编号"),
                Column.text("所印"), Column.text("另一编号"), Column.text("另一处所印"));
        for (JsonNode conflict : result.path("conflicts")) {
            conflicts.row(Json.text(conflict, "document"), Json.text(conflict, "label"), Json.text(conflict, "figureId"),
                    Json.text(conflict, "printedValue"), Json.text(conflict, "otherFigureId"),
                    Json.text(conflict, "otherPrintedValue"));
            checks.row("矛盾表述", Json.text(conflict, "figureId"), Json.text(conflict, "label"),
                    Json.text(conflict, "printedValue"), Json.text(conflict, "otherPrintedValue"), "矛盾",
                    Json.text(conflict, "explanation"));
            report.footer("矛盾 " + Json.text(conflict, "figureId") + "：" + Json.text(conflict, "explanation"));
        }

        return report.section("预算调整瀑布（年初 + Σ 调整 = 全年）", lines)
                .section("调整明细（按文号）", steps)
                .section("决算恒等式", identities)
                .section("公开文件所印数字与账本核对", declared)
                .section("同一文件内的矛盾表述", conflicts)
                .csv(checks)
                .build();
    }

    private static void waterfallRow(Table lines, Table checks, JsonNode line, boolean total) {
        String holds = holds(line);
        String[] row = {Json.text(line, "lineId"), Json.text(line, "label"), Json.text(line, "initial"),
            Json.text(line, "adjustments"), Json.text(line, "fullYear"), holds};
        if (total) {
            lines.summaryRow(row);
        } else {
            lines.row(row);
        }
        checks.row("预算调整", Json.text(line, "lineId"), Json.text(line, "label"),
                sum(Json.text(line, "initial"), Json.text(line, "adjustments")), Json.text(line, "fullYear"), holds,
                "年初预算 + Σ 调整 = 全年预算");
    }

    private static String holds(JsonNode node) {
        return node.path("holds").asBoolean(false) ? "成立" : "不成立";
    }

    /** Exact sum of two decimals as text (null when either is missing). */
    private static String sum(String a, String b) {
        BigDecimal x = Numbers.parse(a);
        BigDecimal y = Numbers.parse(b);
        return x == null || y == null ? null : x.add(y).toPlainString();
    }

    private static String explanations(JsonNode figure) {
        String ledger = Json.text(figure.path("ledger"), "explanation");
        String structure = Json.text(figure.path("structure"), "explanation");
        if (ledger != null && structure != null) {
            return ledger + "；" + structure;
        }
        return ledger != null ? ledger : structure;
    }
}
