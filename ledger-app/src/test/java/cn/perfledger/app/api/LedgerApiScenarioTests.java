package cn.perfledger.app.api;

import cn.perfledger.app.support.TestUsers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.perfledger.app.axon.BoundedAggregateCache;
import cn.perfledger.app.axon.SnapshotExecutor;
import cn.perfledger.app.readmodel.DirectoryQueries;
import cn.perfledger.domain.budget.BudgetLedger;
import cn.perfledger.app.support.TestRubrics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The API scenarios every database must pass: a department-year written through the REST API and read back from
 * the event store; refusals as Problem Details that write nothing. Subclasses choose the database. Each test uses
 * its own department, so tests share a context without seeing each other's events.
 */
abstract class LedgerApiScenarioTests {

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected ObjectMapper objectMapper;

    @Autowired
    private AggregateSnapshotter snapshotter;

    @Autowired
    private SnapshotExecutor snapshotExecutor;

    @Autowired
    private BoundedAggregateCache budgetLedgerCache;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private DirectoryQueries directory;

    protected static String newDepartment() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** Registers {@code dept} (units BJ 本级, XS 下属), opens 2021, opens L1 (公用) and L2 (项目) with budgets. */
    protected void openYearWithTwoLines(String dept) throws Exception {
        openYearWithTwoLines(dept, "gz-municipal-2021@1");
    }

    protected void openYearWithTwoLines(String dept, String rubricVersion) throws Exception {
        TestRubrics.ensurePublished(mvc);
        postJson("/api/v1/departments", """
                {"departmentId":"%s","name":"测试局","jurisdiction":"广州市",
                 "units":[{"code":"BJ","name":"本级","headOffice":true},{"code":"XS","name":"下属中心","headOffice":false}],
                 "effectiveDate":"2021-01-01"}""".formatted(dept)).andExpect(status().isCreated());
        postJson(year(dept) .replace("/2021", ""), """
                {"year":2021,"rubricVersion":"%s"}""".formatted(rubricVersion))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value(dept + "/2021"));
        postJson(year(dept) + "/budget-lines", """
                {"lineId":"L1","unit":"BJ","fundingSource":"GENERAL_PUBLIC_BUDGET","kind":"BASIC_OPERATING",
                 "functionalCode":"2010101","economicCode":"30201","effectiveDate":"2021-01-01"}""")
                .andExpect(status().isCreated());
        postJson(year(dept) + "/budget-lines", """
                {"lineId":"L2","unit":"XS","fundingSource":"GOVERNMENT_FUND","kind":"PROJECT","projectCode":"P-01",
                 "projectName":"信息化建设","functionalCode":"2010150","economicCode":"31002","effectiveDate":"2021-01-01"}""")
                .andExpect(status().isCreated());
        postJson(year(dept) + "/initial-budgets", """
                {"lineId":"L1","amount":"100000.00","documentNo":"财预〔2021〕1号","effectiveDate":"2021-01-15"}""")
                .andExpect(status().isCreated());
        postJson(year(dept) + "/initial-budgets", """
                {"lineId":"L2","amount":500000,"documentNo":"财预〔2021〕1号","effectiveDate":"2021-01-15"}""")
                .andExpect(status().isCreated());
    }

    @Test
    void aYearWrittenThroughTheApi_readsBackFromTheEventStore() throws Exception {
        String dept = newDepartment();
        openYearWithTwoLines(dept);

        mvc.perform(post(year(dept) + "/expenditures").contentType(MediaType.APPLICATION_JSON)
                        .header("X-Correlation-Id", "req-42").content("""
                                {"voucherNo":"记-0001","lineId":"L1","amount":"1234.50","effectiveDate":"2021-03-01",
                                 "payee":"某公司","summary":"办公用品"}"""))
                .andExpect(status().isCreated())
                .andExpect(header().string("X-Correlation-Id", "req-42"))
                .andExpect(jsonPath("$.recorded").value(true))
                .andExpect(jsonPath("$.outcome.voucherNo").value("记-0001"));
        // the identical voucher again is a reported no-op
        postJson(year(dept) + "/expenditures", """
                {"voucherNo":"记-0001","lineId":"L1","amount":"1234.50","effectiveDate":"2021-03-01",
                 "payee":"某公司","summary":"办公用品"}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.recorded").value(false));
        postJson(year(dept) + "/expenditure-batches", """
                {"batchId":"b-1","entries":[
                  {"voucherNo":"记-0002","lineId":"L2","amount":"100000.00","effectiveDate":"2021-04-01"},
                  {"voucherNo":"记-0003","lineId":"L2","amount":"50000.01","effectiveDate":"2021-05-01"},
                  {"voucherNo":"记-0004","lineId":"L1","amount":"99.99","effectiveDate":"2021-06-30"},
                  {"voucherNo":"记-0001","lineId":"L1","amount":"1234.50","effectiveDate":"2021-03-01",
                   "payee":"某公司","summary":"办公用品"}]}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.outcome.recorded").value(3))
                .andExpect(jsonPath("$.outcome.alreadyRecorded").value(1))
                .andExpect(jsonPath("$.outcome.alreadyRecordedVoucherNos[0]").value("记-0001"));
        postJson(year(dept) + "/reversals", """
                {"voucherNo":"记-0005","originalVoucherNo":"记-0001","amount":"234.50","reason":"退货",
                 "effectiveDate":"2021-07-01"}""")
                .andExpect(status().isCreated());

        JsonNode page = getJson(year(dept) + "/events");
        // opened, 2 lines, 2 budgets, 1 + 3 expenditures, 1 reversal
        assertThat(page.get("totalElements").asLong()).isEqualTo(10);
        List<String> types = new ArrayList<>();
        long previous = 0;
        for (JsonNode event : page.get("events")) {
            types.add(event.get("type").asText());
            assertThat(event.get("globalSequence").asLong()).isGreaterThan(previous);
            previous = event.get("globalSequence").asLong();
            assertThat(event.get("aggregateId").asText()).isEqualTo(dept + "/2021");
            assertThat(event.get("revision").asText()).isEqualTo("1");
            assertThat(event.get("recordedAt").asText()).endsWith("Z");
            assertThat(event.get("metadata").get("client").asText()).isEqualTo("API");
            assertThat(event.get("metadata").get("user").asText()).isEqualTo(TestUsers.NAME);
            assertThat(event.get("metadata").get("role").asText()).isEqualTo("CLERK,EVALUATOR,AUDITOR,ADMIN");
            assertThat(event.get("metadata").get("synthetic").asBoolean()).isFalse();
        }
        assertThat(types).containsExactly("FiscalYearOpened", "BudgetLineOpened", "BudgetLineOpened",
                "InitialBudgetApproved", "InitialBudgetApproved", "ExpenditureRecorded", "ExpenditureRecorded",
                "ExpenditureRecorded", "ExpenditureRecorded", "ExpenditureReversed");
        JsonNode voucher = page.get("events").get(5);
        assertThat(voucher.get("effectiveDate").asText()).isEqualTo("2021-03-01");
        assertThat(voucher.get("sequenceNumber").asLong()).isEqualTo(5);
        assertThat(voucher.get("payload").get("amount").asText()).isEqualTo("1234.50");
        assertThat(voucher.get("payload").get("voucherNo").asText()).isEqualTo("记-0001");
        assertThat(voucher.get("payload").get("fiscalYearId").asText()).isEqualTo(dept + "/2021");
        assertThat(voucher.get("metadata").get("correlationId").asText()).isEqualTo("req-42");
        assertThat(page.get("events").get(1).get("payload").get("spec").get("economicCode").asText())
                .isEqualTo("30201");
        assertThat(page.get("events").get(4).get("payload").get("amount").asText()).isEqualTo("500000.00");

        JsonNode filtered = getJson(year(dept) + "/events?type=ExpenditureRecorded,ExpenditureReversed"
                + "&from=2021-04-01&to=2021-06-30");
        assertThat(filtered.get("totalElements").asLong()).isEqualTo(3);
        assertThat(filtered.get("events").get(0).get("payload").get("voucherNo").asText()).isEqualTo("记-0002");
        JsonNode paged = getJson(year(dept) + "/events?page=1&size=4");
        assertThat(paged.get("totalPages").asInt()).isEqualTo(3);
        assertThat(paged.get("events")).hasSize(4);
        assertThat(paged.get("events").get(0).get("sequenceNumber").asLong()).isEqualTo(4);
        JsonNode datePaged = getJson(year(dept) + "/events?from=2021-03-01&page=1&size=2");
        assertThat(datePaged.get("totalElements").asLong()).isEqualTo(5);
        assertThat(datePaged.get("events").get(0).get("payload").get("voucherNo").asText()).isEqualTo("记-0003");

        JsonNode summary = getJson(year(dept));
        assertThat(summary.get("budgetEventCount").asLong()).isEqualTo(10);
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode department = getJson("/api/v1/departments/" + dept);
            assertThat(department.get("units")).hasSize(2);
            assertThat(department.get("years")).hasSize(1);
            assertThat(department.get("years").get(0).get("rubricVersion").asText()).isEqualTo("gz-municipal-2021@1");
        });
        JsonNode all = getJson("/api/v1/departments");
        assertThat(all.findValuesAsText("departmentId")).contains(dept);
    }

    @Test
    void aRuleViolation_answersProblemDetailsNamingFieldAndRule_andWritesNothing() throws Exception {
        String dept = newDepartment();
        openYearWithTwoLines(dept);
        long before = eventCount(dept);

        postJson(year(dept) + "/expenditures", """
                {"voucherNo":"记-0001","lineId":"L1","amount":"100000.01","effectiveDate":"2021-03-01"}""")
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.type").value("urn:perfledger:problem:rule-violation"))
                .andExpect(jsonPath("$.field").value("amount"))
                .andExpect(jsonPath("$.rule").value(org.hamcrest.Matchers.containsString("超出预算行 L1 的可用预算")))
                .andExpect(jsonPath("$.correlationId").exists());
        // all or nothing: the third entry breaks the budget, the first two are not recorded either
        postJson(year(dept) + "/expenditure-batches", """
                {"batchId":"b-2","entries":[
                  {"voucherNo":"记-0010","lineId":"L1","amount":"60000.00","effectiveDate":"2021-04-01"},
                  {"voucherNo":"记-0011","lineId":"L2","amount":"1.00","effectiveDate":"2021-04-01"},
                  {"voucherNo":"记-0012","lineId":"L1","amount":"40000.01","effectiveDate":"2021-04-02"}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("entries[2].amount"))
                .andExpect(jsonPath("$.rule").value(org.hamcrest.Matchers.containsString("本批此前各条 60000.00 元")));
        postJson(year(dept) + "/expenditures", """
                {"voucherNo":"记-0001","lineId":"L1","amount":"1.00","effectiveDate":"2022-01-01"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("effectiveDate"));
        postJson(year(dept) + "/adjustments/transfer", """
                {"shares":[{"lineId":"L1","amount":"-10.00"},{"lineId":"L2","amount":"9.99"}],
                 "documentNo":"调-1","reason":"调剂","effectiveDate":"2021-05-01"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("shares"));
        assertThat(eventCount(dept)).isEqualTo(before);
    }

    @Test
    void badInput_answers400NamingTheJsonField_neverA500() throws Exception {
        String dept = newDepartment();
        openYearWithTwoLines(dept);
        long before = eventCount(dept);
        String url = year(dept) + "/expenditures";

        postJson(url, """
                {"voucherNo":"V1","lineId":"L1","amount":"12.345","effectiveDate":"2021-03-01"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("amount"))
                .andExpect(jsonPath("$.rule").value(org.hamcrest.Matchers.containsString("两位小数")));
        postJson(url, """
                {"voucherNo":"V1","lineId":"L1","amount":1e5,"effectiveDate":"2021-03-01"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("amount"))
                .andExpect(jsonPath("$.rule").value(org.hamcrest.Matchers.containsString("科学计数法")));
        postJson(url, """
                {"voucherNo":"V1","lineId":"L1","amount":12.345,"effectiveDate":"2021-03-01"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("amount"));
        postJson(url, """
                {"voucherNo":"V1","lineId":"L1","amount":"1.00","effectiveDate":"2021-13-01"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("effectiveDate"));
        postJson(url, """
                {"voucherNo":"V1","lineId":"bad id!","amount":"1.00","effectiveDate":"2021-03-01"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("lineId"));
        postJson(url, """
                {"voucherNo":"V1","lineId":"L1","effectiveDate":"2021-03-01"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("amount"))
                .andExpect(jsonPath("$.rule").value("不能为空"));
        postJson(url, "{\"voucherNo\":\"V1\",")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:perfledger:problem:invalid-request"));
        postJson(year(dept) + "/expenditure-batches", """
                {"batchId":"b","entries":[{"voucherNo":"V1","lineId":"L1","amount":"1.00","effectiveDate":"2021-03-01"},
                                          {"voucherNo":"V2","lineId":"L1","amount":[1],"effectiveDate":"2021-03-01"}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("entries[1].amount"));
        postJson(year(dept) + "/budget-lines", """
                {"lineId":"L3","unit":"BJ","fundingSource":"LOTTERY","kind":"PROJECT","projectCode":"P","projectName":"x",
                 "functionalCode":"2010101","economicCode":"30201","effectiveDate":"2021-01-01"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("fundingSource"))
                .andExpect(jsonPath("$.rule").value(org.hamcrest.Matchers.containsString("GENERAL_PUBLIC_BUDGET")));
        postJson(year(dept) + "/budget-lines", """
                {"lineId":"L3","unit":"BJ","fundingSource":"OTHER","kind":"PROJECT",
                 "functionalCode":"2010101","economicCode":"30201","effectiveDate":"2021-01-01"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("projectCode"));
        postJson(year(dept) + "/budget-lines", """
                {"lineId":"L3","unit":"BJ","fundingSource":"OTHER","kind":"BASIC_OPERATING",
                 "functionalCode":"20101011","economicCode":"30201","effectiveDate":"2021-01-01"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("functionalCode"));
        mvc.perform(post("/api/v1/departments/" + dept + "/years/abc/expenditures")
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("year"));
        mvc.perform(get(year(dept) + "/events?size=5000"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("size"));
        mvc.perform(get(year(dept) + "/events?from=yesterday"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("from"));
        assertThat(eventCount(dept)).isEqualTo(before);
    }

    @Test
    void conflicts_answer409_andUnknownTargets_answer404() throws Exception {
        String dept = newDepartment();
        openYearWithTwoLines(dept);
        postJson(year(dept).replace("/2021", ""), """
                {"year":2021,"rubricVersion":"gz-municipal-2021@1"}""")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.field").value("fiscalYearId"))
                .andExpect(jsonPath("$.type").value("urn:perfledger:problem:conflict"));
        postJson(year(dept) + "/expenditures", """
                {"voucherNo":"记-0001","lineId":"L1","amount":"1.00","effectiveDate":"2021-03-01"}""")
                .andExpect(status().isCreated());
        long before = eventCount(dept);
        postJson(year(dept) + "/expenditures", """
                {"voucherNo":"记-0001","lineId":"L1","amount":"2.00","effectiveDate":"2021-03-01"}""")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.field").value("voucherNo"));
        postJson(year(dept) + "/budget-lines", """
                {"lineId":"L1","unit":"BJ","fundingSource":"OTHER","kind":"BASIC_OPERATING",
                 "functionalCode":"2010101","economicCode":"30201","effectiveDate":"2021-01-01"}""")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.field").value("lineId"));
        assertThat(eventCount(dept)).isEqualTo(before);

        postJson("/api/v1/departments/" + dept + "/years/2022/expenditures", """
                {"voucherNo":"记-0001","lineId":"L1","amount":"1.00","effectiveDate":"2022-03-01"}""")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.field").value("fiscalYearId"));
        mvc.perform(get("/api/v1/departments/" + dept + "/years/2022/events"))
                .andExpect(status().isNotFound());
        postJson("/api/v1/departments/NOBODY-" + dept + "/years", """
                {"year":2021,"rubricVersion":"gz-municipal-2021@1"}""")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.field").value("departmentId"));
    }

    @Test
    void rubricAndEvaluation_areRecorded_andTheEvaluationStreamJoinsTheYearsEventLog() throws Exception {
        String dept = newDepartment();
        String rubric = "t-" + dept.toLowerCase() + "@1";
        String publish = """
                {"rubricVersionId":"%s","name":"测试评分规则","jurisdiction":"广州市","scope":{"allDepartments":true},
                 "templateYear":2021,
                 "totalWeight":"100","bonusCap":"0",
                 "tree":[{"code":"A","name":"管理效能","weight":"40","rule":{"kind":"judgement"},"input":{"kind":"judgement"}},
                         {"code":"B","name":"预算完成率","weight":"60","rule":{"kind":"proportional","fullAt":"1"},
                          "input":{"kind":"ledgerMetric","metric":"BUDGET_EXECUTION_RATE"}}],
                 "rounding":{"decimals":2,"mode":"HALF_UP"},"effectiveDate":"2021-01-01"}""".formatted(rubric);
        postJson("/api/v1/rubrics", publish)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value(rubric));
        postJson("/api/v1/rubrics", publish)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.field").value("rubricVersionId"));
        postJson("/api/v1/rubrics", publish.replace(rubric, rubric + "x").replace("\"60\"", "\"61\""))
                .andExpect(status().isBadRequest());

        // the year is scored by the rubric just published, so that it has a table to submit
        openYearWithTwoLines(dept, rubric);
        String evaluation = year(dept) + "/evaluation";
        postJson(evaluation, "").andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value(dept + "/2021/evaluation"));
        postJson(evaluation + "/indicators", """
                {"indicatorId":"I-1","path":["履职效能","产出指标"],"name":"热线接通率","weight":"2.96",
                 "targetExpression":"≥95%","effectiveDate":"2021-03-01"}""")
                .andExpect(status().isCreated());
        postJson(year(dept) + "/expenditures", """
                {"voucherNo":"记-0001","lineId":"L1","amount":"10.00","effectiveDate":"2021-03-02"}""")
                .andExpect(status().isCreated());
        postJson(evaluation + "/indicators/I-1/actuals", """
                {"actual":"94.07%","effectiveDate":"2022-01-15"}""")
                .andExpect(status().isCreated());
        postJson(evaluation + "/judgement-scores", """
                {"rubricItemCode":"A","score":"38.5","basis":"制度健全，执行到位","evaluator":"评价组",
                 "effectiveDate":"2022-01-20"}""")
                .andExpect(status().isCreated());
        postJson(evaluation + "/indicators/I-9/actuals", """
                {"actual":"1","effectiveDate":"2022-01-15"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("indicatorId"));
        // only the digest of the table as it stands is accepted: all zeros (or any other) is refused, nothing written
        String submission = """
                {"referenceDate":"2021-12-31","digest":"%s",
                 "declaredTotal":"94.65","submittedBy":"财务科","effectiveDate":"2022-02-01"}""";
        postJson(evaluation + "/submissions", submission.formatted("0".repeat(64)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("digest"));
        String digest = getJson(evaluation + "/submission-digest?referenceDate=2021-12-31").get("digest").asText();
        postJson(evaluation + "/submissions", submission.formatted(digest.toUpperCase()))
                .andExpect(status().isCreated());
        postJson("/api/v1/departments/" + dept + "/years/2022/evaluation", "")
                .andExpect(status().isNotFound());

        JsonNode page = getJson(year(dept) + "/events?type=EvaluationStarted,IndicatorDefined,ExpenditureRecorded,"
                + "IndicatorActualRecorded,JudgementScoreEntered,SelfEvaluationSubmitted");
        List<String> sequence = new ArrayList<>();
        for (JsonNode event : page.get("events")) {
            sequence.add(event.get("type").asText() + "@" + event.get("aggregateId").asText());
        }
        assertThat(sequence).containsExactly(
                "EvaluationStarted@" + dept + "/2021/evaluation",
                "IndicatorDefined@" + dept + "/2021/evaluation",
                "ExpenditureRecorded@" + dept + "/2021",
                "IndicatorActualRecorded@" + dept + "/2021/evaluation",
                "JudgementScoreEntered@" + dept + "/2021/evaluation",
                "SelfEvaluationSubmitted@" + dept + "/2021/evaluation");
        JsonNode started = page.get("events").get(0).get("payload");
        assertThat(started.get("rubricVersion").asText()).isEqualTo(rubric);
        assertThat(started.get("evaluationId").asText()).isEqualTo(dept + "/2021/evaluation");
        JsonNode defined = page.get("events").get(1).get("payload");
        assertThat(defined.toString()).contains("≥95%");
        assertThat(getJson(year(dept)).get("evaluationEventCount").asLong()).isEqualTo(5);
    }

    @Test
    void aDirectoryWrite_isInTheDirectoryWhenItsAnswerArrives() throws Exception {
        String dept = newDepartment();
        openYearWithTwoLines(dept);
        assertThat(getJson("/api/v1/departments/" + dept).get("years").get(0).get("status").asText())
                .isEqualTo("OPEN");
        postJson("/api/v1/departments/" + dept + "/units", """
                {"unit":{"code":"NEW","name":"新设中心","headOffice":false},"effectiveDate":"2021-06-01"}""")
                .andExpect(status().isCreated());
        assertThat(getJson("/api/v1/departments/" + dept).get("units").size()).isEqualTo(3);
        postJson(year(dept) + "/close", "{}").andExpect(status().isCreated());
        // no waiting: the sender's next read must already show the year closed (the year bar, the department list)
        assertThat(getJson("/api/v1/departments/" + dept).get("years").get(0).get("status").asText())
                .isEqualTo("CLOSED");
    }

    @Test
    void theDirectory_rebuiltFromTheFirstEvent_equalsTheIncrementalOne() throws Exception {
        String dept = newDepartment();
        openYearWithTwoLines(dept);
        postJson("/api/v1/departments/" + dept + "/units", """
                {"unit":{"code":"NEW","name":"新设中心","headOffice":false},"effectiveDate":"2021-06-01"}""")
                .andExpect(status().isCreated());
        postJson(year(dept) + "/close", "{}").andExpect(status().isCreated());
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode d = getJson("/api/v1/departments/" + dept);
            return d.get("units").size() == 3 && "CLOSED".equals(d.get("years").get(0).get("status").asText());
        });
        JsonNode incremental = getJson("/api/v1/departments");

        directory.rebuild();
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(
                () -> assertThat(getJson("/api/v1/departments")).isEqualTo(incremental));
        JsonNode department = getJson("/api/v1/departments/" + dept);
        assertThat(department.get("units").findValuesAsText("code")).containsExactly("BJ", "XS", "NEW");
        assertThat(department.get("years").get(0).get("closedAt").asText()).endsWith("Z");
    }

    @Test
    void aSnapshot_restoresTheLedgerState_afterTheCacheIsEvicted() throws Exception {
        String dept = newDepartment();
        openYearWithTwoLines(dept);
        postJson(year(dept) + "/expenditures", """
                {"voucherNo":"记-0001","lineId":"L1","amount":"30000.00","effectiveDate":"2021-03-01","payee":"甲"}""")
                .andExpect(status().isCreated());
        postJson(year(dept) + "/reversals", """
                {"voucherNo":"记-0002","originalVoucherNo":"记-0001","amount":"0.01","reason":"尾差",
                 "effectiveDate":"2021-03-02"}""")
                .andExpect(status().isCreated());

        snapshotter.scheduleSnapshot(BudgetLedger.class, dept + "/2021");
        snapshotExecutor.awaitIdle(30, TimeUnit.SECONDS);
        Integer snapshots = jdbc.queryForObject(
                "SELECT COUNT(*) FROM SnapshotEventEntry WHERE aggregateIdentifier = ?", Integer.class, dept + "/2021");
        assertThat(snapshots).isEqualTo(1);
        budgetLedgerCache.removeAll();

        // loaded from the snapshot: the spent amount, the voucher fingerprint and the reversal are all there
        postJson(year(dept) + "/expenditures", """
                {"voucherNo":"记-0003","lineId":"L1","amount":"70000.02","effectiveDate":"2021-04-01"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.rule").value(org.hamcrest.Matchers.containsString("已支出 29999.99 元")));
        postJson(year(dept) + "/expenditures", """
                {"voucherNo":"记-0001","lineId":"L1","amount":"30000.00","effectiveDate":"2021-03-01","payee":"甲"}""")
                .andExpect(status().isOk());
        postJson(year(dept) + "/expenditures", """
                {"voucherNo":"记-0002","lineId":"L1","amount":"1.00","effectiveDate":"2021-04-01"}""")
                .andExpect(status().isConflict());
        postJson(year(dept) + "/expenditures", """
                {"voucherNo":"记-0003","lineId":"L1","amount":"70000.01","effectiveDate":"2021-04-01"}""")
                .andExpect(status().isCreated());
    }

    @Test
    void anAdjustmentSentAgain_isA200NoOp_anotherUnderItsDocumentAndLine_a409() throws Exception {
        String dept = newDepartment();
        openYearWithTwoLines(dept);
        String increase = """
                {"lineId":"L1","amount":"500.00","documentNo":"财预〔2021〕88号","reason":"业务量增加",
                 "effectiveDate":"2021-03-01"}""";
        postJson(year(dept) + "/adjustments/increase", increase)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.outcome.recorded").value(true))
                .andExpect(jsonPath("$.outcome.adjustment").value("追加 财预〔2021〕88号 L1"));
        long after = eventCount(dept);
        postJson(year(dept) + "/adjustments/increase", increase)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.recorded").value(false));
        postJson(year(dept) + "/adjustments/increase", increase.replace("500.00", "600.00"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.field").value("documentNo"));
        postJson(year(dept) + "/adjustments/increase", increase.replace("500.00", "600.00")
                .replace("\"effectiveDate\"", "\"adjustmentId\":\"88号-2\",\"effectiveDate\""))
                .andExpect(status().isCreated());
        String transfer = """
                {"shares":[{"lineId":"L1","amount":"-100.00"},{"lineId":"L2","amount":"100.00"}],
                 "documentNo":"财预〔2021〕90号","reason":"调剂","effectiveDate":"2021-04-01"}""";
        postJson(year(dept) + "/adjustments/transfer", transfer).andExpect(status().isCreated());
        postJson(year(dept) + "/adjustments/transfer", transfer).andExpect(status().isOk());
        assertThat(eventCount(dept)).isEqualTo(after + 2);
    }

    protected ResultActions postJson(String url, String json) throws Exception {
        return mvc.perform(post(url).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    protected JsonNode getJson(String url) throws Exception {
        String body = mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        return objectMapper.readTree(body);
    }

    protected long eventCount(String dept) throws Exception {
        return getJson(year(dept) + "/events?size=1").get("totalElements").asLong();
    }

    protected static String year(String dept) {
        return "/api/v1/departments/" + dept + "/years/2021";
    }
}
