package cn.perfledger.cli.reconciliation;

import cn.perfledger.cli.support.YearReportCommand;
import picocli.CommandLine.Command;

/** {@code ledger reconcile DEPT YEAR}: the reconciliation report at a basis ({@code GET …/reconciliation}). */
@Command(name = "reconcile", description = "对账：预算调整瀑布（年初 + Σ 调整 = 全年，逐文号）、决算恒等式、公开文件所印数字与账本核对。")
public class ReconcileCommand extends YearReportCommand {

    public ReconcileCommand() {
        super("/reconciliation", ReconcileView::report, false);
    }
}
