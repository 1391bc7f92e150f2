package cn.perfledger.cli.support;

import cn.perfledger.cli.http.LedgerClient;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * The server's Excel workbook of a department-year at a basis ({@code GET …/export.xlsx?asOf=&knownAt=}), saved
 * to a file. Shared by {@code export} and by {@code --format xlsx} of evaluation and execution: the workbook is
 * built by the server, so the CLI's copy is the same file the web UI offers.
 */
public final class Workbook {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Workbook() {
    }

    /** Downloads the workbook into {@code target} and says so on {@code out}. */
    public static void save(LedgerClient client, YearArguments year, BasisOptions basis, Path target,
            PrintWriter out) {
        if (target == null) {
            throw new CliException(ExitCode.USAGE, "--format xlsx 需要 --output 文件名（Excel 工作簿不能写到终端）");
        }
        long bytes = client.download(year.path() + "/export.xlsx", basis.query(),
                MEDIA_TYPE, target);
        out.println("已保存 " + target + "（" + bytes + " 字节）");
        out.flush();
    }
}
