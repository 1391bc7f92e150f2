package cn.perfledger.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.perfledger.app.security.UserStore.NewUser;
import cn.perfledger.app.support.H2FileContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every write endpoint of the API — enumerated from Spring MVC's own mappings, so an endpoint added later is
 * covered or fails this test for want of an owner — refuses, with nothing written:
 * no credentials and wrong credentials (401), every role that does not own it (403), and its owning role from
 * another department (403). The owning role from the right department gets past the door (anything but 401/403),
 * which shows the refusals are the rules at work and not a locked door.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WriteEndpointAccessTest implements H2FileContext {

    private static final String PASSWORD = "acl-test-pw";
    /** The department the scoped test users belong to, and another one. */
    private static final String OWN = "ACL-OWN";
    private static final String OTHER = "ACL-OTHER";

    /**
     * Who owns which write, written out independently of SecurityConfiguration; first match wins. An owner
     * without a role: a read that happens to be a POST (any role in scope).
     */
    private static final Map<Pattern, Owner> OWNERS = new LinkedHashMap<>();

    record Owner(LedgerRole role, boolean wholeStore) {
    }

    static {
        owner("/api/v1/import", LedgerRole.ADMIN, true);
        owner("/api/v1/admin/.*", LedgerRole.ADMIN, true);
        owner("/api/v1/departments", LedgerRole.ADMIN, true);
        owner("/api/v1/departments/\\{dept}/units", LedgerRole.ADMIN, false);
        owner("/api/v1/rubrics(/.*)?", LedgerRole.ADMIN, false);
        owner("/api/v1/departments/\\{dept}/years/\\{year}/integrity/digest/check", null, false);
        owner("/api/v1/departments/\\{dept}/years/\\{year}/evaluation(/.*)?", LedgerRole.EVALUATOR, false);
        owner("/api/v1/departments/\\{dept}/years/\\{year}/imports/evaluation-table", LedgerRole.EVALUATOR, false);
        owner("/api/v1/departments/\\{dept}/years", LedgerRole.CLERK, false);
        owner("/api/v1/departments/\\{dept}/years/\\{year}/.*", LedgerRole.CLERK, false);
    }

    private static void owner(String regex, LedgerRole role, boolean wholeStore) {
        OWNERS.put(Pattern.compile(regex), new Owner(role, wholeStore));
    }

    @Autowired
    WebApplicationContext context;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    UserStore users;
    @Autowired
    JdbcTemplate jdbc;

    MockMvc mvc;

    @BeforeAll
    void usersAndAnUnauthenticatedClient() {
        // no default test user here: every request signs in (or not) on its own
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        for (LedgerRole role : LedgerRole.values()) {
            users.createIfAbsent(new NewUser(name(role, "own"), null, PASSWORD, Set.of(role), DepartmentScope.of(OWN)),
                    "test");
            users.createIfAbsent(new NewUser(name(role, "other"), null, PASSWORD, Set.of(role),
                    DepartmentScope.of(OTHER)), "test");
            users.createIfAbsent(new NewUser(name(role, "all"), null, PASSWORD, Set.of(role), DepartmentScope.ALL),
                    "test");
        }
    }

    @Test
    void everyWriteEndpointRefusesWrongRoleAndWrongDepartmentAndWritesNothing() throws Exception {
        List<String> endpoints = writeEndpoints();
        assertThat(endpoints).as("the API's POST endpoints").hasSizeGreaterThan(30);
        long eventsBefore = events();
        List<String> failures = new ArrayList<>();
        int refusals = 0;
        for (String pattern : endpoints) {
            Owner owner = OWNERS.entrySet().stream().filter(e -> e.getKey().matcher(pattern).matches())
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (owner == null) {
                failures.add(pattern + ": no owner written down in this test — decide who may call it");
                continue;
            }
            String own = path(pattern, OWN);
            expect(failures, pattern, "no credentials", post(own), 401);
            expect(failures, pattern, "wrong password", post(own).with(httpBasic(name(LedgerRole.ADMIN, "all"),
                    "wrong-password")), 401);
            refusals += 2;
            if (owner.role() == null) {
                expect(failures, pattern, "auditor of another department", as(post(path(pattern, OTHER)),
                        LedgerRole.AUDITOR, "own"), 403);
                refusals++;
                continue;
            }
            for (LedgerRole role : LedgerRole.values()) {
                if (role != owner.role()) {
                    expect(failures, pattern, role + " of all departments", as(post(own), role, "all"), 403);
                    refusals++;
                }
            }
            if (owner.wholeStore()) {
                expect(failures, pattern, owner.role() + " of one department only", as(post(own), owner.role(),
                        "own"), 403);
                refusals++;
                int status = send(as(post(own), owner.role(), "all"));
                if (status == 401 || status == 403) {
                    failures.add(pattern + ": its owner " + owner.role() + " was refused (" + status + ")");
                }
            } else {
                if (pattern.contains("{dept}")) {
                    expect(failures, pattern, owner.role() + " of another department", as(post(own), owner.role(),
                            "other"), 403);
                    refusals++;
                }
                int status = send(as(post(own), owner.role(), "own"));
                if (status == 401 || status == 403) {
                    failures.add(pattern + ": its owner " + owner.role() + " of the department was refused ("
                            + status + ")");
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(refusals).isGreaterThan(150);
        assertThat(events()).as("events in the store").isEqualTo(eventsBefore);
    }

    @Test
    void auditorsWriteNothingAnywhere() throws Exception {
        long eventsBefore = events();
        for (String pattern : writeEndpoints()) {
            if (pattern.endsWith("/integrity/digest/check")) {
                continue;
            }
            int status = send(as(post(path(pattern, OWN)), LedgerRole.AUDITOR, "all"));
            assertThat(status).as("auditor POST " + pattern).isEqualTo(403);
        }
        assertThat(events()).isEqualTo(eventsBefore);
    }

    private List<String> writeEndpoints() {
        Set<String> found = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (methods.isEmpty() || methods.contains(RequestMethod.POST) || methods.contains(RequestMethod.PUT)
                    || methods.contains(RequestMethod.DELETE) || methods.contains(RequestMethod.PATCH)) {
                info.getPatternValues().stream().filter(p -> p.startsWith("/api/")).forEach(found::add);
            }
        }
        return new ArrayList<>(found);
    }

    private static String path(String pattern, String department) {
        return pattern.replace("{dept}", department).replace("{year}", "2021").replaceAll("\\{[^}]+}", "X1");
    }

    private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, LedgerRole role,
            String scope) {
        return request.with(httpBasic(name(role, scope), PASSWORD));
    }

    private void expect(List<String> failures, String pattern, String who, MockHttpServletRequestBuilder request,
            int expected) throws Exception {
        int status = send(request);
        if (status != expected) {
            failures.add(pattern + " as " + who + ": expected " + expected + ", got " + status);
        }
    }

    private int send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn().getResponse()
                .getStatus();
    }

    private long events() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
    }

    private static String name(LedgerRole role, String scope) {
        return "acl-" + role.name().toLowerCase(java.util.Locale.ROOT) + "-" + scope;
    }
}
