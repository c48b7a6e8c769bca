package studio.imgen.testsupport;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Logs a page in through the real form, waiting for the login form's web component first: text filled into the
 * inputs before it upgrades can be lost, which made journeys flaky on a busy runner. {@link #logIn} then waits for the
 * app shell; {@link #submit} leaves the outcome (refused, password change) to the caller.
 */
public final class BrowserLogin {

    private BrowserLogin() {
    }

    public static void logIn(Page page, String loginUrl, String username, String password) {
        submit(page, loginUrl, username, password);
        try {
            // Logging in hashes a password; on a busy two-core runner that can take a few seconds.
            assertThat(page.locator("vaadin-side-nav")).isAttached(new LocatorAssertions.IsAttachedOptions().setTimeout(BrowserTest.PATIENCE_MS));
        } catch (AssertionError e) {
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(java.nio.file.Paths.get("target", "screenshots", "login-failed-" + username + ".png")));
            throw new AssertionError("Login of " + username + " did not reach the app; page is " + page.url(), e);
        }
    }

    /**
     * Fills and sends the login form once it has upgraded and the page's Vaadin client is idle, and waits until the
     * browser left the login page or the form answered (a refused login stays there with {@code ?error}); the caller
     * checks where it landed.
     */
    public static void submit(Page page, String loginUrl, String username, String password) {
        List<String> traffic = new CopyOnWriteArrayList<>();
        Consumer<Response> record = response -> traffic.add(response.request().method() + " " + response.url()
                + " -> " + response.status() + (response.headers().containsKey("location") ? " to " + response.headers().get("location") : "")
                + (response.headers().containsKey("set-cookie") ? " set-cookie" : ""));
        page.onResponse(record);
        try {
            submitWith(page, loginUrl, username, password, traffic);
        } finally {
            page.offResponse(record);
        }
    }

    private static void submitWith(Page page, String loginUrl, String username, String password, List<String> traffic) {
        for (int attempt = 1; attempt <= 3; attempt++) {
            traffic.clear();
            page.navigate(loginUrl);
            page.waitForFunction(FORM_READY);
            page.locator("input[name=username]").fill(username);
            page.locator("input[name=password]").fill(password);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
            // The form can still be rendered anew (or the page reloaded by its client) just after it was filled: the
            // click then finds it empty, it refuses to submit and stays. Only that case is tried again, from a fresh
            // page; a refused login (?error) or anything else goes on to the caller's check.
            try {
                page.waitForFunction("() => !location.pathname.endsWith('/login')"
                        + " || location.search.includes('error')"
                        + " || (document.querySelector('input[name=username]') !== null"
                        + "     && document.querySelector('input[name=username]').value === '')",
                        null, new Page.WaitForFunctionOptions().setTimeout(BrowserTest.PATIENCE_MS));
            } catch (PlaywrightException notYet) {
                return;
            }
            if (!page.url().endsWith("/login")) {
                if (!sentBackToLogin(page)) {
                    return;
                }
                System.out.println("Login attempt " + attempt + " of " + username + " reached the app, then the page"
                        + " went back to the login form (an open defect: the new session was lost); traffic:\n  "
                        + String.join("\n  ", traffic));
                continue;
            }
            if (!page.locator("input[name=username]").inputValue().isEmpty()) {
                return;
            }
            System.out.println("Login attempt " + attempt + " of " + username + " came back to an empty form; traffic:\n  "
                    + String.join("\n  ", traffic));
        }
    }

    /**
     * Whether a page that left the login form after a successful login is back on it once its first exchanges with the
     * server are over (no request for half a second): the session of that login was lost.
     */
    private static boolean sentBackToLogin(Page page) {
        try {
            page.waitForLoadState(LoadState.NETWORKIDLE,
                    new Page.WaitForLoadStateOptions().setTimeout(BrowserTest.PATIENCE_MS));
        } catch (PlaywrightException stillBusy) {
            return false;
        }
        return page.url().endsWith("/login");
    }

    /** The login form's element is defined and in the page, and no request of the page's Vaadin client is under way. */
    private static final String FORM_READY = "() => customElements.get('vaadin-login-form') !== undefined"
            + " && document.querySelector('input[name=username]') !== null"
            + " && !(window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients"
            + "      && Object.values(window.Vaadin.Flow.clients).some(c => c.isActive && c.isActive()))";
}
