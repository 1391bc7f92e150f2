package cn.perfledger.cli;

import cn.perfledger.cli.audit.WhyCommand;
import cn.perfledger.cli.departments.DepartmentsCommand;
import cn.perfledger.cli.evaluation.EvaluationCommand;
import cn.perfledger.cli.events.EventsCommand;
import cn.perfledger.cli.execution.ExecutionCommand;
import cn.perfledger.cli.http.ApiException;
import cn.perfledger.cli.http.LocalFileException;
import cn.perfledger.cli.http.ProtocolException;
import cn.perfledger.cli.http.UnreachableException;
import cn.perfledger.cli.integrity.VerifyCommand;
import cn.perfledger.cli.reconciliation.ReconcileCommand;
import cn.perfledger.cli.support.CliException;
import cn.perfledger.cli.support.ExitCode;
import cn.perfledger.cli.support.IntegrityCheck;
import cn.perfledger.cli.support.GlobalOptions;
import cn.perfledger.cli.support.ProblemPrinter;
import cn.perfledger.cli.support.UsageMessages;
import cn.perfledger.cli.transfer.ExportCommand;
import cn.perfledger.cli.transfer.ImportCommand;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code ledger}: the auditors' command line. Every command is one or a few requests to the ledger server's REST
 * API under {@code /api/v1}; nothing is computed here but display forms, so the terminal shows exactly what the
 * API and the web UI show for the same basis. Exit codes: {@link ExitCode}.
 */
@Command(name = "ledger", scope = ScopeType.INHERIT,
        version = "ledger 0.1.0（绩效账本命令行）",
        description = {"绩效账本命令行：按任意时点查询部门整体支出绩效自评、执行、对账与记录。",
            "通过服务器的 REST API 工作；账号用 --user/--password 或环境变量 LEDGER_USER/LEDGER_PASSWORD。"},
        synopsisHeading = "%n用法: ", descriptionHeading = "%n", parameterListHeading = "%n参数:%n",
        optionListHeading = "%n选项:%n", commandListHeading = "%n命令:%n",
        footerHeading = "%n", footer = "详见 docs/CLI.md。",
        subcommands = {DepartmentsCommand.class, EvaluationCommand.class, ExecutionCommand.class, WhyCommand.class,
            ReconcileCommand.class, VerifyCommand.class, EventsCommand.class, ImportCommand.class,
            ExportCommand.class})
public class LedgerCli implements Runnable {

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    /** Without a command: the help. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * The configured command line: Chinese error handling, exit codes, case-insensitive {@code --format}
     * values. Tests build it the same way and set their own out/err writers.
     */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new LedgerCli());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setUsageHelpWidth(100);
        cli.setExitCodeExceptionMapper(e -> ExitCode.UNEXPECTED.code());
        cli.setExecutionExceptionHandler(LedgerCli::handleFailure);
        cli.setParameterExceptionHandler(LedgerCli::handleUsageError);
        cli.getCommandSpec().usageMessage().exitCodeListHeading("%n退出码:%n").exitCodeList(ExitCode.helpList());
        return cli;
    }

    public static void main(String[] args) {
        // UTF-8 whatever the platform default: the output is Chinese, and a C/POSIX locale would print "?"
        CommandLine cli = commandLine();
        cli.setOut(new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
                StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err),
                StandardCharsets.UTF_8), true));
        System.exit(cli.execute(args));
    }

    static int handleFailure(Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
        PrintWriter err = cli.getErr();
        ExitCode exit;
        if (e instanceof CliException failure) {
            err.println("错误：" + failure.getMessage());
            exit = failure.exitCode();
        } else if (e instanceof ApiException refused) {
            String server = rootGlobal(cli).map(g -> g.serverText()).orElse("");
            ProblemPrinter.lines(refused, server).forEach(err::println);
            exit = IntegrityCheck.isBrokenChainRefusal(refused.status(), refused.problem()) ? ExitCode.CHAIN_BROKEN
                    : ExitCode.forStatus(refused.status());
        } else if (e instanceof UnreachableException unreachable) {
            err.println("错误：" + unreachable.getMessage());
            err.println("  请确认服务器已启动，并检查 --server 或环境变量 LEDGER_SERVER");
            exit = ExitCode.UNREACHABLE;
        } else if (e instanceof LocalFileException | e instanceof ProtocolException) {
            err.println("错误：" + e.getMessage());
            exit = ExitCode.UNEXPECTED;
        } else {
            err.println("意外错误：" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            if (System.getenv("LEDGER_CLI_DEBUG") != null) {
                e.printStackTrace(err);
            } else {
                err.println("  设置环境变量 LEDGER_CLI_DEBUG=1 可显示技术细节");
            }
            exit = ExitCode.UNEXPECTED;
        }
        err.flush();
        return exit.code();
    }

    static int handleUsageError(ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        PrintWriter err = cli.getErr();
        err.println("用法错误：" + UsageMessages.chinese(e.getMessage()));
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            err.println("您是否想输入：" + String.join("、", unmatched.getSuggestions()));
        }
        err.println("运行 '" + cli.getCommandSpec().qualifiedName() + " --help' 查看用法。");
        err.flush();
        return ExitCode.USAGE.code();
    }

    private static java.util.Optional<GlobalOptions> rootGlobal(CommandLine cli) {
        CommandLine root = cli;
        while (root.getParent() != null) {
            root = root.getParent();
        }
        return root.getCommand() instanceof LedgerCli ledger ? java.util.Optional.of(ledger.global)
                : java.util.Optional.empty();
    }
}
