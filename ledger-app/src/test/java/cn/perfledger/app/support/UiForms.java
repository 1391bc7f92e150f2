package cn.perfledger.app.support;

import cn.perfledger.app.security.DepartmentScope;
import cn.perfledger.app.security.LedgerRole;
import cn.perfledger.app.security.LedgerUserDetails;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** What the tests of the write pages share: signed-in users by role and scope, fresh codes, the small rubric file. */
public final class UiForms {

    public static final String SMALL_RUBRIC = "ui-small-2024@1";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private UiForms() {
    }

    /** A signed-in user of {@code roles} scoped to {@code scope}. */
    public static RequestPostProcessor as(String name, DepartmentScope scope, LedgerRole... roles) {
        LedgerUserDetails user = new LedgerUserDetails(name, name, null,
                roles.length == 0 ? EnumSet.noneOf(LedgerRole.class) : EnumSet.copyOf(List.of(roles)), scope, true);
        return SecurityMockMvcRequestPostProcessors.authentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    /** A department code no other test uses (tests share one store). */
    public static String newDepartment(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase()
                + SEQUENCE.incrementAndGet();
    }

    public static String key() {
        return UUID.randomUUID().toString();
    }

    /** The small rubric file of the page tests ({@code ui-forms/small-rubric.json}) under another version id. */
    public static String smallRubric(String versionId) {
        try (InputStream in = UiForms.class.getClassLoader().getResourceAsStream("ui-forms/small-rubric.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(SMALL_RUBRIC, versionId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
