package cn.perfledger.app.crash;

import cn.perfledger.app.support.PostgresTestDatabase.Coordinates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The ledger application as a separate operating-system process ({@code java -cp <this JVM's class path>
 * cn.perfledger.app.LedgerApplication}), on the {@code postgres} profile ({@link #start}) or on the default
 * profile's embedded H2 file store in a data directory ({@link #startDefaultProfile}), bound to a free loopback
 * port, with its console in a log file. {@link #kill()} is SIGKILL ({@link Process#destroyForcibly()} on Linux): no
 * shutdown hook, no connection closed politely, no transaction committed; {@link #stop()} is SIGTERM (a clean
 * shutdown). A JVM shutdown hook kills it too, should the test JVM end first.
 */
final class LedgerProcess implements AutoCloseable {

    private final Process process;
    private final Thread killOnExit;
    final int port;
    final Path log;

    private LedgerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.killOnExit = new Thread(process::destroyForcibly, "kill-ledger-" + process.pid());
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** Starts the application on {@code db} and waits until {@code /actuator/health} answers UP. */
    static LedgerProcess start(Coordinates db, String applicationName, Path log) throws Exception {
        return start(List.of("-Xmx1g"), List.of("--spring.profiles.active=postgres",
                "--ledger.demo.load-on-start=false",
                "--spring.datasource.url=" + db.url() + "&ApplicationName=" + applicationName,
                "--spring.datasource.username=" + (db.username() == null ? "" : db.username()),
                "--spring.datasource.password=" + (db.password() == null ? "" : db.password()),
                "--spring.flyway.default-schema=" + db.schema(), "--spring.flyway.schemas=" + db.schema()), log);
    }

    /**
     * Starts the application on the default profile (its H2 file store, with every default setting) in
     * {@code dataDir}, without demo data; {@code jvmOptions} may make start-up faster.
     */
    static LedgerProcess startDefaultProfile(Path dataDir, String classPath, List<String> jvmOptions,
            List<String> arguments, Path log) throws Exception {
        List<String> all = new ArrayList<>(List.of("--ledger.data-dir=" + dataDir, "--ledger.demo.load-on-start=false"));
        all.addAll(arguments);
        return start(classPath, jvmOptions, all, log);
    }

    private static LedgerProcess start(List<String> jvmOptions, List<String> arguments, Path log) throws Exception {
        return start(System.getProperty("java.class.path"), jvmOptions, arguments, log);
    }

    private static LedgerProcess start(String classPath, List<String> jvmOptions, List<String> arguments, Path log)
            throws Exception {
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Daxoniq.update-checker.disabled=true", "-Ddisable-axoniq-console-message=true",
                "-cp", classPath, "cn.perfledger.app.LedgerApplication",
                "--server.port=" + port, "--server.address=127.0.0.1", "--spring.main.banner-mode=off"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        LedgerProcess app = new LedgerProcess(builder.start(), port, log);
        try {
            app.awaitHealthy(Duration.ofSeconds(180));
        } catch (Exception | AssertionError e) {
            app.kill();
            throw e;
        }
        return app;
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL, then wait until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down
        }
    }

    /** SIGTERM: a clean shutdown (the H2 store is closed, a class-data archive asked for is written). */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    /** The last lines of the application's console, for failure messages. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private void awaitHealthy(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("ledger process exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base()
                        + "/actuator/health")).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("ledger process not healthy within " + timeout + ":\n" + logTail());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
