package cn.perfledger.cli.execution;

import cn.perfledger.cli.support.YearReportCommand;
import picocli.CommandLine.Command;

/**
 * {@code ledger execution DEPT YEAR}: 预算执行情况 at a basis ({@code GET …/execution?asOf=&knownAt=});
 * {@code --format xlsx} saves the server's workbook.
 */
@Command(name = "execution", description = "预算执行情况：逐行与分组的年初预算、调整、全年预算、执行数与执行率，月度进度，财政通报。")
public class ExecutionCommand extends YearReportCommand {

    public ExecutionCommand() {
        super("/execution", ExecutionView::report, true);
    }
}
