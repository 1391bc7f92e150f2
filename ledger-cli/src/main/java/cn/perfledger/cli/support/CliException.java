package cn.perfledger.cli.support;

/** A failure the CLI explains itself (in Chinese) and ends with the given exit code; never a stack trace. */
public class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ExitCode exitCode;

    public CliException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
