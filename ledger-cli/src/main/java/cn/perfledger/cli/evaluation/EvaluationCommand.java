package cn.perfledger.cli.evaluation;

import cn.perfledger.cli.output.Report;
import cn.perfledger.cli.support.YearReportCommand;
import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;

/**
 * {@code ledger evaluation DEPT YEAR}: the scored 自评表 at a basis ({@code GET …/evaluation?asOf=&knownAt=}),
 * the same table, total and grade as the web UI's.
 */
@Command(name = "evaluation", description = "部门整体支出绩效自评表（评分）：逐项分值与得分、总分与等级、与申报总分的差异。")
public class EvaluationCommand extends YearReportCommand {

    @Override
    protected String resource() {
        return "/evaluation";
    }

    @Override
    protected Report view(JsonNode answer) {
        return EvaluationView.report(answer);
    }

    @Override
    protected boolean inWorkbook() {
        return true;
    }
}
