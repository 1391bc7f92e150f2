package cn.perfledger.app.crash;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.app.concurrency.RetryingLedgerClient;
import cn.perfledger.app.support.TestRubrics;
import cn.perfledger.app.support.TestDatabases;
import cn.perfledger.app.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A 201 means durable, on the default profile's embedded H2 file store with its default settings: the application
 * runs as a separate process on a data directory; {@value #DEFAULT_WRITES} times (or {@code -Dledger.sigkill.writes})
 * one expenditure is posted, and the moment its 201 has arrived the process is killed with SIGKILL; it is started
 * again on the same directory and must show that voucher and every voucher acknowledged before it, and nothing
 * else. Before the store synced at commit, such a kill lost the acknowledged write in 6 of 8 trials.
 *
 * <p>SIGKILL tests the process crash only (what reached the operating system survives); that each commit is also
 * forced to the device before it is answered is shown at H2's file calls by {@code DurableCommitDataSourceTest}.
 *
 * <p>Start-ups are made fast without changing the store: no demo data, no OpenAPI document, the C1 compiler only,
 * and a class-data-sharing archive written by a first, cleanly stopped process. Tagged {@code trust}: run with
 * {@code -Ptrust}. {@code -Dledger.sigkill.app-args=--ledger.store.sync-at-commit=false} runs the same loop on
 * H2's own commit behaviour, which loses acknowledged writes.
 */
@Tag("trust")
class SigkillAfterAcknowledgedWriteTest {

    static final int DEFAULT_WRITES = 50;
    static final String YEAR = "/api/v1/departments/KILL/years/2021";

    private final RetryingLedgerClient client = new RetryingLedgerClient();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    @Timeout(value = 1800, unit = TimeUnit.SECONDS)
    void everyAcknowledgedWrite_survivesASigkillRightAfterItsAnswer() throws Exception {
        int writes = Integer.getInteger("ledger.sigkill.writes", DEFAULT_WRITES);
        Path work = TestDatabases.tempDir("ledger-sigkill-");
        Path dataDir = work.resolve("data");
        Path archive = work.resolve("ledger.jsa");
        List<String> arguments = new ArrayList<>(List.of("--springdoc.api-docs.enabled=false",
                "--springdoc.swagger-ui.enabled=false"));
        // e.g. -Dledger.sigkill.app-args=--ledger.store.sync-at-commit=false shows the loss this test guards against
        String more = System.getProperty("ledger.sigkill.app-args", "");
        if (!more.isBlank()) {
            arguments.addAll(List.of(more.split(" ")));
        }
        long started = System.nanoTime();

        // set-up, then a clean stop so that the JVM writes the class-data archive the later start-ups map
        String classPath = jarredClassPath(work.resolve("class-path"));
        LedgerProcess app = LedgerProcess.startDefaultProfile(dataDir, classPath,
                jvm("-XX:ArchiveClassesAtExit=" + archive), arguments, work.resolve("app-setup.log"));
        try {
            client.created(app.base(), "/api/v1/departments", """
                    {"departmentId":"KILL","name":"断电测试局","jurisdiction":"广州市",
                     "units":[{"code":"BJ","name":"本级","headOffice":true}],"effectiveDate":"2021-01-01"}""");
            TestRubrics.ensurePublished(app.base());
            client.created(app.base(), "/api/v1/departments/KILL/years", """
                    {"year":2021,"rubricVersion":"gz-municipal-2021@1"}""");
            client.created(app.base(), YEAR + "/budget-lines", """
                    {"lineId":"L1","unit":"BJ","fundingSource":"GENERAL_PUBLIC_BUDGET","kind":"PROJECT",
                     "projectCode":"P1","projectName":"项目1","functionalCode":"2010101","economicCode":"30201",
                     "effectiveDate":"2021-01-01"}""");
            client.created(app.base(), YEAR + "/initial-budgets", """
                    {"lineId":"L1","amount":"900000000.00","documentNo":"预-1","effectiveDate":"2021-01-02"}""");
        } finally {
            app.stop();
        }
        List<String> fast = Files.exists(archive) ? jvm("-XX:SharedArchiveFile=" + archive) : jvm();

        Set<String> acknowledged = new TreeSet<>();
        List<String> lost = new ArrayList<>();
        int killed = 0;
        long startupNanos = 0;
        for (int n = 1; n <= writes + 1; n++) {
            long startup = System.nanoTime();
            app = LedgerProcess.startDefaultProfile(dataDir, classPath, fast, arguments,
                    work.resolve("app-" + n + ".log"));
            startupNanos += System.nanoTime() - startup;
            try {
                Set<String> stored = storedVouchers(app);
                assertThat(stored).as("after restart %d: nothing stored that was not acknowledged", n)
                        .isSubsetOf(acknowledged);
                // counted rather than failed at once, so that a run on a store that loses writes says how many
                for (String voucher : acknowledged) {
                    if (!stored.contains(voucher)) {
                        lost.add(voucher);
                    }
                }
                acknowledged.retainAll(stored);
                if (n > writes) {
                    break;
                }
                String voucher = "K-" + n;
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(app.base() + YEAR
                        + "/expenditures")).header("Authorization", TestUsers.basicHeader())
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"voucherNo\":\"" + voucher + "\",\"lineId\":\"L1\","
                                + "\"amount\":\"" + n + ".00\",\"effectiveDate\":\"2021-03-01\",\"summary\":\"断电前最后一笔\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                // no statement between the answer and the kill
                app.kill();
                killed++;
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
                acknowledged.add(voucher);
            } catch (AssertionError | RuntimeException e) {
                System.out.println("ledger process log tail:\n" + app.logTail());
                throw e;
            } finally {
                app.kill();
            }
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000;
        System.out.printf("%n╔══ SIGKILL RIGHT AFTER EACH ACKNOWLEDGED WRITE (default profile, H2 file store%s) ══%n"
                + "║ acknowledged (201) and killed: %d   found after restart: %d   lost: %d %s%n"
                + "║ start-ups: %d, mean %.1f s   whole run: %d s (load %.2f)%n╚══%n",
                more.isBlank() ? "" : ", " + more, killed, killed - lost.size(), lost.size(), lost.isEmpty() ? "" : lost,
                writes + 1, startupNanos / 1e9 / (writes + 1), seconds,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        assertThat(killed).isEqualTo(writes);
        assertThat(lost).as("acknowledged writes missing after a restart").isEmpty();
        deleteRecursively(work);
    }

    /** The run's directory (store, logs, a class-data archive of about 70 MB), once the run has passed. */
    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** The voucher numbers the restarted process reads from its store. */
    private Set<String> storedVouchers(LedgerProcess app) {
        JsonNode page = client.get(app.base(), YEAR + "/events?type=ExpenditureRecorded&size=1000");
        Set<String> vouchers = new TreeSet<>();
        for (JsonNode event : page.get("events")) {
            vouchers.add(event.get("payload").get("voucherNo").asText());
        }
        assertThat(page.get("totalElements").asLong()).isEqualTo(vouchers.size());
        return vouchers;
    }

    /**
     * This JVM's class path with every directory (target/classes, target/test-classes) packed into a jar: class-data
     * sharing archives classes from jars only.
     */
    private static String jarredClassPath(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (!Files.isDirectory(path)) {
                entries.add(entry);
                continue;
            }
            Path jar = dir.resolve("dir-" + n++ + ".jar");
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                    Stream<Path> files = Files.walk(path)) {
                // directory entries too: Spring's component scan looks packages up as class-path resources
                for (Path file : (Iterable<Path>) files.filter(p -> !p.equals(path)).sorted()::iterator) {
                    String name = path.relativize(file).toString().replace(File.separatorChar, '/');
                    boolean directory = Files.isDirectory(file);
                    out.putNextEntry(new JarEntry(directory ? name + "/" : name));
                    if (!directory) {
                        Files.copy(file, out);
                    }
                    out.closeEntry();
                }
            }
            entries.add(jar.toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    private static List<String> jvm(String... more) {
        List<String> options = new ArrayList<>(List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Xshare:auto"));
        options.addAll(List.of(more));
        return options;
    }
}
