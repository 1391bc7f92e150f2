package cn.perfledger.cli.evaluation;

import cn.perfledger.cli.support.YearReportCommand;
import picocli.CommandLine.Command;

/**
 * {@code ledger evaluation DEPT YEAR}: the scored 自评表 at a basis ({@code GET …/evaluation?asOf=&knownAt=}),
 * the same table, total and grade as the web UI's; {@code --format xlsx} saves the server's workbook.
 */
@Command(name = "evaluation", description = "部门整体支出绩效自评表（评分）：逐项分值与得分、总分与等级、与申报总分的差异。")
public class EvaluationCommand extends YearReportCommand {

    public EvaluationCommand() {
        super("/evaluation", EvaluationView::report, true);
    }
}
