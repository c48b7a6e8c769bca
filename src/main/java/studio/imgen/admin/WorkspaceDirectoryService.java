package studio.imgen.admin;

import studio.imgen.workspace.CreatedInvitation;
import studio.imgen.workspace.InvitationService;
import studio.imgen.workspace.AdminActionPerformed;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import studio.imgen.base.UserInputException;
import studio.imgen.security.UserAccounts;
import studio.imgen.workspace.WorkspaceAccess;
import studio.imgen.workspace.WorkspaceRegistry;
import studio.imgen.workspace.WorkspaceService;
import studio.imgen.workspace.WorkspaceSummary;

/**
 * The instance admin's workspaces: list them all (members, key status, spend this month), create one with its first
 * admin (an existing account, or an invitation link), rename, archive and restore. Instance admins only, re-read from
 * the database on every call; the role in the session is only the views' coarse gate. Archiving locks every member
 * out at once and keeps everything (images, settings, audit log) for a restore. Each change is audited in the
 * workspace it concerns.
 */
@Service
public class WorkspaceDirectoryService {

    private final WorkspaceAccess access;
    private final WorkspaceRegistry registry;
    private final WorkspaceService workspaces;
    private final WorkspaceDirectoryQuery query;
    private final MonthlySpend spend;
    private final InvitationService invitations;
    private final UserAccounts accounts;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    WorkspaceDirectoryService(WorkspaceAccess access, WorkspaceRegistry registry, WorkspaceService workspaces,
                              WorkspaceDirectoryQuery query, MonthlySpend spend, InvitationService invitations, UserAccounts accounts,
                              Clock clock, ApplicationEventPublisher events) {
        this.access = access;
        this.registry = registry;
        this.workspaces = workspaces;
        this.query = query;
        this.spend = spend;
        this.invitations = invitations;
        this.accounts = accounts;
        this.clock = clock;
        this.events = events;
    }

    @RolesAllowed("INSTANCE_ADMIN")
    public List<WorkspaceOverview> all() {
        access.requireInstanceAdminAccount();
        Set<UUID> withKey = query.withKey();
        Map<UUID, Long> spent = spend.spendSince(LocalDate.now(clock.withZone(ZoneOffset.UTC)).withDayOfMonth(1));
        return registry.all().stream().map(w -> new WorkspaceOverview(w.id(), w.name(), w.members(),
                withKey.contains(w.id()), spent.getOrDefault(w.id(), 0L), w.createdAt(), w.archivedAt())).toList();
    }

    /**
     * Creates the workspace and appoints its first admin: the account named {@code existingUsername}, or, when that
     * is blank, whoever accepts the returned invitation link. Nothing is created when the username is unknown.
     */
    @RolesAllowed("INSTANCE_ADMIN")
    @Transactional
    public CreatedWorkspace create(String name, String existingUsername) {
        UUID me = access.requireInstanceAdminAccount();
        String username = existingUsername == null ? "" : existingUsername.strip();
        Optional<UUID> existing = Optional.empty();
        if (!username.isEmpty()) {
            existing = Optional.of(accounts.findIdByUsername(username).filter(accounts::isEnabled).orElseThrow(() ->
                    new UserInputException("There is no active account “" + username + "”. Check the username, or"
                            + " appoint the admin with an invitation link instead.")));
        }
        UUID id = registry.create(name);
        String stored = registry.name(id).orElseThrow();
        publish(id, me, "workspace.created", stored, "", stored);
        if (existing.isPresent()) {
            registry.addAdmin(id, existing.get());
            publish(id, me, "member.added", username, "", "workspace admin");
            return new CreatedWorkspace(id, stored, Optional.empty(), "Created “" + stored + "” with " + username
                    + " as its admin. They find it in their workspace menu at their next page load.");
        }
        CreatedInvitation link = invitations.createAdminInvitation(id, me);
        return new CreatedWorkspace(id, stored, Optional.of(link), "Created “" + stored + "”. " + link.message());
    }

    /** Another admin invitation for a workspace, e.g. when the first link expired unused. */
    @RolesAllowed("INSTANCE_ADMIN")
    @Transactional
    public CreatedInvitation inviteAdmin(UUID workspaceId) {
        UUID me = access.requireInstanceAdminAccount();
        requireOpen(workspaceId);
        return invitations.createAdminInvitation(workspaceId, me);
    }

    @RolesAllowed("INSTANCE_ADMIN")
    @Transactional
    public String rename(UUID workspaceId, String name) {
        UUID me = access.requireInstanceAdminAccount();
        String before = existing(workspaceId);
        String after = registry.rename(workspaceId, name);
        if (!after.equals(before)) {
            publish(workspaceId, me, "workspace.renamed", after, before, after);
        }
        return "Renamed “" + before + "” to “" + after + "”.";
    }

    /**
     * Archives the workspace: its members can no longer open it (the next page they load takes them to another
     * workspace of theirs, or explains that they have none); its data and audit log stay for a restore. Refused
     * when it is the caller's only open workspace, which would lock them out of this page too.
     */
    @RolesAllowed("INSTANCE_ADMIN")
    @Transactional
    public String archive(UUID workspaceId) {
        UUID me = access.requireInstanceAdminAccount();
        String name = existing(workspaceId);
        List<WorkspaceSummary> mine = workspaces.myWorkspaces();
        if (mine.size() == 1 && mine.get(0).id().equals(workspaceId)) {
            throw new UserInputException("“" + name + "” is your only workspace: archiving it would lock you out of"
                    + " this page. Create another workspace and join it first.");
        }
        registry.archive(workspaceId, me);
        publish(workspaceId, me, "workspace.archived", name, "active", "archived");
        return "Archived “" + name + "”. Its members can no longer open it; restore it to let them back in.";
    }

    @RolesAllowed("INSTANCE_ADMIN")
    @Transactional
    public String restore(UUID workspaceId) {
        UUID me = access.requireInstanceAdminAccount();
        String name = existing(workspaceId);
        registry.restore(workspaceId);
        publish(workspaceId, me, "workspace.restored", name, "archived", "active");
        return "Restored “" + name + "”. Its members can open it again.";
    }

    private String existing(UUID workspaceId) {
        return (workspaceId == null ? Optional.<String>empty() : registry.name(workspaceId))
                .orElseThrow(() -> new UserInputException("That workspace no longer exists."));
    }

    private void requireOpen(UUID workspaceId) {
        existing(workspaceId);
        if (registry.isArchived(workspaceId)) {
            throw new UserInputException("That workspace is archived. Restore it before inviting anyone.");
        }
    }

    private void publish(UUID workspaceId, UUID actor, String action, String target, String before, String after) {
        events.publishEvent(new AdminActionPerformed(workspaceId, actor, action, target, before, after));
    }
}
