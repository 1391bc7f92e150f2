package cn.perfledger.app.ui.entry;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.perfledger.app.readmodel.DirectoryQueries;
import cn.perfledger.app.security.DepartmentScope;
import cn.perfledger.app.security.LedgerRole;
import cn.perfledger.app.security.LedgerUserDetails;
import cn.perfledger.app.support.TestRubrics;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A department for the entry tests, opened years, and the users who try the pages. */
final class EntryFixture {

    static final String DEPT = "UI-ENTRY";

    private EntryFixture() {
    }

    static RequestPostProcessor as(String name, LedgerRole role, DepartmentScope scope) {
        LedgerUserDetails user = new LedgerUserDetails(name, name, null, Set.of(role), scope, true);
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    static RequestPostProcessor clerk() {
        return as("entry-clerk", LedgerRole.CLERK, DepartmentScope.of(DEPT));
    }

    /** Registers the department (two units) once and waits until the directory shows it. */
    static void department(MockMvc mvc, DirectoryQueries directory) throws Exception {
        TestRubrics.ensurePublished(mvc);
        mvc.perform(post("/api/v1/departments").contentType(MediaType.APPLICATION_JSON).content("""
                {"departmentId":"%s","name":"录入测试局","jurisdiction":"测试","effectiveDate":"2021-01-01",
                 "units":[{"code":"BJ","name":"本级","headOffice":true},{"code":"XS","name":"信息中心"}]}"""
                .formatted(DEPT))).andReturn();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (directory.department(DEPT).isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("directory never showed " + DEPT);
            }
            Thread.sleep(50);
        }
    }

    /** Opens {@code year} through the API with one project line L1 of 100,000.00, unless it is open already. */
    static void openYear(MockMvc mvc, int year) throws Exception {
        String base = "/api/v1/departments/" + DEPT + "/years";
        int status = mvc.perform(post(base).contentType(MediaType.APPLICATION_JSON)
                .content("{\"year\":" + year + ",\"rubricVersion\":\"" + TestRubrics.GZ_2021 + "\"}"))
                .andReturn().getResponse().getStatus();
        if (status != 201) {
            return;
        }
        mvc.perform(post(base + "/" + year + "/budget-lines").contentType(MediaType.APPLICATION_JSON).content("""
                {"lineId":"L1","unit":"BJ","fundingSource":"GENERAL_PUBLIC_BUDGET","kind":"PROJECT","projectCode":"P1",
                 "projectName":"平台运维","functionalCode":"2010101","economicCode":"30227","effectiveDate":"%d-01-01"}"""
                .formatted(year)));
        mvc.perform(post(base + "/" + year + "/initial-budgets").contentType(MediaType.APPLICATION_JSON).content("""
                {"lineId":"L1","amount":"100000.00","documentNo":"测财〔%d〕1号","effectiveDate":"%d-01-01"}"""
                .formatted(year, year)));
    }

    static long events(JdbcTemplate jdbc, int year) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?", Long.class,
                DEPT + "/" + year);
    }
}
