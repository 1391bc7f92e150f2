package cn.perfledger.cli.execution;

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

/** {@code ledger execution DEPT YEAR}: 预算执行情况 at a basis ({@code GET …/execution?asOf=&knownAt=}). */
@Command(name = "execution", description = "预算执行情况：逐行与分组的年初预算、调整、全年预算、执行数与执行率，月度进度，财政通报。")
public class ExecutionCommand extends LedgerCommand {

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
        JsonNode report = client().getJson(yearPath(department, year) + "/execution", basis.query());
        output.print(report, ExecutionView::report, out());
        return IntegrityCheck.of(report, err());
    }
}
