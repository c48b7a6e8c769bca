package studio.imgen.workspace;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import studio.imgen.base.web.PublicUrl;
import studio.imgen.base.UserInputException;
import studio.imgen.workspace.WorkspaceAccess.Member;

/**
 * Invitation links for workspace admins: create one (roles, admin right, expiry), list the open ones, revoke one.
 * The token is random (32 bytes), shown once in the link and stored only as its SHA-256. Every change is audited.
 */
@Service
public class InvitationService {

    static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final WorkspaceAccess access;
    private final InvitationRepository invitations;
    private final WorkspaceRoles roles;
    private final Clock clock;
    private final PublicUrl publicUrl;
    private final ApplicationEventPublisher events;

    InvitationService(WorkspaceAccess access, InvitationRepository invitations, WorkspaceRoles roles, Clock clock,
                      PublicUrl publicUrl, ApplicationEventPublisher events) {
        this.access = access;
        this.invitations = invitations;
        this.roles = roles;
        this.clock = clock;
        this.publicUrl = publicUrl;
        this.events = events;
    }

    @RolesAllowed("ADMIN")
    @Transactional
    public CreatedInvitation create(InvitationDraft draft) {
        Member me = access.requireAdmin();
        if (draft.expiry() == null) {
            throw new UserInputException("Choose how long the link stays valid.");
        }
        Map<UUID, WorkspaceRole> available = roles.findAll(me.workspaceId()).stream()
                .collect(Collectors.toMap(WorkspaceRole::id, Function.identity()));
        if (!available.keySet().containsAll(draft.roleIds())) {
            throw new UserInputException("One of the chosen roles no longer exists. Reopen the dialog and choose again.");
        }
        Instant now = clock.instant();
        Instant expiresAt = now.plus(draft.expiry().validity());
        String token = InvitationToken.generate();
        invitations.insert(me.workspaceId(), InvitationToken.hash(token).orElseThrow(), draft.admin(), draft.roleIds(),
                me.userId(), now, expiresAt);
        String roleNames = draft.roleIds().stream().map(id -> available.get(id).name()).sorted()
                .collect(Collectors.joining(", "));
        String grants = (roleNames.isEmpty() ? "no roles" : "roles: " + roleNames) + (draft.admin() ? ", workspace admin" : "");
        publish(me, "invitation.created", "", "", grants + " · expires " + WHEN.format(expiresAt) + " UTC");
        return new CreatedInvitation(link(token), expiresAt, "Invitation created (" + grants + "). It works once, until "
                + WHEN.format(expiresAt) + " UTC. Copy the link now: it is not shown again.");
    }

    /**
     * An admin invitation to a workspace the caller need not belong to, valid for seven days: for the instance admin
     * appointing a workspace's admin ({@link WorkspaceDirectoryService} has checked that right).
     */
    @RolesAllowed("INSTANCE_ADMIN")
    public CreatedInvitation createAdminInvitation(UUID workspaceId, UUID createdBy) {
        access.requireInstanceAdminAccount();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(InvitationExpiry.SEVEN_DAYS.validity());
        String token = InvitationToken.generate();
        invitations.insert(workspaceId, InvitationToken.hash(token).orElseThrow(), true, java.util.Set.of(), createdBy,
                now, expiresAt);
        events.publishEvent(new AdminActionPerformed(workspaceId, createdBy, "invitation.created", "", "",
                "no roles, workspace admin · expires " + WHEN.format(expiresAt) + " UTC"));
        return new CreatedInvitation(link(token), expiresAt, "The link makes its holder an admin of the workspace. It"
                + " works once, until " + WHEN.format(expiresAt) + " UTC. Copy it now: it is not shown again.");
    }

    /** A warning when the configured public URL differs from the address the admin uses (links would lead there). */
    @RolesAllowed({"ADMIN", "INSTANCE_ADMIN"})
    public Optional<String> linkWarning() {
        return publicUrl.mismatch();
    }

    /** Invitations that can still be accepted, the soonest to expire first. */
    @RolesAllowed("ADMIN")
    public List<OpenInvitation> open() {
        Member me = access.requireAdmin();
        return invitations.findOpen(me.workspaceId(), clock.instant()).stream()
                .map(r -> new OpenInvitation(r.id(), r.createdBy(), r.createdAt(), r.expiresAt(), r.admin(), r.roles()))
                .toList();
    }

    @RolesAllowed("ADMIN")
    @Transactional
    public String revoke(UUID invitationId) {
        Member me = access.requireAdmin();
        Instant now = clock.instant();
        InvitationRepository.Row row = invitationId == null ? null
                : invitations.findOpen(me.workspaceId(), invitationId, now).orElse(null);
        if (row == null || !invitations.revoke(me.workspaceId(), invitationId, me.userId(), now)) {
            throw new UserInputException("That invitation is no longer open: it was accepted, revoked or has expired.");
        }
        publish(me, "invitation.revoked", "", "open, created by " + row.createdBy() + ", expires "
                + WHEN.format(row.expiresAt()) + " UTC", "revoked");
        return "Invitation revoked. Its link no longer works.";
    }

    private String link(String token) {
        return publicUrl.base() + "/invite/" + token;
    }

    private void publish(Member me, String action, String target, String before, String after) {
        events.publishEvent(new AdminActionPerformed(me.workspaceId(), me.userId(), action, target, before, after));
    }
}
