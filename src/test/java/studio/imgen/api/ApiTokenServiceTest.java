package studio.imgen.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static imgen.db.Tables.API_TOKEN;
import static imgen.db.Tables.AUDIT_LOG;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import studio.imgen.base.UserInputException;
import studio.imgen.security.MembershipLookup;
import studio.imgen.security.StudioUser;
import studio.imgen.security.TokenCaller;
import studio.imgen.testsupport.IntegrationTest;
import studio.imgen.testsupport.LoggedIn;
import studio.imgen.testsupport.MutableClock;
import studio.imgen.testsupport.TestUsers;
import studio.imgen.testsupport.TestUsers.TestUser;

/** Personal access tokens: creation rules, storage as a hash only, who sees and revokes what, and when a token stops. */
@IntegrationTest
class ApiTokenServiceTest {

    @Autowired
    ApiTokenService tokens;
    @Autowired
    TokenAuthenticator authenticator;
    @Autowired
    TestUsers users;
    @Autowired
    MembershipLookup memberships;
    @Autowired
    DSLContext db;
    @Autowired
    MutableClock clock;

    private UUID workspace;
    private TestUser ana;
    private TestUser ben;
    private TestUser dana;

    @BeforeEach
    void setUp() {
        workspace = users.workspaceWithKey("Tokens");
        ana = users.member(workspace, "Ana");
        ben = users.member(workspace, "Ben");
        dana = users.admin(workspace, "Dana");
    }

    @AfterEach
    void logOut() {
        LoggedIn.nobody();
    }

    @Test
    void theSecretIsShownOnceAndOnlyItsHashIsStored() {
        LoggedIn.as(ana, memberships);
        CreatedToken created = tokens.create("  ci renders  ", 90);

        assertThat(created.secret()).matches("imgs_[A-Za-z0-9_-]{43}");
        assertThat(created.token().name()).isEqualTo("ci renders");
        assertThat(created.token().hint()).isEqualTo(created.secret().substring(0, 9));
        assertThat(created.token().expiresAt()).isEqualTo(created.token().createdAt().plus(Duration.ofDays(90)));
        assertThat(created.token().state()).isEqualTo(ApiToken.State.ACTIVE);
        var row = db.selectFrom(API_TOKEN).where(API_TOKEN.ID.eq(created.token().id())).fetchOne();
        assertThat(row.getSecretSha256()).isEqualTo(TokenSecret.sha256(created.secret()));
        assertThat(row.intoList()).noneMatch(value -> String.valueOf(value).contains(created.secret().substring(9)));
        assertThat(tokens.mine()).singleElement().isEqualTo(created.token());
    }

    @Test
    void badNamesAndExpiriesAreRefusedWithASentence() {
        LoggedIn.as(ana, memberships);
        assertThatThrownBy(() -> tokens.create(" ", 30)).isInstanceOf(UserInputException.class)
                .hasMessageStartingWith("Give the token a name");
        assertThatThrownBy(() -> tokens.create("x".repeat(81), 30)).isInstanceOf(UserInputException.class);
        assertThatThrownBy(() -> tokens.create("two\nlines", 30)).isInstanceOf(UserInputException.class);
        assertThatThrownBy(() -> tokens.create("forever", 367)).isInstanceOf(UserInputException.class)
                .hasMessage("A token can be valid for 1 day up to a year.");
        tokens.create("deploy", 30);
        assertThatThrownBy(() -> tokens.create("Deploy", 30)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("already have an active token called");
        assertThat(tokens.mine()).hasSize(1);
    }

    @Test
    void membersSeeAndRevokeTheirOwnAdminsEveryones() {
        LoggedIn.as(ana, memberships);
        CreatedToken anas = tokens.create("ana's", 30);
        LoggedIn.as(ben, memberships);
        CreatedToken bens = tokens.create("ben's", 30);

        assertThat(tokens.mine()).extracting(ApiToken::name).containsExactly("ben's");
        assertThat(tokens.revoke(anas.token().id())).isFalse();
        assertThatThrownBy(() -> tokens.workspaceTokens()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> tokens.revokeAsAdmin(anas.token().id())).isInstanceOf(AccessDeniedException.class);
        assertThat(tokens.revoke(bens.token().id())).isTrue();
        assertThat(tokens.mine()).singleElement().satisfies(t -> assertThat(t.state()).isEqualTo(ApiToken.State.REVOKED));

        LoggedIn.as(dana, memberships);
        assertThat(tokens.workspaceTokens()).extracting(ApiToken::ownerName).containsExactlyInAnyOrder("Ana", "Ben");
        assertThat(tokens.revokeAsAdmin(anas.token().id())).isTrue();
        assertThat(tokens.revokeAsAdmin(anas.token().id())).isFalse();
        assertThat(authenticator.authenticate(anas.secret(), "10.0.0.1")).isEmpty();
        assertThat(db.select(AUDIT_LOG.ACTOR_NAME, AUDIT_LOG.ACTION, AUDIT_LOG.TARGET_NAME).from(AUDIT_LOG)
                .where(AUDIT_LOG.WORKSPACE_ID.eq(workspace).and(AUDIT_LOG.ACTION.startsWith("admin.api_token")))
                .orderBy(AUDIT_LOG.SEQ).fetch(r -> r.value1() + " " + r.value2() + " " + r.value3()))
                .containsExactly("Ana admin.api_token.created Ana: ana's", "Ben admin.api_token.created Ben: ben's",
                        "Ben admin.api_token.revoked Ben: ben's", "Dana admin.api_token.revoked Ana: ana's");
        assertThat(db.select(AUDIT_LOG.DETAILS).from(AUDIT_LOG).where(AUDIT_LOG.WORKSPACE_ID.eq(workspace)).fetch()
                .toString()).doesNotContain(anas.secret()).doesNotContain(bens.secret());
    }

    @Test
    void aTokenActsAsItsMemberInItsWorkspaceUntilItExpires() {
        UUID other = users.workspaceWithKey("Elsewhere");
        users.join(ana, other, true);
        LoggedIn.as(ana, memberships);
        CreatedToken created = tokens.create("short", 1);

        Authentication auth = authenticator.authenticate(created.secret(), "10.0.0.2").orElseThrow();
        assertThat(auth.getPrincipal()).isInstanceOfSatisfying(StudioUser.class, user -> {
            assertThat(user.id()).isEqualTo(ana.id());
            assertThat(user.workspaceId()).isEqualTo(workspace);
            assertThat(user.isInstanceAdmin()).isFalse();
        });
        assertThat(auth.getDetails()).isEqualTo(new TokenCaller(created.token().id(), "short"));

        clock.advance(Duration.ofDays(1));
        try {
            assertThat(authenticator.authenticate(created.secret(), "10.0.0.2")).isEmpty();
            assertThat(tokens.mine()).singleElement().satisfies(t ->
                    assertThat(t.state()).isEqualTo(ApiToken.State.EXPIRED));
        } finally {
            clock.advance(Duration.ofDays(-1));
        }
    }

    @Test
    void aTokenStopsWhenItsMemberIsDeactivatedOrLeaves() {
        LoggedIn.as(ana, memberships);
        CreatedToken anas = tokens.create("ana's", 30);
        LoggedIn.as(ben, memberships);
        CreatedToken bens = tokens.create("ben's", 30);
        assertThat(authenticator.authenticate(anas.secret(), "10.0.0.3")).isPresent();

        users.disable(ana);
        db.deleteFrom(imgen.db.Tables.WORKSPACE_MEMBER)
                .where(imgen.db.Tables.WORKSPACE_MEMBER.USER_ID.eq(ben.id())).execute();

        assertThat(authenticator.authenticate(anas.secret(), "10.0.0.3")).isEmpty();
        assertThat(authenticator.authenticate(bens.secret(), "10.0.0.3")).isEmpty();
    }

    @Test
    void onlyWellFormedSecretsAreLookedUp() {
        assertThat(TokenSecret.wellFormed(TokenSecret.generate())).isTrue();
        assertThat(TokenSecret.wellFormed("sk-" + "a".repeat(45))).isFalse();
        assertThat(TokenSecret.wellFormed("imgs_" + "a".repeat(42) + "!")).isFalse();
        assertThat(authenticator.authenticate("imgs_" + "a".repeat(43), "10.0.0.4")).isEqualTo(Optional.empty());
    }
}
