package cn.perfledger.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.perfledger.app.LedgerApplication;
import cn.perfledger.app.support.TestDatabases;
import cn.perfledger.app.support.TestRubrics;
import cn.perfledger.app.support.TestUsers;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * What durability at commit costs a single write on the default profile's H2 file store. For each setting of
 * {@code ledger.store.sync-at-commit} (false: H2's own behaviour before this change; true: the default) a fresh
 * store gets a department-year of {@value #YEAR_EVENTS} vouchers, then {@value #MEASURED} single vouchers are
 * posted one after the other and each request is timed in process (MockMvc: filters, security with the signed-in
 * principal — no password hashing —, controller, command, event store commit; no network). Prints p50/p99 and the
 * store file's size; asserts only that every write was answered 201 and stored (timings depend on the machine).
 * Tagged {@code trust}: {@code ./mvnw -Ptrust -pl ledger-app -am verify -Dtest=SingleWriteCostTest}.
 */
@Tag("trust")
class SingleWriteCostTest {

    static final int YEAR_EVENTS = 5_000;
    static final int WARM_UP = 100;
    static final int MEASURED = 400;
    static final String YEAR = "/api/v1/departments/COST/years/2021";

    record Figures(boolean sync, double p50, double p90, double p99, double max, long fileBytes, long syncs,
            double meanSyncMillis) {
    }

    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    void singleVoucherWrite_withAndWithoutSyncAtCommit() throws Exception {
        List<Figures> figures = new ArrayList<>();
        for (boolean sync : new boolean[] {false, true}) {
            figures.add(measure(sync));
        }
        StringBuilder box = new StringBuilder(String.format(
                "%n╔══ SINGLE VOUCHER WRITE, H2 FILE STORE, YEAR OF %,d EVENTS, %d WRITES (load %.2f) ══%n", YEAR_EVENTS,
                MEASURED, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        for (Figures f : figures) {
            box.append(String.format("║ sync-at-commit=%-5s p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  max %7.2f ms"
                    + "  store syncs %,6d (mean %.2f ms each)  file %,d KiB%n", f.sync(), f.p50(), f.p90(), f.p99(),
                    f.max(), f.syncs(), f.meanSyncMillis(), f.fileBytes() / 1024));
        }
        System.out.println(box.append("╚══"));
    }

    private Figures measure(boolean sync) throws Exception {
        Path dataDir = TestDatabases.tempDir("ledger-cost-");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LedgerApplication.class, TestUsers.class)
                .run("--server.port=0", "--server.address=127.0.0.1", "--spring.main.banner-mode=off",
                        "--ledger.demo.load-on-start=false", "--ledger.data-dir=" + dataDir,
                        "--ledger.store.sync-at-commit=" + sync)) {
            MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) app)
                    .apply(SecurityMockMvcConfigurers.springSecurity()).build();
            created(mvc, "/api/v1/departments", """
                    {"departmentId":"COST","name":"写入成本测试局","jurisdiction":"广州市",
                     "units":[{"code":"BJ","name":"本级","headOffice":true}],"effectiveDate":"2021-01-01"}""");
            created(mvc, "/api/v1/rubrics", TestRubrics.gz2021());
            created(mvc, "/api/v1/departments/COST/years", "{\"year\":2021,\"rubricVersion\":\"gz-municipal-2021@1\"}");
            created(mvc, YEAR + "/budget-lines", """
                    {"lineId":"L1","unit":"BJ","fundingSource":"GENERAL_PUBLIC_BUDGET","kind":"PROJECT",
                     "projectCode":"P1","projectName":"项目1","functionalCode":"2010101","economicCode":"30201",
                     "effectiveDate":"2021-01-01"}""");
            created(mvc, YEAR + "/initial-budgets",
                    "{\"lineId\":\"L1\",\"amount\":\"900000000.00\",\"documentNo\":\"预-1\",\"effectiveDate\":\"2021-01-02\"}");
            StringBuilder batch = new StringBuilder("{\"batchId\":\"year\",\"entries\":[");
            for (int n = 0; n < YEAR_EVENTS; n++) {
                batch.append(n == 0 ? "" : ",").append(voucher("Y-" + n, n));
            }
            created(mvc, YEAR + "/expenditure-batches", batch.append("]}").toString());

            long[] nanos = new long[MEASURED];
            for (int n = 0; n < WARM_UP + MEASURED; n++) {
                long start = System.nanoTime();
                created(mvc, YEAR + "/expenditures", voucher("S-" + n, n));
                if (n >= WARM_UP) {
                    nanos[n - WARM_UP] = System.nanoTime() - start;
                }
            }
            MvcResult events = mvc.perform(get(YEAR + "/events?type=ExpenditureRecorded&size=1")
                    .with(user(TestUsers.principal()))).andReturn();
            assertThat(new ObjectMapper().readTree(events.getResponse().getContentAsString()).get("totalElements").asLong())
                    .as("every voucher stored").isEqualTo(YEAR_EVENTS + WARM_UP + MEASURED);
            DataSource dataSource = app.getBean(DataSource.class);
            assertThat(dataSource instanceof DurableCommitDataSource).as("wrapped when sync-at-commit").isEqualTo(sync);
            long syncs = dataSource instanceof DurableCommitDataSource durable ? durable.syncCount() : 0;
            double meanSync = dataSource instanceof DurableCommitDataSource durable && syncs > 0
                    ? durable.syncNanos() / 1e6 / syncs : 0;
            Arrays.sort(nanos);
            return new Figures(sync, millis(nanos, 50), millis(nanos, 90), millis(nanos, 99),
                    nanos[nanos.length - 1] / 1e6, Files.size(dataDir.resolve("ledger.mv.db")), syncs, meanSync);
        }
    }

    private static double millis(long[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, sorted.length * percentile / 100)] / 1e6;
    }

    private static String voucher(String no, int n) {
        return "{\"voucherNo\":\"" + no + "\",\"lineId\":\"L1\",\"amount\":\"" + (100 + n % 900) + ".00\","
                + "\"effectiveDate\":\"2021-" + String.format("%02d-%02d", 2 + n % 10, 1 + n % 28)
                + "\",\"summary\":\"单笔写入 " + n + "\"}";
    }

    private static void created(MockMvc mvc, String path, String body) throws Exception {
        MvcResult result = mvc.perform(post(path).with(user(TestUsers.principal()))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
        assertThat(result.getResponse().getStatus()).as(path + ": " + result.getResponse().getContentAsString())
                .isEqualTo(201);
    }
}
