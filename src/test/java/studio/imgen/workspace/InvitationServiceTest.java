package studio.imgen.workspace;

import studio.imgen.testsupport.Acme;
import studio.imgen.access.RoleAccessService;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static imgen.db.Tables.AUDIT_LOG;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import studio.imgen.base.UserInputException;
import studio.imgen.security.MembershipLookup;
import studio.imgen.security.UserAccounts;
import studio.imgen.testsupport.IntegrationTest;
import studio.imgen.testsupport.LoggedIn;
import studio.imgen.testsupport.MutableClock;
import studio.imgen.testsupport.TestUsers;
import studio.imgen.testsupport.TestUsers.TestUser;

@IntegrationTest
class InvitationServiceTest {

    static final String PASSWORD = "a long invited passphrase";

    @Autowired
    InvitationService invitations;
    @Autowired
    InvitationAcceptance acceptance;
    @Autowired
    MemberService members;
    @Autowired
    RoleAccessService roles;
    @Autowired
    TestUsers users;
    @Autowired
    UserAccounts accounts;
    @Autowired
    MembershipLookup memberships;
    @Autowired
    MutableClock clock;
    @Autowired
    DSLContext db;

    Acme acme;
    UUID interns;

    @BeforeEach
    void setUp() {
        acme = Acme.create(users, memberships, roles, members);
        interns = acme.role("Interns");
    }

    @AfterEach
    void tearDown() {
        LoggedIn.nobody();
        clock.reset();
    }

    @Test
    void anInviteeRegistersAndJoinsWithTheRolesOnce() {
        java.time.Instant before = clock.instant();
        CreatedInvitation created = invitations.create(new InvitationDraft(Set.of(interns), false, InvitationExpiry.SEVEN_DAYS));
        String token = token(created);

        assertThat(created.link()).matches("http://localhost:8080/invite/[A-Za-z0-9_-]{43}");
        assertThat(created.expiresAt()).isBetween(before.plus(Duration.ofDays(7)), clock.instant().plus(Duration.ofDays(7)));
        assertThat(invitations.open()).singleElement().satisfies(i -> {
            assertThat(i.roles()).extracting(WorkspaceRole::name).containsExactly("Interns");
            assertThat(i.createdBy()).isEqualTo("Dana");
        });
        LoggedIn.nobody();
        assertThat(acceptance.preview(token)).get().satisfies(p -> {
            assertThat(p.workspaceName()).startsWith("Acme");
            assertThat(p.invitedBy()).isEqualTo("Dana");
            assertThat(p.roles()).containsExactly("Interns");
        });

        String username = TestUsers.unique("ivy");
        JoinedWorkspace joined = acceptance.register(token, new NewAccount(username, "Ivy", PASSWORD, PASSWORD));

        assertThat(joined.workspaceId()).isEqualTo(acme.id());
        assertThat(memberships.resolve(joined.userId(), null)).get().satisfies(m -> {
            assertThat(m.workspaceId()).isEqualTo(acme.id());
            assertThat(m.admin()).isFalse();
        });
        acme.asDana();
        assertThat(members.members()).filteredOn(m -> m.username().equals(username)).singleElement().satisfies(m -> {
            assertThat(m.roles()).extracting(WorkspaceRole::name).containsExactly("Interns");
            assertThat(m.mustChangePassword()).isFalse();
        });
        assertThat(invitations.open()).isEmpty();
        assertThat(auditActions()).contains("admin.invitation.created", "admin.invitation.accepted");
        assertThatThrownBy(() -> acceptance.register(token, new NewAccount(TestUsers.unique("eve"), "Eve", PASSWORD,
                PASSWORD))).isInstanceOf(UserInputException.class).hasMessage(InvitationAcceptance.INVALID);
    }

    @Test
    void anExpiredLinkIsRefusedWithTheSameSentence() {
        String token = token(invitations.create(new InvitationDraft(Set.of(), true, InvitationExpiry.ONE_DAY)));
        clock.advance(Duration.ofHours(23));
        assertThat(acceptance.preview(token)).isPresent();

        clock.advance(Duration.ofHours(1));

        assertThat(acceptance.preview(token)).isEmpty();
        assertThat(invitations.open()).isEmpty();
        assertThatThrownBy(() -> acceptance.register(token, new NewAccount(TestUsers.unique("late"), "Late", PASSWORD,
                PASSWORD))).isInstanceOf(UserInputException.class).hasMessage(InvitationAcceptance.INVALID);
    }

    @Test
    void aRevokedLinkNoLongerWorks() {
        String token = token(invitations.create(new InvitationDraft(Set.of(), false, InvitationExpiry.THIRTY_DAYS)));
        UUID id = invitations.open().get(0).id();

        assertThat(invitations.revoke(id)).isEqualTo("Invitation revoked. Its link no longer works.");

        assertThat(acceptance.preview(token)).isEmpty();
        assertThatThrownBy(() -> acceptance.register(token, new NewAccount(TestUsers.unique("rev"), "Rev", PASSWORD,
                PASSWORD))).hasMessage(InvitationAcceptance.INVALID);
        assertThatThrownBy(() -> invitations.revoke(id)).isInstanceOf(UserInputException.class)
                .hasMessage("That invitation is no longer open: it was accepted, revoked or has expired.");
        assertThat(auditActions()).contains("admin.invitation.revoked");
    }

    @Test
    void unknownAndMalformedTokensGetTheSameSentence() {
        for (String token : List.of("", "nope", "A".repeat(43), "../../admin")) {
            assertThat(acceptance.preview(token)).isEmpty();
            assertThatThrownBy(() -> acceptance.register(token, new NewAccount(TestUsers.unique("x"), "X", PASSWORD,
                    PASSWORD))).hasMessage(InvitationAcceptance.INVALID);
        }
    }

    @Test
    void twoConcurrentAcceptsAdmitExactlyOne() throws Exception {
        for (int round = 0; round < 3; round++) {
            acme.asDana();
            String token = token(invitations.create(new InvitationDraft(Set.of(interns), false, InvitationExpiry.ONE_DAY)));
            LoggedIn.nobody();
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<String>> accepts = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String username = TestUsers.unique("race");
                accepts.add(() -> {
                    start.await();
                    try {
                        acceptance.register(token, new NewAccount(username, "Racer", PASSWORD, PASSWORD));
                        return "joined";
                    } catch (UserInputException e) {
                        return e.getMessage();
                    }
                });
            }
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<String>> results = accepts.stream().map(pool::submit).toList();
                start.countDown();
                List<String> outcomes = new ArrayList<>();
                for (Future<String> result : results) {
                    outcomes.add(result.get());
                }
                assertThat(outcomes).as("round " + round).containsExactlyInAnyOrder("joined", InvitationAcceptance.INVALID);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void registrationInputIsValidatedAndAFailureLeavesTheLinkUsable() {
        String token = token(invitations.create(new InvitationDraft(Set.of(), false, InvitationExpiry.SEVEN_DAYS)));
        LoggedIn.nobody();

        assertThatThrownBy(() -> acceptance.register(token, new NewAccount(TestUsers.unique("p"), "P", PASSWORD, "other")))
                .hasMessage("The two passwords do not match.");
        assertThatThrownBy(() -> acceptance.register(token, new NewAccount(TestUsers.unique("p"), "P", "short", "short")))
                .hasMessage("Use at least 8 characters.");
        assertThatThrownBy(() -> acceptance.register(token, new NewAccount(acme.ana().username(), "Ana 2", PASSWORD,
                PASSWORD))).hasMessage("The username “" + acme.ana().username() + "” is already taken.");

        assertThat(acceptance.preview(token)).isPresent();
    }

    @Test
    void aLoggedInUserJoinsWithTheirAccountButNotTwice() {
        String token = token(invitations.create(new InvitationDraft(Set.of(interns), true, InvitationExpiry.SEVEN_DAYS)));
        TestUser bea = users.admin(users.workspace("Beta"), "Bea");
        LoggedIn.as(bea, memberships);

        JoinedWorkspace joined = acceptance.joinAsCurrentUser(token);

        assertThat(joined.userId()).isEqualTo(bea.id());
        assertThat(memberships.resolve(bea.id(), acme.id())).get().satisfies(m -> assertThat(m.admin()).isTrue());

        acme.asDana();
        String second = token(invitations.create(new InvitationDraft(Set.of(), false, InvitationExpiry.SEVEN_DAYS)));
        LoggedIn.as(bea, memberships);
        assertThatThrownBy(() -> acceptance.joinAsCurrentUser(second))
                .hasMessageStartingWith("You are already a member of Acme");
        assertThat(acceptance.preview(second)).isPresent();
    }

    @Test
    void onlyWorkspaceAdminsManageInvitations() {
        String token = token(invitations.create(new InvitationDraft(Set.of(), false, InvitationExpiry.SEVEN_DAYS)));
        UUID id = invitations.open().get(0).id();
        List<ThrowingCallable> calls = List.of(
                () -> invitations.create(new InvitationDraft(Set.of(), true, InvitationExpiry.ONE_DAY)),
                () -> invitations.open(), () -> invitations.revoke(id));
        acme.as(acme.ana());
        calls.forEach(call -> assertThatThrownBy(call).isInstanceOf(AccessDeniedException.class));
        LoggedIn.nobody();
        calls.forEach(call -> assertThatThrownBy(call).isInstanceOf(AuthenticationCredentialsNotFoundException.class));
        // An admin of another workspace neither sees nor revokes this workspace's invitations.
        LoggedIn.as(users.admin(users.workspace("Beta"), "Bea"), memberships);
        assertThat(invitations.open()).isEmpty();
        assertThatThrownBy(() -> invitations.revoke(id)).isInstanceOf(UserInputException.class);
        acme.asDana();
        assertThat(invitations.open()).extracting(OpenInvitation::id).containsExactly(id);
        assertThat(acceptance.preview(token)).isPresent();
    }

    /** The token, as the last path segment of the link. */
    private String token(CreatedInvitation created) {
        return created.link().substring(created.link().lastIndexOf('/') + 1);
    }

    private List<String> auditActions() {
        return db.select(AUDIT_LOG.ACTION).from(AUDIT_LOG).where(AUDIT_LOG.WORKSPACE_ID.eq(acme.id())).fetch(AUDIT_LOG.ACTION);
    }
}
