package studio.imgen.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.imgen.security.MembershipLookup;
import studio.imgen.testsupport.FormLogin;
import studio.imgen.testsupport.LoggedIn;
import studio.imgen.testsupport.ServerTest;
import studio.imgen.testsupport.TestUsers;
import studio.imgen.testsupport.TestUsers.TestUser;

/** Matrix row 7 / ASVS 7.4.2: deactivating a member ends their live sessions, over real HTTP. */
class DeactivationEndsSessionsTest extends ServerTest {

    @Autowired
    MemberService members;
    @Autowired
    MembershipLookup memberships;

    @AfterEach
    void tearDown() {
        LoggedIn.nobody();
    }

    @Test
    void aDeactivatedMembersSessionsEndAtTheirNextRequest() throws Exception {
        UUID acme = users.workspace("Acme");
        TestUser dana = users.admin(acme, "Dana");
        TestUser ana = users.member(acme, "Ana");
        FormLogin laptop = new FormLogin(port);
        FormLogin phone = new FormLogin(port);
        FormLogin danasBrowser = new FormLogin(port);
        assertThat(laptop.login(ana.username(), TestUsers.PASSWORD)).endsWith("/");
        assertThat(phone.login(ana.username(), TestUsers.PASSWORD)).endsWith("/");
        assertThat(danasBrowser.login(dana.username(), TestUsers.PASSWORD)).endsWith("/");
        assertThat(laptop.get("/gallery").statusCode()).isEqualTo(200);

        LoggedIn.as(dana, memberships);
        members.setActive(ana.id(), false);

        for (FormLogin browser : new FormLogin[] {laptop, phone}) {
            var response = browser.get("/gallery");
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).get().asString().endsWith("/login");
            assertThat(browser.get("/gallery").headers().firstValue("Location")).get().asString().endsWith("/login");
        }
        assertThat(danasBrowser.get("/gallery").statusCode()).isEqualTo(200);
        assertThat(laptop.login(ana.username(), TestUsers.PASSWORD)).endsWith("/login?error");
    }
}
