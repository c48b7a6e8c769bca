package studio.imgen.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.imgen.access.RoleAccessService;
import studio.imgen.catalog.OutputFormat;
import studio.imgen.gallery.Generated;
import studio.imgen.generate.GenerationRequest;
import studio.imgen.generate.GenerationService;
import studio.imgen.generate.ImageOptions;
import studio.imgen.security.MembershipLookup;
import studio.imgen.testsupport.BrowserLogin;
import studio.imgen.testsupport.BrowserTest;
import studio.imgen.testsupport.FakeOpenAi;
import studio.imgen.testsupport.Fault;
import studio.imgen.testsupport.Generations;
import studio.imgen.testsupport.LoggedIn;
import studio.imgen.testsupport.TestUsers;
import studio.imgen.testsupport.TestUsers.TestUser;

/**
 * Issue 14 (part B) as a workspace admin meets it in Chromium: one notification at a time with an icon and no emoji,
 * the first access rule does not lock the admin out, the settings and audit layouts fit a laptop, and audit entries
 * read in words with "Edit this image" under every image and OpenAI's raw answer for admins only.
 */
class AdminPolishJourneyTest extends BrowserTest {

    private static final Path SHOTS = Paths.get("target", "screenshots");
    private static final Pattern EMOJI = Pattern.compile("[\\x{2600}-\\x{27BF}\\x{1F300}-\\x{1FAFF}]");

    @Autowired
    GenerationService generations;
    @Autowired
    RoleAccessService roles;
    @Autowired
    MembershipLookup memberships;
    @Autowired
    FakeOpenAi fake;

    @AfterEach
    void cleanUp() {
        LoggedIn.nobody();
        fake.reset();
    }

    @Test
    void defects9_10_12_13_oneNoticeAtATimeNoLockOutAndLayoutsThatFit() {
        UUID acme = users.workspaceWithKey("Acme");
        TestUser dana = users.admin(acme, "Dana");
        LoggedIn.as(dana, memberships);
        roles.createRole("Designers", null);
        LoggedIn.nobody();

        BrowserLogin.logIn(page, url("login"), dana.username(), TestUsers.PASSWORD);
        page.navigate(url("admin"));
        Locator size = page.locator(".defaults-row vaadin-select").nth(1);
        assertThat(size.boundingBox().width).as("the size label fits").isGreaterThan(200);
        BoundingBox field = page.locator(".retention-row vaadin-integer-field").boundingBox();
        BoundingBox save = button("Save retention").boundingBox();
        assertThat(Math.abs((field.y + field.height) - (save.y + save.height))).as("field and button line up")
                .isLessThan(8);

        button("Save retention").click();
        assertThat(notices()).hasCount(1);
        button("Save defaults").click();
        assertThat(notices()).hasCount(1);
        assertThat(notices().first()).containsText("No changes specified. Use the options to set defaults.");
        assertThat(notices().first().locator("vaadin-icon")).hasCount(1);
        assertThat(notices().first().boundingBox().y).as("notifications sit at the top").isLessThan(150);
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("polish-admin-settings-light.png")));

        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Roles & access")).click();
        assertThat(page.locator(".access-state")).containsText("Open access: no role has an access rule");
        assertThat(page.locator(".access-state vaadin-icon")).hasCount(1);
        page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("Designers")).first()
                .click();
        button("Add access rule…").click();
        button("Save rule").click();
        Locator warning = page.locator("vaadin-confirm-dialog-overlay, vaadin-confirm-dialog[opened]").last();
        assertThat(page.getByText("You would lose access to image generation")).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("polish-lockout-warning.png")));
        button("Save and take Designers").click();
        assertThat(notices().first()).containsText("You now hold the Designers role, so you can still generate.");
        assertThat(notices()).hasCount(1);
        assertThat(page.locator(".access-state")).containsText("Access is restricted");

        page.navigate(url(""));
        assertThat(page.locator(".generate-form")).isVisible();
        assertThat(page.getByText("You don't have a role that allows image generation.")).hasCount(0);
        assertThat(warning).hasCount(0);
        assertNoEmoji();
        assertNoConsoleErrors();
    }

    @Test
    void defects3_13_16_auditEntriesReadInWordsWithEditUnderEveryImageAndTheRawAnswerForAdmins() throws Exception {
        UUID acme = users.workspaceWithKey("Acme");
        TestUser dana = users.admin(acme, "Dana");
        TestUser ana = users.member(acme, "Ana");
        LoggedIn.as(ana, memberships);
        Generated.images(generations, "two foxes in the snow", 2);
        fake.enqueueFault(Fault.badRequest("quality", "invalid_value", "Invalid value: 'high'. Supported values are:"
                + " 'low' and 'auto'."));
        UUID refused = generations.submit(GenerationRequest.of("a refused lighthouse", ImageOptions.DEFAULTS
                .withOutputFormat(OutputFormat.PNG)));
        Generations.awaitFinished(generations, refused);
        LoggedIn.nobody();

        BrowserLogin.logIn(page, url("login"), dana.username(), TestUsers.PASSWORD);
        page.navigate(url("audit"));
        Locator prompt = page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText("Prompt")).first();
        assertThat(prompt).isVisible();
        BoundingBox header = prompt.boundingBox();
        assertThat(header.width).as("the prompt column at 1280 px").isGreaterThan(180);
        assertThat(header.x + header.width).as("the prompt column is on screen, not scrolled off").isLessThan(1280);
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("polish-audit-grid.png")));

        page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("two foxes")).first()
                .click();
        assertThat(page.locator(".audit-image-edit")).hasCount(2);
        assertThat(page.getByText("Waited in queue")).isVisible();
        assertThat(page.getByText("queue_ms")).hasCount(0);
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("polish-audit-detail-light.png")));
        page.evaluate("() => document.documentElement.setAttribute('theme', 'dark')");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("polish-audit-detail-dark.png")));
        page.evaluate("() => document.documentElement.removeAttribute('theme')");
        page.keyboard().press("Escape");
        assertThat(page.locator(".audit-image-edit")).hasCount(0);

        page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("a refused lighthouse"))
                .first().click();
        assertThat(page.getByText("OpenAI's answer (admins only)")).isVisible();
        assertThat(page.getByText(Pattern.compile("Invalid value: 'high'"))).isVisible();
        assertThat(page.getByText("This model doesn't offer that quality. Choose another quality, or Auto.")).isVisible();
        assertThat(page.getByText("error_detail")).hasCount(0);
        assertNoEmoji();
        assertNoConsoleErrors();
    }

    private Locator notices() {
        return page.locator("vaadin-notification-card");
    }

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private void assertNoEmoji() {
        String text = (String) page.evaluate("() => document.body.innerText");
        assertThat(EMOJI.matcher(text).find()).as("emoji in: %s", text).isFalse();
    }
}
