package cn.perfledger.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.app.demo.DemoUsers;
import cn.perfledger.app.support.DemoServer;
import cn.perfledger.cli.LedgerCli;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import picocli.CommandLine;

/**
 * The "done when": the CLI reproduces from the terminal the total of the scored 市本级 2021 table
 * (GZ-ZSJ 2021) that the API and the web UI show. The server runs on a real port with the demo data; the CLI runs
 * in-process exactly as {@code bin/ledger} configures it, with the demo auditor's credentials, and talks to the
 * server over HTTP like any other client. The expected total is the API's own answer for the same basis, not a
 * typed-in number: the CLI must add nothing and lose nothing.
 */
class CliAgainstServerTest extends DemoServer {

    /** The demo auditor (README, 演示用户). */
    private static final String USER = "auditor";
    private static final String PASSWORD = DemoUsers.PASSWORD;

    @Test
    void evaluationJson_hasTheApisTotal_forTheSameBasis() throws Exception {
        // one fixed basis for both, so that nothing recorded in between could make them differ legitimately
        Instant knownAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String basis = "asOf=2021-12-31&knownAt=" + knownAt;
        ResponseEntity<String> api = rest.withBasicAuth(USER, PASSWORD)
                .getForEntity("/api/v1/departments/GZ-ZSJ/years/2021/evaluation?" + basis, String.class);
        assertThat(api.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode fromApi = JSON.readTree(api.getBody());

        Run run = cli("evaluation", "GZ-ZSJ", "2021", "--as-of", "2021-12-31", "--known-at", knownAt.toString(),
                "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode fromCli = JSON.readTree(run.out());
        BigDecimal total = fromCli.path("result").path("total").decimalValue();
        System.out.println("CLI total for GZ-ZSJ 2021 at 2021-12-31: " + total + " (DOMAIN.md §7: 94.35)");
        assertThat(total).isEqualByComparingTo(fromApi.path("result").path("total").decimalValue());
        assertThat(fromCli.path("result").path("grade").asText()).isEqualTo(fromApi.path("result").path("grade").asText());
        // same basis, same bytes: the digest of the result agrees too
        assertThat(fromCli.path("digest").asText()).isEqualTo(fromApi.path("digest").asText());
        assertThat(fromCli.path("asOf").asText()).isEqualTo("2021-12-31");
    }

    @Test
    void evaluationTable_showsTheTotalAndGrade() throws Exception {
        JsonNode fromApi = api(USER, "/api/v1/departments/GZ-ZSJ/years/2021/evaluation?asOf=2021-12-31");
        String total = fromApi.path("result").path("total").decimalValue().toPlainString();

        Run run = cli("evaluation", "GZ-ZSJ", "2021", "--as-of", "2021-12-31");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("总分  " + total + " / ")
                .contains("等级  " + fromApi.path("result").path("grade").asText())
                .contains("评价基准日 2021-12-31")
                .contains("E.KPI-09");
    }

    @Test
    void departments_listsTheDemoDepartment() throws Exception {
        // the department list is a read model that follows the event store within moments of the load
        Run run = cli("departments", "--format", "json");
        for (int attempt = 0; attempt < 100 && !run.out().contains("\"GZ-ZSJ\""); attempt++) {
            Thread.sleep(100);
            run = cli("departments", "--format", "json");
        }
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> codes = new ArrayList<>();
        JSON.readTree(run.out()).forEach(department -> codes.add(department.path("departmentId").asText()));
        assertThat(codes).contains("GZ-ZSJ");

        Run table = cli("departments");
        assertThat(table.out()).containsPattern("GZ-ZSJ +广州市政务服务数据管理局 .* 2021 ");
    }

    @Test
    void unknownDepartment_exitsWith5_andSaysSoInChinese() {
        Run run = cli("evaluation", "NO-SUCH-DEPT", "2021");

        assertThat(run.exitCode()).isEqualTo(5);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("错误：未找到（HTTP 404）").contains("NO-SUCH-DEPT").doesNotContain("Exception");
    }

    private record Run(int exitCode, String out, String err) {
    }

    private Run cli(String... args) {
        List<String> all = new ArrayList<>(List.of("--server", url(""), "--user", USER,
                "--password", PASSWORD));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = LedgerCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }
}
