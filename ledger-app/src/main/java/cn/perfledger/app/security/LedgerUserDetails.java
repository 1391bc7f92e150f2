package cn.perfledger.app.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A signed-in user: name, roles and department scope; the password hash is erased after authentication. */
public final class LedgerUserDetails implements UserDetails, CredentialsContainer {

    private static final long serialVersionUID = 1L;

    private final String username;
    private final String displayName;
    private String passwordHash;
    private final Set<LedgerRole> roles;
    private final DepartmentScope scope;
    private final boolean enabled;

    public LedgerUserDetails(String username, String displayName, String passwordHash, Set<LedgerRole> roles,
            DepartmentScope scope, boolean enabled) {
        this.username = username;
        this.displayName = displayName == null || displayName.isBlank() ? username : displayName;
        this.passwordHash = passwordHash;
        this.roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        this.scope = scope;
        this.enabled = enabled;
    }

    public Set<LedgerRole> roles() {
        return roles;
    }

    public DepartmentScope scope() {
        return scope;
    }

    public String displayName() {
        return displayName;
    }

    public boolean hasAnyRole(Collection<LedgerRole> wanted) {
        return wanted.stream().anyMatch(roles::contains);
    }

    /** The roles as recorded in event metadata, e.g. {@code CLERK}. */
    public String roleNames() {
        return EnumSet.copyOf(roles).stream().map(Enum::name).collect(Collectors.joining(","));
    }

    /** The roles in Chinese, e.g. {@code 录入}. */
    public String roleLabels() {
        return EnumSet.copyOf(roles).stream().map(LedgerRole::label).collect(Collectors.joining("、"));
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = roles.stream().map(LedgerRole::authority).collect(Collectors.toList());
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LedgerUserDetails other && other.username.equals(username);
    }

    @Override
    public int hashCode() {
        return username.hashCode();
    }

    @Override
    public String toString() {
        return username + " [" + roleNames() + "; " + scope + "]";
    }
}
