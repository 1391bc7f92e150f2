package cn.perfledger.cli.support;

import cn.perfledger.cli.http.LedgerClient;
import java.io.Console;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The options every command takes, before or after the command name (picocli "inherited" options): where the
 * server is and who is asking. Each falls back to an environment variable so that a script need not put the
 * password on the command line (where {@code ps} and the shell history would show it).
 */
public class GlobalOptions {

    @Option(names = "--server", scope = ScopeType.INHERIT, paramLabel = "URL",
            defaultValue = "${env:LEDGER_SERVER:-http://localhost:8080}",
            description = "服务器地址（环境变量 LEDGER_SERVER），默认 ${DEFAULT-VALUE}")
    String server;

    @Option(names = {"-u", "--user"}, scope = ScopeType.INHERIT, paramLabel = "USER",
            defaultValue = "${env:LEDGER_USER}", description = "用户名（环境变量 LEDGER_USER）")
    String user;

    @Option(names = {"-p", "--password"}, scope = ScopeType.INHERIT, paramLabel = "PASSWORD", arity = "0..1",
            interactive = true, prompt = "密码: ", defaultValue = "${env:LEDGER_PASSWORD}",
            description = "密码（环境变量 LEDGER_PASSWORD）；只写 --password 不带值则提示输入；"
                    + "给了用户名而没有密码时，在终端中也会提示输入")
    char[] password;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "不显示进度条与提示信息")
    boolean quiet;

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "显示帮助并退出")
    boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, scope = ScopeType.INHERIT, description = "显示版本并退出")
    boolean version;

    /** The server address as given (for messages). */
    public String serverText() {
        return server;
    }

    /** Whether progress and notes on stderr are wanted. */
    public boolean quiet() {
        return quiet;
    }

    /** A client for the server, asking for the password on the console when a user but no password is given. */
    public LedgerClient client() {
        URI uri;
        try {
            uri = new URI(server.strip());
        } catch (URISyntaxException e) {
            throw new CliException(ExitCode.USAGE, "服务器地址无效: " + server);
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                || uri.getHost() == null) {
            throw new CliException(ExitCode.USAGE,
                    "服务器地址应以 http:// 或 https:// 开头，例如 http://localhost:8080，而不是: " + server);
        }
        String name = user == null || user.isBlank() ? null : user.strip();
        return new LedgerClient(uri, name, name == null ? null : password(name), Duration.ofSeconds(10));
    }

    private char[] password(String name) {
        if (password != null) {
            return password;
        }
        Console console = System.console();
        if (console == null) {
            throw new CliException(ExitCode.USAGE, "缺少用户 " + name
                    + " 的密码：请用 --password 或环境变量 LEDGER_PASSWORD 提供（当前不在终端中，无法提示输入）");
        }
        char[] typed = console.readPassword("用户 %s 的密码: ", name);
        if (typed == null) {
            throw new CliException(ExitCode.USAGE, "未输入密码");
        }
        password = typed;
        return typed;
    }
}
