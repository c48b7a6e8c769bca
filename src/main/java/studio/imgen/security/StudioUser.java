package studio.imgen.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The logged-in principal: the account plus the workspace the user is working in. {@code ROLE_ADMIN} means
 * "admin of the active workspace" and {@code ROLE_INSTANCE_ADMIN} "may edit instance-wide settings such as the model
 * catalogue"; both are coarse gates for views, services re-check them in the database.
 */
public final class StudioUser implements UserDetails, CredentialsContainer {

    private final UUID id;
    private final String username;
    private final String displayName;
    private String passwordHash;
    private final boolean enabled;
    private final boolean mustChangePassword;
    private final ActiveMembership membership;
    private final boolean instanceAdmin;

    public StudioUser(UUID id, String username, String displayName, String passwordHash, boolean enabled,
                      boolean mustChangePassword, ActiveMembership membership) {
        this(id, username, displayName, passwordHash, enabled, mustChangePassword, membership, false);
    }

    public StudioUser(UUID id, String username, String displayName, String passwordHash, boolean enabled,
                      boolean mustChangePassword, ActiveMembership membership, boolean instanceAdmin) {
        this.id = Objects.requireNonNull(id);
        this.username = Objects.requireNonNull(username);
        this.displayName = Objects.requireNonNull(displayName);
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.mustChangePassword = mustChangePassword;
        this.membership = membership;
        this.instanceAdmin = instanceAdmin;
    }

    public UUID id() { return id; }
    public String displayName() { return displayName; }
    public boolean mustChangePassword() { return mustChangePassword; }

    /** The active workspace, or null when the user belongs to none. */
    public ActiveMembership membership() { return membership; }

    public UUID workspaceId() { return membership == null ? null : membership.workspaceId(); }

    public boolean isWorkspaceAdmin() { return membership != null && membership.admin(); }

    public boolean isInstanceAdmin() { return instanceAdmin; }

    public StudioUser withMembership(ActiveMembership newMembership) {
        return new StudioUser(id, username, displayName, null, enabled, mustChangePassword, newMembership,
                instanceAdmin);
    }

    public StudioUser withPasswordChanged() {
        return new StudioUser(id, username, displayName, null, enabled, false, membership, instanceAdmin);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> roles = new ArrayList<>();
        roles.add(new SimpleGrantedAuthority("ROLE_USER"));
        if (isWorkspaceAdmin()) {
            roles.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
        }
        if (instanceAdmin) {
            roles.add(new SimpleGrantedAuthority("ROLE_INSTANCE_ADMIN"));
        }
        return roles;
    }

    @Override public String getPassword() { return passwordHash; }
    @Override public String getUsername() { return username; }
    @Override public boolean isEnabled() { return enabled; }
    @Override public void eraseCredentials() { passwordHash = null; }

    @Override
    public boolean equals(Object o) {
        return o instanceof StudioUser other && other.id.equals(id);
    }

    @Override
    public int hashCode() { return id.hashCode(); }

    @Override
    public String toString() { return "StudioUser[" + username + "]"; }
}
