package cn.perfledger.cli.reconciliation;

import cn.perfledger.cli.support.BasisOptions;
import cn.perfledger.cli.support.ExitCode;
import cn.perfledger.cli.support.IntegrityCheck;
import cn.perfledger.cli.support.LedgerCommand;
import cn.perfledger.cli.support.OutputOptions;
import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ledger reconcile DEPT YEAR}: the reconciliation report at a basis ({@code GET …/reconciliation}). */
@Command(name = "reconcile", description = "对账：预算调整瀑布（年初 + Σ 调整 = 全年，逐文号）、决算恒等式、公开文件所印数字与账本核对。")
public class ReconcileCommand extends LedgerCommand {

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
        JsonNode report = client().getJson(yearPath(department, year) + "/reconciliation", basis.query());
        output.print(report, ReconcileView::report, out());
        return IntegrityCheck.of(report, err());
    }
}
