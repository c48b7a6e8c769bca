package studio.imgen.workspace;

/**
 * A member account an admin creates. The initial password must pass the password policy, and the new member
 * must replace it at their first login.
 */
public record NewMember(String username, String displayName, String initialPassword, boolean admin) {

    @Override
    public String toString() {
        return "NewMember[username=" + username + ", displayName=" + displayName + ", admin=" + admin + "]";
    }
}
