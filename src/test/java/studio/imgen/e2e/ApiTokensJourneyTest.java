package studio.imgen.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Paths;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import studio.imgen.testsupport.BrowserTest;
import studio.imgen.testsupport.TestUsers;
import studio.imgen.testsupport.TestUsers.TestUser;

/** A member finds "API tokens" in the user menu, creates a token, copies it from the one-time dialog and revokes it. */
class ApiTokensJourneyTest extends BrowserTest {

    @Test
    void aMemberCreatesAndRevokesAToken() {
        TestUser ana = users.member(users.workspaceWithKey("Acme"), "Ana");
        logIn(ana.username(), TestUsers.PASSWORD);

        page.locator("vaadin-menu-bar-button").filter(new Locator.FilterOptions().setHasText("Ana")).click();
        page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("API tokens")).click();
        assertThat(page).hasURL(Pattern.compile(".*/api-tokens$"));
        assertThat(page.getByText("No tokens yet. Create one to generate images from a script.")).isVisible();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New token")).click();
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Name")).fill("nightly renders");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create token")).click();
        Locator secret = page.locator("vaadin-text-field.token-secret input");
        assertThat(secret).hasValue(Pattern.compile("imgs_[A-Za-z0-9_-]{43}"));
        screenshots("api-token-created");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Done")).click();

        assertThat(page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText("nightly renders"))).isVisible();
        screenshots("api-tokens");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke nightly renders")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke").setExact(true)).click();
        assertThat(page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("Revoked")))
                .isVisible();
    }

    /** Light and dark, to look at. */
    private void screenshots(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", name + ".png")));
        page.evaluate("document.documentElement.setAttribute('theme','dark')");
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", name + "-dark.png")));
        page.evaluate("document.documentElement.removeAttribute('theme')");
    }
}
