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

class LoginJourneyTest extends BrowserTest {

    @Test
    void firstLoginForcesAPasswordChangeThenTheAppOpens() {
        TestUser dana = users.create(users.workspace("Acme"), "Dana", true, true);

        logIn(dana.username(), TestUsers.PASSWORD);
        assertThat(page).hasURL(Pattern.compile(".*/change-password$"));
        assertThat(page.getByText("Choose your own password")).isVisible();

        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Current password").setExact(true)).fill(TestUsers.PASSWORD);
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("New password").setExact(true)).fill("my own fresh secret");
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Repeat new password").setExact(true)).fill("my own fresh secret");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change password")).click();

        assertThat(page.locator("vaadin-side-nav-item").filter(new Locator.FilterOptions().setHasText("Admin"))).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", "shell-admin.png")));

        // The new password works and the old one no longer does.
        browserContext.clearCookies();
        logIn(dana.username(), TestUsers.PASSWORD);
        assertThat(page).hasURL(Pattern.compile(".*/login\\?error$"));
        logIn(dana.username(), "my own fresh secret");
        assertThat(page.locator("vaadin-side-nav")).isVisible();
    }

    @Test
    void memberNavigatesLogsOutAndIsRefusedTheAdminViewByUrl() {
        TestUser ana = users.member(users.workspace("Acme"), "Ana");
        logIn(ana.username(), TestUsers.PASSWORD);

        assertThat(page.locator("vaadin-side-nav-item").filter(new Locator.FilterOptions().setHasText("Gallery"))).isVisible();
        assertThat(page.locator("vaadin-side-nav-item").filter(new Locator.FilterOptions().setHasText("Admin"))).hasCount(0);
        page.locator("vaadin-side-nav-item").filter(new Locator.FilterOptions().setHasText("Gallery")).click();
        assertThat(page).hasURL(Pattern.compile(".*/gallery$"));

        page.navigate(url("admin"));
        assertThat(page.getByText("Page not found")).isVisible();
        assertThat(page.getByText("Workspace settings, members and role access")).hasCount(0);
        page.getByText("Go to the start page").click();

        page.locator("vaadin-menu-bar-button").filter(new Locator.FilterOptions().setHasText("Ana")).click();
        page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Log out")).click();
        assertThat(page).hasURL(Pattern.compile(".*/login.*"));
        page.navigate(url("gallery"));
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
    }

    @Test
    void wrongPasswordAndUnknownUserShowTheSameMessage() {
        TestUser ana = users.member(users.workspace("Acme"), "Ana");

        logIn(ana.username(), "wrong password!");
        String wrongPassword = page.locator("vaadin-login-form-wrapper").innerText();
        logIn("nobody-" + ana.username(), "wrong password!");
        String unknownUser = page.locator("vaadin-login-form-wrapper").innerText();

        assertThat(page.getByText("Incorrect username or password")).isVisible();
        org.assertj.core.api.Assertions.assertThat(unknownUser).isEqualTo(wrongPassword);
    }
}
