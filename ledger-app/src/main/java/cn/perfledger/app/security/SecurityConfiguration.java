package cn.perfledger.app.security;

import static cn.perfledger.app.security.AccessRules.inDepartment;
import static cn.perfledger.app.security.AccessRules.wholeStore;
import static cn.perfledger.app.security.LedgerRole.ADMIN;
import static cn.perfledger.app.security.LedgerRole.AUDITOR;
import static cn.perfledger.app.security.LedgerRole.CLERK;
import static cn.perfledger.app.security.LedgerRole.EVALUATOR;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may do what. Two filter chains:
 * <ul>
 *   <li>{@code /api/**}: HTTP Basic on every request (CLI, scripts), no session, no CSRF (no cookie is ever
 *       honoured there, so a browser cannot be tricked into writing); refusals are Problem Details.</li>
 *   <li>everything else (the web UI): form sign-in with a session, CSRF tokens on every form, sign-out by POST.</li>
 * </ul>
 * Writes need the role that owns them (录入 the ledger, 评价 the evaluation, 管理 departments/users/rubrics) and a
 * department scope covering the {@code {dept}} in the path; reads need any role with that scope. 审计 has no write
 * rule at all. Whole-store operations (export, verify all, restore) need a scope of all departments.
 *
 * <p>Every answer carries a Content-Security-Policy: pages may load script, style, images and fonts from this
 * origin only ({@link #PAGE_POLICY}: no inline script or style, no eval, no plugins, no framing, forms post only
 * here), so that a text that ever slipped through escaping could not run (Swagger UI: {@link #DOCS_POLICY}); API
 * answers are data and may load nothing at all ({@link #API_POLICY}). The session cookie is HttpOnly and
 * SameSite=Lax (application.yml).
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
public class SecurityConfiguration {

    /**
     * The pages' policy. {@code style-src 'self'} without {@code 'unsafe-inline'}: the templates have no style
     * attributes and ECharts sets its styles through the CSSOM, which the policy does not govern, so inline styles
     * would only serve injected markup (CSS can read attribute values out of a page or lay a fake form over it).
     * {@code img-src data:} for the small icons Swagger UI's stylesheet embeds.
     */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; "
            + "form-action 'self'";
    /**
     * Swagger UI only: its bundle adds a {@code <style>} element as it draws, so inline style is allowed there. It
     * shows the API's own documentation, no text a user wrote; script stays {@code 'self'}.
     */
    static final String DOCS_POLICY = PAGE_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
    /** JSON, spreadsheets and Problem Details: nothing to load, nothing to frame. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private static final String YEAR = "/api/v1/departments/{dept}/years/{year}";
    private static final String UI_YEAR = "/departments/{dept}/years/{year}";

    /**
     * No Spring Security observations: with the actuator's observation registry present, Spring Security wraps each
     * of the chain's filters, every authentication and every authorization decision in an observation, about 6 % of
     * a single write's request thread (issue 14), and nothing here reads them (the actuator exposes health and info
     * only). The filters themselves and their decisions are unchanged.
     */
    @Bean
    public SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** Requests the firewall refuses (e.g. {@code %2F} in a path) get a Problem Details 400, not an empty body. */
    @Bean
    public RequestRejectedHandler requestRejectedHandler(ObjectMapper json) {
        return new ProblemResponses(json);
    }

    @Bean
    @Order(1)
    public SecurityFilterChain apiChain(HttpSecurity http, ObjectMapper json) throws Exception {
        ProblemResponses problems = new ProblemResponses(json);
        http.securityMatcher("/api/**")
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(API_POLICY)))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .httpBasic(basic -> basic.realmName(ProblemResponses.REALM).authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(auth -> auth
                        // the whole store
                        .requestMatchers(GET, "/api/v1/export", "/api/v1/integrity").access(wholeStore(AUDITOR, ADMIN))
                        .requestMatchers(POST, "/api/v1/import").access(wholeStore(ADMIN))
                        .requestMatchers("/api/v1/admin/**").access(wholeStore(ADMIN))
                        // 管理: departments, units, rubric versions
                        .requestMatchers(POST, "/api/v1/departments").access(wholeStore(ADMIN))
                        .requestMatchers(POST, "/api/v1/departments/{dept}/units").access(inDepartment(ADMIN))
                        .requestMatchers(POST, "/api/v1/rubrics", "/api/v1/rubrics/**").access(inDepartment(ADMIN))
                        // checking a digest computes, it records nothing
                        .requestMatchers(POST, YEAR + "/integrity/digest/check").access(inDepartment())
                        // 评价: the evaluation of a year
                        .requestMatchers(POST, YEAR + "/evaluation", YEAR + "/evaluation/**",
                                YEAR + "/imports/evaluation-table").access(inDepartment(EVALUATOR))
                        // 录入: opening a year and everything else recorded on a year's ledger
                        .requestMatchers(POST, "/api/v1/departments/{dept}/years").access(inDepartment(CLERK))
                        .requestMatchers(POST, YEAR + "/**").access(inDepartment(CLERK))
                        // reads
                        .requestMatchers(GET, "/api/v1/departments/{dept}", "/api/v1/departments/{dept}/**")
                        .access(inDepartment())
                        .requestMatchers(GET, "/api/**").access(inDepartment())
                        // anything not named above: administrators only, so a new endpoint is closed by default
                        .anyRequest().access(wholeStore(ADMIN)));
        return http.build();
    }

    @Bean
    @Order(2)
    public SecurityFilterChain webChain(HttpSecurity http, SignInFailureHandler signInFailures) throws Exception {
        RequestMatcher swaggerUi = PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");
        http.headers(headers -> headers
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(swaggerUi,
                                new ContentSecurityPolicyHeaderWriter(DOCS_POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(swaggerUi),
                                new ContentSecurityPolicyHeaderWriter(PAGE_POLICY))))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(signInFailures)
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .csrf(Customizer.withDefaults())
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/ui/**", "/webjars/**", "/favicon.ico", "/error",
                                "/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        // page forms that write follow the API's owners; a form that only computes is a read
                        .requestMatchers(POST, UI_YEAR + "/integrity/**").access(inDepartment())
                        // the evaluator's write pages (评价), read and post
                        .requestMatchers(UI_YEAR + "/evaluation/work", UI_YEAR + "/evaluation/work/**")
                        .access(inDepartment(EVALUATOR))
                        // the administrator's pages (管理): users need the whole store, as in the API
                        .requestMatchers("/admin/users", "/admin/users/**").access(wholeStore(ADMIN))
                        .requestMatchers(POST, "/admin/departments/{dept}/units", "/admin/rubrics")
                        .access(inDepartment(ADMIN))
                        .requestMatchers(GET, "/admin/departments/{dept}", "/admin/**").access(inDepartment(ADMIN))
                        .requestMatchers(POST, UI_YEAR + "/evaluation", UI_YEAR + "/evaluation/**",
                                UI_YEAR + "/reconciliation/**").access(inDepartment(EVALUATOR))
                        .requestMatchers(POST, "/departments/{dept}/**").access(inDepartment(CLERK))
                        .requestMatchers(POST, "/**").access(wholeStore(ADMIN))
                        .requestMatchers("/departments/{dept}", "/departments/{dept}/**").access(inDepartment())
                        .anyRequest().access(inDepartment()));
        return http.build();
    }
}
