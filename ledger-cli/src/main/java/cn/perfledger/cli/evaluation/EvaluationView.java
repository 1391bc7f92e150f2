package cn.perfledger.cli.evaluation;

import cn.perfledger.cli.output.Column;
import cn.perfledger.cli.output.Json;
import cn.perfledger.cli.output.Numbers;
import cn.perfledger.cli.output.Report;
import cn.perfledger.cli.output.Table;
import cn.perfledger.cli.support.BasisLine;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The scored 自评表 as a report: items in rubric order (indented by level), then total and grade set off. */
final class EvaluationView {

    private EvaluationView() {
    }

    static Report report(JsonNode answer) {
        JsonNode table = answer.path("result");
        Table items = new Table(
                Column.text("编码"),
                Column.of("层级", Column.Kind.COUNT).csvOnly(),
                Column.text("指标", 56).textOnly(),
                Column.text("指标名称").csvOnly(),
                Column.of("分值", Column.Kind.SCORE),
                Column.of("得分", Column.Kind.SCORE),
                Column.of("未舍入得分", Column.Kind.SCORE).csvOnly(),
                Column.text("规则").csvOnly(),
                Column.text("标记", 40),
                Column.text("评分依据").csvOnly());
        addItems(items, table.path("items"));
        String total = Json.text(table, "total");
        String grade = Json.text(table, "grade");
        String totalName = "总分（等级 " + nullToDash(grade) + "）";
        items.summaryRow("TOTAL", "0", totalName, totalName, Json.text(table, "totalWeight"), total, null, null, null,
                null);

        Report.Builder report = Report.builder()
                .heading("部门整体支出绩效自评表  " + Json.text(answer, "fiscalYearId"))
                .heading("评价体系：" + nullToDash(Json.text(table, "rubricName")) + "（" + nullToDash(
                        Json.text(table, "rubricVersion")) + "）")
                .heading(BasisLine.of(answer));
        if (Json.text(table, "evaluationId") == null) {
            report.heading("注意：该时点尚未开始自评，各项得分为 0");
        }
        report.section("", items);

        String line = "=".repeat(48);
        report.footer(line)
                .footer("  总分  " + nullToDash(total) + " / " + nullToDash(Json.text(table, "totalWeight"))
                        + "      等级  " + nullToDash(grade))
                .footer(line);
        JsonNode declared = table.path("declared");
        if (declared.isObject()) {
            report.footer("申报总分 " + Json.text(declared, "declaredTotal") + "（第 " + Json.text(declared, "submissionNo")
                    + " 次提交，评价基准日 " + Json.text(declared, "referenceDate") + "，" + Json.text(declared, "submittedBy")
                    + "）；申报 − 计算 = " + Numbers.signed(Json.text(declared, "difference")));
        }
        for (JsonNode flag : table.path("flags")) {
            report.footer("提示：" + Json.text(flag, "label") + " — " + Json.text(flag, "detail"));
        }
        return report.build();
    }

    private static void addItems(Table table, JsonNode items) {
        for (JsonNode item : items) {
            int level = item.path("level").asInt(1);
            String name = Json.text(item, "name");
            JsonNode rule = item.path("rule");
            table.row(Json.text(item, "code"), String.valueOf(level), "  ".repeat(Math.max(0, level - 1)) + name, name,
                    Json.text(item, "weight"), Json.text(item, "score"), Json.text(item, "exactScore"),
                    rule.isObject() ? Json.text(rule, "label") : null, flags(item.path("flags")),
                    Json.text(item, "judgementBasis"));
            addItems(table, item.path("children"));
        }
    }

    private static String flags(JsonNode flags) {
        List<String> labels = new ArrayList<>();
        flags.forEach(flag -> labels.add(Json.text(flag, "label")));
        return labels.isEmpty() ? null : String.join("、", labels);
    }

    private static String nullToDash(String s) {
        return s == null ? "—" : s;
    }
}
