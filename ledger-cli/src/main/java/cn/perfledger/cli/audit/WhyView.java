package cn.perfledger.cli.audit;

import cn.perfledger.cli.output.Column;
import cn.perfledger.cli.output.Column.Kind;
import cn.perfledger.cli.output.Json;
import cn.perfledger.cli.output.Numbers;
import cn.perfledger.cli.output.Report;
import cn.perfledger.cli.output.Table;
import cn.perfledger.cli.support.Labels;
import com.fasterxml.jackson.databind.JsonNode;

/** "Why did the score change": the two bases and scores, then the steps (the CSV), optionally their events. */
final class WhyView {

    private WhyView() {
    }

    static Report report(JsonNode why, boolean details) {
        Table steps = new Table(Column.of("步骤", Kind.COUNT), Column.text("方向"), Column.text("类型"), Column.text("对象", 24),
                Column.text("月份"), Column.of("记录数", Kind.COUNT), Column.of("金额合计", Kind.MONEY),
                Column.of("得分变动", Kind.DELTA), Column.of("精确变动", Kind.DELTA).csvOnly(), Column.text("说明").csvOnly());
        Table events = new Table(Column.of("步骤", Kind.COUNT), Column.of("全局序号", Kind.COUNT), Column.text("类型"),
                Column.text("业务日期"), Column.text("记录时间"), Column.text("凭证号/文号", 32), Column.of("金额", Kind.MONEY));
        int number = 0;
        for (JsonNode step : why.path("steps")) {
            number++;
            steps.row(String.valueOf(number), Labels.of(Json.text(step, "direction")), Json.text(step, "typeLabel"),
                    Json.text(step, "subject"), Json.text(step, "month"), Json.text(step, "eventCount"),
                    Json.text(step, "amountSum"), Json.text(step, "delta"), Json.text(step, "exactDelta"),
                    Json.text(step, "label"));
            for (JsonNode event : step.path("events")) {
                events.row(String.valueOf(number), Json.text(event, "globalSequence"), Json.text(event, "typeLabel"),
                        Json.text(event, "effectiveDate"), Json.text(event, "recordedAt"), Json.text(event, "reference"),
                        Json.text(event, "amount"));
            }
        }
        JsonNode from = why.path("from");
        JsonNode to = why.path("to");
        Report.Builder report = Report.builder()
                .heading("得分变动原因：" + Json.text(why, "code") + " " + Json.text(why, "name"))
                .heading("A：评价基准日 " + Json.text(from, "asOf") + "，知悉时点 " + Json.text(from, "knownAt") + " → 得分 "
                        + Json.text(why, "scoreFrom"))
                .heading("B：评价基准日 " + Json.text(to, "asOf") + "，知悉时点 " + Json.text(to, "knownAt") + " → 得分 "
                        + Json.text(why, "scoreTo"))
                .heading("变动 " + Numbers.signed(Json.text(why, "change")) + "：B 比 A 多 " + Json.text(why, "eventsAdded")
                        + " 条记录、少 " + Json.text(why, "eventsRemoved") + " 条；其中 " + Json.text(why, "eventsWithoutEffect")
                        + " 条不影响得分，未列出")
                .section("变动步骤（按回放顺序）", steps);
        if (details) {
            report.section("记录明细", events);
        }
        String method = Json.text(why, "method");
        if (method != null) {
            report.footer("方法：" + method);
        }
        return report.csv(steps).build();
    }
}
