package cn.perfledger.cli.evaluation;

import cn.perfledger.cli.support.BasisOptions;
import cn.perfledger.cli.support.ExitCode;
import cn.perfledger.cli.support.IntegrityCheck;
import cn.perfledger.cli.support.Format;
import cn.perfledger.cli.support.LedgerCommand;
import cn.perfledger.cli.support.OutputOptions;
import cn.perfledger.cli.support.Workbook;
import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code ledger evaluation DEPT YEAR}: the scored 自评表 at a basis ({@code GET …/evaluation?asOf=&knownAt=}),
 * the same table, total and grade as the web UI's.
 */
@Command(name = "evaluation", description = "部门整体支出绩效自评表（评分）：逐项分值与得分、总分与等级、与申报总分的差异。")
public class EvaluationCommand extends LedgerCommand {

    @Parameters(index = "0", paramLabel = "DEPT", description = "部门编码，如 GZ-ZSJ")
    String department;

    @Parameters(index = "1", paramLabel = "YEAR", description = "年度，如 2021")
    int year;

    @Mixin
    BasisOptions basis;

    @Mixin
    OutputOptions output;

    @Override
    protected ExitCode execute() {
        if (output.format() == Format.XLSX) {
            Workbook.save(client(), department, year, basis, output.output(), out());
            return ExitCode.OK;
        }
        JsonNode table = client().getJson(yearPath(department, year) + "/evaluation", basis.query());
        output.print(table, EvaluationView::report, out());
        return IntegrityCheck.of(table, err());
    }
}
