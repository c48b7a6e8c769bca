package studio.imgen.workspace;

import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import studio.imgen.security.CurrentUser;
import studio.imgen.security.StudioUser;
import studio.imgen.security.UserAccounts;

/**
 * The object-level gate every service uses: re-reads the caller's membership of their active workspace from the
 * database (so a removed member or revoked admin is refused at once) and returns the workspace to scope queries by.
 */
@Component
public class WorkspaceAccess {

    private final CurrentUser currentUser;
    private final WorkspaceRepository repository;
    private final UserAccounts accounts;

    WorkspaceAccess(CurrentUser currentUser, WorkspaceRepository repository, UserAccounts accounts) {
        this.currentUser = currentUser;
        this.repository = repository;
        this.accounts = accounts;
    }

    /** The caller as an active member of their current workspace. */
    public Member requireMember() {
        StudioUser user = currentUser.require();
        UUID workspaceId = user.workspaceId();
        if (workspaceId == null) {
            throw new AccessDeniedException("No workspace");
        }
        WorkspaceSummary membership = repository.findMembership(user.id(), workspaceId)
                .orElseThrow(() -> new AccessDeniedException("Not a member of this workspace"));
        return new Member(user.id(), user.displayName(), workspaceId, membership.admin());
    }

    /** The caller as an admin of their current workspace. */
    public Member requireAdmin() {
        Member member = requireMember();
        if (!member.admin()) {
            throw new AccessDeniedException("Workspace admins only");
        }
        return member;
    }

    /**
     * The caller as an instance admin (instance-wide settings such as the model catalogue), re-read from the database.
     * Still a member of their active workspace, where their instance-wide changes are audited.
     */
    public Member requireInstanceAdmin() {
        Member member = requireMember();
        if (!accounts.isInstanceAdmin(member.userId())) {
            throw new AccessDeniedException("Instance admins only");
        }
        return member;
    }

    /**
     * The caller's account as an instance admin, re-read from the database, whether or not their active workspace is
     * still open to them: managing workspaces must not depend on belonging to one.
     */
    public UUID requireInstanceAdminAccount() {
        StudioUser user = currentUser.require();
        if (!accounts.isInstanceAdmin(user.id())) {
            throw new AccessDeniedException("Instance admins only");
        }
        return user.id();
    }

    /** A verified member: use {@link #workspaceId()} to scope every query. */
    public record Member(UUID userId, String displayName, UUID workspaceId, boolean admin) {
    }
}
