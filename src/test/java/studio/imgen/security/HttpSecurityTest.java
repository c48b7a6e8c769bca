package studio.imgen.security;

import static org.assertj.core.api.Assertions.assertThat;
import static imgen.db.Tables.LOGIN_EVENT;

import java.time.Duration;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.imgen.testsupport.FormLogin;
import studio.imgen.testsupport.RawHttp;
import studio.imgen.testsupport.ServerTest;
import studio.imgen.testsupport.TestUsers;
import studio.imgen.testsupport.TestUsers.TestUser;

/** Login, throttling, session and path handling, over real HTTP against the running app. */
class HttpSecurityTest extends ServerTest {

    @Autowired
    DSLContext db;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
        RawHttp.Response response = RawHttp.get(port, "/gallery");
        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).singleElement().asString().endsWith("/login");
    }

    @Test
    void correctPasswordLogsInWithANewSessionId() throws Exception {
        TestUser ana = users.member(users.workspace("Acme"), "Ana");
        FormLogin browser = new FormLogin(port);
        browser.get("/login");
        String before = browser.sessionId().orElseThrow();

        String target = browser.login(ana.username(), TestUsers.PASSWORD);

        assertThat(target).endsWith("/");
        assertThat(browser.sessionId()).get().isNotEqualTo(before);
        assertThat(outcomes(ana.username())).containsExactly("success");
    }

    @Test
    void wrongPasswordUnknownUserAndEmptyFieldsAllFailTheSameWay() throws Exception {
        TestUser ana = users.member(users.workspace("Acme"), "Ana");
        FormLogin browser = new FormLogin(port);

        assertThat(browser.login(ana.username(), "not the password")).endsWith("/login?error");
        assertThat(browser.login("nobody-" + ana.username(), "not the password")).endsWith("/login?error");
        assertThat(browser.login("", "")).endsWith("/login?error");
        assertThat(outcomes(ana.username())).containsExactly("bad_credentials");
        assertThat(outcomes("nobody-" + ana.username())).containsExactly("bad_credentials");
    }

    @Test
    void disabledUserIsRefusedOnlyAfterTheRightPassword() throws Exception {
        TestUser ben = users.member(users.workspace("Acme"), "Ben");
        users.disable(ben);
        FormLogin browser = new FormLogin(port);

        assertThat(browser.login(ben.username(), "not the password")).endsWith("/login?error");
        assertThat(browser.login(ben.username(), TestUsers.PASSWORD)).endsWith("/login?error");
        assertThat(outcomes(ben.username())).containsExactly("bad_credentials", "disabled");
    }

    @Test
    void tenWrongPasswordsThrottleTheAccountUntilTheDelayHasPassed() throws Exception {
        TestUser ana = users.member(users.workspace("Acme"), "Ana");
        FormLogin browser = new FormLogin(port);
        for (int i = 0; i < 10; i++) {
            assertThat(browser.login(ana.username(), "guess " + i)).endsWith("/login?error");
        }

        assertThat(browser.login(ana.username(), TestUsers.PASSWORD)).endsWith("/login?error");
        assertThat(outcomes(ana.username())).last().isEqualTo("throttled");

        clock.advance(Duration.ofSeconds(31));
        assertThat(browser.login(ana.username(), TestUsers.PASSWORD)).endsWith("/");
        assertThat(outcomes(ana.username())).last().isEqualTo("success");
    }

    @Test
    void vaadinPathWithoutSlashCreatesNoSessionAndServesNoApp() throws Exception {
        for (String path : List.of("/VAADIN", "/VAADIN/", "/VAADIN/../", "/VAADIN;jsessionid=x", "/VAADIN/;x=1",
                "/VAADIN//", "/VAADIN/.")) {
            RawHttp.Response response = RawHttp.get(port, path);
            assertThat(response.setsSessionCookie()).as(path + " " + response.status() + " " + response.headers()).isFalse();
            assertThat(response.body()).as(path).doesNotContain("window.Vaadin").doesNotContain("ImGen Studio");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/gallery/../admin", "/%2e%2e/admin", "/%252e%252e/admin", "/gallery;jsessionid=ABC",
            "/..%2fadmin", "/gallery\\..\\admin"})
    void pathTricksAreRejectedWithoutContent(String path) throws Exception {
        RawHttp.Response response = RawHttp.get(port, path);
        assertThat(response.status()).as(path).isIn(400, 302, 404);
        assertThat(response.body()).as(path).doesNotContain("window.Vaadin");
        if (response.status() == 302) {
            assertThat(response.header("Location")).singleElement().asString().endsWith("/login");
        }
    }

    private List<String> outcomes(String username) {
        return db.select(LOGIN_EVENT.OUTCOME).from(LOGIN_EVENT).where(LOGIN_EVENT.USERNAME.eq(username))
                .orderBy(LOGIN_EVENT.ID).fetch(LOGIN_EVENT.OUTCOME);
    }
}
