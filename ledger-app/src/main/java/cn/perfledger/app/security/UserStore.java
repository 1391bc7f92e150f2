package cn.perfledger.app.security;

import cn.perfledger.domain.common.ConflictException;
import cn.perfledger.domain.common.DomainException;
import cn.perfledger.app.command.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of users who may sign in (table {@code ledger_user}), read by {@link LedgerAuthenticationProvider}.
 * User names are unique regardless of case ({@code Admin} beside {@code admin} is refused; the unique column
 * {@code username_key} holds the lower-cased name) and looked up regardless of case; the stored spelling is the
 * one events record.
 */
@Service
public class UserStore {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{2,64}");

    /** A user as listed to administrators (never the hash). */
    public record UserView(String username, String displayName, Set<LedgerRole> roles, String departments,
            boolean enabled, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
    }

    /** What is needed to create a user. */
    public record NewUser(String username, String displayName, String password, Set<LedgerRole> roles,
            DepartmentScope scope) {
    }

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final VerifiedCredentials verified;

    public UserStore(JdbcTemplate jdbc, PasswordEncoder passwordEncoder, Clock clock, VerifiedCredentials verified) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.verified = verified;
    }

    /** The lower-cased name the unique column {@code username_key} holds. */
    static String key(String username) {
        return username == null ? "" : username.toLowerCase(Locale.ROOT);
    }

    public Optional<LedgerUserDetails> find(String username) {
        List<LedgerUserDetails> found = jdbc.query("SELECT * FROM ledger_user WHERE username_key = ?",
                (rs, n) -> new LedgerUserDetails(rs.getString("username"), rs.getString("display_name"),
                        rs.getString("password_hash"), roles(rs.getString("roles")),
                        DepartmentScope.parse("departments", rs.getString("departments")), rs.getBoolean("enabled")),
                key(username));
        return found.stream().findFirst();
    }

    public List<UserView> list() {
        return jdbc.query("SELECT * FROM ledger_user ORDER BY username", UserStore::view);
    }

    public boolean exists(String username) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM ledger_user WHERE username_key = ?", Integer.class,
                key(username));
        return n != null && n > 0;
    }

    /** Creates the user; refuses a taken name (in any case), a bad name, a weak password, no role. */
    @Transactional
    public UserView create(NewUser user, String actor) {
        validate(user);
        Optional<String> taken = jdbc.queryForList("SELECT username FROM ledger_user WHERE username_key = ?",
                String.class, key(user.username())).stream().findFirst();
        if (taken.isPresent()) {
            throw new ConflictException("username", taken.get().equals(user.username())
                    ? "用户名已存在: " + user.username()
                    : "用户名已存在（不区分大小写）: " + user.username() + " 与已有的 " + taken.get() + " 相同");
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("INSERT INTO ledger_user (username, display_name, password_hash, roles, departments, enabled,"
                        + " created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, TRUE, ?, ?, ?, ?)",
                user.username(), displayName(user), passwordEncoder.encode(user.password()),
                stored(user.roles()), user.scope().stored(), now, actor, now, actor);
        return view(user.username());
    }

    /** Creates the user unless one of that name exists (demo users, bootstrap admin); true when created. */
    @Transactional
    public boolean createIfAbsent(NewUser user, String actor) {
        if (exists(user.username())) {
            return false;
        }
        create(user, actor);
        return true;
    }

    /** Changes roles, scope and/or enabled flag (nulls keep the current value). */
    @Transactional
    public UserView update(String username, Set<LedgerRole> roles, DepartmentScope scope, Boolean enabled,
            String actor) {
        UserView current = view(username);
        username = current.username();
        if (roles != null && roles.isEmpty()) {
            throw new DomainException("roles", "至少需要一个角色");
        }
        if (key(username).equals(key(actor)) && (Boolean.FALSE.equals(enabled)
                || (roles != null && !roles.contains(LedgerRole.ADMIN)))) {
            // an administrator locking themselves out leaves nobody to undo it
            throw new DomainException("username", "不能停用自己或去掉自己的管理角色");
        }
        jdbc.update("UPDATE ledger_user SET roles = ?, departments = ?, enabled = ?, updated_at = ?, updated_by = ?"
                        + " WHERE username = ?",
                stored(roles != null ? roles : current.roles()),
                scope != null ? scope.stored() : current.departments(),
                enabled != null ? enabled : current.enabled(), Timestamp.from(clock.instant()), actor, username);
        verified.forget(username);
        return view(username);
    }

    @Transactional
    public void changePassword(String username, String password, String actor) {
        String stored = view(username).username();
        PasswordPolicy.check(stored, password);
        jdbc.update("UPDATE ledger_user SET password_hash = ?, updated_at = ?, updated_by = ? WHERE username = ?",
                passwordEncoder.encode(password), Timestamp.from(clock.instant()), actor, stored);
        // the old password stops working at once anyway: a cached verification holds only for the old hash
        verified.forget(stored);
    }

    public UserView view(String username) {
        return jdbc.query("SELECT * FROM ledger_user WHERE username_key = ?", UserStore::view, key(username)).stream()
                .findFirst().orElseThrow(() -> new NotFoundException("username", "用户不存在: " + username));
    }

    private static void validate(NewUser user) {
        if (user.username() == null || !USERNAME.matcher(user.username()).matches()) {
            throw new DomainException("username", "用户名应为 2–64 位字母、数字、点、下划线或连字符");
        }
        PasswordPolicy.check(user.username(), user.password());
        if (user.roles() == null || user.roles().isEmpty()) {
            throw new DomainException("roles", "至少需要一个角色");
        }
        if (user.scope() == null) {
            throw new DomainException("departments", "部门范围不能为空（全部部门填 *）");
        }
        if (user.displayName() != null && user.displayName().length() > 100) {
            throw new DomainException("displayName", "姓名不能超过 100 个字符");
        }
    }

    private static String displayName(NewUser user) {
        return user.displayName() == null || user.displayName().isBlank() ? user.username() : user.displayName();
    }

    static Set<LedgerRole> roles(String stored) {
        return Arrays.stream(stored.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> LedgerRole.parse("roles", s)).collect(Collectors.toCollection(() -> EnumSet.noneOf(
                        LedgerRole.class)));
    }

    private static String stored(Set<LedgerRole> roles) {
        return EnumSet.copyOf(roles).stream().map(Enum::name).collect(Collectors.joining(","));
    }

    private static UserView view(ResultSet rs, int n) throws SQLException {
        return new UserView(rs.getString("username"), rs.getString("display_name"), roles(rs.getString("roles")),
                rs.getString("departments"), rs.getBoolean("enabled"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"), rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }
}
