package studio.imgen.workspace;

import studio.imgen.testsupport.Acme;
import studio.imgen.testsupport.Jobs;
import studio.imgen.access.RoleAccessService;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static imgen.db.Tables.APP_USER;
import static imgen.db.Tables.GENERATION;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import studio.imgen.base.UserInputException;
import studio.imgen.generate.GenerationEvent;
import studio.imgen.generate.GenerationRequest;
import studio.imgen.generate.GenerationService;
import studio.imgen.generate.GenerationStatus;
import studio.imgen.security.MembershipLookup;
import studio.imgen.testsupport.FakeOpenAi;
import studio.imgen.testsupport.IntegrationTest;
import studio.imgen.testsupport.LoggedIn;
import studio.imgen.testsupport.TestUsers;
import studio.imgen.testsupport.TestUsers.TestUser;

/** Managing the members of a workspace (issue #5 "Members") on real PostgreSQL. */
@IntegrationTest
@RecordApplicationEvents
class MemberServiceTest {

    static final String NEW_PASSWORD = "a fresh start 2026";

    @Autowired
    MemberService members;
    @Autowired
    RoleAccessService roles;
    @Autowired
    GenerationService generations;
    @Autowired
    TestUsers users;
    @Autowired
    MembershipLookup memberships;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    FakeOpenAi fake;
    @Autowired
    DSLContext db;
    @Autowired
    ApplicationEvents events;

    Acme acme;

    @BeforeEach
    void setUp() {
        fake.reset();
        acme = Acme.create(users, memberships, roles, members);
        acme.asDana();
    }

    @AfterEach
    void tearDown() {
        fake.reset();
        LoggedIn.nobody();
    }

    @Test
    void createdMembersMustChangeTheirPasswordAndAppearInTheList() {
        String username = TestUsers.unique("erin");

        assertThat(members.createMember(new NewMember(username, "Erin", NEW_PASSWORD, false)))
                .isEqualTo("Created Erin (" + username + "). They must choose their own password at first login.");

        MemberSummary erin = member(username);
        assertThat(erin.mustChangePassword()).isTrue();
        assertThat(erin.active()).isTrue();
        assertThat(erin.admin()).isFalse();
        assertThat(members.members()).filteredOn(MemberSummary::you).singleElement()
                .extracting(MemberSummary::displayName).isEqualTo("Dana");
        assertThatThrownBy(() -> members.createMember(new NewMember(username, "Erin 2", NEW_PASSWORD, false)))
                .isInstanceOf(UserInputException.class).hasMessage("The username “" + username + "” is already taken.");
        assertThatThrownBy(() -> members.createMember(new NewMember(TestUsers.unique("fay"), "Fay", "short", false)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("at least 8");
    }

    @Test
    void anExistingAccountCanJoinWithDifferentRolesPerWorkspace() {
        UUID beta = users.workspace("Beta");
        TestUser bea = users.admin(beta, "Bea");
        TestUser gus = users.member(beta, "Gus");

        assertThat(members.addExistingUser(gus.username(), false)).isEqualTo("Added Gus to this workspace.");
        assertThatThrownBy(() -> members.addExistingUser(gus.username(), false))
                .hasMessage("Gus is already a member of this workspace.");
        assertThatThrownBy(() -> members.addExistingUser("nobody-" + gus.username(), false))
                .hasMessage("No account has the username “nobody-" + gus.username() + "”.");

        UUID designers = acme.role("Designers");
        members.assignRoles(gus.id(), Set.of(designers));
        assertThat(member(gus.username()).roles()).extracting(WorkspaceRole::name).containsExactly("Designers");
        LoggedIn.as(bea, memberships);
        assertThat(members.members()).filteredOn(m -> m.userId().equals(gus.id())).singleElement()
                .satisfies(m -> assertThat(m.roles()).isEmpty());
    }

    @Test
    void membersHoldManyRolesAndOnlyThisWorkspacesRoles() {
        UUID designers = acme.role("Designers");
        UUID marketing = acme.role("Marketing");

        assertThat(members.assignRoles(acme.ana().id(), Set.of(designers, marketing)))
                .isEqualTo("Roles of Ana: Designers, Marketing.");
        assertThat(member(acme.ana().username()).roles()).extracting(WorkspaceRole::name)
                .containsExactly("Designers", "Marketing");
        assertThat(members.assignRoles(acme.ana().id(), Set.of())).isEqualTo("Ana now holds no roles.");

        UUID beta = users.workspace("Beta");
        LoggedIn.as(users.admin(beta, "Bea"), memberships);
        roles.createRole("Intruders", null);
        UUID foreign = roles.roles().get(0).role().id();
        acme.asDana();
        assertThatThrownBy(() -> members.assignRoles(acme.ana().id(), Set.of(foreign)))
                .hasMessage("Invalid role selection.");
        assertThatThrownBy(() -> members.assignRoles(users.member(beta, "Eve").id(), Set.of(designers)))
                .hasMessage("That person is not a member of this workspace.");
    }

    @Test
    void resetPasswordMustBeChangedAtNextLoginAndNeedsTheWholeReach() {
        assertThat(members.resetPassword(acme.ana().id(), NEW_PASSWORD))
                .isEqualTo("New password set for Ana. They must change it at their next login.");
        var row = db.selectFrom(APP_USER).where(APP_USER.ID.eq(acme.ana().id())).fetchOne();
        assertThat(row.getMustChangePassword()).isTrue();
        assertThat(encoder.matches(NEW_PASSWORD, row.getPasswordHash())).isTrue();

        assertThatThrownBy(() -> members.resetPassword(acme.dana().id(), NEW_PASSWORD))
                .hasMessage("To change your own password, use Change password in your user menu.");

        // Ben is also in a workspace Dana does not administer: taking over his account there is not hers to do.
        users.join(acme.ben(), users.workspace("Beta"), false);
        assertThatThrownBy(() -> members.resetPassword(acme.ben().id(), NEW_PASSWORD))
                .isInstanceOf(UserInputException.class)
                .hasMessage("Ben also belongs to a workspace you do not administer, so you cannot reset their password."
                        + " An admin of every workspace they belong to can.");
        assertThatThrownBy(() -> members.setActive(acme.ben().id(), false))
                .hasMessageContaining("so you cannot deactivate their account");
    }

    @Test
    void deactivationDisablesTheAccountCancelsQueuedWorkAndIsAnnounced() throws Exception {
        fake.setLatency(Duration.ofSeconds(3));
        List<UUID> busy = fillEveryWorker(acme.cleo());
        acme.as(acme.ana());
        UUID queued = generations.submit(request("deactivation-queued"));
        assertThat(status(queued)).isEqualTo("queued");

        acme.asDana();
        assertThat(members.setActive(acme.ana().id(), false))
                .isEqualTo("Deactivated Ana. Their sessions have ended and 1 generation was cancelled.");

        assertThat(status(queued)).isEqualTo("cancelled");
        assertThat(member(acme.ana().username()).active()).isFalse();
        assertThat(events.stream(MemberDeactivated.class))
                .containsExactly(new MemberDeactivated(acme.id(), acme.ana().id(), acme.dana().id()));
        acme.as(acme.ana());
        assertThatThrownBy(() -> generations.form(null)).isInstanceOf(AccessDeniedException.class);

        acme.asDana();
        assertThat(members.setActive(acme.ana().id(), true)).isEqualTo("Reactivated Ana. They can log in again.");
        assertThat(member(acme.ana().username()).active()).isTrue();
        assertThatThrownBy(() -> members.setActive(acme.dana().id(), false))
                .hasMessage("You cannot deactivate your own account.");
        awaitAll(acme.cleo(), busy);
        assertThat(Jobs.callsMentioning(fake, "deactivation-queued")).isZero();
    }

    @Test
    void deactivationStopsARunningGeneration() throws Exception {
        fake.setLatency(Duration.ofSeconds(2));
        acme.as(acme.ben());
        UUID running = generations.submit(request("deactivation-running"));
        CountDownLatch finished = new CountDownLatch(1);
        AtomicReference<GenerationStatus> outcome = new AtomicReference<>();
        Runnable unsubscribe = generations.watch(running, event -> {
            if (event instanceof GenerationEvent.Finished done) {
                outcome.set(done.status());
                finished.countDown();
            }
        });
        assertThat(fake.awaitRequests(1, Duration.ofSeconds(10))).isTrue();

        acme.asDana();
        members.setActive(acme.ben().id(), false);

        assertThat(finished.await(30, TimeUnit.SECONDS)).isTrue();
        unsubscribe.run();
        assertThat(outcome.get()).isEqualTo(GenerationStatus.CANCELLED);
        assertThat(status(running)).isEqualTo("cancelled");
    }

    @Test
    void theLastAdminCannotRemoveTheirOwnAdminRight() {
        assertThatThrownBy(() -> members.setAdmin(acme.dana().id(), false)).isInstanceOf(UserInputException.class)
                .hasMessage("You are the last admin of this workspace, so you cannot remove your own admin right."
                        + " Make another member an admin first.");

        assertThat(members.setAdmin(acme.ana().id(), true)).isEqualTo("Ana is now an admin of this workspace.");
        assertThat(members.setAdmin(acme.dana().id(), false))
                .isEqualTo("Dana is no longer an admin of this workspace.");

        // Dana's session still says admin; the database no longer does, so every admin call is refused at once.
        assertThatThrownBy(() -> members.members()).isInstanceOf(AccessDeniedException.class);
        acme.as(acme.ana());
        assertThat(member(acme.dana().username()).admin()).isFalse();
    }

    @Test
    void adminChangesAreAnnouncedForTheAuditLog() {
        UUID designers = acme.role("Designers");
        members.assignRoles(acme.ana().id(), Set.of(designers));
        members.setAdmin(acme.ben().id(), true);

        assertThat(events.stream(AdminActionPerformed.class)).extracting(AdminActionPerformed::action,
                AdminActionPerformed::target, AdminActionPerformed::before, AdminActionPerformed::after)
                .contains(org.assertj.core.groups.Tuple.tuple("member.roles", acme.ana().username(), "", "Designers"),
                        org.assertj.core.groups.Tuple.tuple("member.admin", acme.ben().username(), "member", "admin"));
    }

    private MemberSummary member(String username) {
        return members.members().stream().filter(m -> m.username().equals(username)).findFirst().orElseThrow();
    }

    private String status(UUID generationId) {
        return db.select(GENERATION.STATUS).from(GENERATION).where(GENERATION.ID.eq(generationId))
                .fetchOne(GENERATION.STATUS);
    }

    /** Occupies every worker with slow jobs, so the next submission stays queued. */
    private List<UUID> fillEveryWorker(TestUser member) {
        acme.as(member);
        List<UUID> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(generations.submit(request("busy worker " + i)));
        }
        return ids;
    }

    private void awaitAll(TestUser member, List<UUID> ids) throws InterruptedException {
        acme.as(member);
        for (UUID id : ids) {
            Jobs.awaitFinished(generations, id);
        }
    }

    private static GenerationRequest request(String prompt) {
        return GenerationRequest.of(prompt);
    }
}
