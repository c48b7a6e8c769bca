package studio.imgen.testsupport;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;

/**
 * Logs a page in through the real form, waiting for the login form's web component first: text filled into the
 * inputs before it upgrades can be lost, which made journeys flaky on a busy runner. Then waits for the app shell.
 */
public final class BrowserLogin {

    private BrowserLogin() {
    }

    public static void logIn(Page page, String loginUrl, String username, String password) {
        page.navigate(loginUrl);
        page.waitForFunction("() => customElements.get('vaadin-login-form') !== undefined");
        page.locator("input[name=username]").fill(username);
        page.locator("input[name=password]").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        try {
            // Logging in hashes a password; on a busy two-core runner that can take a few seconds.
            assertThat(page.locator("vaadin-side-nav")).isAttached(new LocatorAssertions.IsAttachedOptions().setTimeout(20_000));
        } catch (AssertionError e) {
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(java.nio.file.Paths.get("target", "screenshots", "login-failed-" + username + ".png")));
            throw new AssertionError("Login of " + username + " did not reach the app; page is " + page.url(), e);
        }
    }
}
