package cn.perfledger.cli.execution;

import cn.perfledger.cli.output.Report;
import cn.perfledger.cli.support.YearReportCommand;
import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;

/** {@code ledger execution DEPT YEAR}: 预算执行情况 at a basis ({@code GET …/execution?asOf=&knownAt=}). */
@Command(name = "execution", description = "预算执行情况：逐行与分组的年初预算、调整、全年预算、执行数与执行率，月度进度，财政通报。")
public class ExecutionCommand extends YearReportCommand {

    @Override
    protected String resource() {
        return "/execution";
    }

    @Override
    protected Report view(JsonNode answer) {
        return ExecutionView.report(answer);
    }

    @Override
    protected boolean inWorkbook() {
        return true;
    }
}
