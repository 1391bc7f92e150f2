package cn.perfledger.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.perfledger.app.support.H2FileContext;
import cn.perfledger.app.support.TestRubrics;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Issue 10.6, input strictness, end to end: each refusal is a 400 Problem Details naming the field and the rule in
 * Chinese, and nothing is written (the event store's row count and highest global index are unchanged).
 * <ul>
 *   <li>the JSON of request bodies is read by {@code LedgerJson}'s mapper: a name twice in one object and anything
 *       after the value are refused;</li>
 *   <li>a formula hidden behind leading white space or invisible characters is refused;</li>
 *   <li>ids and 文号 with zero-width, bidi or lone-surrogate characters, and free texts with bidi controls, are
 *       refused;</li>
 *   <li>every date or instant parameter of every endpoint and page (enumerated from Spring's handler mappings)
 *       out of range is a 400 naming the parameter;</li>
 *   <li>a submission digest that is not the digest of the table as it stands is refused.</li>
 * </ul>
 */
@SpringBootTest
@AutoConfigureMockMvc
class InputStrictnessTest implements H2FileContext {

    /** Out of range, each side of the accepted 1900–2999 and at ISO-8601's ends. */
    private static final List<String> BAD_DATES = List.of("-999999999-01-01", "+999999999-12-31", "0000-01-01",
            "1899-12-31", "3000-01-01");
    private static final List<String> BAD_INSTANTS = List.of("-999999999-01-01T00:00:00Z",
            "+999999999-12-31T23:59:59Z", "1899-12-31T23:59:59Z", "3000-01-01T00:00:00Z");
    /** The pages' basis parameters are texts (browser inputs), recognised by name. */
    private static final Set<String> PAGE_DATE_PARAMETERS = Set.of("asOf", "knownAt", "from", "to", "fromAsOf",
            "fromKnownAt", "toAsOf", "toKnownAt", "referenceDate");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;
    @Autowired
    RequestMappingHandlerAdapter handlerAdapter;

    private String dept;
    private String year;

    @BeforeEach
    void aDepartmentYearWithALine() throws Exception {
        TestRubrics.ensurePublished(mvc); // the year names it; run alone, no other test has published it
        dept = "IS-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        year = "/api/v1/departments/" + dept + "/years/2021";
        created("/api/v1/departments", """
                {"departmentId":"%s","name":"严格输入测试局","jurisdiction":"广州市",
                 "units":[{"code":"BJ","name":"本级","headOffice":true}],"effectiveDate":"2021-01-01"}""".formatted(dept));
        created("/api/v1/departments/" + dept + "/years", "{\"year\":2021,\"rubricVersion\":\"gz-municipal-2021@1\"}");
        created(year + "/budget-lines", """
                {"lineId":"L1","unit":"BJ","fundingSource":"GENERAL_PUBLIC_BUDGET","kind":"BASIC_OPERATING",
                 "functionalCode":"2010101","economicCode":"30201","effectiveDate":"2021-01-01"}""");
        created(year + "/initial-budgets",
                "{\"lineId\":\"L1\",\"amount\":\"100000.00\",\"documentNo\":\"财预1号\",\"effectiveDate\":\"2021-01-15\"}");
    }

    // ------------------------------------------------------------------------------------------------ JSON

    /**
     * Spring Boot keeps Spring MVC's default JSON and YAML converters (with plain mappers) behind the ledger's; they
     * are removed, so no body is ever read by a mapper without the ledger's rules.
     */
    @Test
    void requestBodies_areReadByLedgerJsonsMapper_strictAboutDuplicatesAndTrailingText() throws Exception {
        List<ObjectMapper> mappers = new ArrayList<>();
        for (HttpMessageConverter<?> converter : handlerAdapter.getMessageConverters()) {
            if (converter instanceof AbstractJackson2HttpMessageConverter jackson) {
                mappers.add(jackson.getObjectMapper());
            }
        }
        assertThat(mappers).isNotEmpty().allSatisfy(mapper -> {
            assertThat(mapper).isSameAs(objectMapper);
            assertThat(mapper.getFactory().isEnabled(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)).isTrue();
            assertThat(mapper.isEnabled(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)).isTrue();
        });
        MockHttpServletResponse yaml = mvc.perform(post(year + "/expenditures").contentType("application/yaml")
                .content("voucherNo: Y-1\nlineId: L1\namount: '1.00'\namount: '999999.00'\neffectiveDate: '2021-03-01'\n"))
                .andReturn().getResponse();
        assertThat(yaml.getStatus()).as("a YAML body is not read at all").isEqualTo(415);
    }

    @Test
    void aNameTwice_orTextAfterTheBody_isRefused_andNothingIsWritten() throws Exception {
        long[] before = storeState();
        refused(post(year + "/expenditures"), """
                {"voucherNo":"D-1","lineId":"L1","amount":"1.00","amount":"999999.00","effectiveDate":"2021-03-01"}""",
                "amount", "字段重复");
        refused(post(year + "/expenditure-batches"), """
                {"batchId":"dup","entries":[{"voucherNo":"D-2","lineId":"L1","amount":"1.00","effectiveDate":"2021-03-01"},
                 {"voucherNo":"D-3","lineId":"L1","amount":"1.00","effectiveDate":"2021-03-01","voucherNo":"D-4"}]}""",
                "entries[1].voucherNo", "字段重复");
        String valid = "{\"voucherNo\":\"T-1\",\"lineId\":\"L1\",\"amount\":\"1.00\",\"effectiveDate\":\"2021-03-01\"}";
        for (String trailing : List.of(" x", valid, " 1", "]", " // 注释", "\u0000")) {
            refused(post(year + "/expenditures"), valid + trailing, "body", "其后不能再有其他内容");
        }
        assertThat(storeState()).containsExactly(before);
        // white space after the body is fine
        created(year + "/expenditures", valid + " \r\n");
    }

    // ------------------------------------------------------------------------------------------------ texts

    @Test
    void aFormulaBehindWhiteSpaceOrInvisibleCharacters_isRefused() throws Exception {
        long[] before = storeState();
        // (a zero-width character in front is refused for itself: hiddenCharactersInIdsAndTexts…)
        for (String formula : List.of(" =HYPERLINK(\"http://x\",\"点此\")", "\u3000＝SUM(A1)", "  @SUM(A1)",
                "\u00A0+cmd|' /C calc'!A0", " \t-cmd")) {
            refused(post(year + "/expenditures"), objectMapper.writeValueAsString(Map.of("voucherNo", "F-1",
                    "lineId", "L1", "amount", "1.00", "effectiveDate", "2021-03-01", "summary", formula)),
                    "summary", "公式");
        }
        assertThat(storeState()).containsExactly(before);
        created(year + "/expenditures", objectMapper.writeValueAsString(Map.of("voucherNo", "F-2", "lineId", "L1",
                "amount", "1.00", "effectiveDate", "2021-03-01", "summary", "-3.5%")));
    }

    @Test
    void hiddenCharactersInIdsAndTexts_areRefused() throws Exception {
        long[] before = storeState();
        for (String hidden : List.of("\u200B", "\u202E", "\u2066", "\uFEFF", "\uD800")) {
            refused(post(year + "/expenditures"), json(Map.of("voucherNo", "记-" + hidden + "1", "lineId", "L1",
                    "amount", "1.00", "effectiveDate", "2021-03-01")), "voucherNo", "不可见字符");
            refused(post(year + "/budget-lines"), json(Map.of("lineId", "L" + hidden + "2", "unit", "BJ",
                    "fundingSource", "GENERAL_PUBLIC_BUDGET", "kind", "BASIC_OPERATING", "functionalCode", "2010101",
                    "economicCode", "30201", "effectiveDate", "2021-01-01")), "lineId", "不可见字符");
            refused(post("/api/v1/departments"), json(Map.of("departmentId", "IS" + hidden + "X", "name", "部门",
                    "jurisdiction", "广州市", "units", List.of(Map.of("code", "BJ", "name", "本级", "headOffice", true)),
                    "effectiveDate", "2021-01-01")), "departmentId", "不可见字符");
            refused(post("/api/v1/departments/" + dept + "/units"), json(Map.of("unit", Map.of("code",
                    "X" + hidden + "S", "name", "下属", "headOffice", false), "effectiveDate", "2021-06-01")),
                    "unit.code", "不可见字符");
            refused(post(year + "/adjustments/increase"), json(Map.of("lineId", "L1", "amount", "1.00",
                    "documentNo", "财预〔2021〕" + hidden + "12号", "reason", "追加", "effectiveDate", "2021-06-01")),
                    "documentNo", "方向控制字符");
            refused(post(year + "/expenditures"), json(Map.of("voucherNo", "记-9", "lineId", "L1", "amount", "1.00",
                    "effectiveDate", "2021-03-01", "summary", "退款" + hidden + "2015")), "summary", "方向控制字符");
        }
        refused(post(year + "/evaluation/indicators"), json(Map.of("indicatorId", "I\u200B1", "path",
                List.of("产出指标"), "name", "接通率", "weight", "1", "targetExpression", "≥95%", "effectiveDate",
                "2021-03-01")), "indicatorId", "不可见字符");
        assertThat(storeState()).containsExactly(before);
    }

    /** JSON with every non-ASCII character escaped, so that a lone surrogate travels as {@code \\uD800}. */
    private String json(Map<String, ?> body) throws Exception {
        return objectMapper.copy().enable(com.fasterxml.jackson.core.JsonGenerator.Feature.ESCAPE_NON_ASCII)
                .writeValueAsString(body);
    }

    // ------------------------------------------------------------------------------------------- parameters

    /** One date or instant parameter of one endpoint or page, as the handler mappings declare it. */
    record DateParameter(RequestMethod method, String path, String name, boolean instant, boolean multipart,
            Map<String, String> required) {
    }

    @Test
    void everyDateOrInstantParameter_ofEveryEndpointAndPage_outOfRange_isA400NamingIt() throws Exception {
        List<DateParameter> parameters = dateParameters();
        Set<String> covered = new TreeSet<>();
        parameters.forEach(p -> covered.add(p.method() + " " + p.path() + " " + p.name()));
        // the enumeration must find what the issue names, or the test would pass on nothing
        assertThat(covered).contains(
                "GET /api/v1/departments/{dept}/years/{year}/export.xlsx knownAt",
                "GET /api/v1/departments/{dept}/years/{year}/evaluation asOf",
                "GET /api/v1/departments/{dept}/years/{year}/events from",
                "GET /departments/{dept}/years/{year}/evaluation knownAt",
                "GET /departments/{dept}/years/{year}/export.xlsx knownAt",
                "POST /api/v1/departments/{dept}/years/{year}/imports/evaluation-table referenceDate");

        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (DateParameter parameter : parameters) {
            for (String value : parameter.instant() ? BAD_INSTANTS : BAD_DATES) {
                MockHttpServletResponse response = mvc.perform(request(parameter, value)).andReturn().getResponse();
                requests++;
                String body = response.getContentAsString(StandardCharsets.UTF_8);
                String problem = check(parameter, response, body);
                if (problem != null) {
                    failures.add(parameter.method() + " " + parameter.path() + "?" + parameter.name() + "=" + value
                            + " → " + response.getStatus() + " (" + problem + ") "
                            + body.substring(0, Math.min(300, body.length())));
                }
            }
        }
        System.out.println("[strictness] " + parameters.size() + " date/instant parameters, " + requests
                + " out-of-range requests: " + covered);
        assertThat(failures).isEmpty();
    }

    private String check(DateParameter parameter, MockHttpServletResponse response, String body) throws Exception {
        if (response.getStatus() != 400) {
            return "status";
        }
        if (!parameter.path().startsWith("/api/")) {
            // a page: the Chinese error page names the parameter
            return body.contains(">" + parameter.name() + "<") && body.contains("超出可接受范围") ? null : "page";
        }
        JsonNode problem = objectMapper.readTree(body);
        if (!parameter.name().equals(problem.path("field").asText())) {
            return "field";
        }
        return problem.path("rule").asText().contains("超出可接受范围") ? null : "rule";
    }

    private MockHttpServletRequestBuilder request(DateParameter parameter, String value) {
        String path = parameter.path().replace("{dept}", dept).replace("{year}", "2021").replace("{code}", "TOTAL")
                .replace("{no}", "1").replaceAll("\\{[^}]+}", "X");
        MockHttpServletRequestBuilder request = parameter.multipart()
                ? multipart(path).file(new MockMultipartFile("file", "x.tsv", "text/plain", new byte[] {'x'}))
                : parameter.method() == RequestMethod.POST
                        ? post(path).contentType(MediaType.APPLICATION_JSON).content("{}")
                        : get(path);
        parameter.required().forEach(request::param);
        return request.param(parameter.name(), value);
    }

    private List<DateParameter> dateParameters() {
        List<DateParameter> found = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : handlerMapping.getHandlerMethods().entrySet()) {
            HandlerMethod handler = entry.getValue();
            if (!handler.getBeanType().getName().startsWith("cn.perfledger.")) {
                continue;
            }
            Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
            RequestMethod method = methods.isEmpty() || methods.contains(RequestMethod.GET) ? RequestMethod.GET
                    : methods.contains(RequestMethod.POST) ? RequestMethod.POST : null;
            if (method == null) {
                continue;
            }
            boolean multipart = false;
            Map<String, String> required = new java.util.HashMap<>();
            List<String[]> dates = new ArrayList<>();
            for (MethodParameter p : handler.getMethodParameters()) {
                p.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
                multipart |= p.hasParameterAnnotation(RequestPart.class);
                RequestParam param = p.getParameterAnnotation(RequestParam.class);
                if (param == null || p.hasParameterAnnotation(PathVariable.class)) {
                    continue;
                }
                String name = !param.name().isEmpty() ? param.name() : p.getParameterName();
                Class<?> type = p.getParameterType();
                boolean typed = type == LocalDate.class || type == Instant.class;
                boolean page = type == String.class && PAGE_DATE_PARAMETERS.contains(name)
                        && !handler.getBeanType().getName().startsWith("cn.perfledger.app.api.");
                if (typed || page) {
                    dates.add(new String[] {name, String.valueOf(type == Instant.class
                            || (page && name.toLowerCase().endsWith("knownat")))});
                } else if (param.required() && param.defaultValue().equals(
                        org.springframework.web.bind.annotation.ValueConstants.DEFAULT_NONE)) {
                    required.put(name, "x");
                }
            }
            for (String pattern : entry.getKey().getPatternValues()) {
                for (String[] date : dates) {
                    found.add(new DateParameter(method, pattern, date[0], Boolean.parseBoolean(date[1]), multipart,
                            required));
                }
            }
        }
        return found;
    }

    // ---------------------------------------------------------------------------------------------- digest

    @Test
    void aSubmissionDigest_mustBeThatOfTheTableAsItStands() throws Exception {
        String rubric = "is-" + dept.toLowerCase() + "@1";
        created("/api/v1/rubrics", """
                {"rubricVersionId":"%s","name":"摘要测试规则","jurisdiction":"广州市","scope":{"allDepartments":true},"templateYear":2021,
                 "totalWeight":"100","bonusCap":"0",
                 "tree":[{"code":"A","name":"管理效能","weight":"40","rule":{"kind":"judgement"},"input":{"kind":"judgement"}},
                         {"code":"B","name":"预算完成率","weight":"60","rule":{"kind":"proportional","fullAt":"1"},
                          "input":{"kind":"ledgerMetric","metric":"BUDGET_EXECUTION_RATE"}}],
                 "rounding":{"decimals":2,"mode":"HALF_UP"},"effectiveDate":"2021-01-01"}""".formatted(rubric));
        String other = dept + "D";
        String otherYear = "/api/v1/departments/" + other + "/years/2021";
        created("/api/v1/departments", """
                {"departmentId":"%s","name":"摘要测试局","jurisdiction":"广州市",
                 "units":[{"code":"BJ","name":"本级","headOffice":true}],"effectiveDate":"2021-01-01"}""".formatted(other));
        created("/api/v1/departments/" + other + "/years", "{\"year\":2021,\"rubricVersion\":\"" + rubric + "\"}");
        created(otherYear + "/budget-lines", """
                {"lineId":"L1","unit":"BJ","fundingSource":"GENERAL_PUBLIC_BUDGET","kind":"BASIC_OPERATING",
                 "functionalCode":"2010101","economicCode":"30201","effectiveDate":"2021-01-01"}""");
        created(otherYear + "/initial-budgets",
                "{\"lineId\":\"L1\",\"amount\":\"1000.00\",\"documentNo\":\"财预1号\",\"effectiveDate\":\"2021-01-15\"}");
        String evaluation = otherYear + "/evaluation";
        created(evaluation, "");
        String seen = digest(evaluation);
        String submission = """
                {"referenceDate":"2021-12-31","digest":"%s","submittedBy":"财务科","effectiveDate":"2022-02-01"}""";
        long[] before = storeState();

        refused(post(evaluation + "/submissions"), submission.formatted("0".repeat(64)), "digest", "摘要不是该自评表的摘要");
        refused(post(evaluation + "/submissions"), submission.formatted("F".repeat(64)), "digest", seen);
        assertThat(storeState()).containsExactly(before);

        // a voucher recorded after the submitter looked changes the table: the digest seen is no longer one to submit
        created(otherYear + "/expenditures",
                "{\"voucherNo\":\"V-1\",\"lineId\":\"L1\",\"amount\":\"500.00\",\"effectiveDate\":\"2021-06-01\"}");
        String now = digest(evaluation);
        assertThat(now).isNotEqualTo(seen);
        before = storeState();
        refused(post(evaluation + "/submissions"), submission.formatted(seen), "digest", now);
        assertThat(storeState()).containsExactly(before);

        created(evaluation + "/submissions", submission.formatted(now));
        JsonNode comparison = getJson(otherYear + "/submissions/1/comparison");
        assertThat(comparison.get("digestMatches").asBoolean()).as("no false alteration warning").isTrue();
    }

    private String digest(String evaluation) throws Exception {
        return getJson(evaluation + "/submission-digest?referenceDate=2021-12-31").get("digest").asText();
    }

    // --------------------------------------------------------------------------------------------- helpers

    private void refused(MockHttpServletRequestBuilder request, String body, String field, String ruleContains)
            throws Exception {
        MockHttpServletResponse response = mvc.perform(request.contentType(MediaType.APPLICATION_JSON)
                .content(body.getBytes(StandardCharsets.UTF_8))).andReturn().getResponse();
        String answer = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(body + " → " + answer).isEqualTo(400);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        JsonNode problem = objectMapper.readTree(answer);
        assertThat(problem.path("field").asText()).as(answer).isEqualTo(field);
        assertThat(problem.path("rule").asText()).as(answer).contains(ruleContains);
        assertThat(problem.path("title").asText()).isNotBlank();
    }

    private void created(String path, String body) throws Exception {
        MockHttpServletResponse response = mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON)
                .content(body.getBytes(StandardCharsets.UTF_8))).andReturn().getResponse();
        assertThat(response.getStatus()).as(path + " " + response.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(201);
    }

    private JsonNode getJson(String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(path + " " + body).isEqualTo(200);
        return objectMapper.readTree(body);
    }

    private long[] storeState() {
        return jdbc.queryForObject("SELECT COUNT(*), COALESCE(MAX(globalIndex), 0) FROM DomainEventEntry",
                (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)});
    }
}
