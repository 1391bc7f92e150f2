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
        // the shape of the server's answer (CommandResult around a LedgerImportReport)
        server.on("POST " + YEAR + "/imports/ledger", Answer.json(201, """
                {"id":"GZ-ZSJ/2021","recorded":true,"correlationId":"c-1","outcome":{"importId":"c-1",
                 "alreadyImported":false,"fileName":"预算台账 2021.xlsx","unit":"万元","rowCount":12,
                 "rowsByType":{"支出凭证":10,"年初预算":2},"eventCount":11,"alreadyRecordedVoucherNos":["记-0001"],
                 "alreadyRecordedAdjustments":[],"futureMember":[1,2,3]}}"""));

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
        assertThat(run.out()).contains("导入完成：已写入（HTTP 201）")
                .contains("汇总：读取 12 行，写入 11 条记录，已登记而跳过的凭证 1 笔，已登记而跳过的调整 0 笔")
                .containsPattern("数据行数 +12").containsPattern("写入的记录数 +11").containsPattern("此前已导入 +否")
                .containsPattern("金额单位 +万元")
                // a member the CLI has no name for yet is still shown, under its key
                .containsPattern("futureMember +3 项")
                .doesNotContain("outcome").doesNotContain("rowCount");
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
    void evaluationTableImport_summarisesWhatTheTableWrote() {
        server.on("POST " + YEAR + "/imports/evaluation-table", Answer.json(201, """
                {"fiscalYearId":"GZ-ZSJ/2021","recorded":true,"alreadyImported":false,"dryRun":false,"rows":60,
                 "indicatorsDefined":17,"actualsRecorded":17,"judgementScoresEntered":13,"declaredFiguresRecorded":4,
                 "explanationsRecorded":26,"unchanged":2,"notes":["加减分另行登记"]}"""));

        Result run = CliRun.against(server, "import", "GZ-ZSJ", "2021", workbook.toString(), "--kind",
                "evaluation-table");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("汇总：读取 60 行，写入 新设指标 17 个、实际完成值 17 条、评分 13 项、申报数 4 个、"
                + "计算项说明 26 条，与账本一致而未重复登记 2 条").containsPattern("提示 +1 项");
    }

    @Test
    void refusalWithManyErrors_countsThemByColumn_listsTheFirst50_andJsonGivesAll() {
        StringBuilder errors = new StringBuilder();
        for (int row = 11; row < 11 + 70; row++) {
            String column = row % 2 == 0 ? "金额" : "业务日期";
            errors.append(errors.isEmpty() ? "" : ",").append("{\"row\":").append(row).append(",\"column\":\"")
                    .append(column).append("\",\"field\":\"amount\",\"columnLetter\":\"D\",\"cell\":\"D")
                    .append(row).append("\",\"rule\":\"第 ").append(row).append(" 行有误\"}");
        }
        String problem = "{\"title\":\"导入文件有错误，未写入任何记录\",\"status\":422,\"field\":\"file\","
                + "\"rule\":\"导入文件有 70 处错误，未写入任何记录\",\"errors\":[" + errors + "]}";
        server.on("POST " + YEAR + "/imports/ledger", Answer.problem(422, problem));

        Result run = CliRun.against(server, "import", "GZ-ZSJ", "2021", workbook.toString(), "--kind", "ledger");

        assertThat(run.exitCode()).isEqualTo(6);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("共 70 处错误（按列：业务日期 35 处、金额 35 处），下面列出前 50 处：")
                .containsPattern("行 +列 +单元格 +规则").containsPattern("60 +金额 +D60 +第 60 行有误")
                .doesNotContain("第 61 行有误").contains("另有 20 处错误未列出；全部错误：--format json")
                // the field's internal name and the bare column letter stay out of the table
                .doesNotContain("amount").doesNotContain("columnLetter").doesNotContain("字段        ");

        Result json = CliRun.against(server, "import", "GZ-ZSJ", "2021", workbook.toString(), "--kind", "ledger",
                "--format", "json");

        assertThat(json.exitCode()).isEqualTo(6);
        assertThat(json.out()).isEmpty();
        assertThat(json.err()).contains("\"rule\": \"第 80 行有误\"").contains("\"rule\": \"第 61 行有误\"")
                .doesNotContain("另有");
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
        assertThat(all.err()).contains("整个账本");
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
