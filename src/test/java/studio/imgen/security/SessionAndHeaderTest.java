package studio.imgen.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.server.VaadinServlet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import studio.imgen.gallery.GalleryFixtures;
import studio.imgen.storage.ImageStore;
import studio.imgen.testsupport.FormLogin;
import studio.imgen.testsupport.RawHttp;
import studio.imgen.testsupport.ServerTest;
import studio.imgen.testsupport.TestUsers;
import studio.imgen.testsupport.TestUsers.TestUser;

/**
 * Headers on every kind of response and the session rules (security-reliability.md §6 rows 12, 13, 51): pages and image
 * responses, a session id that changes at login and is useless afterwards, idle sessions that end, cookie flags.
 */
class SessionAndHeaderTest extends ServerTest {

    @Autowired
    ServletWebServerApplicationContext context;
    @Autowired
    Environment environment;
    @Autowired
    DSLContext db;
    @Autowired
    ImageStore store;

    @Test
    void pagesCarryTheAppPolicyWhateverTheirState() throws Exception {
        FormLogin browser = loggedIn(users.member(users.workspace("Headers"), "Ana"));
        String cookie = "Cookie: JSESSIONID=" + browser.sessionId().orElseThrow();
        for (RawHttp.Response page : List.of(RawHttp.get(port, "/login"), RawHttp.get(port, "/", cookie),
                RawHttp.get(port, "/gallery", cookie), RawHttp.get(port, "/no-such-page", cookie),
                RawHttp.get(port, "/gallery"))) {
            String what = page.status() + " " + page.headers();
            assertThat(page.header("Content-Security-Policy")).as(what).singleElement().asString()
                    .contains("frame-ancestors 'none'").contains("object-src 'none'").contains("default-src 'self'");
            assertThat(page.header("X-Content-Type-Options")).as(what).containsExactly("nosniff");
            assertThat(page.header("X-Frame-Options")).as(what).containsExactly("DENY");
            assertThat(page.header("Referrer-Policy")).as(what).containsExactly("same-origin");
            assertThat(page.header("Server")).as(what).isEmpty();
            assertThat(page.header("X-Powered-By")).as(what).isEmpty();
            assertThat(page.body()).as(what).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void imageResponsesAreSandboxedPrivateAndNeverFramed() throws Exception {
        TestUser ana = users.member(users.workspace("Headers"), "Ana");
        UUID image = new GalleryFixtures(db, store).generation(ana.workspaceId(), ana.id(), "headers", "gpt-image-2",
                clock.instant(), 1, true).first();
        FormLogin browser = loggedIn(ana);
        String cookie = "Cookie: JSESSIONID=" + browser.sessionId().orElseThrow();

        for (String kind : List.of("", "/thumb", "/download")) {
            RawHttp.Response found = RawHttp.get(port, "/img/" + image + kind, cookie);
            RawHttp.Response missing = RawHttp.get(port, "/img/" + UUID.randomUUID() + kind, cookie);
            assertThat(found.status()).isEqualTo(200);
            assertThat(found.header("Cache-Control")).singleElement().asString().contains("private").doesNotContain("public");
            assertThat(missing.status()).isEqualTo(404);
            for (RawHttp.Response response : List.of(found, missing)) {
                String what = kind + " " + response.status();
                assertThat(response.header("Content-Security-Policy")).as(what).containsExactly("default-src 'none'; sandbox");
                assertThat(response.header("X-Content-Type-Options")).as(what).containsExactly("nosniff");
                assertThat(response.header("X-Frame-Options")).as(what).containsExactly("DENY");
                assertThat(response.header("Referrer-Policy")).as(what).containsExactly("no-referrer");
                assertThat(response.header("Server")).as(what).isEmpty();
                assertThat(response.setsSessionCookie()).as(what).isFalse();
            }
        }
    }

    @Test
    void theSessionIdBeforeLoginIsWorthNothingAfterIt() throws Exception {
        TestUser ana = users.member(users.workspace("Fixation"), "Ana");
        FormLogin browser = new FormLogin(port);
        browser.get("/login");
        String before = browser.sessionId().orElseThrow();

        assertThat(browser.login(ana.username(), TestUsers.PASSWORD)).endsWith("/");

        String after = browser.sessionId().orElseThrow();
        assertThat(after).isNotEqualTo(before);
        assertThat(browser.get("/gallery").statusCode()).as("the new id is logged in").isEqualTo(200);
        RawHttp.Response withOldId = RawHttp.get(port, "/gallery", "Cookie: JSESSIONID=" + before);
        assertThat(withOldId.status()).isEqualTo(302);
        assertThat(withOldId.header("Location")).singleElement().asString().endsWith("/login");
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
        FormLogin browser = new FormLogin(port);
        var loginPage = browser.get("/login");

        assertThat(loginPage.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID="))
                .singleElement().asString().contains("HttpOnly").contains("SameSite=Lax").contains("Path=/");
    }

    /** Checked on the shipped properties with the variable set: no second Spring context needed. */
    @Test
    void secureCookiesFollowAppSecureCookies() throws Exception {
        assertThat(sessionCookieSecure(Map.of())).isFalse();
        assertThat(sessionCookieSecure(Map.of("APP_SECURE_COOKIES", "true"))).isTrue();
    }

    @Test
    void anIdleSessionEndsAndTheNextRequestGoesToLogin() throws Exception {
        Context webapp = (Context) ((TomcatWebServer) context.getWebServer()).getTomcat().getHost().findChildren()[0];
        assertThat(webapp.getSessionTimeout()).as("minutes").isEqualTo(30);
        assertThat(environment.getProperty("vaadin.closeIdleSessions", Boolean.class)).isTrue();
        VaadinServlet vaadin = (VaadinServlet) context.getBeansOfType(ServletRegistrationBean.class).values().stream()
                .map(ServletRegistrationBean::getServlet).filter(VaadinServlet.class::isInstance).findFirst().orElseThrow();
        assertThat(vaadin.getService().getDeploymentConfiguration().isCloseIdleSessions())
                .as("the heartbeat does not keep an idle session alive").isTrue();

        FormLogin browser = loggedIn(users.member(users.workspace("Idle"), "Ana"));
        String id = browser.sessionId().orElseThrow();
        assertThat(browser.get("/gallery").statusCode()).isEqualTo(200);
        Session session = webapp.getManager().findSession(id);
        session.expire(); // what the container does once the idle timeout has passed

        RawHttp.Response next = RawHttp.get(port, "/gallery", "Cookie: JSESSIONID=" + id);
        assertThat(next.status()).isEqualTo(302);
        assertThat(next.header("Location")).singleElement().asString().endsWith("/login");
    }

    private FormLogin loggedIn(TestUser user) throws Exception {
        FormLogin browser = new FormLogin(port);
        assertThat(browser.login(user.username(), TestUsers.PASSWORD)).endsWith("/");
        return browser;
    }

    private static boolean sessionCookieSecure(Map<String, Object> variables) throws Exception {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("variables", variables));
        env.getPropertySources().addLast(new org.springframework.core.env.PropertiesPropertySource("application",
                PropertiesLoaderUtils.loadProperties(new ClassPathResource("application.properties"))));
        ServerProperties server = Binder.get(env).bind("server", ServerProperties.class).get();
        return Boolean.TRUE.equals(server.getServlet().getSession().getCookie().getSecure());
    }
}
