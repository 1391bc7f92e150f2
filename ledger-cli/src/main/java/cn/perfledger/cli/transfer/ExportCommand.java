package cn.perfledger.cli.transfer;

import cn.perfledger.cli.http.Query;
import cn.perfledger.cli.support.BasisOptions;
import cn.perfledger.cli.support.CliException;
import cn.perfledger.cli.support.ExitCode;
import cn.perfledger.cli.support.LedgerCommand;
import cn.perfledger.cli.support.YearArguments;
import cn.perfledger.cli.support.Workbook;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ledger export DEPT YEAR --output FILE}: the server's Excel workbook of the year at a basis
 * ({@code GET …/export.xlsx?asOf=&knownAt=}); with {@code --kind backup} the year's events as a JSON-lines
 * backup ({@code GET …/export}), which {@code ledger import --kind backup} restores.
 */
@Command(name = "export", description = "导出：部门年度在某时点的 Excel 工作簿（默认），或该年度记录的备份文件（--kind backup）。")
public class ExportCommand extends LedgerCommand {

    @Mixin
    YearArguments target;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "保存到的文件，如 GZ-ZSJ-2021.xlsx")
    Path output;

    @Option(names = "--kind", paramLabel = "KIND", defaultValue = "xlsx",
            description = "xlsx（Excel 工作簿，默认，可用 --as-of/--known-at）或 backup（JSON Lines 备份，全部记录）")
    String kind;

    @Mixin
    BasisOptions basis;

    @Override
    protected ExitCode execute() {
        switch (kind) {
            case "xlsx" -> Workbook.save(client(), target, basis, output, out());
            case "backup" -> {
                if (basis.query().toQueryString().length() > 0) {
                    throw new CliException(ExitCode.USAGE, "备份包含全部记录，不接受 --as-of/--known-at");
                }
                long bytes = client().download(target.path() + "/export", Query.of(),
                        "application/x-ndjson", output);
                out().println("已保存 " + output + "（" + bytes + " 字节）");
            }
            default -> throw new CliException(ExitCode.USAGE, "--kind 应为 xlsx 或 backup，而不是: " + kind);
        }
        return ExitCode.OK;
    }
}
