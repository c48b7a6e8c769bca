package studio.imgen;

import static imgen.db.Tables.MEMBER_ROLE_NAME;
import static imgen.db.Tables.USER_DIRECTORY;
import static imgen.db.Tables.WORKSPACE_MEMBERSHIP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.imgen.access.RoleAccessService;
import studio.imgen.security.MembershipLookup;
import studio.imgen.testsupport.Acme;
import studio.imgen.testsupport.IntegrationTest;
import studio.imgen.testsupport.LoggedIn;
import studio.imgen.testsupport.TestUsers;
import studio.imgen.workspace.MemberService;

/**
 * The read models owners publish ({@link TableOwnershipTest#PUBLISHED}) show the owner's rows as they are, and refuse
 * writes, so that only the owning module changes them.
 */
@IntegrationTest
class PublishedReadModelsTest {

    @Autowired
    DSLContext db;
    @Autowired
    TestUsers users;
    @Autowired
    MembershipLookup memberships;
    @Autowired
    RoleAccessService roles;
    @Autowired
    MemberService members;

    private Acme acme;

    @BeforeEach
    void setUp() {
        acme = Acme.create(users, memberships, roles, members);
    }

    @AfterEach
    void tearDown() {
        LoggedIn.nobody();
    }

    @Test
    void namesMembershipsAndRoleNamesReadAsTheOwnerStoresThem() {
        var dana = db.selectFrom(USER_DIRECTORY).where(USER_DIRECTORY.ID.eq(acme.dana().id())).fetchOne();
        assertThat(dana.getUsername()).isEqualTo(acme.dana().username());
        assertThat(dana.getDisplayName()).isEqualTo(acme.dana().displayName());
        assertThat(dana.getEnabled()).isTrue();

        assertThat(db.fetchCount(WORKSPACE_MEMBERSHIP, WORKSPACE_MEMBERSHIP.WORKSPACE_ID.eq(acme.id())
                .and(WORKSPACE_MEMBERSHIP.USER_ID.eq(acme.ana().id())).and(WORKSPACE_MEMBERSHIP.IS_ADMIN.isFalse())))
                .isOne();

        acme.give(acme.ana(), acme.role("Illustrators"));
        assertThat(db.select(MEMBER_ROLE_NAME.ROLE_NAME).from(MEMBER_ROLE_NAME)
                .where(MEMBER_ROLE_NAME.WORKSPACE_ID.eq(acme.id()).and(MEMBER_ROLE_NAME.USER_ID.eq(acme.ana().id())))
                .fetch(MEMBER_ROLE_NAME.ROLE_NAME)).containsExactly("Illustrators");
    }

    @Test
    void writesThroughAReadModelAreRefused() {
        assertThatThrownBy(() -> db.update(USER_DIRECTORY).set(USER_DIRECTORY.DISPLAY_NAME, "Someone else")
                .where(USER_DIRECTORY.ID.eq(acme.dana().id())).execute())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("user_directory is a read model");
        assertThatThrownBy(() -> db.deleteFrom(WORKSPACE_MEMBERSHIP).where(WORKSPACE_MEMBERSHIP.WORKSPACE_ID.eq(acme.id()))
                .execute())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("workspace_membership is a read model");
        assertThatThrownBy(() -> db.insertInto(MEMBER_ROLE_NAME).set(MEMBER_ROLE_NAME.WORKSPACE_ID, acme.id())
                .set(MEMBER_ROLE_NAME.USER_ID, acme.ana().id()).set(MEMBER_ROLE_NAME.ROLE_ID, acme.role("Reviewers"))
                .execute())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("member_role_name is a read model");
        assertThat(db.selectFrom(USER_DIRECTORY).where(USER_DIRECTORY.ID.eq(acme.dana().id())).fetchOne()
                .getDisplayName()).isEqualTo(acme.dana().displayName());
    }
}
