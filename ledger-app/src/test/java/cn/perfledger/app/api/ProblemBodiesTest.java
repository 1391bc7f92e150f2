package cn.perfledger.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import cn.perfledger.app.idempotency.IdempotencyFilter;
import cn.perfledger.app.security.DepartmentScope;
import cn.perfledger.app.security.LedgerRole;
import cn.perfledger.app.security.LedgerUserDetails;
import cn.perfledger.app.support.H2FileContext;
import cn.perfledger.app.support.TestUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Every refusal of the API, whoever answers it — the security chain (401, 403), the idempotency filter (409, 422),
 * the controllers' exception handler (400, 404, 405, 415) — is one shape of RFC 9457 body from
 * {@link ProblemFactory}: the same members, {@code application/problem+json}, a {@code urn:perfledger:problem:}
 * type, a Chinese title, the request path as {@code instance}, and {@code detail = "field: rule"}.
 */
@SpringBootTest
class ProblemBodiesTest implements H2FileContext {

    private static final List<String> MEMBERS = List.of("type", "title", "status", "detail", "instance", "field",
            "rule");

    @Autowired
    WebApplicationContext context;
    @Autowired
    ObjectMapper json;

    @Test
    void everyWriterOfProblemDetails_writesTheSameMembers() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity())
                .addFilters(context.getBean(IdempotencyFilter.class)).build();
        LedgerUserDetails tester = TestUsers.principal();
        LedgerUserDetails auditor = new LedgerUserDetails("problem-auditor", "审计", null, Set.of(LedgerRole.AUDITOR),
                DepartmentScope.ALL, true);
        String key = "problem-" + UUID.randomUUID();
        String departments = "/api/v1/departments";
        String department = """
                {"departmentId":"PB-%s","name":"问题详情测试局","jurisdiction":"广州市",
                 "units":[{"code":"BJ","name":"本级","headOffice":true}],"effectiveDate":"2021-01-01"}""";
        String id = UUID.randomUUID().toString().substring(0, 6).toUpperCase();

        record Refusal(String who, int status, MockHttpServletRequestBuilder request) {
        }
        List<Refusal> refusals = List.of(
                new Refusal("security: wrong password", 401, get(departments).with(httpBasic("nobody", "wrong"))),
                new Refusal("security: role", 403, post(departments).with(user(auditor))
                        .contentType(MediaType.APPLICATION_JSON).content(department.formatted(id))),
                new Refusal("handler: rule", 400, post(departments).with(user(tester))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"departmentId\":\"\"}")),
                new Refusal("handler: parameter", 400, get(departments + "/GZ-ZSJ/years/2021/evaluation?asOf=2021-13-01")
                        .with(user(tester))),
                new Refusal("handler: unknown path", 404, get("/api/v1/no-such-thing").with(user(tester))),
                new Refusal("handler: method", 405, put(departments).with(user(tester))
                        .contentType(MediaType.APPLICATION_JSON).content("{}")),
                new Refusal("handler: media type", 415, post(departments).with(user(tester))
                        .contentType(MediaType.TEXT_PLAIN).content("x")),
                new Refusal("idempotency: malformed key", 400, post(departments).with(user(tester))
                        .header(IdempotencyFilter.HEADER, "bad key!").contentType(MediaType.APPLICATION_JSON)
                        .content(department.formatted(id))));

        List<String> problems = new ArrayList<>();
        for (Refusal refusal : refusals) {
            MockHttpServletResponse response = mvc.perform(refusal.request()).andReturn().getResponse();
            problems.addAll(check(refusal.who(), refusal.status(), response));
        }
        // the same key again with another body: the idempotency filter answers 422 from its record
        MockHttpServletResponse first = mvc.perform(post(departments).with(user(tester))
                .header(IdempotencyFilter.HEADER, key).contentType(MediaType.APPLICATION_JSON)
                .content(department.formatted(id))).andReturn().getResponse();
        assertThat(first.getStatus()).as(first.getContentAsString()).isEqualTo(201);
        MockHttpServletResponse reused = mvc.perform(post(departments).with(user(tester))
                .header(IdempotencyFilter.HEADER, key).contentType(MediaType.APPLICATION_JSON)
                .content(department.formatted(id + "X"))).andReturn().getResponse();
        problems.addAll(check("idempotency: key reused", 422, reused));

        assertThat(problems).isEmpty();
    }

    private List<String> check(String who, int status, MockHttpServletResponse response) throws Exception {
        List<String> problems = new ArrayList<>();
        String body = response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        if (response.getStatus() != status) {
            return List.of(who + ": status " + response.getStatus() + " " + body);
        }
        if (response.getContentType() == null || !response.getContentType().startsWith("application/problem+json")) {
            problems.add(who + ": content type " + response.getContentType());
        }
        JsonNode problem = json.readTree(body);
        for (String member : MEMBERS) {
            if (problem.path(member).asText("").isBlank()) {
                problems.add(who + ": no " + member + " in " + body);
            }
        }
        if (!problem.path("type").asText().startsWith("urn:perfledger:problem:")) {
            problems.add(who + ": type " + problem.path("type"));
        }
        if (!problem.path("title").asText().codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                == Character.UnicodeScript.HAN)) {
            problems.add(who + ": title not Chinese: " + problem.path("title"));
        }
        if (problem.path("status").asInt() != status) {
            problems.add(who + ": status member " + problem.path("status"));
        }
        if (!problem.path("detail").asText().equals(problem.path("field").asText() + ": "
                + problem.path("rule").asText())) {
            problems.add(who + ": detail is not \"field: rule\": " + body);
        }
        if (!problem.path("instance").asText().startsWith("/api/")) {
            problems.add(who + ": instance " + problem.path("instance"));
        }
        return problems;
    }
}
