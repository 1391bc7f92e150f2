package cn.perfledger.benchmarks.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The product as a separate process: the built {@code ledger-app.jar} on a free port, demo data off, the initial
 * administrator from {@code ledger.security.initial-admin.password}, a chosen heap, on the embedded default store
 * (its own data directory) or on PostgreSQL (profile {@code postgres}, {@code LEDGER_DB_URL}). Tomcat's access log
 * records each request's {@code X-Bench} tag with the server's processing time in microseconds ({@code %D}): the
 * server-side time of a request, bcrypt sign-in included, network and client excluded.
 */
final class AppProcess implements AutoCloseable {

    /** Servers still running when the harness exits (Ctrl-C, a broken run) are stopped by a shutdown hook. */
    private static final java.util.Set<Process> LIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroy)));
    }

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "bench-admin-1";

    private final String name;
    private final Path jar;
    private final Path dir;
    private final String heap;
    private final List<String> jvmOptions;
    private final String jdbcUrl;
    private final int port;
    private final Path accessLog;
    private Process process;
    private Map<String, Long> serverMicros = new HashMap<>();
    private long accessLogRead;
    private double lastStartSeconds;

    /** {@code jdbcUrl} null: the embedded default store in {@code dir/data}. */
    AppProcess(String name, Path jar, Path dir, String heap, List<String> jvmOptions, String jdbcUrl) {
        this.name = name;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.jar = jar;
        this.dir = dir;
        this.heap = heap;
        this.jdbcUrl = jdbcUrl;
        this.port = freePort();
        this.accessLog = dir.resolve("access-" + name + ".log");
    }

    AppProcess start() {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString(),
                "--server.port=" + port,
                "--ledger.data-dir=" + dir.resolve("data").toAbsolutePath(),
                "--ledger.demo.load-on-start=false",
                "--ledger.security.initial-admin.password=" + ADMIN_PASSWORD,
                "--server.tomcat.accesslog.enabled=true",
                "--server.tomcat.accesslog.directory=" + dir.toAbsolutePath(),
                "--server.tomcat.accesslog.prefix=access-" + name,
                "--server.tomcat.accesslog.suffix=.log",
                "--server.tomcat.accesslog.file-date-format=",
                "--server.tomcat.accesslog.rotate=false",
                "--server.tomcat.accesslog.buffered=false",
                "--server.tomcat.accesslog.pattern=%{X-Bench}i %s %D"));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        if (jdbcUrl != null) {
            command.add("--spring.profiles.active=postgres");
            builder.command(command);
            builder.environment().put("LEDGER_DB_URL", jdbcUrl);
            builder.environment().put("LEDGER_DB_USER", "postgres");
            builder.environment().put("LEDGER_DEMO_DATA", "false");
        }
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("app-" + name + ".log").toFile()));
        long started = System.nanoTime();
        try {
            process = builder.start();
            LIVE.add(process);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + jar, e);
        }
        awaitHealthy();
        lastStartSeconds = (System.nanoTime() - started) / 1e9;
        return this;
    }

    private void awaitHealthy() {
        Api anonymous = admin();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see "
                        + dir.resolve("app-" + name + ".log"));
            }
            try {
                Api.Response health = anonymous.getAnonymous("/actuator/health");
                if (health.status() == 200 && health.text().contains("UP")) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " did not become healthy within 5 minutes");
    }

    /** Stops the process (SIGTERM, so the store is closed cleanly) and waits for it. */
    void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LIVE.remove(process);
        process = null;
    }

    void restart() {
        stop();
        start();
    }

    @Override
    public void close() {
        stop();
    }

    double lastStartSeconds() {
        return lastStartSeconds;
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    Api admin() {
        return new Api(base(), ADMIN, ADMIN_PASSWORD);
    }

    long pid() {
        return process.pid();
    }

    /** VmRSS and VmHWM of the server process in MiB, from /proc/&lt;pid&gt;/status. */
    double[] residentMiB() {
        double rss = Double.NaN;
        double hwm = Double.NaN;
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = kib(line) / 1024.0;
                } else if (line.startsWith("VmHWM:")) {
                    hwm = kib(line) / 1024.0;
                }
            }
        } catch (IOException e) {
            // the figure stays n/a
        }
        return new double[] {rss, hwm};
    }

    /**
     * CPU seconds the server process has used so far (user + system, all threads, from /proc/&lt;pid&gt;/stat): on a
     * shared machine the CPU a piece of work costs varies much less with the load than its wall time.
     */
    double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static final long CLOCK_TICKS = clockTicks();

    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return getconf.waitFor() == 0 ? Long.parseLong(out) : 100;
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }

    private static long kib(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    /** The bytes of the embedded store's files (H2 data directory). */
    long dataDirectoryBytes() {
        try (var files = Files.walk(dir.resolve("data"))) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            return -1;
        }
    }

    /** The server's processing time of the request with this tag, in ms; NaN if the log has no line for it. */
    synchronized double serverMillis(String tag) {
        Long micros = serverMicros.get(tag);
        if (micros == null) {
            readAccessLog();
            micros = serverMicros.get(tag);
        }
        return micros == null ? Double.NaN : micros / 1000.0;
    }

    private void readAccessLog() {
        sleep(200); // the valve writes its line just after the response is sent
        try {
            byte[] all = Files.exists(accessLog) ? Files.readAllBytes(accessLog) : new byte[0];
            String text = new String(all, (int) accessLogRead, all.length - (int) accessLogRead, StandardCharsets.UTF_8);
            int complete = text.lastIndexOf('\n') + 1;
            for (String line : text.substring(0, complete).split("\n")) {
                String[] parts = line.trim().split(" ");
                if (parts.length == 3 && parts[0].startsWith("b")) {
                    serverMicros.put(parts[0], Long.parseLong(parts[2]));
                }
            }
            accessLogRead += text.substring(0, complete).getBytes(StandardCharsets.UTF_8).length;
        } catch (IOException | NumberFormatException e) {
            // figures stay n/a
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
