package cn.perfledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.cli.testing.CliRun;
import cn.perfledger.cli.testing.CliRun.Result;
import cn.perfledger.cli.testing.StubServer;
import cn.perfledger.cli.testing.StubServer.Answer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The documented exit codes (docs/CLI.md) and what the auditor reads on stderr for each; never a stack trace. */
class ExitCodesTest {

    private static final String PATH = "/api/v1/departments/GZ-ZSJ/years/2021/evaluation";

    private static final StubServer server = new StubServer();

    @BeforeEach
    void forgetEarlierRequests() {
        server.reset();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "HTTP {0} → exit {1}")
    @CsvSource({"400, 6", "401, 3", "403, 4", "404, 5", "405, 1", "409, 6", "413, 6", "415, 6", "422, 6",
        "500, 7", "502, 7", "503, 7"})
    void eachStatus_hasItsExitCode_andTheProblemIsShownInChinese(int status, int exitCode) {
        server.on("GET " + PATH, Answer.problem(status, """
                {"type":"urn:perfledger:problem:x","title":"违反账本规则，未写入任何记录","status":%d,
                 "detail":"asOf: 日期超出年度","field":"asOf","rule":"日期超出年度","correlationId":"c-42"}"""
                .formatted(status)));

        Result run = CliRun.against(server, "evaluation", "GZ-ZSJ", "2021");

        assertThat(run.exitCode()).isEqualTo(exitCode);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("错误：违反账本规则，未写入任何记录（HTTP " + status + "）")
                .contains("规则：日期超出年度").contains("字段：asOf").contains("关联标识：c-42")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void unauthorized_withoutBody_explainsWhatToCheck() {
        server.on("GET " + PATH, new Answer(401, null, new byte[0]));

        Result run = CliRun.against(server, "--user", "auditor", "--password", "wrong", "evaluation", "GZ-ZSJ", "2021");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("错误：身份验证失败（HTTP 401）").contains("LEDGER_USER/LEDGER_PASSWORD");
    }

    @Test
    void forbidden_withSpringsEnglishTitle_getsAChineseOne() {
        server.on("GET " + PATH, Answer.problem(403, "{\"title\":\"Forbidden\",\"status\":403}"));

        Result run = CliRun.against(server, "evaluation", "GZ-ZSJ", "2021");

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.err()).contains("错误：无权访问（HTTP 403）").contains("没有执行此操作的权限");
    }

    @Test
    void serverError_asHtml_stillExits7() {
        server.on("GET " + PATH, new Answer(500, "text/html", "<h1>oops</h1>".getBytes(StandardCharsets.UTF_8)));

        Result run = CliRun.against(server, "evaluation", "GZ-ZSJ", "2021");

        assertThat(run.exitCode()).isEqualTo(7);
        assertThat(run.err()).contains("错误：服务器错误（HTTP 500）");
    }

    @Test
    void unknownDepartment_exits5_withTheServersRule() {
        Result run = CliRun.against(server, "evaluation", "NOPE", "2021");
        assertThat(run.exitCode()).isEqualTo(5);
        assertThat(run.err()).contains("错误：未找到（HTTP 404）");
    }

    @Test
    void noServer_exits8() {
        String url = StubServer.deadUrl();

        Result run = CliRun.run("--server", url, "departments");

        assertThat(run.exitCode()).isEqualTo(8);
        assertThat(run.err()).contains("无法连接服务器 " + url).contains("LEDGER_SERVER");
    }

    @Test
    void answerThatIsNotJson_exits1() {
        server.on("GET /api/v1/departments", new Answer(200, "text/html", "<html/>".getBytes(StandardCharsets.UTF_8)));
        Result run = CliRun.against(server, "departments");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("不是 JSON");
    }

    @Test
    void usageErrors_exit2_inChinese_withoutRequest() {
        assertUsage(CliRun.against(server, "evaluation", "GZ-ZSJ"), "缺少参数 'YEAR'");
        assertUsage(CliRun.against(server, "evaluation", "GZ-ZSJ", "x"), "YEAR 的值无效：'x' 不是整数");
        assertUsage(CliRun.against(server, "evaluation", "GZ-ZSJ", "2021", "--as-of", "2021-13-01"),
                "--as-of 的值无效：日期应为 yyyy-MM-dd");
        assertUsage(CliRun.against(server, "evaluation", "GZ-ZSJ", "2021", "--known-at", "yesterday"),
                "--known-at 的值无效：知悉时点应为");
        assertUsage(CliRun.against(server, "evaluation", "GZ-ZSJ", "2021", "-f", "yaml"),
                "应为 table、json、csv、xlsx 之一，而不是 'yaml'");
        assertUsage(CliRun.against(server, "evaluatio"), "您是否想输入：evaluation");
        assertUsage(CliRun.against(server, "departments", "--bogus"), "未知选项 '--bogus'");
        assertUsage(CliRun.run("--server", "localhost:8080", "departments"), "服务器地址应以 http:// 或 https:// 开头");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void userWithoutPassword_andNoConsole_isAUsageError() {
        Result run = CliRun.against(server, "--user", "auditor", "departments");
        // tests run without a console: the CLI cannot prompt, so it says how to give the password
        assertUsage(run, "缺少用户 auditor 的密码");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void globalOptions_mayComeBeforeOrAfterTheCommand() {
        server.on("GET /api/v1/departments", Answer.json(200, "[]"));

        Result after = CliRun.run("departments", "--server", server.url(), "-u", "a", "-p", "b");

        assertThat(after.exitCode()).isZero();
        assertThat(server.onlyRequest().header("Authorization")).isNotNull();
    }

    @Test
    void help_listsTheExitCodes() {
        Result run = CliRun.run("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("退出码:").contains("8   无法连接服务器").contains("evaluation");
    }

    private static void assertUsage(Result run, String message) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(message);
    }
}
