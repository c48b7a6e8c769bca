package studio.imgen.admin;

import studio.imgen.workspace.CreatedInvitation;
import studio.imgen.workspace.InvitationAcceptance;
import studio.imgen.workspace.NewAccount;
import studio.imgen.workspace.JoinedWorkspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static imgen.db.Tables.AUDIT_LOG;

import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import studio.imgen.base.UserInputException;
import studio.imgen.security.CurrentUser;
import studio.imgen.security.MembershipLookup;
import studio.imgen.security.UserAccounts;
import studio.imgen.testsupport.InstanceAdmins;
import studio.imgen.testsupport.IntegrationTest;
import studio.imgen.testsupport.LoggedIn;
import studio.imgen.testsupport.TestUsers;
import studio.imgen.testsupport.TestUsers.TestUser;
import studio.imgen.workspace.WorkspaceAccess;
import studio.imgen.workspace.WorkspaceService;

/**
 * The instance admin's workspaces (issue 14, defect 2): create with an invited or existing first admin, rename,
 * archive (members locked out at once, data and audit kept, invitations closed) and restore; every call re-checks
 * the instance-admin right in the database.
 */
@IntegrationTest
class WorkspaceDirectoryServiceTest {

    @Autowired
    WorkspaceDirectoryService directory;
    @Autowired
    InvitationAcceptance acceptance;
    @Autowired
    WorkspaceAccess access;
    @Autowired
    WorkspaceService workspaces;
    @Autowired
    TestUsers users;
    @Autowired
    UserAccounts accounts;
    @Autowired
    MembershipLookup memberships;
    @Autowired
    CurrentUser currentUser;
    @Autowired
    DSLContext db;

    TestUser root;
    UUID home;

    @BeforeEach
    void instanceAdmin() {
        home = users.workspaceWithKey("Home");
        root = users.admin(home, "Root");
        InstanceAdmins.grantAndLogin(root, accounts, memberships, currentUser);
    }

    @AfterEach
    void logOut() {
        LoggedIn.nobody();
    }

    @Test
    void aWorkspaceCreatedWithAnInvitationGetsItsAdminFromTheLink() {
        String name = TestUsers.unique("Design team");
        CreatedWorkspace created = directory.create("  " + name + "  ", null);

        assertThat(created.name()).isEqualTo(name);
        CreatedInvitation link = created.adminInvitation().orElseThrow();
        assertThat(link.link()).matches(".*/invite/[A-Za-z0-9_-]{43}$");
        String token = link.link().substring(link.link().lastIndexOf('/') + 1);
        LoggedIn.nobody();
        JoinedWorkspace joined = acceptance.register(token, new NewAccount(TestUsers.unique("dee"), "Dee",
                "a long invited passphrase", "a long invited passphrase"));
        assertThat(joined.workspaceId()).isEqualTo(created.id());
        assertThat(memberships.resolve(joined.userId(), created.id())).get()
                .satisfies(m -> assertThat(m.admin()).isTrue());

        InstanceAdmins.claim(root, memberships, currentUser);
        WorkspaceOverview row = overview(created.id());
        assertThat(row.members()).isEqualTo(1);
        assertThat(row.keyConfigured()).isFalse();
        assertThat(row.spentThisMonthMicros()).isZero();
        assertThat(actions(created.id())).contains("admin.workspace.created", "admin.invitation.created");
    }

    @Test
    void anExistingAccountBecomesAdminAndAnUnknownOneCreatesNothing() {
        TestUser ann = users.member(home, "Ann");
        String name = TestUsers.unique("Studio");

        assertThatThrownBy(() -> directory.create(name, "nobody-" + UUID.randomUUID()))
                .isInstanceOf(UserInputException.class).hasMessageStartingWith("There is no active account");
        assertThat(directory.all()).noneMatch(w -> w.name().equals(name));

        CreatedWorkspace created = directory.create(name, ann.username());
        assertThat(created.adminInvitation()).isEmpty();
        assertThat(memberships.resolve(ann.id(), created.id())).get().satisfies(m -> assertThat(m.admin()).isTrue());
        assertThat(overview(created.id()).members()).isEqualTo(1);
        // Ann keeps her first workspace.
        assertThat(memberships.resolve(ann.id(), home)).isPresent();
    }

    @Test
    void namesAreRequiredUniqueRegardlessOfCaseAndRenamesAreAudited() {
        String name = TestUsers.unique("Ops");
        CreatedWorkspace created = directory.create(name, root.username());

        assertThatThrownBy(() -> directory.create(name.toUpperCase(), null)).isInstanceOf(UserInputException.class)
                .hasMessage("A workspace named “" + name.toUpperCase() + "” already exists. Choose another name.");
        assertThatThrownBy(() -> directory.create("   ", null)).isInstanceOf(UserInputException.class)
                .hasMessage("Enter a name for the workspace.");
        assertThatThrownBy(() -> directory.create("x".repeat(101), null)).isInstanceOf(UserInputException.class);

        String renamed = TestUsers.unique("Operations");
        assertThat(directory.rename(created.id(), renamed)).isEqualTo("Renamed “" + name + "” to “" + renamed + "”.");
        assertThat(overview(created.id()).name()).isEqualTo(renamed);
        assertThat(actions(created.id())).contains("admin.workspace.renamed");
    }

    @Test
    void archivingLocksMembersOutKeepsTheDataAndClosesInvitationsUntilRestored() {
        CreatedWorkspace created = directory.create(TestUsers.unique("Temp"), null);
        String token = tokenOf(created.adminInvitation().orElseThrow());
        TestUser max = users.member(created.id(), "Max");
        long auditRows = db.fetchCount(AUDIT_LOG, AUDIT_LOG.WORKSPACE_ID.eq(created.id()));

        directory.archive(created.id());

        assertThat(overview(created.id()).archived()).isTrue();
        assertThat(memberships.resolve(max.id(), created.id())).isEmpty();
        LoggedIn.as(max, memberships);
        assertThatThrownBy(() -> access.requireMember()).isInstanceOf(AccessDeniedException.class);
        LoggedIn.nobody();
        assertThatThrownBy(() -> acceptance.register(token, new NewAccount(TestUsers.unique("late"), "Late",
                "a long invited passphrase", "a long invited passphrase"))).isInstanceOf(UserInputException.class);
        InstanceAdmins.claim(root, memberships, currentUser);
        assertThat(db.fetchCount(AUDIT_LOG, AUDIT_LOG.WORKSPACE_ID.eq(created.id()))).isEqualTo(auditRows + 1);
        assertThatThrownBy(() -> directory.inviteAdmin(created.id())).isInstanceOf(UserInputException.class)
                .hasMessage("That workspace is archived. Restore it before inviting anyone.");

        directory.restore(created.id());

        assertThat(memberships.resolve(max.id(), created.id())).isPresent();
        assertThat(actions(created.id())).contains("admin.workspace.archived", "admin.workspace.restored");
    }

    @Test
    void aMemberWhoseActiveWorkspaceWasArchivedMovesToTheirNextOne() {
        CreatedWorkspace created = directory.create(TestUsers.unique("Side"), null);
        TestUser lou = users.member(created.id(), "Lou");
        users.join(lou, home, false);
        directory.archive(created.id());

        LoggedIn.as(lou, memberships);
        // LoggedIn resolves the membership now, so set the stale session by hand: active in the archived workspace.
        currentUser.replace(currentUser.require().withMembership(
                new studio.imgen.security.ActiveMembership(created.id(), "Side", false)));
        assertThat(workspaces.leaveClosedWorkspace()).get().satisfies(p -> assertThat(p.workspaceId()).isEqualTo(home));
    }

    @Test
    void theAdminCannotArchiveTheirOnlyWorkspace() {
        assertThatThrownBy(() -> directory.archive(home)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("is your only workspace");
    }

    @Test
    void onlyInstanceAdminsAsTheDatabaseSaysToday() {
        accounts.setInstanceAdmin(root.id(), false);
        assertThatThrownBy(() -> directory.all()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> directory.create(TestUsers.unique("Nope"), null)).isInstanceOf(AccessDeniedException.class);

        TestUser dana = users.admin(home, "Dana");
        LoggedIn.as(dana, memberships);
        assertThatThrownBy(() -> directory.all()).isInstanceOf(AccessDeniedException.class);
    }

    private WorkspaceOverview overview(UUID id) {
        return directory.all().stream().filter(w -> w.id().equals(id)).findFirst().orElseThrow();
    }

    private List<String> actions(UUID workspaceId) {
        return db.select(AUDIT_LOG.ACTION).from(AUDIT_LOG).where(AUDIT_LOG.WORKSPACE_ID.eq(workspaceId))
                .fetch(AUDIT_LOG.ACTION);
    }

    private static String tokenOf(CreatedInvitation invitation) {
        return invitation.link().substring(invitation.link().lastIndexOf('/') + 1);
    }
}
