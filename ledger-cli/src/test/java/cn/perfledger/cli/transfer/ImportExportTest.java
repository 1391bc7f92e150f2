package cn.perfledger.cli.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.cli.testing.CliRun;
import cn.perfledger.cli.testing.CliRun.Result;
import cn.perfledger.cli.testing.MultipartParts;
import cn.perfledger.cli.testing.StubServer;
import cn.perfledger.cli.testing.StubServer.Answer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportExportTest {

    private static final String YEAR = "/api/v1/departments/GZ-ZSJ/years/2021";

    private static final StubServer server = new StubServer();
    @TempDir
    Path dir;
    private Path workbook;

    @BeforeEach
    void workbook() throws Exception {
        workbook = dir.resolve("预算台账 2021.xlsx");
        Files.write(workbook, new byte[] {'P', 'K', 3, 4, 0, (byte) 0xFF, '\r', '\n', '-', '-'});
    }

    @BeforeEach
    void forgetEarlierRequests() {
        server.reset();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void ledgerImport_postsTheFileAsMultipartFieldFile_andReportsWhatWasWritten() throws Exception {
        server.on("POST " + YEAR + "/imports/ledger", Answer.json(201, """
                {"fiscalYearId":"GZ-ZSJ/2021","recorded":true,"eventsRecorded":42,"rows":[1,2,3]}"""));

        Result run = CliRun.against(server, "-u", "auditor", "-p", "demo1234", "import", "GZ-ZSJ", "2021",
                workbook.toString(), "--kind", "ledger");

        assertThat(run.exitCode()).isZero();
        StubServer.Request request = server.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("X-Ledger-Client")).isEqualTo("CLI");
        assertThat(request.header("Authorization")).startsWith("Basic ");
        assertThat(request.header("Content-Type")).startsWith("multipart/form-data; boundary=");
        MultipartParts part = MultipartParts.parse(request.header("Content-Type"), request.body());
        assertThat(part.name()).isEqualTo("file");
        assertThat(part.filename()).isEqualTo("预算台账 2021.xlsx");
        assertThat(part.content()).isEqualTo(Files.readAllBytes(workbook));
        assertThat(run.out()).contains("导入完成：已写入（HTTP 201）").containsPattern("eventsRecorded +42")
                .containsPattern("rows +3 项");
        // the test has no console: no progress bar on stderr
        assertThat(run.err()).isEmpty();
    }

    @Test
    void evaluationTableImport_goesToItsEndpoint_andAReImportIsANoOp() {
        server.on("POST " + YEAR + "/imports/evaluation-table", Answer.json(200, "{\"recorded\":false}"));

        Result run = CliRun.against(server, "import", "GZ-ZSJ", "2021", workbook.toString(), "--kind",
                "evaluation-table");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("未写入任何记录：该文件此前已导入，内容相同（HTTP 200）");
    }

    @Test
    void refusal422_listsEveryRowAndColumn_andExits6() {
        server.on("POST " + YEAR + "/imports/ledger", Answer.problem(422, """
                {"type":"urn:perfledger:problem:import-refused","title":"导入被拒绝，未写入任何记录","status":422,
                 "detail":"2 处错误","field":"file","rule":"工作簿有 2 处错误",
                 "errors":[{"row":7,"column":"金额","rule":"金额应为两位小数的数字：12.345"},
                           {"row":12,"column":"凭证号","rule":"凭证号与第 9 行重复"}]}"""));

        Result run = CliRun.against(server, "import", "GZ-ZSJ", "2021", workbook.toString(), "--kind", "ledger");

        assertThat(run.exitCode()).isEqualTo(6);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("错误：导入被拒绝，未写入任何记录（HTTP 422）").contains("共 2 处错误")
                .containsPattern("行 +列 +规则")
                .containsPattern(" 7 +金额 +金额应为两位小数的数字：12\\.345")
                .containsPattern("12 +凭证号 +凭证号与第 9 行重复");
    }

    @Test
    void backupImport_postsTheFileAsNdjson() throws Exception {
        Path backup = dir.resolve("GZ-ZSJ-2021.jsonl");
        String content = "{\"format\":\"perf-ledger-events/1\",\"scope\":\"department-year\","
                + "\"departmentId\":\"GZ-ZSJ\",\"fiscalYear\":2021,\"eventCount\":1}\n{\"globalIndex\":1}\n";
        Files.writeString(backup, content, StandardCharsets.UTF_8);
        server.on("POST /api/v1/import", Answer.json(201, "{\"eventCount\":1,\"alreadyPresent\":false}"));

        Result run = CliRun.against(server, "import", backup.toString(), "--kind", "backup");
        Result checked = CliRun.against(server, "import", "GZ-ZSJ", "2021", backup.toString(), "--kind", "backup");

        assertThat(run.exitCode()).isZero();
        assertThat(checked.exitCode()).isZero();
        StubServer.Request request = server.requests().get(0);
        assertThat(request.header("Content-Type")).isEqualTo("application/x-ndjson");
        assertThat(request.bodyText()).isEqualTo(content);
    }

    @Test
    void backupOfAnotherYear_isRefusedBeforeUpload() throws Exception {
        Path backup = dir.resolve("other.jsonl");
        Files.writeString(backup, "{\"scope\":\"department-year\",\"departmentId\":\"HZ-ZSJ\",\"fiscalYear\":2023}\n");
        Path everything = dir.resolve("all.jsonl");
        Files.writeString(everything, "{\"scope\":\"all\"}\n");

        Result run = CliRun.against(server, "import", "GZ-ZSJ", "2021", backup.toString(), "--kind", "backup");
        Result all = CliRun.against(server, "import", "GZ-ZSJ", "2021", everything.toString(), "--kind", "backup");

        assertThat(run.exitCode()).isEqualTo(6);
        assertThat(run.err()).contains("HZ-ZSJ/2023").contains("未上传");
        assertThat(all.err()).contains("整个事件库");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void usageMistakes_areCaughtBeforeUpload() {
        assertThat(CliRun.against(server, "import", "GZ-ZSJ", "2021", workbook.toString()).exitCode()).isEqualTo(2);
        assertThat(CliRun.against(server, "import", "GZ-ZSJ", "2021", workbook.toString(), "--kind", "pdf")
                .err()).contains("--kind 应为 ledger、evaluation-table 或 backup");
        assertThat(CliRun.against(server, "import", workbook.toString(), "--kind", "ledger").exitCode()).isEqualTo(2);
        Result missing = CliRun.against(server, "import", "GZ-ZSJ", "2021", dir.resolve("无.xlsx").toString(),
                "--kind", "ledger");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("文件不存在或不可读");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void export_savesTheWorkbookAtTheBasis() throws Exception {
        byte[] xlsx = {'P', 'K', 3, 4, 42};
        server.on("GET " + YEAR + "/export.xlsx", new Answer(200,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx));
        Path target = dir.resolve("out.xlsx");

        Result run = CliRun.against(server, "export", "GZ-ZSJ", "2021", "--output", target.toString(), "--as-of",
                "2021-12-31", "--known-at", "2022-03-15T00:00:00Z");

        assertThat(run.exitCode()).isZero();
        assertThat(server.onlyRequest().query()).isEqualTo("asOf=2021-12-31&knownAt=2022-03-15T00%3A00%3A00Z");
        assertThat(server.onlyRequest().header("Accept")).contains("spreadsheetml");
        assertThat(Files.readAllBytes(target)).isEqualTo(xlsx);
    }

    @Test
    void export_notYetOnTheServer_exits5_andLeavesNoFile() {
        Path target = dir.resolve("out.xlsx");
        Result run = CliRun.against(server, "export", "GZ-ZSJ", "2021", "-o", target.toString());
        assertThat(run.exitCode()).isEqualTo(5);
        assertThat(run.err()).contains("服务器没有这个接口");
        assertThat(target).doesNotExist();
    }

    @Test
    void exportBackup_savesTheJsonLines() throws Exception {
        server.on("GET " + YEAR + "/export", new Answer(200, "application/x-ndjson",
                "{\"format\":\"perf-ledger-events/1\"}\n".getBytes(StandardCharsets.UTF_8)));
        Path target = dir.resolve("GZ-ZSJ-2021.jsonl");

        Result run = CliRun.against(server, "export", "GZ-ZSJ", "2021", "-o", target.toString(), "--kind", "backup");

        assertThat(run.exitCode()).isZero();
        assertThat(Files.readString(target)).startsWith("{\"format\"");
    }
}
