package cn.perfledger.cli.support;

import cn.perfledger.cli.http.LedgerClient;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of every subcommand: access to the global options (declared once on the root command), the client and
 * the command's own output streams — picocli's, so a test running the CLI in-process captures them.
 */
public abstract class LedgerCommand implements Callable<Integer> {

    @Spec
    protected CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        return execute().code();
    }

    /** Does the work; failures are thrown ({@link CliException} and the client's exceptions). */
    protected abstract ExitCode execute() throws Exception;

    protected GlobalOptions global() {
        return spec.root().mixins().values().stream()
                .map(CommandSpec::userObject)
                .filter(GlobalOptions.class::isInstance)
                .map(GlobalOptions.class::cast)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("root command without GlobalOptions"));
    }

    protected LedgerClient client() {
        return global().client();
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
