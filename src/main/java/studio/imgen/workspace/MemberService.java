package studio.imgen.workspace;

import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import studio.imgen.base.UserInputException;
import studio.imgen.security.UserAccounts;
import studio.imgen.security.UserSessions;
import studio.imgen.workspace.WorkspaceAccess.Member;

/**
 * Members of a workspace for its admins: creating and adding accounts, passwords, deactivation, admin rights and
 * role assignment. Every method re-checks in the database that the caller administers their active workspace and
 * only touches members of that workspace.
 *
 * <p>Accounts are shared by every workspace a user belongs to. So that an admin of one workspace cannot take over
 * or lock out someone's access to another, resetting a password and (de)activating an account need the caller to
 * administer every workspace the user belongs to.
 */
@Service
public class MemberService {

    private final WorkspaceAccess access;
    private final WorkspaceMembers members;
    private final WorkspaceRoles roles;
    private final UserAccounts accounts;
    private final UserSessions sessions;
    private final ApplicationEventPublisher events;
    private final List<MemberWork> work;

    MemberService(WorkspaceAccess access, WorkspaceMembers members, WorkspaceRoles roles, UserAccounts accounts,
                  UserSessions sessions, ApplicationEventPublisher events, List<MemberWork> work) {
        this.access = access;
        this.members = members;
        this.roles = roles;
        this.accounts = accounts;
        this.sessions = sessions;
        this.events = events;
        this.work = List.copyOf(work);
    }

    /** Everyone in the workspace by display name, with their roles. */
    @RolesAllowed("ADMIN")
    public List<MemberSummary> members() {
        Member me = access.requireAdmin();
        Map<UUID, List<WorkspaceRole>> held = roles.rolesByMember(me.workspaceId());
        return members.findAll(me.workspaceId()).stream()
                .map(row -> new MemberSummary(row.userId(), row.username(), row.displayName(), row.admin(),
                        row.active(), row.mustChangePassword(), row.joinedAt(),
                        held.getOrDefault(row.userId(), List.of()), row.userId().equals(me.userId())))
                .toList();
    }

    /** The roles a member can be given, in name order. */
    @RolesAllowed("ADMIN")
    public List<WorkspaceRole> assignableRoles() {
        Member me = access.requireAdmin();
        return roles.findAll(me.workspaceId());
    }

    /** Creates an account that must choose its own password at first login, and adds it to the workspace. */
    @RolesAllowed("ADMIN")
    @Transactional
    public String createMember(NewMember member) {
        Member me = access.requireAdmin();
        UUID userId = accounts.create(member.username(), member.displayName(), member.initialPassword(), true);
        members.add(me.workspaceId(), userId, member.admin());
        WorkspaceMembers.Row row = members.find(me.workspaceId(), userId).orElseThrow();
        publish(me, "member.created", row.username(), "", describe(row));
        return "Created " + row.displayName() + " (" + row.username() + ")"
                + (member.admin() ? " as a workspace admin" : "")
                + ". They must choose their own password at first login.";
    }

    /** Adds an existing account (e.g. a member of another workspace) to this workspace. */
    @RolesAllowed("ADMIN")
    @Transactional
    public String addExistingUser(String username, boolean admin) {
        Member me = access.requireAdmin();
        if (username == null || username.isBlank()) {
            throw new UserInputException("Enter the username of the account to add.");
        }
        UUID userId = accounts.findIdByUsername(username)
                .orElseThrow(() -> new UserInputException("No account has the username “" + username.strip() + "”."));
        if (!members.add(me.workspaceId(), userId, admin)) {
            throw new UserInputException(row(me, userId).displayName() + " is already a member of this workspace.");
        }
        WorkspaceMembers.Row row = row(me, userId);
        publish(me, "member.added", row.username(), "", describe(row));
        return "Added " + row.displayName() + " to this workspace" + (admin ? " as an admin." : ".")
                + (row.active() ? "" : " Their account is deactivated, so they cannot log in yet.");
    }

    /** Sets a new password that the member must change at their next login. */
    @RolesAllowed("ADMIN")
    @Transactional
    public String resetPassword(UUID userId, String newPassword) {
        Member me = access.requireAdmin();
        WorkspaceMembers.Row row = row(me, userId);
        if (row.userId().equals(me.userId())) {
            throw new UserInputException("To change your own password, use Change password in your user menu.");
        }
        requireWholeReach(me, row, "reset their password");
        accounts.resetPassword(userId, newPassword);
        publish(me, "member.password_reset", row.username(), "", "must change password at next login");
        return "New password set for " + row.displayName() + ". They must change it at their next login.";
    }

    /**
     * Deactivates or reactivates the member's account. Deactivating ends their sessions, cancels their queued
     * generations and asks running ones to stop; every service refuses them from then on.
     */
    @RolesAllowed("ADMIN")
    @Transactional
    public String setActive(UUID userId, boolean active) {
        Member me = access.requireAdmin();
        WorkspaceMembers.Row row = row(me, userId);
        if (row.userId().equals(me.userId())) {
            throw new UserInputException("You cannot " + (active ? "reactivate" : "deactivate") + " your own account.");
        }
        requireWholeReach(me, row, active ? "reactivate their account" : "deactivate their account");
        if (row.active() == active) {
            return row.displayName() + (active ? " is already active." : " is already deactivated.");
        }
        accounts.setEnabled(userId, active);
        publish(me, active ? "member.reactivated" : "member.deactivated", row.username(),
                active ? "deactivated" : "active", active ? "active" : "deactivated");
        if (active) {
            return "Reactivated " + row.displayName() + ". They can log in again.";
        }
        Set<UUID> reach = members.administeredBy(me.userId());
        int cancelled = work.stream().mapToInt(w -> w.stopWorkOf(userId, reach)).sum();
        sessions.endAll(userId);
        events.publishEvent(new MemberDeactivated(me.workspaceId(), userId, me.userId()));
        return "Deactivated " + row.displayName() + ". Their sessions have ended"
                + (cancelled == 0 ? "." : " and " + cancelled + (cancelled == 1 ? " generation was" : " generations were")
                + " cancelled.");
    }

    /** Grants or removes the workspace-admin right. The last admin cannot remove their own. */
    @RolesAllowed("ADMIN")
    @Transactional
    public String setAdmin(UUID userId, boolean admin) {
        Member me = access.requireAdmin();
        WorkspaceMembers.Row row = row(me, userId);
        if (row.admin() == admin) {
            return row.displayName() + (admin ? " is already an admin." : " is not an admin.");
        }
        if (!admin && row.userId().equals(me.userId()) && members.lockAndCountActiveAdmins(me.workspaceId()) <= 1) {
            throw new UserInputException("You are the last admin of this workspace, so you cannot remove your own"
                    + " admin right. Make another member an admin first.");
        }
        members.setAdmin(me.workspaceId(), userId, admin);
        publish(me, "member.admin", row.username(), row.admin() ? "admin" : "member", admin ? "admin" : "member");
        return admin ? row.displayName() + " is now an admin of this workspace."
                : row.displayName() + " is no longer an admin of this workspace.";
    }

    /** Gives the member exactly these roles; the change applies to their next check at once. */
    @RolesAllowed("ADMIN")
    @Transactional
    public String assignRoles(UUID userId, Set<UUID> roleIds) {
        Member me = access.requireAdmin();
        WorkspaceMembers.Row row = row(me, userId);
        Map<UUID, WorkspaceRole> available = roles.findAll(me.workspaceId()).stream()
                .collect(Collectors.toMap(WorkspaceRole::id, r -> r));
        Set<UUID> wanted = roleIds == null ? Set.of() : Set.copyOf(roleIds);
        if (!available.keySet().containsAll(wanted)) {
            throw new UserInputException("Invalid role selection.");
        }
        String before = names(roles.rolesByMember(me.workspaceId()).getOrDefault(userId, List.of()));
        roles.replaceMemberRoles(me.workspaceId(), userId, wanted);
        String after = names(roles.rolesByMember(me.workspaceId()).getOrDefault(userId, List.of()));
        publish(me, "member.roles", row.username(), before, after);
        return after.isEmpty() ? row.displayName() + " now holds no roles."
                : "Roles of " + row.displayName() + ": " + after + ".";
    }

    private WorkspaceMembers.Row row(Member me, UUID userId) {
        if (userId == null) {
            throw new UserInputException("Choose a member.");
        }
        return members.find(me.workspaceId(), userId)
                .orElseThrow(() -> new UserInputException("That person is not a member of this workspace."));
    }

    private void requireWholeReach(Member me, WorkspaceMembers.Row row, String what) {
        if (members.workspacesOutsideAdminReach(row.userId(), me.userId(), me.workspaceId()) > 0) {
            throw new UserInputException(row.displayName() + " also belongs to a workspace you do not administer,"
                    + " so you cannot " + what + ". An admin of every workspace they belong to can.");
        }
    }

    private static String names(List<WorkspaceRole> held) {
        return held.stream().map(WorkspaceRole::name).collect(Collectors.joining(", "));
    }

    private static String describe(WorkspaceMembers.Row row) {
        return row.displayName() + " (" + row.username() + ")" + (row.admin() ? ", admin" : "");
    }

    private void publish(Member me, String action, String target, String before, String after) {
        events.publishEvent(new AdminActionPerformed(me.workspaceId(), me.userId(), action, target, before, after));
    }
}
