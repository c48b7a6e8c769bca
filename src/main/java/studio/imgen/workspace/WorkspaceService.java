package studio.imgen.workspace;

import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import studio.imgen.security.ActiveMembership;
import studio.imgen.security.CurrentUser;
import studio.imgen.security.StudioUser;
import studio.imgen.security.UserAccounts;

/** The caller's workspaces and switching between them. */
@Service
public class WorkspaceService {

    private final CurrentUser currentUser;
    private final WorkspaceRepository repository;
    private final UserAccounts accounts;

    WorkspaceService(CurrentUser currentUser, WorkspaceRepository repository, UserAccounts accounts) {
        this.currentUser = currentUser;
        this.repository = repository;
        this.accounts = accounts;
    }

    @PermitAll
    public List<WorkspaceSummary> myWorkspaces() {
        return repository.findForUser(currentUser.require().id());
    }

    /**
     * Makes another of the caller's workspaces the active one and returns the updated principal for the session.
     * Refused for a workspace the caller does not belong to.
     */
    @PermitAll
    public StudioUser switchTo(UUID workspaceId) {
        StudioUser me = currentUser.require();
        WorkspaceSummary target = repository.findMembership(me.id(), workspaceId)
                .orElseThrow(() -> new AccessDeniedException("Not a member of that workspace"));
        accounts.rememberWorkspace(me.id(), workspaceId);
        return me.withMembership(new ActiveMembership(target.id(), target.name(), target.admin()));
    }

    /**
     * When the caller's active workspace is no longer open to them (archived, or their membership ended), the
     * principal moved to their first remaining workspace, or to none; a caller without one moves into a workspace
     * that has been restored or joined since. Empty when nothing changed.
     */
    @PermitAll
    public Optional<StudioUser> leaveClosedWorkspace() {
        StudioUser me = currentUser.require();
        if (me.workspaceId() != null && repository.findMembership(me.id(), me.workspaceId()).isPresent()) {
            return Optional.empty();
        }
        Optional<ActiveMembership> next = repository.findForUser(me.id()).stream().findFirst()
                .map(w -> new ActiveMembership(w.id(), w.name(), w.admin()));
        if (me.workspaceId() == null && next.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(me.withMembership(next.orElse(null)));
    }
}
