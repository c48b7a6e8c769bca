package studio.imgen.workspace;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import studio.imgen.base.UserInputException;
import studio.imgen.security.CurrentUser;
import studio.imgen.security.StudioUser;
import studio.imgen.security.UserAccounts;

/**
 * Accepting an invitation link: anyone holding the token may see which workspace it is for and accept it once, either
 * with a new account or (when logged in) with their current one. Every invalid link (unknown, expired, used, revoked)
 * gets the same sentence, so the page reveals nothing about other invitations. Accepting is atomic: the invitation is
 * claimed by a conditional UPDATE in the same transaction that creates the account and the membership.
 *
 * <p>No method-security annotation: the caller is usually anonymous (an anonymous push request carries no
 * authentication at all, which {@code @PermitAll} would refuse). The token is the authorization; joining with the
 * current account requires a logged-in caller.
 */
@Service
public class InvitationAcceptance {

    public static final String INVALID = "This invitation link is not valid: it may have expired, been used or been"
            + " revoked. Ask a workspace admin for a new one.";

    private final InvitationRepository invitations;
    private final WorkspaceMembers members;
    private final WorkspaceRoles roles;
    private final UserAccounts accounts;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    InvitationAcceptance(InvitationRepository invitations, WorkspaceMembers members, WorkspaceRoles roles,
                         UserAccounts accounts, CurrentUser currentUser, Clock clock, ApplicationEventPublisher events) {
        this.invitations = invitations;
        this.members = members;
        this.roles = roles;
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.clock = clock;
        this.events = events;
    }

    /** The invitation behind a token if it can still be accepted. */
    public Optional<InvitationPreview> preview(String token) {
        return InvitationToken.hash(token).flatMap(hash -> invitations.findOpenByToken(hash, clock.instant()))
                .map(r -> new InvitationPreview(r.workspaceName(), r.createdBy(), r.admin(),
                        r.roles().stream().map(WorkspaceRole::name).toList(), r.expiresAt()));
    }

    /** Creates the account (a password of the visitor's choosing) and joins it to the workspace. */
    @Transactional
    public JoinedWorkspace register(String token, NewAccount account) {
        if (account.password() == null || !account.password().equals(account.confirmation())) {
            throw new UserInputException("The two passwords do not match.");
        }
        InvitationRepository.Claim claim = claim(token);
        UUID userId;
        try {
            userId = accounts.create(account.username(), account.displayName(), account.password(), false);
        } catch (DuplicateKeyException raced) {
            throw new UserInputException("The username “" + account.username().strip() + "” is already taken.");
        }
        join(claim, userId, "new account");
        accounts.rememberWorkspace(userId, claim.workspaceId());
        return new JoinedWorkspace(userId, claim.workspaceId(), claim.workspaceName());
    }

    /** Joins the logged-in caller's account to the workspace. */
    @Transactional
    public JoinedWorkspace joinAsCurrentUser(String token) {
        StudioUser me = currentUser.require();
        InvitationRepository.Claim claim = claim(token);
        if (!accounts.isEnabled(me.id())) {
            throw new UserInputException("Your account is deactivated.");
        }
        if (members.find(claim.workspaceId(), me.id()).isPresent()) {
            // Rolls the claim back: the link stays usable for the person it was meant for.
            throw new UserInputException("You are already a member of " + claim.workspaceName() + ".");
        }
        join(claim, me.id(), "existing account");
        return new JoinedWorkspace(me.id(), claim.workspaceId(), claim.workspaceName());
    }

    private InvitationRepository.Claim claim(String token) {
        return InvitationToken.hash(token).flatMap(hash -> invitations.claim(hash, clock.instant()))
                .orElseThrow(() -> new UserInputException(INVALID));
    }

    private void join(InvitationRepository.Claim claim, UUID userId, String how) {
        members.add(claim.workspaceId(), userId, claim.admin());
        roles.replaceMemberRoles(claim.workspaceId(), userId, claim.roleIds());
        invitations.recordAcceptedBy(claim.id(), userId);
        WorkspaceMembers.Row row = members.find(claim.workspaceId(), userId).orElseThrow();
        String held = roles.rolesByMember(claim.workspaceId()).getOrDefault(userId, java.util.List.of()).stream()
                .map(WorkspaceRole::name).collect(java.util.stream.Collectors.joining(", "));
        events.publishEvent(new AdminActionPerformed(claim.workspaceId(), userId, "invitation.accepted", row.username(),
                "open invitation", row.displayName() + " (" + row.username() + ") joined with " + how
                + (held.isEmpty() ? "" : ", roles: " + held) + (claim.admin() ? ", workspace admin" : "")));
    }
}
