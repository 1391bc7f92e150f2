package cn.perfledger.cli;

import static cn.perfledger.cli.testing.CliRun.answer;
import static org.assertj.core.api.Assertions.assertThat;

import cn.perfledger.cli.testing.CliRun;
import cn.perfledger.cli.testing.CliRun.Result;
import cn.perfledger.cli.testing.StubServer;
import cn.perfledger.cli.testing.StubServer.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each command against a stub server answering with real answers of the demo data (src/test/resources/answers,
 * trimmed of inputs and descriptions — their digests therefore no longer match, which the CLI never checks):
 * which request went out, and what the auditor sees.
 */
class CommandsTest {

    private static final String YEAR = "/api/v1/departments/GZ-ZSJ/years/2021";

    private static final StubServer server = new StubServer();

    @BeforeEach
    void forgetEarlierRequests() {
        server.reset();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void evaluation_asksForTheBasis_andShowsTotalAndGradeProminently() {
        server.on("GET " + YEAR + "/evaluation", Answer.json(200, answer("evaluation-GZ-ZSJ-2021.json")));

        Result run = CliRun.against(server, "--user", "auditor", "--password", "demo1234",
                "evaluation", "GZ-ZSJ", "2021", "--as-of", "2021-12-31", "--known-at", "2022-03-15T00:00:00Z");

        assertThat(run.exitCode()).isZero();
        StubServer.Request request = server.onlyRequest();
        assertThat(request.query()).isEqualTo("asOf=2021-12-31&knownAt=2022-03-15T00%3A00%3A00Z");
        assertThat(request.header("Authorization")).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString("auditor:demo1234".getBytes(StandardCharsets.UTF_8)));
        assertThat(request.header("X-Ledger-Client")).isEqualTo("CLI");
        assertThat(run.out())
                .contains("部门整体支出绩效自评表  GZ-ZSJ/2021")
                .contains("评价体系：广州市市本级部门整体支出绩效自评指标体系（2021年度）（gz-municipal-2021@1）")
                .contains("时点：评价基准日 2021-12-31")
                .contains("  总分  94.35 / 100      等级  优")
                .contains("申报总分 94.65")
                .contains("申报 − 计算 = +0.30")
                .containsPattern("E\\.KPI-09 .* 2\\.96 +2\\.66  指标未达标");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void evaluation_json_isTheServersAnswer_numbersExact() throws Exception {
        String body = answer("evaluation-GZ-ZSJ-2021.json");
        server.on("GET " + YEAR + "/evaluation", Answer.json(200, body));

        Result run = CliRun.against(server, "evaluation", "GZ-ZSJ", "2021", "--format", "json");

        assertThat(run.exitCode()).isZero();
        ObjectMapper plain = new ObjectMapper();
        JsonNode printed = plain.readTree(run.out());
        assertThat(printed).isEqualTo(plain.readTree(body));
        assertThat(run.out()).contains("\"total\": 94.35").contains("\"weight\": 45.00");
        assertThat(server.onlyRequest().query()).isNull();
    }

    @Test
    void evaluation_csv_holdsEveryItemAndTheTotal_withExactValues() {
        server.on("GET " + YEAR + "/evaluation", Answer.json(200, answer("evaluation-GZ-ZSJ-2021.json")));

        Result run = CliRun.against(server, "evaluation", "GZ-ZSJ", "2021", "-f", "CSV");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("编码,层级,指标名称,分值,得分,未舍入得分,规则,标记,评分依据\r\n")
                .contains("\r\nM.FUND.BUDGET-COMPLETION,3,预算完成率,2.00,1.99,1.98936492168,按差距百分点扣分,,\r\n")
                .endsWith("\r\nTOTAL,0,总分（等级 优）,100,94.35,,,,\r\n");
    }

    @Test
    void csvToAFile_startsWithABomForExcel(@TempDir Path dir) throws Exception {
        server.on("GET " + YEAR + "/evaluation", Answer.json(200, answer("evaluation-GZ-ZSJ-2021.json")));
        Path file = dir.resolve("自评表.csv");

        Result run = CliRun.against(server, "evaluation", "GZ-ZSJ", "2021", "-f", "csv", "-o", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).startsWith("\uFEFF编码,层级");
    }

    @Test
    void evaluation_xlsx_downloadsTheServersWorkbook(@TempDir Path dir) throws Exception {
        byte[] workbook = {'P', 'K', 3, 4, 9, 9};
        server.on("GET " + YEAR + "/export.xlsx", new Answer(200,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook));
        Path file = dir.resolve("GZ-ZSJ-2021.xlsx");

        Result run = CliRun.against(server, "evaluation", "GZ-ZSJ", "2021", "--as-of", "2021-12-31", "-f", "xlsx",
                "-o", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(server.onlyRequest().query()).isEqualTo("asOf=2021-12-31");
        assertThat(Files.readAllBytes(file)).isEqualTo(workbook);
        assertThat(run.out()).contains("已保存").contains("6 字节");
    }

    @Test
    void xlsx_withoutOutput_isAUsageError_beforeAnyRequest() {
        Result run = CliRun.against(server, "execution", "GZ-ZSJ", "2021", "-f", "xlsx");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--output");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void xlsx_forOtherCommands_isAUsageError() {
        server.on("GET /api/v1/departments", Answer.json(200, answer("departments.json")));
        Result run = CliRun.against(server, "departments", "-f", "xlsx");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("只适用于 evaluation 与 execution");
    }

    @Test
    void departments_oneRowPerYear() {
        server.on("GET /api/v1/departments", Answer.json(200, answer("departments.json")));

        Result run = CliRun.against(server, "departments");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("共 3 个部门")
                .containsPattern("GZ-ZSJ +广州市政务服务数据管理局 +广州市 +4 +2021 +gz-municipal-2021@1 +已结账")
                .containsPattern("HZ-ZSJ .* 2020 .*\\n.*HZ-ZSJ .* 2023 ");
    }

    @Test
    void execution_showsMoneyWithSeparators_andRatesAsPercent() {
        server.on("GET " + YEAR + "/execution", Answer.json(200, answer("execution-GZ-ZSJ-2021.json")));

        Result run = CliRun.against(server, "execution", "GZ-ZSJ", "2021");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .containsPattern("TOTAL +合计 +392,951,003\\.55 +0\\.00 +392,951,003\\.55 +392,533,097\\.08 +99\\.89% +4,122\\.00")
                .contains("年度平均执行率：账本 104.60%，通报 104.60%")
                .contains("穗财预〔2021〕300号");
    }

    @Test
    void execution_csv_isTheLinesWithTotals_exact() {
        server.on("GET " + YEAR + "/execution", Answer.json(200, answer("execution-GZ-ZSJ-2021.json")));

        Result run = CliRun.against(server, "execution", "GZ-ZSJ", "2021", "-f", "csv");

        assertThat(run.out()).startsWith("编码,预算行,年初预算,调整,全年预算,年初结转结余,指标收回,执行数,执行率,年末结转结余\r\n")
                .contains("\r\nTOTAL,合计,392951003.55,0.00,392951003.55,4122.00,417906.47,392533097.08,0.998936492168,4122.00\r\n");
    }

    @Test
    void why_sendsBothBases_andListsTheSteps() {
        server.on("GET " + YEAR + "/evaluation/items/TOTAL/why", Answer.json(200, answer("why-GZ-ZSJ-2021-TOTAL.json")));

        Result run = CliRun.against(server, "why", "GZ-ZSJ", "2021", "TOTAL", "--from-as-of", "2021-11-30",
                "--from-known-at", "2022-01-15", "--to-as-of", "2021-12-31", "--to-known-at", "2022-03-15T08:00",
                "--details");

        assertThat(run.exitCode()).isZero();
        // dates without a time are the end of that day, times without an offset are Beijing time
        assertThat(server.onlyRequest().query()).isEqualTo("fromAsOf=2021-11-30"
                + "&fromKnownAt=2022-01-15T15%3A59%3A59.999999999Z&toAsOf=2021-12-31&toKnownAt=2022-03-15T00%3A00%3A00Z"
                + "&size=500&eventsPerStep=50");
        assertThat(run.out()).contains("得分变动原因：TOTAL 总分")
                .contains("→ 得分 11.68").contains("→ 得分 94.35").contains("变动 +82.67")
                .containsPattern("1 +加入 +支出凭证 +L01 +2021-12 +4 +6,875,889\\.51 +\\+0\\.18")
                .contains("记录明细");
    }

    @Test
    void why_fetchesEveryPageOfSteps() {
        String answer = answer("why-GZ-ZSJ-2021-TOTAL.json").replaceFirst("\\{", "{\"pageCount\": 3, ");
        server.on("GET " + YEAR + "/evaluation/items/TOTAL/why", Answer.json(200, answer));

        Result run = CliRun.against(server, "why", "GZ-ZSJ", "2021", "TOTAL");

        assertThat(run.exitCode()).isZero();
        assertThat(server.requests()).extracting(StubServer.Request::query).containsExactly(
                "size=500&eventsPerStep=0", "size=500&eventsPerStep=0&page=1", "size=500&eventsPerStep=0&page=2");
    }

    @Test
    void why_itemCodeIsOnePathSegment() {
        server.on("GET " + YEAR + "/evaluation/items/A%2FB/why", Answer.json(200, answer("why-GZ-ZSJ-2021-TOTAL.json")));
        Result run = CliRun.against(server, "why", "GZ-ZSJ", "2021", "A/B");
        assertThat(run.exitCode()).isZero();
        assertThat(server.onlyRequest().path()).isEqualTo(YEAR + "/evaluation/items/A%2FB/why");
    }

    @Test
    void reconcile_showsWaterfallWithDocumentNumbers_andAlarms() {
        String path = "/api/v1/departments/PY-ZSJ/years/2023/reconciliation";
        server.on("GET " + path, Answer.json(200, answer("reconciliation-PY-ZSJ-2023.json")));

        Result run = CliRun.against(server, "reconcile", "PY-ZSJ", "2023", "--as-of", "2023-12-31");

        assertThat(run.exitCode()).isZero();
        assertThat(server.onlyRequest().query()).isEqualTo("asOf=2023-12-31");
        assertThat(run.out()).contains("番财预〔2023〕198号").contains("-121,300.00")
                .contains("决算恒等式").contains("尾数误差").contains("告警 ");
    }

    @Test
    void reconcile_csv_isOneTableOfAllChecks() {
        String path = "/api/v1/departments/PY-ZSJ/years/2023/reconciliation";
        server.on("GET " + path, Answer.json(200, answer("reconciliation-PY-ZSJ-2023.json")));

        Result run = CliRun.against(server, "reconcile", "PY-ZSJ", "2023", "-f", "csv");

        assertThat(run.out()).startsWith("类别,编码,项目,左边/所印,右边/账本,结论,说明\r\n")
                .contains("\r\n预算调整,L01,").contains("\r\n决算恒等式,BALANCE,").contains("\r\n公开数字,");
    }

    @Test
    void verify_intact_exits0_broken_exits9() {
        String intact = answer("integrity-GZ-ZSJ-2021.json");
        server.on("GET " + YEAR + "/integrity", Answer.json(200, intact));
        server.on("GET /api/v1/integrity", Answer.json(200, """
                {"scope":"*","status":"BROKEN","intact":false,"summary":"全部记录：1 条记录链断裂",
                 "verifiedAt":"2026-11-23T09:09:10Z","streamCount":14,"eventsChecked":3089,"chainedEvents":3089,
                 "unchainedEvents":0,"brokenStreams":1,"streamsTruncated":false,
                 "streams":[{"aggregateId":"GZ-ZSJ/2021","status":"BROKEN","eventCount":269,"lastSequence":268,
                   "lastChainHash":"ab","unchainedEvents":0,"firstBreak":{"kind":"HASH_MISMATCH","field":"chainHash",
                   "rule":"重算的哈希与记录的不符","event":{"globalIndex":1700,"sequenceNumber":54,
                   "type":"ExpenditureRecorded"}}}]}"""));

        Result year = CliRun.against(server, "verify", "GZ-ZSJ", "2021");
        Result all = CliRun.against(server, "verify");

        assertThat(year.exitCode()).isZero();
        assertThat(year.out()).contains("记录链校验  GZ-ZSJ/2021：完整").contains("GZ-ZSJ/2021/evaluation");
        assertThat(all.exitCode()).isEqualTo(9);
        assertThat(all.out()).contains("全部记录：断裂").contains("HASH_MISMATCH：重算的哈希与记录的不符（全局序号 1700");
    }

    @Test
    void verify_withDepartmentButNoYear_isAUsageError() {
        Result run = CliRun.against(server, "verify", "GZ-ZSJ");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("缺少参数 YEAR（须同时给出）");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void events_sendsFiltersAndPage() {
        server.on("GET /api/v1/event-types", Answer.json(200, EVENT_TYPES));
        server.on("GET " + YEAR + "/events", Answer.json(200, answer("events-GZ-ZSJ-2021.json")));

        // a type by its English name or its Chinese label, as the server lists them
        Result run = CliRun.against(server, "events", "GZ-ZSJ", "2021", "--type", "ExpenditureRecorded,预算追加",
                "--type", "FiscalYearOpened", "--from", "2021-01-01", "--to", "2021-06-30", "--page", "2", "--size", "5");

        assertThat(run.exitCode()).isZero();
        assertThat(eventsRequest().query()).isEqualTo("page=2&size=5&type=ExpenditureRecorded"
                + "&type=BudgetIncreased&type=FiscalYearOpened&from=2021-01-01&to=2021-06-30");
        // the table names each type as the server does in Chinese
        assertThat(run.out()).contains("共 358 条").containsPattern("预算台账 +0 +年度开立").doesNotContain("FiscalYearOpened");

        Result csv = CliRun.against(server, "events", "GZ-ZSJ", "2021", "--type", "年度开立", "-f", "csv");

        // the CSV keeps the English names a script matches on
        assertThat(csv.out()).contains(",FiscalYearOpened,").doesNotContain("年度开立");
    }

    @Test
    void events_unknownType_isRefused_beforeAnyEventsAreAskedFor() {
        server.on("GET /api/v1/event-types", Answer.json(200, EVENT_TYPES));

        Result run = CliRun.against(server, "events", "GZ-ZSJ", "2021", "--type", "BudgetAdjusted");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("BudgetAdjusted").contains("支出凭证");
        assertThat(server.requests()).noneMatch(r -> r.path().endsWith("/events"));
    }

    private static final String EVENT_TYPES = """
            {"ExpenditureRecorded":"支出凭证","BudgetIncreased":"预算追加","FiscalYearOpened":"年度开立"}""";

    private StubServer.Request eventsRequest() {
        return server.requests().stream().filter(r -> r.path().endsWith("/events")).reduce((a, b) -> {
            throw new AssertionError("more than one events request");
        }).orElseThrow();
    }

    @Test
    void events_all_walksEveryPage() {
        server.on("GET " + YEAR + "/events", Answer.json(200, """
                {"fiscalYearId":"GZ-ZSJ/2021","page":0,"size":1000,"totalElements":3,"totalPages":3,
                 "events":[{"globalSequence":1,"aggregateId":"GZ-ZSJ/2021","sequenceNumber":0,"type":"=1+1",
                 "payload":{"voucherNo":"=cmd","amount":"-5.00"}}]}"""));

        Result run = CliRun.against(server, "events", "GZ-ZSJ", "2021", "--all", "-f", "csv");

        assertThat(server.requests()).hasSize(3);
        assertThat(server.requests().get(2).query()).isEqualTo("page=2&size=1000");
        // three pages of one event each (header + 3 lines); a formula-like cell is neutralised in the CSV
        assertThat(run.out().split("\r\n")).hasSize(4);
        assertThat(run.out()).contains(",预算台账,0,'=1+1,").contains("\"{\"\"voucherNo\"\":\"\"=cmd\"\"");
    }
}
