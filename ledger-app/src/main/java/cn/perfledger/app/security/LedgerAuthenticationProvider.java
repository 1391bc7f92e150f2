package cn.perfledger.app.security;

import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * The one way in, for HTTP Basic (API, CLI) and the sign-in form alike; being the only
 * {@link AuthenticationProvider} bean it replaces Spring's default one.
 * <ol>
 *   <li>{@link SignInThrottle}: while the user name, the client address or the pair is locked the attempt is
 *       refused (429) without looking the user up or running bcrypt;</li>
 *   <li>the user's row is read (name case-insensitive; roles, scope and enabled flag fresh on every request);</li>
 *   <li>{@link VerifiedCredentials}: the same name and password verified against this very hash minutes ago
 *       skip bcrypt; otherwise bcrypt decides (an unknown name costs a bcrypt too, so timing does not tell);</li>
 *   <li>a disabled user is refused after the password check, with the same answer as a wrong password.</li>
 * </ol>
 * Every failure is logged at WARN on {@code cn.perfledger.app.security.SignIn} with the name as typed, the
 * address and the reason, never the password; refusals of a lock are logged on the first and then every
 * hundredth, with their count.
 */
@Component
public class LedgerAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger("cn.perfledger.app.security.SignIn");
    static final String WRONG_CREDENTIALS = "用户名或密码错误，或账号已停用";

    private final UserStore users;
    private final PasswordEncoder passwords;
    private final SignInThrottle throttle;
    private final VerifiedCredentials verified;
    /** Checked for names nobody has, so that an unknown name takes as long as a wrong password. */
    private final String unknownUserHash;

    public LedgerAuthenticationProvider(UserStore users, PasswordEncoder passwords, SignInThrottle throttle,
            VerifiedCredentials verified) {
        this.users = users;
        this.passwords = passwords;
        this.throttle = throttle;
        this.verified = verified;
        this.unknownUserHash = passwords.encode(UUID.randomUUID().toString());
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        String address = address(authentication);
        SignInThrottle.Attempt attempt;
        try {
            attempt = throttle.admit(username, address);
        } catch (SignInThrottledException e) {
            if (e.refusedInThisLock() == 1 || e.refusedInThisLock() % 100 == 0) {
                log.warn("sign-in refused without checking: user='{}' address={} reason=locked ({}), retry after {} s,"
                        + " {} refused in this lock", printable(username), address, printable(e.key()),
                        e.retryAfterSeconds(), e.refusedInThisLock());
            }
            throw e;
        }
        try (attempt) {
            Optional<LedgerUserDetails> found = users.find(username);
            String reason = verdict(found, username, password);
            if (reason != null) {
                attempt.failed();
                log.warn("sign-in failed: user='{}' address={} reason={}", printable(username), address, reason);
                throw new BadCredentialsException(WRONG_CREDENTIALS);
            }
            attempt.succeeded();
            LedgerUserDetails user = found.get();
            UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(user, null,
                    user.getAuthorities());
            result.setDetails(authentication.getDetails());
            return result;
        }
    }

    /** Null when the credentials are good and the user enabled, else why not (for the log only). */
    private String verdict(Optional<LedgerUserDetails> found, String username, String password) {
        if (found.isEmpty()) {
            passwords.matches(password, unknownUserHash);
            return "unknown user";
        }
        LedgerUserDetails user = found.get();
        boolean good = verified.matches(user.getUsername(), password, user.getPassword());
        if (!good && passwords.matches(password, user.getPassword())) {
            verified.remember(user.getUsername(), password, user.getPassword());
            good = true;
        }
        if (!good) {
            return "wrong password";
        }
        return user.isEnabled() ? null : "user disabled";
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String address(Authentication authentication) {
        if (authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null) {
            return details.getRemoteAddress();
        }
        return "unknown";
    }

    /** The name as typed, safe for one log line: control characters replaced, at most 64 characters. */
    static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), 64));
        text.codePoints().limit(64).forEach(c -> out.appendCodePoint(Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT ? '?' : c));
        return text.codePointCount(0, text.length()) > 64 ? out + "…" : out.toString();
    }
}
