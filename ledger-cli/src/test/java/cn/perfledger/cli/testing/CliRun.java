package cn.perfledger.cli.testing;

import cn.perfledger.cli.LedgerCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Runs {@code ledger} in-process, exactly as {@code main} configures it, with captured stdout and stderr. */
public final class CliRun {

    /** What a run printed and how it ended. */
    public record Result(int exitCode, String out, String err) {
    }

    private CliRun() {
    }

    /** Runs {@code args} against {@code server} (prepends --server). */
    public static Result against(StubServer server, String... args) {
        List<String> all = new ArrayList<>(List.of("--server", server.url()));
        all.addAll(List.of(args));
        return run(all.toArray(String[]::new));
    }

    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = LedgerCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** A canned server answer from src/test/resources/answers (real answers of the demo data, trimmed). */
    public static String answer(String name) {
        try (var in = CliRun.class.getResourceAsStream("/answers/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no answer " + name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
